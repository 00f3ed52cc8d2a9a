import { Hono } from 'hono';
import type { OrganizationSummary } from '@shared/api/types.js';
import type { Organization } from '@shared/domain/organization.js';
import { organizationBody } from '@shared/validation/requests.js';
import { newId } from '../../auth/tokens.js';
import { ApiProblem } from '../../services/ApiProblem.js';
import { projectsInvolving } from '../../services/organizationProjects.js';
import type { ApiEnv, AppServices } from '../context.js';
import { requireAdmin, requireUser } from '../guards.js';
import { parseBody } from '../validation.js';

/** What a signed-in user who is not an administrator sees of an organization (no credit code). */
function summary({ id, name, kind, bureauLevel }: Organization): OrganizationSummary {
  return { id, name, kind, ...(bureauLevel ? { bureauLevel } : {}) };
}

export function organizationRoutes(services: AppServices): Hono<ApiEnv> {
  const organizations = services.metadata.collection('organizations');
  const assertUniqueCode = (creditCode: string, exceptId?: string): void => {
    const other = organizations.findOne({ creditCode });
    if (other && other.id !== exceptId)
      throw new ApiProblem(409, 'an organization with this unified social credit code already exists');
  };
  return new Hono<ApiEnv>()
    .get('/organizations', (c) => {
      const user = requireUser(c);
      const sorted = organizations.findMany().sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
      // Names and kinds are needed to invite and to pick bureaus; credit codes are for administrators.
      return c.json(user.isAdmin ? sorted : sorted.map(summary));
    })
    .post('/organizations', async (c) => {
      const admin = requireAdmin(c);
      const body = await parseBody(c, organizationBody);
      assertUniqueCode(body.creditCode);
      const organization: Organization = { id: newId('org'), ...body, createdAt: new Date().toISOString() };
      await organizations.insert(organization);
      services.log.info({ adminId: admin.id, organizationId: organization.id }, 'organization created');
      return c.json(organization, 201);
    })
    .patch('/organizations/:id', async (c) => {
      const admin = requireAdmin(c);
      const existing = organizations.get(c.req.param('id'));
      if (!existing) throw new ApiProblem(404, 'organization not found');
      const body = await parseBody(c, organizationBody);
      assertUniqueCode(body.creditCode, existing.id);
      const { bureauLevel, ...rest } = body;
      const updated = await organizations.update(existing.id, { ...rest, bureauLevel });
      if (!updated) throw new ApiProblem(404, 'organization not found');
      services.log.info({ adminId: admin.id, organizationId: existing.id }, 'organization updated');
      // A new kind (e.g. now a market supervision bureau) changes what its staff may do.
      if (updated.kind !== existing.kind) {
        for (const user of services.metadata.collection('users').findMany({ organizationId: existing.id })) {
          services.events.emit('access-changed', { userId: user.id, projectId: null });
        }
      }
      // The organization's name is printed in the drafting credits and project lists of every project it is in.
      for (const project of projectsInvolving(services.metadata, existing.id)) {
        services.hub.publish(project.id, { type: 'members-changed' });
        services.hub.publish(project.id, { type: 'project-changed' });
      }
      return c.json(updated);
    });
}
