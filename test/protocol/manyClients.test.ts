/**
 * 200 clients on one document, 50 of them typing, against the real server process over real sockets:
 * every client ends with the same document holding every edit, and no client that kept reading is
 * dropped (no connection of any of them closes during the run).
 */
import { rm } from 'node:fs/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { makeDataDir } from '../helpers/server.js';
import { killServerProcesses, startServerProcess } from '../helpers/serverProcess.js';
import { demoProject, login, request } from '../helpers/api.js';
import { appendParagraph, connect, content, waitFor } from '../helpers/collab.js';
import type { Client } from '../helpers/collab.js';
import { CONTENT_FIELD } from '@shared/editor/extensions.js';

const clients: Client[] = [];
const dataDirs: string[] = [];

afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy();
  killServerProcesses();
  for (const dir of dataDirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

const fragmentLength = (client: Client): number => client.doc.getXmlFragment(CONTENT_FIELD).length;

const CLIENTS = 200;
const WRITERS = 50;
const EDITS_PER_WRITER = 10;
/** Each writer types two paragraphs per second, at its own phase (100 edits/s in all). */
const EDIT_INTERVAL_MS = 500;

describe('200 clients on one document', () => {
  it('with 50 typing, all converge on every edit and none is dropped', async () => {
    const dataDir = await makeDataDir();
    dataDirs.push(dataDir);
    const server = await startServerProcess({ DATA_DIR: dataDir });
    const lead = await login(server.url, 'lead@example.com');
    const drafter = await login(server.url, 'drafter@example.com');
    const documentId = (await demoProject(server.url, lead)).standardId;

    let closes = 0;
    for (let i = 0; i < CLIENTS; i++) {
      const client = connect(server.url, documentId, i % 2 === 0 ? lead : drafter);
      client.provider.on('connection-close', () => {
        closes++;
      });
      clients.push(client);
    }
    await waitFor(() => clients.every((c) => c.provider.synced), 'all 200 clients synced', 20_000);

    const paragraphsBefore = fragmentLength(clients[0]!);
    const typed: string[] = [];
    await Promise.all(
      clients.slice(0, WRITERS).map(async (writer, k) => {
        await new Promise((r) => setTimeout(r, Math.random() * EDIT_INTERVAL_MS));
        for (let n = 0; n < EDITS_PER_WRITER; n++) {
          const token = `[w${k}-${n}]`;
          appendParagraph(writer.doc, token);
          typed.push(token);
          await new Promise((r) => setTimeout(r, EDIT_INTERVAL_MS));
        }
      }),
    );
    expect(typed).toHaveLength(WRITERS * EDITS_PER_WRITER);

    // Cheap to poll: the number of top-level nodes; the contents are compared once they all have them.
    await waitFor(
      () => clients.every((c) => fragmentLength(c) === paragraphsBefore + typed.length),
      'every client has every edit',
      20_000,
    );
    const reference = content(clients[0]!.doc);
    const differing = clients.filter((c) => content(c.doc) !== reference).length;
    expect(differing).toBe(0);
    for (const t of typed) expect(reference.split(t)).toHaveLength(2);

    // Nobody was dropped: every connection stayed open from the sync to the end.
    expect(closes).toBe(0);
    expect(clients.every((c) => c.provider.wsconnected)).toBe(true);
    const health = await request<{ connections: number }>(server.url, 'GET', '/api/health');
    expect(health.body.connections).toBe(CLIENTS);
  }, 60_000);
});
