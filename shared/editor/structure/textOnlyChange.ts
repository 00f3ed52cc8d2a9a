/**
 * Tells a plain text edit from a structural one, so the numbering and the other document-wide
 * decorations are recomputed only when a change can affect them.
 *
 * `textblockChange` finds the one textblock a change lies in (or null when it spans blocks, adds
 * or removes blocks or changes a block's attributes) and lists the inline nodes on both sides of
 * it. `textOnlyChange` adds the numbering's rules: the textblock is not one whose text becomes a
 * label or a title (section titles, captions, term names, reference entries, headings) and no
 * cross-reference is added or removed.
 *
 * Both compare the documents (not the steps), so they also hold for the whole-document replacements
 * the Yjs binding makes for remote changes; unchanged subtrees are shared between the two documents,
 * which keeps the comparison proportional to the depth of the change, not to the document's size.
 */
import { Mapping, StepMap } from '@tiptap/pm/transform';
import type { Node as PMNode } from '@tiptap/pm/model';
import { NODE } from './names.js';

/** Textblocks whose text becomes a label or a title (numbering, outline, contents). */
const TITLE_TEXTBLOCKS = new Set<string>([
  NODE.sectionTitle,
  NODE.caption,
  NODE.termName,
  NODE.referenceEntry,
  'heading',
]);

/** One side of a change inside a textblock. */
export interface TextblockSide {
  textblock: PMNode;
  /** Position of the textblock's content start. */
  start: number;
  from: number;
  to: number;
}

export interface TextblockChange {
  /** Maps positions of the document before to the document after. */
  mapping: Mapping;
  before: TextblockSide;
  after: TextblockSide;
  /** Names of the non-text inline nodes in the changed range, on either side. */
  inlineTypes: Set<string>;
}

function sideInTextblock(doc: PMNode, from: number, to: number, inlineTypes: Set<string>): TextblockSide | null {
  const $from = doc.resolve(from);
  const textblock = $from.parent;
  if (!textblock.isTextblock || to > $from.end()) return null;
  if (to > from) {
    doc.nodesBetween(from, to, (node) => {
      if (node.isInline && !node.isText) inlineTypes.add(node.type.name);
      return !node.isInline;
    });
  }
  return { textblock, start: $from.start(), from, to };
}

/** Where two documents differ: [start, endBefore) of `before` became [start, endAfter) of `after`. */
export interface ChangedRange {
  start: number;
  endBefore: number;
  endAfter: number;
}

/**
 * The range in which `before` and `after` differ (null when equal). Unchanged subtrees are shared
 * between the two documents, so this costs the depth of the change, not the document's size.
 */
export function changedRange(before: PMNode, after: PMNode): ChangedRange | null {
  const start = before.content.findDiffStart(after.content);
  if (start === null) return null;
  const end = before.content.findDiffEnd(after.content);
  if (!end) return null;
  let endBefore = end.a;
  let endAfter = end.b;
  // Repeated content makes the common prefix and suffix overlap: move the end past the start.
  const overlap = start - Math.min(endBefore, endAfter);
  if (overlap > 0) {
    endBefore += overlap;
    endAfter += overlap;
  }
  return { start, endBefore, endAfter };
}

/** The mapping of a change (positions before → after). */
export function changeMapping({ start, endBefore, endAfter }: ChangedRange): Mapping {
  return new Mapping([new StepMap([start, endBefore - start, endAfter - start])]);
}

/** The change from `before` to `after` when it lies inside one textblock; null otherwise or when equal. */
export function textblockChange(before: PMNode, after: PMNode): TextblockChange | null {
  const range = changedRange(before, after);
  if (!range) return null;
  const { start, endBefore, endAfter } = range;
  const inlineTypes = new Set<string>();
  const beforeSide = sideInTextblock(before, start, endBefore, inlineTypes);
  const afterSide = beforeSide && sideInTextblock(after, start, endAfter, inlineTypes);
  if (!beforeSide || !afterSide) return null;
  return { mapping: changeMapping(range), before: beforeSide, after: afterSide, inlineTypes };
}

/**
 * The mapping from `before` to `after` when the change cannot affect the numbering (see above);
 * an empty mapping for equal documents; null for a structural change.
 */
export function textOnlyChange(before: PMNode, after: PMNode): Mapping | null {
  if (before.eq(after)) return new Mapping();
  const change = textblockChange(before, after);
  if (!change || TITLE_TEXTBLOCKS.has(change.after.textblock.type.name) || change.inlineTypes.has(NODE.crossRef)) {
    return null;
  }
  return change.mapping;
}
