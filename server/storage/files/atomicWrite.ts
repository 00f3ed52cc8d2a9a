import { open, rename, unlink } from 'node:fs/promises';
import { dirname, basename, join } from 'node:path';

/** Flushes a directory entry so that a rename inside it survives a power loss. */
export async function fsyncDir(dir: string): Promise<void> {
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * Writes a file atomically: a temporary file in the same directory is written and fsynced, then
 * renamed over the target. A crash at any point leaves either the old or the new content readable.
 */
export async function writeFileAtomic(path: string, data: Uint8Array): Promise<void> {
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.${Date.now()}.tmp`);
  const handle = await open(tmp, 'w');
  try {
    await handle.writeFile(data);
    await handle.sync();
  } catch (error) {
    await handle.close();
    await unlink(tmp).catch(() => undefined);
    throw error;
  }
  await handle.close();
  await rename(tmp, path);
  await fsyncDir(dirname(path));
}
