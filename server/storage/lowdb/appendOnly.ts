/**
 * Collections whose records are only ever added — never updated, never removed. The embedded store
 * keeps each in its own log (`DATA_DIR/metadata/<name>.jsonl`, one record per line) that is never
 * rewritten, so it can grow to millions of records without making any change, or any checkpoint,
 * cost more: the audit log, the workflow's stage log. To make a collection append-only, add its name
 * here; updating or removing one of its records is then refused.
 */
import type { CollectionName } from '../types.js';

export const APPEND_ONLY_COLLECTIONS: readonly CollectionName[] = ['audit', 'stageLog'];

export function isAppendOnly(name: string): boolean {
  return (APPEND_ONLY_COLLECTIONS as readonly string[]).includes(name);
}
