/**
 * Two server instances on one PostgreSQL and one Redis, two people in two real browsers, each on
 * another instance, in the same standard text: each sees the other's typing and caret (labelled
 * with the person's name), and a comment made on one instance appears in the other's comment panel.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { BODY_PARAGRAPH, launchBrowser, signIn } from '../helpers/browser.js';
import { demoProject, login } from '../helpers/api.js';
import { startTestServer } from '../helpers/server.js';
import type { TestServer } from '../helpers/server.js';
import { POSTGRES_SKIP_REASON, startPostgres } from '../helpers/postgres.js';
import type { TestPostgres } from '../helpers/postgres.js';
import { REDIS_SKIP_REASON, startRedis } from '../helpers/redis.js';
import type { TestRedis } from '../helpers/redis.js';
import { openDocument, sampleText, selectText } from '../comments/browserHelpers.js';

const SKIP_REASON = POSTGRES_SKIP_REASON ?? REDIS_SKIP_REASON;
if (SKIP_REASON) console.warn(SKIP_REASON);

const FAST_STORE = { debounceMs: 50, maxWaitMs: 200 };
const SCREENSHOTS = process.env.SCREENSHOT_DIR;

async function screenshot(page: Page, name: string): Promise<void> {
  if (SCREENSHOTS) await page.screenshot({ path: `${SCREENSHOTS}/${name}.png` });
}

describe.skipIf(SKIP_REASON !== null)('two instances in the browser', () => {
  let postgres: TestPostgres;
  let redis: TestRedis;
  let a: TestServer;
  let b: TestServer;
  let browser: Browser;
  let standardId = '';
  let needle = '';

  beforeAll(async () => {
    [postgres, redis, browser] = await Promise.all([startPostgres(), startRedis(), launchBrowser()]);
    const databaseUrl = await postgres.createDatabase();
    a = await startTestServer({ databaseUrl, redisUrl: redis.url, store: FAST_STORE });
    b = await startTestServer({ databaseUrl, redisUrl: redis.url, store: FAST_STORE, seedDemo: false });
    const token = await login(a.url, 'lead@example.com');
    standardId = (await demoProject(a.url, token)).standardId;
    needle = await sampleText(a.url, token, standardId);
  }, 30_000);

  afterAll(async () => {
    await browser?.close();
    await a?.dispose();
    await b?.dispose();
    await redis?.stop();
    await postgres?.stop();
  });

  it('people on two instances see each other typing, their carets and their comments', async () => {
    const viewport = { width: 1600, height: 1000 };
    const leadContext = await browser.newContext({ locale: 'zh-CN', viewport });
    const drafterContext = await browser.newContext({ locale: 'zh-CN', viewport });
    const lead = await leadContext.newPage();
    const drafter = await drafterContext.newPage();
    await Promise.all([signIn(lead, a.url, 'lead@example.com'), signIn(drafter, b.url, 'drafter@example.com')]);
    await Promise.all([openDocument(lead, a.url, standardId), openDocument(drafter, b.url, standardId)]);
    const users = a.services.metadata.collection('users');
    const leadName = users.findOne({ email: 'lead@example.com' })!.name;
    const drafterName = users.findOne({ email: 'drafter@example.com' })!.name;

    // Typing on A shows on B, the lead's caret with the lead's name; and the other way round.
    await lead.locator(BODY_PARAGRAPH).first().click();
    await lead.keyboard.press('End');
    await lead.keyboard.type('——甲实例上的输入');
    const drafterEditor = drafter.locator('[data-testid="editor"] .ProseMirror');
    await drafterEditor.getByText('甲实例上的输入').waitFor({ timeout: 10_000 });
    await drafter.locator('.collaboration-carets__label', { hasText: leadName }).waitFor({ timeout: 10_000 });

    await drafter.locator(BODY_PARAGRAPH).last().click();
    await drafter.keyboard.press('End');
    await drafter.keyboard.type('乙实例上的补充');
    const leadEditor = lead.locator('[data-testid="editor"] .ProseMirror');
    await leadEditor.getByText('乙实例上的补充').waitFor({ timeout: 10_000 });
    await lead.locator('.collaboration-carets__label', { hasText: drafterName }).waitFor({ timeout: 10_000 });
    for (const page of [lead, drafter]) {
      const presence = page.getByTestId('presence-list');
      await presence.getByText(leadName).waitFor();
      await presence.getByText(drafterName).waitFor();
    }
    // Each page scrolled to the other person's caret.
    await lead.locator('.collaboration-carets__label', { hasText: drafterName }).scrollIntoViewIfNeeded();
    await drafter.locator('.collaboration-carets__label', { hasText: leadName }).scrollIntoViewIfNeeded();
    await screenshot(lead, 'two-instances-lead-on-a');
    await screenshot(drafter, 'two-instances-drafter-on-b');

    // A comment made on B appears in the comment panel on A, without a reload.
    await selectText(drafter, needle);
    await drafter.getByTestId('comment-start').click({ timeout: 5000 });
    const draft = drafter.getByTestId('comment-draft');
    await draft.waitFor();
    await draft.getByTestId('comment-input').fill('乙实例上提出的意见：请核对该指标。');
    await draft.getByTestId('comment-submit').click();
    const mine = drafter.locator('[data-testid="comment-thread"][data-status="open"]');
    await mine.waitFor({ timeout: 10_000 });
    const threadId = await mine.getAttribute('data-thread-id');
    const seen = lead.locator(`[data-testid="comment-thread"][data-thread-id="${threadId}"]`);
    await seen.waitFor({ timeout: 10_000 });
    expect(await seen.innerText()).toContain('乙实例上提出的意见');
    await lead.locator(`.comment-highlight[data-thread-id="${threadId}"]`).first().waitFor();
    await screenshot(lead, 'two-instances-comment-on-a');

    await leadContext.close();
    await drafterContext.close();
  }, 40_000);
});
