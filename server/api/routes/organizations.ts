import { Hono } from 'hono';
import { organizationBody } from '@shared/validation/requests.js';
import type { ApiEnv, AppServices } from '../context.js';
import { requireAdmin, requireUser } from '../guards.js';
import { parseBody } from '../validation.js';

export function organizationRoutes(services: AppServices): Hono<ApiEnv> {
  const { organizations } = services;
  return new Hono<ApiEnv>()
    .get('/organizations', (c) => c.json(organizations.list(requireUser(c))))
    .post('/organizations', async (c) => {
      const admin = requireAdmin(services, c);
      const body = await parseBody(c, organizationBody);
      return c.json(await organizations.create(admin, body), 201);
    })
    .patch('/organizations/:id', async (c) => {
      const admin = requireAdmin(services, c);
      const existing = organizations.find(c.req.param('id'));
      const body = await parseBody(c, organizationBody);
      return c.json(await organizations.update(admin, existing, body));
    });
}
