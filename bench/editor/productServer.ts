/**
 * The product under test: a real server (like test/helpers/server.ts, in this process) serving a
 * built client, with the benchmark content written into the demo project's standard text through a
 * collaboration client, as any co-author's change arrives.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as Y from 'yjs';
import { startServer } from '../../server/app.js';
import type { RunningServer } from '../../server/app.js';
import { prosemirrorJSONToYXmlFragment } from '@tiptap/y-tiptap';
import { CONTENT_FIELD } from '@shared/editor/extensions.js';
import type { ProseMirrorJSON } from '@shared/editor/json.js';
import { editorSchema } from '@shared/editor/schema.js';
import { ensureStructureIds } from '@shared/editor/structure/ids.js';
import type { ProjectListItem } from '@shared/api/types.js';
import { login } from '../lib/api.js';
import { connectProvider, whenSynced } from '../lib/providerClient.js';
import { sleep } from '../lib/stats.js';

export interface ProductServer {
  url: string;
  standardId: string;
  /** Replaces the standard text's content (every open editor sees the change). */
  setContent(doc: ProseMirrorJSON): Promise<void>;
  close(): Promise<void>;
}

async function firstStandardId(baseUrl: string, token: string): Promise<string> {
  const response = await fetch(`${baseUrl}/api/projects`, { headers: { authorization: `Bearer ${token}` } });
  const projects = (await response.json()) as ProjectListItem[];
  for (const project of projects) {
    const standard = project.documents.find((d) => d.kind === 'standard');
    if (standard) return standard.id;
  }
  throw new Error('no standard text in the demo projects');
}

function sameVector(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((byte, i) => byte === b[i]);
}

export async function startProductServer(clientDir: string): Promise<ProductServer> {
  const dataDir = await mkdtemp(join(tmpdir(), 'bench-editor-'));
  const running: RunningServer = await startServer({
    port: 0,
    host: '127.0.0.1',
    seedDemo: true,
    logLevel: 'silent',
    loginLimit: { points: 1000, durationSeconds: 60 },
    clientDir,
    dataDir,
  });
  const token = await login(running.url);
  const standardId = await firstStandardId(running.url, token);
  const target = { wsBase: `${running.url.replace(/^http/, 'ws')}/collab`, documentId: standardId, params: { token } };
  return {
    url: running.url,
    standardId,
    async setContent(doc) {
      const ydoc = new Y.Doc();
      const provider = connectProvider(target, ydoc);
      try {
        await whenSynced(provider, 30_000, 'seeding client');
        const fragment = ydoc.getXmlFragment(CONTENT_FIELD);
        ydoc.transact(() => {
          fragment.delete(0, fragment.length);
          prosemirrorJSONToYXmlFragment(editorSchema(), ensureStructureIds(doc), fragment);
        });
        const local = Y.encodeStateVector(ydoc);
        for (let waited = 0; waited < 60_000; waited += 100) {
          const remote = await running.collab.readDocument(standardId, (d) => Y.encodeStateVector(d));
          if (sameVector(local, remote)) return;
          await sleep(100);
        }
        throw new Error('the server did not receive the benchmark content');
      } finally {
        provider.destroy();
        ydoc.destroy();
      }
    },
    async close() {
      await running.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
