/** The two editors compared: the product's standard text, and the plain TipTap page. */
import type { Page } from 'playwright-core';
import { DEMO_EMAIL, DEMO_PASSWORD } from '../lib/api.js';
import type { EditorTarget } from './session.js';

async function signIn(page: Page, baseUrl: string): Promise<void> {
  await page.goto(`${baseUrl}/login`);
  await page.getByTestId('login-email').fill(DEMO_EMAIL);
  await page.getByTestId('login-password').fill(DEMO_PASSWORD);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('project-list').waitFor();
}

/**
 * Resolves once a frame has been drawn in which every selector matches: checked in each animation
 * frame, answered by a task that runs after that frame's style, layout and paint. Both editors are
 * timed this way, so "shown" means drawn, and one check covers all conditions at once.
 */
async function drawnWith(page: Page, selectors: string[]): Promise<void> {
  // A script string: functions compiled by tsx carry helper calls that do not exist in the page.
  await page.evaluate(`new Promise((resolve, reject) => {
    const selectors = ${JSON.stringify(selectors)};
    const deadline = performance.now() + 120000;
    function check() {
      if (selectors.every((selector) => document.querySelector(selector) !== null)) {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => resolve();
        channel.port2.postMessage(null);
      } else if (performance.now() > deadline) {
        reject(new Error('not shown within 120 s: ' + selectors.join(', ')));
      } else {
        requestAnimationFrame(check);
      }
    }
    requestAnimationFrame(check);
  })`);
}

export function productTarget(name: string, baseUrl: string, documentId: string): EditorTarget {
  return {
    name,
    flavor: 'product',
    url: `${baseUrl}/documents/${documentId}`,
    prepare: (page) => signIn(page, baseUrl),
    ready: (page) =>
      drawnWith(page, [
        '[data-testid="editor"] .ProseMirror section[data-type="clause"]',
        '[data-testid="connection-status"][data-state="connected"]',
      ]),
    // Checked like `ready` (a selector per frame): Playwright's locator polling walks the whole
    // document with its own selector engine, ~45 ms of the page's main thread per poll on the
    // worst case, in the way of what it waits for.
    findingsShown: (page) => drawnWith(page, ['[data-testid="checker-findings"]']),
    checkedAtSelector: '[data-testid="checker-panel"]',
    paragraphs: '[data-testid="editor"] .ProseMirror section[data-type="clause"] > p',
  };
}

export function plainTarget(url: string): EditorTarget {
  return {
    name: 'plain TipTap',
    flavor: 'plain',
    url,
    prepare: async () => undefined,
    ready: (page) => drawnWith(page, ['#editor[data-ready="true"] .ProseMirror h2']),
    paragraphs: '#editor .ProseMirror > p',
  };
}
