/**
 * Two server instances on one PostgreSQL and one Redis (REDIS_URL): stock y-websocket clients on A
 * and on B of one document see each other's edits and presence, a session made on A works on B, a
 * comment made through A's API reaches B's project event stream and B's API, and the final text is
 * in PostgreSQL once. Also: two document stores appending to one document at once (as two instances
 * do) get their sequence numbers from PostgreSQL and lose nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import * as Y from 'yjs';
import type { ThreadListResponse, ThreadView } from '@shared/api/comments.js';
import { encodeAnchor } from '@shared/comments/anchors.js';
import { PostgresDocumentStore } from '../../server/storage/postgres/PostgresDocumentStore.js';
import { migrate } from '../../server/storage/postgres/migrations.js';
import { startTestServer } from '../helpers/server.js';
import type { TestServer } from '../helpers/server.js';
import { demoProject, login, request } from '../helpers/api.js';
import { appendParagraph, connectSynced, content, waitFor } from '../helpers/collab.js';
import type { Client } from '../helpers/collab.js';
import { paragraphTexts } from '../comments/helpers.js';
import { POSTGRES_SKIP_REASON, startPostgres } from '../helpers/postgres.js';
import type { TestPostgres } from '../helpers/postgres.js';
import { REDIS_SKIP_REASON, startRedis } from '../helpers/redis.js';
import type { TestRedis } from '../helpers/redis.js';

const SKIP_REASON = POSTGRES_SKIP_REASON ?? REDIS_SKIP_REASON;
if (SKIP_REASON) console.warn(SKIP_REASON);

const FAST_STORE = { debounceMs: 50, maxWaitMs: 200 };

/** Reads a project's SSE stream on one server; `seen(type)` tells whether an event of that type arrived. */
async function openEventStream(baseUrl: string, projectId: string, token: string) {
  const controller = new AbortController();
  const response = await fetch(`${baseUrl}/api/projects/${projectId}/events`, {
    headers: { authorization: `Bearer ${token}` },
    signal: controller.signal,
  });
  expect(response.status).toBe(200);
  const body = response.body;
  if (!body) throw new Error('no event stream body');
  let text = '';
  const reader = body.getReader();
  const decoder = new TextDecoder();
  void (async () => {
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return;
        text += decoder.decode(value, { stream: true });
      }
    } catch {
      // aborted
    }
  })();
  return {
    text: () => text,
    close: () => controller.abort(),
  };
}

/** The user ids of the presence states `client` sees, with the field `probe` set to `value`. */
function presenceWith(client: Client, value: string): unknown[] {
  const users: unknown[] = [];
  for (const state of client.provider.awareness.getStates().values()) {
    if (state.probe !== value) continue;
    const user: unknown = state.user;
    users.push(typeof user === 'object' && user !== null && 'id' in user ? user.id : undefined);
  }
  return users;
}

describe.skipIf(SKIP_REASON !== null)('instances joined through Redis', () => {
  let postgres: TestPostgres;
  let redis: TestRedis;
  const servers: TestServer[] = [];
  beforeAll(async () => {
    [postgres, redis] = await Promise.all([startPostgres(), startRedis()]);
  }, 30_000);
  afterAll(async () => {
    for (const server of servers) await server.dispose().catch(() => undefined);
    await redis?.stop();
    await postgres?.stop();
  });

  it('share documents, presence, sessions, comments and project events', async () => {
    const databaseUrl = await postgres.createDatabase();
    const a = await startTestServer({ databaseUrl, redisUrl: redis.url, store: FAST_STORE });
    servers.push(a);
    const b = await startTestServer({ databaseUrl, redisUrl: redis.url, store: FAST_STORE, seedDemo: false });
    servers.push(b);

    // A session made on A is valid on B.
    const lead = await login(a.url, 'lead@example.com');
    await waitFor(
      async () => (await request(b.url, 'GET', '/api/projects', { token: lead })).status === 200,
      'the session made on A works on B',
    );
    const drafter = await login(b.url, 'drafter@example.com');
    const { project, standardId } = await demoProject(b.url, lead);

    const onA = await connectSynced(a.url, standardId, lead);
    const onB = await connectSynced(b.url, standardId, drafter);
    try {
      appendParagraph(onA.doc, '甲实例上写的段落');
      appendParagraph(onB.doc, '乙实例上写的段落');
      await waitFor(
        () =>
          content(onA.doc) === content(onB.doc) &&
          content(onA.doc).includes('甲实例') &&
          content(onA.doc).includes('乙实例'),
        'the clients on A and B converge',
      );

      // Presence crosses too, with the identity the sending instance authenticated (not what the client claims).
      onA.provider.awareness.setLocalStateField('probe', 'from-a');
      onB.provider.awareness.setLocalStateField('probe', 'from-b');
      await waitFor(() => presenceWith(onB, 'from-a').length === 1, "B's client sees the presence from A");
      await waitFor(() => presenceWith(onA, 'from-b').length === 1, "A's client sees the presence from B");
      const leadId = (await request<{ user: { id: string } }>(a.url, 'GET', '/api/auth/me', { token: lead })).body.user
        .id;
      expect(presenceWith(onB, 'from-a')).toEqual([leadId]);
      // Later changes cross too: B's client sends back the presence it received (y-websocket does),
      // which must not make that client's connection on B speak for the client on A.
      onA.provider.awareness.setLocalStateField('probe', 'from-a-later');
      await waitFor(() => presenceWith(onB, 'from-a-later').length === 1, "B's client sees A's later presence");

      // A comment made through A's API reaches B's event stream and B's API.
      const stream = await openEventStream(b.url, project.id, drafter);
      try {
        await waitFor(() => stream.text().includes('event: ready'), "B's stream is open");
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
            body: '跨实例的意见',
            mentions: [],
          },
        });
        expect(thread.status, JSON.stringify(thread.body)).toBe(201);
        await waitFor(
          () => stream.text().includes('event: comments-changed') && stream.text().includes(thread.body.id),
          "the comment's event on B's stream",
        );
        await waitFor(async () => {
          const threads = await request<ThreadListResponse>(b.url, 'GET', `/api/documents/${standardId}/threads`, {
            token: drafter,
          });
          return threads.body.threads.some((t) => t.id === thread.body.id);
        }, "the comment in B's API");
      } finally {
        stream.close();
      }
    } finally {
      onA.destroy();
      onB.destroy();
    }
    const expected = content(onA.doc);
    for (const server of servers.splice(0)) await server.dispose();

    // The final text is in PostgreSQL, each edit once.
    const pool = new pg.Pool({ connectionString: databaseUrl, max: 2 });
    try {
      const store = new PostgresDocumentStore(pool);
      const state = await store.loadState(standardId);
      if (!state) throw new Error('no stored state');
      const doc = new Y.Doc();
      Y.applyUpdate(doc, state);
      const stored = content(doc);
      expect(stored.split('甲实例上写的段落').length - 1).toBe(1);
      expect(stored.split('乙实例上写的段落').length - 1).toBe(1);
      await store.close();
    } finally {
      await pool.end();
    }
    expect(expected).toContain('甲实例上写的段落');
  }, 40_000);

  it('lets two document stores append to one document at once', async () => {
    const databaseUrl = await postgres.createDatabase();
    const pool = new pg.Pool({ connectionString: databaseUrl, max: 6 });
    try {
      await migrate(pool);
      // Two stores over one database, as two instances have.
      const stores = [new PostgresDocumentStore(pool), new PostgresDocumentStore(pool)];
      const source = new Y.Doc();
      const updates: Uint8Array[] = [];
      source.on('update', (update: Uint8Array) => updates.push(update));
      for (let i = 0; i < 40; i++) source.getText('t').insert(0, `${i};`);
      // Each store knows the (empty) log before the other writes: sequences from the instance would collide.
      await Promise.all(stores.map((store) => store.loadState('d1')));
      await Promise.all(
        updates.map((update, i) => stores[i % 2]!.append('d1', [{ update, userId: `u${i % 2}`, at: i }])),
      );
      const state = await stores[0]!.loadState('d1');
      if (!state) throw new Error('no state');
      const doc = new Y.Doc();
      Y.applyUpdate(doc, state);
      expect(doc.getText('t').toString()).toBe(source.getText('t').toString());
      const history = await stores[1]!.history('d1');
      expect(history.reduce((n, entry) => n + entry.count, 0)).toBe(40);
      for (const store of stores) await store.close();
    } finally {
      await pool.end();
    }
  }, 20_000);
});
