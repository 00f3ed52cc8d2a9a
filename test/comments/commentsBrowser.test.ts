/**
 * In real Chromium: a reviewer (who cannot edit) selects text and comments; the lead, whose page is
 * already open, sees the thread and its highlight appear live (no reload) and resolves it; the
 * reviewer sees it resolved, live too.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { startTestServer } from '../helpers/server.js';
import type { TestServer } from '../helpers/server.js';
import { launchBrowser, signIn } from '../helpers/browser.js';
import { demoProject, login } from '../helpers/api.js';
import { openDocument, sampleText, selectText } from './browserHelpers.js';

let server: TestServer;
let browser: Browser;
let standardId = '';
let needle = '';

beforeAll(async () => {
  server = await startTestServer();
  browser = await launchBrowser();
  const token = await login(server.url, 'lead@example.com');
  standardId = (await demoProject(server.url, token)).standardId;
  needle = await sampleText(server.url, token, standardId);
});

afterAll(async () => {
  await browser?.close();
  await server?.dispose();
});

describe('comments in the browser', () => {
  it('a reviewer comments on selected text; the lead sees it live and resolves it; the reviewer sees it resolved', async () => {
    const reviewerContext = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1600, height: 1000 } });
    const leadContext = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1600, height: 1000 } });
    const reviewer = await reviewerContext.newPage();
    const lead = await leadContext.newPage();
    await signIn(reviewer, server.url, 'bureau@example.com');
    await signIn(lead, server.url, 'lead@example.com');
    await openDocument(reviewer, server.url, standardId);
    await openDocument(lead, server.url, standardId);
    expect(await lead.getByTestId('comment-thread').count()).toBe(0);

    // The reviewer's editor is read-only, yet the comment button works on a selection.
    expect(await reviewer.locator('[data-testid="editor"] .ProseMirror').getAttribute('contenteditable')).toBe('false');
    expect(await reviewer.getByTestId('comment-start').isDisabled()).toBe(true);
    await selectText(reviewer, needle);
    await reviewer.getByTestId('comment-start').click({ timeout: 5000 });
    const draft = reviewer.getByTestId('comment-draft');
    await draft.waitFor();
    expect(await draft.innerText()).toContain(needle);
    await draft.getByTestId('comment-input').fill('监管部门意见：该条款的表述请与GB/T 1.1—2020保持一致。');
    await draft.getByTestId('comment-submit').click();

    const mine = reviewer.locator('[data-testid="comment-thread"][data-status="open"]');
    await mine.waitFor({ timeout: 10_000 });
    const threadId = await mine.getAttribute('data-thread-id');
    expect(threadId).toBeTruthy();
    expect(await mine.innerText()).toContain(needle);
    expect(await reviewer.locator(`.comment-highlight[data-thread-id="${threadId}"]`).first().innerText()).toBe(needle);

    // The lead's page was open all along: the thread and the highlight arrive without a reload.
    const seen = lead.locator(`[data-testid="comment-thread"][data-thread-id="${threadId}"]`);
    await seen.waitFor({ timeout: 10_000 });
    expect(await seen.getAttribute('data-status')).toBe('open');
    const text = await seen.innerText();
    expect(text).toContain('监管部门意见');
    expect(text).toContain(needle);
    await lead.locator(`.comment-highlight[data-thread-id="${threadId}"]`).first().waitFor();
    expect(await lead.locator(`.comment-highlight[data-thread-id="${threadId}"]`).allInnerTexts()).toEqual([needle]);

    // Clicking the thread selects its text in the editor; the lead resolves it.
    await seen.click();
    expect(await lead.evaluate(() => document.querySelector('.comment-highlight--active')?.textContent ?? null)).toBe(
      needle,
    );
    await seen.getByTestId('comment-resolve').click();
    await lead
      .locator(`[data-testid="comment-thread"][data-thread-id="${threadId}"][data-status="resolved"]`)
      .waitFor({ timeout: 10_000 });

    // The reviewer sees it resolved (live), and as its author may reopen it.
    const resolved = reviewer.locator(
      `[data-testid="comment-thread"][data-thread-id="${threadId}"][data-status="resolved"]`,
    );
    await resolved.waitFor({ timeout: 10_000 });
    await resolved.getByTestId('comment-reopen').waitFor();
    expect(await resolved.getByTestId('comment-resolve').count()).toBe(0);
    const stored = server.services.metadata.collection('commentThreads').get(threadId!);
    expect(stored?.status).toBe('resolved');
    expect(stored?.resolvedBy).toBe(
      server.services.metadata.collection('users').findOne({ email: 'lead@example.com' })!.id,
    );

    // The project page shows the comment statistics per document, and follows them live.
    await lead.goto(`${server.url}/projects/${stored!.projectId}`);
    await lead.getByTestId('comment-stats-tab').click();
    await lead
      .locator('[data-testid="comment-stats"] tr[data-document="standard"][data-open="0"][data-resolved="1"]')
      .waitFor({ timeout: 10_000 });
    await resolved.getByTestId('comment-reopen').click();
    await lead
      .locator('[data-testid="comment-stats"] tr[data-document="standard"][data-open="1"][data-resolved="0"]')
      .waitFor({ timeout: 10_000 });
    if (process.env.SCREENSHOT_DIR)
      await lead.screenshot({ path: `${process.env.SCREENSHOT_DIR}/lead-comment-stats.png` });

    await reviewerContext.close();
    await leadContext.close();
  });
});
