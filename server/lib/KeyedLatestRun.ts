/**
 * Per key (e.g. per document) at most one run in flight and at most one waiting: asking while a run
 * is in flight only marks the key, and when that run ends the latest task asked for runs once more —
 * however many times it was asked meanwhile. Tasks must not reject (they handle their own failures).
 */
export class KeyedLatestRun {
  /** Per key with a run in flight, the task to run after it (null: nothing asked meanwhile). */
  private readonly inFlight = new Map<string, (() => Promise<void>) | null>();

  run(key: string, task: () => Promise<void>): void {
    if (this.inFlight.has(key)) {
      this.inFlight.set(key, task);
      return;
    }
    this.start(key, task);
  }

  /** Drops the run waiting under `key` (the one in flight finishes). */
  cancel(key: string): void {
    if (this.inFlight.get(key)) this.inFlight.set(key, null);
  }

  cancelAll(): void {
    for (const key of this.inFlight.keys()) this.cancel(key);
  }

  private start(key: string, task: () => Promise<void>): void {
    this.inFlight.set(key, null);
    const done = (): void => {
      const next = this.inFlight.get(key);
      this.inFlight.delete(key);
      if (next) this.start(key, next);
    };
    task().then(done, done);
  }
}
