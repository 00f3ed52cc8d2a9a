/** The result of `computeNumbering`: what every consumer (editor, outline, checker, export) reads. */
import type { AnnexType, ChapterRole } from './names.js';
import type { ReferenceCode } from './referenceCode.js';

export type NumberedKind = 'chapter' | 'clause' | 'annex' | 'term' | 'reference' | 'table' | 'figure';

export interface NumberedItem {
  /** The node's `id` attribute; `''` for a node that has no id yet (it is then absent from `byId`). */
  id: string;
  kind: NumberedKind;
  /**
   * What the reader sees: `5`, `5.1.2`, `附录A`, `A.1`, `表2`, `表A.1`, `图1`, `3.2`, or a normative
   * document's designation (`GB/T 1234—2020`).
   */
  label: string;
  /** Chapters and annexes 1; anything else its enclosing section's depth + 1 (1 outside any section). */
  depth: number;
  /** The section title, table/figure caption, Chinese term, or a reference's document title. */
  title: string;
  /** The id of the enclosing chapter/clause/annex, null outside any section. */
  parentId: string | null;
  /** The ids of the enclosing sections, outermost first. */
  path: string[];
  /** Chapters only. */
  role?: ChapterRole;
  /** Annexes only. */
  annexType?: AnnexType;
  /** Annexes only: the letter (`A`), the part of the label its clauses, tables and figures use. */
  letter?: string;
  /** References only: the parsed designation (null when the text does not start with a code). */
  reference?: ReferenceCode | null;
}

export interface NoteLabel {
  /** `注：` (the only note of its parent) or `注1：`, `注2：` … */
  label: string;
  /** The node type of the note's parent (chapter, clause, annex, tableBlock, termEntry …). */
  parentType: string;
  /** The parent's id when it has one. */
  parentId: string | null;
  /** 1-based position among the parent's notes. */
  index: number;
  /** Number of notes in the parent. */
  count: number;
}

/** One labelled node in document (pre-)order: what the editor decorates. */
export interface LabelledNode {
  nodeType: string;
  label: string;
  item?: NumberedItem;
  note?: NoteLabel;
}

export interface Numbering {
  /** Numbered items by id (the first node wins when an id is duplicated). */
  byId: Record<string, NumberedItem>;
  /** Chapters, clauses and annexes in document order. */
  outline: NumberedItem[];
  /** Every note's label in document order. */
  notes: NoteLabel[];
  /**
   * Every labelled node (chapter, clause, annex, termEntry, referenceEntry, tableBlock, figureBlock,
   * note) in document pre-order, whether it has an id or not.
   */
  sequence: LabelledNode[];
}
