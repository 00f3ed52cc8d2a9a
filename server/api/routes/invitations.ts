import { Hono } from 'hono';
import { acceptInvitationBody } from '@shared/validation/requests.js';
import { limitFailedAttempts } from '../attemptLimit.js';
import type { ApiEnv, AppServices } from '../context.js';
import { parseBody } from '../validation.js';
import { setSessionCookie } from '../sessionCookie.js';

/** The invitation link's endpoints: the token in the path is the credential. */
export function invitationRoutes(services: AppServices): Hono<ApiEnv> {
  const { membership, accounts, workflow } = services;
  return new Hono<ApiEnv>()
    .use(
      '/invitations/*',
      limitFailedAttempts(
        services.attemptLimiters,
        'invitation-token',
        services.tokenLimit,
        'too many attempts with invitation links; try again later',
      ),
    )
    .get('/invitations/:token', (c) => c.json(membership.invitationInfo(c.req.param('token'))))
    .post('/invitations/:token/accept', async (c) => {
      const body = await parseBody(c, acceptInvitationBody);
      const user = await membership.accept(c.req.param('token'), body);
      // An expert invited into a technical review (邀请专家) joins it.
      await workflow.reviews.invitations.joined(user);
      const response = await accounts.startSession(user);
      setSessionCookie(c, response.token);
      return c.json(response);
    });
}
