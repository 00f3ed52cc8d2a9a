/**
 * Opening a document in real Chromium. The editor's code is a chunk of its own, loaded on demand:
 * when that download fails the page says so with 重试, and retrying opens the document. The
 * collaboration socket opens beside the document's metadata request, so a slow metadata answer does
 * not hold the text back. Someone outside the drafting group who follows a link gets the page that
 * says the document is not there (as for any document they may not see), never its text.
 * Screenshots: /tmp/document-opening-*.png.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { demoProject, login } from '../helpers/api.js';
import { launchBrowser, signIn } from '../helpers/browser.js';
import { startTestServer } from '../helpers/server.js';
import type { TestServer } from '../helpers/server.js';

let server: TestServer;
let browser: Browser;
let standardId = '';

beforeAll(async () => {
  server = await startTestServer();
  browser = await launchBrowser();
  standardId = (await demoProject(server.url, await login(server.url, 'lead@example.com'))).standardId;
});

afterAll(async () => {
  await browser?.close();
  await server?.dispose();
});

async function signedIn(email: string): Promise<Page> {
  const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  await signIn(page, server.url, email);
  return page;
}

async function textShownAndConnected(page: Page): Promise<void> {
  await page.locator('[data-testid="editor"] .ProseMirror section[data-type="clause"]').first().waitFor();
  await page.locator('[data-testid="connection-status"][data-state="connected"]').waitFor();
}

describe('opening a document', { timeout: 90_000 }, () => {
  it('says when the editor could not be loaded, and 重试 opens the document', async () => {
    const page = await signedIn('lead@example.com');
    const editorChunk = '**/assets/DocumentPage-*.js';
    await page.route(editorChunk, (route) => route.abort('internetdisconnected'));
    await page.goto(`${server.url}/documents/${standardId}`);
    const failure = page.getByRole('alert').filter({ hasText: '页面未能加载' });
    await failure.waitFor();
    await page.screenshot({ path: '/tmp/document-opening-failed.png' });
    expect(await page.locator('[data-testid="editor"]').count()).toBe(0);

    await page.unroute(editorChunk);
    await failure.getByRole('button', { name: /重\s*试/ }).click();
    await textShownAndConnected(page);
    expect(await failure.count()).toBe(0);
    await page.context().close();
  });

  it('connects the collaboration socket without waiting for the document’s metadata', async () => {
    const page = await signedIn('lead@example.com');
    const events: string[] = [];
    page.on('websocket', (socket) => {
      if (socket.url().includes(`/collab/${standardId}`)) events.push('socket opened');
    });
    // The metadata answer is held back for 1.5 s (a slow network or a busy server).
    await page.route(`**/api/documents/${standardId}`, async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 1500));
      events.push('metadata answered');
      await route.continue();
    });
    await page.goto(`${server.url}/documents/${standardId}`);
    await textShownAndConnected(page);
    expect(events.slice(0, 2)).toEqual(['socket opened', 'metadata answered']);
    await page.context().close();
  });

  it('draws the text first, then the panels beside it, without moving the text', async () => {
    const page = await signedIn('lead@example.com');
    // In every frame drawn once the text is there: are the outline and the comments there, and where
    // is the text's box (its left, top and width: the drafting credits loading inside it may change
    // its height).
    await page.addInitScript(`
      window.__opening = [];
      const record = () => {
        if (document.querySelector('[data-testid="editor"] .ProseMirror section[data-type="clause"]')) {
          const box = document.querySelector('[data-testid="editor"] .ProseMirror').getBoundingClientRect();
          window.__opening.push({
            outline: document.querySelector('[data-testid="outline-item"]') !== null,
            comments: document.querySelector('.workspace__side-tabs') !== null,
            box: [box.left, box.top, box.width].join(),
          });
        }
        if (window.__opening.length < 600) requestAnimationFrame(record);
      };
      requestAnimationFrame(record);
    `);
    await page.goto(`${server.url}/documents/${standardId}`);
    await textShownAndConnected(page);
    await page.getByTestId('outline-item').first().waitFor();
    await page.locator('.workspace__side-tabs').waitFor();
    await page.getByTestId('checker-panel').waitFor();
    type State = { outline: boolean; comments: boolean; box: string };
    const states = await page.evaluate(() => (window as unknown as { __opening: State[] }).__opening);
    expect(states[0]).toMatchObject({ outline: false, comments: false });
    expect(states.at(-1)).toMatchObject({ outline: true, comments: true });
    expect(new Set(states.map((state) => state.box)).size).toBe(1);
    await page.screenshot({ path: '/tmp/document-opening-panels.png' });
    await page.context().close();
  });

  it('shows someone outside the drafting group the not-found page, never the text', async () => {
    const page = await signedIn('outsider@example.com');
    await page.goto(`${server.url}/documents/${standardId}`);
    await page.getByTestId('document-forbidden').waitFor();
    await page.screenshot({ path: '/tmp/document-opening-forbidden.png' });
    expect(await page.locator('[data-testid="editor"]').count()).toBe(0);
    await page.context().close();
  });
});
