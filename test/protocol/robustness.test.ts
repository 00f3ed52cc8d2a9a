/**
 * The collaboration endpoint under bad input and dead peers, against a real running server: nothing a
 * client sends may stop the server, change a document behind the clients' backs, or keep a dead
 * socket open.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import type { Extension } from '../../server/collab/hooks.js';
import { CONTENT_FIELD } from '@shared/editor/extensions.js';
import { createAnchor, documentAnchors, quoteOf } from '@shared/comments/anchors.js';
import { editorSchema } from '@shared/editor/schema.js';
import type { ProseMirrorJSON } from '@shared/editor/json.js';
import { isServerPresence } from '@shared/collab/serverPresence.js';
import type { DocumentContentResponse } from '@shared/api/types.js';
import { startTestServer } from '../helpers/server.js';
import type { TestServer } from '../helpers/server.js';
import { demoProject, login, request } from '../helpers/api.js';
import { appendParagraph, connectSynced, content, rawSocket, serverContent, waitFor } from '../helpers/collab.js';
import type { Client } from '../helpers/collab.js';

let server: TestServer | null = null;
const clients: Client[] = [];
const sockets: WebSocket[] = [];

async function start(
  options: Parameters<typeof startTestServer>[0] = {},
): Promise<{ server: TestServer; token: string; documentId: string }> {
  server = await startTestServer(options);
  const token = await login(server.url, 'lead@example.com');
  const documentId = (await demoProject(server.url, token)).standardId;
  return { server, token, documentId };
}

function track(client: Client): Client {
  clients.push(client);
  return client;
}

afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy();
  for (const ws of sockets.splice(0)) ws.terminate();
  vi.restoreAllMocks();
  await server?.dispose();
  server = null;
});

function wsUrl(s: TestServer, path: string, token?: string): string {
  return `${s.url.replace(/^http/, 'ws')}/collab/${path}${token ? `?token=${token}` : ''}`;
}

async function healthy(s: TestServer): Promise<boolean> {
  return (await request(s.url, 'GET', '/api/health')).status === 200;
}

function updateFrame(update: Uint8Array): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, 0); // sync
  encoding.writeVarUint(e, 2); // update
  encoding.writeVarUint8Array(e, update);
  return encoding.toUint8Array(e);
}

/** A small deterministic PRNG (mulberry32), so the damaged update is found the same way every run. */
function prng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A real edit on top of `state`, with one byte changed (fixed seed) until the result still decodes as a
 * Yjs update but throws while being applied to a copy of the document.
 */
function damagedUpdate(state: Uint8Array): Uint8Array {
  const editor = new Y.Doc();
  Y.applyUpdate(editor, state);
  const before = Y.encodeStateVector(editor);
  appendParagraph(editor, '损坏更新里的段落');
  const edit = Y.diffUpdate(Y.encodeStateAsUpdate(editor), before);
  const random = prng(20240611);
  for (let attempt = 0; attempt < 20_000; attempt++) {
    const damaged = Uint8Array.from(edit);
    const at = Math.floor(random() * damaged.length);
    damaged[at] = Math.floor(random() * 256);
    try {
      Y.decodeUpdate(damaged);
    } catch {
      continue;
    }
    const probe = new Y.Doc();
    Y.applyUpdate(probe, state);
    try {
      Y.applyUpdate(probe, damaged);
    } catch {
      return damaged;
    }
  }
  throw new Error('no damaged update found');
}

describe('bad document ids on the collaboration path', () => {
  it('an undecodable id is refused like an unknown document (4403), signed in or not, and the server keeps running', async () => {
    const { server: s, token } = await start();
    expect((await (await rawSocket(wsUrl(s, '%E0%A4%A'))).closed).code).toBe(4403);
    expect((await (await rawSocket(wsUrl(s, '%E0%A4%A', token))).closed).code).toBe(4403);
    expect((await (await rawSocket(wsUrl(s, 'no-such-document', token))).closed).code).toBe(4403);
    expect(await healthy(s)).toBe(true);
  });

  it('an upgrade request with an unparsable URL only fails that request', async () => {
    const { server: s, token, documentId } = await start();
    const { request: httpRequest } = await import('node:http');
    const port = new URL(s.url).port;
    const outcome = await new Promise<string>((resolve) => {
      const req = httpRequest({
        host: '127.0.0.1',
        port,
        path: '//',
        headers: {
          connection: 'Upgrade',
          upgrade: 'websocket',
          'sec-websocket-version': '13',
          'sec-websocket-key': 'dGhlIHNhbXBsZSBub25jZQ==',
        },
      });
      req.on('upgrade', () => resolve('upgraded'));
      req.on('response', (res) => resolve(`status ${res.statusCode}`));
      req.on('error', () => resolve('refused'));
      req.end();
    });
    expect(outcome).not.toBe('upgraded');
    expect(await healthy(s)).toBe(true);
    track(await connectSynced(s.url, documentId, token));
  });
});

describe('an update that Yjs cannot apply', () => {
  it('closes only the sender (4400); the server, the other clients and the stored document stay consistent', async () => {
    const { server: s, token, documentId } = await start();
    const writer = track(await connectSynced(s.url, documentId, token));
    const reader = track(await connectSynced(s.url, documentId, await login(s.url, 'drafter@example.com')));
    const damaged = damagedUpdate(Y.encodeStateAsUpdate(writer.doc));

    const { ws, closed } = await rawSocket(wsUrl(s, documentId, token));
    ws.send(updateFrame(damaged));
    expect((await closed).code).toBe(4400);
    expect(await healthy(s)).toBe(true);

    // Whatever part of the damaged update went in reached every client, and editing carries on.
    appendParagraph(writer.doc, '损坏更新之后的修改');
    await waitFor(() => content(reader.doc).includes('损坏更新之后的修改'), 'the other client still receives edits');
    await waitFor(() => content(reader.doc) === content(writer.doc), 'clients converge');
    expect(await serverContent(s, documentId)).toBe(content(writer.doc));
    const expected = content(writer.doc);

    // A client joining now, and the document after a restart (from what was stored), are the same.
    const late = track(await connectSynced(s.url, documentId, token));
    expect(content(late.doc)).toBe(expected);
    for (const c of clients.splice(0)) c.destroy();
    server = await s.restart();
    const afterRestart = track(await connectSynced(server.url, documentId, token));
    expect(content(afterRestart.doc)).toBe(expected);
  });
});

describe('reading a document never changes it', () => {
  it('content that does not fit the schema stays in the document after the checker, the content API and the comment index read it', async () => {
    const { server: s, token, documentId } = await start();
    const warn = vi.spyOn(s.services.log, 'warn');
    const writer = track(await connectSynced(s.url, documentId, token));
    const other = track(await connectSynced(s.url, documentId, await login(s.url, 'drafter@example.com')));
    // A comment thread, so that the comment index has anchors to resolve on every read.
    const anchors = documentAnchors(writer.doc, CONTENT_FIELD, editorSchema());
    let from = -1;
    anchors.doc.descendants((node, pos) => {
      if (from < 0 && node.isTextblock && node.textContent.length > 10) from = pos + 1;
      return from < 0;
    });
    const thread = await request(s.url, 'POST', `/api/documents/${documentId}/threads`, {
      token,
      body: {
        ...createAnchor(anchors, from, from + 4),
        quote: quoteOf(anchors.doc, from, from + 4),
        clauseId: null,
        body: '请核对',
        mentions: [],
      },
    });
    expect(thread.status).toBe(201);
    const writtenAt = Date.now();
    writer.doc.transact(() => {
      const fragment = writer.doc.getXmlFragment(CONTENT_FIELD);
      const unknownNode = new Y.XmlElement('bogusNode');
      unknownNode.insert(0, [new Y.XmlText('未知节点里的文字')]);
      const unknownMark = new Y.XmlText();
      unknownMark.insert(0, '带未知标记的文字', { bogusMark: {} });
      const paragraph = new Y.XmlElement('paragraph');
      paragraph.insert(0, [unknownMark]);
      fragment.insert(fragment.length, [unknownNode, paragraph]);
    });
    const written = content(writer.doc);
    await waitFor(() => content(other.doc) === written, 'the other client receives the write');

    // The checker runs on the change and publishes its result as the server's presence.
    await waitFor(
      () =>
        [...writer.provider.awareness.getStates().values()].some(
          (state) =>
            isServerPresence(state) && state.checker !== undefined && Date.parse(state.checker.checkedAt) >= writtenAt,
        ),
      'the checker ran after the write',
    );
    const read = await request<DocumentContentResponse>(s.url, 'GET', `/api/documents/${documentId}/content`, {
      token,
    });
    expect(read.status).toBe(200);
    expect(() => editorSchema().nodeFromJSON(read.body.content).check()).not.toThrow();
    const texts: string[] = [];
    const collect = (node: ProseMirrorJSON): void => {
      if (node.text !== undefined) texts.push(node.text);
      node.content?.forEach(collect);
    };
    collect(read.body.content);
    expect(texts).toContain('带未知标记的文字');
    expect((await request(s.url, 'GET', `/api/documents/${documentId}/check`, { token })).status).toBe(200);
    // The comment index resolves anchors on a ProseMirror document built from the Yjs state too.
    expect((await request(s.url, 'GET', `/api/documents/${documentId}/threads`, { token })).status).toBe(200);

    expect(await serverContent(s, documentId)).toBe(written);
    expect(content(writer.doc)).toBe(written);
    expect(content(other.doc)).toBe(written);
    const joining = track(await connectSynced(s.url, documentId, token));
    expect(content(joining.doc)).toBe(written);
    expect(warn.mock.calls.filter((call) => JSON.stringify(call).includes('without a known origin'))).toEqual([]);
  });
});

describe('heartbeat and frame size', () => {
  /** A socket that never answers pings (as if its peer had vanished). */
  function deafSocket(url: string): Promise<{ ws: WebSocket; closed: Promise<number> }> {
    return new Promise((resolve, reject) => {
      const ws = new WebSocket(url, { autoPong: false });
      sockets.push(ws);
      const closed = new Promise<number>((res) => ws.on('close', (code) => res(code)));
      ws.on('open', () => resolve({ ws, closed }));
      ws.on('error', reject);
    });
  }

  it('drops a socket that stops answering pings while its document is still loading, and keeps the live ones', async () => {
    let gated: string | null = null;
    let release = (): void => undefined;
    const loadGate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const slowLoad: Extension = {
      name: 'slow-load',
      async onLoadDocument({ documentId }) {
        if (documentId === gated) await loadGate;
      },
    };
    const { server: s, token, documentId } = await start({ pingIntervalMs: 300, extensions: [slowLoad] });
    gated = documentId;
    try {
      const deaf = await deafSocket(wsUrl(s, documentId, token));
      const live = await rawSocket(wsUrl(s, documentId, token));
      sockets.push(live.ws);
      expect(await deaf.closed).toBe(1006);
      expect(live.ws.readyState).toBe(WebSocket.OPEN);
      expect(s.collab.isLoaded(documentId)).toBe(false);
    } finally {
      release();
    }
  });

  it('drops a connected socket that stops answering pings; a client that answers stays connected', async () => {
    const { server: s, token, documentId } = await start({ pingIntervalMs: 300 });
    const answering = track(await connectSynced(s.url, documentId, token));
    const answeringSocket = answering.provider.ws;
    if (!(answeringSocket instanceof WebSocket)) throw new Error('the provider uses the ws package');
    let pings = 0;
    answeringSocket.on('ping', () => pings++);
    const deaf = await deafSocket(wsUrl(s, documentId, token));
    await waitFor(() => s.collab.stats().connections === 2, 'both connected');
    expect(await deaf.closed).toBe(1006);
    await waitFor(() => s.collab.stats().connections === 1, 'the dead connection is gone');
    // Two more pings: when sending the second, the server had found the first one answered.
    const seen = pings;
    await waitFor(() => pings >= seen + 2, 'two more pings');
    expect(answering.provider.wsconnected).toBe(true);
    expect(s.collab.stats().connections).toBe(1);
  });

  it('a frame over the size limit closes that connection with 1009, and the server keeps serving', async () => {
    const { server: s, token, documentId } = await start({ maxPayloadBytes: 64 * 1024 });
    const other = track(await connectSynced(s.url, documentId, token));
    const { ws, closed } = await rawSocket(wsUrl(s, documentId, token));
    ws.send(Buffer.alloc(100 * 1024, 0));
    expect((await closed).code).toBe(1009);
    expect(await healthy(s)).toBe(true);
    const joining = track(await connectSynced(s.url, documentId, token));
    appendParagraph(joining.doc, '超大消息之后的修改');
    await waitFor(() => content(other.doc).includes('超大消息之后的修改'), 'editing still works');
  });

  it('a client that stops reading is dropped past the buffer limit; the others keep editing, memory stays bounded', async () => {
    const { server: s, token, documentId } = await start({ maxBufferedBytes: 256 * 1024 });
    const writer = track(await connectSynced(s.url, documentId, token));
    const reader = track(await connectSynced(s.url, documentId, token));
    const stalled = new WebSocket(wsUrl(s, documentId, token));
    sockets.push(stalled);
    // Stop reading as soon as the connection is up: the kernel buffers fill, then the server's queue.
    let paused: { resume(): void } | undefined;
    stalled.once('upgrade', (response) => {
      paused = response.socket.pause();
    });
    const closed = new Promise<number>((res) => stalled.on('close', (code) => res(code)));
    await waitFor(() => s.collab.stats().connections === 3, 'three connected');
    // Awareness is relayed to every connection without being stored, so it fills the queue quickly.
    const blob = '慢'.repeat(64 * 1024);
    for (let i = 0; i < 400 && s.collab.stats().connections === 3; i++) {
      writer.provider.awareness.setLocalStateField('note', `${i}${blob}`);
      await new Promise((r) => setTimeout(r, 2));
    }
    await waitFor(() => s.collab.stats().connections === 2, 'the stalled client is dropped');
    // Reading again, the client finds its connection gone (and would reconnect and resync).
    paused?.resume();
    expect(await closed).toBe(1006);
    appendParagraph(writer.doc, '掉线之后的修改');
    await waitFor(() => content(reader.doc).includes('掉线之后的修改'), 'the others keep editing');
  });
});
