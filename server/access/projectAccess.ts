/**
 * Who may do what: in a project (role, bureau staff, administrators) and outside one (administration,
 * creating projects). The rights every other rule builds on, used by the REST API and by the
 * collaboration socket alike; the consultation and comment rights (consultationAccess.ts,
 * commentAccess.ts) are derived from the `ProjectAccess` decided here.
 */
import type { ProjectAccess } from '@shared/api/types.js';
import type { Project } from '@shared/domain/project.js';
import { ROLE_CAPABILITIES } from '@shared/domain/roles.js';
import type { ProjectRole } from '@shared/domain/roles.js';
import type { MetadataStore, UserRecord } from '../storage/types.js';
import { bureauOf, followsProject } from './jurisdiction.js';
import { textLockOf } from './textLock.js';

/** A user acting in a project, with their rights there. */
export interface ProjectGrant {
  user: UserRecord;
  project: Project;
  access: ProjectAccess;
}

const NO_ACCESS: ProjectAccess = {
  role: null,
  canView: false,
  canEdit: false,
  canComment: false,
  canManage: false,
  readOnlyReason: null,
};

/**
 * The caller's role in the project. Staff of a market supervision bureau never edit or manage a text:
 * whatever a membership row says, their role is at most `reviewer`. Bureau staff see the projects of
 * their jurisdiction (jurisdiction.ts: the projects their bureau supervises, a city's also those of
 * its counties, the province's all), as reviewers, whether or not they are members.
 */
function roleIn(store: MetadataStore, user: UserRecord, project: Project): ProjectRole | null {
  const member = store.collection('members').findOne({ projectId: project.id, userId: user.id });
  const memberRole = member?.role ?? null;
  const bureau = bureauOf(store, user);
  if (!bureau) return memberRole;
  const capped: ProjectRole | null = memberRole && ROLE_CAPABILITIES[memberRole].edit ? 'reviewer' : memberRole;
  const organizations = store.collection('organizations');
  return followsProject(bureau, project, (id) => organizations.get(id)) ? 'reviewer' : capped;
}

export function accessFor(store: MetadataStore, user: UserRecord, project: Project): ProjectAccess {
  const role = roleIn(store, user, project);
  if (!role) {
    if (!user.isAdmin) return NO_ACCESS;
    return {
      role: null,
      canView: true,
      canEdit: false,
      canComment: false,
      canManage: true,
      readOnlyReason: 'not-member',
    };
  }
  const caps = ROLE_CAPABILITIES[role];
  // The workflow locks the texts for everyone while a submission waits, once accepted, once published.
  const lock = caps.edit ? textLockOf(store, project) : null;
  return {
    role,
    canView: true,
    canEdit: caps.edit && lock === null,
    canComment: caps.comment,
    canManage: caps.manage || user.isAdmin,
    readOnlyReason: caps.edit ? lock : role === 'reviewer' ? 'reviewer' : 'observer',
  };
}

export function projectOfDocument(store: MetadataStore, documentId: string): Project | undefined {
  return store
    .collection('projects')
    .findMany()
    .find((p) => p.documents.some((d) => d.id === documentId));
}

/** Administrators manage organizations and users (and every project, without editing its text). */
export function administers(user: UserRecord): boolean {
  return user.isAdmin;
}

/** Unified social credit codes of organizations are shown to administrators only. */
export function seesCreditCodes(user: UserRecord): boolean {
  return administers(user);
}

/** A lead drafting unit (a user of an enterprise) or an administrator may create projects. */
export function mayCreateProjects(store: MetadataStore, user: UserRecord): boolean {
  return administers(user) || store.collection('organizations').get(user.organizationId)?.kind === 'enterprise';
}

/** Only administrators create a project whose lead drafting unit is another organization than their own. */
export function mayCreateProjectFor(user: UserRecord, leadOrganizationId: string): boolean {
  return administers(user) || leadOrganizationId === user.organizationId;
}

/** The creator of a project leads its drafting group, unless an administrator created it for another organization. */
export function creatorLeadsProject(user: UserRecord, leadOrganizationId: string): boolean {
  return !administers(user) || leadOrganizationId === user.organizationId;
}

/** The audit log is for those who manage the project and for reviewers. */
export function mayReadAudit(access: ProjectAccess): boolean {
  return access.canManage || access.role === 'reviewer';
}

/** Consultation items are handled by members who write the text (lead, drafters). */
export function mayHandleItems(role: ProjectRole): boolean {
  return ROLE_CAPABILITIES[role].edit;
}
