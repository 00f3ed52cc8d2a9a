/**
 * `npm run migrate-data`: a workspace made by a real server (the demo, two users typing over
 * websockets, a comment, a named version, a compaction, and a log a killed server would leave) is
 * copied into PostgreSQL; the copy is checked (counts, state vectors, history windows); a server on
 * PostgreSQL then shows the same sign-in, projects, comments, versions, texts and attributed change
 * history. The command refuses a data dir a server runs on and a database that holds data (exit 2,
 * nothing written).
 */
import { execFile } from 'node:child_process';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { ThreadListResponse, ThreadView } from '@shared/api/comments.js';
import type { HistoryPage } from '@shared/api/history.js';
import type { DocumentContentResponse, LoginResponse, ProjectListItem } from '@shared/api/types.js';
import { encodeAnchor } from '@shared/comments/anchors.js';
import { FileBlobStore } from '../../server/storage/files/FileBlobStore.js';
import { FileDocumentStore } from '../../server/storage/files/FileDocumentStore.js';
import { storedRows } from '../../server/storage/postgres/databaseContents.js';
import { PostgresBlobStore } from '../../server/storage/postgres/PostgresBlobStore.js';
import { PostgresDocumentStore } from '../../server/storage/postgres/PostgresDocumentStore.js';
import { migrateData } from '../../scripts/lib/migrateData.js';
import { MigrationRefused } from '../../scripts/lib/migrationRefused.js';
import { DEMO_PASSWORD, demoProject, login, request } from '../helpers/api.js';
import { appendParagraph, connectSynced, content, waitFor } from '../helpers/collab.js';
import { POSTGRES_SKIP_REASON, startPostgres } from '../helpers/postgres.js';
import type { TestPostgres } from '../helpers/postgres.js';
import { makeDataDir, startTestServer } from '../helpers/server.js';
import type { TestServer } from '../helpers/server.js';
import { paragraphTexts } from '../comments/helpers.js';

if (POSTGRES_SKIP_REASON) console.warn(POSTGRES_SKIP_REASON);

const run = promisify(execFile);
const FAST_STORE = { debounceMs: 50, maxWaitMs: 200 };
const PROJECT_ROOT = join(import.meta.dirname, '..', '..');

/**
 * What a user sees of the workspace through the API, but for the document `skip` (the change history
 * without `open`, which is about now).
 */
async function workspaceView(baseUrl: string, skip: string): Promise<unknown> {
  const token = await login(baseUrl, 'lead@example.com');
  const projects = (await request<ProjectListItem[]>(baseUrl, 'GET', '/api/projects', { token })).body;
  const view: Record<string, unknown> = { projects };
  for (const project of projects) {
    view[project.id] = (await request(baseUrl, 'GET', `/api/projects/${project.id}`, { token })).body;
    for (const document of project.documents) {
      if (document.id === skip) continue;
      const path = `/api/documents/${document.id}`;
      const history = (await request<HistoryPage>(baseUrl, 'GET', `${path}/history?limit=200`, { token })).body;
      view[document.id] = {
        content: (await request<DocumentContentResponse>(baseUrl, 'GET', `${path}/content`, { token })).body.content,
        threads: (await request<ThreadListResponse>(baseUrl, 'GET', `${path}/threads`, { token })).body,
        versions: (await request(baseUrl, 'GET', `${path}/versions`, { token })).body,
        history: { ...history, entries: history.entries.map(({ open: _open, ...entry }) => entry) },
      };
    }
  }
  return view;
}

/** `npm run migrate-data` as an operator runs it. */
async function runCommand(
  args: string[],
  databaseUrl: string,
): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run('npm', ['run', '--silent', 'migrate-data', '--', ...args], {
      cwd: PROJECT_ROOT,
      env: { ...process.env, DATABASE_URL: databaseUrl },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe.skipIf(POSTGRES_SKIP_REASON !== null)('migrate-data: an embedded workspace into PostgreSQL', () => {
  let postgres: TestPostgres;
  const cleanup: (() => Promise<unknown>)[] = [];
  beforeAll(async () => {
    postgres = await startPostgres();
  }, 30_000);
  afterAll(async () => {
    for (const step of cleanup.reverse()) await step().catch(() => undefined);
    await postgres?.stop();
  });

  it('copies every record, document history and snapshot, checks them, and a PostgreSQL server shows the same', async () => {
    // A real workspace: the demo, two users typing, a compaction between their edits, a comment, a version.
    const source: TestServer = await startTestServer({ store: FAST_STORE });
    const dataDir = source.dataDir;
    cleanup.push(() => rm(dataDir, { recursive: true, force: true }));
    const lead = await login(source.url, 'lead@example.com');
    const drafterLogin = await request<LoginResponse>(source.url, 'POST', '/api/auth/login', {
      body: { email: 'drafter@example.com', password: DEMO_PASSWORD },
    });
    const drafter = drafterLogin.body.token;
    const { project, standardId } = await demoProject(source.url, lead);
    const explanationId = project.documents.find((d) => d.kind === 'explanation')?.id;
    if (!explanationId) throw new Error('no drafting explanation');

    const onLead = await connectSynced(source.url, standardId, lead);
    const onDrafter = await connectSynced(source.url, standardId, drafter);
    appendParagraph(onLead.doc, '牵头单位在嵌入式存储上写的段落');
    await waitFor(() => content(onDrafter.doc).includes('牵头单位在嵌入式'), 'the drafter sees the lead typing');
    await source.collab.storeAll();
    await source.services.documents.compact(standardId);
    appendParagraph(onDrafter.doc, '同类企业在压缩之后补充的段落');
    await waitFor(() => content(onLead.doc).includes('同类企业在压缩'), 'the lead sees the drafter typing');
    const text = paragraphTexts(onLead.doc, { inSection: true }).find((t) => t.length >= 20);
    if (!text) throw new Error('no long paragraph to comment on');
    const thread = await request<ThreadView>(source.url, 'POST', `/api/documents/${standardId}/threads`, {
      token: lead,
      body: {
        anchorStart: encodeAnchor(Y.createRelativePositionFromTypeIndex(text, 2, 0)),
        anchorEnd: encodeAnchor(Y.createRelativePositionFromTypeIndex(text, 10, -1)),
        quote: text.toString().slice(2, 10),
        clauseId: null,
        body: '迁移前的意见',
        mentions: [],
      },
    });
    expect(thread.status).toBe(201);
    const version = await request(source.url, 'POST', `/api/documents/${standardId}/versions`, {
      token: lead,
      body: { name: '迁移前的版本' },
    });
    expect(version.status).toBe(201);
    onLead.destroy();
    onDrafter.destroy();

    // What users see, read from a server started again on the stopped workspace (its logs compacted
    // at stop); while it runs, the migration refuses the data dir.
    const again = await source.restart();
    const before = await workspaceView(again.url, explanationId);
    const busyUrl = await postgres.createDatabase();
    await expect(migrateData({ from: dataDir, databaseUrl: busyUrl })).rejects.toThrow(MigrationRefused);
    await again.close();

    // A log a killed server leaves: an update stored, never compacted (in a document not viewed above).
    const files = new FileDocumentStore(join(dataDir, 'documents'), { compaction: 'inline' });
    const doc = new Y.Doc();
    Y.applyUpdate(doc, (await files.loadState(explanationId)) ?? new Uint8Array());
    const before2 = Y.encodeStateVector(doc);
    appendParagraph(doc, '被强行终止的服务器留下的修改');
    await files.append(explanationId, [
      { update: Y.encodeStateAsUpdate(doc, before2), userId: drafterLogin.body.user.id, at: Date.now() },
    ]);
    await files.close();
    // A submission package as the embedded store keeps it (a blob in the data dir).
    const packageZip = new Uint8Array([0x50, 0x4b, 5, 6, 1, 2, 3]);
    await new FileBlobStore(dataDir).put('submissions/sub_migrated.zip', packageZip);

    // The migration, in-process, into another DATA_DIR for the instances.
    const databaseUrl = await postgres.createDatabase();
    const instancesDir = await makeDataDir();
    cleanup.push(() => rm(instancesDir, { recursive: true, force: true }));
    const lines: string[] = [];
    const result = await migrateData({
      from: dataDir,
      databaseUrl,
      dataDir: instancesDir,
      progress: (l) => lines.push(l),
    });
    expect(result.verification.ok, JSON.stringify(result.verification, null, 1)).toBe(true);
    expect(lines).toContain(
      `documents ${result.verification.documents.length}/${result.verification.documents.length}`,
    );
    expect(lines.some((l) => /^metadata: users \d+$/.test(l))).toBe(true);
    const counts = Object.fromEntries(result.verification.collections.map((c) => [c.name, c.target]));
    expect(counts.commentThreads).toBe(1);
    expect(counts.documentVersions).toBeGreaterThanOrEqual(1);
    expect(counts.users).toBeGreaterThanOrEqual(7);
    expect(result.snapshots).toBeGreaterThanOrEqual(1);
    expect(result.blobs).toBe(1);
    expect(result.files).toEqual([{ folder: 'history', files: expect.any(Number) }]);
    const standard = result.verification.documents.find((d) => d.id === standardId);
    expect(standard?.targetWindows).toBeGreaterThanOrEqual(2);

    // Windows at their places with their authors; the killed server's update still in the active log.
    const pool = new pg.Pool({ connectionString: databaseUrl, max: 2 });
    cleanup.push(() => pool.end());
    expect(await new PostgresBlobStore(pool).get('submissions/sub_migrated.zip')).toEqual(packageZip);
    const copied = new PostgresDocumentStore(pool);
    const history = await copied.historySince(explanationId, null);
    const last = history.at(-1);
    expect(last).toMatchObject({ sealed: false, userId: drafterLogin.body.user.id, count: 1 });
    const windows = (await copied.historySince(standardId, null)).filter((e) => e.sealed);
    expect(new Set(windows.map((w) => w.userId))).toContain(drafterLogin.body.user.id);
    expect(new Set(windows.map((w) => w.userId)).size).toBeGreaterThanOrEqual(2);

    // The command: a database that holds data is refused, nothing written; an empty one gets the copy.
    const rowsBefore = await storedRows(pool);
    const refused = await runCommand(['--from', dataDir], databaseUrl);
    expect(refused.code, refused.stderr).toBe(2);
    expect(refused.stderr).toMatch(/already holds data/);
    expect(await storedRows(pool)).toEqual(rowsBefore);
    const fresh = await postgres.createDatabase();
    const ran = await runCommand(['--from', dataDir], fresh);
    expect(ran.code, ran.stderr + ran.stdout).toBe(0);
    expect(ran.stdout).toMatch(/documents \d+\/\d+/);
    expect(ran.stdout).toMatch(/commentThreads\s+1\s+1\s+ok/);
    expect(ran.stdout).toMatch(/every count, state vector, history window and file matches/);

    // A server on PostgreSQL shows what the embedded one showed, and the killed server's edit.
    const target = await startTestServer({ dataDir: instancesDir, databaseUrl, seedDemo: false });
    cleanup.push(() => target.close());
    expect(await workspaceView(target.url, explanationId)).toEqual(before);
    const explanation = await request<DocumentContentResponse>(
      target.url,
      'GET',
      `/api/documents/${explanationId}/content`,
      { token: await login(target.url, 'drafter@example.com') },
    );
    expect(JSON.stringify(explanation.body.content)).toContain('被强行终止的服务器留下的修改');
    const standardHistory = (before as Record<string, { history: HistoryPage }>)[standardId]!.history;
    const authors = new Set(standardHistory.entries.filter((e) => e.added > 0).map((e) => e.userName));
    expect(authors.size).toBeGreaterThanOrEqual(2);
  }, 120_000);
});
