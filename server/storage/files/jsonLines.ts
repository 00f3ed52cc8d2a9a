/**
 * Files of JSON lines (one record per line) that only grow: the metadata journal and the logs of
 * append-only collections. An append is one write and one fdatasync; a crash mid-append leaves at
 * most a torn tail, cut off when the file is read. A failed append (full or read-only disk) is cut
 * off before the next one, so a later append never lands behind broken bytes.
 */
import { constants } from 'node:fs';
import { open, readFile, truncate, writeFile } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import { dirname } from 'node:path';
import { fsyncDir } from './atomicWrite.js';
import type { WriteGuard } from './writeGuard.js';

export interface JsonLinesContent {
  records: unknown[];
  /** Length of the intact part (the file's length once a torn tail is cut off). */
  bytes: number;
  /** Set when a tail was cut off: its length, and where a copy of it was kept if intact lines followed the damage. */
  cut: { bytes: number; keptAt: string | null } | null;
}

const NEWLINE = 0x0a;

/**
 * Reads the records; cuts off a torn tail (a last line without its newline, or a line that is not
 * JSON). If intact lines follow a damaged one, the cut-off bytes are kept beside the file
 * (`<file>.damaged-<time>`) rather than destroyed. An absent file reads as empty.
 */
export async function readJsonLines(path: string): Promise<JsonLinesContent> {
  let data: Buffer;
  try {
    data = await readFile(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { records: [], bytes: 0, cut: null };
    throw error;
  }
  const records: unknown[] = [];
  let offset = 0;
  while (offset < data.length) {
    const end = data.indexOf(NEWLINE, offset);
    if (end < 0) break;
    let record: unknown;
    try {
      record = JSON.parse(data.toString('utf8', offset, end));
    } catch {
      break;
    }
    records.push(record);
    offset = end + 1;
  }
  if (offset === data.length) return { records, bytes: offset, cut: null };
  const tail = data.subarray(offset);
  const moreLinesFollow = tail.indexOf(NEWLINE) >= 0 && tail.indexOf(NEWLINE) < tail.length - 1;
  let keptAt: string | null = null;
  if (moreLinesFollow) {
    keptAt = `${path}.damaged-${Date.now()}`;
    await writeFile(keptAt, tail);
  }
  await truncate(path, offset);
  return { records, bytes: offset, cut: { bytes: tail.length, keptAt } };
}

export function jsonLine(record: unknown): string {
  return `${JSON.stringify(record)}\n`;
}

/** Appends lines to one file at its known intact length. */
export class JsonLinesAppender {
  private handle: FileHandle | null = null;
  /** A failed write may have left bytes after `bytes`: they are cut off before the next write. */
  private damaged = false;
  private directorySynced: boolean;

  constructor(
    readonly path: string,
    /** The file's intact length (from `readJsonLines`; 0 for a new file). */
    private intactBytes: number,
    private readonly guard: WriteGuard,
  ) {
    this.directorySynced = intactBytes > 0;
  }

  get bytes(): number {
    return this.intactBytes;
  }

  /** Writes the lines and fdatasyncs: on disk when this resolves; on failure nothing of them counts. */
  async append(lines: string[]): Promise<void> {
    if (lines.length === 0) return;
    const data = Buffer.from(lines.join(''), 'utf8');
    try {
      this.guard(this.path);
      if (!this.handle) this.handle = await open(this.path, constants.O_WRONLY | constants.O_CREAT);
      if (this.damaged) {
        await this.handle.truncate(this.intactBytes);
        this.damaged = false;
      }
      this.damaged = true;
      let written = 0;
      while (written < data.length) {
        const { bytesWritten } = await this.handle.write(
          data,
          written,
          data.length - written,
          this.intactBytes + written,
        );
        written += bytesWritten;
      }
      await this.handle.datasync();
      // A new file's directory entry must be durable too.
      if (!this.directorySynced) {
        await fsyncDir(dirname(this.path));
        this.directorySynced = true;
      }
      this.damaged = false;
      this.intactBytes += data.length;
    } catch (error) {
      await this.handle?.close().catch(() => undefined);
      this.handle = null;
      throw error;
    }
  }

  async close(): Promise<void> {
    const handle = this.handle;
    this.handle = null;
    await handle?.close();
  }
}
