/**
 * A document version: a frozen state of one document that history diffs, exports render, submissions
 * and reviews point to. Named by a user, or made by the server at a consultation round's freeze, a
 * submission or a publication. Never changes once made.
 */
export const VERSION_KINDS = ['named', 'round', 'submission', 'publication'] as const;
export type VersionKind = (typeof VERSION_KINDS)[number];

export interface DocumentVersion {
  id: string;
  projectId: string;
  documentId: string;
  kind: VersionKind;
  /** "启动会后", "第1轮征求意见稿", "送审稿（第2次提交）" … */
  name: string;
  createdBy: string;
  createdAt: string;
  /** The immutable frozen state (SnapshotStore). */
  snapshotId: string;
  /** SHA-256 (hex) of the frozen Yjs state: the same state, the same hash. */
  stateHash: string;
  /** The consultation round whose freeze made it (kind 'round'). */
  roundId?: string;
  /** The submission that froze it (kind 'submission'). */
  submissionId?: string;
}

/** A version as the API answers it: with who made it. */
export interface DocumentVersionView extends DocumentVersion {
  createdByName: string;
  createdByOrganization: string;
}

/**
 * A restore: the lead brought one clause (or the whole document) back to a version, applied as a new
 * change of the live text attributed to the lead. The history shows it as "恢复 5.2 至版本 启动会后".
 */
export interface DocumentRestore {
  id: string;
  projectId: string;
  documentId: string;
  versionId: string;
  /** The version's name at the time. */
  versionName: string;
  /** The restored part: a stable id, `cover`, `foreword` or `bibliography`; null for the whole document. */
  clauseId: string | null;
  /** The part's label then ("5.2", "表1", "前言"), null for the whole document. */
  clauseLabel: string | null;
  userId: string;
  /** When the change was applied (the stored update of the lead carries the same moment, to the millisecond). */
  at: string;
}
