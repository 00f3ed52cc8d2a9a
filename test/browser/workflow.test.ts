/**
 * The stage workflow in real Chromium: the county bureau's staff member records a production
 * verification check on the project's progress page; the lead sees the checklist pass live and
 * submits the 送审稿; the bureau finds it on its dashboard and returns it with a reason on clause 5.2;
 * the lead sees the reason and submits again; the bureau forwards the second submission to the
 * province. Screenshots of each step go to /tmp/workflow-*.png.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { ProjectListItem } from '@shared/api/types.js';
import { demoProject, login } from '../helpers/api.js';
import { launchBrowser, signIn } from '../helpers/browser.js';
import { chooseByTyping, startingWith } from '../helpers/select.js';
import { startTestServer } from '../helpers/server.js';
import type { TestServer } from '../helpers/server.js';
import { fillStandardNumber, ok, roundWithComments } from '../workflow/helpers.js';

const LIVE_TIMEOUT = 15_000;

let server: TestServer;
let browser: Browser;
let project: ProjectListItem;
const contexts: BrowserContext[] = [];

async function pageFor(email: string): Promise<Page> {
  const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1440, height: 1000 } });
  contexts.push(context);
  const page = await context.newPage();
  await signIn(page, server.url, email);
  return page;
}

const shot = (page: Page, name: string) => page.screenshot({ path: `/tmp/workflow-${name}.png`, fullPage: true });

beforeAll(async () => {
  server = await startTestServer({ pdf: { command: '/nonexistent/soffice' } });
  browser = await launchBrowser();
  const lead = await login(server.url, 'lead@example.com');
  const demo = await demoProject(server.url, lead);
  project = demo.project;
  // Everything but the production check is ready: a closed round with its comment decided, the cover's number.
  const { round, itemIds } = await roundWithComments(server, lead, project.id, ['浙江省日用金属制品标准化技术委员会']);
  await ok(server, lead, 'PATCH', `/api/rounds/${round.round.id}/items/${itemIds[0]}`, { decision: 'accepted' });
  await ok(server, lead, 'PATCH', `/api/rounds/${round.round.id}`, { closed: true });
  await fillStandardNumber(server, lead, demo.standardId);
});

afterAll(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
  await server?.dispose();
});

async function openProgress(page: Page): Promise<void> {
  await page.goto(`${server.url}/projects/${project.id}?tab=progress`);
  await page.getByTestId('progress-panel').waitFor();
  await page.getByTestId('gate-checklist').waitFor();
}

const gateItem = (page: Page, id: string) => page.getByTestId(`gate-item-${id}`);

describe('the stage workflow in the browser', () => {
  it('production check, submission, return with a reason, resubmission, forwarding', async () => {
    const bureau = await pageFor('bureau@example.com');
    const lead = await pageFor('lead@example.com');

    // The bureau's first page is its dashboard, with the project of its county.
    await bureau.getByTestId('dashboard-page').waitFor();
    await bureau.getByTestId('dashboard-table').getByText(project.nameZh).waitFor();
    expect(await bureau.getByTestId('waiting-submission').count()).toBe(0);
    await shot(bureau, '1-dashboard');

    // The lead watches the checklist: only the production check is missing.
    await openProgress(lead);
    await gateItem(lead, 'production-check').and(lead.locator('[data-passed="false"]')).waitFor();
    expect(await lead.getByTestId('submit-draft').isDisabled()).toBe(true);
    await shot(lead, '2-lead-gate-failing');

    // The bureau records a passed production check on the progress page.
    await bureau.getByTestId('dashboard-project').filter({ hasText: project.nameZh }).click();
    await bureau.getByTestId('progress-panel').waitFor();
    await bureau.getByTestId('production-check-record').click();
    await bureau.getByTestId('production-site').fill('永康市经济开发区恒川杯业三号车间');
    await bureau.getByTestId('production-products').click();
    await bureau.keyboard.type('轻量化真空杯 批号20260518-03');
    await bureau.keyboard.press('Enter');
    // The linked indicators load with the standard: once loaded, pick 保温效能 when the list has slid
    // open (a click during the motion chooses nothing), and see it chosen.
    const indicators = bureau.getByTestId('production-indicators');
    await bureau.locator('[data-testid="production-indicators"]:not(.ant-select-loading)').waitFor();
    await chooseByTyping(bureau, indicators, '保温效能', '保温效能');
    await bureau.keyboard.press('Escape');
    await shot(bureau, '3-production-check-form');
    await bureau.getByRole('button', { name: '记录把关' }).last().click();
    await bureau.getByTestId('production-check').first().waitFor();
    expect(await bureau.getByTestId('production-check').first().getAttribute('data-result')).toBe('passed');
    expect(await bureau.getByTestId('production-check').first().innerText()).toContain('保温效能');

    // The lead's checklist passes live (the project's event stream), and the lead submits.
    await lead.locator('[data-testid="gate-checklist"][data-passed="true"]').waitFor({ timeout: LIVE_TIMEOUT });
    await shot(lead, '4-lead-gate-passing');
    await lead.getByTestId('submit-draft').click();
    await lead.getByRole('button', { name: /^提\s?交$/ }).click();
    await lead.getByTestId('submission-page').waitFor();
    await lead.locator('[data-testid="submission-status"][data-status="local-check"]').first().waitFor();
    await lead.getByTestId('frozen-standard').waitFor();
    await shot(lead, '5-lead-submitted');
    // The project page says why the texts are read-only now.
    await lead.goto(`${server.url}/projects/${project.id}`);
    const banner = lead.getByTestId('text-lock-banner');
    await banner.waitFor();
    expect(await banner.innerText()).toContain('正在等待市场监管部门审核');

    // The bureau finds the submission waiting on its dashboard and returns it with a reason on 5.2.
    await bureau.goto(`${server.url}/dashboard`);
    const waiting = bureau.getByTestId('waiting-submission');
    await waiting.waitFor();
    await waiting.getByRole('link').click();
    await bureau.getByTestId('decision-form').waitFor();
    await bureau.getByTestId('frozen-standard').waitFor();
    await bureau.getByTestId('decision-kind').getByText('退回修改').click();
    await chooseByTyping(bureau, bureau.getByTestId('decision-reason-clause-0'), '5.2', startingWith('5.2'));
    await bureau.getByTestId('decision-reason-text-0').fill('未规定外壳材料的不锈钢牌号，请补充。');
    await shot(bureau, '6-bureau-return-form');
    await bureau.getByTestId('decision-submit').click();
    await bureau.locator('[data-testid="submission-status"][data-status="returned"]').first().waitFor();
    const reason = bureau.getByTestId('return-reason').first();
    expect(await reason.innerText()).toContain('5.2');
    expect(await reason.innerText()).toContain('未规定外壳材料的不锈钢牌号');
    await shot(bureau, '7-bureau-returned');

    // The lead sees the reason on the submission, and the texts can be edited again.
    await lead.goBack();
    await lead.getByTestId('submission-page').waitFor();
    await lead.getByTestId('return-reason').first().waitFor({ timeout: LIVE_TIMEOUT });
    await lead.getByTestId('return-reason').first().getByRole('button', { name: '5.2' }).click();
    await shot(lead, '8-lead-sees-reason');

    // The lead submits again from the progress page.
    await openProgress(lead);
    expect(await lead.getByTestId('text-lock-banner').count()).toBe(0);
    await lead.locator('[data-testid="gate-checklist"][data-passed="true"]').waitFor({ timeout: LIVE_TIMEOUT });
    await lead.getByTestId('submit-draft').click();
    await lead.getByRole('button', { name: /^提\s?交$/ }).click();
    await lead.getByTestId('submission-page').waitFor();
    expect(await lead.getByTestId('submission-title').innerText()).toContain('第2次提交');

    // The bureau accepts the second submission: it goes on to the province.
    await bureau.goto(`${server.url}/dashboard`);
    await bureau.getByTestId('waiting-submission').filter({ hasText: '第2次提交' }).getByRole('link').click();
    await bureau.getByTestId('decision-form').waitFor();
    await bureau.getByTestId('decision-note').fill('材料齐全，同意报送。');
    await bureau.getByTestId('decision-submit').click();
    await bureau.locator('[data-testid="submission-status"][data-status="province-check"]').first().waitFor();
    expect(await bureau.getByTestId('decision-form').count()).toBe(0);
    await shot(bureau, '9-bureau-forwarded');

    // The progress page lists both submissions with their outcome.
    await openProgress(lead);
    const statuses = await lead
      .getByTestId('submissions-table')
      .getByTestId('submission-status')
      .evaluateAll((tags) => tags.map((tag) => tag.getAttribute('data-status')));
    expect(statuses).toEqual(['province-check', 'returned']);
    await shot(lead, '10-lead-progress');
  }, 180_000);
});
