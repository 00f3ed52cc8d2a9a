import { Hono } from 'hono';
import { createItemBody, updateItemBody } from '@shared/validation/consultation.js';
import type { ApiEnv, AppServices } from '../context.js';
import { requireUser } from '../guards.js';
import { parseBody } from '../validation.js';

/** The comments of a round: recording, editing, assigning, deciding, supporting. */
export function consultationItemRoutes(services: AppServices): Hono<ApiEnv> {
  const { access, consultation } = services;
  const { items, views } = consultation;
  return new Hono<ApiEnv>()
    .post('/rounds/:id/items', async (c) => {
      const grant = access.viewableRound(requireUser(c), c.req.param('id'));
      const body = await parseBody(c, createItemBody);
      const item = await items.create(grant, body);
      return c.json(await views.item(grant, item), 201);
    })
    .patch('/rounds/:id/items/:itemId', async (c) => {
      const grant = access.viewableRound(requireUser(c), c.req.param('id'));
      const body = await parseBody(c, updateItemBody);
      const item = await items.update(grant, c.req.param('itemId'), body);
      return c.json(await views.item(grant, item));
    })
    .delete('/rounds/:id/items/:itemId', async (c) => {
      const grant = access.viewableRound(requireUser(c), c.req.param('id'));
      await items.remove(grant, c.req.param('itemId'));
      return c.body(null, 204);
    })
    .post('/rounds/:id/items/:itemId/support', async (c) => {
      const grant = access.viewableRound(requireUser(c), c.req.param('id'));
      const item = await items.support(grant, c.req.param('itemId'));
      return c.json(await views.item(grant, item));
    })
    .delete('/rounds/:id/items/:itemId/support', async (c) => {
      const grant = access.viewableRound(requireUser(c), c.req.param('id'));
      await items.unsupport(grant, c.req.param('itemId'));
      return c.body(null, 204);
    });
}
