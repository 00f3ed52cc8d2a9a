/**
 * The technical review in real Chromium: on an accepted 送审稿 the province convenes the review from
 * the progress page; the invited expert opens it, records an opinion on the five dimensions, votes
 * 修改后通过 and writes a comment on a clause of the frozen text; the province closes the review and
 * sees the 审评结论 with the vote count; in 报批 the lead decides the comment with a reason; the province records the publication and the
 * registration number, and a 复审. Screenshots
 * of each step go to /tmp/review-*.png.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { ProjectListItem } from '@shared/api/types.js';
import { demoProject, login } from '../helpers/api.js';
import { waitFor } from '../helpers/collab.js';
import { launchBrowser, signIn } from '../helpers/browser.js';
import { chooseByTyping, startingWith } from '../helpers/select.js';
import { startTestServer } from '../helpers/server.js';
import type { TestServer } from '../helpers/server.js';
import { acceptedReviewDraft } from '../reviews/helpers.js';

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

const shot = (page: Page, name: string) => page.screenshot({ path: `/tmp/review-${name}.png` });

beforeAll(async () => {
  server = await startTestServer({ pdf: { command: '/nonexistent/soffice' } });
  browser = await launchBrowser();
  const lead = await login(server.url, 'lead@example.com');
  ({ project } = await demoProject(server.url, lead));
  await acceptedReviewDraft(server, project.id, 'lead@example.com');
});

afterAll(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
  await server?.dispose();
});

describe('the technical review in the browser', () => {
  it('the province convenes, the expert records opinions and votes, the province closes', async () => {
    const province = await pageFor('admin@example.com');
    await province.goto(`${server.url}/projects/${project.id}?tab=progress`);
    await province.getByTestId('reviews-card').waitFor();
    await province.getByTestId('review-open').click();
    await province.getByTestId('review-meeting-date').fill('2026-07-01');
    // 邀请专家: a new expert by e-mail, with their organization.
    const store = server.services.metadata;
    const committee = store
      .collection('organizations')
      .get(store.collection('users').findOne({ email: 'expert@example.com' })?.organizationId ?? '');
    await province.getByTestId('review-invite-add').click();
    await province.getByTestId('review-invite-email').fill('browser.expert@example.com');
    // Chosen by typing, as a user of the searchable list would: a click on an option the virtual
    // list has just scrolled into view can land on a row it is replacing (the list stays open).
    await province.getByTestId('review-invite-organization').click();
    await province.keyboard.type(committee?.name ?? '');
    const dropdown = province.locator('.ant-select-dropdown');
    await dropdown.getByTitle(committee?.name ?? '').waitFor();
    await province.keyboard.press('Enter');
    await dropdown.waitFor({ state: 'hidden' });
    expect(await province.getByTestId('review-invitation').textContent()).toContain(committee?.name);
    await province.waitForTimeout(300); // the list's closing animation, for the screenshot
    await shot(province, '1-convene');
    await province.getByRole('dialog').getByRole('button', { name: '开始审评' }).click();
    const links = province.getByTestId('review-invitation-links');
    await links.getByText('browser.expert@example.com').waitFor();
    expect(await links.textContent()).toContain('/invite/');
    await province.waitForTimeout(500); // the dialog's opening animation, for the screenshot
    await shot(province, '1b-invitation-links');
    await province.getByRole('dialog').getByRole('button', { name: '前往审评' }).click();
    await province.getByTestId('review-page').waitFor();
    const reviewUrl = province.url();
    expect(reviewUrl).toMatch(/\/reviews\//);

    const expert = await pageFor('expert@example.com');
    await expert.goto(`${server.url}/projects/${project.id}?tab=progress`);
    await expert.getByTestId('review-link').click();
    await expert.getByTestId('opinion-form').waitFor();
    await expert.getByTestId('frozen-standard').waitFor();
    const ratings = {
      compliance: '符合',
      necessity: '符合',
      advancement: '基本符合',
      economy: '符合',
      operability: '基本符合',
    } as const;
    for (const [dimension, label] of Object.entries(ratings))
      await expert.getByTestId(`opinion-${dimension}`).getByText(label, { exact: true }).click();
    await expert.getByTestId('opinion-advancement-remark').fill('保温效能指标可进一步提高');
    await expert.getByTestId('opinion-vote').getByText('修改后通过', { exact: true }).click();
    await expert.getByTestId('opinion-submit').click();
    await expert.getByText('审评意见已保存').waitFor();
    await expert.getByTestId('review-conclusion').getByText('审评中：已表决 1/1').waitFor();
    await shot(expert, '2a-expert-voted');

    // A comment on clause 5.2 of the frozen text.
    await chooseByTyping(expert, expert.getByTestId('review-comment-clause'), '5.2', startingWith('5.2'));
    await expert.getByTestId('review-comment-text').fill('应规定试验时的环境温度');
    await expert.getByTestId('review-comment-change').fill('增加“试验环境温度23℃±2℃”');
    await expert.getByTestId('review-comment-submit').click();
    await expert.getByTestId('review-comments').getByText('应规定试验时的环境温度').waitFor();
    await shot(expert, '2-expert-opinion');
    const opinions = server.services.metadata.collection('reviewOpinions').findMany();
    expect(opinions.map((o) => [o.vote, o.dimensions.advancement.rating, o.dimensions.advancement.remark])).toEqual([
      ['pass-with-changes', 'mostly-conforms', '保温效能指标可进一步提高'],
    ]);
    expect(server.services.metadata.collection('reviewComments').findMany()[0]?.clauseLabel).toBe('5.2');

    // The province sees the vote come in, closes the review: passed, 1 of 1.
    await province.getByTestId('review-votes').getByText('修改后通过 1 票').waitFor();
    await province.getByTestId('review-close').click();
    await province.getByRole('tooltip').getByRole('button', { name: '结束审评' }).click();
    await province.getByTestId('review-conclusion').getByText('通过（1/1）').waitFor();
    await shot(province, '3-closed');
    expect(server.services.metadata.collection('projects').get(project.id)?.stage).toBe('approval-submission');
    // The expert's page follows: no more voting, the review is closed.
    await expert.getByTestId('review-conclusion').getByText('通过（1/1）').waitFor();
    expect(await expert.getByTestId('opinion-form').count()).toBe(0);

    // 报批: the lead decides the expert's comment on the review page, with a reason.
    const lead = await pageFor('lead@example.com');
    await lead.goto(reviewUrl);
    await lead.getByTestId('review-decide').click();
    await lead.getByTestId('review-decision').getByText('部分采纳', { exact: true }).click();
    await lead.getByRole('dialog').getByRole('button', { name: '保 存' }).click();
    await lead.getByText('部分采纳和不采纳须写明理由').waitFor();
    await lead.getByTestId('review-decision-reason').fill('环境温度在6.1中统一规定');
    await lead.getByRole('dialog').getByRole('button', { name: '保 存' }).click();
    await lead.getByTestId('review-comments').getByText('环境温度在6.1中统一规定').waitFor();
    expect(server.services.metadata.collection('reviewComments').findMany()[0]?.decision).toBe('partly-accepted');
    await lead.getByTestId('review-export').hover();
    await lead.getByTestId('review-export-xlsx').waitFor();
    await shot(lead, '4-lead-decided');

    // 发布与认定 (the 报批稿's submission and the bureaus' acceptance are tested over HTTP): the province
    // records the publication, then registers the recognition with the suggested number.
    const { workflow, metadata } = server.services;
    const admin = metadata.collection('users').findOne({ email: 'admin@example.com' });
    await workflow.stages.move(project.id, {
      action: 'accept',
      actorId: admin?.id ?? '',
      note: '报批稿受理（测试准备）',
    });
    await province.goto(`${server.url}/projects/${project.id}?tab=progress`);
    await province.getByTestId('publication-card').waitFor();
    await province.getByTestId('publication-record').click();
    await province.getByTestId('publication-number').fill('T/ZZB 0123—2026');
    await province.getByTestId('publication-date').fill('2026-09-01');
    await province.getByTestId('publication-implementation').fill('2026-10-01');
    await province.getByRole('dialog').getByRole('button', { name: '保 存' }).click();
    await province.getByTestId('publication-registration-value').getByText('尚未登记').waitFor();
    await province.getByTestId('publication-record').click();
    const suggested = `ZZB T0001-${new Date().getFullYear()}`;
    const registration = province.getByTestId('publication-registration');
    await waitFor(async () => (await registration.inputValue()) === suggested, 'the suggested registration number');
    await province.waitForTimeout(500); // the dialog's opening animation, for the screenshot
    await shot(province, '5-register');
    await province.getByRole('dialog').getByRole('button', { name: '保 存' }).click();
    await province.getByTestId('publication-registration-value').getByText(suggested).waitFor();
    await shot(province, '6-registered');
    // 复审: the province records 继续有效; the project moves to 复审.
    await province.getByTestId('periodic-record').click();
    await province.getByTestId('periodic-note').fill('技术指标仍处于国内领先水平');
    await province.getByRole('dialog').getByRole('button', { name: '保 存' }).click();
    await province.getByTestId('periodic-reviews').getByText('技术指标仍处于国内领先水平').waitFor();
    await shot(province, '6b-periodic-review');
    expect(metadata.collection('projects').get(project.id)?.stage).toBe('periodic-review');

    // The recognition list, for every signed-in user.
    await expert.getByTestId('nav-recognition').click();
    await expert.getByTestId('recognition-table').getByText(suggested).waitFor();
    await expert.getByTestId('recognition-table').getByText(project.nameZh).waitFor();
    await shot(expert, '7-recognition-list');
    expect(metadata.collection('publications').get(project.id)).toMatchObject({
      standardNumber: 'T/ZZB 0123—2026',
      registrationNumber: suggested,
    });
  });
});
