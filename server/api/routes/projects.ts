import { Hono } from 'hono';
import { createProjectBody, updateProjectBody } from '@shared/validation/requests.js';
import type { ApiEnv, AppServices } from '../context.js';
import { requireUser } from '../guards.js';
import { parseBody } from '../validation.js';

export function projectRoutes(services: AppServices): Hono<ApiEnv> {
  const { access, projects } = services;
  return new Hono<ApiEnv>()
    .get('/projects', (c) => c.json(projects.list(requireUser(c))))
    .post('/projects', async (c) => {
      const user = requireUser(c);
      projects.assertMayCreate(user);
      const body = await parseBody(c, createProjectBody);
      const project = await projects.create(body, user);
      return c.json(projects.item(user, project), 201);
    })
    .get('/projects/:id', (c) => c.json(projects.detail(access.viewableProject(requireUser(c), c.req.param('id')))))
    .patch('/projects/:id', async (c) => {
      const { project, user } = access.managedProject(requireUser(c), c.req.param('id'));
      const body = await parseBody(c, updateProjectBody);
      const updated = await projects.update(project, body, user);
      return c.json(projects.item(user, updated));
    })
    .get('/projects/:id/audit', (c) =>
      c.json(services.audit.read(access.viewableProject(requireUser(c), c.req.param('id')))),
    );
}
