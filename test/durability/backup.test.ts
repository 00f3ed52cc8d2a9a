/**
 * `npm run backup` while the server runs and 5 clients type over real websockets (and a project's plan
 * keeps changing), then `npm run restore` into a new data dir: a server started on the restored dir
 * has every document and every metadata table exactly as the source had them at the backup's moment
 * (a copy of the source's files taken while the server held its writes), although writing went on
 * while the archive was made. A data dir that is not empty is refused.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { LowdbMetadataStore } from '../../server/storage/lowdb/LowdbMetadataStore.js';
import { makeDataDir, startTestServer } from '../helpers/server.js';
import type { TestServer } from '../helpers/server.js';
import { demoProject, login, request } from '../helpers/api.js';
import { appendParagraph, connectSynced, content } from '../helpers/collab.js';
import type { Client } from '../helpers/collab.js';

const PROJECT_ROOT = fileURLToPath(new URL('../..', import.meta.url));

const servers: TestServer[] = [];
const clients: Client[] = [];
const dirs: string[] = [];

afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy();
  for (const s of servers.splice(0)) await s.dispose();
  for (const d of dirs.splice(0)) await rm(d, { recursive: true, force: true });
});

/** Runs one of the project's scripts (`scripts/<name>.ts`) as `npm run <name>` would. */
function runScript(name: string, args: string[]): Promise<{ code: number | null; output: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', `scripts/${name}.ts`, ...args], {
    cwd: PROJECT_ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => {
    output += chunk.toString('utf8');
  });
  child.stderr.on('data', (chunk: Buffer) => {
    output += chunk.toString('utf8');
  });
  return new Promise((resolve) => child.on('exit', (code) => resolve({ code, output })));
}

async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'zm-backup-'));
  dirs.push(dir);
  return dir;
}

/** Every table and every document of a server, comparable with `toEqual`. */
async function everything(
  server: TestServer,
): Promise<{ tables: Record<string, unknown[]>; documents: Record<string, unknown> }> {
  const metadata = server.services.metadata;
  if (!(metadata instanceof LowdbMetadataStore)) throw new Error('expected the embedded metadata store');
  const tables: Record<string, unknown[]> = {};
  for (const name of metadata.collectionNames().sort()) {
    const rows = metadata.collection(name as Parameters<typeof metadata.collection>[0]).findMany();
    if (rows.length > 0) tables[name] = rows.sort((a, b) => a.id.localeCompare(b.id));
  }
  const documents: Record<string, unknown> = {};
  for (const project of metadata.collection('projects').findMany()) {
    for (const { id } of project.documents) {
      // Compared by state vector, the typed edits it holds and a digest of the whole content (short diffs).
      documents[id] = await server.collab.readDocument(id, (doc) => {
        const text = content(doc);
        return {
          stateVector: Object.fromEntries(Y.decodeStateVector(Y.encodeStateVector(doc))),
          edits: text.match(/\[w\d+-\d+\]/g) ?? [],
          sha256: createHash('sha256').update(text).digest('hex'),
        };
      });
    }
  }
  return { tables, documents };
}

describe('backup and restore', () => {
  it('a backup taken mid-burst restores into a new dir exactly as the source was at that moment', async () => {
    const source = await startTestServer({ store: { debounceMs: 50, maxWaitMs: 200, retryMs: 200 } });
    servers.push(source);
    const token = await login(source.url, 'lead@example.com');
    const { project, standardId } = await demoProject(source.url, token);
    const otherId = project.documents.find((d) => d.id !== standardId)!.id;
    const writers = await Promise.all(
      Array.from({ length: 5 }, (_, k) => connectSynced(source.url, k < 3 ? standardId : otherId, token)),
    );
    clients.push(...writers);

    // The source's files at the backup's moment: copied while the server holds its writes.
    const reference = await makeDataDir();
    dirs.push(reference);
    let pauses = 0;
    source.writes.onPaused(() => {
      pauses++;
      cpSync(source.dataDir, reference, {
        recursive: true,
        filter: (path) => basename(path) !== 'control.sock' && !basename(path).startsWith('.'),
      });
    });

    let typing = true;
    let typed = 0;
    const timers = writers.map((writer, k) =>
      setInterval(() => {
        if (typing) appendParagraph(writer.doc, `[w${k}-${typed++}]`);
      }, 50),
    );
    const planChanges = (async () => {
      for (let i = 0; typing; i++) {
        await request(source.url, 'PATCH', `/api/projects/${project.id}`, {
          token,
          body: { planBatch: `备份中-${i}` },
        });
      }
    })();
    await new Promise((r) => setTimeout(r, 500));
    const archive = join(await tempDir(), 'backup.tar.gz');
    const backup = await runScript('backup', [archive, '--data-dir', source.dataDir]);
    expect(backup, backup.output).toMatchObject({ code: 0 });
    expect(backup.output).toMatch(/the running server held its writes for \d+ ms/);
    expect(pauses).toBe(1);
    // Writing goes on after the backup's moment.
    await new Promise((r) => setTimeout(r, 400));
    typing = false;
    for (const t of timers) clearInterval(t);
    await planChanges;

    const occupied = await tempDir();
    await writeFile(join(occupied, 'something.txt'), 'x');
    const refused = await runScript('restore', [archive, '--data-dir', occupied]);
    expect(refused.code).toBe(1);
    expect(refused.output).toMatch(/refusing to restore into .*: it is not empty \(something\.txt\)/);

    const restoredDir = join(await tempDir(), 'restored');
    const restore = await runScript('restore', [archive, '--data-dir', restoredDir]);
    expect(restore, restore.output).toMatchObject({ code: 0 });

    const restored = await startTestServer({ dataDir: restoredDir, seedDemo: false });
    servers.push(restored);
    const atBackup = await startTestServer({ dataDir: reference, seedDemo: false });
    servers.push(atBackup);
    const got = await everything(restored);
    expect(got).toEqual(await everything(atBackup));

    // Taken mid-burst: it holds typed edits, and the source went on past it.
    const restoredEdits = await restored.collab.readDocument(
      standardId,
      (doc) => content(doc).match(/\[w\d+-\d+\]/g) ?? [],
    );
    expect(restoredEdits.length).toBeGreaterThan(0);
    const sourceEdits = await source.collab.readDocument(
      standardId,
      (doc) => content(doc).match(/\[w\d+-\d+\]/g) ?? [],
    );
    expect(sourceEdits.length).toBeGreaterThan(restoredEdits.length);
    expect(got.tables.projects).toBeDefined();
  }, 120_000);
});
