/** GET /api/projects/:id/comment-stats: the statistics CommentStatsExtension keeps, one row per document of the project. */
import type { CommentStats, ProjectCommentStats } from '@shared/api/comments.js';
import type { Project } from '@shared/domain/project.js';

export function projectCommentStats(project: Project, stored: CommentStats[]): ProjectCommentStats {
  const byDocument = new Map(stored.map((s) => [s.documentId, s]));
  return {
    projectId: project.id,
    documents: project.documents.map((d) => {
      const stats = byDocument.get(d.id);
      return {
        projectId: project.id,
        documentId: d.id,
        kind: d.kind,
        title: d.title,
        open: stats?.open ?? 0,
        resolved: stats?.resolved ?? 0,
        orphaned: stats?.orphaned ?? 0,
        byClause: stats?.byClause ?? [],
        byOrganization: stats?.byOrganization ?? [],
        updatedAt: stats?.updatedAt ?? null,
      };
    }),
  };
}
