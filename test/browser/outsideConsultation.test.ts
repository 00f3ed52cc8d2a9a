/**
 * A consulted unit outside the drafting group answers online in the browser: the lead opens a round
 * sent to 宁波锦程塑料制品有限公司 linked to its organization; outsider@ (a user of that company, in
 * no drafting group) finds the round on the project list, reads the frozen draft, enters a comment;
 * the lead sees it appear live in the table. The lead also invites a new contact, who sets up an
 * account from the link and lands on the round.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { demoProject, login } from '../helpers/api.js';
import { launchBrowser, signIn } from '../helpers/browser.js';
import { motionDone } from '../helpers/motion.js';
import { startTestServer } from '../helpers/server.js';
import type { TestServer } from '../helpers/server.js';

const LIVE_TIMEOUT = 10_000;
const UNIT = '宁波锦程塑料制品有限公司';
const SHOTS = process.env.SCREENSHOT_DIR;

let server: TestServer;
let browser: Browser;
let projectId = '';

beforeAll(async () => {
  server = await startTestServer();
  browser = await launchBrowser();
  projectId = (await demoProject(server.url, await login(server.url, 'lead@example.com'))).project.id;
});

afterAll(async () => {
  await browser?.close();
  await server?.dispose();
});

/** A screenshot when SCREENSHOT_DIR is set, `settleMs` after the call (e.g. for a scroll to end). */
async function shot(page: Page, name: string, fullPage = true, settleMs = 0): Promise<void> {
  if (!SHOTS) return;
  await page.waitForTimeout(settleMs);
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage });
}

describe('a consulted unit outside the drafting group, in the browser', () => {
  it('is sent the round, enters a comment online, and the lead sees it live', async () => {
    const lead = await (
      await browser.newContext({ locale: 'zh-CN', viewport: { width: 1400, height: 900 } })
    ).newPage();
    const outsider = await (
      await browser.newContext({ locale: 'zh-CN', viewport: { width: 1400, height: 900 } })
    ).newPage();
    await signIn(lead, server.url, 'lead@example.com');

    // The lead opens a round with the outside company linked to its organization in the system.
    await lead.goto(`${server.url}/projects/${projectId}`);
    await lead.getByTestId('rounds-tab').click();
    await lead.getByTestId('round-open').click();
    await lead.getByTestId('round-open-form').waitFor();
    await lead.getByTestId('round-add-outside').click();
    await lead.getByTestId('outside-0-organization').click();
    await lead.keyboard.type('宁波锦程');
    await lead.locator('.ant-select-item-option', { hasText: UNIT }).first().click();
    expect(await lead.getByTestId('outside-0-name').inputValue()).toBe(UNIT);
    await lead.getByTestId('outside-0-contact').fill('赵一鸣');
    await shot(lead, 'lead-open-round');
    await lead.getByTestId('round-open-submit').click();
    await lead.getByTestId('round-page').waitFor();
    const roundUrl = lead.url();
    const roundId = roundUrl.split('/rounds/')[1]!;
    const stored = server.services.metadata.collection('consultationRounds').get(roundId)!;
    const outsiderOrg = server.services.metadata
      .collection('users')
      .findOne({ email: 'outsider@example.com' })!.organizationId;
    expect(stored.recipients.find((r) => r.unitName === UNIT)?.organizationId).toBe(outsiderOrg);

    // The outsider finds it on the project list and opens the restricted round page.
    await signIn(outsider, server.url, 'outsider@example.com');
    const pending = outsider.getByTestId('pending-consultations');
    await pending.waitFor();
    await shot(outsider, 'outsider-project-list');
    await pending.getByTestId('pending-round-link').first().click();
    await outsider.getByTestId('round-page').waitFor();
    await outsider.getByTestId('round-unit-notice').waitFor();
    expect(await outsider.getByTestId('round-summary').count()).toBe(0);
    expect(await outsider.getByText('导出', { exact: false }).count()).toBe(0);

    // Enters a comment for the company, picking the clause from the frozen draft.
    await outsider.getByTestId('item-add').click();
    await outsider.getByTestId('item-form').waitFor();
    expect(await outsider.getByTestId('item-form').innerText()).toContain(UNIT);
    await outsider.getByTestId('item-clause').click();
    await outsider.keyboard.type('5.2');
    await outsider.locator('.ant-select-item-option', { hasText: '5.2' }).first().waitFor();
    await outsider.keyboard.press('Enter');
    await outsider.getByTestId('item-comment').fill('外壳材料建议允许使用再生塑料。');
    await outsider.getByTestId('item-submit').click();
    await outsider.locator('[data-testid="item-row"]').first().waitFor({ timeout: LIVE_TIMEOUT });
    await shot(outsider, 'outsider-round');

    // The lead sees it appear without reloading.
    const row = lead.locator(`[data-testid="item-row"][data-unit="${UNIT}"]`);
    await row.waitFor({ timeout: LIVE_TIMEOUT });
    expect(await row.innerText()).toContain('再生塑料');
    expect(await row.getAttribute('data-clause')).toBe('5.2');
    await shot(lead, 'lead-round-live');

    // The clause number links to the clause in the frozen draft and in the current text.
    const clauseId = server.services.metadata.collection('consultationItems').findOne({ roundId })!.clauseId!;
    await row.getByTestId('item-clause-draft').click();
    await lead
      .locator(
        `[data-testid="round-snapshot"] [data-id="${clauseId}"].gb-flash, [data-testid="round-snapshot"] .gb-flash`,
      )
      .first()
      .waitFor();
    await shot(lead, 'lead-draft-clause', false, 800);
    await lead.getByTestId('round-tab-table').click();
    await row.getByTestId('item-clause-current').click();
    await lead.waitForURL(/\/documents\/[^?]+\?node=/);
    await lead.locator('[data-testid="editor"] .gb-flash').first().waitFor();
    await shot(lead, 'lead-current-clause', false, 800);
    await lead.goBack();
    await lead.getByTestId('round-page').waitFor();

    // The frozen draft is readable; the project page is not.
    await outsider.getByTestId('round-tab-snapshot').click();
    await outsider.locator('.ProseMirror').first().waitFor();
    await outsider.goto(`${server.url}/projects/${projectId}`);
    await outsider.getByText('项目不存在或您无权查看').waitFor();
    expect(await outsider.getByTestId('rounds-tab').count()).toBe(0);

    // The lead invites a new contact of the company; the link sets up an account that lands on the round.
    await lead.getByTestId('round-tab-recipients').click();
    await lead.locator(`[data-testid="recipient-row"][data-unit="${UNIT}"]`).getByTestId('recipient-invite').click();
    // The dialog zooms in: a click on 生成邀请链接 while it moves submits nothing.
    await motionDone(lead.locator('.ant-modal').filter({ has: lead.getByTestId('contact-invite-email') }));
    await lead.getByTestId('contact-invite-email').fill('qian@jincheng.example.com');
    await lead.getByTestId('contact-invite-submit').click();
    const linkBox = lead.getByTestId('contact-invite-link');
    await linkBox.waitFor();
    await shot(lead, 'lead-invite-contact');
    const link = (await linkBox.innerText()).match(/https?:\/\/\S+\/round-invite\/\S+/)?.[0];
    expect(link).toBeTruthy();
    const contact = await (
      await browser.newContext({ locale: 'zh-CN', viewport: { width: 1400, height: 900 } })
    ).newPage();
    await contact.goto(link!);
    await contact.getByTestId('round-invite-page').waitFor();
    await shot(contact, 'contact-accept');
    await contact.getByTestId('round-invite-name').fill('钱经理');
    await contact.getByTestId('round-invite-password').fill('a-long-password');
    await contact.getByTestId('round-invite-password-confirm').fill('a-long-password');
    await contact.getByTestId('round-invite-submit').click();
    await contact.getByTestId('round-unit-notice').waitFor();
    expect(contact.url()).toBe(roundUrl);
  });
});
