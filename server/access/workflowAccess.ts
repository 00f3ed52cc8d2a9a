/**
 * Rights in the stage workflow, derived from the project access (projectAccess.ts) and the caller's
 * bureau: the lead submits; staff of a supervising local bureau check a submission first, provincial
 * staff then; staff of a supervising bureau record production-verification checks; the province
 * moves a project on with a note. The lead never decides on its own submission (it is no bureau).
 */
import type { ProjectAccess } from '@shared/api/types.js';
import type { Organization } from '@shared/domain/organization.js';
import type { Project } from '@shared/domain/project.js';
import { isLocalBureau, isProvincialBureau } from '@shared/domain/jurisdiction.js';
import type { CheckLevel } from '@shared/workflow/submissions.js';
import type { MetadataStore, UserRecord } from '../storage/types.js';
import { bureauOf, followsProject } from './jurisdiction.js';

/** Only the lead drafting unit submits. */
export function maySubmit(access: ProjectAccess): boolean {
  return access.role === 'lead';
}

/** The project's supervising bureaus of a level (local: city or county; province). */
function supervising(store: MetadataStore, project: Project, level: CheckLevel): Organization[] {
  const organizations = store.collection('organizations');
  return project.supervisingBureauIds
    .map((id) => organizations.get(id))
    .filter((o): o is Organization => o !== undefined)
    .filter((o) => (level === 'local' ? isLocalBureau(o) : isProvincialBureau(o)));
}

/** Where a new submission goes first: the supervising local bureau, or the province when there is none. */
export function firstCheckLevel(store: MetadataStore, project: Project): CheckLevel {
  return supervising(store, project, 'local').length > 0 ? 'local' : 'province';
}

/**
 * The bureau on whose behalf the user decides a submission waiting at `level`, or null: at the local
 * step a supervising city/county bureau of the project, at the province step a provincial bureau
 * that follows it.
 */
export function decidingBureau(
  store: MetadataStore,
  user: UserRecord,
  project: Project,
  level: CheckLevel,
): Organization | null {
  const bureau = bureauOf(store, user);
  if (!bureau) return null;
  if (level === 'local') return supervising(store, project, 'local').some((b) => b.id === bureau.id) ? bureau : null;
  const organizations = store.collection('organizations');
  return isProvincialBureau(bureau) && followsProject(bureau, project, (id) => organizations.get(id)) ? bureau : null;
}

/** Staff of a supervising bureau record production-verification checks (the bureau they record for). */
export function productionCheckBureau(store: MetadataStore, user: UserRecord, project: Project): Organization | null {
  const bureau = bureauOf(store, user);
  return bureau && project.supervisingBureauIds.includes(bureau.id) ? bureau : null;
}

/** Provincial bureau staff who follow the project move it on with a note (where no action does). */
export function mayMoveStage(store: MetadataStore, user: UserRecord, project: Project): boolean {
  return decidingBureau(store, user, project, 'province') !== null;
}
