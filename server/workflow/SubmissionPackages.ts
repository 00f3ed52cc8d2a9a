/**
 * The submission package (提交材料) of each submission: built in the background from the frozen
 * versions by the package export (server/export/package — called, never duplicated), stored as
 * `<dataDir>/submissions/<submissionId>.zip` (written atomically, never changed), its manifest kept
 * on the submission. Builds run one at a time; a build interrupted by a restart is run again.
 */
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Submission, SubmissionPackageState } from '@shared/workflow/submissions.js';
import type { SubmissionPackageService } from '../export/package/SubmissionPackageService.js';
import { Conflict, NotFound } from '../domain/errors.js';
import type { Logger } from '../logger.js';
import type { ProjectEventHub } from '../realtime/ProjectEventHub.js';
import { KeyedQueue } from '../lib/KeyedQueue.js';
import { writeFileAtomic } from '../storage/files/atomicWrite.js';
import type { MetadataStore } from '../storage/types.js';

/** The part of the package export the workflow uses. */
export type PackageBuilder = Pick<SubmissionPackageService, 'buildSubmissionPackage'>;

const SAFE_ID = /^[A-Za-z0-9_-]{1,100}$/;
const ALL_BUILDS = 'packages';

export class SubmissionPackages {
  private readonly builds = new KeyedQueue();

  constructor(
    private readonly store: MetadataStore,
    private readonly dir: string,
    private readonly builder: () => PackageBuilder,
    private readonly hub: ProjectEventHub,
    private readonly log: Logger,
  ) {}

  private file(submissionId: string): string {
    if (!SAFE_ID.test(submissionId)) throw new NotFound('package not found');
    return join(this.dir, `${submissionId}.zip`);
  }

  /** Queues the build of a submission's package (returns at once; the submission's `package` follows). */
  build(submission: Submission): void {
    void this.builds.run(ALL_BUILDS, () => this.run(submission));
  }

  /** Builds again what a restart interrupted. */
  resumeInterrupted(): void {
    for (const submission of this.store.collection('submissions').findMany())
      if (submission.package.status === 'building') this.build(submission);
  }

  private async run(submission: Submission): Promise<void> {
    let state: SubmissionPackageState;
    try {
      const user = this.store.collection('users').get(submission.submittedBy);
      if (!user) throw new Error(`the submitter ${submission.submittedBy} no longer exists`);
      const built = await this.builder().buildSubmissionPackage({
        projectId: submission.projectId,
        stageLabel: submission.stageLabel,
        versions: Object.fromEntries(submission.documents.map((d) => [d.documentId, d.versionId])),
        user,
      });
      await mkdir(this.dir, { recursive: true });
      await writeFileAtomic(this.file(submission.id), built.zip);
      state = { status: 'ready', fileName: built.fileName, size: built.zip.length, manifest: built.manifest };
    } catch (error) {
      this.log.error({ err: error, submissionId: submission.id }, 'submission package not built');
      state = { status: 'failed', error: error instanceof Error ? error.message : String(error) };
    }
    await this.store.collection('submissions').update(submission.id, { package: state });
    this.hub.publish(submission.projectId, { type: 'workflow-changed' });
  }

  /** The zip of a submission whose package is ready. */
  async read(submission: Submission): Promise<{ data: Uint8Array; fileName: string }> {
    if (submission.package.status !== 'ready')
      throw new Conflict(`the package is not ready (${submission.package.status})`);
    const data = await readFile(this.file(submission.id));
    return { data: new Uint8Array(data), fileName: submission.package.fileName };
  }

  /** Waits for every queued build (tests, shutdown). */
  async idle(): Promise<void> {
    await this.builds.idle();
  }
}
