/**
 * Server benchmark — malformed frames (`npm run bench -- fuzz`; BENCH_FUZZ_FRAMES, default 10⁵).
 *
 * One server (ours, in its own child process). Two writers type 10 paragraphs/s each into a document
 * while sockets send it malformed frames (bench/lib/fuzzFrames.ts: random bytes, truncated sync
 * messages, huge varints, garbage and damaged updates, garbage presence; bench/lib/fuzzRun.ts).
 * Afterwards: the server process still runs and answers, the writers are still connected, every
 * paragraph they typed is in both their documents and they agree; the server's RSS every 10⁴ frames.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as Y from 'yjs';
import { CONTENT_FIELD } from '@shared/editor/extensions.js';
import { createProjectDocuments, documentUrl, login } from '../lib/api.js';
import type { BenchDocument } from '../lib/api.js';
import { connected, disconnect } from '../lib/collabTraffic.js';
import type { Connected } from '../lib/collabTraffic.js';
import { runFuzz } from '../lib/fuzzRun.js';
import type { FuzzResult } from '../lib/fuzzRun.js';
import { progress } from '../lib/report.js';
import type { Report } from '../lib/report.js';
import { ServerProcess } from '../lib/serverProcess.js';
import { fmt, fmtInt, sleep } from '../lib/stats.js';

export interface FuzzBenchResult {
  fuzz: FuzzResult;
  rss: { frames: number; rssMb: number }[];
  serverRunning: boolean;
  healthStatus: number;
  writersConnected: boolean;
  typed: number;
  missing: number;
  converged: boolean;
}

function appendParagraph(doc: Y.Doc, text: string): void {
  doc.transact(() => {
    const paragraph = new Y.XmlElement('paragraph');
    paragraph.insert(0, [new Y.XmlText(text)]);
    const fragment = doc.getXmlFragment(CONTENT_FIELD);
    fragment.insert(fragment.length, [paragraph]);
  });
}

const contentOf = (c: Connected): string => c.doc.getXmlFragment(CONTENT_FIELD).toString();

export async function runFuzzBenchmark(frames: number): Promise<FuzzBenchResult> {
  const dataDir = await mkdtemp(join(tmpdir(), 'bench-fuzz-'));
  const server = await ServerProcess.start('ours', { dataDir, logLevel: 'error' });
  const writers: Connected[] = [];
  try {
    const token = await login(server.httpUrl);
    const [documentId] = await createProjectDocuments(server.httpUrl, token, 'fuzz');
    const document: BenchDocument = { wsBase: server.wsBase, documentId: documentId!, params: { token } };
    writers.push(await connected(document, 'fuzz writer 1'), await connected(document, 'fuzz writer 2'));
    const typed: string[] = [];
    let n = 0;
    const typing = setInterval(() => {
      for (const [k, writer] of writers.entries()) {
        const text = `[w${k}-${n}]`;
        appendParagraph(writer.doc, text);
        typed.push(text);
      }
      n++;
    }, 100);
    const rss: { frames: number; rssMb: number }[] = [
      { frames: 0, rssMb: (await server.mark()).stats.rssBytes / 2 ** 20 },
    ];
    let nextSample = 10_000;
    let fuzz: FuzzResult;
    try {
      fuzz = await runFuzz({
        url: documentUrl(document),
        frames,
        seed: 17,
        concurrency: 8,
        batch: 20,
        onProgress: async (sent) => {
          if (sent < nextSample) return;
          nextSample += 10_000;
          const rssMb = (await server.mark()).stats.rssBytes / 2 ** 20;
          rss.push({ frames: sent, rssMb });
          progress(`fuzz: ${fmtInt(sent)} frames, server RSS ${fmt(rssMb, 0)} MB`);
        },
      });
    } finally {
      clearInterval(typing);
    }
    let serverRunning = true;
    try {
      rss.push({ frames: fuzz.sent, rssMb: (await server.mark()).stats.rssBytes / 2 ** 20 });
    } catch {
      serverRunning = false;
    }
    const healthStatus = await fetch(`${server.httpUrl}/api/health`)
      .then((r) => r.status)
      .catch(() => 0);
    const writersConnected = writers.every((w) => w.provider.wsconnected);
    let converged = false;
    for (let waited = 0; waited < 30_000 && !converged; waited += 200) {
      converged = contentOf(writers[0]!) === contentOf(writers[1]!);
      if (!converged) await sleep(200);
    }
    const text = contentOf(writers[0]!);
    const missing = typed.filter((t) => !text.includes(t)).length;
    return { fuzz, rss, serverRunning, healthStatus, writersConnected, typed: typed.length, missing, converged };
  } finally {
    for (const w of writers) disconnect(w);
    await server.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}

export async function fuzzBenchmark(report: Report, quick: boolean, findings: string[]): Promise<void> {
  const frames = Number(process.env.BENCH_FUZZ_FRAMES ?? (quick ? 20_000 : 100_000));
  report.section(`${fmtInt(frames)} malformed frames`, [
    'One server (ours). Two writers type 10 paragraphs/s each into a document while 8 sockets at a time send it malformed frames, 20 per socket, ' +
      'then a sync step 1 as a probe (bench/lib/fuzzFrames.ts, bench/lib/fuzzRun.ts, seed 17): random bytes, truncated sync messages, ' +
      'huge varints, garbage updates, real updates with bytes changed, garbage presence. Afterwards the server must run and answer, the writers ' +
      'must still be connected and agree, with every paragraph typed.',
  ]);
  let result: FuzzBenchResult;
  try {
    result = await runFuzzBenchmark(frames);
  } catch (error) {
    findings.push(`fuzz benchmark failed: ${error instanceof Error ? error.message : String(error)}`);
    return;
  }
  const { fuzz } = result;
  report.table({
    title: 'Outcome',
    headers: [
      'frames',
      'by kind',
      'sockets',
      'socket outcomes',
      'time s',
      'server running',
      'health',
      'writers connected',
      'paragraphs typed',
      'missing',
      'writers agree',
    ],
    rows: [
      [
        fmtInt(fuzz.sent),
        Object.entries(fuzz.byKind)
          .map(([k, v]) => `${k} ${fmtInt(v)}`)
          .join(', '),
        fmtInt(fuzz.sockets),
        Object.entries(fuzz.outcomes)
          .map(([k, v]) => `${k}: ${fmtInt(v)}`)
          .join(', '),
        fmt(fuzz.elapsedMs / 1000, 1),
        result.serverRunning ? 'yes' : '**no**',
        String(result.healthStatus),
        result.writersConnected ? 'yes' : '**no**',
        fmtInt(result.typed),
        fmtInt(result.missing),
        result.converged ? 'yes' : '**no**',
      ],
    ],
    notes: [],
  });
  report.table({
    title: 'Server RSS while the frames arrive',
    headers: ['frames sent', 'RSS MB'],
    rows: result.rss.map((r) => [fmtInt(r.frames), fmt(r.rssMb, 0)]),
    notes: [],
  });
  if (!result.serverRunning || result.healthStatus !== 200) findings.push('fuzz: the server stopped answering');
  if (!result.writersConnected || result.missing > 0 || !result.converged)
    findings.push(
      `fuzz: writers connected ${result.writersConnected}, missing ${result.missing}, agree ${result.converged}`,
    );
  report.data('fuzz', result);
}
