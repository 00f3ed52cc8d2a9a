/**
 * Package jobs: a package built in the background while the dialog follows its parts' progress
 * (GET …/package-jobs/:jobId) and then downloads the zip. A job belongs to the user who started it
 * (others get NotFound, as for anything they may not see); it is kept `ttlMs` after it finished
 * (default 15 minutes), then forgotten with its zip. A user runs at most `maxRunningPerUser` jobs at
 * once (RateLimited beyond), and at most `maxKept` finished jobs are kept in memory (oldest go first).
 */
import type { PackageJobView, PackagePart } from '@shared/api/submissionPackage.js';
import { newId } from '../../auth/tokens.js';
import { Conflict, NotFound, RateLimited } from '../../domain/errors.js';
import type { Logger } from '../../logger.js';
import type { BuildPackageInput, BuiltPackage } from './SubmissionPackageService.js';

export interface PackageJobOptions {
  ttlMs?: number;
  maxRunningPerUser?: number;
  maxKept?: number;
}

interface Job {
  view: PackageJobView;
  userId: string;
  result: BuiltPackage | null;
  /** Settles when the build ended (tests and shutdown wait for it). */
  settled: Promise<void>;
}

/** What the jobs run: a check that fails at once (access, bad versions), then the build. */
export interface PackageBuilder {
  validate(input: Omit<BuildPackageInput, 'onProgress'>): void;
  buildSubmissionPackage(input: BuildPackageInput): Promise<BuiltPackage>;
}

const DEFAULT_TTL_MS = 15 * 60 * 1000;
const SWEEP_MS = 60 * 1000;

export class PackageJobs {
  private readonly jobs = new Map<string, Job>();
  private readonly ttlMs: number;
  private readonly maxRunningPerUser: number;
  private readonly maxKept: number;
  private readonly sweeper: NodeJS.Timeout;

  constructor(
    private readonly builder: PackageBuilder,
    private readonly log: Logger,
    options: PackageJobOptions = {},
  ) {
    this.ttlMs = options.ttlMs ?? DEFAULT_TTL_MS;
    this.maxRunningPerUser = options.maxRunningPerUser ?? 2;
    this.maxKept = options.maxKept ?? 50;
    this.sweeper = setInterval(() => this.sweep(), Math.min(SWEEP_MS, this.ttlMs)).unref();
  }

  /** Starts building; answers at once with the job and its parts (pending). NotFound/Invalid as the build would throw. */
  start(input: Omit<BuildPackageInput, 'onProgress'>): PackageJobView {
    this.builder.validate(input);
    this.sweep();
    const running = [...this.jobs.values()].filter((j) => j.userId === input.user.id && j.view.status === 'running');
    if (running.length >= this.maxRunningPerUser)
      throw new RateLimited(`${running.length} packages are being built for you already; wait for them to finish`);
    const now = new Date();
    const view: PackageJobView = {
      id: newId('pkg'),
      projectId: input.projectId,
      stageLabel: input.stageLabel,
      status: 'running',
      parts: [],
      createdAt: now.toISOString(),
      finishedAt: null,
      expiresAt: new Date(now.getTime() + this.ttlMs).toISOString(),
      error: null,
      download: null,
      manifest: null,
    };
    const job: Job = { view, userId: input.user.id, result: null, settled: Promise.resolve() };
    this.jobs.set(view.id, job);
    const onProgress = (parts: PackagePart[]): void => {
      view.parts = parts;
    };
    job.settled = this.builder.buildSubmissionPackage({ ...input, onProgress }).then(
      (result) => {
        job.result = result;
        this.finish(view, 'done', null);
        view.download = { fileName: result.fileName, size: result.zip.length };
        view.manifest = result.manifest;
      },
      (error: unknown) => {
        this.log.error({ err: error, jobId: view.id }, 'submission package failed');
        this.finish(view, 'failed', error instanceof Error ? error.message : String(error));
      },
    );
    return { ...view };
  }

  /** The job as its owner sees it (NotFound for anyone else, an unknown or an expired job). */
  view(userId: string, projectId: string, jobId: string): PackageJobView {
    return { ...this.owned(userId, projectId, jobId).view };
  }

  /** The finished zip (Conflict while it is still being built or when it failed). */
  download(userId: string, projectId: string, jobId: string): BuiltPackage {
    const job = this.owned(userId, projectId, jobId);
    if (job.view.status === 'running') throw new Conflict('the package is still being built');
    if (!job.result) throw new Conflict(`the package could not be built: ${job.view.error ?? 'unknown error'}`);
    return job.result;
  }

  /** Resolves when every job started so far has finished (tests, shutdown). */
  async idle(): Promise<void> {
    await Promise.all([...this.jobs.values()].map((j) => j.settled));
  }

  async close(): Promise<void> {
    clearInterval(this.sweeper);
    await this.idle();
    this.jobs.clear();
  }

  private owned(userId: string, projectId: string, jobId: string): Job {
    this.sweep();
    const job = this.jobs.get(jobId);
    if (!job || job.userId !== userId || job.view.projectId !== projectId)
      throw new NotFound(
        `package job not found (a finished package is kept for ${Math.round(this.ttlMs / 60_000)} minutes)`,
      );
    return job;
  }

  private finish(view: PackageJobView, status: 'done' | 'failed', error: string | null): void {
    const now = Date.now();
    view.status = status;
    view.error = error;
    view.finishedAt = new Date(now).toISOString();
    view.expiresAt = new Date(now + this.ttlMs).toISOString();
  }

  /** Forgets expired jobs, and the oldest finished ones beyond `maxKept`. */
  private sweep(): void {
    const now = Date.now();
    for (const [id, job] of this.jobs) {
      if (job.view.status !== 'running' && Date.parse(job.view.expiresAt) <= now) this.jobs.delete(id);
    }
    const finished = [...this.jobs.values()]
      .filter((j) => j.view.status !== 'running')
      .sort((a, b) => (a.view.finishedAt ?? '').localeCompare(b.view.finishedAt ?? ''));
    for (const job of finished.slice(0, Math.max(0, finished.length - this.maxKept))) this.jobs.delete(job.view.id);
  }
}
