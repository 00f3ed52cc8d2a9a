import { Hono } from 'hono';
import { createUserBody, updateUserBody } from '@shared/validation/requests.js';
import type { ApiEnv, AppServices } from '../context.js';
import { requireAdmin } from '../guards.js';
import { parseBody } from '../validation.js';

export function userRoutes(services: AppServices): Hono<ApiEnv> {
  const { accounts } = services;
  return new Hono<ApiEnv>()
    .get('/users', (c) => {
      requireAdmin(services, c);
      return c.json(accounts.list());
    })
    .post('/users', async (c) => {
      requireAdmin(services, c);
      const body = await parseBody(c, createUserBody);
      return c.json(await accounts.create(body), 201);
    })
    .patch('/users/:id', async (c) => {
      const admin = requireAdmin(services, c);
      const existing = accounts.find(c.req.param('id'));
      const body = await parseBody(c, updateUserBody);
      return c.json(await accounts.update(admin, existing, body));
    });
}
