/**
 * Server benchmark — differences between versions of a 100-page standard.
 *
 * One server (ours, in its own child process). The 100-page standard (bench/lib/largeStandard.ts) is
 * loaded through a y-websocket client into a fresh project's standard text and named as the first
 * version; then the client makes `edits` separate edits spread over the whole document — phrases
 * inserted into paragraphs, a few characters deleted — each its own stored update, and the state is
 * named as the last version. The versions are listed (as the versions panel does, which has the
 * difference worker read the newest versions, the live text and the attribution index ahead; naming
 * a version already did for that version), then, timed over HTTP: the difference first → last (the
 * first, "cold", request is the first comparison), first → the live text, and the .docx of first →
 * last. The server's event-loop delay is
 * reported over the timed requests.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import * as Y from 'yjs';
import type { WebsocketProvider } from 'y-websocket';
import type { VersionDiffView } from '@shared/api/versionDiff.js';
import type { DocumentVersionView } from '@shared/domain/versions.js';
import { CONTENT_FIELD } from '@shared/editor/extensions.js';
import type { ProseMirrorJSON } from '@shared/editor/yjsContent.js';
import { writeJSONToYDoc } from '@shared/editor/yjsContent.js';
import { createProjectDocuments, login } from '../lib/api.js';
import { textNodes } from './checkerLoad.js';
import { connectProvider, whenSynced } from '../lib/providerClient.js';
import { ServerProcess } from '../lib/serverProcess.js';
import type { PhaseStats } from '../lib/serverProcess.js';
import { buildLargeStandard, seededRandom } from '../lib/largeStandard.js';
import { loadMark, loadSince } from '../lib/machine.js';
import type { LoadSummary } from '../lib/machine.js';
import { progress } from '../lib/report.js';
import type { Report } from '../lib/report.js';
import { fmt, fmtBytes, fmtInt, sleep, summarize } from '../lib/stats.js';
import type { LatencySummary } from '../lib/stats.js';

export interface DiffBenchOptions {
  content: ProseMirrorJSON;
  /** Separate edits between the first and the last version. */
  edits: number;
  /** Timed requests per kind (after the first, cold one). */
  repeats: number;
}

export interface DiffBenchResult {
  edits: number;
  characters: number;
  parts: number;
  changedParts: number;
  responseBytes: number;
  /** The first request: reads the stored history and builds the attribution index. */
  coldMs: number;
  firstToLastMs: LatencySummary;
  firstToCurrentMs: LatencySummary;
  docxMs: LatencySummary;
  serverStats: PhaseStats;
  /** Other work on the (shared) machine while the requests ran. */
  load: LoadSummary;
}

/** The issue's target for first → last of a 100-page standard. */
const TARGET_MS = 500;

const PHRASES = ['，并应符合相关规定', '（见附录A）', '不应', '及其配件', '应在出厂前', '0.5', '≥'];

async function api<T>(url: string, token: string, init: RequestInit = {}): Promise<{ body: T; bytes: number }> {
  const response = await fetch(url, {
    ...init,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...init.headers },
  });
  const buffer = await response.arrayBuffer();
  if (!response.ok)
    throw new Error(`${url}: HTTP ${response.status} ${new TextDecoder().decode(buffer).slice(0, 300)}`);
  const type = response.headers.get('content-type') ?? '';
  const body = (type.includes('json') ? JSON.parse(new TextDecoder().decode(buffer)) : null) as T;
  return { body, bytes: buffer.byteLength };
}

async function timed<T>(run: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const started = performance.now();
  const value = await run();
  return { ms: performance.now() - started, value };
}

export async function runDiffBench(options: DiffBenchOptions): Promise<DiffBenchResult> {
  const dataDir = await mkdtemp(join(tmpdir(), 'bench-diff-'));
  const server = await ServerProcess.start('ours', { dataDir });
  let client: { doc: Y.Doc; provider: WebsocketProvider } | null = null;
  try {
    const token = await login(server.httpUrl);
    const [standardId] = await createProjectDocuments(server.httpUrl, token, 'diff');
    const doc = new Y.Doc();
    const provider = connectProvider({ wsBase: server.wsBase, documentId: standardId!, params: { token } }, doc);
    client = { doc, provider };
    await whenSynced(provider, 60_000, 'diff document');
    doc.transact(() => {
      const fragment = doc.getXmlFragment(CONTENT_FIELD);
      fragment.delete(0, fragment.length);
      writeJSONToYDoc(doc, options.content);
    });
    const base = `${server.httpUrl}/api/documents/${standardId}`;
    const characters = doc.getXmlFragment(CONTENT_FIELD).toString().length;
    // The load reaches the server before the first version is named (a sync round trip).
    await sleep(2000);
    const name = async (versionName: string): Promise<DocumentVersionView> =>
      (
        await api<DocumentVersionView>(`${base}/versions`, token, {
          method: 'POST',
          body: JSON.stringify({ name: versionName }),
        })
      ).body;
    const first = await name('first');

    const random = seededRandom(7);
    const texts = textNodes(doc).filter((t) => t.length > 2);
    for (let i = 0; i < options.edits; i++) {
      const text = texts[Math.floor(random() * texts.length)]!;
      const at = Math.floor(random() * text.length);
      if (i % 4 === 3) text.delete(at, Math.min(2, text.length - at));
      else text.insert(at, PHRASES[i % PHRASES.length]!);
      // One stored update per edit, as typing sends them.
      if (i % 50 === 49) await sleep(20);
    }
    await sleep(2500);
    const last = await name('last');

    const diffUrl = (from: string, to: string): string => `${base}/diff?from=${from}&to=${to}`;
    // The versions panel lists them; a person then ticks two and asks for the difference.
    await api<DocumentVersionView[]>(`${base}/versions`, token);
    await sleep(3000);
    const before = await server.mark(true);
    const machine = loadMark();
    const cold = await timed(() => api<VersionDiffView>(diffUrl(first.id, last.id), token));
    const samples = { firstToLast: [] as number[], firstToCurrent: [] as number[], docx: [] as number[] };
    for (let i = 0; i < options.repeats; i++) {
      samples.firstToLast.push((await timed(() => api<VersionDiffView>(diffUrl(first.id, last.id), token))).ms);
      samples.firstToCurrent.push((await timed(() => api<VersionDiffView>(diffUrl(first.id, 'current'), token))).ms);
      samples.docx.push((await timed(() => api<null>(`${base}/diff.docx?from=${first.id}&to=${last.id}`, token))).ms);
    }
    const after = await server.mark();
    const serverStats = ServerProcess.phase(before, after);
    const view = cold.value.body;
    return {
      edits: options.edits,
      characters,
      parts: view.parts.length,
      changedParts: view.counts.changedParts,
      responseBytes: cold.value.bytes,
      coldMs: cold.ms,
      firstToLastMs: summarize(Float64Array.from(samples.firstToLast)),
      firstToCurrentMs: summarize(Float64Array.from(samples.firstToCurrent)),
      docxMs: summarize(Float64Array.from(samples.docx)),
      serverStats,
      load: loadSince(machine, serverStats.cpuMs),
    };
  } finally {
    client?.provider.destroy();
    client?.doc.destroy();
    await server.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}

/** Every figure against the target, the missed ones named. */
function targetVerdict(result: DiffBenchResult): string {
  const figures: [string, number][] = [
    ['cold', result.coldMs],
    ['first → last p50', result.firstToLastMs.p50],
    ['first → last max', result.firstToLastMs.max],
    ['first → current p50', result.firstToCurrentMs.p50],
    ['first → current max', result.firstToCurrentMs.max],
  ];
  const missed = figures.filter(([, ms]) => ms >= TARGET_MS);
  return missed.length === 0
    ? 'met'
    : `**not met**: ${missed.map(([label, ms]) => `${label} ${fmt(ms, 0)} ms`).join(', ')}`;
}

export async function diffBenchmark(report: Report, quick: boolean, findings: string[]): Promise<void> {
  const edits = quick ? 500 : 2000;
  const repeats = quick ? 3 : 10;
  report.section('Differences between versions of a 100-page standard', [
    `The 100-page standard of bench/lib/largeStandard.ts loaded into a fresh project (our server, its own child process) and named as the first version; ${fmtInt(edits)} separate edits spread over the document (phrases inserted, characters deleted; one stored update each), then named as the last version. ` +
      `The versions are listed (which starts the difference worker), then each request ${repeats}× end to end over HTTP: GET /api/documents/:id/diff first → last, first → current, and diff.docx first → last. ` +
      'Cold = the first difference: the worker read both versions, the current state and the attribution index ahead (when each version was named and when the versions were listed), so it is the first comparison itself; a repeated request with the same inputs (states, stored history, links) is answered from the worker’s last differences. Server event-loop delay over all requests (monitorEventLoopDelay, 5 ms resolution).',
  ]);
  let result: DiffBenchResult;
  try {
    progress(`diff: ${edits} edits, ${repeats} repeats`);
    result = await runDiffBench({ content: buildLargeStandard(), edits, repeats });
  } catch (error) {
    findings.push(`diff benchmark failed: ${error instanceof Error ? error.message : String(error)}`);
    return;
  }
  const p = (s: LatencySummary): string => `${fmt(s.p50, 0)} / ${fmt(s.max, 0)}`;
  report.table({
    title: 'Difference of the first and last version (100 pages)',
    headers: [
      'edits',
      'parts (changed)',
      'answer',
      'cold ms',
      'first → last p50 / max ms',
      'first → current p50 / max ms',
      '.docx p50 / max ms',
      'server loop delay p99 / max ms',
      'other load (cores) / load average',
      `target < ${TARGET_MS} ms (cold, first → last and first → current p50 and max)`,
    ],
    rows: [
      [
        fmtInt(result.edits),
        `${fmtInt(result.parts)} (${fmtInt(result.changedParts)})`,
        fmtBytes(result.responseBytes),
        fmt(result.coldMs, 0),
        p(result.firstToLastMs),
        p(result.firstToCurrentMs),
        p(result.docxMs),
        `${fmt(result.serverStats.loopDelayP99Ms)} / ${fmt(result.serverStats.loopDelayMaxMs, 0)}`,
        `${fmt(result.load.otherCores, 2)} / ${fmt(result.load.loadAverage1m, 1)}`,
        targetVerdict(result),
      ],
    ],
    notes: [
      'The comparison runs in the difference worker (server/versions/diff/diffWorker.ts), the .docx in the difference export worker (server/export/diffDocx/); the event loop only reads the states and the history, encodes the live state and serializes the answer.',
    ],
  });
  report.data('diff', result);
}
