/** Requests of the submission package API (GET /api/projects/:id/package, package jobs). */
import { z } from 'zod';
import { STANDARD_STAGES } from '../editor/structure/names.js';

const stage = z.enum(STANDARD_STAGES, { error: `stage must be one of ${STANDARD_STAGES.join(', ')}` });

/**
 * Per document id, the stored version to package instead of the live text (the stage workflow's
 * frozen 送审稿 / 报批稿); documents not named are packaged as they are now.
 */
const versions = z.record(z.string().min(1).max(100), z.string().min(1).max(100));

/** GET /api/projects/:id/package?stage=送审稿[&pdf=0] */
export const packageQuery = z.object({
  stage,
  /** `0` leaves out the PDF copies (faster; the manifest says they were not requested). */
  pdf: z.enum(['0', '1'], { error: 'pdf must be 0 or 1' }).default('1'),
});
export type PackageQuery = z.infer<typeof packageQuery>;

/** POST /api/projects/:id/package-jobs */
export const packageJobBody = z
  .object({
    stage,
    pdf: z.boolean().default(true),
    versions: versions.optional(),
  })
  .strict();
export type PackageJobBody = z.infer<typeof packageJobBody>;
