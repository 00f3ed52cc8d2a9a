/**
 * The metadata journal: every committed change is one JSON line (`{"ops":[…]}`) appended to
 * `metadata/journal-<g>.jsonl` and fdatasynced before its promise resolves. Changes committed while a
 * write is in flight go out together in the next write (group commit): one fsync for all of them,
 * and no waiting when the store is idle.
 *
 * A write that fails (read-only or full disk) fails every change not yet on disk: each is undone in
 * memory, newest first, and rejected with `StorageUnavailable`, so memory never holds a change the
 * disk does not. The next commit tries the disk again.
 *
 * `rotate()` closes the current generation at a point in the order of changes: it resolves once
 * every change before that point is on disk; later changes go to the next generation. The
 * checkpoint uses it (see LowdbMetadataStore).
 */
import { readdir, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import type { WriteBarrier } from '../../lib/WriteBarrier.js';
import { StorageUnavailable } from '../errors.js';
import { JsonLinesAppender, jsonLine } from '../files/jsonLines.js';
import type { WriteGuard } from '../files/writeGuard.js';
import type { Operation } from './tables.js';

interface Commit {
  kind: 'commit';
  line: string;
  undo: () => void;
  resolve: () => void;
  reject: (error: Error) => void;
}

interface Rotation {
  kind: 'rotate';
  resolve: (closedGeneration: number) => void;
  reject: (error: Error) => void;
}

const JOURNAL = /^journal-(\d+)\.jsonl$/;

export function journalPath(dir: string, generation: number): string {
  return join(dir, `journal-${generation}.jsonl`);
}

/** The generations of the journal files in a directory, oldest first. */
export async function journalGenerations(dir: string): Promise<number[]> {
  const names = await readdir(dir);
  return names
    .map((name) => JOURNAL.exec(name))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => Number(m[1]))
    .sort((a, b) => a - b);
}

/** Removes the journal files a checkpoint covers. */
export async function removeJournals(dir: string, upTo: number): Promise<void> {
  for (const g of await journalGenerations(dir)) if (g <= upTo) await unlink(journalPath(dir, g));
}

export class MetadataJournal {
  private queue: (Commit | Rotation)[] = [];
  private flushing: Promise<void> | null = null;
  private appender: JsonLinesAppender;

  constructor(
    private readonly dir: string,
    /** The generation new changes go to (a fresh file). */
    private generation: number,
    private readonly guard: WriteGuard,
    private readonly barrier: WriteBarrier,
  ) {
    this.appender = new JsonLinesAppender(journalPath(dir, generation), 0, guard);
  }

  /** Bytes in the current generation. */
  get bytes(): number {
    return this.appender.bytes;
  }

  /**
   * Journals operations already applied in memory; resolves once they are on disk. If they cannot
   * be written, `undo` is called (after the undo of every later change) and the promise rejects.
   */
  commit(ops: Operation[], undo: () => void): Promise<void> {
    return new Promise((resolve, reject) => {
      this.queue.push({ kind: 'commit', line: jsonLine({ ops }), undo, resolve, reject });
      this.schedule();
    });
  }

  /** Ends the current generation after the changes committed so far; resolves with its number once they are on disk. */
  rotate(): Promise<number> {
    return new Promise((resolve, reject) => {
      this.queue.push({ kind: 'rotate', resolve, reject });
      this.schedule();
    });
  }

  /** Resolves when nothing is waiting to be written. */
  async settled(): Promise<void> {
    while (this.flushing !== null) await this.flushing;
  }

  async close(): Promise<void> {
    await this.settled();
    await this.appender.close();
  }

  private schedule(): void {
    this.flushing ??= this.flush().finally(() => {
      this.flushing = null;
    });
  }

  private async flush(): Promise<void> {
    while (this.queue.length > 0) {
      const head = this.queue[0]!;
      if (head.kind === 'rotate') {
        this.queue.shift();
        await this.appender.close();
        const closed = this.generation++;
        this.appender = new JsonLinesAppender(journalPath(this.dir, this.generation), 0, this.guard);
        head.resolve(closed);
        continue;
      }
      const end = this.queue.findIndex((item) => item.kind === 'rotate');
      const batch = this.queue
        .splice(0, end < 0 ? this.queue.length : end)
        .filter((item): item is Commit => item.kind === 'commit');
      try {
        await this.barrier.run(() => this.appender.append(batch.map((c) => c.line)));
      } catch (error) {
        this.failAll(batch, error);
        continue;
      }
      for (const c of batch) c.resolve();
    }
  }

  /** The batch failed: it and everything queued after it are undone (newest first) and rejected. */
  private failAll(batch: Commit[], cause: unknown): void {
    const failed = [...batch, ...this.queue.splice(0)];
    const error = new StorageUnavailable(cause);
    for (let i = failed.length - 1; i >= 0; i--) {
      const item = failed[i]!;
      if (item.kind === 'commit') item.undo();
    }
    for (const item of failed) item.reject(error);
  }
}
