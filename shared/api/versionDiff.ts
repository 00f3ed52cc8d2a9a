/**
 * The differences between two states of a document (`GET /api/documents/:id/diff?from=&to=`): the
 * document as parts (a chapter, clause, annex, term, table or figure with its own text; the cover,
 * foreword and bibliography), each with its lines as runs kept, inserted or deleted, and every
 * inserted or deleted run attributed to the user whose stored update made it (the server's record).
 */
import type { DocumentRestore } from '../domain/versions.js';
import type { CoverField } from '../editor/structure/names.js';

export type DiffOp = 'equal' | 'insert' | 'delete';

/** A run of text; `by` is the user who inserted (or deleted) it, null when the record has no author. */
export interface DiffSegment {
  op: DiffOp;
  text: string;
  by?: string | null;
}

export type DiffLineRole =
  | 'title'
  | 'text'
  | 'note'
  | 'item'
  | 'reference'
  | 'caption'
  | 'term'
  | 'termEnglish'
  | 'definition'
  | 'field'
  | 'image';

export interface DiffLine {
  role: DiffLineRole;
  /** The cover field of a `field` line. */
  field?: CoverField;
  segments: DiffSegment[];
}

export type DiffStatus = 'unchanged' | 'changed' | 'inserted' | 'deleted';

/** One cell of a table part; cells are matched by their stable id. */
export interface DiffCell {
  /** The cell's stable id (null for a cell without one). */
  cellId: string | null;
  header: boolean;
  colspan: number;
  rowspan: number;
  status: DiffStatus;
  /** How a reader names the cell's place: `表1 保温效能/℃`. */
  place: string;
  segments: DiffSegment[];
}

export type DiffPartKind =
  | 'cover'
  | 'foreword'
  | 'bibliography'
  | 'text'
  | 'chapter'
  | 'clause'
  | 'annex'
  | 'term'
  | 'table'
  | 'figure';

export interface DiffPart {
  /** The stable id of the node, or `cover`, `foreword`, `bibliography`, `text@<n>` (top-level paragraphs). */
  key: string;
  /** The stable id (chapters, clauses, annexes, terms, tables, figures): what a restore of one clause names. */
  clauseId: string | null;
  kind: DiffPartKind;
  /** What the reader sees: "5.2", "表1", "附录A", "3.1", "前言", "封面" — the newer label, else the older one. */
  label: string;
  fromLabel: string | null;
  toLabel: string | null;
  /** The part's title (section title, caption, term) in the newer state, else in the older one. */
  title: string;
  /** 1 for chapters, annexes and front/back matter; deeper for clauses, and for terms, tables and figures inside them. */
  depth: number;
  status: DiffStatus;
  /** The part is in both states but stands in another place (another parent, or another order). */
  moved: boolean;
  lines: DiffLine[];
  /** Table parts: the rows of the newer table, with the rows and cells only the older one had. */
  rows?: DiffCell[][];
  /** Who made the changes of this part, in order of appearance. */
  authors: string[];
}

/**
 * A changed value of a table cell that a drafting explanation links to (关联指标): shown as
 * "指标 表1 保温效能/℃ 0.35 → 0.40".
 */
export interface IndicatorChange {
  cellId: string;
  tableId: string;
  /** `表1 保温效能/℃` (the newer place, else the older one). */
  place: string;
  before: string;
  after: string;
  authors: string[];
}

export interface DiffSide {
  /** null: the current (live) state. */
  versionId: string | null;
  name: string;
  createdAt: string;
}

export interface DiffAuthor {
  id: string;
  name: string;
  organization: string;
}

export interface VersionDiffView {
  documentId: string;
  documentTitle: string;
  from: DiffSide;
  to: DiffSide;
  /** The document in order: every part, changed or not (deleted parts where they stood). */
  parts: DiffPart[];
  indicators: IndicatorChange[];
  /** Everyone named in a `by` or `authors`. */
  authors: DiffAuthor[];
  counts: { inserted: number; deleted: number; changedParts: number };
}

/** The answer of `POST /api/documents/:id/restore`. */
export interface RestoreResult {
  restore: DocumentRestoreView;
}

/**
 * A restore as the history shows it: "恢复 5.2 至版本 启动会后" — the lead brought one clause (or the
 * whole document) back to a version, as a new change of the live text.
 */
export interface DocumentRestoreView extends Omit<DocumentRestore, 'projectId'> {
  userName: string;
  organizationName: string;
}
