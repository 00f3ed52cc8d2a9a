import { Hono } from 'hono';
import { openRoundBody, recipientBody, updateRecipientBody, updateRoundBody } from '@shared/validation/consultation.js';
import type { ApiEnv, AppServices } from '../context.js';
import { requireUser } from '../guards.js';
import { parseBody } from '../validation.js';

/** Consultation rounds (征求意见): opening, the frozen draft, the recipient list and replies. */
export function consultationRoundRoutes(services: AppServices): Hono<ApiEnv> {
  const { access, consultation } = services;
  const { rounds, views } = consultation;
  return new Hono<ApiEnv>()
    .get('/projects/:id/rounds', (c) => {
      const { project } = access.viewableProject(requireUser(c), c.req.param('id'));
      return c.json(views.rounds(project.id));
    })
    .post('/projects/:id/rounds', async (c) => {
      const grant = access.managedProject(requireUser(c), c.req.param('id'));
      const body = await parseBody(c, openRoundBody);
      const round = await rounds.open(grant.project, body, grant.user);
      return c.json(await views.round({ ...grant, round, unitOnly: false }), 201);
    })
    .get('/projects/:id/consultation-stats', (c) => {
      const { project } = access.viewableProject(requireUser(c), c.req.param('id'));
      return c.json(consultation.stats.forProject(project.id));
    })
    .get('/rounds/:id', async (c) => c.json(await views.round(access.viewableRound(requireUser(c), c.req.param('id')))))
    .get('/rounds/:id/snapshot', async (c) => {
      const { round } = access.viewableRound(requireUser(c), c.req.param('id'));
      return c.json(await views.snapshot(round));
    })
    .patch('/rounds/:id', async (c) => {
      const grant = access.managedRound(requireUser(c), c.req.param('id'));
      const body = await parseBody(c, updateRoundBody);
      return c.json(await views.round(grant, await rounds.update(grant.round, body, grant.user)));
    })
    .post('/rounds/:id/recipients', async (c) => {
      const grant = access.managedRound(requireUser(c), c.req.param('id'));
      const body = await parseBody(c, recipientBody);
      return c.json(await views.round(grant, await rounds.addRecipient(grant.round, body, grant.user)), 201);
    })
    .patch('/rounds/:id/recipients/:recipientId', async (c) => {
      const grant = access.managedRound(requireUser(c), c.req.param('id'));
      const body = await parseBody(c, updateRecipientBody);
      const round = await rounds.updateRecipient(grant.round, c.req.param('recipientId'), body, grant.user);
      return c.json(await views.round(grant, round));
    })
    .delete('/rounds/:id/recipients/:recipientId', async (c) => {
      const grant = access.managedRound(requireUser(c), c.req.param('id'));
      await rounds.removeRecipient(grant.round, c.req.param('recipientId'), grant.user);
      return c.body(null, 204);
    })
    .post('/rounds/:id/recipients/:recipientId/no-comments', async (c) => {
      const grant = access.viewableRound(requireUser(c), c.req.param('id'));
      const round = await rounds.replyNoComments(grant, c.req.param('recipientId'));
      return c.json(await views.round(grant, round));
    });
}
