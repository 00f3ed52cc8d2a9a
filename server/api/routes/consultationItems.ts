import { Hono } from 'hono';
import type { ItemView } from '@shared/api/consultation.js';
import type { ConsultationItem } from '@shared/domain/consultation.js';
import { createItemBody, updateItemBody } from '@shared/validation/consultation.js';
import type { RoundGrant } from '../../consultation/access.js';
import { itemView } from '../../consultation/views.js';
import type { ApiEnv, AppServices } from '../context.js';
import { viewableRound } from '../consultationGuards.js';
import { parseBody } from '../validation.js';

/** The comments of a round: recording, editing, assigning, deciding, supporting. */
export function consultationItemRoutes(services: AppServices): Hono<ApiEnv> {
  const { metadata, consultation } = services;
  /** The view of an item with the round as it is now (the recipient's reply may have changed). */
  const view = async (grant: RoundGrant, item: ConsultationItem): Promise<ItemView> => {
    const round = metadata.collection('consultationRounds').get(grant.round.id) ?? grant.round;
    return itemView(metadata, { ...grant, round }, item, await consultation.texts.current(round.documentId));
  };

  return new Hono<ApiEnv>()
    .post('/rounds/:id/items', async (c) => {
      const grant = viewableRound(services, c, c.req.param('id'));
      const body = await parseBody(c, createItemBody);
      const item = await consultation.items.create(grant, body);
      return c.json(await view(grant, item), 201);
    })
    .patch('/rounds/:id/items/:itemId', async (c) => {
      const grant = viewableRound(services, c, c.req.param('id'));
      const body = await parseBody(c, updateItemBody);
      const item = await consultation.items.update(grant, c.req.param('itemId'), body);
      return c.json(await view(grant, item));
    })
    .delete('/rounds/:id/items/:itemId', async (c) => {
      const grant = viewableRound(services, c, c.req.param('id'));
      await consultation.items.remove(grant, c.req.param('itemId'));
      return c.body(null, 204);
    })
    .post('/rounds/:id/items/:itemId/support', async (c) => {
      const grant = viewableRound(services, c, c.req.param('id'));
      const item = await consultation.items.support(grant, c.req.param('itemId'));
      return c.json(await view(grant, item));
    })
    .delete('/rounds/:id/items/:itemId/support', async (c) => {
      const grant = viewableRound(services, c, c.req.param('id'));
      await consultation.items.unsupport(grant, c.req.param('itemId'));
      return c.body(null, 204);
    });
}
