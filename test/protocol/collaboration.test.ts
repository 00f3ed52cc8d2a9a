/** The y-websocket protocol against a real running server, with the stock y-websocket client. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { Extension } from '../../server/collab/hooks.js';
import { startTestServer } from '../helpers/server.js';
import type { TestServer } from '../helpers/server.js';
import { demoProject, login } from '../helpers/api.js';
import {
  appendParagraph,
  connect,
  connectSynced,
  content,
  rawSocket,
  serverContent,
  waitFor,
} from '../helpers/collab.js';
import type { Client } from '../helpers/collab.js';

let server: TestServer;
let token: string;
let documentId: string;
const clients: Client[] = [];

function track(client: Client): Client {
  clients.push(client);
  return client;
}

beforeEach(async () => {
  server = await startTestServer();
  token = await login(server.url, 'lead@example.com');
  documentId = (await demoProject(server.url, token)).standardId;
});

afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy();
  await server.dispose();
});

describe('collaboration protocol', () => {
  it('two clients converge, and the seeded standard text arrives', async () => {
    const a = track(await connectSynced(server.url, documentId, token));
    const b = track(await connectSynced(server.url, documentId, await login(server.url, 'drafter@example.com')));
    expect(content(a.doc)).toContain('范围');
    appendParagraph(a.doc, '甲方输入的文字');
    appendParagraph(b.doc, '乙方输入的文字');
    await waitFor(
      () =>
        content(a.doc) === content(b.doc) &&
        content(a.doc).includes('乙方输入的文字') &&
        content(b.doc).includes('甲方输入的文字'),
      'convergence',
    );
  });

  it('ten clients editing at once converge to identical state', async () => {
    const tenants = await Promise.all(Array.from({ length: 10 }, () => connectSynced(server.url, documentId, token)));
    tenants.forEach(track);
    for (let round = 0; round < 5; round++) {
      for (const [i, c] of tenants.entries()) appendParagraph(c.doc, `client ${i} round ${round}`);
      await new Promise((r) => setTimeout(r, 5));
    }
    await waitFor(() => {
      const first = Y.encodeStateVector(tenants[0]!.doc).toString();
      return tenants.every((c) => Y.encodeStateVector(c.doc).toString() === first);
    }, 'ten clients converge');
    const texts = tenants.map((c) => content(c.doc));
    expect(new Set(texts).size).toBe(1);
    for (let i = 0; i < 10; i++) expect(texts[0]).toContain(`client ${i} round 4`);
  });

  it('a client that joins later gets everything', async () => {
    const a = track(await connectSynced(server.url, documentId, token));
    for (let i = 0; i < 20; i++) appendParagraph(a.doc, `早先的段落 ${i}`);
    await waitFor(() => a.provider.synced, 'a synced');
    const late = track(await connectSynced(server.url, documentId, token));
    await waitFor(() => content(late.doc) === content(a.doc), 'late joiner has everything');
  });

  it('after a server restart all content is there', async () => {
    const a = track(await connectSynced(server.url, documentId, token));
    appendParagraph(a.doc, '重启前写下的内容');
    const expected = content(a.doc);
    await waitFor(async () => (await serverContent(server, documentId)) === expected, 'the server has the edit');
    a.destroy();
    server = await server.restart();
    const b = track(await connectSynced(server.url, documentId, token));
    expect(content(b.doc)).toBe(expected);
  });

  it('stores every accepted update within two seconds, without a shutdown', async () => {
    const a = track(await connectSynced(server.url, documentId, token));
    appendParagraph(a.doc, '两秒内落盘');
    // Read the files directly (as a crash would leave them), not through the running server: first
    // only their bytes, until the edit is there (at most two seconds), then through a store.
    const { readdir, readFile } = await import('node:fs/promises');
    const { join } = await import('node:path');
    const directory = join(server.dataDir, 'documents', documentId);
    const edit = Buffer.from('两秒内落盘');
    const filesHoldEdit = async (): Promise<boolean> => {
      for (const name of await readdir(directory)) {
        const bytes = await readFile(join(directory, name)).catch(() => Buffer.alloc(0)); // renamed meanwhile
        if (bytes.includes(edit)) return true;
      }
      return false;
    };
    await waitFor(filesHoldEdit, 'the edit is stored', 2000);
    const { FileDocumentStore } = await import('../../server/storage/files/FileDocumentStore.js');
    const reader = new FileDocumentStore(join(server.dataDir, 'documents'));
    const stored = new Y.Doc();
    Y.applyUpdate(stored, (await reader.loadState(documentId))!);
    expect(content(stored)).toContain('两秒内落盘');
    const history = await reader.history(documentId);
    const leadId = server.services.metadata.collection('users').findOne({ email: 'lead@example.com' })!.id;
    expect(history.some((h) => h.userId === leadId)).toBe(true);
  });

  it('a malformed frame closes only its own connection and never touches the document', async () => {
    const good = track(await connectSynced(server.url, documentId, token));
    const before = content(good.doc);
    const { ws, closed } = await rawSocket(`${server.url.replace('http', 'ws')}/collab/${documentId}?token=${token}`);
    // A sync update (type 0, sub 2) whose payload is not a Yjs update.
    ws.send(Buffer.from([0, 2, 5, 0xff, 0xfe, 0xfd, 0xfc, 0xfb]));
    const { code } = await closed;
    expect(code).toBe(4400);
    appendParagraph(good.doc, '连接仍然正常');
    const other = track(await connectSynced(server.url, documentId, token));
    await waitFor(() => content(other.doc).includes('连接仍然正常'), 'the good connection still works');
    expect(content(other.doc).startsWith(before.slice(0, -'</paragraph>'.length))).toBe(true);
    expect(good.provider.wsconnected).toBe(true);
  });

  it('a text frame and an unknown message type are rejected with 4400', async () => {
    const url = `${server.url.replace('http', 'ws')}/collab/${documentId}?token=${token}`;
    const first = await rawSocket(url);
    first.ws.send('hello');
    expect((await first.closed).code).toBe(4400);
    const second = await rawSocket(url);
    second.ws.send(Buffer.from([42, 1, 2, 3]));
    expect((await second.closed).code).toBe(4400);
  });

  it('concurrent first connections share one load of the document', async () => {
    await server.dispose();
    let loads = 0;
    const counter: Extension = {
      name: 'load-counter',
      async onLoadDocument() {
        loads++;
        await new Promise((r) => setTimeout(r, 50));
      },
    };
    server = await startTestServer({ extensions: [counter] });
    token = await login(server.url, 'lead@example.com');
    documentId = (await demoProject(server.url, token)).standardId;
    const many = await Promise.all(Array.from({ length: 5 }, () => connectSynced(server.url, documentId, token)));
    many.forEach(track);
    expect(loads).toBe(1);
    expect(new Set(many.map((c) => content(c.doc))).size).toBe(1);
    expect(content(many[0]!.doc)).toContain('范围');
  });

  it('unloads a document from memory when its last connection leaves, after storing it', async () => {
    const a = connect(server.url, documentId, token);
    await waitFor(() => a.provider.synced, 'synced');
    appendParagraph(a.doc, '离开前的修改');
    await waitFor(
      async () => (await serverContent(server, documentId)).includes('离开前的修改'),
      'the server has the edit',
    );
    a.destroy();
    await waitFor(() => !server.collab.isLoaded(documentId), 'document unloaded');
    const b = track(await connectSynced(server.url, documentId, token));
    expect(content(b.doc)).toContain('离开前的修改');
  });

  it('shows presence with the authenticated identity, whatever the client claims', async () => {
    const a = track(await connectSynced(server.url, documentId, token));
    const b = track(await connectSynced(server.url, documentId, await login(server.url, 'drafter@example.com')));
    a.provider.awareness.setLocalStateField('user', {
      id: 'forged',
      name: '冒名者',
      organization: 'X',
      color: '#ff0000',
    });
    await waitFor(
      () =>
        [...b.provider.awareness.getStates().values()].some(
          (s) =>
            (s.user as { name?: string } | undefined)?.name !== undefined &&
            s.user !== undefined &&
            (s.user as { color?: string }).color === '#ff0000',
        ),
      'presence arrives',
    );
    const seen = [...b.provider.awareness.getStates().values()]
      .map((s) => s.user as { id: string; name: string; organization: string; color: string } | undefined)
      .find((u) => u?.color === '#ff0000');
    const lead = server.services.metadata.collection('users').findOne({ email: 'lead@example.com' })!;
    expect(seen?.id).toBe(lead.id);
    expect(seen?.name).toBe(lead.name);
    expect(seen?.name).not.toBe('冒名者');
  });
});
