/** Request bodies of the version API. */
import { z } from 'zod';

/** POST /api/documents/:id/versions: name the current state. */
export const createVersionBody = z
  .object({
    name: z.string().trim().min(1, 'required').max(100),
  })
  .strict();
export type CreateVersionBody = z.infer<typeof createVersionBody>;

/** `current`: the live state of the document (in a difference, beside a version id). */
export const CURRENT_STATE = 'current';

const stateRef = z.string().trim().min(1, 'required').max(100);

/** GET /api/documents/:id/diff and /diff.docx: `from` and `to` are version ids or `current`. */
export const diffQuery = z.object({ from: stateRef, to: stateRef.default(CURRENT_STATE) });
export type DiffQuery = z.infer<typeof diffQuery>;

/** Parts a restore may name besides a stable id: the cover, the foreword, the bibliography. */
export const FIXED_PART_KEYS = ['cover', 'foreword', 'bibliography'] as const;

/**
 * POST /api/documents/:id/restore: bring the whole document (no `clauseId`) or one part (a chapter,
 * clause, annex, term, table or figure by stable id; `cover`, `foreword`, `bibliography`) back to
 * a version.
 */
export const restoreBody = z
  .object({
    version: z.string().trim().min(1, 'required').max(100),
    clauseId: z
      .string()
      .regex(/^[A-Za-z0-9_-]{1,64}$/, 'a stable id')
      .optional(),
  })
  .strict();
export type RestoreBody = z.infer<typeof restoreBody>;
