/**
 * Co-editing: a second browser context (another co-author's tab, its own renderer) opens the same
 * document; the first types at 10 keys/s at the end of a paragraph, the second timestamps each new
 * character as its editor shows it. Both pages stamp with `performance.timeOrigin + now()` (one
 * machine clock): latency = the keydown's time stamp in the typing page → the character in the
 * other page's editor DOM. For the product the server checks the document meanwhile (its checker
 * runs 0.8–3 s after changes): the checker panel's updates seen by the second page are counted.
 */
import type { Browser, Page } from 'playwright-core';
import { sleep } from '../lib/stats.js';
import type { EditorTarget } from './session.js';

export const CO_KEYS = 100;
const CO_INTERVAL_MS = 100;

export interface CoEditingResult {
  /** ms per typed character until the other page showed it (missing ones are not counted). */
  latencies: number[];
  /** Characters never seen by the other page within the wait. */
  missing: number;
  /** Checker results the other page received while the first typed (product; null for plain). */
  checks: number | null;
}

/** In the typing page: the time stamp of every keydown, on the shared clock. */
const SENDER = `
window.__benchSent = [];
document.addEventListener('keydown', (event) => {
  window.__benchSent.push(performance.timeOrigin + event.timeStamp);
}, true);
`;

/**
 * A page expression: the text of paragraph `index` of `selector` without the other authors' carets
 * (TipTap's CollaborationCaret puts each caret, with its author's name, into the text as a widget).
 */
function paragraphText(selector: string, index: number): string {
  return `(() => {
  const paragraph = document.querySelectorAll(${JSON.stringify(selector)})[${index}];
  if (!paragraph) return null;
  const copy = paragraph.cloneNode(true);
  for (const caret of copy.querySelectorAll('.collaboration-carets__caret')) caret.remove();
  return copy.textContent;
})()`;
}

/** In the observing page: when the watched paragraph's text grew, per length. */
function observerScript(selector: string, index: number, checkedAtSelector: string | null): string {
  return `(() => {
  const find = () => document.querySelectorAll(${JSON.stringify(selector)})[${index}];
  let paragraph = find();
  if (!paragraph) throw new Error('no paragraph to watch');
  const textLength = () => {
    let length = paragraph.textContent.length;
    for (const caret of paragraph.querySelectorAll('.collaboration-carets__caret')) length -= caret.textContent.length;
    return length;
  };
  const state = { base: textLength(), seen: [], checks: 0 };
  window.__benchSeen = state;
  const root = paragraph.closest('.ProseMirror');
  new MutationObserver(() => {
    if (!paragraph.isConnected) paragraph = find() ?? paragraph;
    const length = textLength();
    const now = performance.timeOrigin + performance.now();
    while (state.base + state.seen.length < length) state.seen.push(now);
  }).observe(root, { subtree: true, childList: true, characterData: true });
  const checked = ${checkedAtSelector ? `document.querySelector(${JSON.stringify(checkedAtSelector)})` : 'null'};
  if (checked) new MutationObserver(() => { state.checks += 1; }).observe(checked, { subtree: true, childList: true, characterData: true });
})()`;
}

interface Seen {
  seen: number[];
  checks: number;
}

function isSeen(value: unknown): value is Seen {
  return typeof value === 'object' && value !== null && Array.isArray((value as Partial<Seen>).seen);
}

/**
 * `typing` has the caret at the end of paragraph `index` of `target.paragraphs`; a second context
 * opens the document, then `typing` types CO_KEYS keys.
 */
export async function measureCoEditing(
  browser: Browser,
  target: EditorTarget,
  typing: Page,
  index: number,
): Promise<CoEditingResult> {
  const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1500, height: 1000 } });
  try {
    const other = await context.newPage();
    await target.prepare(other);
    await other.goto(target.url);
    await target.ready(other);
    if (target.findingsShown) await target.findingsShown(other);
    const [mine, theirs] = await Promise.all(
      [typing, other].map((page) => page.evaluate(paragraphText(target.paragraphs, index))),
    );
    if (mine === null || mine !== theirs) {
      throw new Error(
        `the co-author does not see the same paragraph: ${JSON.stringify(mine)} / ${JSON.stringify(theirs)}`,
      );
    }
    await other.evaluate(observerScript(target.paragraphs, index, target.checkedAtSelector ?? null));
    await typing.evaluate(SENDER);
    for (let i = 0; i < CO_KEYS; i++) {
      const sent = performance.now();
      await typing.keyboard.press(String.fromCharCode(97 + (i % 26)));
      await sleep(Math.max(0, CO_INTERVAL_MS - (performance.now() - sent)));
    }
    // Wait (up to 10 s) for the last characters to arrive.
    let seen: Seen = { seen: [], checks: 0 };
    for (let waited = 0; waited < 10_000; waited += 250) {
      const value: unknown = await other.evaluate('window.__benchSeen');
      if (isSeen(value)) seen = value;
      if (seen.seen.length >= CO_KEYS) break;
      await sleep(250);
    }
    const sentValue: unknown = await typing.evaluate('window.__benchSent');
    const sentTimes = Array.isArray(sentValue) ? sentValue.filter((v): v is number => typeof v === 'number') : [];
    const keys = sentTimes.slice(-CO_KEYS);
    const latencies: number[] = [];
    keys.forEach((sentAt, i) => {
      const arrived = seen.seen[i];
      if (arrived !== undefined) latencies.push(Math.max(0, arrived - sentAt));
    });
    return {
      latencies,
      missing: CO_KEYS - latencies.length,
      checks: target.checkedAtSelector ? seen.checks : null,
    };
  } finally {
    await context.close();
  }
}
