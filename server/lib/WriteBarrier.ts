/**
 * A gate every write to the data directory passes: `pause()` lets the writes in flight finish and
 * holds new ones until `resume()`, so that the files can be copied as they are at one moment (the
 * backup, see docs/architecture.md). Writes held meanwhile wait; nothing is refused.
 */
export class WriteBarrier {
  private inFlight = 0;
  private gate: { promise: Promise<void>; open: () => void } | null = null;
  private drained: (() => void)[] = [];
  private readonly pauseListeners = new Set<() => void>();

  /** Runs one write when writes are not paused; a pause waits for it to settle. */
  async run<T>(write: () => Promise<T>): Promise<T> {
    while (this.gate) await this.gate.promise;
    this.inFlight++;
    try {
      return await write();
    } finally {
      this.inFlight--;
      if (this.inFlight === 0) for (const resolve of this.drained.splice(0)) resolve();
    }
  }

  get paused(): boolean {
    return this.gate !== null;
  }

  /** Holds new writes and resolves once none is in flight. Refused while already paused. */
  async pause(): Promise<void> {
    if (this.gate) throw new Error('writes are already paused');
    let open = (): void => undefined;
    const promise = new Promise<void>((resolve) => {
      open = resolve;
    });
    this.gate = { promise, open };
    if (this.inFlight > 0) await new Promise<void>((resolve) => this.drained.push(resolve));
    for (const listener of this.pauseListeners) listener();
  }

  /** Lets the held writes go on. */
  resume(): void {
    const gate = this.gate;
    this.gate = null;
    gate?.open();
  }

  /** Called (synchronously) each time a pause has taken effect: nothing is being written until `resume()`. */
  onPaused(listener: () => void): () => void {
    this.pauseListeners.add(listener);
    return () => this.pauseListeners.delete(listener);
  }
}
