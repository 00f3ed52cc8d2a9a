/**
 * kill -9 of the real server process (server/main.ts) in the middle of work, then a restart on the
 * same data dir and port:
 *  - 5 clients type 20 edits/s each over real websockets; after each of 3 kills they reconnect and
 *    every edit of every client is in the document, exactly once, and stays there after a clean restart;
 *  - every metadata change the server acknowledged before the kill (a project's plan, with its audit
 *    entry) is there after the restart;
 *  - torn last records — of a document's log, of the metadata journal and of an append-only metadata
 *    log — are cut off at start and the server starts with everything before them.
 */
import { appendFile, readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { AuditView, ProjectDetailResponse } from '@shared/api/types.js';
import { makeDataDir } from '../helpers/server.js';
import { killServerProcesses, startServerProcess } from '../helpers/serverProcess.js';
import type { ServerProcess } from '../helpers/serverProcess.js';
import { demoProject, login, request } from '../helpers/api.js';
import { appendParagraph, connect, connectSynced, content, waitFor } from '../helpers/collab.js';
import type { Client } from '../helpers/collab.js';

const clients: Client[] = [];
const dataDirs: string[] = [];

afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy();
  killServerProcesses();
  for (const dir of dataDirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

const WRITERS = 5;
const EDITS_PER_SECOND = 20;
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

async function killHard(server: ServerProcess): Promise<void> {
  server.child.kill('SIGKILL');
  expect((await server.exited).signal).toBe('SIGKILL');
}

/** Types `[c<k>-r<round>-s<n>]` paragraphs into each client at the given rate until stopped; returns the tokens typed. */
function startTyping(writers: Client[], round: number): { stop: () => string[] } {
  const typed: string[] = [];
  const timers = writers.map((writer, k) => {
    let n = 0;
    return setInterval(() => {
      const token = `[c${k}-r${round}-s${n++}]`;
      appendParagraph(writer.doc, token);
      typed.push(token);
    }, 1000 / EDITS_PER_SECOND);
  });
  return {
    stop: () => {
      for (const t of timers) clearInterval(t);
      return typed;
    },
  };
}

/** Changes the project's plan batch in a loop; the values the server answered 200 for, in order. */
function startPlanChanges(url: string, token: string, projectId: string, round: number) {
  const acknowledged: string[] = [];
  let inFlight: string | null = null;
  let running = true;
  const done = (async () => {
    for (let i = 0; running; i++) {
      const planBatch = `批次-r${round}-${i}`;
      inFlight = planBatch;
      try {
        const result = await request(url, 'PATCH', `/api/projects/${projectId}`, { token, body: { planBatch } });
        if (result.status === 200) acknowledged.push(planBatch);
      } catch {
        return; // the server is gone
      }
    }
  })();
  return {
    acknowledged,
    inFlight: () => inFlight,
    stop: async () => {
      running = false;
      await done;
    },
  };
}

function countOf(text: string, token: string): number {
  return text.split(token).length - 1;
}

async function expectAllOnce(url: string, documentId: string, token: string, tokens: string[]): Promise<void> {
  const reader = await connectSynced(url, documentId, token);
  try {
    await waitFor(
      () => tokens.every((t) => content(reader.doc).includes(t)),
      `all ${tokens.length} edits on the server`,
      20_000,
    );
    const text = content(reader.doc);
    expect(tokens.filter((t) => countOf(text, t) !== 1)).toEqual([]);
  } finally {
    reader.destroy();
  }
}

describe('kill -9 of the server', () => {
  it('loses no edit of 5 clients typing 20 edits/s, nor an acknowledged metadata change (3 rounds)', async () => {
    const dataDir = await makeDataDir();
    dataDirs.push(dataDir);
    let server = await startServerProcess({ DATA_DIR: dataDir });
    const port = server.port;
    const token = await login(server.url, 'lead@example.com');
    const { project, standardId } = await demoProject(server.url, token);
    const writers = Array.from({ length: WRITERS }, () => connect(server.url, standardId, token));
    clients.push(...writers);
    await waitFor(() => writers.every((w) => w.provider.synced), 'writers synced');
    const allTyped: string[] = [];

    for (let round = 1; round <= 3; round++) {
      const typing = startTyping(writers, round);
      const plans = startPlanChanges(server.url, token, project.id, round);
      await sleep(700 + Math.random() * 500);
      await killHard(server);
      // The clients go on typing while the server is down.
      await sleep(200);
      allTyped.push(...typing.stop());
      await plans.stop();
      expect(plans.acknowledged.length).toBeGreaterThan(0);

      server = await startServerProcess({ DATA_DIR: dataDir, PORT: String(port) });
      // The session (a metadata record) survived too: the same token still signs in.
      const detail = await request<ProjectDetailResponse>(server.url, 'GET', `/api/projects/${project.id}`, { token });
      expect(detail.status).toBe(200);
      const last = plans.acknowledged[plans.acknowledged.length - 1]!;
      // The change in flight at the kill may have been stored without its answer.
      expect([last, plans.inFlight()]).toContain(detail.body.project.planBatch);
      const audit = await request<AuditView[]>(server.url, 'GET', `/api/projects/${project.id}/audit`, { token });
      const logged = new Set(audit.body.map((e) => e.detail['planBatch.to']));
      expect(plans.acknowledged.filter((v) => !logged.has(v))).toEqual([]);

      await waitFor(() => writers.every((w) => w.provider.synced), `writers reconnected (round ${round})`, 20_000);
      await expectAllOnce(server.url, standardId, token, allTyped);
    }

    // What the clients re-sent after the kills is stored: it is there after a clean restart without them.
    for (const w of clients.splice(0)) w.destroy();
    server.child.kill('SIGTERM');
    expect((await server.exited).code).toBe(0);
    server = await startServerProcess({ DATA_DIR: dataDir, PORT: String(port) });
    await expectAllOnce(server.url, standardId, token, allTyped);
    expect(allTyped.length).toBeGreaterThan(3 * WRITERS * 10);
  }, 180_000);

  it('cuts off torn last records of a document log and of the metadata logs, and starts', async () => {
    const dataDir = await makeDataDir();
    dataDirs.push(dataDir);
    let server = await startServerProcess({ DATA_DIR: dataDir });
    const token = await login(server.url, 'lead@example.com');
    const { project, standardId } = await demoProject(server.url, token);
    const patch = (planBatch: string) =>
      request(server.url, 'PATCH', `/api/projects/${project.id}`, { token, body: { planBatch } });
    expect((await patch('批次-甲')).status).toBe(200);
    // A clean stop folds the journal into metadata.json and moves the audit entries to their own log.
    server.child.kill('SIGTERM');
    expect((await server.exited).code).toBe(0);

    server = await startServerProcess({ DATA_DIR: dataDir });
    const writer = await connectSynced(server.url, standardId, token);
    clients.push(writer);
    appendParagraph(writer.doc, '崩溃之前已保存的文字');
    expect((await patch('批次-乙')).status).toBe(200);
    // The text is stored (debounced store, at most ~1.5 s) before the kill.
    const docDir = join(dataDir, 'documents', standardId);
    const logSize = async (): Promise<number> => {
      const logs = (await readdir(docDir)).filter((n) => n.startsWith('log-'));
      let total = 0;
      for (const l of logs) total += (await readFile(join(docDir, l))).length;
      return total;
    };
    const before = await logSize();
    await waitFor(async () => (await logSize()) > before, 'the edit stored', 5000);
    await killHard(server);
    writer.destroy();

    // Torn ends, as a crash in the middle of each append would leave them.
    const metaDir = join(dataDir, 'metadata');
    const journal = (await readdir(metaDir)).filter((n) => n.startsWith('journal-')).sort();
    expect(journal.length).toBeGreaterThan(0);
    const lastJournal = join(metaDir, journal[journal.length - 1]!);
    await appendFile(lastJournal, '{"ops":[{"c":"projects","id":"x","set":{"planBatch":"半');
    const auditLog = join(metaDir, 'audit.jsonl');
    expect((await readFile(auditLog, 'utf8')).length).toBeGreaterThan(0);
    await appendFile(auditLog, '{"id":"aud_torn","projectId":');
    const docLogs = (await readdir(docDir)).filter((n) => n.startsWith('log-')).sort();
    const lastDocLog = join(docDir, docLogs[docLogs.length - 1]!);
    const torn = Buffer.alloc(12);
    torn.writeUInt32LE(5000, 0); // a record header announcing more bytes than follow
    await appendFile(lastDocLog, torn);

    server = await startServerProcess({ DATA_DIR: dataDir });
    const reader = await connectSynced(server.url, standardId, token);
    clients.push(reader);
    expect(content(reader.doc)).toContain('崩溃之前已保存的文字');
    const detail = await request<ProjectDetailResponse>(server.url, 'GET', `/api/projects/${project.id}`, { token });
    expect(detail.body.project.planBatch).toBe('批次-乙');
    const audit = await request<AuditView[]>(server.url, 'GET', `/api/projects/${project.id}/audit`, { token });
    const values = audit.body.map((e) => e.detail['planBatch.to']);
    expect(values).toContain('批次-甲');
    expect(values).toContain('批次-乙');
    expect((await readFile(lastJournal, 'utf8')).endsWith('\n')).toBe(true);
    expect((await readFile(auditLog, 'utf8')).endsWith('\n')).toBe(true);
    // Writing goes on after the cut ends.
    appendParagraph(reader.doc, '重启之后的文字');
    expect((await patch('批次-丙')).status).toBe(200);
    reader.destroy();
    server.child.kill('SIGTERM');
    expect((await server.exited).code).toBe(0);
    server = await startServerProcess({ DATA_DIR: dataDir });
    const last = await connectSynced(server.url, standardId, token);
    clients.push(last);
    expect(content(last.doc)).toContain('重启之后的文字');
    const after = await request<ProjectDetailResponse>(server.url, 'GET', `/api/projects/${project.id}`, { token });
    expect(after.body.project.planBatch).toBe('批次-丙');
  }, 120_000);
});
