/**
 * `npm run bench` — the collaboration server's benchmarks, side by side with the reference
 * y-websocket server and a plain relay, in one run:
 *   1. edit-propagation latency (N clients, W typing at 5 edits/s)
 *   2. real editing traces (automerge-paper throughput + durability; concurrent traces)
 *   3. storage cost per stored edit as the document grows (FileDocumentStore vs lowdb rewrite)
 *   4. the drafting checker under load: edits to a small document while 100-page documents are typed
 *      into and checked (checker in worker threads vs inline)
 * Selectable only (not part of the full run): `npm run bench -- metadata` — the latency of one metadata
 * mutation with the metadata of 2,000 projects (bench/scenarios/metadata.ts); `npm run bench -- package` —
 * the submission package of a 100-page standard over HTTP while collaboration traffic runs
 * (bench/scenarios/package.ts); `npm run bench -- history` — the change history after the automerge-paper
 * trace: first page, clause filter, storage (bench/scenarios/history.ts); `npm run bench -- diff` — the
 * difference between the first and last version of a 100-page standard (bench/scenarios/diff.ts);
 * `npm run bench -- soak` — server memory over a 30-minute soak of documents opened, typed into, read
 * through the API and closed (bench/scenarios/soak.ts; BENCH_SOAK_MINUTES); `npm run bench -- fuzz` —
 * 10⁵ malformed frames into a document being typed into (bench/scenarios/fuzz.ts; BENCH_FUZZ_FRAMES);
 * `npm run bench -- pg-latency pg-documents pg-metadata pg-traces` — past one machine: instances on PostgreSQL
 * joined through Redis, PostgreSQL storage vs the embedded store (bench/scenarios/pastOneMachine.ts);
 * `npm run bench -- editor` — the editor at 100 pages in Chromium (bench/editor/run.ts, = `npm run bench:editor`).
 * Results: stdout as the run goes, bench/results/latest.md and latest.json. See bench/README.md.
 *
 * Environment:
 *   BENCH_QUICK=1            short smoke run (~2 min)
 *   BENCH_ONLY=latency,traces,storage,checker   run a subset; or name them as arguments:
 *                            `npm run bench -- checker` (`npm run bench -- latency storage`)
 *   BENCH_SERVERS=ours,reference,relay  servers to compare (default: all)
 *   BENCH_LATENCY=20x5,50x10,100x100   latency configurations (N x W)
 *   BENCH_QUIET_WAIT_MS=ms   wait up to this long for a quiet machine before each timed run
 *   BENCH_ROUNDS=n           latency rounds per configuration (interleaved; default 2, quick 1)
 *   BENCH_DURATION_MS=ms     typing time per latency run (default 10000, quick 3000)
 *   BENCH_PROFILE=ours       write V8 CPU profiles of that server to bench/results/profiles
 *   BENCH_OURS_ENTRY=path    benchmark another build of server/app.ts
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { SERVER_KINDS, SERVER_LABEL } from './lib/ipc.js';
import type { ServerKind } from './lib/ipc.js';
import { ServerProcess, LOG_DIR } from './lib/serverProcess.js';
import { ourServerAvailable } from './lib/oursServer.js';
import { machineInfo, packageVersions, waitForQuiet } from './lib/machine.js';
import { Report, progress } from './lib/report.js';
import type { Cell } from './lib/report.js';
import { fmt, fmtBytes, fmtInt, ratio, summarize } from './lib/stats.js';
import type { LatencySummary } from './lib/stats.js';
import { loadConcurrentTrace, loadSequentialTrace, precomputeFrames } from './lib/traces.js';
import { runLatency } from './scenarios/latency.js';
import type { LatencyConfig, LatencyResult } from './scenarios/latency.js';
import { TRACE_TEXT, checkAfterRestart, replayConcurrent, replaySequential } from './scenarios/traces.js';
import type { ConcurrentReplayResult, FreshRead, SequentialReplayResult } from './scenarios/traces.js';
import { runCompactionMerge, runStorage } from './scenarios/storage.js';
import type { CompactionRow, StorageRow } from './scenarios/storage.js';
import { encodeCostMs, runCheckerLoad } from './scenarios/checkerLoad.js';
import type { CheckerLoadResult, CheckerMode } from './scenarios/checkerLoad.js';
import { buildLargeStandard } from './lib/largeStandard.js';
import { metadataBenchmark } from './scenarios/metadata.js';
import { packageBenchmark } from './scenarios/package.js';
import { historyBenchmark } from './scenarios/history.js';
import { diffBenchmark } from './scenarios/diff.js';
import { soakBenchmark } from './scenarios/soak.js';
import { fuzzBenchmark } from './scenarios/fuzz.js';
import { pastOneMachineBenchmarks } from './scenarios/pastOneMachine.js';
import { runEditorBenchmark } from './editor/run.js';

const QUICK = process.env.BENCH_QUICK === '1';
/** The benchmarks to run: the command's arguments (`npm run bench -- checker`), else BENCH_ONLY, else all. */
const ALL = 'latency,traces,storage,checker';
const SELECTED = process.argv.slice(2).join(',') || process.env.BENCH_ONLY || ALL;
const ONLY = new Set(SELECTED.split(',').map((s) => s.trim()));
/** A full run writes results/latest.*; a partial one results/latest-<names>.* (the full run's tables stay). */
const RESULTS_NAME = SELECTED === ALL ? 'latest' : `latest-${[...ONLY].join('-')}`;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? (QUICK ? 1 : 2));
const DURATION_MS = Number(process.env.BENCH_DURATION_MS ?? (QUICK ? 3000 : 8000));
const RATE = 5;
/** `BENCH_LATENCY=20x5,50x10,100x100` (N x W) overrides the configurations. */
const LATENCY_CONFIGS: LatencyConfig[] = (process.env.BENCH_LATENCY ?? '20x5,50x10,100x100').split(',').map((spec) => {
  const [clients, writers] = spec.split('x').map(Number);
  if (!clients || !writers || writers > clients) throw new Error(`bad latency configuration ${spec}`);
  return { clients, writers };
});
const TRACE_PREFIX = QUICK ? 20_000 : Infinity;
const CONCURRENT_TRACES = QUICK ? ['friendsforever'] : ['clownschool', 'friendsforever'];
const WINDOW = 256;
const STORAGE_SIZES = [1_000, 10_000, 100_000, 1_000_000];
const STORAGE_EDITS = QUICK ? 50 : 500;
/** Before each timed run, wait up to this long for other work on the machine to calm down. */
const QUIET_WAIT_MS = Number(process.env.BENCH_QUIET_WAIT_MS ?? (QUICK ? 2000 : 5000));
let quietWaitedMs = 0;

async function quiet(): Promise<void> {
  const { waitedMs } = await waitForQuiet(QUIET_WAIT_MS);
  quietWaitedMs += waitedMs;
}

function selectedServers(): ServerKind[] {
  const wanted = (process.env.BENCH_SERVERS ?? SERVER_KINDS.join(',')).split(',').map((s) => s.trim());
  const kinds = SERVER_KINDS.filter((k) => wanted.includes(k));
  if (kinds.includes('ours') && !ourServerAvailable()) {
    console.warn('server/app.ts not found: OUR server is skipped (set BENCH_OURS_ENTRY to use another entry).');
    return kinds.filter((k) => k !== 'ours');
  }
  return kinds;
}

const servers = selectedServers();
const machine = machineInfo();
const startedAt = new Date();
const report = new Report([
  '# Benchmark results',
  '',
  `Run of ${startedAt.toISOString()} — ${QUICK ? '**quick smoke run** (BENCH_QUICK=1: shorter, smaller)' : 'full run'}${SELECTED === ALL ? '' : ` of ${[...ONLY].join(', ')}`}; ` +
    `machine: ${machine.cores} cores (${machine.model}), ${machine.memoryGb} GB, Node ${machine.node}, ${machine.platform}.`,
  `Libraries: ${Object.entries(packageVersions())
    .map(([name, version]) => `${name} ${version}`)
    .join(', ')}.`,
  `Servers: ${servers.map((k) => SERVER_LABEL[k]).join(', ')}; each in its own child process on 127.0.0.1; clients in the benchmark process.`,
]);
report.data('machine', machine);
report.data('mode', QUICK ? 'quick' : 'full');

const running = new Set<ServerProcess>();
const dataDirs: string[] = [];

async function startServer(kind: ServerKind, dataDir?: string): Promise<ServerProcess> {
  let dir = dataDir;
  if (kind === 'ours' && !dir) {
    dir = await mkdtemp(join(tmpdir(), 'bench-ours-'));
    dataDirs.push(dir);
  }
  const server = await ServerProcess.start(kind, { dataDir: dir });
  running.add(server);
  return server;
}

async function stopServer(server: ServerProcess): Promise<void> {
  running.delete(server);
  await server.close();
}

function collectProblems(server: ServerProcess, into: Map<string, string[]>): void {
  const lines = server.problems();
  if (lines.length > 0) into.set(server.logFile, lines);
}

const serverProblems = new Map<string, string[]>();
const findings: string[] = [];

// ───────────────────────────── 1. latency ─────────────────────────────

function pooled(results: LatencyResult[]): LatencySummary {
  const total = results.reduce((n, r) => n + r.samples.length, 0);
  const all = new Float64Array(total);
  let offset = 0;
  for (const r of results) {
    all.set(r.samples, offset);
    offset += r.samples.length;
  }
  return summarize(all);
}

async function latencyBenchmark(): Promise<void> {
  report.section('1. Edit-propagation latency', [
    `N clients in one fresh document, W of them typing ${RATE} edits/s each for ${DURATION_MS / 1000} s (tokens inserted into a Y.Text).`,
    'Latency = send → arrival of the update frame at each other client (one clock, clients in the benchmark process); ' +
      `${ROUNDS} round(s) per configuration with N ≥ 50 (1 for N=20), servers interleaved (A B C, then C B A); percentiles pool all rounds. ` +
      'Server CPU ms/edit = the server process’s CPU time during the run ÷ edits (each edit is broadcast to N−1 clients); it depends far less on other load than latency does. ' +
      '“Other load” = cores used by other processes on the machine during the run (the machine is shared; compare rows with similar other load).',
  ]);
  const byServer = new Map<ServerKind, ServerProcess>();
  for (const kind of servers) {
    try {
      byServer.set(kind, await startServer(kind));
    } catch (error) {
      findings.push(
        `latency: ${kind} did not start: ${error instanceof Error ? error.message.split('\n').slice(0, 3).join(' ') : String(error)}`,
      );
    }
  }
  const all: LatencyResult[] = [];
  try {
    for (const config of LATENCY_CONFIGS) {
      const results: LatencyResult[] = [];
      // The configurations with targets get all rounds; N=20, W=5 (light load) one.
      const rounds = config.clients >= 50 ? ROUNDS : 1;
      for (let round = 0; round < rounds; round++) {
        const order = round % 2 === 0 ? servers : [...servers].reverse();
        for (const kind of order) {
          if (!byServer.has(kind)) continue;
          progress(`latency N=${config.clients} W=${config.writers}, round ${round + 1}/${rounds}: ${kind}`);
          try {
            await quiet();
            const result = await runLatency(byServer.get(kind)!, config, {
              durationMs: DURATION_MS,
              ratePerSecond: RATE,
              settleMs: QUICK ? 10_000 : 30_000,
            });
            progress(
              `${kind}: p50 ${fmt(result.latencyMs.p50)} ms, p99 ${fmt(result.latencyMs.p99)} ms, lost ${result.lostDeliveries}, ` +
                `server ${fmt(result.serverStats.cpuShare, 2)} cores, other load ${fmt(result.load.otherCores, 2)} cores`,
            );
            results.push(result);
          } catch (error) {
            const message = error instanceof Error ? error.message : String(error);
            findings.push(`latency N=${config.clients} W=${config.writers} on ${kind} failed: ${message}`);
            progress(`${kind} failed: ${message}`);
          }
        }
      }
      all.push(...results);
      const rows: Cell[][] = servers.map((kind) => {
        const mine = results.filter((r) => r.server === kind);
        if (mine.length === 0) return [kind, 'failed', '', '', '', '', '', '', '', '', '', '', ''];
        const p = pooled(mine);
        const sum = (f: (r: LatencyResult) => number): number => mine.reduce((a, r) => a + f(r), 0);
        const mean = (f: (r: LatencyResult) => number): number => sum(f) / mine.length;
        const lost = sum((r) => r.lostDeliveries);
        const lostEdits = sum((r) => r.lostEdits);
        const converged = mine.every((r) => r.converged) ? 'yes' : mine.map((r) => r.convergence).join('; ');
        return [
          kind,
          `${fmtInt(sum((r) => r.editsSent))} (${fmt(
            mean((r) => r.achievedRate),
            0,
          )}/s)`,
          fmt(
            sum((r) => r.serverStats.cpuMs) /
              Math.max(
                1,
                sum((r) => r.editsSent),
              ),
            2,
          ),
          lost === 0 ? '0' : `**${fmtInt(lost)}** deliveries (${fmtInt(lostEdits)} edits)`,
          converged,
          fmt(p.p50),
          fmt(p.p99),
          fmt(p.max),
          mine.map((r) => fmt(r.latencyMs.p99)).join(' / '),
          fmt(
            mean((r) => r.serverStats.cpuShare),
            2,
          ),
          fmt(
            mean((r) => r.serverStats.elu),
            2,
          ),
          fmt(Math.max(...mine.map((r) => r.serverStats.loopDelayMaxMs)), 0),
          fmt(
            mean((r) => r.load.otherCores),
            2,
          ),
        ];
      });
      report.table({
        title: `N=${config.clients}, W=${config.writers}`,
        headers: [
          'server',
          'edits sent',
          'server CPU ms/edit',
          'lost',
          'converged',
          'p50 ms',
          'p99 ms',
          'max ms',
          'p99 per round',
          'server CPU (cores)',
          'server ELU',
          'server loop delay max ms',
          'other load (cores)',
        ],
        rows,
        notes: [],
      });
    }
  } finally {
    for (const server of byServer.values()) {
      await stopServer(server);
      collectProblems(server, serverProblems);
    }
  }
  report.data(
    'latency',
    all.map(({ samples: _samples, ...rest }) => rest),
  );
  latencyTargets(all);
}

function latencyTargets(all: LatencyResult[]): void {
  if (!servers.includes('ours')) return;
  const pick = (kind: ServerKind, n: number, w: number): LatencySummary | null => {
    const rs = all.filter((r) => r.server === kind && r.clients === n && r.writers === w);
    return rs.length > 0 ? pooled(rs) : null;
  };
  const rows: Cell[][] = [];
  const verdict = (ok: boolean | null): string => (ok === null ? 'n/a' : ok ? 'met' : '**not met**');
  const ours50 = pick('ours', 50, 10);
  const ref50 = pick('reference', 50, 10);
  const relay50 = pick('relay', 50, 10);
  const ours100 = pick('ours', 100, 100);
  const relay100 = pick('relay', 100, 100);
  rows.push([
    'N=50, W=10: p99 no worse than reference',
    ours50 && ref50 ? `${fmt(ours50.p99)} vs ${fmt(ref50.p99)} ms (${ratio(ours50.p99, ref50.p99)})` : 'n/a',
    verdict(ours50 && ref50 ? ours50.p99 <= ref50.p99 : null),
  ]);
  rows.push([
    'N=50, W=10: p99 within 1.5× relay',
    ours50 && relay50 ? `${fmt(ours50.p99)} vs ${fmt(relay50.p99)} ms (${ratio(ours50.p99, relay50.p99)})` : 'n/a',
    verdict(ours50 && relay50 ? ours50.p99 <= 1.5 * relay50.p99 : null),
  ]);
  const ours100Runs = all.filter((r) => r.server === 'ours' && r.clients === 100 && r.writers === 100);
  const lost = ours100Runs.reduce((a, r) => a + r.lostDeliveries, 0);
  const converged = ours100Runs.every((r) => r.converged);
  rows.push([
    'N=W=100: no edit lost (and all clients converge)',
    ours100Runs.length > 0 ? `${lost} lost deliveries, ${converged ? 'converged' : 'NOT converged'}` : 'n/a',
    verdict(ours100Runs.length > 0 ? lost === 0 && converged : null),
  ]);
  rows.push([
    'N=W=100: p99 within 1.5× relay',
    ours100 && relay100
      ? `${fmt(ours100.p99)} vs ${fmt(relay100.p99)} ms (${ratio(ours100.p99, relay100.p99)})`
      : 'n/a',
    verdict(ours100 && relay100 ? ours100.p99 <= 1.5 * relay100.p99 : null),
  ]);
  report.table({ title: 'Latency targets (ours)', headers: ['target', 'measured', 'verdict'], rows, notes: [] });
  report.data('latencyTargets', rows);
}

// ───────────────────────────── 2. traces ─────────────────────────────

function freshCell(read: FreshRead | null): string {
  if (!read) return 'n/a (relay keeps no state)';
  return read.ok ? `ok (${fmt(read.syncMs, 0)} ms)` : `**FAILED**: ${read.detail}`;
}

async function traceBenchmark(): Promise<void> {
  report.section('2. Real editing traces', [
    'Traces from josephg/editing-traces (CC BY 4.0). automerge-paper: one writer sends one update per trace transaction, ' +
      `at most ${WINDOW} edits in flight (an edit is done when observer 0 received its broadcast); 3 observers; ` +
      'the rate is the server’s (clients do no CRDT work while timed). Concurrent traces: one y-websocket client per agent, ' +
      'each transaction applied at exactly its parents’ version (waiting for the server to deliver them).',
  ]);
  progress('loading automerge-paper and replaying it locally once (precomputing the update frames)');
  const trace = loadSequentialTrace('automerge-paper');
  const count = Math.min(TRACE_PREFIX, trace.txns.length);
  const pre = precomputeFrames(trace, count, TRACE_TEXT);
  const expected = count === trace.txns.length ? trace.endContent : pre.finalText;
  if (count === trace.txns.length && pre.finalText !== trace.endContent)
    findings.push('local Yjs replay of automerge-paper does not give endContent (harness bug?)');
  report.note(
    `automerge-paper: ${fmtInt(count)} of ${fmtInt(trace.txns.length)} transactions${count < trace.txns.length ? ' (prefix, quick run)' : ''}; ` +
      `local replay into one Y.Doc took ${fmt(pre.localReplayMs / 1000, 2)} s; updates average ${fmt(pre.updateBytes / count, 1)} bytes; ` +
      `final state ${fmtBytes(pre.stateBytesV1)} (V1) / ${fmtBytes(pre.stateBytesV2)} (V2); final text ${fmtInt(expected.length)} characters.`,
  );
  const concurrent = CONCURRENT_TRACES.map((name) => ({ name, trace: loadConcurrentTrace(name) }));

  const sequentialResults: SequentialReplayResult[] = [];
  const concurrentResults: ConcurrentReplayResult[] = [];
  const durable: { label: string; documentId: string; expected: string }[] = [];
  let oursDataDir: string | null = null;
  for (const kind of servers) {
    let server: ServerProcess;
    try {
      server = await startServer(kind);
    } catch (error) {
      findings.push(
        `traces: ${kind} did not start: ${error instanceof Error ? error.message.split('\n').slice(0, 3).join(' ') : String(error)}`,
      );
      continue;
    }
    if (kind === 'ours') oursDataDir = dataDirs[dataDirs.length - 1] ?? null;
    try {
      progress(`automerge-paper through ${kind}`);
      await quiet();
      const result = await replaySequential(server, pre.frames, expected, {
        window: WINDOW,
        stallTimeoutMs: 60_000,
        label: 'automerge-paper',
        writerClientId: pre.writerClientId,
        endClocks: pre.endClocks,
      });
      sequentialResults.push(result);
      progress(
        `${kind}: ${fmtInt(result.editsPerSecond)} edits/s, ${fmt(result.serverCpuUsPerEdit, 1)} µs server CPU per edit`,
      );
      if (kind === 'ours') durable.push({ label: 'automerge-paper', documentId: result.document.documentId, expected });
      for (const { name, trace: ct } of concurrent) {
        progress(`${name} through ${kind}`);
        const r = await replayConcurrent(server, name, ct, { stallTimeoutMs: 30_000 });
        concurrentResults.push(r);
        if (kind === 'ours') durable.push({ label: name, documentId: r.document.documentId, expected: ct.endContent });
      }
    } catch (error) {
      findings.push(`traces on ${kind} failed: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      await stopServer(server);
      collectProblems(server, serverProblems);
    }
  }

  const refRate = sequentialResults.find((r) => r.server === 'reference')?.editsPerSecond ?? NaN;
  report.table({
    title: `automerge-paper (${fmtInt(count)} edits, window ${WINDOW})`,
    headers: [
      'server',
      'time s',
      'edits/s',
      'vs reference',
      'server CPU µs/edit',
      'server CPU (cores)',
      'server loop delay max ms',
      'observers == expected',
      'fresh client == expected (sync time)',
      'loop delay max ms after replay',
      'other load (cores)',
      'error',
    ],
    rows: sequentialResults.map((r) => [
      r.server,
      fmt(r.elapsedMs / 1000, 2),
      fmtInt(r.editsPerSecond),
      ratio(r.editsPerSecond, refRate),
      fmt(r.serverCpuUsPerEdit, 1),
      fmt(r.serverStats.cpuShare, 2),
      fmt(r.serverStats.loopDelayMaxMs, 0),
      r.observersOk ? 'yes' : `**no**: ${r.observerDetail}`,
      freshCell(r.freshClient),
      fmt(r.afterReplay.loopDelayMaxMs, 0),
      fmt(r.load.otherCores, 2),
      r.error ?? '',
    ]),
    notes: [
      '“Loop delay max after replay”: the longest the server’s event loop was blocked between the end of the timed phase and the fresh client’s sync (debounced store, compaction).',
    ],
  });
  report.table({
    title: 'Concurrent traces (one client per agent)',
    headers: [
      'trace',
      'server',
      'txns',
      'agents',
      'time s',
      'txns/s',
      'waits for delivery',
      'mean wait ms',
      'all agents == endContent',
      'fresh client == endContent',
      'error',
    ],
    rows: concurrentResults.map((r) => [
      r.trace,
      r.server,
      fmtInt(r.txns),
      r.agents,
      fmt(r.elapsedMs / 1000, 2),
      fmtInt(r.txnsPerSecond),
      fmtInt(r.waits),
      fmt(r.meanWaitMs, 2),
      r.mirrorsOk ? 'yes' : `**no**: ${r.mirrorDetail}`,
      freshCell(r.freshClient),
      r.error ?? '',
    ]),
    notes: [],
  });

  let durability: { label: string; read: FreshRead }[] = [];
  if (servers.includes('ours') && oursDataDir && durable.length > 0) {
    progress('restarting OUR server on the same data dir (durability)');
    let restarted: ServerProcess | null = null;
    try {
      restarted = await startServer('ours', oursDataDir);
      durability = await checkAfterRestart(restarted, durable);
    } catch (error) {
      findings.push(`durability check failed: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      if (restarted) {
        await stopServer(restarted);
        collectProblems(restarted, serverProblems);
      }
    }
    report.table({
      title: 'Durability: OUR server restarted on the same data dir',
      headers: ['document', 'fresh client after restart == expected', 'load + sync time ms'],
      rows: durability.map((d) => [d.label, d.read.ok ? 'yes' : `**no**: ${d.read.detail}`, fmt(d.read.syncMs, 0)]),
      notes: [
        'The server was closed gracefully (it stores everything on close) and started again on the same data dir; a fresh y-websocket client then synced each document.',
      ],
    });
  }
  report.data('traces', {
    automergePaper: {
      edits: count,
      localReplayMs: pre.localReplayMs,
      stateBytesV1: pre.stateBytesV1,
      stateBytesV2: pre.stateBytesV2,
      results: sequentialResults.map(({ document, ...rest }) => ({ ...rest, documentId: document.documentId })),
    },
    concurrent: concurrentResults.map(({ document, ...rest }) => ({ ...rest, documentId: document.documentId })),
    durability,
  });
}

// ───────────────────────────── 3. storage ─────────────────────────────

async function storageBenchmark(): Promise<void> {
  report.section('3. Storage cost per stored edit as the document grows', [
    `For each size: a document grown to that many characters, then ${STORAGE_EDITS} single-keystroke updates stored one store call each. ` +
      'ours = FileDocumentStore (append + fsync; compaction amortized at its default threshold); ' +
      'baseline = one lowdb JSON file with the whole state in base64, rewritten per store (tmp file + rename, no fsync). ' +
      'Bytes = write() bytes of the process (/proc/self/io wchar).',
  ]);
  let rows: StorageRow[] = [];
  try {
    rows = await runStorage(STORAGE_SIZES, STORAGE_EDITS);
  } catch (error) {
    findings.push(`storage benchmark failed: ${error instanceof Error ? error.message : String(error)}`);
  }
  const sizes = [...new Set(rows.map((r) => r.textBytes))];
  report.table({
    title: 'Bytes written and time per stored edit',
    headers: [
      'text',
      'state',
      'ours: bytes/edit (append + compaction)',
      'ours: µs/edit mean (p99)',
      'ours: compaction (every ~n edits)',
      'lowdb: bytes/edit',
      'lowdb: µs/edit mean (p99)',
      'lowdb / ours bytes',
    ],
    rows: sizes.map((size) => {
      const ours = rows.find((r) => r.textBytes === size && r.layout === 'ours');
      const low = rows.find((r) => r.textBytes === size && r.layout === 'lowdb');
      return [
        fmtBytes(size),
        ours ? fmtBytes(ours.stateBytes) : '',
        ours
          ? `${fmtInt(ours.totalBytesPerEdit)} (${fmtInt(ours.bytesWrittenPerEdit)} + ${fmtInt(ours.compactionBytesPerEdit)})`
          : '',
        ours ? `${fmtInt(ours.totalUsPerEdit)} (${fmtInt(ours.p99UsPerEdit)})` : '',
        ours ? `${fmt(ours.compactionMs, 0)} ms (${fmtInt(ours.editsPerCompaction)})` : '',
        low ? fmtBytes(low.totalBytesPerEdit) : '',
        low ? `${fmtInt(low.totalUsPerEdit)} (${fmtInt(low.p99UsPerEdit)})` : '',
        ours && low ? ratio(low.totalBytesPerEdit, ours.totalBytesPerEdit) : '',
      ];
    }),
    notes: [],
  });
  report.data('storage', rows);

  const counts = QUICK ? [2_000, 4_000, 8_000] : [2_000, 4_000, 8_000, 12_000, 16_000];
  let compaction: CompactionRow[] = [];
  try {
    const pre = precomputeFrames(loadSequentialTrace('automerge-paper'), Math.max(...counts), 'content');
    compaction = await runCompactionMerge(pre.updates, counts);
  } catch (error) {
    findings.push(`compaction benchmark failed: ${error instanceof Error ? error.message : String(error)}`);
  }
  report.table({
    title: 'Compaction of a burst (FileDocumentStore, one user, real keystroke updates from automerge-paper)',
    headers: [
      'updates in the log',
      'update bytes',
      'one append ms',
      'compacted in that append',
      'mergeIntoWindows alone ms',
      'chunked merge (64) ms',
      'chunked gives identical bytes',
    ],
    rows: compaction.map((r) => [
      fmtInt(r.updates),
      fmtBytes(r.logBytes),
      fmtInt(r.appendWithCompactionMs),
      r.compacted ? 'yes' : 'no (log below 256 KB)',
      fmtInt(r.mergeIntoWindowsMs),
      fmtInt(r.chunkedMergeMs),
      r.sameBytes ? 'yes' : 'no',
    ]),
    notes: [
      'One append holding all the updates, as the server’s debounced store (max wait 1.5 s) produces under fast input; it exceeds the log threshold and compacts in the same call. ' +
        'The append waits for the compaction, which runs in the store’s worker thread: the server’s event loop (and every live document) keeps going meanwhile.',
    ],
  });
  report.data('compaction', compaction);
}

// ───────────────────────────── 4. checker ─────────────────────────────

async function checkerBenchmark(): Promise<void> {
  const durationMs = QUICK ? 8000 : 20_000;
  const largeCounts = QUICK ? [1] : [1, 3];
  const modes: CheckerMode[] = ['inline', 'worker'];
  report.section('4. The drafting checker under load', [
    `One server (ours); K 100-page standards (generated by bench/lib/largeStandard.ts) loaded through y-websocket clients and typed into at 10 keys/s each, ` +
      `so the server checks each of them every 0.8–3 s; meanwhile a writer types 10 edits/s for ${durationMs / 1000} s into a small document of another project, ` +
      'and a second client of that document timestamps every edit: propagation = send → arrival (one clock). ' +
      'inline = the checker on the server’s event loop (as before the worker pool; `checker: { mode: "inline" }`), worker = the checker’s worker pool (default). ' +
      'Event-loop delay of the server over the timed phase (monitorEventLoopDelay, 5 ms resolution). Checks = server presence updates the typing clients saw.',
  ]);
  if (!servers.includes('ours')) {
    report.note('Skipped: OUR server is not selected.');
    return;
  }
  const content = buildLargeStandard();
  const encode = encodeCostMs(content);
  const results: CheckerLoadResult[] = [];
  for (const largeDocuments of largeCounts) {
    for (const mode of modes) {
      progress(`checker: ${mode}, ${largeDocuments} large document(s)`);
      try {
        await quiet();
        const result = await runCheckerLoad({ mode, largeDocuments, durationMs, content });
        progress(
          `${mode}: p50 ${fmt(result.propagationMs.p50)} ms, p99 ${fmt(result.propagationMs.p99)} ms, ` +
            `loop delay p99 ${fmt(result.serverStats.loopDelayP99Ms)} ms, checks ${result.checksSeen}`,
        );
        results.push(result);
      } catch (error) {
        findings.push(
          `checker ${mode} ×${largeDocuments} failed: ${error instanceof Error ? error.message : String(error)}`,
        );
      }
    }
  }
  report.table({
    title: 'Edits to a small document while 100-page documents are typed into and checked',
    headers: [
      'checker',
      'large docs',
      'small-doc edits',
      'lost',
      'p50 ms',
      'p95 ms',
      'p99 ms',
      'max ms',
      'server loop delay p99 ms',
      'server loop delay max ms',
      'checks',
      'server CPU (cores)',
      'other load (cores)',
    ],
    rows: results.map((r) => [
      r.mode,
      r.largeDocuments,
      fmtInt(r.edits),
      fmtInt(r.lost),
      fmt(r.propagationMs.p50),
      fmt(r.propagationMs.p95),
      fmt(r.propagationMs.p99),
      fmt(r.propagationMs.max),
      fmt(r.serverStats.loopDelayP99Ms),
      fmt(r.serverStats.loopDelayMaxMs, 0),
      fmtInt(r.checksSeen),
      fmt(r.serverStats.cpuShare, 2),
      fmt(r.load.otherCores, 2),
    ]),
    notes: [
      `Encoding the 100-page standard’s state (Y.encodeStateAsUpdate, ${fmtBytes(encode.stateBytes)}), the part of a check left on the event loop: ${fmt(encode.medianMs)} ms (median of 10, in the benchmark process).`,
    ],
  });
  report.data('checker', { encode, results });
}

// ───────────────────────────── main ─────────────────────────────

async function cleanup(): Promise<void> {
  await Promise.allSettled([...running].map((s) => s.close()));
  running.clear();
  if (!process.env.BENCH_KEEP_DATA)
    await Promise.allSettled(dataDirs.map((d) => rm(d, { recursive: true, force: true })));
}

process.on('SIGINT', () => {
  void cleanup().finally(() => process.exit(130));
});

async function main(): Promise<void> {
  rmSync(LOG_DIR, { recursive: true, force: true });
  const started = performance.now();
  try {
    if (ONLY.has('latency')) await latencyBenchmark();
    if (ONLY.has('traces')) await traceBenchmark();
    if (ONLY.has('storage')) await storageBenchmark();
    if (ONLY.has('checker')) await checkerBenchmark();
    if (ONLY.has('metadata')) await metadataBenchmark(report, QUICK, findings);
    if (ONLY.has('package')) await packageBenchmark(report, QUICK, findings);
    if (ONLY.has('history')) await historyBenchmark(report, QUICK, findings);
    if (ONLY.has('diff')) await diffBenchmark(report, QUICK, findings);
    if (ONLY.has('soak')) await soakBenchmark(report, QUICK, findings);
    if (ONLY.has('fuzz')) await fuzzBenchmark(report, QUICK, findings);
    await pastOneMachineBenchmarks(ONLY, report, QUICK, findings);
    // The editor benchmark writes its own tables into bench/README.md (bench/editor/run.ts).
    if (ONLY.has('editor')) await runEditorBenchmark();
  } finally {
    await cleanup();
  }
  report.section('Server log problems and harness findings');
  if (serverProblems.size === 0 && findings.length === 0)
    report.note('None: no warn/error lines in the servers’ logs, no failed phase.');
  for (const finding of findings) report.note(`- ${finding}`);
  for (const [file, lines] of serverProblems) {
    report.note(
      `- ${file.slice(file.indexOf('bench/'))}: ${lines.length} line(s) at warn or above, first: \`${lines[0]!.slice(0, 300)}\``,
    );
  }
  report.note(
    `Total run time: ${fmt((performance.now() - started) / 1000, 0)} s (of which ${fmt(quietWaitedMs / 1000, 0)} s waiting for the machine to be quiet before timed runs).`,
  );
  report.data('findings', findings);
  report.data('serverProblems', Object.fromEntries(serverProblems));
  const { md, json } = report.write(RESULTS_NAME);
  console.log(`\nResults written to ${md} and ${json}`);
}

await main();
