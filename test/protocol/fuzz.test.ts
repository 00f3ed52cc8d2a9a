/**
 * 10⁴ malformed frames (random bytes, truncated sync messages, huge varints, garbage and damaged
 * updates, garbage awareness; bench/lib/fuzzFrames.ts) against the real server process over real
 * sockets, into the document two clients are typing into: the server never crashes, the clients keep
 * editing and converge, and the server's memory stays bounded. 10⁵ frames: `npm run bench -- fuzz`.
 */
import { readFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { runFuzz } from '../../bench/lib/fuzzRun.js';
import { makeDataDir } from '../helpers/server.js';
import { killServerProcesses, startServerProcess } from '../helpers/serverProcess.js';
import { demoProject, login, request } from '../helpers/api.js';
import { appendParagraph, connectSynced, content, waitFor } from '../helpers/collab.js';
import type { Client } from '../helpers/collab.js';

const clients: Client[] = [];
const dataDirs: string[] = [];

afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy();
  killServerProcesses();
  for (const dir of dataDirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

const FRAMES = 10_000;

/** Resident memory of a process in MB (/proc/<pid>/status). */
function rssMb(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8')
    .split('\n')
    .find((l) => l.startsWith('VmRSS:'));
  return Number(line?.replace(/\D+/g, '') ?? NaN) / 1024;
}

describe('malformed frames', () => {
  it(`${FRAMES} of them leave the server running, the other clients editing and memory bounded`, async () => {
    const dataDir = await makeDataDir();
    dataDirs.push(dataDir);
    const server = await startServerProcess({ DATA_DIR: dataDir, LOG_LEVEL: 'error' });
    const pid = server.child.pid!;
    const token = await login(server.url, 'lead@example.com');
    const documentId = (await demoProject(server.url, token)).standardId;
    const drafter = await login(server.url, 'drafter@example.com');
    const writers = [
      await connectSynced(server.url, documentId, token),
      await connectSynced(server.url, documentId, drafter),
    ];
    clients.push(...writers);

    // The two writers type 10 paragraphs/s each while the frames arrive.
    const typed: string[] = [];
    let n = 0;
    const typing = setInterval(() => {
      for (const [k, writer] of writers.entries()) {
        const token = `[w${k}-${n}]`;
        appendParagraph(writer.doc, token);
        typed.push(token);
      }
      n++;
    }, 100);

    const rss: number[] = [];
    const wsUrl = `${server.url.replace(/^http/, 'ws')}/collab/${documentId}?token=${token}`;
    let nextSample = 0;
    const result = await runFuzz({
      url: wsUrl,
      frames: FRAMES,
      seed: 17,
      concurrency: 8,
      batch: 20,
      onProgress: (sent) => {
        if (sent >= nextSample) {
          rss.push(rssMb(pid));
          nextSample += 1_000;
        }
      },
    }).finally(() => clearInterval(typing));

    expect(result.sent).toBe(FRAMES);
    expect(server.child.exitCode).toBeNull();
    expect(server.child.signalCode).toBeNull();
    expect((await request(server.url, 'GET', '/api/health')).status).toBe(200);
    // The server answered or closed every socket; none hung.
    expect(result.outcomes.timeout ?? 0).toBe(0);
    expect(Object.keys(result.outcomes)).toContain('4400');

    // The writers are still connected, every paragraph they typed reached the other, and both agree.
    for (const writer of writers) expect(writer.provider.wsconnected).toBe(true);
    await waitFor(
      () => content(writers[0]!.doc) === content(writers[1]!.doc),
      'the writers converge after the fuzzing',
      15_000,
    );
    const text = content(writers[0]!.doc);
    const missing = typed.filter((t) => !text.includes(t));
    expect(missing).toEqual([]);
    appendParagraph(writers[1]!.doc, '模糊测试之后');
    await waitFor(() => content(writers[0]!.doc).includes('模糊测试之后'), 'an edit after the fuzzing arrives');

    // Bounded memory: after the first thousand frames (warm-up), RSS grows by less than 150 MB.
    const warm = rss[1] ?? rss[0]!;
    const peak = Math.max(...rss, rssMb(pid));
    expect(peak - warm).toBeLessThan(150);
  }, 60_000);
});
