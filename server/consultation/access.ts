/**
 * Rights in a consultation round, derived from the project rights (accessFor) and the recipient
 * list: the lead manages; members of a consulted unit answer for it; drafters decide what is
 * assigned to them; members with the right to comment support other units' items.
 */
import type { ItemAccess, RoundAccess } from '../../shared/api/consultation.js';
import type { ProjectAccess } from '../../shared/api/types.js';
import type { ConsultationItem, ConsultationRound, Recipient } from '../../shared/domain/consultation.js';
import type { Project } from '../../shared/domain/project.js';
import type { MetadataStore, UserRecord } from '../storage/types.js';

export interface RoundGrant {
  user: UserRecord;
  project: Project;
  access: ProjectAccess;
  round: ConsultationRound;
}

/** The caller's organization inside the drafting group, or null if they are not a member. */
export function memberOrganizationId(store: MetadataStore, user: UserRecord, projectId: string): string | null {
  return store.collection('members').findOne({ projectId, userId: user.id })?.organizationId ?? null;
}

/** A drafting-group member whose organization is the consulted unit. */
export function answersFor(store: MetadataStore, grant: RoundGrant, recipient: Recipient): boolean {
  if (recipient.organizationId === null) return false;
  return memberOrganizationId(store, grant.user, grant.project.id) === recipient.organizationId;
}

export function roundAccess(store: MetadataStore, grant: RoundGrant): RoundAccess {
  return {
    canManage: grant.access.canManage,
    answerForRecipientIds: grant.round.recipients.filter((r) => answersFor(store, grant, r)).map((r) => r.id),
    canSupport: grant.access.canComment,
  };
}

export function canDecide(grant: RoundGrant, item: ConsultationItem): boolean {
  return grant.access.canManage || (grant.access.canEdit && item.assigneeId === grant.user.id);
}

export function canChangeContent(grant: RoundGrant, item: ConsultationItem): boolean {
  return item.decision === null && (grant.access.canManage || item.createdBy === grant.user.id);
}

/** Why the caller may not support the item, or null if they may. */
export function supportRefusal(store: MetadataStore, grant: RoundGrant, recipient: Recipient | undefined): string | null {
  if (!grant.access.canComment) return 'only members with the right to comment may support a comment';
  if (recipient && answersFor(store, grant, recipient)) return "a unit cannot support its own unit's comment";
  return null;
}

export function itemAccess(store: MetadataStore, grant: RoundGrant, item: ConsultationItem): ItemAccess {
  const recipient = grant.round.recipients.find((r) => r.id === item.recipientId);
  const supporting = item.supporters.some((s) => s.userId === grant.user.id);
  const content = canChangeContent(grant, item);
  return {
    edit: content,
    remove: content,
    assign: grant.access.canManage,
    decide: canDecide(grant, item),
    support: !supporting && supportRefusal(store, grant, recipient) === null,
    unsupport: supporting,
  };
}
