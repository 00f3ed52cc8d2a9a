/**
 * One editor measured in its own browser context: open the document (text shown and connected;
 * for the product also the checker's findings), type 200 keys at 10 keys/s into a body paragraph in
 * the middle of it, type 40 Chinese words through the input method protocol, run three rounds of
 * structural changes, and co-edit with a second context. The sustained-editing memory run is a
 * session of its own (`measureMemory`).
 */
import type { Browser, Page } from 'playwright-core';
import { sleep } from '../lib/stats.js';
import { measureCoEditing } from './coEditing.js';
import type { CoEditingResult } from './coEditing.js';
import { sampleMemory, sustainEditing } from './memory.js';
import type { MemorySample, SustainedEditing } from './memory.js';
import { observerScript, openCdp } from './pageProbes.js';
import { measureStructure } from './structureOps.js';
import type { StructureTimes } from './structureOps.js';
import { caretAtEndOf, placeCaret, typeIme, typeKeys } from './typing.js';
import type { TypingResult } from './typing.js';

export interface EditorTarget {
  name: string;
  flavor: 'product' | 'plain';
  /** Prepares a fresh page (e.g. signs in). */
  prepare(page: Page): Promise<void>;
  url: string;
  /** Resolves when the text is shown (and, for the product, the document is connected). */
  ready(page: Page): Promise<void>;
  /** Resolves when the drafting checker's findings are shown (product only). */
  findingsShown?(page: Page): Promise<void>;
  /** An element that changes when new checker results arrive (product only). */
  checkedAtSelector?: string;
  /** CSS selector of the body paragraphs to type into. */
  paragraphs: string;
}

export interface SessionResult {
  openMs: number;
  /** Until the checker's findings were shown; null for the plain editor. */
  findingsMs: number | null;
  typing: TypingResult;
  /** Event Timing per IME commit, ms (0 = under 16 ms). */
  ime: number[];
  structure: StructureTimes;
  coEditing: CoEditingResult;
  afterOpen: MemorySample;
}

export interface MemoryResult {
  afterOpen: MemorySample;
  afterEditing: MemorySample;
  editing: SustainedEditing;
}

const STRUCTURE_ROUNDS = 3;

async function openEditor(browser: Browser, target: EditorTarget) {
  const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1500, height: 1000 } });
  const page = await context.newPage();
  await page.addInitScript(observerScript(process.env.BENCH_EDITOR_PROFILE === '1'));
  await target.prepare(page);
  const started = performance.now();
  await page.goto(target.url);
  await target.ready(page);
  const openMs = performance.now() - started;
  let findingsMs: number | null = null;
  if (target.findingsShown) {
    await target.findingsShown(page);
    findingsMs = performance.now() - started;
  }
  const cdp = await openCdp(page);
  return { context, page, cdp, openMs, findingsMs };
}

/**
 * Opens the document once, unmeasured, as the measured sessions will: the first opening after a
 * server starts also times that server's (and the benchmark's) own code warming up, which a server
 * that has been running for a while has behind it. Each measured opening stays cold for the page:
 * a new browser context, with no HTTP cache, no compiled code and no offline copy of the document.
 */
export async function warmUp(browser: Browser, target: EditorTarget): Promise<void> {
  const { context } = await openEditor(browser, target);
  await context.close();
}

/** `caretText`: the paragraph both editors type into (caretParagraph.ts). */
export async function measureEditor(browser: Browser, target: EditorTarget, caretText: string): Promise<SessionResult> {
  const { context, page, cdp, openMs, findingsMs } = await openEditor(browser, target);
  try {
    await sleep(1500);
    const afterOpen = await sampleMemory(browser, cdp);
    const index = await placeCaret(page, target.paragraphs, caretText);
    await sleep(500);
    const typing = await typeKeys(page, cdp, target.name);
    await sleep(500);
    const ime = await typeIme(page, cdp);
    await sleep(500);
    const structure = await measureStructure(page, target.flavor, STRUCTURE_ROUNDS);
    await caretAtEndOf(page, target.paragraphs, index);
    await sleep(500);
    const coEditing = await measureCoEditing(browser, target, page, index);
    return { openMs, findingsMs, typing, ime, structure, coEditing, afterOpen };
  } finally {
    await context.close();
  }
}

/** Opens the document alone, samples memory, edits for `minutes`, samples again. */
export async function measureMemory(browser: Browser, target: EditorTarget, minutes: number): Promise<MemoryResult> {
  const { context, page, cdp } = await openEditor(browser, target);
  try {
    await sleep(3000);
    const afterOpen = await sampleMemory(browser, cdp);
    await measureStructure(page, target.flavor, 0);
    const editing = await sustainEditing(page, target.paragraphs, 'window.__benchStructure.insertClause()', minutes);
    await sleep(3000);
    const afterEditing = await sampleMemory(browser, cdp);
    return { afterOpen, afterEditing, editing };
  } finally {
    await context.close();
  }
}
