/**
 * One editor measured in one browser context: open the document, type 200 keys at 10 keys/s into a
 * body paragraph in the middle of it, insert a section three times, read the renderer's heap.
 */
import type { Browser, Page } from 'playwright-core';
import { sleep } from '../lib/stats.js';
import {
  AFTER_PAINT,
  keystrokeDurations,
  observerScript,
  openCdp,
  pageNow,
  recordedSince,
  rendererMetrics,
} from './pageProbes.js';
import { startProfile, stopProfile } from './cpuProfile.js';

export interface EditorTarget {
  name: string;
  /** Prepares a fresh page (e.g. signs in). */
  prepare(page: Page): Promise<void>;
  url: string;
  /** Resolves when the text is shown (and, for the product, the document is connected). */
  ready(page: Page): Promise<void>;
  /** CSS selector of the body paragraphs to type into. */
  paragraphs: string;
  /** Page expression: inserts a section at the caret and resolves with the ms until it is shown renumbered. */
  insertSection: string;
}

export interface SessionResult {
  openMs: number;
  keys: number;
  /** Event Timing duration per keystroke, ms (keystrokes under 16 ms count as 0). */
  keystrokes: number[];
  longTasks: number[];
  /** React commits while typing. */
  commits: number;
  mainThreadMsPerKey: number;
  insertMs: number[];
  heapAfterOpen: number;
  heapAfterTyping: number;
}

export const KEYS = 200;
const KEY_INTERVAL_MS = 100;
const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

async function placeCaret(page: Page, selector: string): Promise<void> {
  const paragraphs = page.locator(selector);
  const count = await paragraphs.count();
  if (count === 0) throw new Error(`no paragraph matches ${selector}`);
  const target = paragraphs.nth(Math.floor(count / 2));
  await target.scrollIntoViewIfNeeded();
  await target.click();
  await page.keyboard.press('End');
}

export async function measureEditor(browser: Browser, target: EditorTarget): Promise<SessionResult> {
  const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1500, height: 1000 } });
  try {
    const page = await context.newPage();
    const profiling = process.env.BENCH_EDITOR_PROFILE === '1';
    await page.addInitScript(observerScript(profiling));
    await target.prepare(page);
    const started = performance.now();
    await page.goto(target.url);
    await target.ready(page);
    const openMs = performance.now() - started;
    const cdp = await openCdp(page);
    await sleep(1500);
    const afterOpen = await rendererMetrics(cdp, true);

    await placeCaret(page, target.paragraphs);
    await sleep(500);
    const since = await pageNow(page);
    const before = await rendererMetrics(cdp);
    if (profiling) await startProfile(cdp);
    for (let i = 0; i < KEYS; i++) {
      const sent = performance.now();
      await page.keyboard.press(LETTERS[i % LETTERS.length] ?? 'a');
      await sleep(Math.max(0, KEY_INTERVAL_MS - (performance.now() - sent)));
    }
    const after = await rendererMetrics(cdp);
    if (profiling)
      console.log(`${target.name}: self time while typing\n${(await stopProfile(cdp, target.name)).join('\n')}`);
    const recorded = await recordedSince(page, since);
    const keystrokes = keystrokeDurations(recorded.events);
    if (profiling) {
      const rendered = Object.entries(recorded.rendered).sort((a, b) => b[1] - a[1]);
      console.log(
        `${target.name}: components rendered (since open)\n${rendered
          .slice(0, 30)
          .map(([n, c]) => `${String(c).padStart(7)}  ${n}`)
          .join('\n')}`,
      );
    }
    while (keystrokes.length < KEYS) keystrokes.push(0);

    const insertMs: number[] = [];
    for (let i = 0; i < 3; i++) {
      const ms: unknown = await page.evaluate(target.insertSection);
      insertMs.push(typeof ms === 'number' ? ms : Number.NaN);
      await page.evaluate(AFTER_PAINT);
      await sleep(300);
    }
    await sleep(1000);
    const afterTyping = await rendererMetrics(cdp, true);
    return {
      openMs,
      keys: KEYS,
      keystrokes,
      longTasks: recorded.longTasks.map((t) => t.duration),
      commits: recorded.commits.length,
      mainThreadMsPerKey: (after.taskMs - before.taskMs) / KEYS,
      insertMs,
      heapAfterOpen: afterOpen.heapUsed,
      heapAfterTyping: afterTyping.heapUsed,
    };
  } finally {
    await context.close();
  }
}
