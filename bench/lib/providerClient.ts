/** Real y-websocket 3.1 clients (WebsocketProvider over `ws`), as the browser app connects. */
import WebSocket from 'ws';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import type { BenchDocument } from './api.js';
import { withTimeout } from './lightClient.js';

type WebSocketClass = NonNullable<ConstructorParameters<typeof WebsocketProvider>[3]>['WebSocketPolyfill'];

/** `ws` implements the browser WebSocket interface the provider uses (onopen/onmessage/send/close). */
const NodeWebSocket = WebSocket as unknown as WebSocketClass;

export function connectProvider(doc: BenchDocument, ydoc: Y.Doc): WebsocketProvider {
  return new WebsocketProvider(doc.wsBase, doc.documentId, ydoc, {
    params: doc.params,
    WebSocketPolyfill: NodeWebSocket,
    disableBc: true,
  });
}

export function whenSynced(provider: WebsocketProvider, timeoutMs: number, what: string): Promise<void> {
  if (provider.synced) return Promise.resolve();
  return withTimeout(
    new Promise<void>((resolve, reject) => {
      const onSync = (synced: boolean): void => {
        if (!synced) return;
        provider.off('sync', onSync);
        resolve();
      };
      provider.on('sync', onSync);
      provider.on('closed', (event) =>
        reject(new Error(`${what}: closed by the server (${event.code} ${event.reason})`)),
      );
    }),
    timeoutMs,
    `${what}: not synced`,
  );
}

/** Connects a fresh client, waits for sync, returns the text of `name` and the time it took. */
export async function readThroughFreshClient(
  doc: BenchDocument,
  textName: string,
  timeoutMs: number,
): Promise<{ text: string; syncMs: number }> {
  const ydoc = new Y.Doc();
  const started = performance.now();
  const provider = connectProvider(doc, ydoc);
  try {
    await whenSynced(provider, timeoutMs, 'fresh client');
    const syncMs = performance.now() - started;
    return { text: ydoc.getText(textName).toString(), syncMs };
  } finally {
    provider.destroy();
    ydoc.destroy();
  }
}
