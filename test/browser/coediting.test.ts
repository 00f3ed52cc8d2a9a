/** Two people in two real browsers co-edit the standard text; presence shows both. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { startTestServer } from '../helpers/server.js';
import type { TestServer } from '../helpers/server.js';
import { BODY_PARAGRAPH, launchBrowser, offlineCopyWritten, openStandard, signIn } from '../helpers/browser.js';
import { demoProject, login, request } from '../helpers/api.js';
import type { DocumentContentResponse } from '@shared/api/types.js';
import { plainText } from '@shared/editor/yjsContent.js';

let server: TestServer;
let browser: Browser;
let standardId: string;

beforeAll(async () => {
  server = await startTestServer();
  browser = await launchBrowser();
  standardId = (await demoProject(server.url, await login(server.url, 'lead@example.com'))).standardId;
});

afterAll(async () => {
  await browser?.close();
  await server?.dispose();
});

describe('co-editing in the browser', () => {
  it('text typed in one browser appears in the other, and presence shows both', async () => {
    const leadContext = await browser.newContext({ locale: 'zh-CN' });
    const drafterContext = await browser.newContext({ locale: 'zh-CN' });
    const lead = await leadContext.newPage();
    const drafter = await drafterContext.newPage();
    await signIn(lead, server.url, 'lead@example.com');
    await signIn(drafter, server.url, 'drafter@example.com');
    await openStandard(lead, server.url, standardId);
    await openStandard(drafter, server.url, standardId);

    const leadName = server.services.metadata.collection('users').findOne({ email: 'lead@example.com' })!.name;
    const drafterName = server.services.metadata.collection('users').findOne({ email: 'drafter@example.com' })!.name;
    for (const page of [lead, drafter]) {
      const presence = page.getByTestId('presence-list');
      await presence.getByText(leadName).waitFor();
      await presence.getByText(drafterName).waitFor();
    }

    const editor = lead.locator('[data-testid="editor"] .ProseMirror');
    await lead.locator(BODY_PARAGRAPH).first().click();
    await lead.keyboard.press('End');
    await lead.keyboard.type('——牵头单位实时输入');
    await drafter
      .locator('[data-testid="editor"] .ProseMirror')
      .getByText('牵头单位实时输入')
      .waitFor({ timeout: 10_000 });

    // The drafter sees the lead's caret with their name.
    await drafter.locator('.collaboration-carets__label', { hasText: leadName }).waitFor({ timeout: 10_000 });

    await drafter.locator(BODY_PARAGRAPH).last().click();
    await drafter.keyboard.press('End');
    await drafter.keyboard.type('同类企业补充');
    await editor.getByText('同类企业补充').waitFor({ timeout: 10_000 });
    expect(await lead.getByTestId('connection-status').getAttribute('data-unsynced')).toBe('false');

    // The server reads what the browsers wrote through the same shared schema (the content API).
    const token = await login(server.url, 'expert@example.com');
    const read = await request<DocumentContentResponse>(server.url, 'GET', `/api/documents/${standardId}/content`, {
      token,
    });
    const text = plainText(read.body.content);
    expect(text).toContain('——牵头单位实时输入');
    expect(text).toContain('同类企业补充');
    await leadContext.close();
    await drafterContext.close();
  });

  it('clauses moved and inserted by one author while the other types: the typing stays where it was, both end equal', async () => {
    const contexts = await Promise.all([0, 1].map(() => browser.newContext({ locale: 'zh-CN' })));
    const [lead, drafter] = await Promise.all(contexts.map((context) => context.newPage()));
    if (!lead || !drafter) throw new Error('no pages');
    await signIn(lead, server.url, 'lead@example.com');
    await signIn(drafter, server.url, 'drafter@example.com');
    await openStandard(lead, server.url, standardId);
    await openStandard(drafter, server.url, standardId);
    const section = (page: typeof lead, label: string) =>
      page.locator(`[data-testid="editor"] .ProseMirror section[data-label="${label}"]`).first();
    const title = (page: typeof lead, label: string) => section(page, label).locator('> [data-type="sectionTitle"]');
    const documentJson = (page: typeof lead) =>
      page.evaluate(() => {
        const root: (Element & { editor?: { getJSON(): unknown } }) | null = document.querySelector(
          '[data-testid="editor"] .ProseMirror',
        );
        return JSON.stringify(root?.editor?.getJSON() ?? null);
      });

    // The drafter types at the end of the first paragraph of 5.3 (found again by its id later).
    const id = await section(drafter, '5.3').getAttribute('data-id');
    const paragraph = (page: typeof lead) =>
      page.locator(`[data-testid="editor"] .ProseMirror section[data-id="${id}"] p`).first();
    /** The paragraph's text without the co-authors' carets (their name labels). */
    const typed = (page: typeof lead) =>
      paragraph(page).evaluate((element) => {
        const copy = element.cloneNode(true);
        if (copy instanceof Element)
          for (const caret of copy.querySelectorAll('.collaboration-carets__caret')) caret.remove();
        return copy.textContent ?? '';
      });
    await paragraph(drafter).click();
    await drafter.keyboard.press('End');
    await drafter.keyboard.type('乙');
    await expect.poll(() => typed(lead), { timeout: 10_000 }).toMatch(/乙$/);

    // The lead moves 5.1 below 5.2 and inserts a clause after it: everything before the drafter's
    // caret shifts. The drafter types on.
    await title(lead, '5.1').click();
    await lead.getByTestId('move-section-down').click();
    await expect.poll(() => section(lead, '5.3').getAttribute('data-id')).toBe(id);
    await title(lead, '5.2').click();
    await lead.keyboard.press('End');
    await lead.getByTestId('insert-clause').click();
    await lead.keyboard.type('插入的条');
    await expect.poll(() => section(drafter, '5.4').getAttribute('data-id'), { timeout: 10_000 }).toBe(id);
    await drafter.keyboard.type('丙丁');

    // Then the lead moves the inserted clause (5.3) above the one before it; the drafter types on.
    await title(lead, '5.3').click();
    await lead.getByTestId('move-section-up').click();
    await expect.poll(() => title(drafter, '5.2').textContent(), { timeout: 10_000 }).toContain('插入的条');
    await drafter.keyboard.type('戊');

    for (const page of [lead, drafter]) {
      await expect.poll(() => typed(page), { timeout: 10_000 }).toMatch(/乙丙丁戊$/);
    }
    await expect.poll(async () => (await documentJson(lead)) === (await documentJson(drafter))).toBe(true);
    // A third browser opening now reads the same document from the server.
    const third = await contexts[0]!.newPage();
    await openStandard(third, server.url, standardId);
    await expect.poll(() => typed(third)).toMatch(/乙丙丁戊$/);
    expect(await documentJson(third)).toBe(await documentJson(lead));
    for (const context of contexts) await context.close();
  });

  it('a reviewer sees the text but cannot type into it, and sees why', async () => {
    const context = await browser.newContext({ locale: 'zh-CN' });
    const page = await context.newPage();
    await signIn(page, server.url, 'bureau@example.com');
    await openStandard(page, server.url, standardId);
    const notice = page.getByTestId('readonly-notice');
    await notice.waitFor();
    // The notice says why: the bureau's staff member is a reviewer here.
    expect(await notice.innerText()).toContain('只读模式');
    expect(await notice.innerText()).toContain('您在本项目中的角色是审阅者，可以阅读文本，但不能修改。');
    const editor = page.locator('[data-testid="editor"] .ProseMirror');
    expect(await editor.getAttribute('contenteditable')).toBe('false');
    // The drafting credits are read from the server after the text is shown.
    await expect.poll(() => editor.innerText()).not.toContain('正在读取起草组');
    const before = await editor.innerText();
    await editor.click();
    await page.keyboard.type('审阅者输入');
    expect(await editor.innerText()).toBe(before);
    await context.close();
  });

  it('keeps edits made while the server is down and syncs them when it returns', async () => {
    const context = await browser.newContext({ locale: 'zh-CN' });
    const page = await context.newPage();
    await signIn(page, server.url, 'testing@example.com');
    await openStandard(page, server.url, standardId);
    const port = server.port;
    await server.close();
    const status = page.getByTestId('connection-status');
    await page.locator('[data-testid="connection-status"]:not([data-state="connected"])').waitFor();
    await page.locator(BODY_PARAGRAPH).first().click();
    await page.keyboard.press('End');
    await page.keyboard.type('离线时写的内容');
    await page.locator('[data-testid="connection-status"][data-unsynced="true"]').waitFor();
    expect(await status.getAttribute('data-state')).not.toBe('connected');
    server = await startTestServer({ dataDir: server.dataDir, port });
    // The open page reconnects by itself and sends what was typed offline.
    await page
      .locator('[data-testid="connection-status"][data-state="connected"][data-unsynced="false"]')
      .waitFor({ timeout: 15_000 });
    const observer = await browser.newContext({ locale: 'zh-CN' });
    const other = await observer.newPage();
    await signIn(other, server.url, 'lead@example.com');
    await openStandard(other, server.url, standardId);
    await other.locator('[data-testid="editor"] .ProseMirror').getByText('离线时写的内容').waitFor({ timeout: 15_000 });
    await context.close();
    await observer.close();
  });

  it('keeps edits typed offline in the browser when the tab is closed, and syncs them when it is opened again', async () => {
    const context = await browser.newContext({ locale: 'zh-CN' });
    const page = await context.newPage();
    await signIn(page, server.url, 'drafter@example.com');
    await openStandard(page, server.url, standardId);
    const port = server.port;
    await server.close();
    await page.locator('[data-testid="connection-status"]:not([data-state="connected"])').waitFor();
    await page.locator(BODY_PARAGRAPH).first().click();
    await page.keyboard.press('End');
    await page.keyboard.type('关闭标签页前的离线内容');
    await page.locator('[data-testid="connection-status"][data-unsynced="true"]').waitFor();
    // The browser's copy (IndexedDB) is written as the user types; once the text is there, close the tab.
    await page.locator('[data-testid="editor"] .ProseMirror').getByText('关闭标签页前的离线内容').waitFor();
    await offlineCopyWritten(page, standardId);
    await page.close({ runBeforeUnload: false });

    server = await startTestServer({ dataDir: server.dataDir, port });
    const observer = await browser.newContext({ locale: 'zh-CN' });
    const other = await observer.newPage();
    await signIn(other, server.url, 'lead@example.com');
    await openStandard(other, server.url, standardId);
    // Nobody has the text yet: it exists only in the closed tab's browser storage.
    expect(await other.locator('[data-testid="editor"] .ProseMirror').innerText()).not.toContain(
      '关闭标签页前的离线内容',
    );

    // The drafter opens the document again: the browser's copy is loaded and sent to the server.
    const again = await context.newPage();
    await openStandard(again, server.url, standardId);
    await again
      .locator('[data-testid="connection-status"][data-state="connected"][data-unsynced="false"]')
      .waitFor({ timeout: 15_000 });
    await other
      .locator('[data-testid="editor"] .ProseMirror')
      .getByText('关闭标签页前的离线内容')
      .waitFor({ timeout: 15_000 });
    await context.close();
    await observer.close();
  });
});
