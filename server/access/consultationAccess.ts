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
import type { ProjectGrant } from './projectAccess.js';
import { accessFor } from './projectAccess.js';

export interface RoundGrant extends ProjectGrant {
  round: ConsultationRound;
  /** True for a user of a consulted unit who has no access to the project (see above). */
  unitOnly: boolean;
}

/** A unit grant carries no project rights at all. */
const UNIT_ONLY_ACCESS: ProjectAccess = {
  role: null,
  canView: false,
  canEdit: false,
  canComment: false,
  canManage: false,
  readOnlyReason: 'not-member',
};

/**
 * The caller's grant on a round: through the project when they can view it, else a unit grant
 * while they answer for a consulted unit of the open round; null when they may not see it.
 */
export function roundGrantFor(
  store: MetadataStore,
  user: UserRecord,
  project: Project,
  round: ConsultationRound,
): RoundGrant | null {
  const access = accessFor(store, user, project);
  if (access.canView) return { user, project, access, round, unitOnly: false };
  if (consultedRecipients(user, round).length > 0)
    return { user, project, access: UNIT_ONLY_ACCESS, round, unitOnly: true };
  return null;
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
    canSupport: maySupport(grant),
    unitOnly: grant.unitOnly,
  };
}

/** The lead records any unit's reply (from a letter); people of the unit record their own. */
export function mayRecordReply(store: MetadataStore, grant: RoundGrant, recipient: Recipient): boolean {
  return grant.access.canManage || answersFor(store, grant, recipient);
}

/** How the caller records a unit's comments: online for their own unit, from a letter as the lead; null: not at all. */
export function recordingSource(
  store: MetadataStore,
  grant: RoundGrant,
  recipient: Recipient,
): 'online' | 'letter' | null {
  if (answersFor(store, grant, recipient)) return 'online';
  return grant.access.canManage ? 'letter' : null;
}

/** The lead assigns items to drafters. */
export function mayAssign(grant: RoundGrant): boolean {
  return grant.access.canManage;
}

/** The author of an item or the lead change or delete it (while it is undecided, see canChangeContent). */
export function authorOrLead(grant: RoundGrant, item: ConsultationItem): boolean {
  return grant.access.canManage || item.createdBy === grant.user.id;
}

/** The lead may still change items of a closed round; others may not. */
export function mayChangeAfterClosing(grant: RoundGrant): boolean {
  return grant.access.canManage;
}

export function canDecide(grant: RoundGrant, item: ConsultationItem): boolean {
  return grant.access.canManage || (grant.access.canEdit && item.assigneeId === grant.user.id);
}

export function canChangeContent(grant: RoundGrant, item: ConsultationItem): boolean {
  return item.decision === null && authorOrLead(grant, item);
}

/** Members with the right to comment support other units' items. */
export function maySupport(grant: RoundGrant): boolean {
  return grant.access.canComment;
}

/** Why the caller may not support the item, or null if they may. */
export function supportRefusal(
  store: MetadataStore,
  grant: RoundGrant,
  recipient: Recipient | undefined,
): string | null {
  if (!maySupport(grant)) return 'only members with the right to comment may support a comment';
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
    assign: mayAssign(grant),
    decide: canDecide(grant, item),
    support: !supporting && supportRefusal(store, grant, recipient) === null,
    unsupport: supporting,
  };
}
