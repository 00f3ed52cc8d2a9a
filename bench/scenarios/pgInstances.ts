/**
 * Past one machine, collaboration (issue 16): instances of our server on one PostgreSQL, joined
 * through Redis (docs/architecture.md, "Several instances (Redis)").
 *
 * - `pg-latency`: N=50 clients, W=10 typing at 5 edits/s into one document, all clients on instance
 *   A vs split over A and B (alternately), in one run, two rounds each interleaved (single, split,
 *   split, single); with the server's store debounce (500 ms, at most 1.5 s) and with a debounce of 0.
 *   Goal: cross-instance p99 ≤ 2× the single-instance p99.
 * - `pg-documents`: 200 documents × 10 editors (5 on A, 5 on B per document), everyone typing; p99,
 *   CPU and RSS per instance; then both instances are closed and every document's text is read from
 *   PostgreSQL: it must hold every edit typed, exactly once.
 */
import { loadavg } from 'node:os';
import pg from 'pg';
import * as Y from 'yjs';
import { PostgresDocumentStore } from '../../server/storage/postgres/PostgresDocumentStore.js';
import { createProjectDocuments, login } from '../lib/api.js';
import type { BenchDocument } from '../lib/api.js';
import { PG_FSYNC, startCluster, startDurablePostgres } from '../lib/cluster.js';
import type { StorePolicyOverride } from '../lib/cluster.js';
import { waitForQuiet } from '../lib/machine.js';
import { progress } from '../lib/report.js';
import type { Cell, Report } from '../lib/report.js';
import type { ServerProcess } from '../lib/serverProcess.js';
import { fmt, fmtInt, ratio, summarize } from '../lib/stats.js';
import type { LatencySummary } from '../lib/stats.js';
import { TEXT_NAME, checkFinalText } from './latency.js';
import { runSpreadTyping } from './spreadTyping.js';
import type { SpreadResult } from './spreadTyping.js';

async function documentsOn(instance: ServerProcess, count: number, label: string): Promise<BenchDocument[]> {
  const token = await login(instance.httpUrl);
  const documents: BenchDocument[] = [];
  for (let p = 0; documents.length < count; p++) {
    for (const documentId of await createProjectDocuments(instance.httpUrl, token, `${label}-${p}`)) {
      if (documents.length < count) documents.push({ wsBase: instance.wsBase, documentId, params: { token } });
    }
  }
  return documents;
}

function loadAverage(): number {
  return loadavg()[0] ?? NaN;
}

/** Pools the samples of several rounds (same-instance, cross-instance or both). */
function pooled(runs: LatencyRun[], which: 'same' | 'cross' | 'all'): LatencySummary {
  const parts = runs.flatMap((r) =>
    which === 'all' ? [r.result.samples.same, r.result.samples.cross] : [r.result.samples[which]],
  );
  const all = new Float64Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const part of parts) {
    all.set(part, offset);
    offset += part.length;
  }
  return summarize(all);
}

const POLICIES: { label: string; store?: StorePolicyOverride }[] = [
  { label: 'store debounce 500 ms, max wait 1.5 s (default)' },
  { label: 'store debounce 0', store: { debounceMs: 0, maxWaitMs: 0 } },
];

interface LatencyRun {
  policy: string;
  placement: 'one instance' | 'two instances';
  result: SpreadResult;
  loadAverage: number;
}

function perRound(runs: LatencyRun[], pick: (r: SpreadResult) => LatencySummary): string {
  return runs.map((r) => fmt(pick(r.result).p99)).join(' / ');
}

export async function pgLatencyBenchmark(report: Report, quick: boolean, findings: string[]): Promise<void> {
  const durationMs = quick ? 3000 : 8000;
  report.section('Past one machine: edit propagation over two instances (PostgreSQL + Redis)', [
    `Two instances of our server (child processes) on one PostgreSQL (${PG_FSYNC}) joined through Redis. N=50 clients in one fresh document, W=10 typing 5 edits/s each for ${durationMs / 1000} s ` +
      '(the latency benchmark’s tokens and clients). “one instance”: all clients on A (B running, idle); “two instances”: clients alternately on A and B (writers too), ' +
      'samples split by whether the receiver is on the writer’s instance. Two rounds per placement, interleaved (one, two, two, one); p99 per round shown as a / b.',
  ]);
  const postgres = await startDurablePostgres();
  const runs: LatencyRun[] = [];
  try {
    for (const policy of POLICIES) {
      progress(`pg-latency: ${policy.label}: starting PostgreSQL database, Redis and two instances`);
      const cluster = await startCluster(postgres, 2, policy.store);
      try {
        const [a, b] = cluster.instances;
        const order: LatencyRun['placement'][] = ['one instance', 'two instances', 'two instances', 'one instance'];
        for (const [round, placement] of order.entries()) {
          const [document] = await documentsOn(a!, 1, `latency-${round}`);
          await waitForQuiet(5000);
          progress(`pg-latency: ${policy.label}, ${placement}, round ${Math.floor(round / 2) + 1}`);
          const result = await runSpreadTyping({
            documents: [document!],
            instances: [a!, b!],
            clientsPerDocument: 50,
            writersPerDocument: 10,
            placeOf: placement === 'one instance' ? () => 0 : (c) => c % 2,
            ratePerSecond: 5,
            durationMs,
            settleMs: 30_000,
          });
          progress(
            `p99 ${fmt(result.all.p99)} ms (same instance ${fmt(result.sameInstance.p99)}, cross ${fmt(result.crossInstance.p99)}), lost ${result.lostDeliveries}`,
          );
          runs.push({ policy: policy.label, placement, result, loadAverage: loadAverage() });
        }
      } catch (error) {
        findings.push(`pg-latency (${policy.label}) failed: ${error instanceof Error ? error.message : String(error)}`);
      } finally {
        await cluster.stop();
      }
    }
  } finally {
    await postgres.stop();
  }

  const rows: Cell[][] = [];
  const goals: Cell[][] = [];
  for (const policy of POLICIES) {
    const single = runs.filter((r) => r.policy === policy.label && r.placement === 'one instance');
    const split = runs.filter((r) => r.policy === policy.label && r.placement === 'two instances');
    for (const [placement, rs] of [
      ['one instance', single],
      ['two instances', split],
    ] as const) {
      if (rs.length === 0) continue;
      const all = pooled(rs, 'all');
      const cross = pooled(rs, 'cross');
      const same = pooled(rs, 'same');
      rows.push([
        policy.label,
        placement,
        fmtInt(rs.reduce((s, r) => s + r.result.editsSent, 0)),
        `${fmt(same.p50)} / ${fmt(same.p99)}`,
        placement === 'one instance' ? '–' : `${fmt(cross.p50)} / ${fmt(cross.p99)}`,
        fmt(all.p99),
        perRound(rs, (r) => (placement === 'one instance' ? r.sameInstance : r.crossInstance)),
        fmt(all.max, 0),
        fmtInt(rs.reduce((s, r) => s + r.result.lostDeliveries, 0)),
        rs.every((r) => r.result.divergent === 0) ? 'yes' : rs.map((r) => r.result.convergence).join('; '),
        rs.map((r) => r.result.perInstance.map((u) => fmt(u.cpuCores, 2)).join(' + ')).join(' / '),
        rs.map((r) => fmt(r.result.load.otherCores, 2)).join(' / '),
        rs.map((r) => fmt(r.loadAverage, 1)).join(' / '),
      ]);
    }
    if (single.length > 0 && split.length > 0) {
      const s = pooled(single, 'all').p99;
      const c = pooled(split, 'cross').p99;
      goals.push([
        `cross-instance p99 ≤ 2× single-instance p99 (${policy.label})`,
        `${fmt(c)} vs ${fmt(s)} ms (${ratio(c, s)})`,
        c <= 2 * s ? 'met' : '**not met**',
      ]);
    }
  }
  report.table({
    title: 'N=50, W=10 over two instances vs one (ms)',
    headers: [
      'store policy',
      'clients on',
      'edits',
      'same-instance p50 / p99',
      'cross-instance p50 / p99',
      'all p99',
      'p99 per round (same on one, cross on two)',
      'max',
      'lost',
      'converged',
      'CPU cores A + B per round',
      'other load (cores)',
      'load average 1 min',
    ],
    rows,
    notes: [`Load average (1 min) at the end: ${fmt(loadAverage(), 1)}.`],
  });
  report.table({ title: 'Goal', headers: ['goal', 'measured', 'verdict'], rows: goals, notes: [] });
  report.data(
    'pgLatency',
    runs.map((r) => ({ ...r, result: { ...r.result, sent: undefined, samples: undefined } })),
  );
}

/** Reads each document's text from PostgreSQL; returns the documents whose text is not exactly what was typed. */
async function checkStored(databaseUrl: string, documents: BenchDocument[], sent: number[][]): Promise<string[]> {
  const database = new pg.Pool({ connectionString: databaseUrl, max: 4 });
  const store = new PostgresDocumentStore(database);
  const problems: string[] = [];
  try {
    for (const [i, document] of documents.entries()) {
      const state = await store.loadState(document.documentId);
      const doc = new Y.Doc();
      if (state) Y.applyUpdate(doc, state);
      const problem = checkFinalText(doc.getText(TEXT_NAME).toString(), sent[i]!);
      if (problem) problems.push(`${document.documentId}: ${problem}`);
      doc.destroy();
    }
  } finally {
    await store.close();
    await database.end();
  }
  return problems;
}

export async function pgDocumentsBenchmark(report: Report, quick: boolean, findings: string[]): Promise<void> {
  const documentCount = quick ? 20 : 200;
  const editors = 10;
  const rate = Number(process.env.BENCH_PG_DOCS_RATE ?? 0.5);
  const durationMs = quick ? 5000 : 20_000;
  report.section('Past one machine: 200 documents × 10 editors over two instances', [
    `${documentCount} documents (fresh projects), ${editors} editors each — 5 connected to instance A, 5 to B — every editor typing ${rate} edits/s for ${durationMs / 1000} s ` +
      `(${fmtInt(documentCount * editors)} sockets, ${fmtInt(documentCount * editors * rate)} edits/s in all; the latency benchmark’s tokens and light clients). ` +
      `Two instances (child processes) on one PostgreSQL (${PG_FSYNC}) and Redis, default store policy. ` +
      'Then both instances are closed and each document’s state is read from PostgreSQL: its text must contain every edit typed, exactly once.',
  ]);
  const postgres = await startDurablePostgres();
  try {
    const cluster = await startCluster(postgres, 2);
    let result: SpreadResult | null = null;
    let documents: BenchDocument[] = [];
    const idle: number[] = [];
    let loadStart = NaN;
    let stored: string[] = [];
    try {
      const [a, b] = cluster.instances;
      progress(`pg-documents: creating ${documentCount} documents`);
      documents = await documentsOn(a!, documentCount, 'documents');
      for (const instance of [a!, b!]) idle.push((await instance.mark()).stats.rssBytes / 2 ** 20);
      loadStart = loadAverage();
      result = await runSpreadTyping({
        documents,
        instances: [a!, b!],
        clientsPerDocument: editors,
        writersPerDocument: editors,
        placeOf: (c) => c % 2,
        ratePerSecond: rate,
        durationMs,
        settleMs: 60_000,
        connectConcurrency: 50,
      });
      progress('pg-documents: closing both instances (they store everything), reading the texts from PostgreSQL');
      await cluster.closeInstances();
      stored = await checkStored(cluster.databaseUrl, documents, result.sent);
    } catch (error) {
      findings.push(`pg-documents failed: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      await cluster.stop();
    }
    if (!result) return;
    const loadEnd = loadAverage();
    report.table({
      title: `${documentCount} documents × ${editors} editors, clients over A and B (ms, MB)`,
      headers: [
        'edits sent (per s)',
        'p50 / p99 all',
        'same-instance p50 / p99',
        'cross-instance p50 / p99',
        'max',
        'lost deliveries',
        'documents converged',
        'texts in PostgreSQL == typed',
        'connect all (s)',
        'other load (cores)',
        'load average start → end',
      ],
      rows: [
        [
          `${fmtInt(result.editsSent)} (${fmt(result.achievedRate, 0)})`,
          `${fmt(result.all.p50)} / ${fmt(result.all.p99)}`,
          `${fmt(result.sameInstance.p50)} / ${fmt(result.sameInstance.p99)}`,
          `${fmt(result.crossInstance.p50)} / ${fmt(result.crossInstance.p99)}`,
          fmt(result.all.max, 0),
          fmtInt(result.lostDeliveries),
          `${fmtInt(result.documents - result.divergent)} of ${fmtInt(result.documents)}${result.divergent ? ` (${result.convergence})` : ''}`,
          stored.length === 0
            ? `${fmtInt(documents.length)} of ${fmtInt(documents.length)}`
            : `**${fmtInt(documents.length - stored.length)} of ${fmtInt(documents.length)}** (${stored[0]})`,
          fmt(result.connectMs / 1000, 1),
          fmt(result.load.otherCores, 2),
          `${fmt(loadStart, 1)} → ${fmt(loadEnd, 1)}`,
        ],
      ],
      notes: [],
    });
    report.table({
      title: 'Per instance',
      headers: [
        'instance',
        'clients',
        'RSS idle MB (documents created, no client)',
        'RSS at start of typing MB (clients connected)',
        'RSS max MB',
        'RSS end MB',
        'CPU (cores)',
        'event loop delay max ms',
      ],
      rows: result.perInstance.map((u, i) => [
        i === 0 ? 'A' : 'B',
        fmtInt(result.clients / 2),
        fmt(idle[i] ?? NaN, 0),
        fmt(u.rssStartMb, 0),
        fmt(u.rssMaxMb, 0),
        fmt(u.rssEndMb, 0),
        fmt(u.cpuCores, 2),
        fmt(u.loopDelayMaxMs, 0),
      ]),
      notes: [],
    });
    if (stored.length > 0) findings.push(`pg-documents: ${stored.length} documents differ in PostgreSQL: ${stored[0]}`);
    report.data('pgDocuments', {
      rate,
      durationMs,
      result: { ...result, sent: undefined, samples: undefined },
      idle,
      stored,
    });
  } finally {
    await postgres.stop();
  }
}
