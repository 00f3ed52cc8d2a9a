/** Request bodies of the version API. */
import { z } from 'zod';

/** POST /api/documents/:id/versions: name the current state. */
export const createVersionBody = z
  .object({
    name: z.string().trim().min(1, 'required').max(100),
  })
  .strict();
export type CreateVersionBody = z.infer<typeof createVersionBody>;
