/**
 * The document page's downloads in a real browser: 导出 Word always, 导出 PDF when the server has
 * LibreOffice (a stand-in here: the conversion itself is tested in test/export), disabled with the
 * reason when it has none.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { demoProject, login } from '../helpers/api.js';
import { launchBrowser, openStandard, signIn } from '../helpers/browser.js';
import { instantOffice } from '../helpers/instantOffice.js';
import { startTestServer } from '../helpers/server.js';
import type { TestServer } from '../helpers/server.js';

const SCREENSHOT = process.env.EXPORT_SCREENSHOT ?? '/tmp/document-export-buttons.png';

let browser: Browser;
let scratch = '';

beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'zm-export-ui-'));
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await rm(scratch, { recursive: true, force: true });
});

async function withDocumentPage(server: TestServer, check: (page: Page) => Promise<void>): Promise<void> {
  const token = await login(server.url, 'drafter@example.com');
  const { standardId } = await demoProject(server.url, token);
  const context = await browser.newContext({
    locale: 'zh-CN',
    acceptDownloads: true,
    viewport: { width: 1400, height: 900 },
  });
  const page = await context.newPage();
  try {
    await signIn(page, server.url, 'drafter@example.com');
    await openStandard(page, server.url, standardId);
    await check(page);
  } finally {
    await context.close();
  }
}

describe('the document page downloads', () => {
  it('offers the PDF beside the Word file when LibreOffice is there', async () => {
    const server = await startTestServer({ pdf: { command: await instantOffice(scratch) } });
    try {
      await withDocumentPage(server, async (page) => {
        const pdf = page.locator('[data-testid="export-pdf"][data-available="true"]');
        await pdf.waitFor();
        await expect(pdf.textContent()).resolves.toContain('导出 PDF');
        await page.locator('.workspace__header').screenshot({ path: SCREENSHOT, animations: 'disabled' });
        const [download] = await Promise.all([page.waitForEvent('download'), pdf.click()]);
        expect(download.suggestedFilename()).toMatch(/^轻量化.*标准文本.*\.pdf$/);
        const bytes = await readFile((await download.path())!);
        expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
        const [word] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-word').click()]);
        expect(word.suggestedFilename()).toMatch(/\.docx$/);
      });
    } finally {
      await server.dispose();
    }
  }, 120_000);

  it('disables the PDF and says why when LibreOffice is missing', async () => {
    const server = await startTestServer({ pdf: { command: join(scratch, 'no-such-soffice') } });
    try {
      await withDocumentPage(server, async (page) => {
        const pdf = page.locator('[data-testid="export-pdf"][data-available="false"]');
        await pdf.waitFor();
        expect(await pdf.isDisabled()).toBe(true);
        await pdf.hover({ force: true });
        await page.getByText('服务器未安装 LibreOffice').waitFor();
        await expect(page.getByTestId('export-word').getAttribute('href')).resolves.toMatch(/\/export\.docx$/);
      });
    } finally {
      await server.dispose();
    }
  }, 120_000);
});
