/**
 * The comments of a round (one row of the table each): entered online by a consulted unit, recorded
 * from a letter by the lead, or imported; assigned, decided (采纳 / 部分采纳 / 不采纳 with a reason),
 * linked to their implementation, supported by other units. Every change is audited and announced.
 */
import type { ConsultationItem, Implementation, Recipient } from '@shared/domain/consultation.js';
import type { CreateItemBody, UpdateItemBody } from '@shared/validation/consultation.js';
import { newId } from '../auth/tokens.js';
import type { DomainEventBus } from '../events.js';
import type { RoundGrant } from '../access/consultationAccess.js';
import {
  authorOrLead,
  canChangeContent,
  canDecide,
  mayAssign,
  mayChangeAfterClosing,
  maySupport,
  recordingSource,
  supportRefusal,
  visibleRound,
} from '../access/consultationAccess.js';
import { mayHandleItems } from '../access/projectAccess.js';
import { Conflict, Forbidden, Invalid, NotFound } from '../domain/errors.js';
import type { AuditLog } from '../services/AuditLog.js';
import type { MetadataStore } from '../storage/types.js';
import { resolveClause } from './clauseRef.js';
import { chinaToday } from '../lib/chinaDates.js';
import { withComments } from './replies.js';
import type { DraftTexts } from './DraftTexts.js';
import type { RoundService } from './RoundService.js';
import type { ChangeLookup } from './changeLookup.js';

const CONTENT_KEYS = [
  'clauseId',
  'clauseLabel',
  'element',
  'commentType',
  'comment',
  'proposedChange',
  'submitterName',
  'receivedDate',
] as const;

/** An item about to be stored, before its id and 序号 are given. */
export type NewItem = Omit<ConsultationItem, 'id' | 'seq'>;

export class ItemService {
  constructor(
    private readonly store: MetadataStore,
    private readonly texts: DraftTexts,
    private readonly rounds: RoundService,
    private readonly audit: AuditLog,
    private readonly events: DomainEventBus,
    private readonly changes: ChangeLookup,
  ) {}

  private changed(grant: RoundGrant): void {
    this.events.emit('consultation-changed', { projectId: grant.project.id, roundId: grant.round.id });
  }

  item(grant: RoundGrant, itemId: string): ConsultationItem {
    const item = this.store.collection('consultationItems').get(itemId);
    if (!item || item.roundId !== grant.round.id) throw new NotFound('comment item not found');
    // A consulted unit outside the group sees its own unit's comments only.
    if (grant.unitOnly && !visibleRound(grant).recipients.some((r) => r.id === item.recipientId))
      throw new NotFound('comment item not found');
    return item;
  }

  private recipient(grant: RoundGrant, recipientId: string): Recipient {
    const recipient = grant.round.recipients.find((r) => r.id === recipientId);
    if (!recipient)
      throw new Invalid('the submitting unit is not on the list of this round', [
        { path: 'recipientId', message: 'unknown recipient' },
      ]);
    return recipient;
  }

  /**
   * Stores new items with consecutive 序号, together with the recipients they add to the round (an
   * import's new units) and the replies they make "with comments" — one write, all or nothing
   * (序号 computed and the batch built without yielding in between).
   */
  async insertAll(grant: RoundGrant, items: NewItem[], newRecipients: Recipient[] = []): Promise<ConsultationItem[]> {
    const round = this.store.collection('consultationRounds').get(grant.round.id);
    if (!round) throw new NotFound('round not found');
    let seq = Math.max(
      0,
      ...this.store
        .collection('consultationItems')
        .findMany({ roundId: round.id })
        .map((i) => i.seq),
    );
    const stored = items.map((i): ConsultationItem => ({ ...i, id: newId('itm'), seq: ++seq }));
    const clash = newRecipients.find((n) => round.recipients.some((r) => r.unitName === n.unitName));
    if (clash) throw new Conflict(`${clash.unitName} was added to the list meanwhile; import again`);
    const answering = new Set(stored.map((i) => i.recipientId));
    const now = new Date().toISOString();
    const recipients = [...round.recipients, ...newRecipients].map((r) =>
      answering.has(r.id) ? withComments(r, now) : r,
    );
    await this.store.batch((batch) => {
      batch.insert('consultationItems', stored);
      batch.update('consultationRounds', round.id, { recipients });
    });
    return stored;
  }

  async create(grant: RoundGrant, body: CreateItemBody): Promise<ConsultationItem> {
    const recipient = this.recipient(grant, body.recipientId);
    const source = recordingSource(this.store, grant, recipient);
    if (!source) {
      throw new Forbidden(
        'only members of the consulted unit (online) or the lead (from a letter) may record its comments',
      );
    }
    const online = source === 'online';
    if (grant.round.closedAt) throw new Conflict('the round is closed');
    const frozen = await this.texts.frozen(grant.round.snapshotId);
    const clause = resolveClause(frozen.index, body.clauseId, body.clauseLabel);
    const now = new Date().toISOString();
    const [item] = await this.insertAll(grant, [
      {
        roundId: grant.round.id,
        clauseId: clause.clauseId,
        clauseLabel: clause.clauseLabel,
        element: body.element ?? clause.impliedElement ?? 'other',
        commentType: body.commentType ?? 'general',
        comment: body.comment,
        proposedChange: body.proposedChange ?? '',
        recipientId: recipient.id,
        submitterName: online ? grant.user.name : (body.submitterName ?? ''),
        receivedDate: online ? chinaToday() : (body.receivedDate ?? chinaToday()),
        source,
        supporters: [],
        assigneeId: null,
        decision: null,
        reason: '',
        implementedIn: null,
        createdBy: grant.user.id,
        createdAt: now,
        updatedAt: now,
      },
    ]);
    if (!item) throw new Error('item not stored');
    await this.audit.record(grant.project.id, grant.user.id, 'consultation.item-added', {
      roundId: grant.round.id,
      itemId: item.id,
      source: item.source,
    });
    this.changed(grant);
    return item;
  }

  private checkAssignee(projectId: string, assigneeId: string | null): void {
    if (assigneeId === null) return;
    const member = this.store.collection('members').findOne({ projectId, userId: assigneeId });
    if (!member || !mayHandleItems(member.role)) {
      throw new Invalid('items are assigned to a lead or drafter of the drafting group', [
        { path: 'assigneeId', message: 'not a drafter of this project' },
      ]);
    }
  }

  /** The implementation with the change (history entry) it names: picked now, kept from before, or none. */
  private async implementation(
    grant: RoundGrant,
    item: ConsultationItem,
    body: NonNullable<UpdateItemBody['implementedIn']>,
  ): Promise<Implementation> {
    const { changeEntryId, ...place } = body;
    if (changeEntryId === undefined) return { ...place, changeRef: item.implementedIn?.changeRef ?? null };
    if (changeEntryId === null) return { ...place, changeRef: null };
    const documentGrant = {
      user: grant.user,
      project: grant.project,
      access: grant.access,
      documentId: grant.round.documentId,
    };
    try {
      return { ...place, changeRef: await this.changes(documentGrant, changeEntryId) };
    } catch (error) {
      if (!(error instanceof NotFound)) throw error;
      throw new Invalid("implementedIn.changeEntryId is not an entry of the document's history", [
        { path: 'implementedIn.changeEntryId', message: 'no such history entry' },
      ]);
    }
  }

  async update(grant: RoundGrant, itemId: string, body: UpdateItemBody): Promise<ConsultationItem> {
    const item = this.item(grant, itemId);
    const touchesContent = CONTENT_KEYS.some((k) => body[k] !== undefined);
    const touchesDecision =
      body.decision !== undefined || body.reason !== undefined || body.implementedIn !== undefined;
    // Rights first (403), then state (409), then content (400): nothing is written unless all pass.
    if (touchesContent && !authorOrLead(grant, item))
      throw new Forbidden('only the author or the lead may change a comment');
    if (body.assigneeId !== undefined && !mayAssign(grant)) throw new Forbidden('only the lead assigns comments');
    if (touchesDecision && !canDecide(grant, item))
      throw new Forbidden('only the assigned drafter or the lead may handle this comment');
    if (touchesContent && !canChangeContent(grant, item))
      throw new Conflict('a decided comment cannot be changed; reopen it first (decision: null)');
    if (touchesContent && !mayChangeAfterClosing(grant) && grant.round.closedAt)
      throw new Conflict('the round is closed');
    if (body.assigneeId !== undefined) this.checkAssignee(grant.project.id, body.assigneeId);

    const patch: Partial<ConsultationItem> = {};
    if (touchesContent) {
      if (body.clauseId !== undefined || body.clauseLabel !== undefined) {
        const frozen = await this.texts.frozen(grant.round.snapshotId);
        // A new label alone is resolved afresh; a new clauseId alone takes its label from the draft.
        const clause = resolveClause(frozen.index, body.clauseId, body.clauseLabel);
        patch.clauseId = clause.clauseId;
        patch.clauseLabel = clause.clauseLabel;
      }
      for (const key of [
        'element',
        'commentType',
        'comment',
        'proposedChange',
        'submitterName',
        'receivedDate',
      ] as const) {
        if (body[key] !== undefined) Object.assign(patch, { [key]: body[key] });
      }
    }
    if (body.assigneeId !== undefined) patch.assigneeId = body.assigneeId;
    if (body.decision !== undefined) {
      patch.decision = body.decision;
      patch.reason = body.reason ?? (body.decision === null ? item.reason : '');
    } else if (body.reason !== undefined) {
      if (body.reason.length === 0 && item.decision !== null && item.decision !== 'accepted') {
        throw new Invalid('a reason is required for 部分采纳 and 不采纳', [{ path: 'reason', message: 'required' }]);
      }
      patch.reason = body.reason;
    }
    if (body.implementedIn !== undefined) {
      if (body.implementedIn !== null) {
        const current = await this.texts.current(grant.round.documentId);
        if (current.labelOf(body.implementedIn.clauseId) === null) {
          throw new Invalid('implementedIn.clauseId is not a numbered node of the current text', [
            { path: 'implementedIn.clauseId', message: 'not in the current text' },
          ]);
        }
      }
      patch.implementedIn =
        body.implementedIn === null ? null : await this.implementation(grant, item, body.implementedIn);
    }
    const updated = await this.store
      .collection('consultationItems')
      .update(item.id, { ...patch, updatedAt: new Date().toISOString() });
    if (!updated) throw new NotFound('comment item not found');
    const action =
      body.decision !== undefined
        ? 'consultation.item-decided'
        : body.assigneeId !== undefined
          ? 'consultation.item-assigned'
          : 'consultation.item-updated';
    await this.audit.record(grant.project.id, grant.user.id, action, {
      roundId: grant.round.id,
      itemId: item.id,
      decision: updated.decision,
    });
    this.changed(grant);
    return updated;
  }

  async remove(grant: RoundGrant, itemId: string): Promise<void> {
    const item = this.item(grant, itemId);
    if (!authorOrLead(grant, item)) throw new Forbidden('only the author or the lead may delete a comment');
    if (item.decision !== null) throw new Conflict('a decided comment cannot be deleted; reopen it first');
    await this.store.collection('consultationItems').remove(item.id);
    await this.rounds.syncReply(grant.round.id, item.recipientId);
    await this.audit.record(grant.project.id, grant.user.id, 'consultation.item-deleted', {
      roundId: grant.round.id,
      seq: item.seq,
    });
    this.changed(grant);
  }

  async support(grant: RoundGrant, itemId: string): Promise<ConsultationItem> {
    const item = this.item(grant, itemId);
    const refusal = supportRefusal(
      this.store,
      grant,
      grant.round.recipients.find((r) => r.id === item.recipientId),
    );
    if (refusal) throw new Forbidden(refusal);
    if (item.supporters.some((s) => s.userId === grant.user.id)) return item;
    const organizationName = this.store.collection('organizations').get(grant.user.organizationId)?.name ?? '';
    const supporters = [...item.supporters, { userId: grant.user.id, name: grant.user.name, organizationName }];
    const updated = await this.store.collection('consultationItems').update(item.id, { supporters });
    if (!updated) throw new NotFound('comment item not found');
    this.changed(grant);
    return updated;
  }

  async unsupport(grant: RoundGrant, itemId: string): Promise<void> {
    const item = this.item(grant, itemId);
    if (!item.supporters.some((s) => s.userId === grant.user.id)) {
      if (!maySupport(grant)) throw new Forbidden('only members with the right to comment support comments');
      return;
    }
    await this.store
      .collection('consultationItems')
      .update(item.id, { supporters: item.supporters.filter((s) => s.userId !== grant.user.id) });
    this.changed(grant);
  }
}
