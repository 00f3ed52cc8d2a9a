import { Hono } from 'hono';
import { productionCheckBody } from '@shared/validation/workflow.js';
import type { ApiEnv, AppServices } from '../context.js';
import { requireUser } from '../guards.js';
import { parseBody } from '../validation.js';

/** 标准生产验证把关: the checks of a project, and recording one (staff of a supervising bureau). */
export function productionCheckRoutes(services: AppServices): Hono<ApiEnv> {
  const { access, workflow } = services;
  return new Hono<ApiEnv>()
    .get('/projects/:id/production-checks', (c) => {
      const { project } = access.viewableProject(requireUser(c), c.req.param('id'));
      return c.json(workflow.productionChecks.list(project.id));
    })
    .post('/projects/:id/production-checks', async (c) => {
      const grant = access.viewableProject(requireUser(c), c.req.param('id'));
      workflow.productionChecks.assertMayRecord(grant);
      const body = await parseBody(c, productionCheckBody);
      return c.json(await workflow.productionChecks.record(grant, body), 201);
    });
}
