/** The per-key queue behind document storage and the statistics refreshes. */
import { describe, expect, it } from 'vitest';
import { KeyedQueue } from '../../server/lib/KeyedQueue.js';

function deferred(): { promise: Promise<void>; resolve: () => void; reject: (error: Error) => void } {
  let resolve!: () => void;
  let reject!: (error: Error) => void;
  const promise = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe('KeyedQueue', () => {
  it('runs the tasks of one key one after the other, in order', async () => {
    const queue = new KeyedQueue();
    const log: string[] = [];
    const first = deferred();
    const a = queue.run('doc', async () => {
      log.push('first started');
      await first.promise;
      log.push('first done');
      return 1;
    });
    const b = queue.run('doc', async () => {
      log.push('second started');
      return 2;
    });
    await Promise.resolve();
    expect(log).toEqual(['first started']);
    first.resolve();
    expect(await a).toBe(1);
    expect(await b).toBe(2);
    expect(log).toEqual(['first started', 'first done', 'second started']);
  });

  it('runs different keys independently', async () => {
    const queue = new KeyedQueue();
    const blocked = deferred();
    const slow = queue.run('a', () => blocked.promise);
    expect(await queue.run('b', async () => 'b')).toBe('b');
    blocked.resolve();
    await slow;
  });

  it("returns a failed task's error, and the next task still runs", async () => {
    const queue = new KeyedQueue();
    const failed = queue.run('doc', async () => {
      throw new Error('disk full');
    });
    const next = queue.run('doc', async () => 'ran');
    await expect(failed).rejects.toThrow('disk full');
    expect(await next).toBe('ran');
  });

  it('idle waits for every task, including those queued while waiting', async () => {
    const queue = new KeyedQueue();
    const done: string[] = [];
    const gate = deferred();
    void queue.run('a', async () => {
      await gate.promise;
      done.push('a');
      void queue.run('b', async () => {
        done.push('b');
      });
    });
    const idle = queue.idle();
    gate.resolve();
    await idle;
    expect(done).toEqual(['a', 'b']);
    await queue.idle(); // nothing queued: resolves at once
  });
});
