/**
 * The CPU-heavy half of a PostgreSQL compaction, apart from its SQL: the sealed generations' updates
 * merged into per-user history windows, and the document state refreshed with them. Pure, so it runs
 * the same inline and in the compaction worker (compactionMergeWorker.ts).
 */
import { mergeIntoWindows } from '../files/historyWindows.js';
import { mergeUpdatesChunked } from '../files/mergeUpdates.js';
import type { HistoryEntry, StoredUpdate } from '../types.js';

export interface CompactionInput {
  /** The stored state the generations are folded into (null when never compacted). */
  state: Uint8Array | null;
  /** The sealed generations, ascending, each with its updates in log order. */
  generations: { generation: number; updates: StoredUpdate[] }[];
}

export interface CompactionOutput {
  windows: { generation: number; entries: HistoryEntry[] }[];
  /** The state covering every generation of the input. */
  state: Uint8Array;
}

export function mergeForCompaction(input: CompactionInput): CompactionOutput {
  const windows = input.generations.map(({ generation, updates }) => ({
    generation,
    entries: mergeIntoWindows(updates),
  }));
  const parts: Uint8Array[] = input.state ? [input.state] : [];
  for (const { updates } of input.generations) for (const { update } of updates) parts.push(update);
  return { windows, state: mergeUpdatesChunked(parts) };
}

/** The buffers a result can move to another thread with. */
export function compactionBuffers(output: CompactionOutput): ArrayBuffer[] {
  const buffers = new Set<ArrayBuffer>();
  const add = (bytes: Uint8Array): void => {
    const { buffer } = bytes;
    if (buffer instanceof ArrayBuffer && bytes.byteOffset === 0 && bytes.byteLength === buffer.byteLength)
      buffers.add(buffer);
  };
  add(output.state);
  for (const { entries } of output.windows) for (const entry of entries) add(entry.update);
  return [...buffers];
}
