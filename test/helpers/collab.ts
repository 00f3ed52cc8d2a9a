/** Collaboration clients for tests: the stock y-websocket provider, and a raw socket for forged frames. */
import WebSocket from 'ws';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import { CONTENT_FIELD } from '@shared/editor/extensions.js';
import type { TestServer } from './server.js';

export interface Client {
  doc: Y.Doc;
  provider: WebsocketProvider;
  destroy(): void;
}

export function connect(
  baseUrl: string,
  documentId: string,
  token: string | null,
  options: { connect?: boolean; doc?: Y.Doc } = {},
): Client {
  // `doc`: a document the caller already holds (a client moving to another instance keeps its edits).
  const doc = options.doc ?? new Y.Doc();
  const provider = new WebsocketProvider(`${baseUrl.replace(/^http/, 'ws')}/collab`, documentId, doc, {
    params: token ? { token } : {},
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    connect: options.connect ?? true,
  });
  return {
    doc,
    provider,
    destroy() {
      provider.destroy();
      doc.destroy();
    },
  };
}

export async function connectSynced(baseUrl: string, documentId: string, token: string): Promise<Client> {
  const client = connect(baseUrl, documentId, token);
  await waitFor(() => client.provider.synced, `client synced on ${documentId}`);
  return client;
}

/** Polls `condition` (every 20 ms) until it holds; fails after `timeoutMs`. */
export async function waitFor(
  condition: () => boolean | Promise<boolean>,
  what: string,
  timeoutMs = 10_000,
): Promise<void> {
  const start = Date.now();
  while (!(await condition())) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for: ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** The server's live content of a document (loaded for the read if needed). */
export function serverContent(server: TestServer, documentId: string): Promise<string> {
  return server.collab.readDocument(documentId, (doc) => content(doc));
}

/**
 * How long an assertion that something never reaches a client ("a reviewer's edit is not
 * broadcast") waits after a sync point that proves the server handled the frame: a broadcast goes
 * out within one turn of the server's event loop, so this only covers its way to the client.
 */
export const NOT_BROADCAST_GRACE_MS = 100;

let probes = 0;

/**
 * `sender` announces a fresh presence field; resolves once `receiver` (another connection on the same
 * document) has it. Then the server has handled every frame `sender` sent before (a socket's frames
 * are handled in order), and `receiver`'s socket carried a message the server sent after that.
 */
export async function presenceProbe(sender: Client, receiver: Client): Promise<void> {
  const probe = ++probes;
  sender.provider.awareness.setLocalStateField('probe', probe);
  await waitFor(
    () => [...receiver.provider.awareness.getStates().values()].some((state) => state.probe === probe),
    'presence probe received',
  );
}

/**
 * For assertions that `sender`'s updates (e.g. a reviewer's) never reach anyone: resolves once the
 * server has handled every frame `sender` sent so far (`presenceProbe`), plus `NOT_BROADCAST_GRACE_MS`.
 */
export async function afterServerHandled(sender: Client, receiver: Client): Promise<void> {
  await presenceProbe(sender, receiver);
  await new Promise((r) => setTimeout(r, NOT_BROADCAST_GRACE_MS));
}

/**
 * A round trip on a raw collaboration socket: sends a sync step 1 and resolves on the server's sync
 * step 2 answer, i.e. once the server has handled every frame sent on this socket before.
 */
export async function rawRoundTrip(ws: WebSocket): Promise<void> {
  const answered = new Promise<void>((resolve, reject) => {
    const onClose = (code: number): void => reject(new Error(`the socket closed (${code}) before the answer`));
    const onMessage = (data: Buffer): void => {
      if (data[0] !== 0 || data[1] !== syncProtocol.messageYjsSyncStep2) return;
      ws.off('message', onMessage);
      ws.off('close', onClose);
      resolve();
    };
    ws.on('message', onMessage);
    ws.once('close', onClose);
  });
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 0);
  syncProtocol.writeSyncStep1(encoder, new Y.Doc());
  ws.send(encoding.toUint8Array(encoder));
  await answered;
}

/** The editor content as XML text (stable across clients when they have converged). */
export function content(doc: Y.Doc): string {
  return doc.getXmlFragment(CONTENT_FIELD).toString();
}

/** Appends a paragraph with text to the editor content, as the TipTap binding would. */
export function appendParagraph(doc: Y.Doc, text: string): void {
  doc.transact(() => {
    const paragraph = new Y.XmlElement('paragraph');
    paragraph.insert(0, [new Y.XmlText(text)]);
    const fragment = doc.getXmlFragment(CONTENT_FIELD);
    fragment.insert(fragment.length, [paragraph]);
  });
}

export interface RawSocket {
  ws: WebSocket;
  /** The close code and reason the server chose, once closed. */
  closed: Promise<{ code: number; reason: string }>;
  /** The server's first message, listened for from the start: it can arrive together with the handshake. */
  firstMessage: Promise<Buffer>;
}

/** Opens a raw websocket; resolves once it is open. */
export function rawSocket(url: string, headers: Record<string, string> = {}): Promise<RawSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { headers });
    const closed = new Promise<{ code: number; reason: string }>((res) =>
      ws.on('close', (code, reason) => res({ code, reason: reason.toString() })),
    );
    const firstMessage = new Promise<Buffer>((res) => ws.once('message', (data: Buffer) => res(data)));
    ws.on('open', () => resolve({ ws, closed, firstMessage }));
    ws.on('error', reject);
  });
}
