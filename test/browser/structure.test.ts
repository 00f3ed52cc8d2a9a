/**
 * The structured standard in two real browsers: inserting a clause after 5.1 renumbers 5.2 → 5.3 for
 * the other drafter (outline, editor, cross-references), and the drafting checker's findings follow
 * the text live ("必须" → a finding; "应" → gone).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startTestServer } from '../helpers/server.js';
import type { TestServer } from '../helpers/server.js';
import { launchBrowser, openStandard, signIn } from '../helpers/browser.js';
import { demoProject, login } from '../helpers/api.js';
import { VACUUM_CUP_STANDARD_IDS } from '../../server/seed/demo/standardContent.js';

const MUST_RULE = 'wording.must';

let server: TestServer;
let browser: Browser;
/** The main demo project's standard text (轻量化不锈钢真空保温杯, with its full GB/T 1.1 structure). */
let standardId: string;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  server = await startTestServer();
  browser = await launchBrowser();
  standardId = (await demoProject(server.url, await login(server.url, 'lead@example.com'))).standardId;
});

afterAll(async () => {
  for (const context of contexts) await context.close().catch(() => undefined);
  await browser?.close();
  await server?.dispose();
});

async function openPage(email: string): Promise<Page> {
  const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1500, height: 1000 } });
  contexts.push(context);
  const page = await context.newPage();
  await signIn(page, server.url, email);
  return page;
}

/** Opens the demo standard and waits for its numbered structure. */
async function openDemoStandard(page: Page): Promise<void> {
  await openStandard(page, server.url, standardId);
  await page.locator('.ProseMirror section[data-label="5.1"]').waitFor();
}

const editorOf = (page: Page) => page.locator('[data-testid="editor"] .ProseMirror');
const sectionTitle = (page: Page, label: string) =>
  editorOf(page).locator(`section[data-label="${label}"] > [data-type="sectionTitle"]`);
const crossRefTo = (page: Page, targetId: string) =>
  editorOf(page).locator(`span[data-type="crossRef"][data-target-id="${targetId}"]`).first();
const outlineItem = (page: Page, label: string) => page.locator(`[data-testid="outline-item"][data-label="${label}"]`);

describe('the structured standard in the browser', () => {
  let lead: Page;
  let drafter: Page;

  beforeAll(async () => {
    lead = await openPage('lead@example.com');
    drafter = await openPage('drafter@example.com');
    await openDemoStandard(lead);
    await openDemoStandard(drafter);
  });

  it('inserting a clause after 5.1 renumbers 5.2 to 5.3 in the other browser, cross-references included', async () => {
    const ids = VACUUM_CUP_STANDARD_IDS;
    // Before: 5.2 is 材料, cited from the inspection table (5.2) and the test methods (5.2.1).
    await expect.poll(() => sectionTitle(drafter, '5.2').textContent()).toContain('材料');
    expect(await crossRefTo(drafter, ids.materials).getAttribute('data-label')).toBe('5.2');
    expect(await crossRefTo(drafter, ids.materialsSteel).getAttribute('data-label')).toBe('5.2.1');
    expect(await outlineItem(drafter, '5.2').innerText()).toContain('材料');

    // The number elements of 5.2 and 5.2.1 in the lead's editor, marked to find them afterwards.
    const numberOf = (page: Page, label: string) => sectionTitle(page, label).locator('.gb-number').first();
    await numberOf(lead, '5.2').evaluate((el) => el.setAttribute('data-probe', 'materials'));
    await numberOf(lead, '5.2.1').evaluate((el) => el.setAttribute('data-probe', 'steel'));

    // The lead puts the caret into clause 5.1 and inserts a clause of the same level after it.
    await sectionTitle(lead, '5.1').click();
    await lead.keyboard.press('End');
    await lead.getByTestId('insert-clause').click();
    await lead.keyboard.type('保温杯尺寸');
    await expect.poll(() => sectionTitle(lead, '5.2').textContent()).toContain('保温杯尺寸');
    // The clauses after it are renumbered where they are: the same elements show the new numbers
    // (a renumbering of a thousand clauses must not redraw them), and so do their sections.
    for (const [probe, label] of [
      ['materials', '5.3'],
      ['steel', '5.3.1'],
    ]) {
      const kept = lead.locator(`[data-probe="${probe}"]`);
      await expect.poll(() => kept.textContent()).toBe(label);
      expect(await kept.evaluate((el) => el.closest('section')?.getAttribute('data-label'))).toBe(label);
    }
    for (const page of [lead, drafter]) {
      await expect.poll(() => numberOf(page, '5.3').textContent(), { timeout: 10_000 }).toBe('5.3');
      expect(await numberOf(page, '5.2').textContent()).toBe('5.2');
      expect(await numberOf(page, '5.3.1').textContent()).toBe('5.3.1');
    }

    // The drafter sees the new 5.2, and the former 5.2 (材料) as 5.3 in the editor and the outline.
    await expect.poll(() => sectionTitle(drafter, '5.2').textContent(), { timeout: 10_000 }).toContain('保温杯尺寸');
    await expect.poll(() => sectionTitle(drafter, '5.3').textContent()).toContain('材料');
    await expect.poll(() => outlineItem(drafter, '5.3').innerText()).toContain('材料');
    await expect.poll(() => outlineItem(drafter, '5.2').innerText()).toContain('保温杯尺寸');
    // The cross-references to it follow: the inspection table cites 5.3, the test method 5.3.1.
    await expect.poll(() => crossRefTo(drafter, ids.materials).getAttribute('data-label')).toBe('5.3');
    await expect.poll(() => crossRefTo(drafter, ids.materialsSteel).getAttribute('data-label')).toBe('5.3.1');
    // What the reader sees is the label (CSS ::after content).
    const shown = await crossRefTo(drafter, ids.materials).evaluate((el) => getComputedStyle(el, '::after').content);
    expect(shown).toBe('"5.3"');
  });

  it('the cover is a shared form: a field edited in one browser shows in the other; readers see values', async () => {
    const field = lead.getByTestId('cover-field-standardNumber');
    await field.click();
    await field.fill('T/ZZB 0321—2026');
    await field.press('Enter');
    await expect
      .poll(() => drafter.getByTestId('cover-field-standardNumber').inputValue(), { timeout: 10_000 })
      .toBe('T/ZZB 0321—2026');
    // 报批稿 carries no patent notice.
    expect(await drafter.getByTestId('cover-patent-notice').count()).toBe(1);
    await lead.getByTestId('cover-field-stage').click();
    await lead.locator('.ant-select-item-option', { hasText: '报批稿' }).click();
    await expect.poll(() => drafter.getByTestId('cover-patent-notice').count(), { timeout: 10_000 }).toBe(0);
    // A reviewer sees the values, not inputs.
    const reader = await openPage('bureau@example.com');
    await openDemoStandard(reader);
    await expect.poll(() => reader.getByTestId('cover-field-standardNumber').innerText()).toBe('T/ZZB 0321—2026');
    expect(await reader.locator('.gb-cover input').count()).toBe(0);
  });

  it('the checker panel shows counts, and a finding for "必须" that disappears after "应"', async () => {
    for (const page of [lead, drafter]) {
      const panel = page.getByTestId('checker-panel');
      await panel.locator('[data-testid="checker-count-errors"]').waitFor({ timeout: 15_000 });
      await panel.locator('[data-testid="checker-count-warnings"]').waitFor();
      expect(await panel.getByTestId('checker-count-errors').getAttribute('data-count')).toMatch(/^\d+$/);
      expect(await page.locator(`[data-testid="checker-finding"][data-rule-id="${MUST_RULE}"]`).count()).toBe(0);
    }

    // The drafter writes "必须" into clause 5.1.1 (杯体).
    const body = editorOf(drafter).locator('section[data-label="5.1.1"] > p').first();
    await body.click();
    await drafter.keyboard.press('End');
    await drafter.keyboard.type('杯口必须圆滑');
    for (const page of [drafter, lead]) {
      await page.locator(`[data-testid="checker-finding"][data-rule-id="${MUST_RULE}"]`).waitFor({ timeout: 15_000 });
    }
    await expect
      .poll(async () => Number(await lead.getByTestId('checker-count-errors').getAttribute('data-count')))
      .toBeGreaterThan(0);

    // The lead jumps from the finding to the text: the clause's text is selected.
    await lead.locator(`[data-testid="checker-finding"][data-rule-id="${MUST_RULE}"]`).click();
    await expect.poll(() => lead.evaluate(() => window.getSelection()?.toString() ?? '')).toContain('必须');

    // The drafter rewrites it with "应": the finding goes away in both browsers.
    await body.click();
    await drafter.keyboard.press('End');
    for (let i = 0; i < '必须圆滑'.length; i++) await drafter.keyboard.press('Backspace');
    await drafter.keyboard.type('应圆滑');
    for (const page of [drafter, lead]) {
      await expect
        .poll(() => page.locator(`[data-testid="checker-finding"][data-rule-id="${MUST_RULE}"]`).count(), {
          timeout: 15_000,
        })
        .toBe(0);
    }
    // The counts agree with the list (unfiltered).
    const errors = await lead.locator('[data-testid="checker-finding"][data-severity="error"]').count();
    const warnings = await lead.locator('[data-testid="checker-finding"][data-severity="warning"]').count();
    expect(await lead.getByTestId('checker-count-errors').getAttribute('data-count')).toBe(String(errors));
    expect(await lead.getByTestId('checker-count-warnings').getAttribute('data-count')).toBe(String(warnings));
  });
});
