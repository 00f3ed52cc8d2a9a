/**
 * The submission package (提交材料) of each submission: built in the background from the frozen
 * versions by the package export (server/export/package — called, never duplicated), stored as the
 * blob `submissions/<submissionId>.zip` (in the data dir, or in PostgreSQL where every instance reads
 * it; written atomically, never changed), its manifest kept on the submission. Builds run one at a
 * time per instance, each under a task lock on its submission, so two instances never build one
 * package at once. A build interrupted by a restart, or by the death of the instance running it, is
 * run again: at start, and by a check every minute on every instance.
 */
import type { Submission, SubmissionPackageState } from '@shared/workflow/submissions.js';
import type { SubmissionPackageService } from '../export/package/SubmissionPackageService.js';
import { Conflict, NotFound } from '../domain/errors.js';
import type { Logger } from '../logger.js';
import type { ProjectEventHub } from '../realtime/ProjectEventHub.js';
import { KeyedQueue } from '../lib/KeyedQueue.js';
import type { BlobStore, MetadataStore, TaskLocks } from '../storage/types.js';

/** The part of the package export the workflow uses. */
export type PackageBuilder = Pick<SubmissionPackageService, 'buildSubmissionPackage'>;

const SAFE_ID = /^[A-Za-z0-9_-]{1,100}$/;
const ALL_BUILDS = 'packages';
/** How often every instance looks for builds nobody runs any more. */
const RECHECK_MS = 60_000;

export interface SubmissionPackagesDeps {
  store: MetadataStore;
  blobs: BlobStore;
  locks: TaskLocks;
  builder: () => PackageBuilder;
  hub: ProjectEventHub;
  log: Logger;
}

export class SubmissionPackages {
  private readonly builds = new KeyedQueue();
  /** Submissions queued or being built here. */
  private readonly queued = new Set<string>();
  private recheck: NodeJS.Timeout | null = null;

  constructor(private readonly deps: SubmissionPackagesDeps) {}

  private key(submissionId: string): string {
    if (!SAFE_ID.test(submissionId)) throw new NotFound('package not found');
    return `submissions/${submissionId}.zip`;
  }

  /** Queues the build of a submission's package (returns at once; the submission's `package` follows). */
  build(submission: Submission): void {
    const id = submission.id;
    if (this.queued.has(id)) return;
    this.queued.add(id);
    void this.builds
      .run(ALL_BUILDS, () => this.run(id))
      .catch((error: unknown) =>
        // Left `building`: the next check runs it again.
        this.deps.log.error({ err: error, submissionId: id }, 'submission package build not started'),
      )
      .finally(() => this.queued.delete(id));
  }

  /**
   * Builds again what a restart interrupted, and from now on checks every minute for builds whose
   * instance stopped (those another instance is running are left to it: their lock is held).
   */
  resumeInterrupted(): void {
    this.resume();
    this.recheck ??= setInterval(() => this.resume(), RECHECK_MS).unref();
  }

  private resume(): void {
    for (const submission of this.deps.store.collection('submissions').findMany())
      if (submission.package.status === 'building') this.build(submission);
  }

  private async run(submissionId: string): Promise<void> {
    const release = await this.deps.locks.tryLock(`submission-package:${submissionId}`);
    if (!release) return;
    try {
      // Read under the lock: another instance may have built it meanwhile.
      const submission = this.deps.store.collection('submissions').get(submissionId);
      if (submission?.package.status === 'building') await this.buildNow(submission);
    } finally {
      await release();
    }
  }

  private async buildNow(submission: Submission): Promise<void> {
    const { store, log } = this.deps;
    let state: SubmissionPackageState;
    try {
      const user = store.collection('users').get(submission.submittedBy);
      if (!user) throw new Error(`the submitter ${submission.submittedBy} no longer exists`);
      const built = await this.deps.builder().buildSubmissionPackage({
        projectId: submission.projectId,
        stageLabel: submission.stageLabel,
        versions: Object.fromEntries(submission.documents.map((d) => [d.documentId, d.versionId])),
        user,
      });
      await this.deps.blobs.put(this.key(submission.id), built.zip);
      state = { status: 'ready', fileName: built.fileName, size: built.zip.length, manifest: built.manifest };
    } catch (error) {
      log.error({ err: error, submissionId: submission.id }, 'submission package not built');
      state = { status: 'failed', error: error instanceof Error ? error.message : String(error) };
    }
    await store.collection('submissions').update(submission.id, { package: state });
    this.deps.hub.publish(submission.projectId, { type: 'workflow-changed' });
  }

  /** The zip of a submission whose package is ready. */
  async read(submission: Submission): Promise<{ data: Uint8Array; fileName: string }> {
    if (submission.package.status !== 'ready')
      throw new Conflict(`the package is not ready (${submission.package.status})`);
    const data = await this.deps.blobs.get(this.key(submission.id));
    if (!data) throw new NotFound('the package file is missing');
    return { data, fileName: submission.package.fileName };
  }

  /** Waits for every queued build (tests, shutdown). */
  async idle(): Promise<void> {
    await this.builds.idle();
  }

  /** Stops the checks and waits for the queued builds (shutdown). */
  async close(): Promise<void> {
    if (this.recheck) clearInterval(this.recheck);
    this.recheck = null;
    await this.idle();
  }
}
