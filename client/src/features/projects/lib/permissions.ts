import type { ProjectAccess } from '@shared/api/types';
import type { OrganizationView } from '@shared/api/types';
import type { PublicUser } from '@shared/domain/user';

/** Administrators and users of an enterprise may start a project (an enterprise user's unit becomes the lead). */
export function canCreateProject(user: PublicUser, organizations: Map<string, OrganizationView>): boolean {
  if (user.isAdmin) return true;
  return organizations.get(user.organizationId)?.kind === 'enterprise';
}

/** The audit log is open to the lead, reviewers (including supervising bureaus) and administrators. */
export function canViewAudit(user: PublicUser, access: ProjectAccess): boolean {
  return user.isAdmin || access.canManage || access.role === 'reviewer' || access.readOnlyReason === 'reviewer';
}
