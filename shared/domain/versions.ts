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
