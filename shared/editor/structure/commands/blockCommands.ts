/**
 * Commands that insert the numbered blocks (term entries, references, tables, figures, notes) and
 * cross-references at the cursor.
 */
import type { Command } from '@tiptap/core';
import { NodeSelection } from '@tiptap/pm/state';
import type { Transaction } from '@tiptap/pm/state';
import type { Node as PMNode, Schema } from '@tiptap/pm/model';
import { NODE, SECTION_NODE_TYPES } from '../names.js';
import { generateId } from '../ids.js';
import { findAround, placeCursor } from './helpers.js';

/** Containers that a structural block is never placed in (it goes after them instead). */
const AVOIDED_PARENTS = new Set<string>([NODE.tableCell, NODE.tableHeader, NODE.listItem, NODE.caption]);
/** The search for a place never climbs out of these. */
const BOUNDARIES = new Set<string>([...SECTION_NODE_TYPES, NODE.foreword, NODE.bibliography]);

interface Placement {
  from: number;
  to: number;
}

/**
 * Where to put a new block `node`: in place of the empty paragraph holding the cursor, else after
 * the innermost block around the cursor that may be followed by it (within the current section).
 */
export function findBlockPlacement(tr: Transaction, node: PMNode): Placement | null {
  const { selection } = tr;
  const $from = selection.$from;
  if (selection instanceof NodeSelection) {
    const index = $from.index() + 1;
    if (!AVOIDED_PARENTS.has($from.parent.type.name) && $from.parent.canReplaceWith(index, index, node.type)) {
      return { from: selection.to, to: selection.to };
    }
  }
  const current = $from.parent;
  if ($from.depth > 0 && current.type.name === NODE.paragraph && current.content.size === 0) {
    const container = $from.node(-1);
    const index = $from.index(-1);
    if (!AVOIDED_PARENTS.has(container.type.name) && container.canReplaceWith(index, index + 1, node.type)) {
      return { from: $from.before(), to: $from.after() };
    }
  }
  for (let depth = $from.depth; depth > 0; depth--) {
    if (BOUNDARIES.has($from.node(depth).type.name)) break;
    const container = $from.node(depth - 1);
    const index = $from.index(depth - 1) + 1;
    if (!AVOIDED_PARENTS.has(container.type.name) && container.canReplaceWith(index, index, node.type)) {
      const after = $from.after(depth);
      return { from: after, to: after };
    }
  }
  return null;
}

/** Inserts a block at `findBlockPlacement` and puts the cursor `cursorOffset` into it. */
function insertBlock(build: (schema: Schema) => PMNode, cursorOffset: number): Command {
  return ({ tr, dispatch }) => {
    const node = build(tr.doc.type.schema);
    const placement = findBlockPlacement(tr, node);
    if (!placement) return false;
    if (dispatch) {
      tr.replaceWith(placement.from, placement.to, node);
      placeCursor(tr, placement.from + cursorOffset);
      tr.scrollIntoView();
    }
    return true;
  };
}

function nodeOf(
  schema: Schema,
  name: string,
  attrs: Record<string, unknown> | null,
  content?: PMNode | PMNode[],
): PMNode {
  return schema.nodes[name]!.create(attrs, content);
}

/** An empty term entry (Chinese term, English equivalent, definition); cursor in the term. */
export function insertTermEntry(): Command {
  return insertBlock(
    (schema) =>
      nodeOf(schema, NODE.termEntry, { id: generateId() }, [
        nodeOf(schema, NODE.termName, null),
        nodeOf(schema, NODE.termEnglish, null),
        nodeOf(schema, NODE.termDefinition, null),
      ]),
    2,
  );
}

/** An empty normative-reference entry; cursor in it. */
export function insertReferenceEntry(): Command {
  return insertBlock((schema) => nodeOf(schema, NODE.referenceEntry, { id: generateId() }), 1);
}

export interface TableBlockOptions {
  /** Rows including the header row (default 3). */
  rows?: number;
  /** Columns (default 3). */
  cols?: number;
}

/** A numbered table: caption above, a table with a header row; cursor in the caption. */
export function insertTableBlock(options: TableBlockOptions = {}): Command {
  const rows = Math.max(1, Math.floor(options.rows ?? 3));
  const cols = Math.max(1, Math.floor(options.cols ?? 3));
  return insertBlock((schema) => {
    const cell = (name: string): PMNode => schema.nodes[name]!.createAndFill()!;
    const row = (name: string): PMNode =>
      nodeOf(
        schema,
        NODE.tableRow,
        null,
        Array.from({ length: cols }, () => cell(name)),
      );
    const tableRows = [row(NODE.tableHeader), ...Array.from({ length: rows - 1 }, () => row(NODE.tableCell))];
    return nodeOf(schema, NODE.tableBlock, { id: generateId() }, [
      nodeOf(schema, NODE.caption, null),
      nodeOf(schema, NODE.table, null, tableRows),
    ]);
  }, 2);
}

/** A numbered figure (image `src`, `''` = to be supplied) with its caption; cursor in the caption. */
export function insertFigureBlock(options: { src?: string } = {}): Command {
  return insertBlock(
    (schema) =>
      nodeOf(
        schema,
        NODE.figureBlock,
        { id: generateId(), src: options.src ?? '' },
        nodeOf(schema, NODE.caption, null),
      ),
    2,
  );
}

/**
 * A note: the last note of the table or term entry around the cursor, otherwise after the current
 * block; cursor in it.
 */
export function insertNote(): Command {
  return ({ tr, dispatch }) => {
    const note = nodeOf(tr.doc.type.schema, NODE.note, null);
    const owner = findAround(tr, [NODE.tableBlock, NODE.termEntry]);
    let placement: Placement | null;
    if (owner) {
      const end = owner.pos + owner.node.nodeSize - 1;
      placement = { from: end, to: end };
    } else {
      placement = findBlockPlacement(tr, note);
    }
    if (!placement) return false;
    if (dispatch) {
      tr.replaceWith(placement.from, placement.to, note);
      placeCursor(tr, placement.from + 1);
      tr.scrollIntoView();
    }
    return true;
  };
}

/** A cross-reference to the node with `targetId`, replacing the selection in text. */
export function insertCrossRef(targetId: string): Command {
  return ({ tr, dispatch }) => {
    const type = tr.doc.type.schema.nodes[NODE.crossRef]!;
    const { $from, $to } = tr.selection;
    if (!$from.parent.inlineContent || !$from.sameParent($to)) return false;
    if (!$from.parent.canReplaceWith($from.index(), $to.indexAfter(), type)) return false;
    if (dispatch) {
      tr.replaceSelectionWith(type.create({ targetId }), false);
      tr.scrollIntoView();
    }
    return true;
  };
}
