/**
 * Drafting group management in a real browser: the lead invites a new person by email, the invitee
 * opens the link in another browser, sets a password and signs in to the project; the lead changes a
 * member's role, and the role picker only offers roles that fit the member's relation.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { ProjectDetailResponse, ProjectListItem } from '@shared/api/types.js';
import { demoProject, login, request } from '../helpers/api.js';
import { launchBrowser, signIn } from '../helpers/browser.js';
import { startTestServer } from '../helpers/server.js';
import type { TestServer } from '../helpers/server.js';

let server: TestServer;
let browser: Browser;
let project: ProjectListItem;
let leadToken: string;

beforeAll(async () => {
  server = await startTestServer();
  browser = await launchBrowser();
  leadToken = await login(server.url, 'lead@example.com');
  ({ project } = await demoProject(server.url, leadToken));
});

afterAll(async () => {
  await browser?.close();
  await server?.dispose();
});

/** The dropdown of one antd Select (found through its combobox's listbox id), once it is open. */
async function openDropdown(page: Page, select: ReturnType<Page['locator']>) {
  await select.click();
  const combobox = select.locator('xpath=descendant-or-self::*[@role="combobox"]').first();
  await expect.poll(() => combobox.getAttribute('aria-controls')).toBeTruthy();
  const listId = await combobox.getAttribute('aria-controls');
  const dropdown = page.locator(`.ant-select-dropdown:has([id="${listId}"])`);
  await dropdown.locator('.ant-select-item-option').first().waitFor();
  return dropdown;
}

/** Picks an option of an antd Select by its visible label, and waits for the dropdown to close. */
async function choose(page: Page, select: ReturnType<Page['locator']>, label: string): Promise<void> {
  const dropdown = await openDropdown(page, select);
  await dropdown.locator('.ant-select-item-option', { hasText: label }).first().click();
  await dropdown.waitFor({ state: 'hidden' });
}

/** The labels of the options the Select offers. */
async function optionsOffered(page: Page, select: ReturnType<Page['locator']>): Promise<string[]> {
  const dropdown = await openDropdown(page, select);
  const labels = await dropdown.locator('.ant-select-item-option').allInnerTexts();
  await page.keyboard.press('Escape');
  await dropdown.waitFor({ state: 'hidden' });
  return labels;
}

async function openGroup(page: Page): Promise<void> {
  await page.goto(`${server.url}/projects/${project.id}?tab=group`);
  await page.getByTestId('member-list').waitFor();
}

function memberRow(page: Page, email: string) {
  return page.getByTestId('member-list').locator('tr', { hasText: email });
}

describe('drafting group in the browser', () => {
  it('the lead invites a new person; the invitee sets a password, signs in and sees the project', async () => {
    const leadContext = await browser.newContext({ locale: 'zh-CN' });
    const lead = await leadContext.newPage();
    await signIn(lead, server.url, 'lead@example.com');
    await openGroup(lead);
    const form = lead.getByTestId('invite-form');
    await lead.getByTestId('invite-email').fill('browser.invitee@example.com');
    // Relation “review expert” leaves only read-only roles in the role picker.
    await choose(lead, form.getByTestId('invite-relation'), '审评专家');
    expect(await optionsOffered(lead, form.getByTestId('invite-role'))).toEqual(['审阅者', '观察者']);
    await choose(lead, form.getByTestId('invite-relation'), '认证认可机构');
    await choose(lead, form.getByTestId('invite-role'), '起草人');
    await choose(lead, form.getByTestId('invite-organization'), '浙江永康五金产品质量检验研究院');
    await lead.getByTestId('invite-submit').click();
    const link = (await lead.getByTestId('invitation-link').locator('code').innerText()).trim();
    expect(link).toMatch(/\/invite\/[\w-]+$/);

    const inviteeContext = await browser.newContext({ locale: 'zh-CN' });
    const invitee = await inviteeContext.newPage();
    await invitee.goto(link);
    await invitee.getByTestId('invite-accept-name').fill('浏览器新成员');
    await invitee.getByTestId('invite-accept-password').fill('browser-password-1');
    await invitee.getByTestId('invite-accept-password-confirm').fill('browser-password-1');
    await invitee.getByTestId('invite-accept-submit').click();
    await invitee.getByTestId('project-list').waitFor();
    await inviteeContext.close();

    // Signing in afresh with the new password shows the project with the invited role.
    const freshContext = await browser.newContext({ locale: 'zh-CN' });
    const fresh = await freshContext.newPage();
    await signIn(fresh, server.url, 'browser.invitee@example.com', 'browser-password-1');
    await fresh.getByTestId('project-list').getByText(project.nameZh).waitFor();
    await fresh.getByTestId('project-list').getByText(project.nameZh).click();
    await fresh.getByTestId('project-title').waitFor();
    await openGroup(fresh);
    const row = memberRow(fresh, 'browser.invitee@example.com');
    expect(await row.innerText()).toContain('起草人');
    expect(await row.innerText()).toContain('认证认可机构');
    await freshContext.close();

    // The lead's page shows the new member live (members-changed), without a reload.
    await memberRow(lead, 'browser.invitee@example.com').waitFor();
    await leadContext.close();
  });

  it('the lead changes a member’s role in the table', async () => {
    const context = await browser.newContext({ locale: 'zh-CN' });
    const page = await context.newPage();
    await signIn(page, server.url, 'lead@example.com');
    await openGroup(page);
    // The review expert's role picker offers only read-only roles.
    expect(await optionsOffered(page, memberRow(page, 'expert@example.com').getByLabel('角色'))).toEqual([
      '审阅者',
      '观察者',
    ]);

    await choose(page, memberRow(page, 'drafter@example.com').getByLabel('角色'), '观察者');
    await page.getByText('已更新').first().waitFor();
    const detail = await request<ProjectDetailResponse>(server.url, 'GET', `/api/projects/${project.id}`, {
      token: leadToken,
    });
    expect(detail.body.members.find((m) => m.email === 'drafter@example.com')?.role).toBe('observer');
    await context.close();
  });
});
