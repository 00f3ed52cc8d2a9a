import { http } from '../../../api/http';
import type { ProjectCommentStats, ThreadListResponse, ThreadView } from '@shared/api/comments';
import type { CreateThreadBody } from '@shared/validation/comments';

const enc = encodeURIComponent;

export interface CommentText {
  body: string;
  mentions: string[];
}

/** The comments API (docs/api.md, "Comments on the text"). */
export const commentsApi = {
  list: (documentId: string, signal?: AbortSignal) =>
    http.get<ThreadListResponse>(`/api/documents/${enc(documentId)}/threads`, { signal }),
  start: (documentId: string, body: CreateThreadBody) =>
    http.post<ThreadView>(`/api/documents/${enc(documentId)}/threads`, body),
  reply: (threadId: string, body: CommentText) => http.post<ThreadView>(`/api/threads/${enc(threadId)}/comments`, body),
  edit: (commentId: string, body: CommentText) => http.patch<ThreadView>(`/api/comments/${enc(commentId)}`, body),
  remove: (commentId: string) => http.delete(`/api/comments/${enc(commentId)}`),
  resolve: (threadId: string) => http.post<ThreadView>(`/api/threads/${enc(threadId)}/resolve`),
  reopen: (threadId: string) => http.post<ThreadView>(`/api/threads/${enc(threadId)}/reopen`),
  /** Open / resolved / orphaned threads per document of a project. */
  stats: (projectId: string, signal?: AbortSignal) =>
    http.get<ProjectCommentStats>(`/api/projects/${enc(projectId)}/comment-stats`, { signal }),
};
