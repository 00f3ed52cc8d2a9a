/** The stored form of history entries (one JSON line each in the index, see HistoryIndexFiles). */
import type { HistoryStructureChangeKind } from '@shared/api/history.js';

/** Text changed in one node during an entry. */
export interface TargetRecord {
  /** Stable id, or a part key. */
  key: string;
  nodeType: string;
  /** Enclosing sections then (ids, outermost first): a clause filter still finds a node deleted since. */
  path: string[];
  added: number;
  removed: number;
  formatted?: true;
  attributes?: string[];
}

export interface StructureRecord {
  key: string;
  nodeType: string;
  path: string[];
  change: HistoryStructureChangeKind;
  /** Deleted nodes: their label then; moves: the label before the move. */
  label?: string;
  rows?: number;
}

export interface HistoryRecord {
  /** `<generation>.<index>` of the entry's first stored change. */
  id: string;
  userId: string;
  /** The person's organization when the entry began (null for the system). */
  organizationId: string | null;
  from: number;
  to: number;
  /** Stored updates merged into the entry. */
  updates: number;
  targets: TargetRecord[];
  structure: StructureRecord[];
  /** The document's first change: its creation (from a template). */
  creation?: true;
}

/** Entry ids compare by generation, then index (the order the changes were stored in). */
export function compareEntryIds(a: string, b: string): number {
  const [ag, ai] = a.split('.').map(Number) as [number, number];
  const [bg, bi] = b.split('.').map(Number) as [number, number];
  return ag - bg || ai - bi;
}
