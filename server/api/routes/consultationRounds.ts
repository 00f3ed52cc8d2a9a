import { Hono } from 'hono';
import type { RoundListItem, RoundView, SnapshotView } from '@shared/api/consultation.js';
import { openRoundBody, recipientBody, updateRecipientBody, updateRoundBody } from '@shared/validation/consultation.js';
import type { RoundGrant } from '../../consultation/access.js';
import { answersFor } from '../../consultation/access.js';
import { roundListItem, roundView } from '../../consultation/views.js';
import { ApiProblem } from '../../services/ApiProblem.js';
import type { ApiEnv, AppServices } from '../context.js';
import { managedRound, viewableRound } from '../consultationGuards.js';
import { managedProject, viewableProject } from '../guards.js';
import { parseBody } from '../validation.js';

/** Consultation rounds (征求意见): opening, the frozen draft, the recipient list and replies. */
export function consultationRoundRoutes(services: AppServices): Hono<ApiEnv> {
  const { metadata, consultation } = services;
  const view = async (grant: RoundGrant): Promise<RoundView> =>
    roundView(metadata, grant, await consultation.texts.current(grant.round.documentId));

  return new Hono<ApiEnv>()
    .get('/projects/:id/rounds', (c) => {
      const { project } = viewableProject(services, c, c.req.param('id'));
      const rounds: RoundListItem[] = metadata
        .collection('consultationRounds')
        .findMany({ projectId: project.id })
        .sort((a, b) => b.number - a.number)
        .map((r) => roundListItem(metadata, r));
      return c.json(rounds);
    })
    .post('/projects/:id/rounds', async (c) => {
      const { project, user, access } = managedProject(services, c, c.req.param('id'));
      const body = await parseBody(c, openRoundBody);
      const round = await consultation.rounds.open(project, body, user);
      return c.json(await view({ user, project, access, round, unitOnly: false }), 201);
    })
    .get('/projects/:id/consultation-stats', (c) => {
      const { project } = viewableProject(services, c, c.req.param('id'));
      return c.json(consultation.stats.forProject(project.id));
    })
    .get('/rounds/:id', async (c) => c.json(await view(viewableRound(services, c, c.req.param('id')))))
    .get('/rounds/:id/snapshot', async (c) => {
      const { round } = viewableRound(services, c, c.req.param('id'));
      const { snapshot, index } = await consultation.texts.frozen(round.snapshotId);
      const response: SnapshotView = {
        roundId: round.id,
        projectId: round.projectId,
        documentId: snapshot.documentId,
        draftingCredits: snapshot.draftingCredits ?? null,
        createdAt: snapshot.createdAt,
        stageLabel: round.stageLabel,
        json: snapshot.json,
        labels: index.labels,
        outline: index.outline,
      };
      return c.json(response);
    })
    .patch('/rounds/:id', async (c) => {
      const grant = managedRound(services, c, c.req.param('id'));
      const body = await parseBody(c, updateRoundBody);
      const round = await consultation.rounds.update(grant.round, body, grant.user);
      return c.json(await view({ ...grant, round }));
    })
    .post('/rounds/:id/recipients', async (c) => {
      const grant = managedRound(services, c, c.req.param('id'));
      const body = await parseBody(c, recipientBody);
      const round = await consultation.rounds.addRecipient(grant.round, body, grant.user);
      return c.json(await view({ ...grant, round }), 201);
    })
    .patch('/rounds/:id/recipients/:recipientId', async (c) => {
      const grant = managedRound(services, c, c.req.param('id'));
      const body = await parseBody(c, updateRecipientBody);
      const round = await consultation.rounds.updateRecipient(
        grant.round,
        c.req.param('recipientId'),
        body,
        grant.user,
      );
      return c.json(await view({ ...grant, round }));
    })
    .delete('/rounds/:id/recipients/:recipientId', async (c) => {
      const grant = managedRound(services, c, c.req.param('id'));
      await consultation.rounds.removeRecipient(grant.round, c.req.param('recipientId'), grant.user);
      return c.body(null, 204);
    })
    .post('/rounds/:id/recipients/:recipientId/no-comments', async (c) => {
      const grant = viewableRound(services, c, c.req.param('id'));
      const recipient = grant.round.recipients.find((r) => r.id === c.req.param('recipientId'));
      if (!recipient) throw new ApiProblem(404, 'recipient not found');
      if (!grant.access.canManage && !answersFor(metadata, grant, recipient)) {
        throw new ApiProblem(403, 'only members of the consulted unit or the lead may record its reply');
      }
      const round = await consultation.rounds.replyNoComments(grant.round, recipient.id, grant.user);
      return c.json(await view({ ...grant, round }));
    });
}
