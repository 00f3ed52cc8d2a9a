/**
 * What the benchmark observes inside the page: Event Timing entries (keystrokes, PerformanceObserver
 * 'event' with durationThreshold 16) and long tasks (PerformanceObserver 'longtask'), recorded from
 * the first script on; the renderer's main-thread time and JS heap through the DevTools protocol.
 */
import type { CDPSession, Page } from 'playwright-core';

/**
 * Installed before any page script runs (page.addInitScript). A minimal React DevTools hook counts
 * React commits (each one costs a walk over the focused editor's whole DOM: React saves the
 * selection of a focused contenteditable before every commit); with `names` it also records which
 * components rendered in each commit (slow, for diagnosis only).
 */
export function observerScript(names: boolean): string {
  return `${OBSERVER_SCRIPT}
window.__REACT_DEVTOOLS_GLOBAL_HOOK__ = {
  supportsFiber: true, renderers: new Map(), inject() { return 1; },
  onCommitFiberUnmount() {}, onPostCommitFiberRoot() {}, checkDCE() {}, onScheduleFiberRoot() {},
  onCommitFiberRoot(_id, root) {
    window.__bench.commits.push(performance.now());
    if (!${names}) return;
    // Only the part of the tree this commit worked on: a subtree React skipped keeps the child
    // fibers of before (and their stale flags), so it is not entered.
    const stack = [root.current];
    while (stack.length) {
      const fiber = stack.pop();
      const type = fiber.type && typeof fiber.type === 'object' ? fiber.type.type || fiber.type.render : fiber.type;
      if ((fiber.flags & 1) && typeof type === 'function') {
        const name = type.displayName || type.name || 'anonymous ' + String(type).slice(0, 60).replace(/\\s+/g, ' ');
        window.__bench.rendered[name] = (window.__bench.rendered[name] || 0) + 1;
      }
      if (fiber.child && (!fiber.alternate || fiber.child !== fiber.alternate.child)) stack.push(fiber.child);
      if (fiber.sibling) stack.push(fiber.sibling);
    }
  },
};`;
}

const OBSERVER_SCRIPT = `
window.__bench = { events: [], longTasks: [], commits: [], rendered: {} };
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) {
    window.__bench.events.push({ name: e.name, start: e.startTime, duration: e.duration, interaction: e.interactionId || 0 });
  }
}).observe({ type: 'event', durationThreshold: 16, buffered: true });
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) window.__bench.longTasks.push({ start: e.startTime, duration: e.duration });
}).observe({ type: 'longtask', buffered: true });
`;

export interface EventEntry {
  name: string;
  start: number;
  duration: number;
  interaction: number;
}

export interface LongTask {
  start: number;
  duration: number;
}

interface Recorded {
  events: EventEntry[];
  longTasks: LongTask[];
  /** Times of React commits. */
  commits: number[];
  /** Components rendered, by name (with `observerScript(true)`). */
  rendered: Record<string, number>;
}

function isRecorded(value: unknown): value is Recorded {
  return (
    typeof value === 'object' &&
    value !== null &&
    Array.isArray((value as Partial<Recorded>).events) &&
    Array.isArray((value as Partial<Recorded>).longTasks) &&
    Array.isArray((value as Partial<Recorded>).commits)
  );
}

/** Everything recorded since `since` (the page's performance.now()). */
export async function recordedSince(page: Page, since: number): Promise<Recorded> {
  // Event Timing entries are delivered after the next paint: give them a moment.
  await page.waitForTimeout(300);
  const value: unknown = await page.evaluate('window.__bench');
  if (!isRecorded(value)) throw new Error('the page has no benchmark observers');
  return {
    events: value.events.filter((e) => e.start >= since),
    longTasks: value.longTasks.filter((t) => t.start >= since),
    commits: value.commits.filter((t) => t >= since),
    rendered: value.rendered,
  };
}

export async function pageNow(page: Page): Promise<number> {
  const value: unknown = await page.evaluate('performance.now()');
  return typeof value === 'number' ? value : 0;
}

/** The longest Event Timing duration of each keyboard interaction (entries under 16 ms are not reported). */
export function keystrokeDurations(events: readonly EventEntry[]): number[] {
  const byInteraction = new Map<number, number>();
  for (const e of events) {
    if (e.interaction === 0 || !e.name.startsWith('key')) continue;
    byInteraction.set(e.interaction, Math.max(byInteraction.get(e.interaction) ?? 0, e.duration));
  }
  return [...byInteraction.values()];
}

export interface RendererMetrics {
  /** Main-thread task time so far, ms. */
  taskMs: number;
  /** JS heap in use, bytes. */
  heapUsed: number;
}

export async function rendererMetrics(cdp: CDPSession, collectGarbage = false): Promise<RendererMetrics> {
  if (collectGarbage) await cdp.send('HeapProfiler.collectGarbage');
  const { metrics } = await cdp.send('Performance.getMetrics');
  const value = (name: string): number => metrics.find((m) => m.name === name)?.value ?? 0;
  return { taskMs: value('TaskDuration') * 1000, heapUsed: value('JSHeapUsedSize') };
}

export async function openCdp(page: Page): Promise<CDPSession> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  return cdp;
}

/** ms from now until two animation frames have passed in the page (what was changed is painted). */
export const AFTER_PAINT =
  'new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve())))';
