/**
 * The change history of a document (GET /api/documents/:id/history): who changed which clause, when
 * and how much, newest first. Attribution is the server's record of who sent each change.
 */
import type { Decision } from '../domain/consultation.js';
import type { ProjectStage } from '../domain/project.js';

/**
 * Unnumbered parts a change can touch, named by these keys where a numbered node is named by its
 * stable id: the cover, the table of contents, the foreword, the bibliography, and content outside
 * any part or section (`body`, e.g. the title line of a drafting explanation).
 */
export const HISTORY_PARTS = ['cover', 'toc', 'foreword', 'bibliography', 'body'] as const;
export type HistoryPart = (typeof HISTORY_PARTS)[number];

/** What the changed node is: a numbered kind of the numbering, or an unnumbered part. */
export type HistoryTargetKind =
  | 'chapter'
  | 'clause'
  | 'annex'
  | 'term'
  | 'reference'
  | 'table'
  | 'figure'
  | HistoryPart;

/** The node (or part) a change was made in, labelled as the document reads now. */
export interface HistoryTarget {
  /** The node's stable id, or a part key (`foreword`, `cover` …). */
  targetId: string;
  kind: HistoryTargetKind;
  /**
   * The current label ("5.2", "表1", "附录A", "3.1"; "前言", "封面" for parts); for a node that no
   * longer exists, the label it had when it was deleted ('' when unknown).
   */
  label: string;
  /** Section title, caption, term or document title ('' for parts). */
  title: string;
  /** The node no longer exists in the document. */
  deleted: boolean;
}

/** Text changed in one node during an entry. */
export interface HistoryTextChange extends HistoryTarget {
  /** Characters added (still there at the end of the entry). */
  added: number;
  /** Characters of earlier text removed. */
  removed: number;
  /** Formatting (bold, italic …) changed. */
  formatted: boolean;
  /** Attributes changed, e.g. cover fields (`titleZh`), an annex's type (`normative`). */
  attributes: string[];
}

export const HISTORY_STRUCTURE_CHANGES = ['inserted', 'deleted', 'moved', 'rows-added', 'rows-removed'] as const;
export type HistoryStructureChangeKind = (typeof HISTORY_STRUCTURE_CHANGES)[number];

/** A change of the structure: a chapter/clause/annex/table/figure/term/reference inserted, moved or deleted, table rows added or removed. */
export interface HistoryStructureChange extends HistoryTarget {
  change: HistoryStructureChangeKind;
  /** Moves: the label before the move. */
  fromLabel?: string;
  /** Row changes: how many rows. */
  rows?: number;
}

/** A restore recorded for the entry's changes ("恢复 5.2 至版本 启动会后"). */
export interface HistoryRestoreNote {
  versionId: string;
  versionName: string;
  /** The restored part's label then; null for the whole document. */
  clauseLabel: string | null;
}

/**
 * A comment of a consultation round (征求意见汇总处理表) whose handler named this entry as the change
 * that implemented it ("第1轮 第3条 5.2 采纳").
 */
export interface HistoryConsultationNote {
  roundId: string;
  /** The round's number within the project (1, 2 …). */
  roundNumber: number;
  itemId: string;
  /** 序号 of the item within its round. */
  seq: number;
  /** 标准章条编号 the comment was made on. */
  clauseLabel: string;
  decision: Decision | null;
}

/** One entry of the timeline: the consecutive changes of one person (an editing session). */
export interface HistoryEntryView {
  /** Stable id of the entry (`<generation>.<index>`: where its first change is stored). */
  id: string;
  userId: string;
  /** '' for changes the server made itself (`system`). */
  userName: string;
  /** The server made these changes itself (templates, migrations), not a person. */
  system: boolean;
  /** The document's creation (its template content): `changes` and `structure` list all of it. */
  creation: boolean;
  /** The person's organization when the change was made. */
  organizationId: string;
  organizationName: string;
  /** ISO times of the first and the last change. */
  from: string;
  to: string;
  /** Stored changes (Yjs updates) merged into the entry. */
  updates: number;
  /** Totals over `changes`. */
  added: number;
  removed: number;
  /** Text changes per node, in document order. */
  changes: HistoryTextChange[];
  structure: HistoryStructureChange[];
  restores: HistoryRestoreNote[];
  /** Consultation comments this entry implemented (picked by their handler). */
  consultation: HistoryConsultationNote[];
  /** The person may still be adding to this entry (changed less than a few minutes ago). */
  open: boolean;
}

/** A person who appears in the document's history (the person filter's choices). */
export interface HistoryAuthor {
  userId: string;
  name: string;
  organizationId: string;
  organizationName: string;
}

/** When the project was in a stage (from the project's stage log, server/workflow/StageLog.ts). */
export interface StagePeriod {
  stage: ProjectStage;
  /** ISO time the period began; null: since the project began. */
  from: string | null;
  /** ISO time it ended; null: still going on. */
  to: string | null;
}

export interface HistoryPage {
  entries: HistoryEntryView[];
  /** Pass as `cursor` for the next, older page; null when there is none. */
  nextCursor: string | null;
  /** Everyone in the document's whole history (unfiltered), for the filters. */
  authors: HistoryAuthor[];
  /** The project's stage periods (the stage filter's choices and meaning). */
  stages: StagePeriod[];
}
