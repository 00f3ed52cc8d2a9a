/**
 * The baseline of the editor benchmark: a plain TipTap editor (StarterKit + Collaboration + Table,
 * no project plugins) on a Y.Doc synced through y-websocket with the reference server
 * (`@y/websocket-server`) that the benchmark runs and fills with the same content (`?ws=…&room=…`).
 * Exposes the editor as `window.benchEditor` once the text is shown and the document is synced.
 */
import { Editor } from '@tiptap/core';
import StarterKit from '@tiptap/starter-kit';
import Collaboration from '@tiptap/extension-collaboration';
import { TableKit } from '@tiptap/extension-table';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';

declare global {
  interface Window {
    benchEditor?: Editor;
  }
}

function synced(provider: WebsocketProvider): Promise<void> {
  if (provider.synced) return Promise.resolve();
  return new Promise((resolve) => {
    const onSync = (isSynced: boolean) => {
      if (!isSynced) return;
      provider.off('sync', onSync);
      resolve();
    };
    provider.on('sync', onSync);
  });
}

async function start(): Promise<void> {
  const params = new URLSearchParams(window.location.search);
  const ws = params.get('ws');
  const room = params.get('room');
  if (!ws || !room) throw new Error('the page needs ?ws=…&room=…');
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(ws, room, doc, { disableBc: true });
  await synced(provider);
  const element = document.getElementById('editor');
  if (!element) throw new Error('no #editor element');
  window.benchEditor = new Editor({
    element,
    extensions: [
      StarterKit.configure({ undoRedo: false }),
      TableKit.configure({ table: { resizable: false } }),
      Collaboration.configure({ document: doc, field: 'default' }),
    ],
  });
  element.setAttribute('data-ready', 'true');
}

start().catch((error: unknown) => {
  document.body.textContent = `failed: ${String(error)}`;
});
