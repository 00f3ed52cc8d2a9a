/** Messages between the server and the difference worker (server/versions/diff/diffWorker.ts). */
import type { DiffPart, IndicatorChange } from '@shared/api/versionDiff.js';
import type { HistoryEntry } from '../../storage/types.js';

/** A document state and the key it is cached under in the worker (a version id, or the state's hash). */
export interface StateInput {
  key: string;
  state: Uint8Array;
}

export interface DiffRequest {
  documentId: string;
  from: StateInput;
  to: StateInput;
  /** The document's stored history (the attribution's source) and its fingerprint. */
  history: { key: string; entries: HistoryEntry[] };
  /** For the drafting explanation and the report: the standard text, which their links point at. */
  standard: StateInput | null;
  /** Cells of this document that indicator links (关联指标) of the project point at. */
  linkedCells: string[];
}

export interface DiffResult {
  parts: DiffPart[];
  indicators: IndicatorChange[];
  counts: { inserted: number; deleted: number; changedParts: number };
  /** Everyone named as an author, in order of appearance. */
  authorIds: string[];
}

/** Read ahead of the first difference: the parts of these states, the attribution index of this history. */
export interface PrepareRequest {
  documentId: string;
  states: StateInput[];
  history: { key: string; entries: HistoryEntry[] } | null;
}

/**
 * What the worker is asked: a difference; to read states and a history ahead (`prepare`, when a
 * version is named or the versions are listed); or nothing (`warm`: the worker starts and loads its
 * code before the first difference is asked for).
 */
export type DiffJob =
  | { kind: 'diff'; request: DiffRequest }
  | { kind: 'prepare'; request: PrepareRequest }
  | { kind: 'warm' };

export type DiffJobResult = DiffResult | null;
