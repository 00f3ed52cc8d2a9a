/**
 * Jumping to a place of the document: scroll it into view, put the selection there (the matched
 * text, or the section's title) and mark it briefly.
 */
import type { Editor } from '@tiptap/react';
import { TextSelection } from '@tiptap/pm/state';
import type { Node as PMNode } from '@tiptap/pm/model';
import { NODE } from '@shared/editor/structure/names';
import { flashNode } from '../extensions/jumpHighlight';
import { scrollIntoViewSettled } from '../../../lib/scrollIntoViewSettled';

export interface RevealOptions {
  /** Select this text when it occurs in the node (e.g. a checker finding's excerpt). */
  excerpt?: string;
}

/** The range of `text` in a text block whose content starts at `contentStart`, or null. */
function searchTextblock(block: PMNode, contentStart: number, text: string): { from: number; to: number } | null {
  let plain = '';
  const offsets: number[] = [];
  block.forEach((inline, inlineOffset) => {
    if (inline.isText && inline.text) {
      for (let i = 0; i < inline.text.length; i++) offsets.push(inlineOffset + i);
      plain += inline.text;
    } else {
      // An inline atom (a cross-reference) is one position and matches nothing.
      offsets.push(inlineOffset);
      plain += '\uFFFC';
    }
  });
  const index = plain.indexOf(text);
  if (index < 0) return null;
  return { from: contentStart + offsets[index]!, to: contentStart + offsets[index + text.length - 1]! + 1 };
}

/** The range of the first occurrence of `text` in a text block of `node` (at `pos`), or null. */
function findText(node: PMNode, pos: number, text: string): { from: number; to: number } | null {
  if (node.isTextblock) return searchTextblock(node, pos + 1, text);
  let found: { from: number; to: number } | null = null;
  node.descendants((child, offset) => {
    if (found) return false;
    if (!child.isTextblock) return true;
    found = searchTextblock(child, pos + 1 + offset + 1, text);
    return false;
  });
  return found;
}

/** Where the caret goes in a node: inside its title/caption/first text block. */
function caretRange(node: PMNode, pos: number): { from: number; to: number } | null {
  if (node.isTextblock) return { from: pos + 1, to: pos + 1 + node.content.size };
  let range: { from: number; to: number } | null = null;
  node.descendants((child, offset) => {
    if (range) return false;
    if (child.isTextblock) {
      const start = pos + 1 + offset + 1;
      // A section's title is selected whole; elsewhere only the caret is placed.
      const whole = child.type.name === NODE.sectionTitle;
      range = { from: start, to: whole ? start + child.content.size : start };
      return false;
    }
    return true;
  });
  return range;
}

/**
 * Brings the node at `pos` into the middle of the view: the text found in it, else a section by
 * its title (a long section then shows its start), else the node.
 */
function scrollTo(editor: Editor, pos: number, found: { from: number } | null): void {
  if (found) {
    const { node } = editor.view.domAtPos(found.from);
    const element = node instanceof Element ? node : node.parentElement;
    if (element) {
      scrollIntoViewSettled(element);
      return;
    }
  }
  const dom = editor.view.nodeDOM(pos);
  const element = dom instanceof HTMLElement ? dom : dom?.parentElement;
  if (!element) return;
  scrollIntoViewSettled(element.querySelector(':scope > .gb-section-title') ?? element);
}

/** Scrolls to the node at `pos`, selects in it and marks it. */
export function revealNode(editor: Editor, pos: number, options: RevealOptions = {}): void {
  if (editor.isDestroyed) return;
  const node = editor.state.doc.nodeAt(pos);
  if (!node) return;
  const found = options.excerpt ? findText(node, pos, options.excerpt) : null;
  const range = found ?? caretRange(node, pos);
  if (range) {
    const tr = editor.state.tr.setSelection(TextSelection.create(editor.state.doc, range.from, range.to));
    editor.view.dispatch(tr);
    if (editor.isEditable) editor.commands.focus(undefined, { scrollIntoView: false });
  }
  scrollTo(editor, pos, found);
  flashNode(editor, pos);
}
