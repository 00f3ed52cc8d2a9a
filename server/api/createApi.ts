/** The REST API: session middleware, the mapping of domain errors to HTTP, and the route modules under /api. */
import { Hono } from 'hono';
import type { Context } from 'hono';
import { getCookie } from 'hono/cookie';
import type { ApiError } from '@shared/api/types.js';
import { SESSION_COOKIE } from '../auth/SessionService.js';
import { limitBody, MAX_BODY_BYTES } from '../security/bodyLimit.js';
import { refuseCrossSiteRequests } from '../security/crossSite.js';
import { identifyClient } from '../security/trustedProxies.js';
import type { ApiEnv, AppServices } from './context.js';
import { domainErrorResponse } from './errorResponse.js';
import { authRoutes } from './routes/auth.js';
import { commentRoutes } from './routes/comments.js';
import { CONSULTATION_IMPORT_PATH, consultationFileRoutes, MAX_IMPORT_BYTES } from './routes/consultationFiles.js';
import { consultationInvitationRoutes } from './routes/consultationInvitations.js';
import { consultationItemRoutes } from './routes/consultationItems.js';
import { consultationRoundRoutes } from './routes/consultationRounds.js';
import { documentRoutes } from './routes/documents.js';
import { versionRoutes } from './routes/versions.js';
import { historyRoutes } from './routes/history.js';
import { eventRoutes } from './routes/events.js';
import { healthRoutes } from './routes/health.js';
import { invitationRoutes } from './routes/invitations.js';
import { memberRoutes } from './routes/members.js';
import { organizationRoutes } from './routes/organizations.js';
import { projectRoutes } from './routes/projects.js';
import { userRoutes } from './routes/users.js';
import { submissionPackageRoutes } from './routes/submissionPackage.js';
import { workflowRoutes } from './routes/workflow.js';
import { submissionRoutes } from './routes/submissions.js';
import { productionCheckRoutes } from './routes/productionChecks.js';
import { dashboardRoutes } from './routes/dashboard.js';
import { reviewRoutes } from './routes/reviews.js';
import { publicationRoutes } from './routes/publication.js';

/** The answer to a path under /api that no route serves (any method): JSON, never the web app's page. */
export const apiNotFound = (c: Context): Response => c.json<ApiError>({ error: 'no such endpoint' }, 404);

export function createApi(services: AppServices): Hono<ApiEnv> {
  const api = new Hono<ApiEnv>();

  // Before any route (present or added later): cross-site requests refused, bodies bounded on the
  // stream — uploads by their own limit, registered before the general one (the first limit wins).
  api.use('*', identifyClient(services.proxies));
  api.use('*', refuseCrossSiteRequests(services.origins));
  api.use(CONSULTATION_IMPORT_PATH, limitBody(MAX_IMPORT_BYTES, 'the uploaded file'));
  api.use('*', limitBody(MAX_BODY_BYTES));
  api.use('*', async (c, next) => {
    const header = c.req.header('authorization');
    const bearer = header?.startsWith('Bearer ') ? header.slice(7).trim() : null;
    const token = bearer ?? getCookie(c, SESSION_COOKIE) ?? null;
    c.set('token', token);
    c.set('user', services.sessions.resolve(token));
    await next();
    c.header('Cache-Control', 'no-store');
  });

  api.route('/', healthRoutes(services));
  api.route('/', authRoutes(services));
  api.route('/', projectRoutes(services));
  api.route('/', memberRoutes(services));
  api.route('/', invitationRoutes(services));
  api.route('/', documentRoutes(services));
  api.route('/', versionRoutes(services));
  api.route('/', historyRoutes(services));
  api.route('/', organizationRoutes(services));
  api.route('/', userRoutes(services));
  api.route('/', eventRoutes(services));
  api.route('/', consultationRoundRoutes(services));
  api.route('/', consultationItemRoutes(services));
  api.route('/', consultationFileRoutes(services));
  api.route('/', consultationInvitationRoutes(services));
  api.route('/', commentRoutes(services));
  api.route('/', submissionPackageRoutes(services));
  api.route('/', workflowRoutes(services));
  api.route('/', submissionRoutes(services));
  api.route('/', productionCheckRoutes(services));
  api.route('/', dashboardRoutes(services));
  api.route('/', reviewRoutes(services));
  api.route('/', publicationRoutes(services));

  api.notFound(apiNotFound);
  api.onError((error, c) => {
    const answer = domainErrorResponse(c, error);
    if (answer) return answer;
    services.log.error({ err: error, path: c.req.path }, 'request failed');
    return c.json<ApiError>({ error: 'internal server error' }, 500);
  });
  return api;
}
