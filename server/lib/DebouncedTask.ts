/**
 * A debounce with a maximum wait: after a burst of changes the task runs once, `debounceMs` after the
 * last change, but never later than `maxWaitMs` after the first change it has not yet covered — so a
 * steady stream of changes (someone typing) still gets the task run regularly.
 */

export interface DebounceTiming {
  /** Quiet time after the last change before the task runs. */
  debounceMs: number;
  /** Longest time a change waits for the task, however many changes follow it. */
  maxWaitMs: number;
}

/** One debounced task (e.g. storing one document). */
export class DebouncedTask {
  private timer: NodeJS.Timeout | null = null;
  /** When the first change not yet covered by a run was scheduled. */
  private firstAt: number | null = null;

  constructor(
    private readonly timing: DebounceTiming,
    private readonly task: () => void,
  ) {}

  /** A change: (re)starts the wait, bounded by the maximum wait since the first uncovered change. */
  schedule(): void {
    const now = Date.now();
    this.firstAt ??= now;
    const delay = Math.max(0, Math.min(this.timing.debounceMs, this.firstAt + this.timing.maxWaitMs - now));
    this.startTimer(delay);
  }

  /**
   * Runs the task in `delayMs` (e.g. a retry after a failure) unless a run is already scheduled; a
   * later `schedule()` replaces it by the usual debounced time.
   */
  scheduleOnce(delayMs: number): void {
    if (this.timer) return;
    this.firstAt ??= Date.now();
    this.startTimer(delayMs);
  }

  /**
   * Forgets the scheduled run (the caller runs the task itself, or it is no longer needed); returns
   * whether there was one. The maximum wait counts again from the next change.
   */
  cancel(): boolean {
    const wasScheduled = this.timer !== null;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.firstAt = null;
    return wasScheduled;
  }

  private startTimer(delayMs: number): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      this.firstAt = null;
      this.task();
    }, delayMs);
  }
}

/** Debounced tasks by key (e.g. one per document), each timed independently. */
export class KeyedDebouncedTasks {
  private readonly timers = new Map<string, DebouncedTask>();
  /** Per key, the task given by its latest `schedule`. */
  private readonly tasks = new Map<string, () => void>();

  constructor(private readonly timing: DebounceTiming) {}

  /** A change for `key`: `task` (the latest one given) runs once the key's debounce elapses. */
  schedule(key: string, task: () => void): void {
    this.tasks.set(key, task);
    let timer = this.timers.get(key);
    if (!timer) {
      timer = new DebouncedTask(this.timing, () => this.run(key));
      this.timers.set(key, timer);
    }
    timer.schedule();
  }

  /** Forgets the key's scheduled run; returns whether there was one. */
  cancel(key: string): boolean {
    const timer = this.timers.get(key);
    this.timers.delete(key);
    this.tasks.delete(key);
    return timer?.cancel() ?? false;
  }

  /** Forgets every scheduled run (shutdown). */
  cancelAll(): void {
    for (const timer of this.timers.values()) timer.cancel();
    this.timers.clear();
    this.tasks.clear();
  }

  private run(key: string): void {
    const task = this.tasks.get(key);
    this.timers.delete(key);
    this.tasks.delete(key);
    task?.();
  }
}
