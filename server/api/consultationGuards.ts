/**
 * Authorization of the consultation routes: a round is visible to whoever can view its project,
 * and — while it is open — to the users of a consulted unit outside the project (a unit grant,
 * see server/consultation/access.ts). A round the caller may not see answers 404.
 */
import type { Context } from 'hono';
import type { ProjectAccess } from '@shared/api/types.js';
import { accessFor } from '../access/projectAccess.js';
import type { RoundGrant } from '../consultation/access.js';
import { consultedRecipients } from '../consultation/access.js';
import { ApiProblem } from '../services/ApiProblem.js';
import type { ApiEnv, AppServices } from './context.js';
import { requireUser } from './guards.js';

/** A unit grant carries no project rights at all. */
const UNIT_ONLY_ACCESS: ProjectAccess = {
  role: null,
  canView: false,
  canEdit: false,
  canComment: false,
  canManage: false,
  readOnlyReason: 'not-member',
};

/** A round the caller may see; one they may not see answers 404, like one that does not exist. */
export function viewableRound(services: AppServices, c: Context<ApiEnv>, roundId: string): RoundGrant {
  const user = requireUser(c);
  const round = services.metadata.collection('consultationRounds').get(roundId);
  const project = round ? services.metadata.collection('projects').get(round.projectId) : undefined;
  if (!round || !project) throw new ApiProblem(404, 'round not found');
  const access = accessFor(services.metadata, user, project);
  if (access.canView) return { user, project, access, round, unitOnly: false };
  if (consultedRecipients(user, round).length > 0)
    return { user, project, access: UNIT_ONLY_ACCESS, round, unitOnly: true };
  throw new ApiProblem(404, 'round not found');
}

/** A round of a project the caller can view (the whole table: exports). */
export function groupRound(services: AppServices, c: Context<ApiEnv>, roundId: string): RoundGrant {
  const grant = viewableRound(services, c, roundId);
  if (grant.unitOnly) throw new ApiProblem(403, 'only the drafting group sees the whole table');
  return grant;
}

export function managedRound(services: AppServices, c: Context<ApiEnv>, roundId: string): RoundGrant {
  const grant = viewableRound(services, c, roundId);
  if (!grant.access.canManage) throw new ApiProblem(403, 'only the lead drafting unit or an administrator may do this');
  return grant;
}
