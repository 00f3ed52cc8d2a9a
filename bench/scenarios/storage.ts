/**
 * Benchmark 3 — storage cost per stored edit as the document grows (1 KB → 1 MB of text).
 *
 * Measures the storage layer directly, in this process:
 *  - ours: `FileDocumentStore` (server/storage/files): every store appends the new update(s) to the
 *    document's log and fsyncs; compaction (log → history segment + fresh state snapshot) runs when
 *    the log exceeds max(256 KB, ½ × state size).
 *  - naive baseline: one lowdb JSON file holding the whole document state (base64), rewritten on
 *    every store (`new Low(new JSONFile(path), defaults)`; lowdb writes a temp file and renames it,
 *    without fsync).
 *
 * For each size a Y.Doc is grown to that much text (100-character insertions at random places),
 * its state is stored once (and compacted, so ours starts from a snapshot), then `edits`
 * single-keystroke updates (typing bursts at random places) are stored one store call each — as
 * the server's debounced store does for a lone edit. Bytes written are the process's write()
 * bytes (/proc/self/io `wchar`: everything written, including rewritten files), and the growth of
 * the files on disk. Ours is charged its amortized compaction too: one compaction at this size is
 * measured and spread over the number of edits that fill the log up to the compaction threshold.
 */
import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import * as Y from 'yjs';
import { Low } from 'lowdb';
import { JSONFile } from 'lowdb/node';
import { FileDocumentStore } from '../../server/storage/files/FileDocumentStore.js';
import { mergeIntoWindows } from '../../server/storage/files/historyWindows.js';
import { progress } from '../lib/report.js';

export interface StorageRow {
  layout: 'ours' | 'lowdb';
  textBytes: number;
  stateBytes: number;
  edits: number;
  /** Mean wall time of one store call (µs), appends only. */
  usPerEdit: number;
  p99UsPerEdit: number;
  /** Bytes written per edit by the stores themselves. */
  bytesWrittenPerEdit: number;
  /** Amortized compaction cost per edit (ours), included in the totals below. */
  compactionBytesPerEdit: number;
  compactionUsPerEdit: number;
  compactionMs: number;
  editsPerCompaction: number;
  totalBytesPerEdit: number;
  totalUsPerEdit: number;
  /** Growth of the files on disk per edit (before compaction). */
  diskGrowthPerEdit: number;
}

const DOC_ID = 'storage-bench';
const TEXT = 'content';
const USER = 'user-1';
const MIN_COMPACT_BYTES = 256 * 1024; // FileDocumentStore defaults
const COMPACT_RATIO = 0.5;

function wchar(): number {
  const match = /wchar:\s*(\d+)/.exec(readFileSync('/proc/self/io', 'utf8'));
  if (!match) throw new Error('/proc/self/io has no wchar');
  return Number(match[1]);
}

async function dirBytes(dir: string): Promise<number> {
  let total = 0;
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) total += await dirBytes(path);
    else total += (await stat(path)).size;
  }
  return total;
}

const WORDS =
  'the quick brown fox jumps over a lazy dog while standards drafting groups review every clause of the document'.split(
    ' ',
  );

function randomProse(length: number): string {
  let out = '';
  while (out.length < length) out += `${WORDS[Math.floor(Math.random() * WORDS.length)]} `;
  return out.slice(0, length);
}

/** Grows a document to `size` characters with 100-character insertions at random places. */
function growDocument(size: number): Y.Doc {
  const doc = new Y.Doc();
  const text = doc.getText(TEXT);
  while (text.length < size) {
    const chunk = Math.min(100, size - text.length);
    doc.transact(() => text.insert(Math.floor(Math.random() * (text.length + 1)), randomProse(chunk)));
  }
  return doc;
}

/** `count` single-character updates: bursts of typing at random places. */
function keystrokes(doc: Y.Doc, count: number): Uint8Array[] {
  const text = doc.getText(TEXT);
  const updates: Uint8Array[] = [];
  const onUpdate = (u: Uint8Array): void => {
    updates.push(u);
  };
  doc.on('update', onUpdate);
  let cursor = 0;
  for (let i = 0; i < count; i++) {
    if (i % 20 === 0) cursor = Math.floor(Math.random() * (text.length + 1));
    text.insert(cursor, 'abcdefghijklmnopqrstuvwxyz'[i % 26]!);
    cursor++;
  }
  doc.off('update', onUpdate);
  return updates;
}

function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? NaN;
}

async function measureOurs(initialState: Uint8Array, textBytes: number, updates: Uint8Array[]): Promise<StorageRow> {
  const root = await mkdtemp(join(tmpdir(), 'bench-store-'));
  try {
    const store = new FileDocumentStore(root);
    await store.append(DOC_ID, [{ update: initialState, userId: USER, at: Date.now() }]);
    await store.compact(DOC_ID);
    const stateFileBytes = (await stat(join(root, DOC_ID, 'state.bin'))).size;
    const diskBefore = await dirBytes(root);
    const times: number[] = [];
    const w0 = wchar();
    for (const update of updates) {
      const t0 = performance.now();
      await store.append(DOC_ID, [{ update, userId: USER, at: Date.now() }]);
      times.push((performance.now() - t0) * 1000);
    }
    const written = wchar() - w0;
    const diskGrowth = (await dirBytes(root)) - diskBefore;
    // One compaction at this size (folds the log just written into a segment + a new snapshot).
    const c0 = wchar();
    const t0 = performance.now();
    await store.compact(DOC_ID);
    const compactionMs = performance.now() - t0;
    const compactionBytes = wchar() - c0;
    await store.close();

    const logBytesPerEdit = diskGrowth / updates.length;
    const threshold = Math.max(MIN_COMPACT_BYTES, stateFileBytes * COMPACT_RATIO);
    const editsPerCompaction = threshold / logBytesPerEdit;
    const usPerEdit = times.reduce((a, b) => a + b, 0) / times.length;
    const bytesWrittenPerEdit = written / updates.length;
    const compactionBytesPerEdit = compactionBytes / editsPerCompaction;
    const compactionUsPerEdit = (compactionMs * 1000) / editsPerCompaction;
    return {
      layout: 'ours',
      textBytes,
      stateBytes: stateFileBytes,
      edits: updates.length,
      usPerEdit,
      p99UsPerEdit: quantile(times, 0.99),
      bytesWrittenPerEdit,
      compactionBytesPerEdit,
      compactionUsPerEdit,
      compactionMs,
      editsPerCompaction,
      totalBytesPerEdit: bytesWrittenPerEdit + compactionBytesPerEdit,
      totalUsPerEdit: usPerEdit + compactionUsPerEdit,
      diskGrowthPerEdit: logBytesPerEdit,
    };
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}

async function measureLowdb(initialState: Uint8Array, textBytes: number, updates: Uint8Array[]): Promise<StorageRow> {
  const root = await mkdtemp(join(tmpdir(), 'bench-lowdb-'));
  try {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, initialState);
    const db = new Low<{ documents: Record<string, string> }>(new JSONFile(join(root, 'db.json')), { documents: {} });
    await db.read();
    db.data.documents[DOC_ID] = Buffer.from(Y.encodeStateAsUpdate(doc)).toString('base64');
    await db.write();
    const diskBefore = await dirBytes(root);
    const times: number[] = [];
    const w0 = wchar();
    for (const update of updates) {
      // The server holds the live Y.Doc; storing = encode the whole state and rewrite the file.
      Y.applyUpdate(doc, update);
      const t0 = performance.now();
      db.data.documents[DOC_ID] = Buffer.from(Y.encodeStateAsUpdate(doc)).toString('base64');
      await db.write();
      times.push((performance.now() - t0) * 1000);
    }
    const written = wchar() - w0;
    const diskGrowth = (await dirBytes(root)) - diskBefore;
    const usPerEdit = times.reduce((a, b) => a + b, 0) / times.length;
    const bytesWrittenPerEdit = written / updates.length;
    doc.destroy();
    return {
      layout: 'lowdb',
      textBytes,
      stateBytes: Y.encodeStateAsUpdate(doc).byteLength,
      edits: updates.length,
      usPerEdit,
      p99UsPerEdit: quantile(times, 0.99),
      bytesWrittenPerEdit,
      compactionBytesPerEdit: 0,
      compactionUsPerEdit: 0,
      compactionMs: 0,
      editsPerCompaction: NaN,
      totalBytesPerEdit: bytesWrittenPerEdit,
      totalUsPerEdit: usPerEdit,
      diskGrowthPerEdit: diskGrowth / updates.length,
    };
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}

export async function runStorage(sizes: number[], edits: number): Promise<StorageRow[]> {
  const rows: StorageRow[] = [];
  for (const size of sizes) {
    progress(
      `storage: growing a ${size.toLocaleString('en-US')}-character document, then ${edits} stored keystrokes per layout`,
    );
    const doc = growDocument(size);
    const initialState = Y.encodeStateAsUpdate(doc);
    const updates = keystrokes(doc, edits);
    rows.push(await measureOurs(initialState, size, updates));
    rows.push(await measureLowdb(initialState, size, updates));
    doc.destroy();
  }
  return rows;
}

export interface CompactionRow {
  updates: number;
  logBytes: number;
  /** One `append` of all the updates (what one debounced store of a burst does), which then compacts. */
  appendWithCompactionMs: number;
  /** Whether that append crossed the log threshold and compacted. */
  compacted: boolean;
  /** `mergeIntoWindows` alone (server/storage/files/historyWindows.ts): one Y.mergeUpdates per window. */
  mergeIntoWindowsMs: number;
  /** The same merge done in chunks of 64 (then merging the results); gives identical bytes. */
  chunkedMergeMs: number;
  sameBytes: boolean;
}

function chunkedMerge(updates: Uint8Array[], chunk = 64): Uint8Array {
  let parts = updates;
  while (parts.length > 1) {
    const next: Uint8Array[] = [];
    for (let i = 0; i < parts.length; i += chunk) next.push(Y.mergeUpdates(parts.slice(i, i + chunk)));
    parts = next;
  }
  return parts[0] ?? Y.mergeUpdates([]);
}

/**
 * Compaction of a burst: `count` real keystroke updates (the first automerge-paper transactions,
 * one user) stored by one append — as the server's debounced store does after ~1.5 s of fast
 * input — which exceeds the log threshold and compacts at once. Compaction runs on the server's
 * event loop, so its duration is how long every document on the server stops broadcasting.
 */
export async function runCompactionMerge(traceUpdates: Uint8Array[], counts: number[]): Promise<CompactionRow[]> {
  const rows: CompactionRow[] = [];
  for (const count of counts) {
    const updates = traceUpdates.slice(0, count);
    progress(`storage: compaction of a burst of ${count.toLocaleString('en-US')} updates`);
    const at = Date.now();
    const stored = updates.map((update, i) => ({ update, userId: USER, at: at + i }));
    const root = await mkdtemp(join(tmpdir(), 'bench-compact-'));
    try {
      const store = new FileDocumentStore(root);
      const t0 = performance.now();
      await store.append(DOC_ID, stored);
      const appendWithCompactionMs = performance.now() - t0;
      await store.close();
      const compacted = (await readdir(join(root, DOC_ID))).some((name) => name.startsWith('seg-'));
      const t1 = performance.now();
      const windows = mergeIntoWindows(stored);
      const mergeIntoWindowsMs = performance.now() - t1;
      const t2 = performance.now();
      const chunked = chunkedMerge(updates);
      const chunkedMergeMs = performance.now() - t2;
      const flat = windows.length === 1 ? windows[0]!.update : null;
      rows.push({
        updates: count,
        logBytes: stored.reduce((n, s) => n + s.update.byteLength, 0),
        appendWithCompactionMs,
        compacted,
        mergeIntoWindowsMs,
        chunkedMergeMs,
        sameBytes: flat !== null && Buffer.compare(Buffer.from(flat), Buffer.from(chunked)) === 0,
      });
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  }
  return rows;
}
