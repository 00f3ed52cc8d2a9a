/**
 * Tasks run one after the other per key (e.g. per document): a task starts once every task queued
 * before it under the same key has settled, whether it succeeded or failed. Tasks of different keys
 * run independently.
 */
export class KeyedQueue {
  /** Per key, the settling of its last queued task (never rejects); removed once the key is idle. */
  private readonly tails = new Map<string, Promise<void>>();

  /** Queues `task` under `key`; the result is the task's own (its failure does not stop the queue). */
  run<T>(key: string, task: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    const result = previous.then(task);
    const tail = result.then(
      () => undefined,
      () => undefined,
    );
    this.tails.set(key, tail);
    void tail.then(() => {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    });
    return result;
  }

  /** Resolves when no task is queued or running, including tasks queued while waiting (tests, shutdown). */
  async idle(): Promise<void> {
    while (this.tails.size > 0) await Promise.all(this.tails.values());
  }
}
