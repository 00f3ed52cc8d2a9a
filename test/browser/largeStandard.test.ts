/**
 * A 100-page standard (the benchmark's, bench/lib/largeStandard.ts) in real Chromium. Off-screen
 * clauses are not laid out until they come near the view (`content-visibility: auto`, with an
 * estimated height before that), so a jump from the outline must still land on its clause's title
 * although every clause it passes was never drawn, and stay there while the text around it is drawn.
 * Screenshot: /tmp/large-standard-jump.png.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import * as Y from 'yjs';
import { prosemirrorJSONToYXmlFragment } from '@tiptap/y-tiptap';
import { CONTENT_FIELD } from '@shared/editor/extensions.js';
import { editorSchema } from '@shared/editor/schema.js';
import { ensureStructureIds } from '@shared/editor/structure/ids.js';
import { buildLargeStandard } from '../../bench/lib/largeStandard.js';
import { demoProject, login } from '../helpers/api.js';
import { launchBrowser, signIn } from '../helpers/browser.js';
import { connectSynced, waitFor } from '../helpers/collab.js';
import { startTestServer } from '../helpers/server.js';
import type { TestServer } from '../helpers/server.js';

let server: TestServer;
let browser: Browser;
let standardId = '';

function sameVector(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((byte, i) => byte === b[i]);
}

beforeAll(async () => {
  server = await startTestServer();
  browser = await launchBrowser();
  const token = await login(server.url, 'lead@example.com');
  standardId = (await demoProject(server.url, token)).standardId;
  // The 100-page standard replaces the demo text, written as a co-author's change.
  const writer = await connectSynced(server.url, standardId, token);
  const fragment = writer.doc.getXmlFragment(CONTENT_FIELD);
  writer.doc.transact(() => {
    fragment.delete(0, fragment.length);
    prosemirrorJSONToYXmlFragment(editorSchema(), ensureStructureIds(buildLargeStandard()), fragment);
  });
  const local = Y.encodeStateVector(writer.doc);
  await waitFor(
    async () => sameVector(local, await server.collab.readDocument(standardId, (doc) => Y.encodeStateVector(doc))),
    'the server has the 100-page standard',
    30_000,
  );
  writer.destroy();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.dispose();
});

/** Clicks the outline entry in the middle of the outline's view after scrolling it to `fraction`; its label. */
async function jumpFromOutlineAt(page: Page, fraction: number): Promise<string> {
  return page.evaluate(async (at) => {
    const list = document.querySelector<HTMLElement>('[data-testid="outline"] .outline__list');
    let scroller = list?.parentElement ?? null;
    while (scroller && !['auto', 'scroll'].includes(getComputedStyle(scroller).overflowY))
      scroller = scroller.parentElement;
    if (!scroller) throw new Error('the outline does not scroll');
    scroller.scrollTop = at * scroller.scrollHeight;
    await new Promise((resolve) => setTimeout(resolve, 300));
    const view = scroller.getBoundingClientRect();
    const shown = [
      ...document.querySelectorAll<HTMLElement>('[data-testid="outline-item"][data-kind="clause"]'),
    ].filter(
      (item) => item.getBoundingClientRect().top > view.top && item.getBoundingClientRect().bottom < view.bottom,
    );
    const item = shown[shown.length >> 1];
    if (!item) throw new Error('no clause in the outline’s view');
    item.click();
    return item.dataset.label ?? '';
  }, fraction);
}

describe('a 100-page standard', { timeout: 180_000 }, () => {
  it('lands an outline jump on the clause’s title, through text that was never drawn', async () => {
    const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1400, height: 900 } });
    const page = await context.newPage();
    await signIn(page, server.url, 'lead@example.com');
    await page.goto(`${server.url}/documents/${standardId}`);
    await page.getByTestId('outline-item').first().waitFor({ timeout: 60_000 });
    const editor = page.getByTestId('editor');
    // The whole text is in the page, drawn or not.
    expect(await editor.locator('section[data-type="clause"]').count()).toBeGreaterThan(400);

    for (const fraction of [0.9, 0.3, 0.7, 0.5]) {
      const label = await jumpFromOutlineAt(page, fraction);
      const title = editor.locator(`section[data-label="${label}"] > .gb-section-title`);
      await expect.poll(() => title.evaluate((e) => e.getBoundingClientRect().top)).toBeGreaterThan(0);
      await page.waitForTimeout(1200);
      // Still in view once the clauses around it have been drawn: in the middle third of the window.
      const top = await title.evaluate((e) => e.getBoundingClientRect().top);
      expect(top, `${label}'s title`).toBeGreaterThan(300);
      expect(top, `${label}'s title`).toBeLessThan(700);
      const caretIn = await page.evaluate(
        () => getSelection()?.anchorNode?.parentElement?.closest('section')?.dataset.label,
      );
      expect(caretIn).toBe(label);
    }
    await page.screenshot({ path: '/tmp/large-standard-jump.png' });
    await context.close();
  });
});
