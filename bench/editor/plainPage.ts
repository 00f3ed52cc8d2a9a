/**
 * The plain TipTap page (plain/, built with Vite into a temporary folder) served on a random local
 * port, and the reference y-websocket server (`@y/websocket-server`, in this process) it syncs its
 * document with — as the product's editor syncs with the product's server, so opening, typing and
 * co-editing include the same kind of network sync. The benchmark content goes into a fresh room of
 * the reference server, converted to headings, paragraphs and tables (toPlain.ts).
 */
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { getSchema } from '@tiptap/core';
import StarterKit from '@tiptap/starter-kit';
import { TableKit } from '@tiptap/extension-table';
import { prosemirrorJSONToYXmlFragment } from '@tiptap/y-tiptap';
import * as Y from 'yjs';
import type { ProseMirrorJSON } from '@shared/editor/json.js';
import { startReference } from '../lib/referenceServer.js';
import { connectProvider, whenSynced } from '../lib/providerClient.js';
import { sleep } from '../lib/stats.js';
import { toPlainDocument } from './toPlain.js';

const PLAIN_ROOT = fileURLToPath(new URL('./plain/', import.meta.url));
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
};

export interface PlainPage {
  /** The page of the document last given to `setContent`. */
  url: string;
  /** Puts the content into a fresh room; `url` then opens it. */
  setContent(doc: ProseMirrorJSON): Promise<void>;
  close(): Promise<void>;
}

/** Writes `doc` (converted to the plain schema) into the room through a y-websocket client. */
async function seedRoom(wsBase: string, room: string, doc: ProseMirrorJSON): Promise<void> {
  const schema = getSchema([StarterKit.configure({ undoRedo: false }), TableKit]);
  const ydoc = new Y.Doc();
  const provider = connectProvider({ wsBase, documentId: room, params: {} }, ydoc);
  try {
    await whenSynced(provider, 30_000, 'plain seeding client');
    const fragment = ydoc.getXmlFragment('default');
    prosemirrorJSONToYXmlFragment(schema, toPlainDocument(doc), fragment);
    const expected = fragment.length;
    // No acknowledgement in y-websocket: a fresh client reads the room until the content is there.
    for (let waited = 0; waited < 30_000; waited += 200) {
      const reader = new Y.Doc();
      const check = connectProvider({ wsBase, documentId: room, params: {} }, reader);
      try {
        await whenSynced(check, 30_000, 'plain checking client');
        if (reader.getXmlFragment('default').length === expected) return;
      } finally {
        check.destroy();
        reader.destroy();
      }
      await sleep(200);
    }
    throw new Error('the reference server did not get the plain content');
  } finally {
    provider.destroy();
    ydoc.destroy();
  }
}

export async function startPlainPage(): Promise<PlainPage> {
  const outDir = await mkdtemp(join(tmpdir(), 'bench-plain-editor-'));
  await build({
    configFile: false,
    root: PLAIN_ROOT,
    logLevel: 'warn',
    // BENCH_EDITOR_MINIFY=0: readable function names in CPU profiles.
    build: { outDir, emptyOutDir: true, minify: process.env.BENCH_EDITOR_MINIFY !== '0' },
  });
  const reference = await startReference('127.0.0.1');
  const wsBase = `ws://127.0.0.1:${reference.port}`;
  const server: Server = createServer((request, response) => {
    const path = (request.url ?? '/').split('?')[0] ?? '/';
    const file = normalize(join(outDir, path === '/' ? 'index.html' : path));
    if (!file.startsWith(outDir)) {
      response.writeHead(404).end();
      return;
    }
    readFile(file).then(
      (body) => {
        response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
        response.end(body);
      },
      () => response.writeHead(404).end(),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  let rooms = 0;
  const page = {
    url: '',
    async setContent(doc: ProseMirrorJSON) {
      const room = `plain-${++rooms}`;
      await seedRoom(wsBase, room, doc);
      page.url = `http://127.0.0.1:${port}/?ws=${encodeURIComponent(wsBase)}&room=${room}`;
    },
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await reference.close();
    },
  };
  return page;
}
