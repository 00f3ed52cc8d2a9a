import { Hono } from 'hono';
import type { Organization } from '../../../shared/domain/organization.js';
import { organizationBody } from '../../../shared/validation/requests.js';
import { newId } from '../../auth/tokens.js';
import { ApiProblem } from '../../services/ApiProblem.js';
import type { ApiEnv, AppServices } from '../context.js';
import { requireAdmin, requireUser } from '../guards.js';
import { parseBody } from '../validation.js';

export function organizationRoutes(services: AppServices): Hono<ApiEnv> {
  const organizations = services.metadata.collection('organizations');
  const assertUniqueCode = (creditCode: string, exceptId?: string): void => {
    const other = organizations.findOne({ creditCode });
    if (other && other.id !== exceptId) throw new ApiProblem(409, 'an organization with this unified social credit code already exists');
  };
  return new Hono<ApiEnv>()
    .get('/organizations', (c) => {
      requireUser(c);
      return c.json(organizations.findMany().sort((a, b) => a.name.localeCompare(b.name, 'zh-CN')));
    })
    .post('/organizations', async (c) => {
      requireAdmin(c);
      const body = await parseBody(c, organizationBody);
      assertUniqueCode(body.creditCode);
      const organization: Organization = { id: newId('org'), ...body, createdAt: new Date().toISOString() };
      await organizations.insert(organization);
      return c.json(organization, 201);
    })
    .patch('/organizations/:id', async (c) => {
      requireAdmin(c);
      const existing = organizations.get(c.req.param('id'));
      if (!existing) throw new ApiProblem(404, 'organization not found');
      const body = await parseBody(c, organizationBody);
      assertUniqueCode(body.creditCode, existing.id);
      const { bureauLevel, ...rest } = body;
      const updated = await organizations.update(existing.id, { ...rest, bureauLevel });
      return c.json(updated);
    });
}
