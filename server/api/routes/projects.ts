import { Hono } from 'hono';
import type { AuditView, ProjectDetailResponse, ProjectListItem } from '@shared/api/types.js';
import { createProjectBody, updateProjectBody } from '@shared/validation/requests.js';
import { accessFor } from '../../access/projectAccess.js';
import { ApiProblem } from '../../services/ApiProblem.js';
import { memberView, projectListItem } from '../../services/views.js';
import type { ApiEnv, AppServices } from '../context.js';
import { managedProject, requireUser, viewableProject } from '../guards.js';
import { parseBody } from '../validation.js';

export function projectRoutes(services: AppServices): Hono<ApiEnv> {
  const { metadata } = services;
  return new Hono<ApiEnv>()
    .get('/projects', (c) => {
      const user = requireUser(c);
      const items: ProjectListItem[] = [];
      for (const project of metadata.collection('projects').findMany()) {
        const access = accessFor(metadata, user, project);
        if (access.canView) items.push(projectListItem(metadata, project, access));
      }
      items.sort((a, b) => b.createdAt.localeCompare(a.createdAt));
      return c.json(items);
    })
    .post('/projects', async (c) => {
      const user = requireUser(c);
      const organization = metadata.collection('organizations').get(user.organizationId);
      if (!user.isAdmin && organization?.kind !== 'enterprise') {
        throw new ApiProblem(403, 'only a lead drafting unit (an enterprise) or an administrator may create a project');
      }
      const body = await parseBody(c, createProjectBody);
      const project = await services.projects.create(body, user);
      return c.json(projectListItem(metadata, project, accessFor(metadata, user, project)), 201);
    })
    .get('/projects/:id', (c) => {
      const { project, access } = viewableProject(services, c, c.req.param('id'));
      const response: ProjectDetailResponse = {
        project: projectListItem(metadata, project, access),
        members: metadata
          .collection('members')
          .findMany({ projectId: project.id })
          .map((m) => memberView(metadata, m)),
      };
      return c.json(response);
    })
    .patch('/projects/:id', async (c) => {
      const { project, user } = managedProject(services, c, c.req.param('id'));
      const body = await parseBody(c, updateProjectBody);
      const updated = await services.projects.update(project, body, user);
      services.hub.publish(project.id, { type: 'project-changed' });
      return c.json(projectListItem(metadata, updated, accessFor(metadata, user, updated)));
    })
    .get('/projects/:id/audit', (c) => {
      const { project, access } = viewableProject(services, c, c.req.param('id'));
      if (!access.canManage && access.role !== 'reviewer')
        throw new ApiProblem(403, 'the audit log is for the lead, reviewers and administrators');
      const userName = (id: string): string | undefined => metadata.collection('users').get(id)?.name;
      const entries: AuditView[] = services.audit.list(project.id).map((e) => ({
        ...e,
        actorName: userName(e.actorId) ?? e.actorId,
        subjectName: typeof e.detail.userId === 'string' ? (userName(e.detail.userId) ?? null) : null,
      }));
      return c.json(entries);
    });
}
