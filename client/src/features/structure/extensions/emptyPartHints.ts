/**
 * Client-only hints in the empty parts of the structure (a new clause's title, a table's caption, a
 * term entry's fields …): a grey, non-editable widget after the caret, so a drafter sees what goes
 * where. Nothing is stored; the hint disappears with the first character.
 */
import { Extension } from '@tiptap/core';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import type { Node as PMNode } from '@tiptap/pm/model';
import { NODE } from '@shared/editor/structure/names';
import { textblockChange } from '@shared/editor/structure/textOnlyChange';

/** The hint of an empty part, by its node type and its parent's. */
export type HintKey =
  | 'chapterTitle'
  | 'clauseTitle'
  | 'annexTitle'
  | 'tableCaption'
  | 'figureCaption'
  | 'termName'
  | 'termEnglish'
  | 'termDefinition'
  | 'reference'
  | 'note';

function hintKey(node: PMNode, parent: PMNode | null): HintKey | null {
  switch (node.type.name) {
    case NODE.sectionTitle:
      if (parent?.type.name === NODE.chapter) return 'chapterTitle';
      if (parent?.type.name === NODE.annex) return 'annexTitle';
      return parent?.type.name === NODE.clause ? 'clauseTitle' : null;
    case NODE.caption:
      return parent?.type.name === NODE.figureBlock ? 'figureCaption' : 'tableCaption';
    case NODE.termName:
      return 'termName';
    case NODE.termEnglish:
      return 'termEnglish';
    case NODE.termDefinition:
      return 'termDefinition';
    case NODE.referenceEntry:
      return 'reference';
    case NODE.note:
      return 'note';
    default:
      return null;
  }
}

function hintWidget(text: string): (view: { dom: HTMLElement }) => HTMLElement {
  return (view) => {
    const span = view.dom.ownerDocument.createElement('span');
    span.className = 'gb-hint';
    span.contentEditable = 'false';
    span.textContent = text;
    return span;
  };
}

function build(doc: PMNode, hint: (key: HintKey) => string): DecorationSet {
  const decorations: Decoration[] = [];
  doc.descendants((node, pos, parent) => {
    if (!node.isTextblock) return true;
    if (node.content.size === 0) {
      const key = hintKey(node, parent);
      if (key)
        decorations.push(
          Decoration.widget(pos + 1, hintWidget(hint(key)), { side: 1, key: `hint:${key}`, ignoreSelection: true }),
        );
    }
    return false;
  });
  return DecorationSet.create(doc, decorations);
}

/** The hints after a change: mapped when typing inside a textblock that stays non-empty, else rebuilt. */
function nextHints(set: DecorationSet, before: PMNode, after: PMNode, hint: (key: HintKey) => string): DecorationSet {
  const change = textblockChange(before, after);
  if (change && change.before.textblock.content.size > 0 && change.after.textblock.content.size > 0) {
    return set.map(change.mapping, after);
  }
  return build(after, hint);
}

export const emptyPartHintsKey = new PluginKey<DecorationSet>('emptyPartHints');

export interface EmptyPartHintsOptions {
  /** The text of a hint in the UI language. */
  hint: (key: HintKey) => string;
}

export const EmptyPartHints = Extension.create<EmptyPartHintsOptions>({
  name: 'emptyPartHints',

  addOptions() {
    return { hint: (key: HintKey) => key };
  },

  addProseMirrorPlugins() {
    const { hint } = this.options;
    const editor = this.editor;
    return [
      new Plugin<DecorationSet>({
        key: emptyPartHintsKey,
        state: {
          init: (_config, state) => build(state.doc, hint),
          apply: (tr, set, old, state) => (tr.docChanged ? nextHints(set, old.doc, state.doc, hint) : set),
        },
        props: {
          // Readers get no hints: there is nothing for them to fill in.
          decorations: (state) => (editor.isEditable ? (emptyPartHintsKey.getState(state) ?? null) : null),
        },
      }),
    ];
  },
});
