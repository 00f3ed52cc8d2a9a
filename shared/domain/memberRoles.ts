/**
 * Workflow rule: which project roles fit a drafting-group member's relation to the project and the
 * kind of their organization. Used by the server to validate invitations and role changes, and by
 * the client's role pickers so that only allowed roles are offered.
 */
import type { OrganizationKind } from './organization.js';
import { PROJECT_ROLES } from './roles.js';
import type { MemberRelation, ProjectRole } from './roles.js';

const PARTICIPANT_ROLES: readonly ProjectRole[] = ['drafter', 'reviewer', 'observer'];
const READ_ONLY_ROLES: readonly ProjectRole[] = ['reviewer', 'observer'];

/** The roles each relation allows: only the lead unit leads; bureaus and review experts never edit. */
export const ROLES_BY_RELATION: Record<MemberRelation, readonly ProjectRole[]> = {
  'lead-unit': ['lead', 'drafter', 'observer'],
  'peer-company': PARTICIPANT_ROLES,
  'upstream-company': PARTICIPANT_ROLES,
  'downstream-company': PARTICIPANT_ROLES,
  'technical-committee': PARTICIPANT_ROLES,
  'testing-body': PARTICIPANT_ROLES,
  'certification-body': PARTICIPANT_ROLES,
  'supervising-bureau': READ_ONLY_ROLES,
  'review-expert': READ_ONLY_ROLES,
};

/** Staff of a market supervision bureau guide and review; they never edit a text, whatever their relation. */
export function isBureau(kind: OrganizationKind | null | undefined): boolean {
  return kind === 'market-supervision-bureau';
}

/**
 * The roles allowed for a member with this relation (and, when known, this organization kind), in
 * the order of PROJECT_ROLES.
 */
export function allowedRoles(relation: MemberRelation, organizationKind?: OrganizationKind | null): ProjectRole[] {
  const byRelation = ROLES_BY_RELATION[relation];
  return PROJECT_ROLES.filter(
    (role) => byRelation.includes(role) && (!isBureau(organizationKind) || READ_ONLY_ROLES.includes(role)),
  );
}

/** The role to fall back to when a member's relation changes and their role no longer fits it. */
export function fallbackRole(relation: MemberRelation, organizationKind?: OrganizationKind | null): ProjectRole {
  const allowed = allowedRoles(relation, organizationKind).filter((role) => role !== 'lead');
  return allowed[0] ?? 'observer';
}

export interface MemberFit {
  relation: MemberRelation;
  role: ProjectRole;
  organizationId: string;
  organizationKind: OrganizationKind | null;
}

export interface ProjectUnits {
  leadOrganizationId: string;
}

/** Why this relation/role does not fit the member and project, or null when it does (English, for the API). */
export function memberFitProblem(
  member: MemberFit,
  project: ProjectUnits,
): { path: 'role' | 'relation'; message: string } | null {
  if (member.relation === 'lead-unit' && member.organizationId !== project.leadOrganizationId) {
    return { path: 'relation', message: 'only users of the lead drafting unit can have the relation lead-unit' };
  }
  if (member.relation === 'supervising-bureau' && !isBureau(member.organizationKind)) {
    return {
      path: 'relation',
      message: 'only staff of a market supervision bureau can have the relation supervising-bureau',
    };
  }
  const allowed = allowedRoles(member.relation, member.organizationKind);
  if (!allowed.includes(member.role)) {
    const who = isBureau(member.organizationKind)
      ? 'staff of a market supervision bureau'
      : `relation ${member.relation}`;
    return { path: 'role', message: `role ${member.role} is not allowed for ${who}; allowed: ${allowed.join(', ')}` };
  }
  return null;
}
