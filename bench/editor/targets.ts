/** The two editors compared: the product's standard text, and the plain TipTap page. */
import type { Page } from 'playwright-core';
import { DEMO_EMAIL, DEMO_PASSWORD } from '../lib/api.js';
import type { EditorTarget } from './session.js';

/** Page expression timing a product 条 (insert clause) until the new clause shows its number. */
const PRODUCT_INSERT = `(async () => {
  const count = () => document.querySelectorAll('.ProseMirror .gb-number-clause').length;
  const before = count();
  const started = performance.now();
  document.querySelector('[data-testid="insert-clause"]').click();
  while (count() <= before) await new Promise((resolve) => requestAnimationFrame(resolve));
  await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
  return performance.now() - started;
})()`;

/** The plain editor's nearest equivalent: a heading and an empty paragraph inserted at the caret. */
const PLAIN_INSERT = `(async () => {
  const started = performance.now();
  window.benchEditor.chain().focus().insertContent([
    { type: 'heading', attrs: { level: 3 }, content: [{ type: 'text', text: '新条' }] },
    { type: 'paragraph' },
  ]).run();
  await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
  return performance.now() - started;
})()`;

async function signIn(page: Page, baseUrl: string): Promise<void> {
  await page.goto(`${baseUrl}/login`);
  await page.getByTestId('login-email').fill(DEMO_EMAIL);
  await page.getByTestId('login-password').fill(DEMO_PASSWORD);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('project-list').waitFor();
}

export function productTarget(name: string, baseUrl: string, documentId: string): EditorTarget {
  return {
    name,
    url: `${baseUrl}/documents/${documentId}`,
    prepare: (page) => signIn(page, baseUrl),
    async ready(page) {
      await page
        .locator('[data-testid="editor"] .ProseMirror section[data-type="clause"]')
        .first()
        .waitFor({ timeout: 120_000 });
      await page.locator('[data-testid="connection-status"][data-state="connected"]').waitFor({ timeout: 120_000 });
    },
    paragraphs: '[data-testid="editor"] .ProseMirror section[data-type="clause"] > p',
    insertSection: PRODUCT_INSERT,
  };
}

export function plainTarget(url: string): EditorTarget {
  return {
    name: 'plain TipTap',
    url,
    prepare: async () => undefined,
    async ready(page) {
      await page.locator('#editor[data-ready="true"] .ProseMirror h2').first().waitFor({ timeout: 120_000 });
    },
    paragraphs: '#editor .ProseMirror > p',
    insertSection: PLAIN_INSERT,
  };
}
