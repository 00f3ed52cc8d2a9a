/**
 * The baseline of the editor benchmark: a plain TipTap editor (StarterKit + Collaboration + Table,
 * no project plugins) on a Y.Doc holding the same content (`/content.bin`, a Yjs update served by
 * the benchmark). Exposes the editor as `window.benchEditor` once the text is shown.
 */
import { Editor } from '@tiptap/core';
import StarterKit from '@tiptap/starter-kit';
import Collaboration from '@tiptap/extension-collaboration';
import { TableKit } from '@tiptap/extension-table';
import * as Y from 'yjs';

declare global {
  interface Window {
    benchEditor?: Editor;
  }
}

async function start(): Promise<void> {
  const doc = new Y.Doc();
  const response = await fetch('/content.bin');
  Y.applyUpdate(doc, new Uint8Array(await response.arrayBuffer()));
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
