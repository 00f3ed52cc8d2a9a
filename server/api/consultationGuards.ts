/** Authorization of the consultation routes: a round is visible to whoever can view its project. */
import type { Context } from 'hono';
import { accessFor } from '../access/projectAccess.js';
import type { RoundGrant } from '../consultation/access.js';
import { ApiProblem } from '../services/ApiProblem.js';
import type { ApiEnv, AppServices } from './context.js';
import { requireUser } from './guards.js';

/** A round the caller may see; one they may not see answers 404, like one that does not exist. */
export function viewableRound(services: AppServices, c: Context<ApiEnv>, roundId: string): RoundGrant {
  const user = requireUser(c);
  const round = services.metadata.collection('consultationRounds').get(roundId);
  const project = round ? services.metadata.collection('projects').get(round.projectId) : undefined;
  const access = project ? accessFor(services.metadata, user, project) : null;
  if (!round || !project || !access?.canView) throw new ApiProblem(404, 'round not found');
  return { user, project, access, round };
}

export function managedRound(services: AppServices, c: Context<ApiEnv>, roundId: string): RoundGrant {
  const grant = viewableRound(services, c, roundId);
  if (!grant.access.canManage) throw new ApiProblem(403, 'only the lead drafting unit or an administrator may do this');
  return grant;
}
