/** Live events of a project, pushed to browsers over Server-Sent Events (GET /api/projects/:id/events). */
export type ProjectEvent =
  | { type: 'ready' }
  | { type: 'members-changed' }
  | { type: 'project-changed' }
  | { type: 'comments-changed'; documentId: string; threadId: string | null }
  /** The stored comment statistics of a document changed (GET /api/projects/:id/comment-stats). */
  | { type: 'comment-stats-changed'; documentId: string }
  | { type: 'consultation-changed'; roundId: string };
