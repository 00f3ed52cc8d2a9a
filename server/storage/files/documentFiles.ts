/**
 * The files of one document's directory (see FileDocumentStore): listing them, reading segments and
 * logs (truncating a torn log tail), dropping logs a crash left behind after their compaction, and
 * compaction itself. Plain functions of a directory, so that compaction can run in a worker thread.
 */
import { readdir, readFile, truncate, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import * as Y from 'yjs';
import type { HistoryEntry, StoredUpdate } from '../types.js';
import { writeFileAtomic } from './atomicWrite.js';
import { frameRecords, parseRecords } from './recordFile.js';
import { decodeHistoryEntry, decodeSnapshot, decodeStoredUpdate, encodeHistoryEntry, encodeSnapshot } from './codec.js';
import { mergeIntoWindows } from './historyWindows.js';
import { mergeUpdatesChunked } from './mergeUpdates.js';

export interface DocFiles {
  snapshot: { generation: number; state: Uint8Array } | null;
  segments: number[];
  logs: number[];
}

export async function listFiles(dir: string): Promise<DocFiles> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { snapshot: null, segments: [], logs: [] };
    throw error;
  }
  const numbered = (prefix: string): number[] =>
    names
      .map((n) => new RegExp(`^${prefix}-(\\d+)\\.bin$`).exec(n))
      .filter((m): m is RegExpExecArray => m !== null)
      .map((m) => Number(m[1]))
      .sort((a, b) => a - b);
  let snapshot: DocFiles['snapshot'] = null;
  if (names.includes('state.bin')) {
    const { records } = parseRecords(await readFile(join(dir, 'state.bin')));
    if (records[0]) snapshot = decodeSnapshot(records[0]);
  }
  return { snapshot, segments: numbered('seg'), logs: numbered('log') };
}

export async function readSegment(dir: string, generation: number): Promise<HistoryEntry[]> {
  const data = await readFile(join(dir, `seg-${generation}.bin`));
  return parseRecords(data).records.map(decodeHistoryEntry);
}

/** Reads a log, truncating a torn tail left by a crash mid-append. */
export async function readLog(dir: string, generation: number): Promise<StoredUpdate[]> {
  const path = join(dir, `log-${generation}.bin`);
  const data = await readFile(path);
  const { records, validLength } = parseRecords(data);
  if (validLength < data.length) await truncate(path, validLength);
  return records.map(decodeStoredUpdate);
}

/**
 * The updates of a log from the `skip`-th on (the earlier ones are only framed, not decoded),
 * truncating a torn tail like `readLog`.
 */
export async function readLogFrom(dir: string, generation: number, skip: number): Promise<StoredUpdate[]> {
  const path = join(dir, `log-${generation}.bin`);
  const data = await readFile(path);
  const { records, validLength } = parseRecords(data);
  if (validLength < data.length) await truncate(path, validLength);
  return records.slice(skip).map(decodeStoredUpdate);
}

/** Removes logs already compacted into a segment (a crash between the two steps); returns the live ones. */
export async function dropStaleLogs(dir: string, files: DocFiles): Promise<number[]> {
  const live: number[] = [];
  for (const g of files.logs) {
    if (files.segments.includes(g)) await unlink(join(dir, `log-${g}.bin`));
    else live.push(g);
  }
  return live;
}

/**
 * log g → seg g (history windows) → state.bin (generation g) → log removed. The caller has closed the
 * log; the next append opens g+1. Returns the new state's size, or null when there was nothing to do.
 */
export async function compactDirectory(dir: string): Promise<number | null> {
  const files = await listFiles(dir);
  const logs = await dropStaleLogs(dir, files);
  if (logs.length === 0) return null;
  const parts: Uint8Array[] = files.snapshot ? [files.snapshot.state] : [];
  const covered = files.snapshot?.generation ?? 0;
  for (const g of files.segments.filter((s) => s > covered)) {
    for (const entry of await readSegment(dir, g)) parts.push(entry.update);
  }
  let generation = covered;
  for (const g of logs) {
    const windows = mergeIntoWindows(await readLog(dir, g));
    await writeFileAtomic(join(dir, `seg-${g}.bin`), frameRecords(windows.map(encodeHistoryEntry)));
    for (const w of windows) parts.push(w.update);
    generation = g;
  }
  const state = Y.encodeStateAsUpdate(docFromUpdates(parts));
  await writeFileAtomic(join(dir, 'state.bin'), frameRecords([encodeSnapshot(generation, state)]));
  for (const g of logs) await unlink(join(dir, `log-${g}.bin`));
  return state.byteLength;
}

/** Applies updates to a fresh doc (gc on) so the stored state drops deleted content. */
function docFromUpdates(parts: Uint8Array[]): Y.Doc {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, mergeUpdatesChunked(parts));
  return doc;
}
