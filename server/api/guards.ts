/** Authorization helpers used by every route: who is calling, and what they may do in a project. */
import type { Context } from 'hono';
import type { ProjectAccess } from '@shared/api/types.js';
import type { Project } from '@shared/domain/project.js';
import { accessFor, projectOfDocument } from '../access/projectAccess.js';
import type { UserRecord } from '../storage/types.js';
import { ApiProblem } from '../services/ApiProblem.js';
import type { ApiEnv, AppServices } from './context.js';

export function requireUser(c: Context<ApiEnv>): UserRecord {
  const user = c.get('user');
  if (!user) throw new ApiProblem(401, 'not signed in');
  return user;
}

export function requireAdmin(c: Context<ApiEnv>): UserRecord {
  const user = requireUser(c);
  if (!user.isAdmin) throw new ApiProblem(403, 'administrators only');
  return user;
}

export interface ProjectGrant {
  user: UserRecord;
  project: Project;
  access: ProjectAccess;
}

/** A project the caller may see; an id they may not see answers 404, like one that does not exist. */
export function viewableProject(services: AppServices, c: Context<ApiEnv>, projectId: string): ProjectGrant {
  const user = requireUser(c);
  const project = services.metadata.collection('projects').get(projectId);
  const access = project ? accessFor(services.metadata, user, project) : null;
  if (!project || !access?.canView) throw new ApiProblem(404, 'project not found');
  return { user, project, access };
}

export function managedProject(services: AppServices, c: Context<ApiEnv>, projectId: string): ProjectGrant {
  const grant = viewableProject(services, c, projectId);
  if (!grant.access.canManage) throw new ApiProblem(403, 'only the lead drafting unit or an administrator may do this');
  return grant;
}

export function viewableDocument(
  services: AppServices,
  c: Context<ApiEnv>,
  documentId: string,
): ProjectGrant & { documentId: string } {
  const user = requireUser(c);
  const project = projectOfDocument(services.metadata, documentId);
  const access = project ? accessFor(services.metadata, user, project) : null;
  if (!project || !access?.canView) throw new ApiProblem(404, 'document not found');
  return { user, project, access, documentId };
}
