/**
 * Comment anchors: a range of a document as two Yjs relative positions, stored beside the thread.
 * The start is associated with the first quoted character and the end with the last one, so text
 * typed just before or just after the range stays outside it, and both follow every concurrent
 * edit. The browser turns its selection into anchors (`anchorFromSelection`) and resolves them
 * back through the editor's Y↔ProseMirror mapping; the server and tests resolve them the same way
 * on a ProseMirror document built from the Y.Doc (`documentAnchors`).
 */
import * as Y from 'yjs';
import { fromBase64, toBase64 } from 'lib0/buffer';
import {
  absolutePositionToRelativePosition,
  initProseMirrorDoc,
  relativePositionToAbsolutePosition,
} from '@tiptap/y-tiptap';
import type { Node as PMNode, ResolvedPos, Schema } from '@tiptap/pm/model';
import { QUOTE_MAX } from '../domain/comments.js';
import { NODE, SECTION_NODE_TYPES } from '../editor/structure/names.js';

/** The binding's Y type → ProseMirror node map (y-tiptap does not export its type by name). */
export type ProsemirrorMapping = Parameters<typeof relativePositionToAbsolutePosition>[3];

const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

export function encodeAnchor(position: Y.RelativePosition): string {
  return toBase64(Y.encodeRelativePosition(position));
}

/** The relative position, or null if the string is not one (never throws). */
export function decodeAnchor(encoded: string): Y.RelativePosition | null {
  if (!BASE64.test(encoded) || encoded.length % 4 !== 0) return null;
  try {
    const position = Y.decodeRelativePosition(fromBase64(encoded));
    // Canonical form only: re-encoding gives the same bytes (rejects trailing garbage).
    return encodeAnchor(position) === encoded ? position : null;
  } catch {
    return null;
  }
}

export function isEncodedRelativePosition(encoded: string): boolean {
  return decodeAnchor(encoded) !== null;
}

/**
 * True while an anchor refers to text this copy of the document has not received yet (a thread
 * started on an edit still on its way): it is neither placed nor orphaned here, yet.
 */
export function isAnchorPending(ydoc: Y.Doc, anchorStart: string, anchorEnd: string): boolean {
  const unknown = (id: Y.ID | null): boolean => id !== null && Y.getState(ydoc.store, id.client) <= id.clock;
  return [decodeAnchor(anchorStart), decodeAnchor(anchorEnd)].some(
    (p) => p !== null && (unknown(p.item) || unknown(p.type)),
  );
}

export interface AnchorRange {
  from: number;
  to: number;
}

/** Everything needed to resolve anchors against one state of a document. */
export interface AnchorContext {
  ydoc: Y.Doc;
  fragment: Y.XmlFragment;
  mapping: ProsemirrorMapping;
  doc: PMNode;
}

/**
 * Resolves an anchor to ProseMirror positions; null when it is orphaned: the anchored text was
 * deleted (the range collapsed), or a position cannot be resolved in this state of the document.
 */
export function resolveAnchor(context: AnchorContext, anchorStart: string, anchorEnd: string): AnchorRange | null {
  const start = decodeAnchor(anchorStart);
  const end = decodeAnchor(anchorEnd);
  if (!start || !end) return null;
  const from = relativePositionToAbsolutePosition(context.ydoc, context.fragment, start, context.mapping);
  const to = relativePositionToAbsolutePosition(context.ydoc, context.fragment, end, context.mapping);
  if (from === null || to === null || from >= to) return null;
  const size = context.doc.content.size;
  if (from < 0 || to > size) return null;
  if (context.doc.textBetween(from, to, '', '').length === 0) return null;
  return { from, to };
}

/** A relative position for a ProseMirror position, associated with the character after it (assoc ≥ 0) or before it (assoc < 0). */
function relativeAt(context: AnchorContext, pos: number, assoc: 0 | -1): Y.RelativePosition {
  const base = absolutePositionToRelativePosition(pos, context.fragment, context.mapping) as Y.RelativePosition;
  const absolute = Y.createAbsolutePositionFromRelativePosition(base, context.ydoc);
  // Inside text, attach to the character itself; elsewhere y-tiptap's own position is kept.
  if (absolute && absolute.type instanceof Y.XmlText)
    return Y.createRelativePositionFromTypeIndex(absolute.type, absolute.index, assoc);
  return base;
}

/** Encoded anchors for the range from..to (a non-empty selection of the editor). */
export function createAnchor(
  context: AnchorContext,
  from: number,
  to: number,
): { anchorStart: string; anchorEnd: string } {
  return {
    anchorStart: encodeAnchor(relativeAt(context, from, 0)),
    anchorEnd: encodeAnchor(relativeAt(context, to, -1)),
  };
}

/** The quoted text of a range (blocks separated by a newline), shortened to what a thread keeps. */
export function quoteOf(doc: PMNode, from: number, to: number): string {
  const text = doc.textBetween(from, to, '\n', ' ');
  return text.length > QUOTE_MAX ? `${text.slice(0, QUOTE_MAX - 1)}…` : text;
}

/**
 * Node types whose `id` a thread records as its clause, innermost first: what 标准章条编号 names
 * (a term 3.1, 表1, 图1, a clause, a chapter, an annex). A normative reference is its chapter's.
 */
const CLAUSE_NODE_TYPES = new Set<string>([NODE.termEntry, NODE.tableBlock, NODE.figureBlock, ...SECTION_NODE_TYPES]);

/** The id of the innermost numbered node (clause, chapter, annex, term, table, figure …) around a position. */
export function clauseIdAt($pos: ResolvedPos): string | null {
  for (let depth = $pos.depth; depth > 0; depth--) {
    const node = $pos.node(depth);
    const id: unknown = node.attrs.id;
    if (CLAUSE_NODE_TYPES.has(node.type.name) && typeof id === 'string' && id.length > 0) return id;
  }
  return null;
}

/**
 * An anchor context for a Y.Doc outside any editor (server, tests): the ProseMirror document and its
 * mapping. Built on a copy: y-tiptap deletes from the Yjs tree whatever does not fit the schema while
 * it builds the ProseMirror document, and reading must never change the live document. The copy has
 * the same item ids, so relative positions resolve (and are created) exactly as on the original.
 */
export function documentAnchors(ydoc: Y.Doc, field: string, schema: Schema): AnchorContext {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(ydoc));
  const fragment = copy.getXmlFragment(field);
  const { doc, mapping } = initProseMirrorDoc(fragment, schema);
  return { ydoc: copy, fragment, mapping: mapping as ProsemirrorMapping, doc };
}
