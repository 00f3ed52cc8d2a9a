/** Authorization of the comment routes: a thread or comment is visible to whoever can view its document. */
import type { Context } from 'hono';
import { accessFor } from '../access/projectAccess.js';
import type { CommentGrant, ThreadGrant } from '../comments/access.js';
import { ApiProblem } from '../services/ApiProblem.js';
import type { ApiEnv, AppServices } from './context.js';
import { requireUser } from './guards.js';

/** A thread the caller may see; one they may not see answers 404, like one that does not exist. */
export function viewableThread(services: AppServices, c: Context<ApiEnv>, threadId: string): ThreadGrant {
  const user = requireUser(c);
  const thread = services.metadata.collection('commentThreads').get(threadId);
  const project = thread ? services.metadata.collection('projects').get(thread.projectId) : undefined;
  const access = project ? accessFor(services.metadata, user, project) : null;
  if (!thread || !project || !access?.canView || !project.documents.some((d) => d.id === thread.documentId)) {
    throw new ApiProblem(404, 'thread not found');
  }
  return { user, project, access, documentId: thread.documentId, thread };
}

export function viewableComment(services: AppServices, c: Context<ApiEnv>, commentId: string): CommentGrant {
  requireUser(c);
  const found = services.comments.threads.findComment(commentId);
  if (!found) throw new ApiProblem(404, 'comment not found');
  try {
    return { ...viewableThread(services, c, found.thread.id), comment: found.comment };
  } catch (error) {
    if (error instanceof ApiProblem && error.status === 404) throw new ApiProblem(404, 'comment not found');
    throw error;
  }
}
