/**
 * Which projects a bureau's staff follow (shared/domain/jurisdiction.ts): the projects their bureau
 * supervises, for a city bureau also those of the county bureaus of its city, for the province all.
 */
import type { Organization } from '@shared/domain/organization.js';
import type { Project } from '@shared/domain/project.js';
import { inJurisdiction } from '@shared/domain/jurisdiction.js';
import { isBureau } from '@shared/domain/memberRoles.js';
import type { MetadataStore, UserRecord } from '../storage/types.js';

/** The bureau the user works at, or null when they are not bureau staff. */
export function bureauOf(store: MetadataStore, user: UserRecord): Organization | null {
  const organization = store.collection('organizations').get(user.organizationId);
  return organization && isBureau(organization.kind) ? organization : null;
}

/** Whether the bureau's staff follow the project (read it as reviewers, see it on the dashboard). */
export function followsProject(
  bureau: Organization,
  project: Pick<Project, 'supervisingBureauIds'>,
  organizationById: (id: string) => Organization | undefined,
): boolean {
  if (project.supervisingBureauIds.includes(bureau.id)) return true;
  const supervising = project.supervisingBureauIds
    .map(organizationById)
    .filter((o): o is Organization => o !== undefined);
  return inJurisdiction(bureau, supervising);
}
