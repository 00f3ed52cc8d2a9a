/** Response shapes of the comments API (GET/POST /api/documents/:id/threads …). */
import type { ThreadStatus } from '../domain/comments.js';
import type { DocumentKind } from '../domain/project.js';

export interface CommentMention {
  userId: string;
  name: string;
}

export interface CommentView {
  id: string;
  threadId: string;
  authorId: string;
  authorName: string;
  organizationName: string;
  /** Empty when deleted. */
  body: string;
  mentions: CommentMention[];
  createdAt: string;
  editedAt: string | null;
  deleted: boolean;
  /** What the caller may do with this comment. */
  can: { edit: boolean; remove: boolean };
}

export interface ThreadView {
  id: string;
  documentId: string;
  anchorStart: string;
  anchorEnd: string;
  quote: string;
  clauseId: string | null;
  /** The clause's number in the current text ("5.2", "表1", "附录A"); null if it no longer exists. */
  clauseLabel: string | null;
  status: ThreadStatus;
  /** The server's view: the anchored text is gone from the current text. */
  orphaned: boolean;
  authorId: string;
  authorName: string;
  organizationId: string;
  organizationName: string;
  createdAt: string;
  resolvedBy: string | null;
  resolvedByName: string | null;
  resolvedAt: string | null;
  comments: CommentView[];
  can: { reply: boolean; resolve: boolean; reopen: boolean };
}

export interface ThreadListResponse {
  documentId: string;
  threads: ThreadView[];
  /** May the caller start threads and reply in this document. */
  canComment: boolean;
}

export interface CommentCounts {
  open: number;
  resolved: number;
  /** Open threads whose anchored text was deleted (included in `open`). */
  orphaned: number;
}

/** Kept up to date by the server (CommentStatsExtension) for the progress view; one record per document. */
export interface CommentStats extends CommentCounts {
  /** The document id. */
  id: string;
  projectId: string;
  documentId: string;
  byClause: (CommentCounts & { clauseId: string | null; label: string | null })[];
  byOrganization: (CommentCounts & { organizationId: string; organizationName: string })[];
  updatedAt: string;
}

/** One document of GET /api/projects/:id/comment-stats: its counts (zero when nobody commented yet). */
export interface DocumentCommentStats extends Omit<CommentStats, 'id' | 'updatedAt'> {
  kind: DocumentKind;
  title: string;
  /** When the statistics were last stored; null when the document has no threads. */
  updatedAt: string | null;
}

/** GET /api/projects/:id/comment-stats — open / resolved / orphaned threads per document (refetch on SSE `comment-stats-changed`). */
export interface ProjectCommentStats {
  projectId: string;
  documents: DocumentCommentStats[];
}
