/** Rights on document versions, derived from the project rights (`accessFor`). */
import type { ProjectAccess } from '@shared/api/types.js';

/**
 * Restoring a clause or the whole document to a version changes everyone's text: the project lead
 * only — never drafters, reviewers, observers, or administrators (who manage but never write text).
 */
export function mayRestore(access: ProjectAccess): boolean {
  return access.role === 'lead' && access.canEdit;
}
