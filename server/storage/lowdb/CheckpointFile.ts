/**
 * `metadata.json`, read and written through lowdb: the collections as of one point of the journal,
 * as one JSON object `{ "$store": { "format": 2, "journal": g }, "<collection>": [records…], … }`.
 * A file without `$store` is a metadata file of an earlier version (every collection in it, no
 * journal). Written atomically (temporary file, fsync, rename, fsync of the directory), record
 * by record in chunks, so serializing a large file never blocks the event loop for long.
 */
import { readFile } from 'node:fs/promises';
import type { Adapter } from 'lowdb';
import type { WriteBarrier } from '../../lib/WriteBarrier.js';
import { writeFileAtomic } from '../files/atomicWrite.js';
import type { WriteGuard } from '../files/writeGuard.js';
import { isStoredRecord } from './tables.js';
import type { StoredRecord } from './tables.js';

export const CHECKPOINT_FORMAT = 2;

export interface Checkpoint {
  /** The last journal generation whose changes it holds (0: none). */
  journal: number;
  /** False for a metadata file of an earlier version. */
  current: boolean;
  collections: Map<string, readonly StoredRecord[]>;
}

/** Records per chunk: about half a megabyte of JSON, a few milliseconds of serializing. */
const RECORDS_PER_CHUNK = 1000;
/** Flushed as it is written, so that the journal's fsyncs never wait behind a whole large file. */
const SYNC_EVERY_BYTES = 4 * 1024 * 1024;

async function* chunks(checkpoint: Checkpoint): AsyncGenerator<Uint8Array> {
  yield Buffer.from(`{"$store":${JSON.stringify({ format: CHECKPOINT_FORMAT, journal: checkpoint.journal })}`);
  for (const [name, records] of checkpoint.collections) {
    yield Buffer.from(`,\n${JSON.stringify(name)}:[`);
    for (let i = 0; i < records.length; i += RECORDS_PER_CHUNK) {
      const part = records.slice(i, i + RECORDS_PER_CHUNK).map((r) => JSON.stringify(r));
      yield Buffer.from(`${i > 0 ? ',' : ''}\n${part.join(',\n')}`);
    }
    yield Buffer.from(']');
  }
  yield Buffer.from('}\n');
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export class CheckpointFile implements Adapter<Checkpoint> {
  constructor(
    readonly path: string,
    private readonly guard: WriteGuard,
    private readonly barrier: WriteBarrier,
    /** Runs inside the write barrier right after the new file replaced the old one (removing the journal it covers). */
    private readonly afterReplace: (checkpoint: Checkpoint) => Promise<void>,
  ) {}

  async read(): Promise<Checkpoint | null> {
    let text: string;
    try {
      text = await readFile(this.path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
    const parsed: unknown = JSON.parse(text);
    if (!isObject(parsed)) throw new Error(`${this.path} is not a metadata file (not a JSON object)`);
    const collections = new Map<string, readonly StoredRecord[]>();
    let journal = 0;
    let current = false;
    for (const [key, value] of Object.entries(parsed)) {
      if (key === '$store') {
        if (!isObject(value) || value.format !== CHECKPOINT_FORMAT || typeof value.journal !== 'number')
          throw new Error(`${this.path}: unknown metadata format ${JSON.stringify(value)}`);
        journal = value.journal;
        current = true;
        continue;
      }
      if (!Array.isArray(value) || !value.every(isStoredRecord))
        throw new Error(`${this.path}: "${key}" is not a list of records with ids`);
      collections.set(key, value);
    }
    return { journal, current, collections };
  }

  async write(checkpoint: Checkpoint): Promise<void> {
    await writeFileAtomic(this.path, chunks(checkpoint), {
      guard: this.guard,
      syncEveryBytes: SYNC_EVERY_BYTES,
      commit: (replace) =>
        this.barrier.run(async () => {
          await replace();
          await this.afterReplace(checkpoint);
        }),
    });
  }
}
