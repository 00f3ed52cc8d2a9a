/**
 * Benchmark — the cost of one metadata mutation in a province-sized workspace (2,000 projects:
 * ≈10⁵ audit entries, 10⁵ comments, 10⁵ consultation items; bench/lib/metadataVolume.ts).
 *
 * Measures the embedded metadata store directly (`LowdbMetadataStore`, the one the server uses), in
 * this process, on real files: the volume is written as a metadata file, the store opens it, then
 *  - sequential: one user's clicks one after another — an audit entry, a comment, a consultation
 *    item's decision, a project's plan, a sign-in and a sign-out, in turn — each timed from the call
 *    to its promise resolving (when the store says it is durable);
 *  - concurrent: 16 users doing the same at once for a few seconds (their writes may share a flush);
 *  - durability: right after the last answer the data dir is copied (as a crash would leave it) and
 *    a fresh store opened on the copy must hold every acknowledged change.
 * Also: the event loop's longest block during the sequential phase (a whole-file rewrite or a
 * checkpoint shows there), the bytes written per mutation (/proc/self/io wchar), open times.
 */
import { cp, mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { LowdbMetadataStore } from '../../server/storage/lowdb/LowdbMetadataStore.js';
import type { MetadataStore } from '../../server/storage/types.js';
import { PROVINCE, buildVolume, recordCount, writeVolume } from '../lib/metadataVolume.js';
import type { VolumeShape } from '../lib/metadataVolume.js';
import { Samples, fmt, fmtBytes, fmtInt, summarize } from '../lib/stats.js';
import type { LatencySummary } from '../lib/stats.js';
import { progress } from '../lib/report.js';
import type { Report } from '../lib/report.js';

export const MUTATION_KINDS = ['audit', 'comment', 'decision', 'project', 'sign-in', 'sign-out'] as const;
export type MutationKind = (typeof MUTATION_KINDS)[number];

export interface MetadataBenchOptions {
  shape: VolumeShape;
  /** Sequential mutations (the phase also stops after `sequentialBudgetMs`). */
  sequential: number;
  sequentialBudgetMs: number;
  concurrentClients: number;
  concurrentMs: number;
}

export interface PhaseResult {
  mutations: number;
  wallMs: number;
  all: LatencySummary;
  byKind: Partial<Record<MutationKind, LatencySummary>>;
  bytesWrittenPerMutation: number;
  loopDelayMaxMs: number;
}

export interface MetadataBenchResult {
  records: number;
  volumeBytes: number;
  /** Opening the plain metadata file (taken over: append-only records moved to their log, first checkpoint). */
  openMs: number;
  /** Closing after the run (the final checkpoint). */
  closeMs: number;
  /** Opening the store's own files after that. */
  reopenMs: number;
  sequential: PhaseResult;
  concurrent: PhaseResult;
  /** Sequential again, with a checkpoint always being written meanwhile. */
  duringCheckpoints: PhaseResult;
  /** Files and bytes of the store after the run. */
  diskFiles: number;
  diskBytes: number;
  durability: { acknowledged: number; missing: number; reopenMs: number };
}

function wchar(): number {
  const match = /wchar:\s*(\d+)/.exec(readFileSync('/proc/self/io', 'utf8'));
  return match ? Number(match[1]) : NaN;
}

/** What a fresh store opened on the files must show for every acknowledged mutation. */
export type Expectation = (store: MetadataStore) => boolean;

/** One user's clicks: each call is one mutation through the public store API, as the services make them. */
export class Workload {
  private n = 0;

  constructor(
    private readonly store: MetadataStore,
    private readonly shape: VolumeShape,
    private readonly tag: string,
    /** Per changed record, what must hold afterwards: the last acknowledged change to it wins. */
    private readonly expectations: Map<string, Expectation>,
  ) {}

  private pick(limit: number): number {
    return (this.n * 7919) % limit;
  }

  /** Runs the next mutation; resolves with its kind once the store has answered. */
  async next(): Promise<MutationKind> {
    const i = this.n++;
    const kind = MUTATION_KINDS[i % MUTATION_KINDS.length]!;
    const at = new Date().toISOString();
    const id = `${this.tag}-${i}`;
    const project = `prj-${this.pick(this.shape.projects)}`;
    switch (kind) {
      case 'audit': {
        await this.store
          .collection('audit')
          .insert({ id: `aud-${id}`, projectId: project, actorId: 'user-1', action: 'bench', detail: { i }, at });
        this.expectations.set(`aud-${id}`, (s) => s.collection('audit').get(`aud-${id}`) !== undefined);
        break;
      }
      case 'comment': {
        const threadId = `thr-${this.pick(this.shape.projects)}-0`;
        await this.store.collection('comments').insert({
          id: `cmt-${id}`,
          threadId,
          authorId: 'user-1',
          body: '同意，已在第5.2条中修改',
          mentions: [],
          createdAt: at,
          editedAt: null,
          deletedAt: null,
        });
        this.expectations.set(`cmt-${id}`, (s) => s.collection('comments').get(`cmt-${id}`) !== undefined);
        break;
      }
      case 'decision': {
        const itemId = `itm-${this.pick(this.shape.projects)}-${i % this.shape.consultationItems}`;
        const reason = `不采纳：${id}`;
        await this.store
          .collection('consultationItems')
          .update(itemId, { decision: 'rejected', reason, updatedAt: at });
        this.expectations.set(itemId, (s) => s.collection('consultationItems').get(itemId)?.reason === reason);
        break;
      }
      case 'project': {
        const planBatch = `批次 ${id}`;
        await this.store.collection('projects').update(project, { planBatch, updatedAt: at });
        this.expectations.set(project, (s) => s.collection('projects').get(project)?.planBatch === planBatch);
        break;
      }
      case 'sign-in': {
        await this.store
          .collection('sessions')
          .insert({ id: `ses-${id}`, tokenHash: id, userId: 'user-1', createdAt: at, expiresAt: at });
        this.expectations.set(`ses-${id}`, (s) => s.collection('sessions').get(`ses-${id}`) !== undefined);
        break;
      }
      case 'sign-out': {
        const previous = `ses-${this.tag}-${i - 1}`;
        await this.store.collection('sessions').remove(previous);
        this.expectations.set(previous, (s) => s.collection('sessions').get(previous) === undefined);
        break;
      }
    }
    return kind;
  }
}

export async function phase(
  workloads: Workload[],
  stop: (mutations: number, elapsedMs: number) => boolean,
): Promise<PhaseResult> {
  const all = new Samples();
  const byKind = new Map<MutationKind, Samples>();
  const loop = monitorEventLoopDelay({ resolution: 5 });
  loop.enable();
  const bytesBefore = wchar();
  const started = performance.now();
  let mutations = 0;
  await Promise.all(
    workloads.map(async (workload) => {
      while (!stop(mutations, performance.now() - started)) {
        const t0 = performance.now();
        const kind = await workload.next();
        const ms = performance.now() - t0;
        mutations++;
        all.push(ms);
        let samples = byKind.get(kind);
        if (!samples) {
          samples = new Samples();
          byKind.set(kind, samples);
        }
        samples.push(ms);
      }
    }),
  );
  const wallMs = performance.now() - started;
  loop.disable();
  return {
    mutations,
    wallMs,
    all: summarize(all.values()),
    byKind: Object.fromEntries([...byKind].map(([kind, samples]) => [kind, summarize(samples.values())])),
    bytesWrittenPerMutation: (wchar() - bytesBefore) / Math.max(1, mutations),
    loopDelayMaxMs: loop.max / 1e6,
  };
}

async function directorySize(dir: string): Promise<{ files: number; bytes: number }> {
  let files = 0;
  let bytes = 0;
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    files++;
    bytes += (await stat(join(entry.parentPath, entry.name))).size;
  }
  return { files, bytes };
}

/** Writes the volume as the metadata file; the records themselves are not kept (only the store holds them). */
async function writeProvince(file: string, shape: VolumeShape): Promise<{ records: number; volumeBytes: number }> {
  const volume = buildVolume(shape);
  return { records: recordCount(volume), volumeBytes: await writeVolume(file, volume) };
}

export async function runMetadataBenchmark(options: MetadataBenchOptions): Promise<MetadataBenchResult> {
  const dir = await mkdtemp(join(tmpdir(), 'bench-metadata-'));
  const copy = `${dir}-crash-copy`;
  try {
    progress(`metadata: building ${options.shape.projects} projects`);
    const file = join(dir, 'metadata.json');
    const { records, volumeBytes } = await writeProvince(file, options.shape);
    progress(`metadata: ${records.toLocaleString('en-US')} records, ${(volumeBytes / 1e6).toFixed(1)} MB; opening`);
    let t0 = performance.now();
    const store = await LowdbMetadataStore.open(file);
    const openMs = performance.now() - t0;
    const expectations = new Map<string, Expectation>();

    progress('metadata: sequential mutations');
    const sequential = await phase(
      [new Workload(store, options.shape, 'seq', expectations)],
      (n, elapsed) => n >= options.sequential || elapsed >= options.sequentialBudgetMs,
    );
    progress(`metadata: ${options.concurrentClients} concurrent users`);
    const many = Array.from(
      { length: options.concurrentClients },
      (_, c) => new Workload(store, options.shape, `c${c}`, expectations),
    );
    const concurrent = await phase(many, (_, elapsed) => elapsed >= options.concurrentMs);

    // As a crash would leave the files: copied right after the last answer, before anything else runs.
    await cp(dir, copy, { recursive: true });
    t0 = performance.now();
    const crashed = await LowdbMetadataStore.open(join(copy, 'metadata.json'));
    const crashReopenMs = performance.now() - t0;
    const missing = [...expectations.values()].filter((holds) => !holds(crashed)).length;
    await rm(copy, { recursive: true, force: true });

    progress('metadata: closing (final checkpoint) and reopening');
    t0 = performance.now();
    await store.close();
    const closeMs = performance.now() - t0;
    const disk = await directorySize(dir);
    t0 = performance.now();
    // Checkpoints back to back: every mutation of this phase runs while one is being written.
    const busy = await LowdbMetadataStore.open(file, { checkpoint: { minBytes: 0, ratio: 0 } });
    const reopenMs = performance.now() - t0;
    progress('metadata: sequential mutations while checkpoints are written back to back');
    const duringCheckpoints = await phase(
      [new Workload(busy, options.shape, 'ckp', new Map())],
      (n, elapsed) => n >= options.sequential || elapsed >= options.sequentialBudgetMs,
    );
    await busy.close();
    return {
      records,
      volumeBytes,
      openMs,
      closeMs,
      reopenMs,
      sequential,
      concurrent,
      duringCheckpoints,
      diskFiles: disk.files,
      diskBytes: disk.bytes,
      durability: { acknowledged: expectations.size, missing, reopenMs: crashReopenMs },
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
    await rm(copy, { recursive: true, force: true });
  }
}

function summaryCells(s: LatencySummary | undefined): string[] {
  if (!s) return ['–', '–', '–', '–'];
  return [fmt(s.p50, 2), fmt(s.p95, 2), fmt(s.p99, 2), fmt(s.max, 1)];
}

/** `npm run bench -- metadata`: runs the benchmark and adds its section to the report. */
export async function metadataBenchmark(report: Report, quick: boolean, findings: string[]): Promise<void> {
  const options: MetadataBenchOptions = {
    shape: quick ? { ...PROVINCE, projects: 500 } : PROVINCE,
    sequential: quick ? 300 : 1200,
    sequentialBudgetMs: quick ? 30_000 : 90_000,
    concurrentClients: 16,
    concurrentMs: quick ? 3000 : 8000,
  };
  report.section('Metadata mutations in a province-sized workspace', [
    `${fmtInt(options.shape.projects)} projects (per project: ${options.shape.auditEntries} audit entries, ${options.shape.threads} comment threads × ${options.shape.commentsPerThread} comments, ` +
      `${options.shape.consultationItems} consultation items, ${options.shape.members} members). The embedded store (LowdbMetadataStore) on real files in this process; ` +
      'each mutation timed from the call until its promise resolves. Mix, in turn: audit entry, comment, consultation decision, project plan change, sign-in, sign-out.',
  ]);
  let result: MetadataBenchResult;
  try {
    result = await runMetadataBenchmark(options);
  } catch (error) {
    findings.push(`metadata benchmark failed: ${error instanceof Error ? error.message : String(error)}`);
    return;
  }
  const phases: [string, PhaseResult][] = [
    ['sequential (one user)', result.sequential],
    [`concurrent (${options.concurrentClients} users)`, result.concurrent],
    ['sequential, checkpoints written back to back meanwhile', result.duringCheckpoints],
  ];
  report.table({
    title: `Latency of one mutation, ms (${fmtInt(result.records)} records, ${fmtBytes(result.volumeBytes)} of metadata)`,
    headers: [
      'phase',
      'mutations',
      'mutations/s',
      'p50',
      'p95',
      'p99',
      'max',
      'bytes written / mutation',
      'event loop blocked max ms',
    ],
    rows: phases.map(([label, p]) => [
      label,
      fmtInt(p.mutations),
      fmt((p.mutations / p.wallMs) * 1000, 1),
      ...summaryCells(p.all),
      fmtBytes(p.bytesWrittenPerMutation),
      fmt(p.loopDelayMaxMs, 0),
    ]),
    notes: [
      `Durability: a copy of the files taken right after the last answer, opened by a fresh store, holds ${fmtInt(result.durability.acknowledged - result.durability.missing)} of ${fmtInt(result.durability.acknowledged)} acknowledged changes. ` +
        `Open: ${fmt(result.openMs, 0)} ms from the plain metadata file (taken over), ${fmt(result.durability.reopenMs, 0)} ms from the crash copy (journal replayed), ` +
        `${fmt(result.reopenMs, 0)} ms after a clean close (${result.diskFiles} files, ${fmtBytes(result.diskBytes)}); close (final checkpoint) ${fmt(result.closeMs, 0)} ms.`,
    ],
  });
  report.table({
    title: 'Sequential p50 / p95 / p99 / max by kind of mutation, ms',
    headers: ['mutation', 'p50', 'p95', 'p99', 'max'],
    rows: MUTATION_KINDS.map((kind) => [kind, ...summaryCells(result.sequential.byKind[kind])]),
    notes: [],
  });
  if (result.durability.missing > 0)
    findings.push(`metadata: ${result.durability.missing} acknowledged changes missing from the crash copy`);
  report.data('metadata', { options, result });
}
