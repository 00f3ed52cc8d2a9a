/** The REST API: session middleware, the mapping of domain errors to HTTP, and the route modules under /api. */
import { Hono } from 'hono';
import { getCookie } from 'hono/cookie';
import type { ApiError } from '@shared/api/types.js';
import { SESSION_COOKIE } from '../auth/SessionService.js';
import { Invalid } from '../domain/errors.js';
import type { ApiEnv, AppServices } from './context.js';
import { domainErrorResponse } from './errorResponse.js';
import { authRoutes } from './routes/auth.js';
import { commentRoutes } from './routes/comments.js';
import { consultationFileRoutes } from './routes/consultationFiles.js';
import { consultationInvitationRoutes } from './routes/consultationInvitations.js';
import { consultationItemRoutes } from './routes/consultationItems.js';
import { consultationRoundRoutes } from './routes/consultationRounds.js';
import { documentRoutes } from './routes/documents.js';
import { versionRoutes } from './routes/versions.js';
import { eventRoutes } from './routes/events.js';
import { healthRoutes } from './routes/health.js';
import { invitationRoutes } from './routes/invitations.js';
import { memberRoutes } from './routes/members.js';
import { organizationRoutes } from './routes/organizations.js';
import { projectRoutes } from './routes/projects.js';
import { userRoutes } from './routes/users.js';

const MAX_BODY_BYTES = 1024 * 1024;

export function createApi(services: AppServices): Hono<ApiEnv> {
  const api = new Hono<ApiEnv>();

  api.use('*', async (c, next) => {
    const length = Number(c.req.header('content-length') ?? 0);
    if (length > MAX_BODY_BYTES) throw new Invalid('request body too large');
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
  api.route('/', organizationRoutes(services));
  api.route('/', userRoutes(services));
  api.route('/', eventRoutes(services));
  api.route('/', consultationRoundRoutes(services));
  api.route('/', consultationItemRoutes(services));
  api.route('/', consultationFileRoutes(services));
  api.route('/', consultationInvitationRoutes(services));
  api.route('/', commentRoutes(services));

  api.notFound((c) => c.json<ApiError>({ error: 'no such endpoint' }, 404));
  api.onError((error, c) => {
    const answer = domainErrorResponse(c, error);
    if (answer) return answer;
    services.log.error({ err: error, path: c.req.path }, 'request failed');
    return c.json<ApiError>({ error: 'internal server error' }, 500);
  });
  return api;
}
