/**
 * The 提交材料 dialog in a real browser: the lead opens it on the project page, picks 送审稿, starts
 * it, sees each part's progress (PDFs included when LibreOffice is installed), the list of what went
 * in (sizes, SHA-256, the version) and downloads the zip, which holds what the list says.
 */
import { createHash } from 'node:crypto';
import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import type { PackageManifest } from '@shared/api/submissionPackage.js';
import { demoProject, login } from '../helpers/api.js';
import { launchBrowser, signIn } from '../helpers/browser.js';
import { startTestServer } from '../helpers/server.js';
import type { TestServer } from '../helpers/server.js';
import { SOFFICE } from '../consultation/office.js';

const SCREENSHOT = process.env.PACKAGE_SCREENSHOT ?? '/tmp/submission-package-dialog.png';
const MISSING_SCREENSHOT = process.env.PACKAGE_MISSING_SCREENSHOT ?? '/tmp/submission-package-no-office.png';
const FAILED_SCREENSHOT = process.env.PACKAGE_FAILED_SCREENSHOT ?? '/tmp/submission-package-failed-parts.png';

let server: TestServer;
let browser: Browser;
let projectId = '';

beforeAll(async () => {
  server = await startTestServer();
  browser = await launchBrowser();
  const token = await login(server.url, 'lead@example.com');
  projectId = (await demoProject(server.url, token)).project.id;
});

afterAll(async () => {
  await browser?.close();
  await server?.dispose();
});

describe('the submission package dialog', () => {
  it('builds the 送审稿 package with progress, lists what went in and downloads it', async () => {
    const context = await browser.newContext({
      locale: 'zh-CN',
      acceptDownloads: true,
      viewport: { width: 1280, height: 1500 },
    });
    const page = await context.newPage();
    try {
      await signIn(page, server.url, 'lead@example.com');
      await page.goto(`${server.url}/projects/${projectId}`);
      await page.getByTestId('package-open').click();
      const dialog = page.getByTestId('package-dialog');
      await dialog.waitFor();
      await page.getByTestId('package-stage').getByText('送审稿', { exact: true }).click();
      await page.getByTestId('package-start').click();

      // Progress: the parts appear at once, and the PDF parts run while the dialog watches.
      await page.getByTestId('package-parts').waitFor();
      await expect(page.getByTestId('package-part-standard.docx').textContent()).resolves.toContain('标准文本');
      if (SOFFICE) {
        await page
          .locator(
            '[data-testid="package-part-standard.pdf"][data-status="running"], [data-testid="package-part-standard.pdf"][data-status="done"]',
          )
          .waitFor({ timeout: 60_000 });
      }
      await page.locator('[data-testid="package-status"][data-status="done"]').waitFor({ timeout: 120_000 });
      for (const id of ['standard.docx', 'explanation.docx', 'application-report.docx', 'checker', 'zip']) {
        const part = page.getByTestId(`package-part-${id}`);
        expect(await part.getAttribute('data-status'), `${id}: ${await part.textContent()}`).toBe('done');
      }
      const pdfStatus = await page.getByTestId('package-part-standard.pdf').getAttribute('data-status');
      expect(pdfStatus).toBe(SOFFICE ? 'done' : 'skipped');

      // What went in: every file with its size and SHA-256 (short), and the checker's counts.
      const files = page.getByTestId('package-files');
      await expect(files.textContent()).resolves.toContain('（送审稿）.docx');
      await expect(files.textContent()).resolves.toContain('当前文本');
      await expect(page.getByTestId('package-check').textContent()).resolves.toMatch(/错误 \d+ 项，警告 \d+ 项/);
      await page.screenshot({ path: SCREENSHOT, fullPage: true, animations: 'disabled' });

      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByTestId('package-download').click(),
      ]);
      expect(download.suggestedFilename()).toMatch(/^提交材料-.*（送审稿）\.zip$/);
      const zip = unzipSync(new Uint8Array(await readFile((await download.path())!)));
      const manifest = JSON.parse(new TextDecoder().decode(zip['manifest.json'])) as PackageManifest;
      expect(manifest.stageLabel).toBe('送审稿');
      for (const file of manifest.files) {
        expect(zip[file.path], file.path).toBeDefined();
        expect(createHash('sha256').update(zip[file.path]!).digest('hex')).toBe(file.sha256);
        // The dialog shows each file's short hash.
        await expect(files.textContent()).resolves.toContain(file.sha256.slice(0, 12));
      }
    } finally {
      await context.close();
    }
  }, 180_000);
});

describe('the submission package dialog when the PDFs fail', () => {
  it('names each failed part and why; the rest still downloads', async () => {
    const scratch = await mkdtemp(join(tmpdir(), 'zm-package-ui-'));
    // A LibreOffice that never finishes: each conversion is killed after the timeout.
    const hanging = join(scratch, 'hanging-soffice');
    await writeFile(hanging, '#!/bin/sh\nexec sleep 600\n');
    await chmod(hanging, 0o755);
    const failing = await startTestServer({ pdf: { command: hanging, timeoutMs: 1000, slots: 1 } });
    const context = await browser.newContext({
      locale: 'zh-CN',
      acceptDownloads: true,
      viewport: { width: 1280, height: 1500 },
    });
    const page = await context.newPage();
    try {
      const token = await login(failing.url, 'lead@example.com');
      const failingProjectId = (await demoProject(failing.url, token)).project.id;
      await signIn(page, failing.url, 'lead@example.com');
      await page.goto(`${failing.url}/projects/${failingProjectId}`);
      await page.getByTestId('package-open').click();
      await page.getByTestId('package-dialog').waitFor();
      await page.getByTestId('package-stage').getByText('送审稿', { exact: true }).click();
      await page.getByTestId('package-start').click();
      await page.locator('[data-testid="package-status"][data-status="done"]').waitFor({ timeout: 120_000 });

      for (const [id, title] of [
        ['standard.pdf', '标准文本'],
        ['explanation.pdf', '编制说明'],
        ['application-report.pdf', '实施应用报告'],
      ] as const) {
        const part = page.getByTestId(`package-part-${id}`);
        expect(await part.getAttribute('data-status')).toBe('failed');
        const text = await part.textContent();
        expect(text).toContain(title);
        expect(text).toContain('PDF 转换超时，已中止');
        expect(text).toContain('did not finish within 1 s');
      }
      const word = page.getByTestId('package-part-standard.docx');
      expect(await word.getAttribute('data-status')).toBe('done');
      await page.screenshot({ path: FAILED_SCREENSHOT, fullPage: true, animations: 'disabled' });

      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByTestId('package-download').click(),
      ]);
      const zip = unzipSync(new Uint8Array(await readFile((await download.path())!)));
      const manifest = JSON.parse(new TextDecoder().decode(zip['manifest.json'])) as PackageManifest;
      expect(Object.keys(zip).some((name) => name.endsWith('.pdf'))).toBe(false);
      expect(manifest.pdf.included).toBe(false);
      expect(manifest.files.filter((f) => f.format === 'docx').length).toBeGreaterThanOrEqual(4);
    } finally {
      await context.close();
      await failing.dispose();
      await rm(scratch, { recursive: true, force: true });
    }
  }, 180_000);
});

describe('the submission package dialog without LibreOffice', () => {
  it('says before building that no PDF copies can be made; the parts say why', async () => {
    const missing = await startTestServer({ pdf: { command: '/nonexistent/soffice' } });
    const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 1000 } });
    const page = await context.newPage();
    try {
      const token = await login(missing.url, 'lead@example.com');
      const missingProjectId = (await demoProject(missing.url, token)).project.id;
      await signIn(page, missing.url, 'lead@example.com');
      await page.goto(`${missing.url}/projects/${missingProjectId}`);
      await page.getByTestId('package-open').click();
      await expect(page.getByTestId('package-pdf-missing').textContent()).resolves.toContain(
        '服务器未安装 LibreOffice',
      );
      expect(await page.getByRole('checkbox', { name: /附 PDF 副本/ }).isDisabled()).toBe(true);
      await page.getByTestId('package-dialog').screenshot({ path: MISSING_SCREENSHOT, animations: 'disabled' });
      await page.getByTestId('package-start').click();
      await page.locator('[data-testid="package-status"][data-status="done"]').waitFor({ timeout: 120_000 });
      const part = page.getByTestId('package-part-standard.pdf');
      expect(await part.getAttribute('data-status')).toBe('skipped');
      await expect(part.textContent()).resolves.toContain('服务器未安装 LibreOffice，未生成 PDF');
    } finally {
      await context.close();
      await missing.dispose();
    }
  }, 180_000);
});
