import { Hono } from 'hono';
import type { ApiEnv, AppServices } from '../context.js';
import { requireUser } from '../guards.js';

/** The bureau dashboard: the projects of the caller's jurisdiction. */
export function dashboardRoutes(services: AppServices): Hono<ApiEnv> {
  return new Hono<ApiEnv>().get('/dashboard', (c) => c.json(services.workflow.dashboard.dashboard(requireUser(c))));
}
