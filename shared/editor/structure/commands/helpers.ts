/** Small helpers for the structure commands: finding ancestors, building nodes, placing the cursor. */
import { NodeSelection, Selection, TextSelection } from '@tiptap/pm/state';
import type { Transaction } from '@tiptap/pm/state';
import type { Node as PMNode, Schema } from '@tiptap/pm/model';
import { NODE } from '../names.js';
import { generateId } from '../ids.js';

export interface FoundNode {
  node: PMNode;
  /** Position before the node. */
  pos: number;
  /** Depth of the node in the document. */
  depth: number;
}

/**
 * The selected node when it is of one of `types`, else the innermost ancestor of the selection's
 * start of one of `types`.
 */
export function findAround(tr: Transaction, types: readonly string[]): FoundNode | null {
  const { selection } = tr;
  if (selection instanceof NodeSelection && types.includes(selection.node.type.name)) {
    return { node: selection.node, pos: selection.from, depth: selection.$from.depth + 1 };
  }
  const $from = selection.$from;
  for (let depth = $from.depth; depth > 0; depth--) {
    const node = $from.node(depth);
    if (types.includes(node.type.name)) return { node, pos: $from.before(depth), depth };
  }
  return null;
}

/** A chapter, clause or annex with an empty (or given) title and a fresh id. */
export function createSection(schema: Schema, typeName: string, attrs: Record<string, unknown>, title = ''): PMNode {
  const titleNode = schema.nodes[NODE.sectionTitle]!.create(null, title ? schema.text(title) : null);
  return schema.nodes[typeName]!.create({ ...attrs, id: generateId() }, titleNode);
}

/** Puts a text cursor at `pos` (or the nearest valid position). */
export function placeCursor(tr: Transaction, pos: number): void {
  const $pos = tr.doc.resolve(Math.max(0, Math.min(pos, tr.doc.content.size)));
  tr.setSelection($pos.parent.inlineContent ? TextSelection.create(tr.doc, $pos.pos) : Selection.near($pos));
}

/**
 * Restores a selection that was inside a node which moved from `oldStart` to `newStart` (its
 * content unchanged at the front), keeping the same offsets.
 */
export function shiftSelection(tr: Transaction, before: Selection, oldStart: number, newStart: number): void {
  const delta = newStart - oldStart;
  if (before instanceof NodeSelection) {
    tr.setSelection(NodeSelection.create(tr.doc, before.from + delta));
  } else if (before instanceof TextSelection) {
    tr.setSelection(TextSelection.create(tr.doc, before.anchor + delta, before.head + delta));
  } else {
    placeCursor(tr, before.from + delta);
  }
}

/** Number of clause levels of `found` (1 for a clause directly in a chapter or annex; 0 for those). */
export function clauseLevel(tr: Transaction, found: FoundNode): number {
  const $pos = tr.doc.resolve(found.pos);
  let level = found.node.type.name === NODE.clause ? 1 : 0;
  for (let depth = $pos.depth; depth > 0; depth--) {
    if ($pos.node(depth).type.name === NODE.clause) level += 1;
  }
  return level;
}

/** Levels of clauses in a section's subtree, the section included when it is a clause. */
export function subtreeClauseLevels(node: PMNode): number {
  let deepest = 0;
  node.forEach((child) => {
    if (child.type.name === NODE.clause) deepest = Math.max(deepest, subtreeClauseLevels(child));
  });
  return deepest + (node.type.name === NODE.clause ? 1 : 0);
}
