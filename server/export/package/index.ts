/** The submission package (提交材料), wired once at startup: the builder and its background jobs. */
import { MaterialsListRenderer } from './MaterialsListRenderer.js';
import type { PackageJobOptions } from './PackageJobs.js';
import { PackageJobs } from './PackageJobs.js';
import type { SubmissionPackageDeps } from './SubmissionPackageService.js';
import { SubmissionPackageService } from './SubmissionPackageService.js';
import type { BlobStore } from '../../storage/types.js';

export type { BuildPackageInput, BuiltPackage } from './SubmissionPackageService.js';

export interface SubmissionPackage {
  /** `buildSubmissionPackage({ projectId, stageLabel, versions?, user })` → `{ zip, manifest, fileName }`. */
  builder: SubmissionPackageService;
  jobs: PackageJobs;
  /** Waits for running jobs, then stops the materials list's worker (shutdown). */
  close(): Promise<void>;
}

export function createSubmissionPackage(
  deps: Omit<SubmissionPackageDeps, 'materialsList'>,
  /** Where the jobs' zips are kept (readable by every instance on PostgreSQL). */
  blobs: BlobStore,
  jobs: PackageJobOptions = {},
): SubmissionPackage {
  const materialsList = new MaterialsListRenderer(deps.log);
  const builder = new SubmissionPackageService({ ...deps, materialsList });
  const packageJobs = new PackageJobs({ builder, store: deps.store, blobs, log: deps.log }, jobs);
  return {
    builder,
    jobs: packageJobs,
    async close() {
      await packageJobs.close();
      await materialsList.close();
    },
  };
}
