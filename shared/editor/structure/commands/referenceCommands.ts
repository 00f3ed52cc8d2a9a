/**
 * Keeping chapter 2 (规范性引用文件) in the GB/T 1.1—2020 order: national (GB, GB/T, GB/Z), industry,
 * local, group, enterprise, ISO, IEC, other documents, each class by number. The order is the one
 * the checker's `references.order` rule applies (`compareDesignations`), so the two never disagree.
 */
import type { Command } from '@tiptap/core';
import { Fragment } from '@tiptap/pm/model';
import type { Node as PMNode } from '@tiptap/pm/model';
import { compareDesignations, parseDesignation } from '../designations.js';
import type { Designation } from '../designations.js';
import { NODE } from '../names.js';
import { placeCursor } from './helpers.js';

interface Entry {
  node: PMNode;
  designation: Designation | null;
  index: number;
}

/** The reference entries in GB/T 1.1 order; entries without a readable designation last, as they were. */
export function sortedReferenceEntries(entries: readonly PMNode[]): PMNode[] {
  const parsed: Entry[] = entries.map((node, index) => ({
    node,
    designation: parseDesignation(node.textContent),
    index,
  }));
  return parsed
    .sort((a, b) => {
      if (a.designation && b.designation) return compareDesignations(a.designation, b.designation) || a.index - b.index;
      if (a.designation) return -1;
      if (b.designation) return 1;
      return a.index - b.index;
    })
    .map((e) => e.node);
}

/** The normative-references chapter (the first chapter of that role) and its position. */
function referencesChapter(doc: PMNode): { node: PMNode; pos: number } | null {
  let pos = 0;
  for (let i = 0; i < doc.childCount; i++) {
    const child = doc.child(i);
    if (child.type.name === NODE.chapter && child.attrs.role === 'normative-references') return { node: child, pos };
    pos += child.nodeSize;
  }
  return null;
}

/**
 * Sorts the reference entries of the normative-references chapter into the GB/T 1.1 order; the
 * other blocks of the chapter (the lead-in) stay where they are. Refused when already in order.
 */
export function sortReferences(): Command {
  return ({ tr, dispatch }) => {
    const chapter = referencesChapter(tr.doc);
    if (!chapter) return false;
    const children: PMNode[] = [];
    chapter.node.forEach((child) => {
      children.push(child);
    });
    const entries = children.filter((c) => c.type.name === NODE.referenceEntry);
    const sorted = sortedReferenceEntries(entries);
    if (sorted.every((node, i) => node === entries[i])) return false;
    if (dispatch) {
      const first = children.findIndex((c) => c.type.name === NODE.referenceEntry);
      const last = children.length - 1 - [...children].reverse().findIndex((c) => c.type.name === NODE.referenceEntry);
      let next = 0;
      const replaced = children
        .slice(first, last + 1)
        .map((c) => (c.type.name === NODE.referenceEntry ? sorted[next++]! : c));
      let from = chapter.pos + 1;
      for (let i = 0; i < first; i++) from += children[i]!.nodeSize;
      let to = from;
      for (let i = first; i <= last; i++) to += children[i]!.nodeSize;
      const caretInList = tr.selection.from >= from && tr.selection.from <= to;
      tr.replaceWith(from, to, Fragment.from(replaced));
      // A caret in the list stays in it (at its first entry) rather than being mapped past it.
      if (caretInList) placeCursor(tr, from + 1);
    }
    return true;
  };
}
