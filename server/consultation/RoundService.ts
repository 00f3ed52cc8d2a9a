/**
 * Consultation rounds and their recipient lists: opening a round freezes the standard text as the
 * 征求意见稿; the lead keeps the list of units it was sent to; units reply 回函无意见. Every change
 * is audited and announced (`consultation-changed`).
 */
import type { ConsultationRound, Recipient } from '@shared/domain/consultation.js';
import type { Project } from '@shared/domain/project.js';
import type {
  OpenRoundBody,
  RecipientBody,
  UpdateRecipientBody,
  UpdateRoundBody,
} from '@shared/validation/consultation.js';
import { newId } from '../auth/tokens.js';
import type { DomainEventBus } from '../events.js';
import type { RoundGrant } from '../access/consultationAccess.js';
import { mayRecordReply } from '../access/consultationAccess.js';
import { Conflict, Forbidden, Invalid, NotFound } from '../domain/errors.js';
import type { AuditLog } from '../services/AuditLog.js';
import type { MetadataStore, UserRecord } from '../storage/types.js';
import type { DraftTexts } from './DraftTexts.js';
import { withComments } from './replies.js';
import { draftingCredits } from '@shared/domain/draftingCredits.js';
import { STANDARD_STAGES } from '@shared/editor/structure/names.js';
import { memberViews } from '../services/views.js';
import type { StageService } from '../workflow/StageService.js';

export class RoundService {
  constructor(
    private readonly store: MetadataStore,
    private readonly texts: DraftTexts,
    private readonly audit: AuditLog,
    private readonly events: DomainEventBus,
    private readonly stages: StageService,
  ) {}

  private changed(round: ConsultationRound): void {
    this.events.emit('consultation-changed', { projectId: round.projectId, roundId: round.id });
  }

  private inGroup(projectId: string, organizationId: string | null): boolean {
    return (
      organizationId !== null && this.store.collection('members').findOne({ projectId, organizationId }) !== undefined
    );
  }

  private checkOrganization(organizationId: string | null | undefined): void {
    if (organizationId && !this.store.collection('organizations').get(organizationId)) {
      throw new Invalid(`no such organization: ${organizationId}`, [
        { path: 'organizationId', message: 'unknown organization' },
      ]);
    }
  }

  private checkUniqueName(recipients: readonly Recipient[], unitName: string, exceptId: string | null = null): void {
    if (recipients.some((r) => r.unitName === unitName && r.id !== exceptId)) {
      throw new Conflict(`${unitName} is already on the list of this round`);
    }
  }

  newRecipient(projectId: string, body: RecipientBody): Recipient {
    this.checkOrganization(body.organizationId);
    return {
      id: newId('rcp'),
      unitName: body.unitName,
      contact: body.contact,
      ...(body.phone ? { phone: body.phone } : {}),
      ...(body.email ? { email: body.email } : {}),
      organizationId: body.organizationId,
      inGroup: this.inGroup(projectId, body.organizationId),
      reply: 'none',
      repliedAt: null,
    };
  }

  async open(project: Project, body: OpenRoundBody, actor: UserRecord): Promise<ConsultationRound> {
    this.stages.assertRoundsOpen(project);
    const documentId = body.documentId ?? project.documents.find((d) => d.kind === 'standard')?.id;
    const document = project.documents.find((d) => d.id === documentId);
    if (document?.kind !== 'standard') {
      throw new Invalid('a round is opened on the project’s standard text', [
        { path: 'documentId', message: 'not the standard text of this project' },
      ]);
    }
    const recipients: Recipient[] = [];
    for (const r of body.recipients) {
      this.checkUniqueName(recipients, r.unitName);
      recipients.push(this.newRecipient(project.id, r));
    }
    const credits = draftingCredits(memberViews(this.store, project.id));
    const rounds = this.store.collection('consultationRounds');
    const number = Math.max(0, ...rounds.findMany({ projectId: project.id }).map((r) => r.number)) + 1;
    const id = newId('rnd');
    const title = body.title ?? `第${number}轮征求意见`;
    const { version, snapshot } = await this.texts.freeze(
      { id, projectId: project.id, documentId: document.id, title },
      actor.id,
      credits,
    );
    const round: ConsultationRound = {
      id,
      projectId: project.id,
      documentId: document.id,
      number,
      title,
      stageLabel: STANDARD_STAGES[0],
      snapshotId: snapshot.id,
      versionId: version.id,
      deadline: body.deadline,
      openedAt: snapshot.createdAt,
      openedBy: actor.id,
      closedAt: null,
      handler: body.handler ?? { name: actor.name, phone: actor.phone },
      recipients,
    };
    await rounds.insert(round);
    await this.audit.record(project.id, actor.id, 'consultation.opened', {
      roundId: round.id,
      number,
      recipients: recipients.length,
    });
    await this.stages.roundOpened(project, actor.id, title);
    this.changed(round);
    return round;
  }

  async update(round: ConsultationRound, body: UpdateRoundBody, actor: UserRecord): Promise<ConsultationRound> {
    const closedAt =
      body.closed === undefined ? round.closedAt : body.closed ? (round.closedAt ?? new Date().toISOString()) : null;
    const updated = await this.store.collection('consultationRounds').update(round.id, {
      ...(body.title !== undefined ? { title: body.title } : {}),
      ...(body.deadline !== undefined ? { deadline: body.deadline } : {}),
      ...(body.handler !== undefined ? { handler: body.handler } : {}),
      closedAt,
    });
    if (!updated) throw new NotFound('round not found');
    const action =
      closedAt !== round.closedAt
        ? closedAt
          ? 'consultation.closed'
          : 'consultation.reopened'
        : 'consultation.updated';
    await this.audit.record(round.projectId, actor.id, action, { roundId: round.id });
    this.changed(updated);
    return updated;
  }

  /** Replaces one recipient with what `change` makes of it (read and written without yielding). */
  private async changeRecipient(
    round: ConsultationRound,
    recipientId: string,
    change: (r: Recipient, all: Recipient[]) => Recipient,
  ): Promise<ConsultationRound> {
    const fresh = this.store.collection('consultationRounds').get(round.id);
    const recipient = fresh?.recipients.find((r) => r.id === recipientId);
    if (!fresh || !recipient) throw new NotFound('recipient not found');
    const recipients = fresh.recipients.map((r) => (r.id === recipientId ? change(r, fresh.recipients) : r));
    const updated = await this.store.collection('consultationRounds').update(round.id, { recipients });
    if (!updated) throw new NotFound('round not found');
    this.changed(updated);
    return updated;
  }

  async addRecipient(round: ConsultationRound, body: RecipientBody, actor: UserRecord): Promise<ConsultationRound> {
    const recipient = this.newRecipient(round.projectId, body);
    const fresh = this.store.collection('consultationRounds').get(round.id);
    if (!fresh) throw new NotFound('round not found');
    this.checkUniqueName(fresh.recipients, recipient.unitName);
    const updated = await this.store
      .collection('consultationRounds')
      .update(round.id, { recipients: [...fresh.recipients, recipient] });
    if (!updated) throw new NotFound('round not found');
    await this.audit.record(round.projectId, actor.id, 'consultation.recipient-added', {
      roundId: round.id,
      unit: recipient.unitName,
    });
    this.changed(updated);
    return updated;
  }

  private hasItems(roundId: string, recipientId: string): boolean {
    return this.store.collection('consultationItems').findOne({ roundId, recipientId }) !== undefined;
  }

  async updateRecipient(
    round: ConsultationRound,
    recipientId: string,
    body: UpdateRecipientBody,
    actor: UserRecord,
  ): Promise<ConsultationRound> {
    this.checkOrganization(body.organizationId);
    if (body.reply !== undefined) {
      if (this.hasItems(round.id, recipientId))
        throw new Conflict('this unit has sent comments; its reply is "with comments"');
      if (round.closedAt) throw new Conflict('the round is closed');
    }
    const updated = await this.changeRecipient(round, recipientId, (r, all) => {
      if (body.unitName !== undefined) this.checkUniqueName(all, body.unitName, r.id);
      const organizationId = body.organizationId === undefined ? r.organizationId : body.organizationId;
      const reply = body.reply ?? r.reply;
      return {
        ...r,
        ...(body.unitName !== undefined ? { unitName: body.unitName } : {}),
        ...(body.contact !== undefined ? { contact: body.contact } : {}),
        ...(body.phone !== undefined ? { phone: body.phone } : {}),
        ...(body.email !== undefined ? { email: body.email } : {}),
        organizationId,
        inGroup: this.inGroup(round.projectId, organizationId),
        reply,
        repliedAt: reply === r.reply ? r.repliedAt : reply === 'none' ? null : new Date().toISOString(),
      };
    });
    await this.audit.record(round.projectId, actor.id, 'consultation.recipient-updated', {
      roundId: round.id,
      recipientId,
    });
    return updated;
  }

  async removeRecipient(round: ConsultationRound, recipientId: string, actor: UserRecord): Promise<void> {
    if (this.hasItems(round.id, recipientId)) throw new Conflict('this unit has sent comments; delete them first');
    const fresh = this.store.collection('consultationRounds').get(round.id);
    const recipient = fresh?.recipients.find((r) => r.id === recipientId);
    if (!fresh || !recipient) throw new NotFound('recipient not found');
    const updated = await this.store
      .collection('consultationRounds')
      .update(round.id, { recipients: fresh.recipients.filter((r) => r.id !== recipientId) });
    if (!updated) throw new NotFound('round not found');
    await this.audit.record(round.projectId, actor.id, 'consultation.recipient-removed', {
      roundId: round.id,
      unit: recipient.unitName,
    });
    this.changed(updated);
  }

  /** 回函无意见: the unit replied without comments (recorded by the unit itself or by the lead). */
  async replyNoComments(grant: RoundGrant, recipientId: string): Promise<ConsultationRound> {
    const { round, user: actor } = grant;
    const recipient = round.recipients.find((r) => r.id === recipientId);
    if (!recipient) throw new NotFound('recipient not found');
    if (!mayRecordReply(this.store, grant, recipient)) {
      throw new Forbidden('only members of the consulted unit or the lead may record its reply');
    }
    if (round.closedAt) throw new Conflict('the round is closed');
    if (this.hasItems(round.id, recipientId))
      throw new Conflict('this unit has sent comments; its reply is "with comments"');
    const updated = await this.changeRecipient(round, recipientId, (r) =>
      r.reply === 'no-comments' ? r : { ...r, reply: 'no-comments', repliedAt: new Date().toISOString() },
    );
    await this.audit.record(round.projectId, actor.id, 'consultation.no-comments', { roundId: round.id, recipientId });
    return updated;
  }

  /** Keeps a recipient's reply in step with its items (called by the item service). */
  async syncReply(roundId: string, recipientId: string): Promise<void> {
    const fresh = this.store.collection('consultationRounds').get(roundId);
    if (!fresh) return;
    const has = this.hasItems(roundId, recipientId);
    let dirty = false;
    const recipients = fresh.recipients.map((r) => {
      if (r.id !== recipientId) return r;
      if (has && r.reply !== 'with-comments') {
        dirty = true;
        return withComments(r, new Date().toISOString());
      }
      if (!has && r.reply === 'with-comments') {
        dirty = true;
        return { ...r, reply: 'none' as const, repliedAt: null };
      }
      return r;
    });
    if (dirty) await this.store.collection('consultationRounds').update(roundId, { recipients });
  }
}
