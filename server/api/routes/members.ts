import { Hono } from 'hono';
import { inviteBody, updateMemberBody } from '@shared/validation/requests.js';
import { invitationView, memberView } from '../../services/views.js';
import type { ApiEnv, AppServices } from '../context.js';
import { managedProject, viewableProject } from '../guards.js';
import { parseBody } from '../validation.js';

export function memberRoutes(services: AppServices): Hono<ApiEnv> {
  const { metadata, membership } = services;
  return new Hono<ApiEnv>()
    .get('/projects/:id/members', (c) => {
      const { project } = viewableProject(services, c, c.req.param('id'));
      return c.json(
        metadata
          .collection('members')
          .findMany({ projectId: project.id })
          .map((m) => memberView(metadata, m)),
      );
    })
    .patch('/projects/:id/members/:userId', async (c) => {
      const { project, user } = managedProject(services, c, c.req.param('id'));
      const body = await parseBody(c, updateMemberBody);
      const member = await membership.update(project, c.req.param('userId'), body, user);
      return c.json(memberView(metadata, member));
    })
    .delete('/projects/:id/members/:userId', async (c) => {
      const { project, user } = managedProject(services, c, c.req.param('id'));
      await membership.remove(project, c.req.param('userId'), user);
      return c.body(null, 204);
    })
    .get('/projects/:id/invitations', (c) => {
      const { project } = managedProject(services, c, c.req.param('id'));
      return c.json(membership.pendingInvitations(project.id).map((i) => invitationView(metadata, i)));
    })
    .post('/projects/:id/invitations', async (c) => {
      const { project, user } = managedProject(services, c, c.req.param('id'));
      const body = await parseBody(c, inviteBody);
      const origin = new URL(c.req.url).origin;
      const result = await membership.invite(project, body, user, origin);
      return c.json(result, 201);
    })
    .delete('/projects/:id/invitations/:invitationId', async (c) => {
      const { project, user } = managedProject(services, c, c.req.param('id'));
      await membership.revokeInvitation(project, c.req.param('invitationId'), user);
      return c.body(null, 204);
    });
}
