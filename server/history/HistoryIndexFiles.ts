/**
 * The history index on disk, one directory per document (`DATA_DIR/history/<documentId>/`):
 *
 *   entries.jsonl   closed entries, one JSON line each, appended and fsynced
 *   state.bin       the checkpoint, written atomically: the position in the stored history, the
 *                   open entries, the labels of deleted nodes, how many bytes of entries.jsonl
 *                   belong to it, and the replica's Yjs state at that position
 *
 * Lines appended after the last checkpoint (a crash in between) are cut off on load: they are
 * derived again from the stored history, which the index never runs ahead of. A missing or
 * unreadable checkpoint means the index is rebuilt from the whole stored history.
 */
import { appendFile, mkdir, open, readFile, rm, stat, truncate } from 'node:fs/promises';
import { join } from 'node:path';
import * as encoding from 'lib0/encoding';
import * as decoding from 'lib0/decoding';
import { writeFileAtomic } from '../storage/files/atomicWrite.js';
import { frameRecords, parseRecords } from '../storage/files/recordFile.js';
import type { HistoryRecord } from './historyRecords.js';
import type { IndexCheckpoint } from './HistoryIndex.js';

const FORMAT = 1;
const SAFE_ID = /^[A-Za-z0-9_-]{1,128}$/;

interface StateMeta extends IndexCheckpoint {
  format: number;
  /** Bytes of entries.jsonl covered by this checkpoint. */
  entriesBytes: number;
}

export interface LoadedIndex {
  checkpoint: IndexCheckpoint;
  records: HistoryRecord[];
  replicaState: Uint8Array;
}

export class HistoryIndexFiles {
  /** Bytes of entries.jsonl per document, as far as this process wrote or read them. */
  private readonly entriesBytes = new Map<string, number>();

  constructor(private readonly root: string) {}

  private dir(documentId: string): string {
    if (!SAFE_ID.test(documentId)) throw new Error(`invalid document id: ${documentId}`);
    return join(this.root, documentId);
  }

  /** The index as last checkpointed, or null (none yet, or unreadable: rebuild). */
  async load(documentId: string): Promise<LoadedIndex | null> {
    const dir = this.dir(documentId);
    let stateFile: Buffer;
    try {
      stateFile = await readFile(join(dir, 'state.bin'));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return this.reset(documentId);
      throw error;
    }
    const payload = parseRecords(stateFile).records[0];
    if (!payload) return this.reset(documentId);
    let meta: StateMeta;
    let replicaState: Uint8Array;
    try {
      const decoder = decoding.createDecoder(payload);
      meta = JSON.parse(decoding.readVarString(decoder)) as StateMeta;
      replicaState = decoding.readVarUint8Array(decoder);
    } catch {
      return this.reset(documentId);
    }
    if (meta.format !== FORMAT) return this.reset(documentId);
    const entriesPath = join(dir, 'entries.jsonl');
    let text = '';
    try {
      const data = await readFile(entriesPath);
      if (data.length < meta.entriesBytes) return this.reset(documentId);
      if (data.length > meta.entriesBytes) await truncate(entriesPath, meta.entriesBytes);
      text = data.subarray(0, meta.entriesBytes).toString('utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT' || meta.entriesBytes > 0) return this.reset(documentId);
    }
    const records = text
      .split('\n')
      .filter((line) => line.length > 0)
      .map((line) => JSON.parse(line) as HistoryRecord);
    this.entriesBytes.set(documentId, meta.entriesBytes);
    return {
      checkpoint: { position: meta.position, open: meta.open, graveyard: meta.graveyard },
      records,
      replicaState,
    };
  }

  /** Whether the document has a saved index (a checkpoint). */
  async exists(documentId: string): Promise<boolean> {
    try {
      await stat(join(this.dir(documentId), 'state.bin'));
      return true;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
      throw error;
    }
  }

  /** Appends closed entries (durable when it resolves). */
  async append(documentId: string, records: readonly HistoryRecord[]): Promise<void> {
    if (records.length === 0) return;
    const dir = this.dir(documentId);
    await mkdir(dir, { recursive: true });
    const data = Buffer.from(records.map((record) => `${JSON.stringify(record)}\n`).join(''), 'utf8');
    const path = join(dir, 'entries.jsonl');
    await appendFile(path, data);
    const handle = await open(path, 'r+');
    try {
      await handle.datasync();
    } finally {
      await handle.close();
    }
    this.entriesBytes.set(documentId, (this.entriesBytes.get(documentId) ?? 0) + data.length);
  }

  /** Writes the checkpoint atomically (after the entries it counts were appended). */
  async writeCheckpoint(documentId: string, checkpoint: IndexCheckpoint, replicaState: Uint8Array): Promise<void> {
    const dir = this.dir(documentId);
    await mkdir(dir, { recursive: true });
    const meta: StateMeta = { format: FORMAT, entriesBytes: this.entriesBytes.get(documentId) ?? 0, ...checkpoint };
    const encoder = encoding.createEncoder();
    encoding.writeVarString(encoder, JSON.stringify(meta));
    encoding.writeVarUint8Array(encoder, replicaState);
    await writeFileAtomic(join(dir, 'state.bin'), frameRecords([encoding.toUint8Array(encoder)]));
  }

  /** Bytes the index of a document takes on disk (both files). */
  async size(documentId: string): Promise<number> {
    const dir = this.dir(documentId);
    let total = 0;
    for (const name of ['entries.jsonl', 'state.bin']) {
      try {
        total += (await stat(join(dir, name))).size;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      }
    }
    return total;
  }

  /** Forgets a document's index files: it is rebuilt from the stored history. */
  private async reset(documentId: string): Promise<null> {
    await rm(this.dir(documentId), { recursive: true, force: true });
    this.entriesBytes.set(documentId, 0);
    return null;
  }
}
