/**
 * A Redis restart mid-session (REDIS_URL): two instances on one PostgreSQL and one Redis; while Redis
 * is down a client on A types, a comment is made and a user signs out through A. Once Redis is back,
 * B catches up from PostgreSQL without its clients reconnecting: its client gets A's text, its API
 * shows the comment, the signed-out session's socket and event stream on B are closed. Nothing is
 * lost in PostgreSQL, and edits cross both ways afterwards.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import * as Y from 'yjs';
import type { ThreadListResponse, ThreadView } from '@shared/api/comments.js';
import { encodeAnchor } from '@shared/comments/anchors.js';
import { PostgresDocumentStore } from '../../server/storage/postgres/PostgresDocumentStore.js';
import { startTestServer } from '../helpers/server.js';
import type { TestServer } from '../helpers/server.js';
import { demoProject, login, request } from '../helpers/api.js';
import { appendParagraph, connectSynced, content, rawSocket, waitFor } from '../helpers/collab.js';
import { paragraphTexts } from '../comments/helpers.js';
import { openEvents } from '../accounts/helpers.js';
import { POSTGRES_SKIP_REASON, startPostgres } from '../helpers/postgres.js';
import type { TestPostgres } from '../helpers/postgres.js';
import { REDIS_SKIP_REASON, startRedis } from '../helpers/redis.js';
import type { TestRedis } from '../helpers/redis.js';

const SKIP_REASON = POSTGRES_SKIP_REASON ?? REDIS_SKIP_REASON;
if (SKIP_REASON) console.warn(SKIP_REASON);

const FAST_STORE = { debounceMs: 50, maxWaitMs: 200 };
const DURING = '停机期间甲实例上写的段落';

const count = (text: string, part: string): number => text.split(part).length - 1;

/** `promise`, or a failure naming `what` after `ms`. */
async function within<T>(promise: Promise<T>, what: string, ms = 10_000): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out waiting for: ${what}`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

describe.skipIf(SKIP_REASON !== null)('a Redis restart mid-session', () => {
  let postgres: TestPostgres;
  let redis: TestRedis;
  let pool: pg.Pool | null = null;
  const servers: TestServer[] = [];
  beforeAll(async () => {
    [postgres, redis] = await Promise.all([startPostgres(), startRedis()]);
  }, 30_000);
  afterAll(async () => {
    for (const server of servers) await server.dispose().catch(() => undefined);
    await pool?.end();
    await redis?.stop();
    await postgres?.stop();
  });

  it('lets the instances catch up on what was published while Redis was down', async () => {
    const databaseUrl = await postgres.createDatabase();
    const a = await startTestServer({ databaseUrl, redisUrl: redis.url, store: FAST_STORE });
    servers.push(a);
    const b = await startTestServer({ databaseUrl, redisUrl: redis.url, store: FAST_STORE, seedDemo: false });
    servers.push(b);
    pool = new pg.Pool({ connectionString: databaseUrl, max: 2 });
    const stored = new PostgresDocumentStore(pool);
    const storedText = async (documentId: string): Promise<string> => {
      const state = await stored.loadState(documentId);
      const doc = new Y.Doc();
      if (state) Y.applyUpdate(doc, state);
      return content(doc);
    };

    /** Signs in on A and waits until B knows the session. */
    const signIn = async (email: string): Promise<string> => {
      const token = await login(a.url, email);
      await waitFor(
        async () => (await request(b.url, 'GET', '/api/auth/me', { token })).status === 200,
        `B knows the session of ${email}`,
      );
      return token;
    };
    const lead = await signIn('lead@example.com');
    const drafter = await signIn('drafter@example.com');
    const signingOut = await signIn('lead@example.com');
    const { project, standardId } = await demoProject(a.url, lead);
    const threadsOnB = async (): Promise<string[]> =>
      (
        await request<ThreadListResponse>(b.url, 'GET', `/api/documents/${standardId}/threads`, { token: drafter })
      ).body.threads.map((thread) => thread.id);

    const onA = await connectSynced(a.url, standardId, lead);
    const onB = await connectSynced(b.url, standardId, drafter);
    const statusesOnB: string[] = [];
    onB.provider.on('status', ({ status }: { status: string }) => statusesOnB.push(status));
    const socket = await rawSocket(`${b.url.replace('http', 'ws')}/collab/${standardId}?token=${signingOut}`);
    const events = await openEvents(b, project.id, signingOut);
    try {
      expect(events.status).toBe(200);
      appendParagraph(onA.doc, '停机之前的段落');
      await waitFor(() => content(onB.doc).includes('停机之前的段落'), 'an edit crosses before the outage');

      await redis.down();

      // Through A while Redis is down: an edit, a comment, a sign-out.
      appendParagraph(onA.doc, DURING);
      const text = paragraphTexts(onA.doc, { inSection: true }).find(
        (t) => t.length >= 20 && !t.toString().includes('<'),
      );
      if (!text) throw new Error('no long paragraph to comment on');
      const thread = await request<ThreadView>(a.url, 'POST', `/api/documents/${standardId}/threads`, {
        token: lead,
        body: {
          anchorStart: encodeAnchor(Y.createRelativePositionFromTypeIndex(text, 4, 0)),
          anchorEnd: encodeAnchor(Y.createRelativePositionFromTypeIndex(text, 12, -1)),
          quote: text.toString().slice(4, 12),
          clauseId: null,
          body: '停机期间的意见',
          mentions: [],
        },
      });
      expect(thread.status, JSON.stringify(thread.body)).toBe(201);
      expect((await request(a.url, 'POST', '/api/auth/logout', { token: signingOut })).status).toBe(204);
      // A stored the edit without Redis; B has heard of none of it.
      await waitFor(async () => (await storedText(standardId)).includes(DURING), 'the edit made on A is stored');
      expect(content(onB.doc)).not.toContain(DURING);
      expect(await threadsOnB()).not.toContain(thread.body.id);
      expect(socket.ws.readyState).toBe(socket.ws.OPEN);
      expect(events.isEnded()).toBe(false);

      await redis.up();

      // B catches up from PostgreSQL; its clients did not reconnect.
      await waitFor(() => content(onB.doc).includes(DURING), "B's client gets the text typed on A", 15_000);
      await waitFor(async () => (await threadsOnB()).includes(thread.body.id), "B's API shows the comment");
      expect((await within(socket.closed, "the signed-out session's socket on B closes")).code).toBe(4401);
      await within(events.ended, "the signed-out session's event stream on B ends");
      expect((await request(b.url, 'GET', '/api/auth/me', { token: signingOut })).status).toBe(401);
      expect(statusesOnB).not.toContain('disconnected');

      // Both keep working: edits cross both ways.
      appendParagraph(onB.doc, '恢复之后乙实例上写的段落');
      await waitFor(() => content(onA.doc).includes('恢复之后乙实例上写的段落'), 'an edit on B reaches A');
      appendParagraph(onA.doc, '恢复之后甲实例上写的段落');
      await waitFor(() => content(onB.doc).includes('恢复之后甲实例上写的段落'), 'an edit on A reaches B');
      await waitFor(() => content(onA.doc) === content(onB.doc), 'the clients converge');
      expect(statusesOnB).not.toContain('disconnected');

      // Nothing lost in PostgreSQL, each edit once.
      const expected = content(onA.doc);
      await waitFor(async () => (await storedText(standardId)) === expected, 'PostgreSQL holds the final text');
      for (const part of ['停机之前的段落', DURING, '恢复之后乙实例上写的段落', '恢复之后甲实例上写的段落'])
        expect(count(expected, part), part).toBe(1);
      const threadRows = await pool.query("SELECT 1 FROM records WHERE collection = 'commentThreads' AND id = $1", [
        thread.body.id,
      ]);
      expect(threadRows.rowCount).toBe(1);
    } finally {
      socket.ws.close();
      events.close();
      onA.destroy();
      onB.destroy();
    }
  }, 30_000);
});
