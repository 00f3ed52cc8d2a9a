import { Hono } from 'hono';
import { createUserBody, updateUserBody } from '@shared/validation/requests.js';
import { hashPassword } from '../../auth/passwords.js';
import { newId } from '../../auth/tokens.js';
import type { UserRecord } from '../../storage/types.js';
import { ApiProblem } from '../../services/ApiProblem.js';
import { publicUser } from '../../services/views.js';
import type { ApiEnv, AppServices } from '../context.js';
import { requireAdmin } from '../guards.js';
import { parseBody } from '../validation.js';

export function userRoutes(services: AppServices): Hono<ApiEnv> {
  const { metadata } = services;
  const users = metadata.collection('users');
  const assertOrganization = (id: string): void => {
    if (!metadata.collection('organizations').get(id))
      throw new ApiProblem(400, 'unknown organization', [{ path: 'organizationId', message: 'unknown organization' }]);
  };
  return new Hono<ApiEnv>()
    .get('/users', (c) => {
      requireAdmin(c);
      return c.json(users.findMany().map((u) => publicUser(metadata, u)));
    })
    .post('/users', async (c) => {
      requireAdmin(c);
      const body = await parseBody(c, createUserBody);
      assertOrganization(body.organizationId);
      if (users.findOne({ email: body.email })) throw new ApiProblem(409, 'a user with this email already exists');
      const user: UserRecord = {
        id: newId('usr'),
        name: body.name,
        email: body.email,
        phone: body.phone,
        organizationId: body.organizationId,
        passwordHash: await hashPassword(body.password),
        isAdmin: body.isAdmin,
        active: true,
        createdAt: new Date().toISOString(),
      };
      await users.insert(user);
      return c.json(publicUser(metadata, user), 201);
    })
    .patch('/users/:id', async (c) => {
      const admin = requireAdmin(c);
      const existing = users.get(c.req.param('id'));
      if (!existing) throw new ApiProblem(404, 'user not found');
      const body = await parseBody(c, updateUserBody);
      if (body.organizationId) assertOrganization(body.organizationId);
      if (existing.id === admin.id && (body.active === false || body.isAdmin === false)) {
        throw new ApiProblem(409, 'you cannot disable yourself or remove your own administrator rights');
      }
      const { password, ...fields } = body;
      const patch: Partial<UserRecord> = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
      if (password) patch.passwordHash = await hashPassword(password);
      const updated = await users.update(existing.id, patch);
      if (!updated) throw new ApiProblem(404, 'user not found');
      if (body.active === false || password) await services.sessions.revokeAllOf(existing.id);
      const accessMayChange =
        body.active === false ||
        (body.organizationId !== undefined && body.organizationId !== existing.organizationId) ||
        (body.isAdmin !== undefined && body.isAdmin !== existing.isAdmin);
      if (accessMayChange) services.events.emit('access-changed', { userId: existing.id, projectId: null });
      services.log.info({ adminId: admin.id, userId: existing.id, fields: Object.keys(body) }, 'user updated');
      // Drafters' names are printed in the drafting credits of their projects.
      if (body.name !== undefined && body.name !== existing.name) {
        for (const member of metadata.collection('members').findMany({ userId: existing.id }))
          services.hub.publish(member.projectId, { type: 'members-changed' });
      }
      return c.json(publicUser(metadata, updated));
    });
}
