import type { GateFix } from '@shared/api/workflow';

/** Where the drafting group fixes what a gate item found: a document, a round, the group, the progress tab, a technical review. */
export function fixPath(fix: GateFix, projectId: string): string {
  const project = `/projects/${encodeURIComponent(projectId)}`;
  switch (fix.type) {
    case 'document':
      return `/documents/${encodeURIComponent(fix.documentId)}`;
    case 'round':
      return `${project}/rounds/${encodeURIComponent(fix.roundId)}`;
    case 'group':
      return `${project}?tab=group`;
    case 'production-checks':
      return `${project}?tab=progress`;
    case 'review':
      return `/reviews/${encodeURIComponent(fix.reviewId)}`;
  }
}
