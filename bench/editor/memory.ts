/**
 * Renderer memory: the JS heap in use (CDP `Performance.getMetrics`, after a forced GC) and the
 * resident memory of the renderer process (`/proc/<pid>/status` VmRSS; the pid from the browser's
 * `SystemInfo.getProcessInfo`: the largest renderer, measured while the page under test is the only
 * one open), after opening and after a sustained editing run: typing at ~8 keys/s into paragraphs
 * across the document, new paragraphs now and then, and a structural insertion every minute.
 */
import { readFileSync } from 'node:fs';
import type { Browser, CDPSession, Page } from 'playwright-core';
import { sleep } from '../lib/stats.js';
import { rendererMetrics } from './pageProbes.js';

export interface MemorySample {
  heapBytes: number;
  /** Resident memory of the renderer process (bytes); 0 when it could not be read. */
  rssBytes: number;
}

interface ProcessInfo {
  type: string;
  id: number;
}

function rssOf(pid: number): number {
  try {
    const line = readFileSync(`/proc/${pid}/status`, 'utf8')
      .split('\n')
      .find((l) => l.startsWith('VmRSS:'));
    const kb = Number(line?.replace(/\D+/g, '') ?? 0);
    return kb * 1024;
  } catch {
    return 0;
  }
}

async function rendererRss(browser: Browser): Promise<number> {
  const session = await browser.newBrowserCDPSession();
  try {
    const info = (await session.send('SystemInfo.getProcessInfo')) as { processInfo: ProcessInfo[] };
    const renderers = info.processInfo.filter((p) => p.type === 'renderer').map((p) => rssOf(p.id));
    return Math.max(0, ...renderers);
  } catch {
    return 0;
  } finally {
    await session.detach().catch(() => undefined);
  }
}

export async function sampleMemory(browser: Browser, cdp: CDPSession): Promise<MemorySample> {
  const { heapUsed } = await rendererMetrics(cdp, true);
  return { heapBytes: heapUsed, rssBytes: await rendererRss(browser) };
}

export interface SustainedEditing {
  minutes: number;
  keys: number;
  insertions: number;
}

/**
 * Edits for `minutes`: bursts of 40 keys at ~8 keys/s at the end of a paragraph picked across the
 * document (every fourth burst ends with Enter and a few more characters: a new paragraph), and
 * every minute `insertSection` (a page expression: a clause, or a heading in the plain editor).
 */
export async function sustainEditing(
  page: Page,
  paragraphs: string,
  insertSection: string,
  minutes: number,
): Promise<SustainedEditing> {
  const until = performance.now() + minutes * 60_000;
  let nextInsertion = performance.now() + 60_000;
  let keys = 0;
  let insertions = 0;
  let burst = 0;
  while (performance.now() < until) {
    const count = await page.locator(paragraphs).count();
    const target = page.locator(paragraphs).nth(Math.floor(((burst * 0.37) % 1) * count));
    await target.scrollIntoViewIfNeeded();
    await target.click();
    await page.keyboard.press('End');
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press(String.fromCharCode(97 + ((keys + i) % 26)));
      await sleep(125);
    }
    keys += 40;
    if (burst % 4 === 3) {
      await page.keyboard.press('Enter');
      await page.keyboard.type('new paragraph', { delay: 125 });
      keys += 14;
    }
    burst += 1;
    if (performance.now() >= nextInsertion) {
      await page.evaluate(insertSection);
      insertions += 1;
      nextInsertion += 60_000;
    }
  }
  return { minutes, keys, insertions };
}
