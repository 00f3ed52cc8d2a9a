/**
 * Rights on comments of the text, derived from the project rights (accessFor): who is acting on which
 * thread or comment (the grants the comment routes hand to the service), and what they may do there.
 */
import type { ProjectAccess } from '@shared/api/types.js';
import type { Comment, CommentThread } from '@shared/domain/comments.js';
import type { UserRecord } from '../storage/types.js';
import type { ProjectGrant } from './projectAccess.js';

export interface DocumentGrant extends ProjectGrant {
  documentId: string;
}

export interface ThreadGrant extends DocumentGrant {
  thread: CommentThread;
}

export interface CommentGrant extends ThreadGrant {
  comment: Comment;
}

export interface Caller {
  user: UserRecord;
  access: ProjectAccess;
}

/** Commenters (lead, drafters, reviewers) start threads and reply. */
export function mayComment(caller: Caller): boolean {
  return caller.access.canComment;
}

/** The project lead (or an administrator, who manages) and the thread's author while they may comment. */
export function canSettle(caller: Caller, thread: CommentThread): boolean {
  return caller.access.canManage || (mayComment(caller) && thread.authorId === caller.user.id);
}

/** Only the author changes or deletes a comment, while they may still comment. */
export function canChange(caller: Caller, comment: Comment): boolean {
  return mayComment(caller) && comment.authorId === caller.user.id && !comment.deletedAt;
}
