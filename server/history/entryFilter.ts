/**
 * Which entries a history query keeps: by person, organization, time, stage and clause. A clause
 * keeps the changes made in it and in everything inside it (its subclauses, tables, terms), found
 * through the current structure — and, for nodes deleted since, through where they were then.
 */
import type { HistoryQuery } from '@shared/validation/history.js';
import { momentEnd, momentStart } from '@shared/validation/history.js';
import type { StagePeriod } from '@shared/api/history.js';
import type { Numbering } from '@shared/editor/structure/numbering.js';
import type { HistoryRecord } from './historyRecords.js';
import { inStage } from './stagePeriods.js';

export interface FilterContext {
  /** The document's current numbering. */
  numbering: Numbering;
  periods: readonly StagePeriod[];
}

export type EntryMatcher = (record: HistoryRecord) => boolean;

/** The ids inside `clauseId` now (itself included). */
function within(numbering: Numbering, clauseId: string): Set<string> {
  const ids = new Set([clauseId]);
  for (const item of Object.values(numbering.byId)) if (item.path.includes(clauseId)) ids.add(item.id);
  return ids;
}

export function entryMatcher(query: HistoryQuery, context: FilterContext): EntryMatcher {
  const tests: EntryMatcher[] = [];
  if (query.userId) tests.push((record) => record.userId === query.userId);
  if (query.organizationId) tests.push((record) => record.organizationId === query.organizationId);
  if (query.from) {
    const from = momentStart(query.from);
    tests.push((record) => record.to >= from);
  }
  if (query.to) {
    const to = momentEnd(query.to);
    tests.push((record) => record.from <= to);
  }
  if (query.stage) {
    const stage = query.stage;
    tests.push((record) => inStage(context.periods, stage, record.from, record.to));
  }
  if (query.clauseId) {
    const clauseId = query.clauseId;
    const inside = within(context.numbering, clauseId);
    const touches = (node: { key: string; path: string[] }): boolean =>
      inside.has(node.key) || (!context.numbering.byId[node.key] && node.path.includes(clauseId));
    tests.push((record) => record.targets.some(touches) || record.structure.some(touches));
  }
  return (record) => tests.every((test) => test(record));
}
