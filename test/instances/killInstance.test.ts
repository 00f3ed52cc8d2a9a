/**
 * Two real server processes (`server/main.ts`) over one PostgreSQL and one Redis (issue 16), with
 * stock y-websocket clients split between them on one document of the demo project:
 *
 * - they converge (A's clients start typing before B has loaded the document: what A had not stored
 *   yet reaches B through the `sync` an instance asks for once it loaded a document); a reviewer's
 *   forged edit sent on either instance is refused there: it is never
 *   published on the document's Redis channel (read by the test itself), reaches no client of either
 *   instance and not PostgreSQL;
 * - instance A is killed (kill -9) while every client types, at a moment when edits of A's clients
 *   have reached B's clients (updates cross instances at once) but are not in PostgreSQL yet (A
 *   stores them after its store debounce). A's clients stay away: B, which never got A's `stored`
 *   confirmation for them, stores them itself within the confirmation timeout (5 s), with their
 *   authors (read back from PostgreSQL);
 * - A's clients then move to B (a new provider over the same Y.Doc, as a load balancer would send
 *   them) and re-send, in the sync, what B has not: afterwards every edit of every client is in
 *   PostgreSQL, exactly once.
 *
 * So the guarantee of docs/architecture.md "Several instances (Redis)" holds in both of its forms:
 * an edit that reached another instance is made durable by that instance if its own dies first, and
 * one that reached nobody else is still held by its sender and re-sent on reconnect.
 */
import { rm } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { createClient } from 'redis';
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import { CONTENT_FIELD } from '@shared/editor/extensions.js';
import { PostgresDocumentStore } from '../../server/storage/postgres/PostgresDocumentStore.js';
import { makeDataDir } from '../helpers/server.js';
import { killServerProcesses, startServerProcess } from '../helpers/serverProcess.js';
import type { ServerProcess } from '../helpers/serverProcess.js';
import { demoProject, login, request } from '../helpers/api.js';
import { connect, connectSynced, content, rawRoundTrip, rawSocket, waitFor } from '../helpers/collab.js';
import type { Client } from '../helpers/collab.js';
import { POSTGRES_SKIP_REASON, startPostgres } from '../helpers/postgres.js';
import type { TestPostgres } from '../helpers/postgres.js';
import { REDIS_SKIP_REASON, startRedis } from '../helpers/redis.js';
import type { TestRedis } from '../helpers/redis.js';

const SKIP_REASON = POSTGRES_SKIP_REASON ?? REDIS_SKIP_REASON;
if (SKIP_REASON) console.warn(SKIP_REASON);

type Instance = 'A' | 'B';

/** A client typing into its own paragraph `«label» label#1; label#2; …`: every edit is one numbered marker. */
interface Typist {
  label: string;
  instance: Instance;
  token: string;
  client: Client;
  text: Y.XmlText;
  typed: number;
}

const MARKER = /([ab]\d)#(\d+);/g;
const FORGED = '审阅者伪造的修改';

const instanceOfMarker = (marker: string): Instance => (marker.startsWith('a') ? 'A' : 'B');

/** Whether a Yjs update (V1: strings as UTF-8) carries `text`. */
const carries = (update: Uint8Array, text: string): boolean => Buffer.from(update).includes(Buffer.from(text));

/** The markers typed into the typists' paragraphs (top-level paragraphs starting with «), each occurrence. */
function typedMarkers(doc: Y.Doc): string[] {
  const found: string[] = [];
  for (const node of doc.getXmlFragment(CONTENT_FIELD).toArray()) {
    if (!(node instanceof Y.XmlElement)) continue;
    const first = node.firstChild;
    if (!(first instanceof Y.XmlText)) continue;
    const text = first.toString();
    if (!text.startsWith('«')) continue;
    for (const match of text.matchAll(MARKER)) found.push(`${match[1]}#${match[2]}`);
  }
  return found;
}

function startParagraph(doc: Y.Doc, label: string): Y.XmlText {
  const text = new Y.XmlText(`«${label}»`);
  doc.transact(() => {
    const paragraph = new Y.XmlElement('paragraph');
    paragraph.insert(0, [text]);
    const fragment = doc.getXmlFragment(CONTENT_FIELD);
    fragment.insert(fragment.length, [paragraph]);
  });
  return text;
}

function type(typist: Typist): string {
  const marker = `${typist.label}#${++typist.typed};`;
  typist.text.insert(typist.text.length, ` ${marker}`);
  return marker.slice(0, -1);
}

/** A sync frame (update or sync step 2) carrying a paragraph, as a forging reviewer would send it. */
function forgedFrame(text: string, messageType: number): Uint8Array {
  const doc = new Y.Doc();
  const paragraph = new Y.XmlElement('paragraph');
  paragraph.insert(0, [new Y.XmlText(text)]);
  doc.getXmlFragment(CONTENT_FIELD).insert(0, [paragraph]);
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 0);
  encoding.writeVarUint(encoder, messageType);
  encoding.writeVarUint8Array(encoder, Y.encodeStateAsUpdate(doc));
  return encoding.toUint8Array(encoder);
}

describe.skipIf(SKIP_REASON !== null)('an instance killed while its clients type', () => {
  let postgres: TestPostgres;
  let redis: TestRedis;
  const dataDirs: string[] = [];
  beforeAll(async () => {
    [postgres, redis] = await Promise.all([startPostgres(), startRedis()]);
  }, 60_000);
  afterAll(async () => {
    killServerProcesses();
    for (const dir of dataDirs) await rm(dir, { recursive: true, force: true });
    await redis?.stop();
    await postgres?.stop();
  });

  it('loses no edit: what reached B is stored by B, the rest is re-sent by its clients', async () => {
    const databaseUrl = await postgres.createDatabase();
    const start = async (): Promise<ServerProcess> => {
      const dataDir = await makeDataDir();
      dataDirs.push(dataDir);
      // The server migrates the schema itself at start (openPostgresStorage).
      return startServerProcess({
        DATA_DIR: dataDir,
        STORAGE: 'postgres',
        DATABASE_URL: databaseUrl,
        REDIS_URL: redis.url,
        LOG_LEVEL: 'error',
      });
    };
    // Both with SEED_DEMO on (the default): B finds the shared database seeded by A and seeds nothing.
    const a = await start();
    expect(a.output()).toContain('Demo data created');
    // Sessions made on A before B starts: B reads them from PostgreSQL when it opens.
    const tokens = new Map<string, string>();
    for (const email of ['lead@example.com', 'drafter@example.com', 'testing@example.com', 'bureau@example.com'])
      tokens.set(email, await login(a.url, email));
    const tokenOf = (email: string): string => tokens.get(email) ?? '';
    const b = await start();
    expect(b.output()).not.toContain('Demo data created');
    const urls: Record<Instance, string> = { A: a.url, B: b.url };

    const pool = new pg.Pool({ connectionString: databaseUrl, max: 4 });
    const store = new PostgresDocumentStore(pool);
    const listener = createClient({ url: redis.url });
    await listener.connect();
    const typists: Typist[] = [];
    let typing: NodeJS.Timeout | undefined;
    try {
      const { standardId } = await demoProject(a.url, tokenOf('lead@example.com'));
      /** The markers of the document as stored in PostgreSQL, read from the database itself. */
      const storedMarkers = async (): Promise<string[]> => {
        const state = await store.loadState(standardId);
        const doc = new Y.Doc();
        if (state) Y.applyUpdate(doc, state);
        const markers = typedMarkers(doc);
        if (content(doc).includes(FORGED)) markers.push('forged');
        doc.destroy();
        return markers;
      };

      const seats: [string, Instance, string][] = [
        ['a1', 'A', 'lead@example.com'],
        ['a2', 'A', 'drafter@example.com'],
        ['b1', 'B', 'testing@example.com'],
        ['b2', 'B', 'lead@example.com'],
      ];
      for (const [label, instance, email] of seats) {
        const token = tokenOf(email);
        const client = await connectSynced(urls[instance], standardId, token);
        typists.push({
          label,
          instance,
          token,
          client,
          text: startParagraph(client.doc, label),
          typed: 0,
        });
      }

      // Every update an instance publishes on the document's channel, as another instance hears it.
      const published: Uint8Array[] = [];
      await listener.subscribe(`zm:doc:${standardId}`, (message: string) => {
        const envelope: unknown = JSON.parse(message);
        if (typeof envelope !== 'object' || envelope === null || !('body' in envelope)) return;
        const body = envelope.body;
        if (typeof body === 'object' && body !== null && 'update' in body && typeof body.update === 'string')
          published.push(new Uint8Array(Buffer.from(body.update, 'base64')));
      });

      // 1. Clients on A and B co-edit and converge.
      for (const typist of typists) type(typist);
      const converged = (): boolean => {
        const first = content(typists[0]!.client.doc);
        return typists.every((t) => content(t.client.doc) === first);
      };
      await waitFor(
        () => converged() && typists.every((t) => typedMarkers(typists[0]!.client.doc).includes(`${t.label}#1`)),
        'the clients on A and B converge',
      );

      // 2. A reviewer's forged edit, on either instance, is refused there: never published, so it
      //    reaches nobody. Once the instance has handled the frames, an edit typed there afterwards
      //    is published and reaches every client, and the forged text never does.
      for (const instance of ['A', 'B'] as const) {
        const reviewer = tokenOf('bureau@example.com');
        const raw = await rawSocket(`${urls[instance].replace(/^http/, 'ws')}/collab/${standardId}?token=${reviewer}`);
        await raw.firstMessage;
        raw.ws.send(forgedFrame(FORGED, syncProtocol.messageYjsUpdate));
        raw.ws.send(forgedFrame(FORGED, syncProtocol.messageYjsSyncStep2));
        await rawRoundTrip(raw.ws);
        const after = type(typists.find((t) => t.instance === instance)!);
        await waitFor(
          () => typists.every((t) => typedMarkers(t.client.doc).includes(after)),
          `an edit typed on ${instance} after the forged one reaches every client`,
        );
        await waitFor(() => published.some((u) => carries(u, after)), `the edit typed on ${instance} is published`);
        for (const typist of typists) expect(content(typist.client.doc)).not.toContain(FORGED);
        raw.ws.close();
        await raw.closed;
      }
      expect(published.filter((u) => carries(u, FORGED))).toEqual([]);

      // 3. Everyone types continuously (a marker each 30 ms; A's debounced store lags up to 1.5 s
      //    behind). A is killed once edits of its clients have reached B's clients but not PostgreSQL.
      const drafterId = (
        await request<{ user: { id: string } }>(a.url, 'GET', '/api/auth/me', { token: tokenOf('drafter@example.com') })
      ).body.user.id;
      /** How many updates of the drafter (typing as a2, on A only) PostgreSQL holds. */
      const storedOfDrafter = async (): Promise<number> =>
        (await store.history(standardId)).filter((h) => h.userId === drafterId).reduce((n, h) => n + h.count, 0);
      typing = setInterval(() => {
        for (const typist of typists) type(typist);
      }, 30);
      const onA = typists.filter((t) => t.instance === 'A');
      const onB = typists.filter((t) => t.instance === 'B');
      /** The edits of A's clients that B's clients have received (through B). */
      const fromAOnB = (): string[] => [
        ...new Set(onB.flatMap((t) => typedMarkers(t.client.doc).filter((m) => instanceOfMarker(m) === 'A'))),
      ];
      await waitFor(async () => {
        const stored = new Set(await storedMarkers());
        const unstored = fromAOnB().filter((m) => !stored.has(m));
        return unstored.some((m) => m.startsWith('a1#')) && unstored.some((m) => m.startsWith('a2#'));
      }, "edits of both of A's clients reached B before A stored them");
      a.kill('SIGKILL');
      await a.exited;
      clearInterval(typing);
      // A's clients stay away (their providers are closed; their documents keep what they typed).
      for (const typist of onA) typist.client.provider.destroy();
      const storedAtKill = new Set(await storedMarkers());
      const drafterAtKill = await storedOfDrafter();
      await new Promise((r) => setTimeout(r, 200)); // what was on its way to B's clients
      const crossed = fromAOnB();
      const crossedUnstored = crossed.filter((m) => !storedAtKill.has(m));
      // The kill did take edits that B's clients were shown before A stored them.
      expect(crossedUnstored.filter((m) => m.startsWith('a2#')).length).toBeGreaterThan(0);

      // 4. B never hears A's confirmation for them: it stores them itself, with their authors, within
      //    the confirmation timeout (5 s), though A's clients never came back.
      await waitFor(
        async () => {
          const stored = new Set(await storedMarkers());
          return crossed.every((m) => stored.has(m));
        },
        "B stores the edits of A's clients that it had",
        12_000,
      );
      expect(await storedOfDrafter()).toBeGreaterThan(drafterAtKill);

      // 5. A's clients reconnect to B, as a load balancer would send them, typing again: the
      //    provider's sync re-sends what they hold and B has not.
      typing = setInterval(() => {
        for (const typist of typists) type(typist);
      }, 30);
      for (const typist of onA) typist.client = connect(b.url, standardId, typist.token, { doc: typist.client.doc });
      await waitFor(() => onA.every((t) => t.client.provider.synced), "A's clients synced on B");
      await new Promise((r) => setTimeout(r, 300));
      clearInterval(typing);

      // Every edit of every client ends up in PostgreSQL, exactly once, and all clients converge.
      const expected = typists.flatMap((t) => Array.from({ length: t.typed }, (_, i) => `${t.label}#${i + 1}`)).sort();
      let stored: string[] = [];
      await waitFor(
        async () => {
          stored = (await storedMarkers()).sort();
          return stored.length === expected.length && converged();
        },
        'every edit stored in PostgreSQL',
        15_000,
      ).catch((error: unknown) => {
        const missing = expected.filter((m) => !stored.includes(m));
        throw new Error(`${String(error)}; missing from PostgreSQL: ${missing.slice(0, 20).join(', ')}`);
      });
      expect(stored).toEqual(expected);
      for (const marker of crossedUnstored) expect(stored).toContain(marker);
      expect(typedMarkers(typists[0]!.client.doc).sort()).toEqual(expected);
    } finally {
      clearInterval(typing);
      for (const typist of typists) typist.client.destroy();
      await listener.close();
      await store.close();
      await pool.end();
      b.kill('SIGKILL');
    }
  }, 90_000);
});
