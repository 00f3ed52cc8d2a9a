import { Hono } from 'hono';
import { inviteBody, updateMemberBody } from '@shared/validation/requests.js';
import type { ApiEnv, AppServices } from '../context.js';
import { requireUser } from '../guards.js';
import { parseBody } from '../validation.js';

export function memberRoutes(services: AppServices): Hono<ApiEnv> {
  const { access, membership } = services;
  return new Hono<ApiEnv>()
    .get('/projects/:id/members', (c) => {
      const { project } = access.viewableProject(requireUser(c), c.req.param('id'));
      return c.json(membership.members(project.id));
    })
    .patch('/projects/:id/members/:userId', async (c) => {
      const { project, user } = access.managedProject(requireUser(c), c.req.param('id'));
      const body = await parseBody(c, updateMemberBody);
      return c.json(await membership.update(project, c.req.param('userId'), body, user));
    })
    .delete('/projects/:id/members/:userId', async (c) => {
      const { project, user } = access.managedProject(requireUser(c), c.req.param('id'));
      await membership.remove(project, c.req.param('userId'), user);
      return c.body(null, 204);
    })
    .get('/projects/:id/invitations', (c) => {
      const { project } = access.managedProject(requireUser(c), c.req.param('id'));
      return c.json(membership.pendingInvitations(project.id));
    })
    .post('/projects/:id/invitations', async (c) => {
      const { project, user } = access.managedProject(requireUser(c), c.req.param('id'));
      const body = await parseBody(c, inviteBody);
      const origin = new URL(c.req.url).origin;
      const result = await membership.invite(project, body, user, origin);
      return c.json(result, 201);
    })
    .delete('/projects/:id/invitations/:invitationId', async (c) => {
      const { project, user } = access.managedProject(requireUser(c), c.req.param('id'));
      await membership.revokeInvitation(project, c.req.param('invitationId'), user);
      return c.body(null, 204);
    });
}
