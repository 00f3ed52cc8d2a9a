/** Query of the change history API (GET /api/documents/:id/history and history.xlsx). */
import { z } from 'zod';
import { PROJECT_STAGES } from '../domain/project.js';

/** `YYYY-MM-DD` (a calendar day in China) or an ISO date-time with offset. */
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const moment = z
  .string()
  .trim()
  .refine((value) => (DAY.test(value) || value.includes('T')) && !Number.isNaN(Date.parse(value)), {
    message: 'a date (YYYY-MM-DD) or an ISO date-time',
  });

/** An entry id: `<generation>.<index>`. */
export const HISTORY_ENTRY_ID = /^\d{1,9}\.\d{1,9}$/;

export const HISTORY_PAGE_SIZE = 50;
export const HISTORY_MAX_PAGE_SIZE = 200;

export const historyQuery = z
  .object({
    /** A chapter, clause, annex, table, figure, term or reference by stable id, or a part key. */
    clauseId: z
      .string()
      .regex(/^[A-Za-z0-9_-]{1,64}$/, 'a stable id or a part key')
      .optional(),
    organizationId: z.string().trim().min(1).max(100).optional(),
    userId: z.string().trim().min(1).max(100).optional(),
    from: moment.optional(),
    to: moment.optional(),
    stage: z.enum(PROJECT_STAGES).optional(),
    /** The `nextCursor` of the previous page. */
    cursor: z.string().regex(HISTORY_ENTRY_ID, 'the nextCursor of a previous page').optional(),
    limit: z.coerce.number().int().min(1).max(HISTORY_MAX_PAGE_SIZE).optional(),
  })
  .strict()
  .refine((q) => !q.from || !q.to || momentStart(q.from) <= momentEnd(q.to), {
    message: 'from must not be after to',
    path: ['to'],
  });
export type HistoryQuery = z.infer<typeof historyQuery>;

const CHINA_OFFSET = '+08:00';

/** The first millisecond a `from` value names (a day starts at midnight in China). */
export function momentStart(value: string): number {
  return DAY.test(value) ? Date.parse(`${value}T00:00:00.000${CHINA_OFFSET}`) : Date.parse(value);
}

/** The last millisecond a `to` value names (a day ends at midnight in China). */
export function momentEnd(value: string): number {
  return DAY.test(value) ? Date.parse(`${value}T23:59:59.999${CHINA_OFFSET}`) : Date.parse(value);
}
