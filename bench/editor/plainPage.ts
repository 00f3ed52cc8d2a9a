/**
 * Serves the plain TipTap page (plain/, built with Vite into a temporary folder) and the benchmark
 * content as a Yjs update in the plain schema, on a random local port.
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
import { toPlainDocument } from './toPlain.js';

const PLAIN_ROOT = fileURLToPath(new URL('./plain/', import.meta.url));
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
};

export interface PlainPage {
  url: string;
  /** Replaces the content the page loads next. */
  setContent(doc: ProseMirrorJSON): void;
  close(): Promise<void>;
}

/** The content of `doc` as a Yjs update of a plain StarterKit + Table document. */
function plainUpdate(doc: ProseMirrorJSON): Uint8Array {
  const schema = getSchema([StarterKit.configure({ undoRedo: false }), TableKit]);
  const ydoc = new Y.Doc();
  prosemirrorJSONToYXmlFragment(schema, toPlainDocument(doc), ydoc.getXmlFragment('default'));
  return Y.encodeStateAsUpdate(ydoc);
}

export async function startPlainPage(): Promise<PlainPage> {
  const outDir = await mkdtemp(join(tmpdir(), 'bench-plain-editor-'));
  await build({
    configFile: false,
    root: PLAIN_ROOT,
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true },
  });
  let content: Uint8Array = new Uint8Array();
  const server: Server = createServer((request, response) => {
    const path = (request.url ?? '/').split('?')[0] ?? '/';
    if (path === '/content.bin') {
      response.writeHead(200, { 'content-type': 'application/octet-stream' });
      response.end(content);
      return;
    }
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
  return {
    url: `http://127.0.0.1:${port}/`,
    setContent(doc) {
      content = plainUpdate(doc);
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
