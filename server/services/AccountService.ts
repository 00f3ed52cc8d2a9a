/**
 * User accounts: sign-in, sessions handed out, administrators creating and changing users, and the
 * accounts invitations create. A user record is made in one place (`newUserRecord`); a changed account
 * ends sessions and re-authorizes live connections where its rights may have changed.
 */
import type { LoginResponse } from '@shared/api/types.js';
import type { PublicUser } from '@shared/domain/user.js';
import type { AcceptInvitationBody, CreateUserBody, UpdateUserBody } from '@shared/validation/requests.js';
import { DUMMY_HASH_PROMISE, hashPassword, verifyPassword } from '../auth/passwords.js';
import type { SessionService } from '../auth/SessionService.js';
import { newId } from '../auth/tokens.js';
import { Conflict, Forbidden, Invalid, NotFound, Unauthenticated } from '../domain/errors.js';
import type { DomainEventBus } from '../events.js';
import type { Logger } from '../logger.js';
import type { ProjectEventHub } from '../realtime/ProjectEventHub.js';
import type { MetadataStore, UserRecord } from '../storage/types.js';
import { publicUser } from './views.js';

/** What a new account is made of, besides its password. */
export type NewAccount = Pick<UserRecord, 'name' | 'email' | 'phone' | 'organizationId' | 'isAdmin'>;

/** The one way a user record is made: an active account with a fresh id. */
export function newUserRecord(account: NewAccount, passwordHash: string): UserRecord {
  return {
    id: newId('usr'),
    name: account.name,
    email: account.email,
    phone: account.phone,
    organizationId: account.organizationId,
    passwordHash,
    isAdmin: account.isAdmin,
    active: true,
    createdAt: new Date().toISOString(),
  };
}

export class AccountService {
  constructor(
    private readonly store: MetadataStore,
    private readonly sessions: SessionService,
    private readonly events: DomainEventBus,
    private readonly hub: ProjectEventHub,
    private readonly log: Logger,
  ) {}

  /** What the API shows of a user (never the password hash). */
  view(user: UserRecord): PublicUser {
    return publicUser(this.store, user);
  }

  /** The account an email and password stand for; the same answer for an unknown email and a wrong password. */
  async signIn(email: string, password: string): Promise<UserRecord> {
    const user = this.store.collection('users').findOne({ email });
    const ok = await verifyPassword(password, user?.passwordHash ?? (await DUMMY_HASH_PROMISE));
    if (!user || !ok) throw new Unauthenticated('wrong email or password');
    if (!user.active) throw new Forbidden('this account is disabled');
    return user;
  }

  /** A new session for the user: its token and the user as the API shows them. */
  async startSession(user: UserRecord): Promise<LoginResponse> {
    const token = await this.sessions.create(user.id);
    return { token, user: this.view(user) };
  }

  list(): PublicUser[] {
    return this.store
      .collection('users')
      .findMany()
      .map((u) => this.view(u));
  }

  private assertOrganization(id: string): void {
    if (!this.store.collection('organizations').get(id))
      throw new Invalid('unknown organization', [{ path: 'organizationId', message: 'unknown organization' }]);
  }

  async create(body: CreateUserBody): Promise<PublicUser> {
    this.assertOrganization(body.organizationId);
    const users = this.store.collection('users');
    if (users.findOne({ email: body.email })) throw new Conflict('a user with this email already exists');
    const user = newUserRecord(body, await hashPassword(body.password));
    await users.insert(user);
    return this.view(user);
  }

  /** The account an invitation creates (not stored yet); refuses an e-mail that already has one. */
  async fromInvitation(
    invitation: { email: string; organizationId: string },
    body: AcceptInvitationBody,
  ): Promise<UserRecord> {
    if (this.store.collection('users').findOne({ email: invitation.email })) {
      throw new Conflict('an account with this email already exists; sign in instead');
    }
    const account: NewAccount = {
      name: body.name,
      email: invitation.email,
      phone: body.phone,
      organizationId: invitation.organizationId,
      isAdmin: false,
    };
    return newUserRecord(account, await hashPassword(body.password));
  }

  /** The user an administrator is about to change (looked up before the request body is read). */
  find(userId: string): UserRecord {
    const user = this.store.collection('users').get(userId);
    if (!user) throw new NotFound('user not found');
    return user;
  }

  async update(admin: UserRecord, existing: UserRecord, body: UpdateUserBody): Promise<PublicUser> {
    const users = this.store.collection('users');
    if (body.organizationId) this.assertOrganization(body.organizationId);
    if (existing.id === admin.id && (body.active === false || body.isAdmin === false)) {
      throw new Conflict('you cannot disable yourself or remove your own administrator rights');
    }
    const { password, ...fields } = body;
    const patch: Partial<UserRecord> = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
    if (password) patch.passwordHash = await hashPassword(password);
    const updated = await users.update(existing.id, patch);
    if (!updated) throw new NotFound('user not found');
    if (body.active === false || password) await this.sessions.revokeAllOf(existing.id);
    const accessMayChange =
      body.active === false ||
      (body.organizationId !== undefined && body.organizationId !== existing.organizationId) ||
      (body.isAdmin !== undefined && body.isAdmin !== existing.isAdmin);
    if (accessMayChange) this.events.emit('access-changed', { userId: existing.id, projectId: null });
    this.log.info({ adminId: admin.id, userId: existing.id, fields: Object.keys(body) }, 'user updated');
    // Drafters' names are printed in the drafting credits of their projects.
    if (body.name !== undefined && body.name !== existing.name) {
      for (const member of this.store.collection('members').findMany({ userId: existing.id }))
        this.hub.publish(member.projectId, { type: 'members-changed' });
    }
    return this.view(updated);
  }
}
