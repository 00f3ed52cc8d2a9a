import { open, rename, unlink } from 'node:fs/promises';
import { dirname, basename, join } from 'node:path';
import type { WriteGuard } from './writeGuard.js';

/** Flushes a directory entry so that a rename inside it survives a power loss. */
export async function fsyncDir(dir: string): Promise<void> {
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

export interface AtomicWriteOptions {
  /** Called before the file is written (a failing disk in tests throws here). */
  guard?: WriteGuard;
  /**
   * Runs the last step — rename over the target and fsync of the directory — when it is given it
   * (e.g. inside a write barrier, so that a backup never sees half of a replacement). Default: at once.
   */
  commit?: (replace: () => Promise<void>) => Promise<void>;
  /**
   * For a large file written in chunks: flush to disk every so many bytes, so that the final fsync
   * does not hold the disk (and every other file's fsync) for a long time at once.
   */
  syncEveryBytes?: number;
}

/**
 * Writes a file atomically: a temporary file in the same directory is written and fsynced, then
 * renamed over the target. A crash at any point leaves either the old or the new content readable.
 * The content is one buffer or a sequence of chunks (written one by one, so a large file never
 * needs to be in memory, nor serialized in one go, at once).
 */
export async function writeFileAtomic(
  path: string,
  data: Uint8Array | AsyncIterable<Uint8Array>,
  options: AtomicWriteOptions = {},
): Promise<void> {
  options.guard?.(path);
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.${Date.now()}.tmp`);
  const handle = await open(tmp, 'w');
  try {
    if (data instanceof Uint8Array) await handle.writeFile(data);
    else {
      let unsynced = 0;
      for await (const chunk of data) {
        await handle.write(chunk);
        unsynced += chunk.byteLength;
        if (options.syncEveryBytes !== undefined && unsynced >= options.syncEveryBytes) {
          await handle.datasync();
          unsynced = 0;
        }
      }
    }
    await handle.sync();
  } catch (error) {
    await handle.close();
    await unlink(tmp).catch(() => undefined);
    throw error;
  }
  await handle.close();
  const replace = async (): Promise<void> => {
    options.guard?.(path);
    await rename(tmp, path);
    await fsyncDir(dirname(path));
  };
  try {
    await (options.commit ? options.commit(replace) : replace());
  } catch (error) {
    await unlink(tmp).catch(() => undefined);
    throw error;
  }
}
