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

export function productTarget(name: string, baseUrl: string, documentId: string): EditorTarget {
  return {
    name,
    flavor: 'product',
    url: `${baseUrl}/documents/${documentId}`,
    prepare: (page) => signIn(page, baseUrl),
    async ready(page) {
      await page
        .locator('[data-testid="editor"] .ProseMirror section[data-type="clause"]')
        .first()
        .waitFor({ timeout: 120_000 });
      await page.locator('[data-testid="connection-status"][data-state="connected"]').waitFor({ timeout: 120_000 });
    },
    async findingsShown(page) {
      await page.locator('[data-testid="checker-findings"]').waitFor({ timeout: 120_000 });
    },
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
    async ready(page) {
      await page.locator('#editor[data-ready="true"] .ProseMirror h2').first().waitFor({ timeout: 120_000 });
    },
    paragraphs: '#editor .ProseMirror > p',
  };
}
