/** Mapping of stored records to what the API shows: never password hashes or tokens. */
import type { InvitationView, MemberView, ProjectAccess, ProjectListItem } from '@shared/api/types.js';
import type { Project } from '@shared/domain/project.js';
import type { PublicUser } from '@shared/domain/user.js';
import type { InvitationRecord, MemberRecord, MetadataStore, UserRecord } from '../storage/types.js';

function organizationName(store: MetadataStore, id: string): string {
  return store.collection('organizations').get(id)?.name ?? '';
}

export function publicUser(store: MetadataStore, user: UserRecord): PublicUser {
  return {
    id: user.id,
    name: user.name,
    email: user.email,
    phone: user.phone,
    organizationId: user.organizationId,
    organizationName: organizationName(store, user.organizationId),
    isAdmin: user.isAdmin,
    active: user.active,
  };
}

export function memberView(store: MetadataStore, member: MemberRecord): MemberView {
  const user = store.collection('users').get(member.userId);
  return {
    userId: member.userId,
    name: user?.name ?? '',
    email: user?.email ?? '',
    organizationId: member.organizationId,
    organizationName: organizationName(store, member.organizationId),
    relation: member.relation,
    role: member.role,
    addedAt: member.addedAt,
  };
}

/** The drafting group of a project, as the API shows it. */
export function memberViews(store: MetadataStore, projectId: string): MemberView[] {
  return store
    .collection('members')
    .findMany({ projectId })
    .map((m) => memberView(store, m));
}

export function invitationView(store: MetadataStore, invitation: InvitationRecord): InvitationView {
  return {
    id: invitation.id,
    email: invitation.email,
    organizationId: invitation.organizationId,
    organizationName: organizationName(store, invitation.organizationId),
    relation: invitation.relation,
    role: invitation.role,
    createdAt: invitation.createdAt,
    expiresAt: invitation.expiresAt,
  };
}

export function projectListItem(store: MetadataStore, project: Project, access: ProjectAccess): ProjectListItem {
  return {
    ...project,
    myRole: access.role,
    access,
    leadOrganizationName: organizationName(store, project.leadOrganizationId),
  };
}
