/**
 * Task locks within this process: the embedded store has one server process per data dir (the
 * control socket keeps a second one off), so a lock only has to exclude this process's own tasks.
 */
import type { TaskLocks } from '../types.js';

export class ProcessLocks implements TaskLocks {
  private readonly held = new Set<string>();

  async tryLock(key: string): Promise<(() => Promise<void>) | null> {
    if (this.held.has(key)) return null;
    this.held.add(key);
    return async () => {
      this.held.delete(key);
    };
  }
}
