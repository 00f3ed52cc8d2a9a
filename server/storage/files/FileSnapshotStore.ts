/**
 * Frozen document versions as one JSON file each (`<dir>/<id>.json`), written atomically and never
 * overwritten: a snapshot is the immutable record of what was sent out.
 */
import { access, mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ProseMirrorJSON } from '@shared/editor/json.js';
import type { DraftingCredits } from '@shared/domain/draftingCredits.js';
import type { SnapshotStore, StoredSnapshot } from '../types.js';
import { writeFileAtomic } from './atomicWrite.js';
import { WriteBarrier } from '../../lib/WriteBarrier.js';
import { ALLOW_WRITES } from './writeGuard.js';
import type { WriteGuard } from './writeGuard.js';

interface SnapshotFile {
  id: string;
  projectId: string;
  documentId: string;
  createdAt: string;
  createdBy: string;
  /** base64 of the Yjs update. */
  state: string;
  json: ProseMirrorJSON;
  draftingCredits?: DraftingCredits;
}

const SAFE_ID = /^[A-Za-z0-9_-]{1,100}$/;

export interface FileSnapshotStoreOptions {
  /** Called before every write (tests simulate a failing disk with it). */
  guard?: WriteGuard;
  /** Shared with the other stores of the data dir: the backup pauses every write through it. */
  barrier?: WriteBarrier;
}

export class FileSnapshotStore implements SnapshotStore {
  private readonly guard: WriteGuard;
  private readonly barrier: WriteBarrier;

  constructor(
    private readonly dir: string,
    options: FileSnapshotStoreOptions = {},
  ) {
    this.guard = options.guard ?? ALLOW_WRITES;
    this.barrier = options.barrier ?? new WriteBarrier();
  }

  private file(id: string): string {
    if (!SAFE_ID.test(id)) throw new Error(`invalid snapshot id: ${id}`);
    return join(this.dir, `${id}.json`);
  }

  async save(snapshot: StoredSnapshot): Promise<void> {
    const path = this.file(snapshot.id);
    const data: SnapshotFile = { ...snapshot, state: Buffer.from(snapshot.state).toString('base64') };
    await this.barrier.run(() => this.write(path, data));
  }

  private async write(path: string, data: SnapshotFile): Promise<void> {
    this.guard(path);
    await mkdir(this.dir, { recursive: true });
    const exists = await access(path).then(
      () => true,
      () => false,
    );
    if (exists) throw new Error(`snapshot ${data.id} already exists; snapshots are immutable`);
    await writeFileAtomic(path, new TextEncoder().encode(JSON.stringify(data)));
  }

  async load(id: string): Promise<StoredSnapshot | null> {
    if (!SAFE_ID.test(id)) return null;
    let text: string;
    try {
      text = await readFile(this.file(id), 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
    const data = JSON.parse(text) as SnapshotFile;
    return { ...data, state: new Uint8Array(Buffer.from(data.state, 'base64')) };
  }
}
