/** Sign-in sessions: an opaque token for the client, its hash in the metadata store. */
import type { MetadataStore, UserRecord } from '../storage/types.js';
import { hashToken, newId, newToken } from './tokens.js';

export const SESSION_COOKIE = 'zm_session';
export const SESSION_TTL_MS = 14 * 24 * 3600 * 1000;

export class SessionService {
  constructor(private readonly store: MetadataStore) {}

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
    return user && user.active ? user : null;
  }

  async revoke(token: string): Promise<void> {
    await this.store.collection('sessions').removeWhere({ tokenHash: hashToken(token) });
  }

  async revokeAllOf(userId: string): Promise<void> {
    await this.store.collection('sessions').removeWhere({ userId });
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
