/**
 * A failing disk (read-only or full data dir). Simulated with the stores' write guard — every write
 * to the data dir throws EROFS while `failing` is set — because a read-only directory does not stop
 * root, and tests may run as root. While the disk fails:
 *  - metadata changes answer 503 with a clear message and change nothing;
 *  - typing goes on (edits reach the other clients), every client sees the server's storage warning,
 *    the server keeps retrying and keeps the changes in memory even when everyone has left;
 * and once the disk is back, what was typed meanwhile is stored (a copy of the files, as a crash
 * would leave them, has it) and the warning goes away — in stock clients and in the editor in Chromium;
 * and when the server stops while the disk fails, what was typed comes back after the restart from the
 * client that still holds it.
 */
import { cp, rm } from 'node:fs/promises';
import { basename } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import type { Awareness } from 'y-protocols/awareness';
import type { ProjectDetailResponse } from '@shared/api/types.js';
import { isServerPresence } from '@shared/collab/serverPresence.js';
import { makeDataDir, startTestServer } from '../helpers/server.js';
import type { TestServer } from '../helpers/server.js';
import { demoProject, login, request } from '../helpers/api.js';
import { appendParagraph, connectSynced, content, waitFor } from '../helpers/collab.js';
import { BODY_PARAGRAPH, launchBrowser, openStandard, signIn } from '../helpers/browser.js';

let failing = false;
const writeGuard = (path: string): void => {
  if (failing) throw Object.assign(new Error(`EROFS: read-only file system, write '${path}'`), { code: 'EROFS' });
};

let server: TestServer;
let token: string;
let projectId: string;
let standardId: string;

beforeAll(async () => {
  server = await startTestServer({ writeGuard, store: { debounceMs: 100, maxWaitMs: 300, retryMs: 300 } });
  token = await login(server.url, 'lead@example.com');
  const demo = await demoProject(server.url, token);
  projectId = demo.project.id;
  standardId = demo.standardId;
});

afterAll(async () => {
  failing = false;
  await server?.dispose();
});

/** The server's storage warning on a document, as clients receive it (its presence's `storage.since`). */
function storageWarning(awareness: Awareness): string | null {
  for (const state of awareness.getStates().values()) {
    if (isServerPresence(state) && state.storage) return state.storage.since;
  }
  return null;
}

/** Starts a second server on a copy of the data dir's files as they are now, and reads the document there. */
async function contentOfCopy(documentId: string): Promise<string> {
  const copy = await makeDataDir();
  await cp(server.dataDir, copy, { recursive: true, filter: (source) => basename(source) !== 'control.sock' });
  const second = await startTestServer({ dataDir: copy, seedDemo: false });
  try {
    return await second.collab.readDocument(documentId, (doc) => content(doc));
  } finally {
    await second.dispose();
    await rm(copy, { recursive: true, force: true });
  }
}

describe('a failing disk', () => {
  it('answers metadata changes with a clear 503 and changes nothing; keeps typed text and stores it once the disk is back', async () => {
    const writer = await connectSynced(server.url, standardId, token);
    const watcher = await connectSynced(server.url, standardId, token);
    const planBefore = (
      await request<ProjectDetailResponse>(server.url, 'GET', `/api/projects/${projectId}`, { token })
    ).body.project.planBatch;

    failing = true;
    const refused = await request<{ error: string }>(server.url, 'PATCH', `/api/projects/${projectId}`, {
      token,
      body: { planBatch: '磁盘故障时的修改' },
    });
    expect(refused.status).toBe(503);
    expect(refused.body.error).toMatch(/cannot store data right now.*change was not made.*EROFS/);
    const detail = await request<ProjectDetailResponse>(server.url, 'GET', `/api/projects/${projectId}`, { token });
    expect(detail.body.project.planBatch).toBe(planBefore);

    appendParagraph(writer.doc, '磁盘故障期间输入的文字');
    await waitFor(() => content(watcher.doc).includes('磁盘故障期间输入的文字'), 'the edit reached the other client');
    await waitFor(() => storageWarning(watcher.provider.awareness) !== null, 'the storage warning', 5000);
    expect(storageWarning(writer.provider.awareness)).not.toBeNull();

    // Everyone leaves while the disk still fails: the server keeps the document (and retries).
    writer.destroy();
    watcher.destroy();
    await new Promise((r) => setTimeout(r, 1000));
    expect(server.collab.isLoaded(standardId)).toBe(true);
    expect(await contentOfCopy(standardId)).not.toContain('磁盘故障期间输入的文字');

    failing = false;
    const back = await connectSynced(server.url, standardId, token);
    try {
      await waitFor(() => storageWarning(back.provider.awareness) === null, 'the warning is gone', 5000);
      expect(content(back.doc)).toContain('磁盘故障期间输入的文字');
    } finally {
      back.destroy();
    }
    expect(await contentOfCopy(standardId)).toContain('磁盘故障期间输入的文字');
    const accepted = await request(server.url, 'PATCH', `/api/projects/${projectId}`, {
      token,
      body: { planBatch: '磁盘恢复后的修改' },
    });
    expect(accepted.status).toBe(200);
  }, 60_000);

  it('after a restart while the disk failed, what was typed comes back from the client that still holds it', async () => {
    const writer = await connectSynced(server.url, standardId, token);
    try {
      failing = true;
      appendParagraph(writer.doc, '重启前磁盘故障期间的文字');
      await waitFor(() => storageWarning(writer.provider.awareness) !== null, 'the storage warning', 5000);
      // The server stops while the disk still fails: it cannot store the paragraph (the stop logs that).
      const { dataDir, port } = server;
      await server.close().catch(() => undefined);
      expect(await contentOfCopy(standardId)).not.toContain('重启前磁盘故障期间的文字');

      // The disk is back and the server starts again on the same port: the client reconnects and syncs.
      failing = false;
      server = await startTestServer({
        writeGuard,
        store: { debounceMs: 100, maxWaitMs: 300, retryMs: 300 },
        dataDir,
        port,
      });
      await waitFor(
        async () =>
          (await server.collab.readDocument(standardId, (doc) => content(doc))).includes('重启前磁盘故障期间的文字'),
        'the reconnected client gave the paragraph back',
        15_000,
      );
    } finally {
      writer.destroy();
    }
    await waitFor(() => !server.collab.isLoaded(standardId), 'the document is stored and unloaded', 5000);
    expect(await contentOfCopy(standardId)).toContain('重启前磁盘故障期间的文字');
  }, 60_000);

  describe('in the editor', () => {
    let browser: Browser;
    beforeAll(async () => {
      browser = await launchBrowser();
    });
    afterAll(async () => {
      await browser?.close();
    });

    it('shows the storage warning beside the connection status while the disk fails, and removes it after', async () => {
      const context = await browser.newContext({ locale: 'zh-CN' });
      const page = await context.newPage();
      await signIn(page, server.url, 'lead@example.com');
      await openStandard(page, server.url, standardId);
      const warning = page.getByTestId('storage-warning');
      expect(await warning.count()).toBe(0);

      failing = true;
      await page.locator(BODY_PARAGRAPH).first().click();
      await page.keyboard.press('End');
      await page.keyboard.type('磁盘只读时在浏览器里输入');
      await warning.waitFor({ timeout: 5000 });
      expect(await warning.textContent()).toContain('服务器暂时无法保存修改');
      // Typing goes on; the connection itself is fine.
      await page.locator('[data-testid="connection-status"][data-state="connected"]').waitFor();
      await page.locator('.workspace__header').screenshot({ path: '/tmp/durability-storage-warning.png' });

      failing = false;
      await warning.waitFor({ state: 'detached', timeout: 5000 });
      expect(await contentOfCopy(standardId)).toContain('磁盘只读时在浏览器里输入');
      await context.close();
    }, 60_000);
  });
});
