/**
 * Package jobs: a package built in the background while the dialog follows its parts' progress
 * (GET …/package-jobs/:jobId) and then downloads the zip. A job belongs to the user who started it
 * (others get NotFound, as for anything they may not see); it is kept `ttlMs` after it finished
 * (default 15 minutes), then forgotten with its zip. A user runs at most `maxRunningPerUser` jobs at
 * once (RateLimited beyond), and at most `maxKept` finished jobs are kept (oldest go first).
 *
 * Any instance answers for any job: a job is a record of the metadata store (`packageJobs`, which
 * every instance reads) and its zip a blob (`package-jobs/<jobId>.zip`). The instance building a
 * job serves its live progress itself and writes it to the record (at most a few times a second,
 * and as a heartbeat while nothing changes); a running job whose heartbeat stopped was lost with its
 * instance and shows as failed.
 */
import type { PackageJobView, PackagePart } from '@shared/api/submissionPackage.js';
import { newId } from '../../auth/tokens.js';
import { Conflict, NotFound, RateLimited } from '../../domain/errors.js';
import { DebouncedTask } from '../../lib/DebouncedTask.js';
import type { Logger } from '../../logger.js';
import type { BlobStore, MetadataStore, PackageJobRecord } from '../../storage/types.js';
import type { BuildPackageInput, BuiltPackage } from './SubmissionPackageService.js';

export interface PackageJobOptions {
  ttlMs?: number;
  maxRunningPerUser?: number;
  maxKept?: number;
}

/** What the jobs run: a check that fails at once (access, bad versions), then the build. */
export interface PackageBuilder {
  validate(input: Omit<BuildPackageInput, 'onProgress'>): void;
  buildSubmissionPackage(input: BuildPackageInput): Promise<BuiltPackage>;
}

export interface PackageJobsDeps {
  builder: PackageBuilder;
  store: MetadataStore;
  blobs: BlobStore;
  log: Logger;
}

/** A job this instance is building. */
interface LocalJob {
  view: PackageJobView;
  userId: string;
  /** Writes the view to the record (debounced progress, heartbeat). */
  save: DebouncedTask;
  heartbeat: NodeJS.Timeout;
  /** Settles when the build ended and its record was written (tests and shutdown wait for it). */
  settled: Promise<void>;
}

const DEFAULT_TTL_MS = 15 * 60 * 1000;
const SWEEP_MS = 60 * 1000;
/** A running job's record is written at least this often by the instance building it… */
const HEARTBEAT_MS = 10_000;
/** …and a running job not written for this long was lost with its instance. */
const STALE_MS = 60_000;
/** Progress reaches the record at most this late. */
const PROGRESS_SAVE = { debounceMs: 100, maxWaitMs: 500 };
const LOST = 'the server building this package stopped; start it again';

const blobKey = (jobId: string): string => `package-jobs/${jobId}.zip`;

/** The parts of a job that ended in failure: the one being built failed, those not started were not made. */
function stoppedParts(parts: PackagePart[]): PackagePart[] {
  return parts.map((part) =>
    part.status === 'running'
      ? { ...part, status: 'failed' }
      : part.status === 'pending'
        ? { ...part, status: 'skipped' }
        : part,
  );
}

/** The record without what only the server needs. */
function viewOf(record: PackageJobRecord): PackageJobView {
  return {
    id: record.id,
    projectId: record.projectId,
    stageLabel: record.stageLabel,
    status: record.status,
    parts: record.parts,
    createdAt: record.createdAt,
    finishedAt: record.finishedAt,
    expiresAt: record.expiresAt,
    error: record.error,
    // Records stored before the field existed have none.
    failure: record.failure ?? null,
    download: record.download,
    manifest: record.manifest,
  };
}

export class PackageJobs {
  private readonly local = new Map<string, LocalJob>();
  private readonly ttlMs: number;
  private readonly maxRunningPerUser: number;
  private readonly maxKept: number;
  private readonly sweeper: NodeJS.Timeout;

  constructor(
    private readonly deps: PackageJobsDeps,
    options: PackageJobOptions = {},
  ) {
    this.ttlMs = options.ttlMs ?? DEFAULT_TTL_MS;
    this.maxRunningPerUser = options.maxRunningPerUser ?? 2;
    this.maxKept = options.maxKept ?? 50;
    this.sweeper = setInterval(() => this.sweep(), Math.min(SWEEP_MS, this.ttlMs)).unref();
  }

  private get records() {
    return this.deps.store.collection('packageJobs');
  }

  /**
   * Starts building; answers with the job and its parts (pending) once its record is stored.
   * NotFound/Invalid as the build would throw.
   */
  async start(input: Omit<BuildPackageInput, 'onProgress'>): Promise<PackageJobView> {
    this.deps.builder.validate(input);
    this.sweep();
    const now = Date.now();
    const running = this.records
      .findMany({ userId: input.user.id, status: 'running' })
      .filter((record) => this.effective(record, now).status === 'running');
    if (running.length >= this.maxRunningPerUser)
      throw new RateLimited(`${running.length} packages are being built for you already; wait for them to finish`);
    const view: PackageJobView = {
      id: newId('pkg'),
      projectId: input.projectId,
      stageLabel: input.stageLabel,
      status: 'running',
      parts: [],
      createdAt: new Date(now).toISOString(),
      finishedAt: null,
      expiresAt: new Date(now + this.ttlMs).toISOString(),
      error: null,
      failure: null,
      download: null,
      manifest: null,
    };
    // Counted at once (the store applies an insert before it resolves): a second start sees it.
    await this.records.insert({ ...view, userId: input.user.id, heartbeatAt: new Date(now).toISOString() });
    const save = new DebouncedTask(PROGRESS_SAVE, () => void this.save(job));
    const job: LocalJob = {
      view,
      userId: input.user.id,
      save,
      heartbeat: setInterval(() => save.schedule(), HEARTBEAT_MS).unref(),
      settled: Promise.resolve(),
    };
    this.local.set(view.id, job);
    job.settled = this.run(job, input);
    return { ...view };
  }

  /** The job as its owner sees it (NotFound for anyone else, an unknown or an expired job). */
  view(userId: string, projectId: string, jobId: string): PackageJobView {
    const local = this.local.get(jobId);
    if (local && local.userId === userId && local.view.projectId === projectId) return { ...local.view };
    return viewOf(this.owned(userId, projectId, jobId));
  }

  /** The finished zip (Conflict while it is still being built or when it failed). */
  async download(userId: string, projectId: string, jobId: string): Promise<{ zip: Uint8Array; fileName: string }> {
    const job = this.owned(userId, projectId, jobId);
    if (job.status === 'running') throw new Conflict('the package is still being built');
    if (job.status === 'failed' || !job.download)
      throw new Conflict(`the package could not be built: ${job.error ?? 'unknown error'}`);
    const zip = await this.deps.blobs.get(blobKey(job.id));
    if (!zip) throw this.notFound();
    return { zip, fileName: job.download.fileName };
  }

  /** Resolves when every job started here so far has finished (tests, shutdown). */
  async idle(): Promise<void> {
    await Promise.all([...this.local.values()].map((j) => j.settled));
  }

  async close(): Promise<void> {
    clearInterval(this.sweeper);
    await this.idle();
  }

  private async run(job: LocalJob, input: Omit<BuildPackageInput, 'onProgress'>): Promise<void> {
    const { view } = job;
    const onProgress = (parts: PackagePart[]): void => {
      view.parts = parts;
      job.save.schedule();
    };
    try {
      const result = await this.deps.builder.buildSubmissionPackage({ ...input, onProgress });
      await this.deps.blobs.put(blobKey(view.id), result.zip);
      this.finish(view, 'done', null);
      view.download = { fileName: result.fileName, size: result.zip.length };
      view.manifest = result.manifest;
    } catch (error) {
      this.deps.log.error({ err: error, jobId: view.id }, 'submission package failed');
      this.finish(view, 'failed', error instanceof Error ? error.message : String(error));
    }
    clearInterval(job.heartbeat);
    job.save.cancel();
    await this.save(job);
    this.local.delete(view.id);
    // Forgotten meanwhile (it was taken for lost): so is its zip.
    if (!this.records.get(view.id)) await this.forget(view.id);
  }

  /** Writes the live view to the job's record (never throws: a write that failed is made by the next). */
  private async save(job: LocalJob): Promise<void> {
    const { id: _id, ...view } = job.view;
    try {
      await this.records.update(job.view.id, { ...view, heartbeatAt: new Date().toISOString() });
    } catch (error) {
      this.deps.log.error({ err: error, jobId: job.view.id }, 'package job state not stored');
    }
  }

  /** The record as it stands: a running job whose instance stopped writing it is failed. */
  private effective(record: PackageJobRecord, now: number): PackageJobRecord {
    if (record.status !== 'running' || this.local.has(record.id)) return record;
    const lostAt = Date.parse(record.heartbeatAt) + STALE_MS;
    if (lostAt > now) return record;
    return {
      ...record,
      status: 'failed',
      error: LOST,
      failure: 'lost',
      parts: stoppedParts(record.parts),
      finishedAt: new Date(lostAt).toISOString(),
      expiresAt: new Date(lostAt + this.ttlMs).toISOString(),
    };
  }

  private owned(userId: string, projectId: string, jobId: string): PackageJobRecord {
    const stored = this.records.get(jobId);
    if (!stored || stored.userId !== userId || stored.projectId !== projectId) throw this.notFound();
    const now = Date.now();
    const job = this.effective(stored, now);
    if (job.status !== 'running' && Date.parse(job.expiresAt) <= now) {
      void this.remove(job.id);
      throw this.notFound();
    }
    return job;
  }

  private notFound(): NotFound {
    return new NotFound(
      `package job not found (a finished package is kept for ${Math.round(this.ttlMs / 60_000)} minutes)`,
    );
  }

  private finish(view: PackageJobView, status: 'done' | 'failed', error: string | null): void {
    const now = Date.now();
    view.status = status;
    view.error = error;
    if (status === 'failed') view.parts = stoppedParts(view.parts);
    view.finishedAt = new Date(now).toISOString();
    view.expiresAt = new Date(now + this.ttlMs).toISOString();
  }

  /** Forgets expired jobs, and the oldest finished ones beyond `maxKept` (every instance does; removing twice is harmless). */
  private sweep(): void {
    const now = Date.now();
    const finished: PackageJobRecord[] = [];
    for (const stored of this.records.findMany()) {
      const job = this.effective(stored, now);
      if (job.status === 'running') continue;
      if (Date.parse(job.expiresAt) <= now) void this.remove(job.id);
      else finished.push(job);
    }
    finished.sort((a, b) => (a.finishedAt ?? '').localeCompare(b.finishedAt ?? ''));
    for (const job of finished.slice(0, Math.max(0, finished.length - this.maxKept))) void this.remove(job.id);
  }

  private async remove(jobId: string): Promise<void> {
    try {
      await this.records.remove(jobId);
    } catch (error) {
      this.deps.log.error({ err: error, jobId }, 'package job not removed');
    }
    await this.forget(jobId);
  }

  private async forget(jobId: string): Promise<void> {
    await this.deps.blobs
      .delete(blobKey(jobId))
      .catch((error: unknown) => this.deps.log.error({ err: error, jobId }, 'package job zip not removed'));
  }
}
