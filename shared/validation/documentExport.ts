/** Requests of the document export (GET /api/documents/:id/export.docx). */
import { z } from 'zod';
import { STANDARD_STAGES } from '../editor/structure/names.js';

/** A stage label printed on a cover: 征求意见稿, 送审稿 or 报批稿. */
export const stageLabel = z.enum(STANDARD_STAGES, { error: `stage must be one of ${STANDARD_STAGES.join(', ')}` });

/** `?version=<id>` exports a stored version instead of the live text; `?stage=` overrides the cover's stage. */
export const documentExportQuery = z.object({
  version: z.string().min(1, 'version must not be empty').max(100).optional(),
  stage: stageLabel.optional(),
});
export type DocumentExportQuery = z.infer<typeof documentExportQuery>;
