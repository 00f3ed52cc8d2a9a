/**
 * Blobs as files under the data dir: key `submissions/<id>.zip` is `<dataDir>/submissions/<id>.zip`.
 * Written atomically (temporary file, fsync, rename inside the write barrier, fsync of the
 * directory), so a reader sees the old bytes or the new ones, never part of them.
 */
import { mkdir, readFile, unlink } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { WriteBarrier } from '../../lib/WriteBarrier.js';
import type { BlobStore } from '../types.js';
import { writeFileAtomic } from './atomicWrite.js';
import { ALLOW_WRITES } from './writeGuard.js';
import type { WriteGuard } from './writeGuard.js';
import { blobPath } from './blobKeys.js';

export interface FileBlobStoreOptions {
  /** Called before every write (tests simulate a failing disk with it). */
  guard?: WriteGuard;
  /** Shared with the other stores of the data dir: the backup pauses every write through it. */
  barrier?: WriteBarrier;
}

export class FileBlobStore implements BlobStore {
  private readonly guard: WriteGuard;
  private readonly barrier: WriteBarrier;

  constructor(
    private readonly dir: string,
    options: FileBlobStoreOptions = {},
  ) {
    this.guard = options.guard ?? ALLOW_WRITES;
    this.barrier = options.barrier ?? new WriteBarrier();
  }

  private file(key: string): string {
    return join(this.dir, ...blobPath(key));
  }

  async put(key: string, data: Uint8Array): Promise<void> {
    const path = this.file(key);
    await mkdir(dirname(path), { recursive: true });
    await writeFileAtomic(path, data, { guard: this.guard, commit: (replace) => this.barrier.run(replace) });
  }

  async get(key: string): Promise<Uint8Array | null> {
    try {
      return new Uint8Array(await readFile(this.file(key)));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    const path = this.file(key);
    await this.barrier.run(async () => {
      this.guard(path);
      await unlink(path).catch((error: NodeJS.ErrnoException) => {
        if (error.code !== 'ENOENT') throw error;
      });
    });
  }
}
