/**
 * Access loss across instances (REDIS_URL): a member removed, a session signed out or a user
 * disabled through instance A closes that user's sockets and event streams on instance B, and B
 * refuses them on reconnect.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProjectListItem } from '@shared/api/types.js';
import { demoProject, login, request } from '../helpers/api.js';
import { rawSocket, waitFor } from '../helpers/collab.js';
import { startTestServer } from '../helpers/server.js';
import type { TestServer } from '../helpers/server.js';
import { POSTGRES_SKIP_REASON, startPostgres } from '../helpers/postgres.js';
import type { TestPostgres } from '../helpers/postgres.js';
import { REDIS_SKIP_REASON, startRedis } from '../helpers/redis.js';
import type { TestRedis } from '../helpers/redis.js';
import { call, openEvents, userIdOf } from '../accounts/helpers.js';

const SKIP_REASON = POSTGRES_SKIP_REASON ?? REDIS_SKIP_REASON;
if (SKIP_REASON) console.warn(SKIP_REASON);

describe.skipIf(SKIP_REASON !== null)('access loss across instances', () => {
  let postgres: TestPostgres;
  let redis: TestRedis;
  let a: TestServer;
  let b: TestServer;
  let lead: string;
  let admin: string;
  let project: ProjectListItem;
  let standardId: string;

  beforeAll(async () => {
    [postgres, redis] = await Promise.all([startPostgres(), startRedis()]);
    const databaseUrl = await postgres.createDatabase();
    a = await startTestServer({ databaseUrl, redisUrl: redis.url });
    b = await startTestServer({ databaseUrl, redisUrl: redis.url, seedDemo: false });
    lead = await login(a.url, 'lead@example.com');
    admin = await login(a.url, 'admin@example.com');
    ({ project, standardId } = await demoProject(a.url, lead));
  }, 60_000);
  afterAll(async () => {
    for (const server of [a, b]) await server?.dispose().catch(() => undefined);
    await redis?.stop();
    await postgres?.stop();
  });

  const wsUrlOnB = (token: string) => `${b.url.replace('http', 'ws')}/collab/${standardId}?token=${token}`;

  /** Signs in on A and waits until B knows the session. */
  async function signIn(email: string): Promise<string> {
    const token = await login(a.url, email);
    await waitFor(
      async () => (await request(b.url, 'GET', '/api/auth/me', { token })).status === 200,
      `B knows the session of ${email}`,
    );
    return token;
  }

  it('removing a member on A closes their socket and event stream on B', async () => {
    const drafter = await signIn('drafter@example.com');
    const socket = await rawSocket(wsUrlOnB(drafter));
    const events = await openEvents(b, project.id, drafter);
    const leadEvents = await openEvents(b, project.id, lead);
    try {
      expect(events.status).toBe(200);
      await call(a, lead, 'DELETE', `/api/projects/${project.id}/members/${userIdOf(a, 'drafter@example.com')}`);
      expect((await socket.closed).code).toBe(4000);
      await events.ended;
      // The others' streams on B stay open and hear of it once.
      await waitFor(() => leadEvents.types.includes('members-changed'), 'the lead on B hears members-changed');
      expect(leadEvents.isEnded()).toBe(false);
      // Reconnecting to B is refused: B read the removal before closing.
      expect((await (await rawSocket(wsUrlOnB(drafter))).closed).code).toBe(4403);
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(leadEvents.types.filter((type) => type === 'members-changed')).toHaveLength(1);
    } finally {
      events.close();
      leadEvents.close();
    }
  }, 30_000);

  it('signing out on A closes that session on B, not the other sessions', async () => {
    const signingOut = await signIn('lead@example.com');
    const other = await signIn('lead@example.com');
    const socket = await rawSocket(wsUrlOnB(signingOut));
    const otherSocket = await rawSocket(wsUrlOnB(other));
    const events = await openEvents(b, project.id, signingOut);
    const otherEvents = await openEvents(b, project.id, other);
    try {
      expect((await request(a.url, 'POST', '/api/auth/logout', { token: signingOut })).status).toBe(204);
      expect((await socket.closed).code).toBe(4401);
      await events.ended;
      expect(otherEvents.isEnded()).toBe(false);
      expect(otherSocket.ws.readyState).toBe(otherSocket.ws.OPEN);
      expect((await (await rawSocket(wsUrlOnB(signingOut))).closed).code).toBe(4401);
    } finally {
      otherSocket.ws.close();
      events.close();
      otherEvents.close();
    }
  }, 30_000);

  it('disabling a user on A closes all their sockets and streams on B', async () => {
    const token = await signIn('testing@example.com');
    const socket = await rawSocket(wsUrlOnB(token));
    const events = await openEvents(b, project.id, token);
    try {
      await call(a, admin, 'PATCH', `/api/users/${userIdOf(a, 'testing@example.com')}`, { active: false });
      expect((await socket.closed).code).toBe(4401);
      await events.ended;
      expect((await request(b.url, 'GET', '/api/auth/me', { token })).status).toBe(401);
    } finally {
      events.close();
    }
  }, 30_000);
});
