import { Hono } from 'hono';
import { gatesQuery, stageMoveBody } from '@shared/validation/workflow.js';
import type { ApiEnv, AppServices } from '../context.js';
import { requireUser } from '../guards.js';
import { parseBody, parseQuery } from '../validation.js';

/** The stage workflow of a project: where it stands, the gate's checklist, the stage log, the province's move. */
export function workflowRoutes(services: AppServices): Hono<ApiEnv> {
  const { access, workflow } = services;
  return new Hono<ApiEnv>()
    .get('/projects/:id/workflow', (c) =>
      c.json(workflow.status.status(access.viewableProject(requireUser(c), c.req.param('id')))),
    )
    .get('/projects/:id/gates', async (c) => {
      const grant = access.viewableProject(requireUser(c), c.req.param('id'));
      const { target } = parseQuery(c, gatesQuery);
      return c.json(await workflow.gates.checklist(grant, target));
    })
    .get('/projects/:id/stage-log', (c) => {
      const { project } = access.viewableProject(requireUser(c), c.req.param('id'));
      return c.json(workflow.stageLog.views(project));
    })
    .post('/projects/:id/stage', async (c) => {
      const grant = access.viewableProject(requireUser(c), c.req.param('id'));
      workflow.stages.assertMayMove(grant);
      const body = await parseBody(c, stageMoveBody);
      const project = await workflow.stages.provinceMove(grant, body);
      return c.json(services.projects.item(grant.user, project));
    });
}
