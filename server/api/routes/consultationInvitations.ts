import { Hono } from 'hono';
import type { PendingConsultation, RoundInvitationAccepted } from '@shared/api/consultation.js';
import { roundInvitationBody } from '@shared/validation/consultation.js';
import { acceptInvitationBody } from '@shared/validation/requests.js';
import { pendingConsultations } from '../../consultation/pending.js';
import { publicUser } from '../../services/views.js';
import type { ApiEnv, AppServices } from '../context.js';
import { managedRound } from '../consultationGuards.js';
import { requireUser } from '../guards.js';
import { setSessionCookie } from '../sessionCookie.js';
import { parseBody } from '../validation.js';

/** Consulted units answering online: the caller's pending rounds, and accounts for outside contacts. */
export function consultationInvitationRoutes(services: AppServices): Hono<ApiEnv> {
  const { metadata, consultation } = services;
  return (
    new Hono<ApiEnv>()
      .get('/consultations', (c) => {
        const pending: PendingConsultation[] = pendingConsultations(metadata, requireUser(c));
        return c.json(pending);
      })
      .post('/rounds/:id/recipients/:recipientId/invitations', async (c) => {
        const grant = managedRound(services, c, c.req.param('id'));
        const body = await parseBody(c, roundInvitationBody);
        const result = await consultation.invitations.invite(
          grant,
          c.req.param('recipientId'),
          body,
          grant.user,
          new URL(c.req.url).origin,
        );
        return c.json(result, 201);
      })
      // The link's token in the path is the credential.
      .get('/round-invitations/:token', (c) => c.json(consultation.invitations.info(c.req.param('token'))))
      .post('/round-invitations/:token/accept', async (c) => {
        const body = await parseBody(c, acceptInvitationBody);
        const { user, roundId, projectId } = await consultation.invitations.accept(c.req.param('token'), body);
        const token = await services.sessions.create(user.id);
        setSessionCookie(c, token);
        const response: RoundInvitationAccepted = { token, user: publicUser(metadata, user), roundId, projectId };
        return c.json(response);
      })
  );
}
