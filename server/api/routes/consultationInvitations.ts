import { Hono } from 'hono';
import type { RoundInvitationAccepted } from '@shared/api/consultation.js';
import { roundInvitationBody } from '@shared/validation/consultation.js';
import { acceptInvitationBody } from '@shared/validation/requests.js';
import { limitFailedAttempts } from '../attemptLimit.js';
import type { ApiEnv, AppServices } from '../context.js';
import { requireUser } from '../guards.js';
import { setSessionCookie } from '../sessionCookie.js';
import { parseBody } from '../validation.js';

/** Consulted units answering online: the caller's pending rounds, and accounts for outside contacts. */
export function consultationInvitationRoutes(services: AppServices): Hono<ApiEnv> {
  const { access, consultation, accounts } = services;
  return (
    new Hono<ApiEnv>()
      .get('/consultations', (c) => c.json(consultation.views.pending(requireUser(c))))
      .post('/rounds/:id/recipients/:recipientId/invitations', async (c) => {
        const grant = access.managedRound(requireUser(c), c.req.param('id'));
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
      // The link's token in the path is the credential: failed attempts are limited per address.
      .use(
        '/round-invitations/*',
        limitFailedAttempts(
          services.attemptLimiters,
          'consultation-invitation-token',
          services.tokenLimit,
          'too many attempts with invitation links; try again later',
        ),
      )
      .get('/round-invitations/:token', (c) => c.json(consultation.invitations.info(c.req.param('token'))))
      .post('/round-invitations/:token/accept', async (c) => {
        const body = await parseBody(c, acceptInvitationBody);
        const { user, roundId, projectId } = await consultation.invitations.accept(c.req.param('token'), body);
        const session = await accounts.startSession(user);
        setSessionCookie(c, session.token);
        const response: RoundInvitationAccepted = { ...session, roundId, projectId };
        return c.json(response);
      })
  );
}
