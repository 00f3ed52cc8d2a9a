/**
 * Stopping the real server process (`server/main.ts`) with SIGTERM or SIGINT right after an edit —
 * before the debounced store — loses nothing: the edit is there when the server starts again on the
 * same data directory. A second signal during shutdown ends the process at once.
 */
import { rm } from 'node:fs/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { makeDataDir } from '../helpers/server.js';
import { killServerProcesses, startServerProcess } from '../helpers/serverProcess.js';
import { demoProject, login } from '../helpers/api.js';
import { appendParagraph, connectSynced, content, waitFor } from '../helpers/collab.js';
import type { Client } from '../helpers/collab.js';

const clients: Client[] = [];
const dataDirs: string[] = [];

afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy();
  killServerProcesses();
  for (const dir of dataDirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

describe('shutdown of the server process', () => {
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    it(`stores an edit made just before ${signal}`, async () => {
      const dataDir = await makeDataDir();
      dataDirs.push(dataDir);
      const first = await startServerProcess({ DATA_DIR: dataDir });
      const token = await login(first.url, 'lead@example.com');
      const { standardId } = await demoProject(first.url, token);
      const writer = await connectSynced(first.url, standardId, token);
      clients.push(writer);
      const text = `${signal} 之前刚输入的文字`;
      const watcher = await connectSynced(first.url, standardId, token);
      clients.push(watcher);
      appendParagraph(writer.doc, text);
      // The edit has reached the server (another client has it); the debounced store (500 ms) has not run yet.
      await waitFor(() => content(watcher.doc).includes(text), 'the server has the edit', 5000);
      first.child.kill(signal);
      const exit = await first.exited;
      expect({ exit, output: first.output() }).toMatchObject({ exit: { code: 0, signal: null } });
      for (const c of clients.splice(0)) c.destroy();

      const second = await startServerProcess({ DATA_DIR: dataDir });
      const reader = await connectSynced(second.url, standardId, await login(second.url, 'lead@example.com'));
      clients.push(reader);
      await waitFor(() => content(reader.doc).includes(text), 'the edit is there after the restart', 5000);
      second.child.kill('SIGTERM');
      expect((await second.exited).code).toBe(0);
    }, 90_000);
  }

  it('a second signal while shutting down exits at once with a non-zero code', async () => {
    const dataDir = await makeDataDir();
    dataDirs.push(dataDir);
    const running = await startServerProcess({ DATA_DIR: dataDir });
    running.child.kill('SIGINT');
    setImmediate(() => running.child.kill('SIGTERM'));
    const exit = await running.exited;
    expect(exit.code).toBe(1);
    expect(running.output()).toContain('second signal during shutdown');
  }, 60_000);
});
