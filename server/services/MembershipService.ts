/** The drafting group: invitations, role changes, removals — each audited, each re-authorizing live sockets. */
import type { InvitationInfo, InvitationView, InviteResponse, MemberView } from '@shared/api/types.js';
import type { Project } from '@shared/domain/project.js';
import type { AcceptInvitationBody, InviteBody, UpdateMemberBody } from '@shared/validation/requests.js';
import type { InvitationRecord, MemberRecord, MetadataStore, UserRecord } from '../storage/types.js';
import { hashToken, newId, newToken } from '../auth/tokens.js';
import type { DomainEventBus } from '../events.js';
import type { ProjectEventHub } from '../realtime/ProjectEventHub.js';
import { memberFitProblem } from '@shared/domain/memberRoles.js';
import type { MemberRelation, ProjectRole } from '@shared/domain/roles.js';
import { Conflict, Expired, Invalid, NotFound } from '../domain/errors.js';
import type { AccountService } from './AccountService.js';
import type { AuditLog } from './AuditLog.js';
import { invitationView, memberView, memberViews } from './views.js';

const INVITATION_TTL_MS = 14 * 24 * 3600 * 1000;

export class MembershipService {
  constructor(
    private readonly store: MetadataStore,
    private readonly audit: AuditLog,
    private readonly events: DomainEventBus,
    private readonly hub: ProjectEventHub,
    private readonly accounts: AccountService,
  ) {}

  /** The drafting group as the API shows it. */
  members(projectId: string): MemberView[] {
    return memberViews(this.store, projectId);
  }

  /** Rejects a relation/role that the workflow rule does not allow for this member (400). */
  private assertFits(project: Project, organizationId: string, relation: MemberRelation, role: ProjectRole): void {
    const organizationKind = this.store.collection('organizations').get(organizationId)?.kind ?? null;
    const problem = memberFitProblem({ relation, role, organizationId, organizationKind }, project);
    if (problem) throw new Invalid(problem.message, [problem]);
  }

  private member(projectId: string, userId: string): MemberRecord {
    const member = this.store.collection('members').findOne({ projectId, userId });
    if (!member) throw new NotFound('member not found');
    return member;
  }

  private assertKeepsALead(projectId: string, leaving: MemberRecord): void {
    if (leaving.role !== 'lead') return;
    const leads = this.store.collection('members').findMany({ projectId, role: 'lead' });
    if (leads.length <= 1) throw new Conflict('a project must keep at least one lead member');
  }

  async invite(project: Project, body: InviteBody, actor: UserRecord, baseUrl: string): Promise<InviteResponse> {
    const existing = this.store.collection('users').findOne({ email: body.email });
    if (existing) {
      if (this.store.collection('members').findOne({ projectId: project.id, userId: existing.id })) {
        throw new Conflict('this user is already a member of the drafting group');
      }
      this.assertFits(project, existing.organizationId, body.relation, body.role);
      const member: MemberRecord = {
        id: newId('mem'),
        projectId: project.id,
        userId: existing.id,
        organizationId: existing.organizationId,
        relation: body.relation,
        role: body.role,
        addedAt: new Date().toISOString(),
      };
      await this.store.collection('members').insert(member);
      await this.audit.record(project.id, actor.id, 'member.added', {
        userId: existing.id,
        email: existing.email,
        role: body.role,
        relation: body.relation,
      });
      this.events.emit('access-changed', { userId: existing.id, projectId: project.id });
      return { kind: 'added', member: memberView(this.store, member) };
    }
    if (!body.organizationId || !this.store.collection('organizations').get(body.organizationId)) {
      throw new Invalid('an organization is required to invite a new user', [
        { path: 'organizationId', message: 'required for a new user' },
      ]);
    }
    this.assertFits(project, body.organizationId, body.relation, body.role);
    const pending = this.store
      .collection('invitations')
      .findMany({ projectId: project.id, email: body.email, acceptedAt: null });
    for (const p of pending) await this.store.collection('invitations').remove(p.id);
    const token = newToken();
    const now = Date.now();
    const invitation: InvitationRecord = {
      id: newId('inv'),
      projectId: project.id,
      email: body.email,
      organizationId: body.organizationId,
      relation: body.relation,
      role: body.role,
      tokenHash: hashToken(token),
      invitedBy: actor.id,
      createdAt: new Date(now).toISOString(),
      expiresAt: new Date(now + INVITATION_TTL_MS).toISOString(),
      acceptedAt: null,
    };
    await this.store.collection('invitations').insert(invitation);
    await this.audit.record(project.id, actor.id, 'member.invited', {
      email: body.email,
      role: body.role,
      relation: body.relation,
    });
    return { kind: 'invited', invitation: invitationView(this.store, invitation), link: `${baseUrl}/invite/${token}` };
  }

  /** The pending, unexpired invitation a link's token stands for. */
  private findInvitation(token: string): InvitationRecord {
    const invitation = this.store.collection('invitations').findOne({ tokenHash: hashToken(token) });
    if (!invitation || invitation.acceptedAt !== null) throw new NotFound('invitation not found or already used');
    if (Date.parse(invitation.expiresAt) < Date.now()) throw new Expired('this invitation has expired');
    return invitation;
  }

  /** What the invitation link's page shows before the account is set up. */
  invitationInfo(token: string): InvitationInfo {
    const invitation = this.findInvitation(token);
    return {
      email: invitation.email,
      projectName: this.store.collection('projects').get(invitation.projectId)?.nameZh ?? '',
      organizationName: this.store.collection('organizations').get(invitation.organizationId)?.name ?? '',
      role: invitation.role,
    };
  }

  async accept(token: string, body: AcceptInvitationBody): Promise<UserRecord> {
    const invitation = this.findInvitation(token);
    const user = await this.accounts.fromInvitation(invitation, body);
    await this.store.collection('users').insert(user);
    await this.store.collection('members').insert({
      id: newId('mem'),
      projectId: invitation.projectId,
      userId: user.id,
      organizationId: invitation.organizationId,
      relation: invitation.relation,
      role: invitation.role,
      addedAt: new Date().toISOString(),
    });
    await this.store.collection('invitations').update(invitation.id, { acceptedAt: new Date().toISOString() });
    await this.audit.record(invitation.projectId, user.id, 'invitation.accepted', {
      userId: user.id,
      email: user.email,
      role: invitation.role,
      relation: invitation.relation,
    });
    // A new member joins the drafting group: live pages and the drafting credits follow.
    this.events.emit('access-changed', { userId: user.id, projectId: invitation.projectId });
    return user;
  }

  async revokeInvitation(project: Project, invitationId: string, actor: UserRecord): Promise<void> {
    const invitation = this.store.collection('invitations').get(invitationId);
    if (!invitation || invitation.projectId !== project.id || invitation.acceptedAt !== null)
      throw new NotFound('invitation not found');
    await this.store.collection('invitations').remove(invitationId);
    await this.audit.record(project.id, actor.id, 'invitation.revoked', { email: invitation.email });
  }

  async update(project: Project, userId: string, body: UpdateMemberBody, actor: UserRecord): Promise<MemberView> {
    const member = this.member(project.id, userId);
    const role = body.role ?? member.role;
    const relation = body.relation ?? member.relation;
    this.assertFits(project, member.organizationId, relation, role);
    if (role !== 'lead') this.assertKeepsALead(project.id, member);
    const updated = await this.store.collection('members').update(member.id, {
      ...(body.role ? { role: body.role } : {}),
      ...(body.relation ? { relation: body.relation } : {}),
    });
    if (!updated) throw new NotFound('member not found');
    await this.audit.record(project.id, actor.id, 'member.updated', {
      userId,
      fromRole: member.role,
      toRole: updated.role,
      fromRelation: member.relation,
      relation: updated.relation,
    });
    if (updated.role !== member.role) this.events.emit('access-changed', { userId, projectId: project.id });
    else if (updated.relation !== member.relation) this.hub.publish(project.id, { type: 'members-changed' });
    return memberView(this.store, updated);
  }

  async remove(project: Project, userId: string, actor: UserRecord): Promise<void> {
    const member = this.member(project.id, userId);
    this.assertKeepsALead(project.id, member);
    await this.store.collection('members').remove(member.id);
    await this.audit.record(project.id, actor.id, 'member.removed', { userId, role: member.role });
    this.events.emit('access-changed', { userId, projectId: project.id });
  }

  pendingInvitations(projectId: string): InvitationView[] {
    return this.store
      .collection('invitations')
      .findMany({ projectId, acceptedAt: null })
      .filter((i) => Date.parse(i.expiresAt) >= Date.now())
      .map((i) => invitationView(this.store, i));
  }
}
