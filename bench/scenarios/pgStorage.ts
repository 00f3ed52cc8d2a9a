/**
 * Past one machine, storage (issue 16): PostgreSQL (fsync on) against the embedded store.
 *
 * - `pg-metadata`: the metadata benchmark's province (bench/lib/metadataVolume.ts: 2,000 projects,
 *   ≈380,000 records) loaded into the `records` table, `PostgresMetadataStore` opened on it, and the
 *   same mutations as `npm run bench -- metadata` (its Workload: audit entry, comment, consultation
 *   decision, project plan, sign-in, sign-out), each timed until its promise resolves (after COMMIT);
 *   one user, then 16 at once; then a fresh store on a new pool must hold every acknowledged change.
 *   Goal: p99 < 20 ms.
 * - `pg-traces`: automerge-paper replayed through our server (the traces benchmark's replay: one
 *   writer, 256 edits in flight, three observers, a fresh client) on the embedded store and on
 *   PostgreSQL; edits/s, and the bytes the document takes once the server is closed: its directory
 *   on disk vs its rows in PostgreSQL (payload, pg_column_size, and the tables' size with indexes and
 *   TOAST, before and after VACUUM FULL).
 */
import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { PostgresMetadataStore } from '../../server/storage/postgres/PostgresMetadataStore.js';
import { migrate } from '../../server/storage/postgres/migrations.js';
import { PG_FSYNC, startCluster, startDurablePostgres } from '../lib/cluster.js';
import { PROVINCE, buildVolume, recordCount } from '../lib/metadataVolume.js';
import type { Volume } from '../lib/metadataVolume.js';
import { progress } from '../lib/report.js';
import type { Report } from '../lib/report.js';
import { ServerProcess } from '../lib/serverProcess.js';
import { fmt, fmtBytes, fmtInt, ratio } from '../lib/stats.js';
import { loadSequentialTrace, precomputeFrames } from '../lib/traces.js';
import { MUTATION_KINDS, Workload, phase } from './metadata.js';
import type { Expectation, PhaseResult } from './metadata.js';
import { TRACE_TEXT, checkAfterRestart, replaySequential } from './traces.js';
import type { FreshRead, SequentialReplayResult } from './traces.js';

const INSERT_CHUNK = 2_000;

/** Loads the volume into `records` (insertion order = the collections' order, as a metadata file lists them). */
async function loadVolume(pool: pg.Pool, volume: Volume): Promise<void> {
  for (const [collection, records] of Object.entries(volume)) {
    const list: { id: string }[] = records;
    for (let i = 0; i < list.length; i += INSERT_CHUNK) {
      const chunk = list.slice(i, i + INSERT_CHUNK);
      await pool.query(
        'INSERT INTO records (collection, id, data) SELECT $1, id, data FROM unnest($2::text[], $3::jsonb[]) AS r(id, data)',
        [collection, chunk.map((r) => r.id), chunk.map((r) => JSON.stringify(r))],
      );
    }
  }
}

function cells(p: PhaseResult): string[] {
  return [
    fmtInt(p.mutations),
    fmt((p.mutations / p.wallMs) * 1000, 0),
    fmt(p.all.p50, 2),
    fmt(p.all.p95, 2),
    fmt(p.all.p99, 2),
    fmt(p.all.max, 1),
    fmt(p.loopDelayMaxMs, 0),
  ];
}

export async function pgMetadataBenchmark(report: Report, quick: boolean, findings: string[]): Promise<void> {
  const shape = quick ? { ...PROVINCE, projects: 500 } : PROVINCE;
  const sequential = quick ? 300 : 1200;
  const concurrentMs = quick ? 3000 : 8000;
  report.section('Past one machine: metadata mutations on PostgreSQL with 2,000 projects', [
    `The metadata benchmark’s volume (${fmtInt(shape.projects)} projects) in PostgreSQL (${PG_FSYNC}, default settings, local socket over TCP loopback); ` +
      '`PostgresMetadataStore` in this process; the same mutation mix as `npm run bench -- metadata`, each timed from the call until its promise resolves (after COMMIT). Goal: p99 < 20 ms.',
  ]);
  const postgres = await startDurablePostgres();
  const pools: pg.Pool[] = [];
  try {
    const url = await postgres.createDatabase();
    const pool = new pg.Pool({ connectionString: url, max: 10 });
    pools.push(pool);
    await migrate(pool);
    progress(`pg-metadata: building ${fmtInt(shape.projects)} projects`);
    const volume = buildVolume(shape);
    const records = recordCount(volume);
    let t0 = performance.now();
    await loadVolume(pool, volume);
    const loadMs = performance.now() - t0;
    const size = await pool.query<{ bytes: string }>("SELECT pg_total_relation_size('records')::text AS bytes");
    progress(`pg-metadata: ${fmtInt(records)} records loaded in ${fmt(loadMs / 1000, 1)} s; opening the store`);
    t0 = performance.now();
    const store = await PostgresMetadataStore.open(pool);
    const openMs = performance.now() - t0;
    const expectations = new Map<string, Expectation>();
    const loadStart = loadavg()[0] ?? NaN;
    progress('pg-metadata: sequential mutations');
    const one = await phase(
      [new Workload(store, shape, 'seq', expectations)],
      (n, elapsed) => n >= sequential || elapsed >= 90_000,
    );
    progress('pg-metadata: 16 concurrent users');
    const many = await phase(
      Array.from({ length: 16 }, (_, c) => new Workload(store, shape, `c${c}`, expectations)),
      (_, elapsed) => elapsed >= concurrentMs,
    );
    const loadEnd = loadavg()[0] ?? NaN;
    // Another process's view: a fresh store on a new pool must hold every acknowledged change.
    const checkPool = new pg.Pool({ connectionString: url, max: 2 });
    pools.push(checkPool);
    t0 = performance.now();
    const fresh = await PostgresMetadataStore.open(checkPool);
    const reopenMs = performance.now() - t0;
    const missing = [...expectations.values()].filter((holds) => !holds(fresh)).length;
    await fresh.close();
    await store.close();

    report.table({
      title: `Latency of one mutation, ms (${fmtInt(records)} records, records table ${fmtBytes(Number(size.rows[0]!.bytes))})`,
      headers: ['phase', 'mutations', 'mutations/s', 'p50', 'p95', 'p99', 'max', 'event loop blocked max ms'],
      rows: [
        ['sequential (one user)', ...cells(one)],
        ['concurrent (16 users)', ...cells(many)],
      ],
      notes: [
        `Loading the volume (INSERT … unnest, ${fmtInt(INSERT_CHUNK)} rows a statement) ${fmt(loadMs / 1000, 1)} s; opening the store (every record into memory) ${fmt(openMs / 1000, 1)} s, ` +
          `a fresh store after the run ${fmt(reopenMs / 1000, 1)} s, which holds ${fmtInt(expectations.size - missing)} of ${fmtInt(expectations.size)} acknowledged changes. ` +
          `Load average (1 min) ${fmt(loadStart, 1)} → ${fmt(loadEnd, 1)}.`,
      ],
    });
    report.table({
      title: 'Sequential p50 / p95 / p99 / max by kind of mutation, ms',
      headers: ['mutation', 'p50', 'p95', 'p99', 'max'],
      rows: MUTATION_KINDS.map((kind) => {
        const s = one.byKind[kind];
        return [kind, ...(s ? [fmt(s.p50, 2), fmt(s.p95, 2), fmt(s.p99, 2), fmt(s.max, 1)] : ['–', '–', '–', '–'])];
      }),
      notes: [],
    });
    const worst = Math.max(one.all.p99, many.all.p99);
    report.table({
      title: 'Goal',
      headers: ['goal', 'measured', 'verdict'],
      rows: [
        [
          'metadata mutation p99 < 20 ms on PostgreSQL, 2,000 projects',
          `${fmt(one.all.p99, 2)} ms one user, ${fmt(many.all.p99, 2)} ms 16 users`,
          worst < 20 ? 'met' : '**not met**',
        ],
      ],
      notes: [],
    });
    if (missing > 0) findings.push(`pg-metadata: ${missing} acknowledged changes missing from a fresh store`);
    report.data('pgMetadata', {
      shape,
      records,
      loadMs,
      openMs,
      reopenMs,
      sequential: one,
      concurrent: many,
      missing,
      loadAverage: [loadStart, loadEnd],
    });
  } catch (error) {
    findings.push(`pg-metadata failed: ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    await Promise.allSettled(pools.map((p) => p.end()));
    await postgres.stop();
  }
}

async function directoryBytes(dir: string): Promise<{ files: number; bytes: number }> {
  let files = 0;
  let bytes = 0;
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    files++;
    bytes += (await stat(join(entry.parentPath, entry.name))).size;
  }
  return { files, bytes };
}

const DOCUMENT_TABLES = ['document_updates', 'document_history', 'document_states'] as const;

interface PostgresBytes {
  /** Rows of the document in each table. */
  rows: Record<string, number>;
  /** Sum of the update/state column lengths (the Yjs bytes themselves). */
  payload: number;
  /** Sum of pg_column_size over the document's rows (as stored, after TOAST compression). */
  columnSize: number;
}

async function documentBytes(pool: pg.Pool, documentId: string): Promise<PostgresBytes> {
  const rows: Record<string, number> = {};
  let payload = 0;
  let columnSize = 0;
  for (const table of DOCUMENT_TABLES) {
    const column = table === 'document_states' ? 'state' : 'update';
    const result = await pool.query<{ n: string; payload: string | null; size: string | null }>(
      `SELECT count(*)::text AS n, sum(octet_length(${column}))::text AS payload, sum(pg_column_size(t.*))::text AS size FROM ${table} t WHERE document_id = $1`,
      [documentId],
    );
    const row = result.rows[0]!;
    rows[table] = Number(row.n);
    payload += Number(row.payload ?? 0);
    columnSize += Number(row.size ?? 0);
  }
  return { rows, payload, columnSize };
}

async function tablesBytes(pool: pg.Pool): Promise<number> {
  const result = await pool.query<{ bytes: string }>(
    `SELECT sum(pg_total_relation_size(t))::text AS bytes FROM unnest($1::regclass[]) AS t`,
    [DOCUMENT_TABLES],
  );
  return Number(result.rows[0]!.bytes);
}

interface TraceRun {
  store: 'embedded (files)' | 'PostgreSQL';
  result: SequentialReplayResult;
  afterRestart: FreshRead | null;
  diskBytes?: { files: number; bytes: number };
  postgres?: PostgresBytes & { tablesBefore: number; tablesAfter: number; tablesAfterVacuumFull: number };
  loadAverage: number;
}

export async function pgTracesBenchmark(report: Report, quick: boolean, findings: string[]): Promise<void> {
  const trace = loadSequentialTrace('automerge-paper');
  const count = quick ? 20_000 : trace.txns.length;
  report.section('Past one machine: automerge-paper into PostgreSQL vs the embedded store', [
    `automerge-paper (${fmtInt(count)} edits) replayed through one instance of our server as in the traces benchmark (one writer, 256 edits in flight, 3 observers, a fresh client must read endContent); ` +
      `embedded = FileDocumentStore in the data dir, PostgreSQL = STORAGE=postgres (${PG_FSYNC}). Then the server is closed (it stores everything), started again, and a fresh client must read the text again; ` +
      'stored bytes are measured with the server closed.',
  ]);
  progress('pg-traces: replaying automerge-paper locally (precomputing the frames)');
  const pre = precomputeFrames(trace, count, TRACE_TEXT);
  const expected = count === trace.txns.length ? trace.endContent : pre.finalText;
  const replayOptions = {
    window: 256,
    stallTimeoutMs: 120_000,
    label: 'automerge-paper',
    writerClientId: pre.writerClientId,
    endClocks: pre.endClocks,
  };
  const runs: TraceRun[] = [];

  // Embedded store.
  const dataDir = await mkdtemp(join(tmpdir(), 'bench-pg-traces-files-'));
  try {
    progress('pg-traces: embedded store');
    const server = await ServerProcess.start('ours', { dataDir });
    let result: SequentialReplayResult;
    try {
      result = await replaySequential(server, pre.frames, expected, replayOptions);
    } finally {
      await server.close();
    }
    const diskBytes = await directoryBytes(join(dataDir, 'documents', result.document.documentId));
    const restarted = await ServerProcess.start('ours', { dataDir });
    let afterRestart: FreshRead | null = null;
    try {
      [afterRestart] = (
        await checkAfterRestart(restarted, [
          { label: 'automerge-paper', documentId: result.document.documentId, expected },
        ])
      ).map((r) => r.read);
    } finally {
      await restarted.close();
    }
    runs.push({
      store: 'embedded (files)',
      result,
      afterRestart: afterRestart ?? null,
      diskBytes,
      loadAverage: loadavg()[0] ?? NaN,
    });
  } catch (error) {
    findings.push(`pg-traces (embedded) failed: ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }

  // PostgreSQL.
  const postgres = await startDurablePostgres();
  try {
    progress('pg-traces: PostgreSQL');
    const cluster = await startCluster(postgres, 1);
    const pool = new pg.Pool({ connectionString: cluster.databaseUrl, max: 2 });
    try {
      const tablesBefore = await tablesBytes(pool);
      const result = await replaySequential(cluster.instances[0]!, pre.frames, expected, replayOptions);
      await cluster.closeInstances();
      const bytes = await documentBytes(pool, result.document.documentId);
      const tablesAfter = await tablesBytes(pool);
      const restartDir = await mkdtemp(join(tmpdir(), 'bench-pg-traces-restart-'));
      const restarted = await ServerProcess.start('ours', {
        dataDir: restartDir,
        seed: false,
        env: { BENCH_DATABASE_URL: cluster.databaseUrl },
      });
      let afterRestart: FreshRead | null = null;
      try {
        [afterRestart] = (
          await checkAfterRestart(restarted, [
            { label: 'automerge-paper', documentId: result.document.documentId, expected },
          ])
        ).map((r) => r.read);
      } finally {
        await restarted.close();
        await rm(restartDir, { recursive: true, force: true });
      }
      for (const table of DOCUMENT_TABLES) await pool.query(`VACUUM FULL ${table}`);
      const tablesAfterVacuumFull = await tablesBytes(pool);
      runs.push({
        store: 'PostgreSQL',
        result,
        afterRestart: afterRestart ?? null,
        postgres: { ...bytes, tablesBefore, tablesAfter, tablesAfterVacuumFull },
        loadAverage: loadavg()[0] ?? NaN,
      });
    } finally {
      await pool.end();
      await cluster.stop();
    }
  } catch (error) {
    findings.push(`pg-traces (PostgreSQL) failed: ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    await postgres.stop();
  }

  const embeddedRate = runs.find((r) => r.store === 'embedded (files)')?.result.editsPerSecond ?? NaN;
  const readCell = (read: FreshRead | null): string =>
    !read ? 'n/a' : read.ok ? `yes (${fmt(read.syncMs, 0)} ms)` : `**no**: ${read.detail}`;
  report.table({
    title: `automerge-paper (${fmtInt(count)} edits) into each store`,
    headers: [
      'store',
      'time s',
      'edits/s',
      'vs embedded',
      'server CPU µs/edit',
      'server loop delay max ms',
      'observers == endContent',
      'fresh client == endContent',
      'after restart == endContent',
      'stored bytes (server closed)',
      'other load (cores)',
      'load average 1 min',
    ],
    rows: runs.map((r) => [
      r.store,
      fmt(r.result.elapsedMs / 1000, 1),
      fmtInt(r.result.editsPerSecond),
      ratio(r.result.editsPerSecond, embeddedRate),
      fmt(r.result.serverCpuUsPerEdit, 1),
      fmt(Math.max(r.result.serverStats.loopDelayMaxMs, r.result.afterReplay.loopDelayMaxMs), 0),
      r.result.observersOk ? 'yes' : `**no**: ${r.result.observerDetail}`,
      readCell(r.result.freshClient),
      readCell(r.afterRestart),
      r.diskBytes
        ? `${fmtBytes(r.diskBytes.bytes)} (${r.diskBytes.files} files)`
        : r.postgres
          ? `${fmtBytes(r.postgres.columnSize)} (pg_column_size of its rows)`
          : '',
      fmt(r.result.load.otherCores, 2),
      fmt(r.loadAverage, 1),
    ]),
    notes: [
      `Final state of the document: ${fmtBytes(pre.stateBytesV1)} (Yjs V1); the trace’s updates ${fmtBytes(pre.updateBytes)} in all.`,
    ],
  });
  const p = runs.find((r) => r.postgres)?.postgres;
  if (p) {
    report.table({
      title: 'PostgreSQL: where the bytes are',
      headers: [
        'rows (updates / history windows / state)',
        'Yjs bytes in them',
        'pg_column_size of the rows',
        'document tables grew by (pg_total_relation_size, with indexes, TOAST, dead rows)',
        'same after VACUUM FULL',
      ],
      rows: [
        [
          DOCUMENT_TABLES.map((t) => fmtInt(p.rows[t] ?? 0)).join(' / '),
          fmtBytes(p.payload),
          fmtBytes(p.columnSize),
          fmtBytes(p.tablesAfter - p.tablesBefore),
          fmtBytes(p.tablesAfterVacuumFull - p.tablesBefore),
        ],
      ],
      notes: [
        'The tables also hold the demo workspace’s documents (their size before the replay is subtracted; VACUUM FULL rewrites those too, so the last column can be slightly low).',
      ],
    });
  }
  for (const r of runs) {
    if (!r.result.observersOk || !r.result.freshClient?.ok || !r.afterRestart?.ok)
      findings.push(`pg-traces (${r.store}): a read did not equal endContent`);
  }
  report.data(
    'pgTraces',
    runs.map((r) => ({ ...r, result: { ...r.result, document: r.result.document.documentId } })),
  );
}
