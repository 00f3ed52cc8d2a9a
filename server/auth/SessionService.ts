/** Sign-in sessions: an opaque token for the client, its hash in the metadata store. */
import type { MetadataStore, UserRecord } from '../storage/types.js';
import { hashToken, newId, newToken } from './tokens.js';

export const SESSION_COOKIE = 'zm_session';
export const SESSION_TTL_MS = 14 * 24 * 3600 * 1000;

/** A session ended (sign-out), or all of a user's sessions did (`sessionId` null: disabled, new password). */
export interface SessionEnded {
  userId: string;
  sessionId: string | null;
  /** Ended on another instance and heard of through Redis (server/redis): not to be relayed again. */
  relayed?: boolean;
}

export class SessionService {
  private readonly endedListeners = new Set<(ended: SessionEnded) => void>();

  constructor(private readonly store: MetadataStore) {}

  /** Listens for ended sessions (live sockets and event streams of that session must close); returns the unsubscribe. */
  onEnded(listener: (ended: SessionEnded) => void): () => void {
    this.endedListeners.add(listener);
    return () => this.endedListeners.delete(listener);
  }

  private ended(ended: SessionEnded): void {
    for (const listener of this.endedListeners) listener(ended);
  }

  /** A session ended on another instance (server/redis): this instance's listeners close its connections too. */
  endedElsewhere(ended: SessionEnded): void {
    this.ended({ ...ended, relayed: true });
  }

  /** The id of the stored session a token stands for (null when unknown), to tell a user's sessions apart. */
  sessionIdOf(token: string | null | undefined): string | null {
    if (!token) return null;
    return this.store.collection('sessions').findOne({ tokenHash: hashToken(token) })?.id ?? null;
  }

  async create(userId: string): Promise<string> {
    const token = newToken();
    const now = Date.now();
    await this.store.collection('sessions').insert({
      id: newId('ses'),
      tokenHash: hashToken(token),
      userId,
      createdAt: new Date(now).toISOString(),
      expiresAt: new Date(now + SESSION_TTL_MS).toISOString(),
    });
    return token;
  }

  /** The active user a token belongs to, or null (unknown, expired or disabled). */
  resolve(token: string | null | undefined): UserRecord | null {
    if (!token) return null;
    const session = this.store.collection('sessions').findOne({ tokenHash: hashToken(token) });
    if (!session || Date.parse(session.expiresAt) < Date.now()) return null;
    const user = this.store.collection('users').get(session.userId);
    return user?.active ? user : null;
  }

  async revoke(token: string): Promise<void> {
    const session = this.store.collection('sessions').findOne({ tokenHash: hashToken(token) });
    if (!session) return;
    await this.store.collection('sessions').remove(session.id);
    this.ended({ userId: session.userId, sessionId: session.id });
  }

  async revokeAllOf(userId: string): Promise<void> {
    await this.store.collection('sessions').removeWhere({ userId });
    this.ended({ userId, sessionId: null });
  }
}

/** Reads the session token from a Cookie header. */
export function tokenFromCookieHeader(header: string | undefined): string | null {
  if (!header) return null;
  for (const part of header.split(';')) {
    const [name, ...rest] = part.trim().split('=');
    if (name === SESSION_COOKIE) return decodeURIComponent(rest.join('='));
  }
  return null;
}
