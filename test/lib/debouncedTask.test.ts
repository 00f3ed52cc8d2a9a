/** The debounce with a maximum wait behind storing, checking and comment statistics. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Mock } from 'vitest';
import { DebouncedTask, KeyedDebouncedTasks } from '../../server/lib/DebouncedTask.js';

const timing = { debounceMs: 100, maxWaitMs: 250 };

beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(() => {
  vi.useRealTimers();
});

/** Asserts that `task`, run `calls - 1` times so far, runs for the `calls`-th time exactly `ms` from now. */
function expectRunIn(task: Mock, ms: number, calls: number): void {
  vi.advanceTimersByTime(ms - 1);
  expect(task).toHaveBeenCalledTimes(calls - 1);
  vi.advanceTimersByTime(1);
  expect(task).toHaveBeenCalledTimes(calls);
}

describe('DebouncedTask', () => {
  it('runs once, debounceMs after the last change', () => {
    const task = vi.fn();
    const debounced = new DebouncedTask(timing, task);
    debounced.schedule();
    vi.advanceTimersByTime(60);
    debounced.schedule();
    expectRunIn(task, 100, 1);
    vi.advanceTimersByTime(1000);
    expect(task).toHaveBeenCalledTimes(1);
  });

  it('runs no later than maxWaitMs after the first change of a steady stream', () => {
    const task = vi.fn();
    const debounced = new DebouncedTask(timing, task);
    for (let t = 0; t < 250; t += 50) {
      debounced.schedule();
      vi.advanceTimersByTime(50);
    }
    expect(task).toHaveBeenCalledTimes(1);
    // The next change starts a new window.
    debounced.schedule();
    expectRunIn(task, 100, 2);
  });

  it('cancel forgets the scheduled run and tells whether there was one', () => {
    const task = vi.fn();
    const debounced = new DebouncedTask(timing, task);
    expect(debounced.cancel()).toBe(false);
    debounced.schedule();
    expect(debounced.cancel()).toBe(true);
    vi.advanceTimersByTime(1000);
    expect(task).not.toHaveBeenCalled();
    // After a cancel the maximum wait counts from the next change.
    vi.advanceTimersByTime(500);
    debounced.schedule();
    expectRunIn(task, 100, 1);
  });

  it('scheduleOnce runs after its delay unless a run is already scheduled, and schedule replaces it', () => {
    const task = vi.fn();
    const debounced = new DebouncedTask(timing, task);
    debounced.scheduleOnce(400);
    expectRunIn(task, 400, 1);

    debounced.schedule();
    debounced.scheduleOnce(1000); // already scheduled: ignored
    expectRunIn(task, 100, 2);

    debounced.scheduleOnce(1000);
    debounced.schedule(); // a change: the usual debounce
    expectRunIn(task, 100, 3);
    vi.advanceTimersByTime(2000);
    expect(task).toHaveBeenCalledTimes(3);
  });
});

describe('KeyedDebouncedTasks', () => {
  it('times each key independently and runs the latest task given for it', () => {
    const runs: string[] = [];
    const tasks = new KeyedDebouncedTasks(timing);
    tasks.schedule('a', () => runs.push('a1'));
    vi.advanceTimersByTime(50);
    tasks.schedule('b', () => runs.push('b1'));
    tasks.schedule('a', () => runs.push('a2'));
    vi.advanceTimersByTime(100);
    expect(runs).toEqual(['b1', 'a2']);
  });

  it('cancel and cancelAll forget scheduled runs', () => {
    const runs: string[] = [];
    const tasks = new KeyedDebouncedTasks(timing);
    tasks.schedule('a', () => runs.push('a'));
    tasks.schedule('b', () => runs.push('b'));
    expect(tasks.cancel('a')).toBe(true);
    expect(tasks.cancel('a')).toBe(false);
    vi.advanceTimersByTime(1000);
    expect(runs).toEqual(['b']);
    expect(tasks.cancel('b')).toBe(false);
    tasks.schedule('a', () => runs.push('a'));
    tasks.schedule('c', () => runs.push('c'));
    tasks.cancelAll();
    vi.advanceTimersByTime(1000);
    expect(runs).toEqual(['b']);
  });
});
