/**
 * A consultation round in two real browsers: the lead opens it in the UI; a member of a consulted
 * unit records a comment online; the lead sees it appear in the live summary-and-handling table
 * without reloading and decides it (部分采纳 needs a reason: refused in the form without one); the
 * footer counts follow in both browsers.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { demoProject, login } from '../helpers/api.js';
import { launchBrowser, signIn } from '../helpers/browser.js';
import { startTestServer } from '../helpers/server.js';
import type { TestServer } from '../helpers/server.js';

const LIVE_TIMEOUT = 10_000;

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

/** The footer counts as the page shows them (data attributes of `round-summary`). */
async function summary(page: Page): Promise<Record<string, string | undefined>> {
  return page.getByTestId('round-summary').evaluate((element) => ({ ...(element as HTMLElement).dataset }));
}

/** Waits until the footer counts shown include `expected` (they change live). */
async function waitForSummary(page: Page, expected: Record<string, number>): Promise<void> {
  const selector = Object.entries(expected)
    .map(([key, value]) => `[data-${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}="${value}"]`)
    .join('');
  await page.locator(`[data-testid="round-summary"]${selector}`).waitFor({ timeout: LIVE_TIMEOUT });
}

describe('a consultation round in the browser', () => {
  it('opens a round, takes a comment online, shows it live to the lead, who decides it', async () => {
    const leadContext = await browser.newContext({ locale: 'zh-CN' });
    const drafterContext = await browser.newContext({ locale: 'zh-CN' });
    const lead = await leadContext.newPage();
    const drafter = await drafterContext.newPage();
    try {
      await signIn(lead, server.url, 'lead@example.com');
      await signIn(drafter, server.url, 'drafter@example.com');

      // The lead opens a round from the project's 征求意见 tab.
      await lead.goto(`${server.url}/projects/${projectId}`);
      await lead.getByTestId('rounds-tab').click();
      await lead.getByTestId('round-open').click();
      const form = lead.getByTestId('round-open-form');
      await form.waitFor();
      // The drafter's unit (a peer company in the drafting group) is preselected.
      const drafterUnit = form.getByRole('checkbox', { name: /浙江晶盾日用品有限公司/ });
      expect(await drafterUnit.isChecked()).toBe(true);
      const sent = await form.locator('[data-testid="round-group-units"] input[type="checkbox"]:checked').count();
      await lead.getByTestId('round-add-outside').click();
      await lead.getByTestId('outside-0-name').fill('浙江大学材料科学与工程学院');
      await lead.getByTestId('outside-0-contact').fill('张教授');
      await lead.getByTestId('round-open-submit').click();
      await lead.getByTestId('round-page').waitFor();
      const roundUrl = lead.url();
      expect(roundUrl).toMatch(/\/projects\/[^/]+\/rounds\/[^/]+$/);
      expect(await summary(lead)).toMatchObject({
        sent: String(sent + 1),
        replied: '0',
        withComments: '0',
        notReplied: String(sent + 1),
        open: '0',
      });
      expect(await lead.getByTestId('item-row').count()).toBe(0);

      // The drafter records a comment online for their own unit, picking the clause from the frozen draft.
      await drafter.goto(roundUrl);
      await drafter.getByTestId('round-page').waitFor();
      await drafter.getByTestId('item-add').click();
      await drafter.getByTestId('item-form').waitFor();
      await drafter.getByTestId('item-clause').click();
      await drafter.keyboard.type('5.2');
      await drafter.locator('.ant-select-item-option', { hasText: '5.2' }).first().waitFor();
      await drafter.keyboard.press('Enter');
      await drafter.getByTestId('item-comment').fill('不锈钢部件的牌号宜补充 S31603。');
      await drafter.getByTestId('item-proposed').fill('在 5.2 中增加“或 S31603”。');
      await drafter.getByTestId('item-submit').click();
      await drafter.getByTestId('item-row').first().waitFor({ timeout: LIVE_TIMEOUT });

      // The lead sees it appear in the table without reloading, with the counts updated.
      const leadRow = lead.locator('[data-testid="item-row"]').first();
      await leadRow.waitFor({ timeout: LIVE_TIMEOUT });
      expect(await leadRow.getAttribute('data-clause')).toBe('5.2');
      expect(await leadRow.getAttribute('data-unit')).toBe('浙江晶盾日用品有限公司');
      expect(await leadRow.innerText()).toContain('S31603');
      await waitForSummary(lead, { replied: 1, withComments: 1, notReplied: sent, open: 1 });

      // 部分采纳 without a reason is refused in the form: nothing is sent.
      await leadRow.getByTestId('item-decide').click();
      await lead.getByTestId('decide-form').waitFor();
      await lead.getByTestId('decide-decision').getByText('部分采纳', { exact: true }).click();
      await lead.getByTestId('decide-submit').click();
      await lead.getByTestId('decide-form').getByText('部分采纳或不采纳时必须填写理由').waitFor();
      // The form's validation ran and refused it; a request sent all the same would have reached the
      // server within this short grace.
      await lead.waitForTimeout(100);
      const stored = server.services.metadata.collection('consultationItems').findMany({});
      expect(stored.map((i) => i.decision)).toEqual([null]);
      expect(await leadRow.getAttribute('data-decision')).toBe('open');

      // With a reason it is accepted; both browsers show the decision and the counts.
      await lead.getByTestId('decide-reason').fill('S31603 纳入 5.2，但不作为唯一牌号。');
      await lead.getByTestId('decide-submit').click();
      await lead.getByTestId('decide-form').waitFor({ state: 'detached' });
      await lead
        .locator('[data-testid="item-row"][data-decision="partly-accepted"]')
        .waitFor({ timeout: LIVE_TIMEOUT });
      await drafter
        .locator('[data-testid="item-row"][data-decision="partly-accepted"]')
        .waitFor({ timeout: LIVE_TIMEOUT });
      for (const page of [lead, drafter]) {
        await waitForSummary(page, { partly: 1, open: 0 });
        expect(await summary(page)).toMatchObject({
          sent: String(sent + 1),
          replied: '1',
          withComments: '1',
          notReplied: String(sent),
          accepted: '0',
          partly: '1',
          rejected: '0',
          open: '0',
        });
      }
      expect(await drafter.locator('[data-testid="item-row"]').first().innerText()).toContain('S31603 纳入 5.2');

      // The exports are plain links the session authorizes; sorting by clause is passed on.
      await lead.getByTestId('round-sort').getByText('按标准章条编号').click();
      const href = await lead.getByTestId('export-xlsx').getAttribute('href');
      expect(href).toMatch(/\/export\.xlsx\?sort=clause$/);
      const download = await lead.request.get(`${server.url}${href}`);
      expect(download.status()).toBe(200);
      expect(download.headers()['content-type']).toContain('spreadsheetml');
    } finally {
      await leadContext.close();
      await drafterContext.close();
    }
  });
});
