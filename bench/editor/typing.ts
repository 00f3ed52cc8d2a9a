/**
 * Typing into the open editor: keys at 10 keys/s (Event Timing per keystroke, long tasks,
 * main-thread time, React commits), and Chinese input through the input method protocol of the
 * DevTools (`Input.imeSetComposition` for each pinyin letter, `Input.insertText` for the commit), as
 * an IME delivers it: composition updates, then the committed characters.
 */
import type { CDPSession, Page } from 'playwright-core';
import { sleep } from '../lib/stats.js';
import { keystrokeDurations, pageNow, recordedSince, rendererMetrics } from './pageProbes.js';
import type { EventEntry } from './pageProbes.js';
import { startProfile, stopProfile } from './cpuProfile.js';

export const KEYS = 200;
export const KEY_INTERVAL_MS = 100;
const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

/** Pinyin and the characters an IME commits for it (one commit each). */
const IME_WORDS: [string, string][] = [
  ['zhong', '中'],
  ['guo', '国'],
  ['zhizao', '制造'],
  ['biaozhun', '标准'],
  ['yaoqiu', '要求'],
  ['shiyan', '试验'],
  ['fangfa', '方法'],
  ['jianyan', '检验'],
  ['guize', '规则'],
  ['baozhuang', '包装'],
];
export const IME_COMMITS = 40;
/** Between two pinyin letters (10 keys/s, as the typing row), and after a commit. */
const IME_LETTER_MS = 100;
const IME_PAUSE_MS = 200;

export interface TypingResult {
  /** Event Timing duration per keystroke, ms (keystrokes under 16 ms count as 0). */
  keystrokes: number[];
  longTasks: number[];
  /** React commits while typing. */
  commits: number;
  mainThreadMsPerKey: number;
}

/**
 * Puts the caret at the end of the paragraph (of those `selector` finds) whose text starts with
 * `text` (bench/editor/caretParagraph.ts; a later session finds it with the earlier sessions' typing
 * appended: both servers keep the document), and returns its index. Where the text occurs more than
 * once (the duplicated worst case), the occurrence that starts nearest the middle of the editor's text.
 */
export async function placeCaret(page: Page, selector: string, text: string): Promise<number> {
  const index = await page.evaluate(
    ([paragraphSelector, wantedText]) => {
      const paragraphs = [...document.querySelectorAll(paragraphSelector)];
      const root = paragraphs[0]?.closest('.ProseMirror');
      if (!root) return -1;
      const middle = (root.textContent ?? '').length / 2;
      const candidates = new Set<Node>(paragraphs.filter((p) => p.textContent?.startsWith(wantedText)));
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
      let offset = 0;
      let best = -1;
      let bestDistance = Number.POSITIVE_INFINITY;
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if (node.nodeType === Node.TEXT_NODE) offset += node.nodeValue?.length ?? 0;
        else if (candidates.has(node) && Math.abs(offset - middle) < bestDistance) {
          bestDistance = Math.abs(offset - middle);
          best = paragraphs.indexOf(node as Element);
        }
      }
      return best;
    },
    [selector, text] as const,
  );
  if (index < 0) throw new Error(`no paragraph matching ${selector} reads ${JSON.stringify(text.slice(0, 40))}`);
  await caretAtEndOf(page, selector, index);
  return index;
}

/** Puts the caret at the end of paragraph `index` of those `selector` finds. */
export async function caretAtEndOf(page: Page, selector: string, index: number): Promise<void> {
  const target = page.locator(selector).nth(index);
  await target.scrollIntoViewIfNeeded();
  await target.click();
  // The end of the paragraph, not of the clicked line (End alone): the typed text is appended, so a
  // later session still finds the paragraph by how it starts.
  await target.evaluate((paragraph) => {
    const range = document.createRange();
    range.selectNodeContents(paragraph);
    range.collapse(false);
    const selection = getSelection();
    selection?.removeAllRanges();
    selection?.addRange(range);
  });
  await page.waitForTimeout(100);
  await page.keyboard.press('End');
}

export async function typeKeys(page: Page, cdp: CDPSession, name: string): Promise<TypingResult> {
  const profiling = process.env.BENCH_EDITOR_PROFILE === '1';
  const since = await pageNow(page);
  const before = await rendererMetrics(cdp);
  if (profiling) await startProfile(cdp);
  for (let i = 0; i < KEYS; i++) {
    const sent = performance.now();
    await page.keyboard.press(LETTERS[i % LETTERS.length] ?? 'a');
    await sleep(Math.max(0, KEY_INTERVAL_MS - (performance.now() - sent)));
  }
  const after = await rendererMetrics(cdp);
  if (profiling) console.log(`${name}: self time while typing\n${(await stopProfile(cdp, name)).join('\n')}`);
  const recorded = await recordedSince(page, since);
  if (profiling) {
    const rendered = Object.entries(recorded.rendered).sort((a, b) => b[1] - a[1]);
    console.log(
      `${name}: components rendered while typing\n${rendered
        .slice(0, 30)
        .map(([n, c]) => `${String(c).padStart(7)}  ${n}`)
        .join('\n')}`,
    );
  }
  const keystrokes = keystrokeDurations(recorded.events);
  while (keystrokes.length < KEYS) keystrokes.push(0);
  return {
    keystrokes,
    longTasks: recorded.longTasks.map((t) => t.duration),
    commits: recorded.commits.length,
    mainThreadMsPerKey: (after.taskMs - before.taskMs) / KEYS,
  };
}

/** Events of an IME commit (composition updates, the committed input). */
function isImeEvent(entry: EventEntry): boolean {
  return entry.name.startsWith('composition') || entry.name === 'beforeinput' || entry.name === 'input';
}

/**
 * Types IME_COMMITS words through the input method protocol at the caret; per commit, the longest
 * Event Timing duration of its composition and input events (under 16 ms counts as 0).
 */
export async function typeIme(page: Page, cdp: CDPSession): Promise<number[]> {
  const starts: number[] = [];
  for (let i = 0; i < IME_COMMITS; i++) {
    const [pinyin, text] = IME_WORDS[i % IME_WORDS.length] ?? ['zhong', '中'];
    starts.push(await pageNow(page));
    for (let n = 1; n <= pinyin.length; n++) {
      await cdp.send('Input.imeSetComposition', { text: pinyin.slice(0, n), selectionStart: n, selectionEnd: n });
      await sleep(IME_LETTER_MS);
    }
    await cdp.send('Input.insertText', { text });
    await sleep(IME_PAUSE_MS);
  }
  const end = await pageNow(page);
  const { events } = await recordedSince(page, starts[0] ?? 0);
  return starts.map((start, i) => {
    const until = starts[i + 1] ?? end;
    const durations = events.filter((e) => isImeEvent(e) && e.start >= start && e.start < until).map((e) => e.duration);
    return Math.max(0, ...durations);
  });
}
