/**
 * Rights in a consultation round, derived from the project rights (accessFor) and the recipient
 * list: the lead manages; people of a consulted unit answer for it — drafting-group members and
 * also users of a unit outside the group, who see only the round's frozen draft and their own
 * unit's comments, while the round is open (a *unit grant*: no project or document access); drafters
 * decide what is assigned to them; members with the right to comment support other units' items.
 */
import type { ItemAccess, RoundAccess } from '@shared/api/consultation.js';
import type { ProjectAccess } from '@shared/api/types.js';
import type { ConsultationItem, ConsultationRound, Recipient } from '@shared/domain/consultation.js';
import type { Project } from '@shared/domain/project.js';
import type { MetadataStore, UserRecord } from '../storage/types.js';

export interface RoundGrant {
  user: UserRecord;
  project: Project;
  access: ProjectAccess;
  round: ConsultationRound;
  /** True for a user of a consulted unit who has no access to the project (see above). */
  unitOnly: boolean;
}

/** A user's organization as far as the project is concerned: their organization in the drafting group, else their own. */
export function callerOrganizationId(store: MetadataStore, user: UserRecord, projectId: string): string {
  return store.collection('members').findOne({ projectId, userId: user.id })?.organizationId ?? user.organizationId;
}

/** The caller belongs to the consulted unit (its organization in the system is theirs). */
export function answersFor(
  store: MetadataStore,
  grant: Pick<RoundGrant, 'user' | 'project'>,
  recipient: Recipient,
): boolean {
  if (recipient.organizationId === null || !grant.user.active) return false;
  return callerOrganizationId(store, grant.user, grant.project.id) === recipient.organizationId;
}

/** The recipients of an open round a user outside the project answers for (empty when closed). */
export function consultedRecipients(user: UserRecord, round: ConsultationRound): Recipient[] {
  if (round.closedAt !== null || !user.active) return [];
  return round.recipients.filter((r) => r.organizationId !== null && r.organizationId === user.organizationId);
}

/** What a unit grant may see of the round: its own unit(s) only. */
export function visibleRound(grant: RoundGrant): ConsultationRound {
  if (!grant.unitOnly) return grant.round;
  return {
    ...grant.round,
    recipients: grant.round.recipients.filter((r) => r.organizationId === grant.user.organizationId),
  };
}

export function roundAccess(store: MetadataStore, grant: RoundGrant): RoundAccess {
  return {
    canManage: grant.access.canManage,
    answerForRecipientIds: grant.round.recipients.filter((r) => answersFor(store, grant, r)).map((r) => r.id),
    canSupport: grant.access.canComment,
    unitOnly: grant.unitOnly,
  };
}

export function canDecide(grant: RoundGrant, item: ConsultationItem): boolean {
  return grant.access.canManage || (grant.access.canEdit && item.assigneeId === grant.user.id);
}

export function canChangeContent(grant: RoundGrant, item: ConsultationItem): boolean {
  return item.decision === null && (grant.access.canManage || item.createdBy === grant.user.id);
}

/** Why the caller may not support the item, or null if they may. */
export function supportRefusal(
  store: MetadataStore,
  grant: RoundGrant,
  recipient: Recipient | undefined,
): string | null {
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
