import { Hono } from 'hono';
import type { InvitationInfo, LoginResponse } from '@shared/api/types.js';
import { acceptInvitationBody } from '@shared/validation/requests.js';
import { publicUser } from '../../services/views.js';
import type { ApiEnv, AppServices } from '../context.js';
import { parseBody } from '../validation.js';
import { setSessionCookie } from '../sessionCookie.js';

/** The invitation link's endpoints: the token in the path is the credential. */
export function invitationRoutes(services: AppServices): Hono<ApiEnv> {
  const { metadata, membership } = services;
  return new Hono<ApiEnv>()
    .get('/invitations/:token', (c) => {
      const invitation = membership.findInvitation(c.req.param('token'));
      const info: InvitationInfo = {
        email: invitation.email,
        projectName: metadata.collection('projects').get(invitation.projectId)?.nameZh ?? '',
        organizationName: metadata.collection('organizations').get(invitation.organizationId)?.name ?? '',
        role: invitation.role,
      };
      return c.json(info);
    })
    .post('/invitations/:token/accept', async (c) => {
      const body = await parseBody(c, acceptInvitationBody);
      const user = await membership.accept(c.req.param('token'), body);
      const token = await services.sessions.create(user.id);
      setSessionCookie(c, token);
      const response: LoginResponse = { token, user: publicUser(metadata, user) };
      return c.json(response);
    });
}
