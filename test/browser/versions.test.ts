/**
 * Versions in real Chromium: the lead opens the versions beside the editor, names the current state
 * (the list follows live), compares a version with the current text (the document with the drafter's
 * insertion marked in the drafter's colour, and the clause list), and restores one clause — the
 * editor shows the restored text at once, and the change history shows the restore. Screenshots:
 * /tmp/versions-*.png.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import type { DocumentVersionView } from '@shared/domain/versions.js';
import { colorForUser } from '@shared/domain/userColor.js';
import { VACUUM_CUP_STANDARD_IDS } from '../../server/seed/demo/standardContent.js';
import { demoProject, login, request } from '../helpers/api.js';
import { launchBrowser, openStandard, signIn } from '../helpers/browser.js';
import { connectSynced, waitFor } from '../helpers/collab.js';
import { startTestServer } from '../helpers/server.js';
import type { TestServer } from '../helpers/server.js';
import { paragraphText, plain } from '../versions/helpers.js';

const LIVE_TIMEOUT = 15_000;
const lid = VACUUM_CUP_STANDARD_IDS.appearanceLid;

let server: TestServer;
let browser: Browser;
let standardId = '';
let drafterId = '';

/** CSS `rgb(r, g, b)` of a `#rrggbb` colour (what the browser reports). */
function rgb(hex: string): string {
  const n = Number.parseInt(hex.slice(1), 16);
  return `rgb(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255})`;
}

beforeAll(async () => {
  server = await startTestServer();
  browser = await launchBrowser();
  const lead = await login(server.url, 'lead@example.com');
  const drafter = await login(server.url, 'drafter@example.com');
  drafterId = (await request<{ user: { id: string } }>(server.url, 'GET', '/api/auth/me', { token: drafter })).body.user
    .id;
  standardId = (await demoProject(server.url, lead)).standardId;
  const named = await request<DocumentVersionView>(server.url, 'POST', `/api/documents/${standardId}/versions`, {
    token: lead,
    body: { name: '启动会后' },
  });
  expect(named.status).toBe(201);
  // The drafter (another organization) adds a sentence to 5.1.4 after that version.
  const client = await connectSynced(server.url, standardId, drafter);
  const text = paragraphText(client.doc, lid);
  text.insert(plain(text).length, '杯盖应能单手开启。');
  await waitFor(
    () => server.collab.readDocument(standardId, (doc) => plain(paragraphText(doc, lid)).includes('单手开启')),
    'the drafter’s sentence on the server',
  );
  client.destroy();
});

afterAll(async () => {
  await browser?.close();
  await server?.dispose();
});

describe('versions in the browser', () => {
  it('names a version, compares, sees the difference and restores a clause as the lead', async () => {
    const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1600, height: 1000 } });
    const page = await context.newPage();
    try {
      await signIn(page, server.url, 'lead@example.com');
      await openStandard(page, server.url, standardId);
      await page.getByTestId('versions-tab').click();
      const panel = page.getByTestId('versions-panel');
      await panel.getByText('启动会后').waitFor();

      // 保存版本: the new version appears in the list (live, through the project's events).
      await panel.getByTestId('name-version').click();
      await page.getByTestId('version-name-input').fill('技术研讨会前');
      // antd spaces two-character Chinese labels ("保 存"): the dialog's primary button.
      await page.locator('.ant-modal-footer .ant-btn-primary').click();
      await panel.getByText('技术研讨会前').waitFor({ timeout: LIVE_TIMEOUT });
      await page.screenshot({ path: '/tmp/versions-list.png' });

      // Compare 启动会后 with the current text.
      const kickoff = panel.locator('[data-testid="version-row"]', { hasText: '启动会后' });
      await kickoff.locator('input[type="checkbox"]').check();
      await panel.locator('[data-testid="version-row"][data-version-id="current"] input[type="checkbox"]').check();
      await panel.getByTestId('compare-versions').click();
      const diff = page.getByTestId('diff-view');
      await diff.waitFor({ timeout: LIVE_TIMEOUT });
      const inserted = page.locator(`[data-testid="diff-document"] [data-part-key="${lid}"] ins`);
      await expect(inserted.textContent()).resolves.toBe('杯盖应能单手开启。');
      await expect(inserted.evaluate((el) => getComputedStyle(el).color)).resolves.toBe(rgb(colorForUser(drafterId)));
      await expect(inserted.getAttribute('title')).resolves.toMatch(/（.+）/);
      const change = page.locator(`[data-testid="clause-change"][data-part-key="${lid}"]`);
      await expect(change.locator('.clause-change__label').textContent()).resolves.toContain('5.1.4');
      await expect(change.locator('[data-side="after"] ins').textContent()).resolves.toBe('杯盖应能单手开启。');
      await expect(page.getByTestId('clause-change').count()).resolves.toBe(1);
      // The clause's label shows it in the document beside the list.
      await change.locator('.clause-change__label').click();
      await page.locator(`.diff-part--located[data-part-key="${lid}"]`).waitFor();
      await page.waitForFunction((key) => {
        const part = document.querySelector(`[data-testid="diff-document"] [data-part-key="${key}"]`);
        const pane = part?.closest('.diff-view__pane');
        if (!part || !pane) return false;
        const a = part.getBoundingClientRect();
        const b = pane.getBoundingClientRect();
        return a.top >= b.top && a.bottom <= b.bottom;
      }, lid);
      await page.screenshot({ path: '/tmp/versions-diff.png' });

      // Restore 5.1.4 to 启动会后, with the confirmation; the editor shows it at once.
      await change.getByTestId(`restore-part-${lid}`).click();
      const confirm = page.locator('.ant-modal-confirm');
      await confirm.locator('.ant-modal-confirm-title', { hasText: '将 5.1.4 恢复至版本“启动会后”？' }).waitFor();
      // Once the dialog's opening animation is over.
      await page.locator('.ant-modal-confirm:not([class*="zoom"])').waitFor();
      await page.screenshot({ path: '/tmp/versions-restore-confirm.png' });
      await confirm.locator('.ant-modal-confirm-btns .ant-btn-primary').click();
      await page.getByText('已将 5.1.4 恢复至版本“启动会后”').waitFor({ timeout: LIVE_TIMEOUT });
      await page.getByTestId('diff-view').getByText('两者之间没有修改。').waitFor({ timeout: LIVE_TIMEOUT });
      await page.locator('.versions-diff-drawer .ant-drawer-close').click();
      await page.locator('.versions-diff-drawer').waitFor({ state: 'detached' });
      await page.locator(`[data-testid="editor"] section[data-id="${lid}"]`).scrollIntoViewIfNeeded();
      await page
        .locator(`[data-testid="editor"] section[data-id="${lid}"] p`, { hasText: '杯盖与杯体旋合应顺畅' })
        .waitFor();
      await expect(
        page.locator(`[data-testid="editor"] section[data-id="${lid}"]`).textContent(),
      ).resolves.not.toContain('单手开启');
      await page.screenshot({ path: '/tmp/versions-restored.png' });

      // The change history shows the restore on the lead's entry.
      await page.getByTestId('history-tab').click();
      const note = page
        .getByTestId('history-panel')
        .getByTestId('history-structure')
        .getByText('恢复 5.1.4 至版本“启动会后”');
      await note.waitFor({ timeout: LIVE_TIMEOUT });
      await page.screenshot({ path: '/tmp/versions-history-restore.png' });
    } finally {
      await context.close();
    }
  }, 90_000);

  it('shows no naming or restoring to a reviewer', async () => {
    const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1600, height: 1000 } });
    const page = await context.newPage();
    try {
      await signIn(page, server.url, 'bureau@example.com');
      await openStandard(page, server.url, standardId);
      await page.getByTestId('versions-tab').click();
      const panel = page.getByTestId('versions-panel');
      await panel.getByText('启动会后').waitFor();
      await expect(panel.getByTestId('name-version').count()).resolves.toBe(0);
      await panel.locator('[data-testid="version-row"]', { hasText: '启动会后' }).locator('input').check();
      await panel.locator('[data-testid="version-row"]', { hasText: '技术研讨会前' }).locator('input').check();
      await panel.getByTestId('compare-versions').click();
      await page.getByTestId('diff-view').waitFor({ timeout: LIVE_TIMEOUT });
      await expect(page.getByTestId('clause-change').count()).resolves.toBe(1);
      await expect(page.locator('[data-testid^="restore-"]').count()).resolves.toBe(0);
    } finally {
      await context.close();
    }
  }, 60_000);
});
