/** The projects an organization takes part in: as lead unit, supervising bureau or a member's organization. */
import type { Project } from '@shared/domain/project.js';
import type { MetadataStore } from '../storage/types.js';

export function projectsInvolving(store: MetadataStore, organizationId: string): Project[] {
  const viaMembers = new Set(
    store
      .collection('members')
      .findMany({ organizationId })
      .map((m) => m.projectId),
  );
  return store
    .collection('projects')
    .findMany()
    .filter(
      (p) =>
        p.leadOrganizationId === organizationId ||
        p.supervisingBureauIds.includes(organizationId) ||
        viaMembers.has(p.id),
    );
}
