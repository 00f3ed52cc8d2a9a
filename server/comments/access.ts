/** Who is acting on which thread or comment: the grants the comment routes hand to the service. */
import type { ProjectAccess } from '@shared/api/types.js';
import type { Comment, CommentThread } from '@shared/domain/comments.js';
import type { Project } from '@shared/domain/project.js';
import type { UserRecord } from '../storage/types.js';

export interface DocumentGrant {
  user: UserRecord;
  project: Project;
  access: ProjectAccess;
  documentId: string;
}

export interface ThreadGrant extends DocumentGrant {
  thread: CommentThread;
}

export interface CommentGrant extends ThreadGrant {
  comment: Comment;
}
