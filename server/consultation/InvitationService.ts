/**
 * Accounts for the contacts of consulted units outside the drafting group. The lead invites an
 * e-mail for a recipient linked to an organization; the link lets the contact choose a name and a
 * password and become a user of that organization — not a member of the drafting group — who
 * answers for the unit while the round is open (see access.ts, unit grants).
 */
import type { RoundInvitationInfo, RoundInviteResponse } from '@shared/api/consultation.js';
import type { AcceptInvitationBody } from '@shared/validation/requests.js';
import type { RoundInvitationBody } from '@shared/validation/consultation.js';
import { hashToken, newId, newToken } from '../auth/tokens.js';
import type { AccountService } from '../services/AccountService.js';
import type { AuditLog } from '../services/AuditLog.js';
import { Conflict, Expired, Invalid, NotFound } from '../domain/errors.js';
import type { ConsultationInvitationRecord, MetadataStore, UserRecord } from '../storage/types.js';
import type { RoundGrant } from '../access/consultationAccess.js';

const INVITATION_TTL_MS = 14 * 24 * 3600 * 1000;

export class InvitationService {
  constructor(
    private readonly store: MetadataStore,
    private readonly audit: AuditLog,
    private readonly accounts: AccountService,
  ) {}

  async invite(
    grant: RoundGrant,
    recipientId: string,
    body: RoundInvitationBody,
    actor: UserRecord,
    origin: string,
  ): Promise<RoundInviteResponse> {
    const recipient = grant.round.recipients.find((r) => r.id === recipientId);
    if (!recipient) throw new NotFound('recipient not found');
    if (recipient.organizationId === null) {
      throw new Invalid('link the unit to its organization in the system first', [
        { path: 'organizationId', message: 'the unit has no organization' },
      ]);
    }
    if (grant.round.closedAt) throw new Conflict('the round is closed');
    const existing = this.store.collection('users').findOne({ email: body.email });
    if (existing) {
      if (existing.organizationId !== recipient.organizationId)
        throw new Conflict('this e-mail belongs to a user of another organization');
      return { kind: 'existing', email: existing.email, name: existing.name };
    }
    const invitations = this.store.collection('consultationInvitations');
    for (const p of invitations.findMany({ roundId: grant.round.id, email: body.email, acceptedAt: null }))
      await invitations.remove(p.id);
    const token = newToken();
    const now = Date.now();
    const invitation: ConsultationInvitationRecord = {
      id: newId('rin'),
      roundId: grant.round.id,
      recipientId,
      email: body.email,
      organizationId: recipient.organizationId,
      tokenHash: hashToken(token),
      invitedBy: actor.id,
      createdAt: new Date(now).toISOString(),
      expiresAt: new Date(now + INVITATION_TTL_MS).toISOString(),
      acceptedAt: null,
    };
    await invitations.insert(invitation);
    await this.audit.record(grant.project.id, actor.id, 'consultation.contact-invited', {
      roundId: grant.round.id,
      recipientId,
      email: body.email,
    });
    return {
      kind: 'invited',
      email: body.email,
      link: `${origin}/round-invite/${token}`,
      expiresAt: invitation.expiresAt,
    };
  }

  /** The pending, unexpired invitation a link's token stands for. */
  find(token: string): ConsultationInvitationRecord {
    const invitation = this.store.collection('consultationInvitations').findOne({ tokenHash: hashToken(token) });
    if (!invitation || invitation.acceptedAt !== null) throw new NotFound('invitation not found or already used');
    if (Date.parse(invitation.expiresAt) < Date.now()) throw new Expired('this invitation has expired');
    return invitation;
  }

  info(token: string): RoundInvitationInfo {
    const invitation = this.find(token);
    const round = this.store.collection('consultationRounds').get(invitation.roundId);
    const project = round ? this.store.collection('projects').get(round.projectId) : undefined;
    if (!round || !project) throw new NotFound('invitation not found or already used');
    return {
      email: invitation.email,
      organizationName: this.store.collection('organizations').get(invitation.organizationId)?.name ?? '',
      unitName: round.recipients.find((r) => r.id === invitation.recipientId)?.unitName ?? '',
      standardName: project.nameZh,
      roundTitle: round.title,
      deadline: round.deadline,
    };
  }

  async accept(
    token: string,
    body: AcceptInvitationBody,
  ): Promise<{ user: UserRecord; roundId: string; projectId: string }> {
    const invitation = this.find(token);
    const round = this.store.collection('consultationRounds').get(invitation.roundId);
    if (!round) throw new NotFound('invitation not found or already used');
    const user = await this.accounts.fromInvitation(invitation, body);
    await this.store.batch((batch) => {
      batch.insert('users', [user]);
      batch.update('consultationInvitations', invitation.id, { acceptedAt: new Date().toISOString() });
    });
    await this.audit.record(round.projectId, user.id, 'consultation.contact-joined', {
      roundId: round.id,
      email: user.email,
    });
    return { user, roundId: round.id, projectId: round.projectId };
  }
}
