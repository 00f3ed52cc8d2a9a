/**
 * Who is calling: the session's user. What they may see and do in a project, round, document, thread
 * or comment is asked of `services.access` (server/access) with that user.
 */
import type { Context } from 'hono';
import { Unauthenticated } from '../domain/errors.js';
import type { UserRecord } from '../storage/types.js';
import type { ApiEnv, AppServices } from './context.js';

export function requireUser(c: Context<ApiEnv>): UserRecord {
  const user = c.get('user');
  if (!user) throw new Unauthenticated('not signed in');
  return user;
}

export function requireAdmin(services: AppServices, c: Context<ApiEnv>): UserRecord {
  const user = requireUser(c);
  services.access.requireAdministrator(user);
  return user;
}
