/**
 * Indicator links in real browsers: the drafting explanation's comparison table shows the values of
 * the standard text's requirement table, follows a change made there by another drafter, and a drafter
 * links a further value with the picker.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startTestServer } from '../helpers/server.js';
import type { TestServer } from '../helpers/server.js';
import { launchBrowser, openStandard, signIn } from '../helpers/browser.js';
import { demoProject, login, request } from '../helpers/api.js';
import type { DocumentContentResponse } from '@shared/api/types.js';
import type { ProseMirrorJSON } from '@shared/editor/json.js';
import { VACUUM_CUP_STANDARD_CELLS } from '../../server/seed/demo/standardContent.js';

let server: TestServer;
let browser: Browser;
let token: string;
let standardId: string;
let explanationId: string;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  server = await startTestServer();
  browser = await launchBrowser();
  token = await login(server.url, 'lead@example.com');
  const demo = await demoProject(server.url, token);
  standardId = demo.standardId;
  const explanation = demo.project.documents.find((d) => d.kind === 'explanation');
  if (!explanation) throw new Error('no explanation');
  explanationId = explanation.id;
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

const indicator = (page: Page, cellId: string) =>
  page
    .locator(`[data-testid="editor"] .ProseMirror span[data-type="indicatorRef"][data-target-id="${cellId}"]`)
    .first();

function indicatorTargets(node: ProseMirrorJSON, into: string[] = []): string[] {
  if (node.type === 'indicatorRef' && typeof node.attrs?.targetId === 'string') into.push(node.attrs.targetId);
  for (const child of node.content ?? []) indicatorTargets(child, into);
  return into;
}

describe('indicator links from the drafting explanation to the standard text', () => {
  let lead: Page;
  let drafter: Page;

  beforeAll(async () => {
    lead = await openPage('lead@example.com');
    drafter = await openPage('drafter@example.com');
    await openStandard(lead, server.url, explanationId);
    await openStandard(drafter, server.url, standardId);
  });

  it('shows the standard’s current value and follows a change made there', async () => {
    const heat = indicator(lead, VACUUM_CUP_STANDARD_CELLS.heatMid);
    await expect.poll(() => heat.getAttribute('data-value'), { timeout: 10_000 }).toBe('≥72');
    expect(await heat.getAttribute('title')).toBe('表1 保温效能/℃ 0.35≤V＜0.6');

    // The drafter changes 表1's value in the standard text: ≥72 → ≥74.
    const cell = drafter.locator(
      `[data-testid="editor"] .ProseMirror td[data-id="${VACUUM_CUP_STANDARD_CELLS.heatMid}"] p`,
    );
    await cell.scrollIntoViewIfNeeded();
    await cell.click();
    // Type only once the caret is in that cell (a click as the page settles may land elsewhere).
    await expect
      .poll(() =>
        drafter.evaluate(() => {
          const node = getSelection()?.anchorNode;
          const element = node instanceof Element ? node : node?.parentElement;
          return element?.closest('td')?.getAttribute('data-id') ?? null;
        }),
      )
      .toBe(VACUUM_CUP_STANDARD_CELLS.heatMid);
    await drafter.keyboard.press('End');
    await drafter.keyboard.press('Backspace');
    await drafter.keyboard.type('4');
    await expect.poll(() => cell.innerText()).toBe('≥74');

    // The explanation picks it up when its window comes back into focus (and every 15 s anyway).
    await expect
      .poll(
        async () => {
          await lead.evaluate(() => window.dispatchEvent(new Event('focus')));
          return heat.getAttribute('data-value');
        },
        { timeout: 15_000, interval: 500 },
      )
      .toBe('≥74');
  });

  it('links a further value with the picker, stored in the explanation', async () => {
    // The caret goes after the first indicator value of the comparison table.
    await indicator(lead, VACUUM_CUP_STANDARD_CELLS.heatMid).click();
    await lead.keyboard.press('ArrowRight');
    await lead.getByTestId('insert-indicator').click();
    await lead.getByTestId('indicator-picker').waitFor();
    await lead
      .getByTestId('indicator-cell')
      .filter({ hasText: /^≤0\.55$/ })
      .click();
    await expect.poll(() => lead.getByTestId('indicator-picker').count()).toBe(0);
    const linked = lead.locator(
      '[data-testid="editor"] .ProseMirror span.gb-indicator-ref--resolved[data-value="≤0.55"]',
    );
    await expect.poll(() => linked.count()).toBe(1);

    // The server has it: the explanation now also links the 0.2≤V＜0.35 mass ratio.
    await expect
      .poll(
        async () => {
          const content = await request<DocumentContentResponse>(
            server.url,
            'GET',
            `/api/documents/${explanationId}/content`,
            { token },
          );
          return indicatorTargets(content.body.content).length;
        },
        { timeout: 10_000 },
      )
      .toBe(10);
  });
});
