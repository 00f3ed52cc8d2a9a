/** Enforcement on the collaboration socket: who gets in, and who may change the document. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import { startTestServer } from '../helpers/server.js';
import type { TestServer } from '../helpers/server.js';
import { demoProject, login, request } from '../helpers/api.js';
import {
  NOT_BROADCAST_GRACE_MS,
  afterServerHandled,
  appendParagraph,
  connect,
  connectSynced,
  content,
  rawRoundTrip,
  rawSocket,
  serverContent,
  waitFor,
} from '../helpers/collab.js';
import type { Client } from '../helpers/collab.js';

let server: TestServer;
let leadToken: string;
let documentId: string;
let projectId: string;
const clients: Client[] = [];

beforeEach(async () => {
  server = await startTestServer();
  leadToken = await login(server.url, 'lead@example.com');
  const demo = await demoProject(server.url, leadToken);
  documentId = demo.standardId;
  projectId = demo.project.id;
});

afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy();
  await server.dispose();
});

function wsUrl(docId: string, token?: string): string {
  return `${server.url.replace('http', 'ws')}/collab/${docId}${token ? `?token=${token}` : ''}`;
}

/** The document's stored state as bytes, read the way the server loads it. */
async function storedState(): Promise<Uint8Array> {
  const doc = new Y.Doc();
  const state = await server.services.documents.loadState(documentId);
  Y.applyUpdate(doc, state!);
  return Y.encodeStateAsUpdate(doc);
}

function forgedUpdateFrame(text: string, type: number): Uint8Array {
  const doc = new Y.Doc();
  appendParagraph(doc, text);
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, 0);
  encoding.writeVarUint(e, type);
  encoding.writeVarUint8Array(e, Y.encodeStateAsUpdate(doc));
  return encoding.toUint8Array(e);
}

describe('socket authentication', () => {
  it('closes with 4401 without a session or with a bad token', async () => {
    expect((await (await rawSocket(wsUrl(documentId))).closed).code).toBe(4401);
    expect((await (await rawSocket(wsUrl(documentId, 'not-a-token'))).closed).code).toBe(4401);
  });

  it('accepts the session cookie a browser sends', async () => {
    const { ws, closed, firstMessage } = await rawSocket(wsUrl(documentId), { cookie: `zm_session=${leadToken}` });
    const first = await firstMessage;
    expect(first[0]).toBe(0); // sync step 1 from the server
    ws.close();
    await closed;
  });

  it('closes with 4403 for an outsider and for an unknown document, alike', async () => {
    const outsider = await login(server.url, 'outsider@example.com');
    const a = await (await rawSocket(wsUrl(documentId, outsider))).closed;
    const b = await (await rawSocket(wsUrl('doc_does_not_exist', leadToken))).closed;
    expect(a.code).toBe(4403);
    expect(b.code).toBe(4403);
    expect(a.reason).toBe(b.reason);
  });

  it('the stock client stops reconnecting after 4403', async () => {
    const outsider = connect(server.url, documentId, await login(server.url, 'outsider@example.com'));
    clients.push(outsider);
    let closes = 0;
    let terminal = false;
    outsider.provider.on('connection-close', () => closes++);
    outsider.provider.on('closed', () => {
      terminal = true;
    });
    await waitFor(() => terminal, 'the provider gave up');
    // Its first reconnect would be due 200 ms after the close (y-websocket's backoff): none may come.
    await new Promise((r) => setTimeout(r, 300));
    expect(closes).toBe(1);
    expect(outsider.provider.shouldConnect).toBe(false);
  });
});

describe('read-only roles', () => {
  it("a reviewer's forged update and sync step 2 are never applied, stored or broadcast", async () => {
    const before = await storedState();
    const watcher = await connectSynced(server.url, documentId, leadToken);
    clients.push(watcher);
    const watched = content(watcher.doc);
    const reviewer = await login(server.url, 'bureau@example.com');
    const { ws, closed, firstMessage } = await rawSocket(wsUrl(documentId, reviewer));
    await firstMessage;
    ws.send(forgedUpdateFrame('审阅者伪造的修改', syncProtocol.messageYjsUpdate));
    ws.send(forgedUpdateFrame('审阅者伪造的同步', syncProtocol.messageYjsSyncStep2));
    // The server has handled both frames: not in its document, so never broadcast either (the grace
    // covers the way of a broadcast to the watcher, should there be one).
    await rawRoundTrip(ws);
    expect(await serverContent(server, documentId)).toBe(watched);
    await new Promise((r) => setTimeout(r, NOT_BROADCAST_GRACE_MS));
    expect(content(watcher.doc)).toBe(watched);
    ws.close();
    await closed;
    watcher.destroy();
    clients.length = 0;
    server = await server.restart();
    const after = await storedState();
    expect(Buffer.from(after).equals(Buffer.from(before))).toBe(true);
  });

  it('a reviewer receives live updates and presence but their local edits do not reach anyone', async () => {
    const lead = await connectSynced(server.url, documentId, leadToken);
    const expert = await connectSynced(server.url, documentId, await login(server.url, 'expert@example.com'));
    clients.push(lead, expert);
    appendParagraph(lead.doc, '起草人的新段落');
    await waitFor(() => content(expert.doc).includes('起草人的新段落'), 'reviewer sees live edits');
    appendParagraph(expert.doc, '专家试图修改');
    expert.provider.awareness.setLocalStateField('user', { color: '#00aa00' });
    await waitFor(
      () =>
        [...lead.provider.awareness.getStates().values()].some(
          (s) => (s.user as { color?: string } | undefined)?.color === '#00aa00',
        ),
      'presence exchanged',
    );
    // The presence was sent after the edit, on the same socket: the server has handled the edit.
    expect(await serverContent(server, documentId)).not.toContain('专家试图修改');
    await new Promise((r) => setTimeout(r, NOT_BROADCAST_GRACE_MS));
    expect(content(lead.doc)).not.toContain('专家试图修改');
  });
});

describe('access changes on live connections', () => {
  it('a removed member is disconnected at once and cannot come back', async () => {
    const drafterToken = await login(server.url, 'drafter@example.com');
    const drafter = await connectSynced(server.url, documentId, drafterToken);
    clients.push(drafter);
    const codes: number[] = [];
    drafter.provider.on('connection-close', (event) => codes.push(event?.code ?? 0));
    const drafterId = server.services.metadata.collection('users').findOne({ email: 'drafter@example.com' })!.id;
    const removed = await request(server.url, 'DELETE', `/api/projects/${projectId}/members/${drafterId}`, {
      token: leadToken,
    });
    expect(removed.status).toBe(204);
    await waitFor(() => codes.includes(4403), 'removed member rejected on reconnect');
    expect(codes[0]).toBe(4000);
  });

  it('a drafter turned observer is re-authorized as read-only', async () => {
    const drafterToken = await login(server.url, 'drafter@example.com');
    const drafter = await connectSynced(server.url, documentId, drafterToken);
    const lead = await connectSynced(server.url, documentId, leadToken);
    clients.push(drafter, lead);
    let closes = 0;
    drafter.provider.on('connection-close', () => closes++);
    const drafterId = server.services.metadata.collection('users').findOne({ email: 'drafter@example.com' })!.id;
    const changed = await request(server.url, 'PATCH', `/api/projects/${projectId}/members/${drafterId}`, {
      token: leadToken,
      body: { role: 'observer' },
    });
    expect(changed.status).toBe(200);
    await waitFor(() => closes >= 1 && drafter.provider.synced && drafter.provider.wsconnected, 'reconnected');
    appendParagraph(drafter.doc, '观察者不能修改');
    await afterServerHandled(drafter, lead);
    expect(await serverContent(server, documentId)).not.toContain('观察者不能修改');
    expect(content(lead.doc)).not.toContain('观察者不能修改');
  });
});
