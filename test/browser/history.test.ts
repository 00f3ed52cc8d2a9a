/**
 * The change history beside the text in real Chromium: two members of other organizations type into
 * two clauses (stock y-websocket clients); the lead opens 修改记录, sees both in the timeline, filters
 * by one clause from the outline and sees only what happened there, jumps to the clause, and watches
 * a new change arrive live.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import type { DocumentContentResponse, LoginResponse } from '@shared/api/types.js';
import type { PublicUser } from '@shared/domain/user.js';
import { startTestServer } from '../helpers/server.js';
import type { TestServer } from '../helpers/server.js';
import { launchBrowser, openStandard, signIn } from '../helpers/browser.js';
import { chooseByTyping, startingWith } from '../helpers/select.js';
import { DEMO_PASSWORD, demoProject, request } from '../helpers/api.js';
import { connectSynced, waitFor } from '../helpers/collab.js';
import type { Client } from '../helpers/collab.js';
import { hasParagraphText, paragraphText } from '../history/yTyping.js';

let server: TestServer;
let browser: Browser;
let standardId = '';
const people: Record<
  string,
  { token: string; user: PublicUser; client?: Client; clause?: { id: string; label: string } }
> = {};

function type(who: string, text: string): void {
  const person = people[who]!;
  const target = paragraphText(person.client!.doc, person.clause!.id);
  for (const char of text) target.insert(target.length, char);
}

beforeAll(async () => {
  server = await startTestServer();
  browser = await launchBrowser();
  for (const who of ['lead', 'drafter', 'testing']) {
    const result = await request<LoginResponse>(server.url, 'POST', '/api/auth/login', {
      body: { email: `${who}@example.com`, password: DEMO_PASSWORD },
    });
    people[who] = { token: result.body.token, user: result.body.user };
  }
  standardId = (await demoProject(server.url, people.lead!.token)).standardId;
  const content = await request<DocumentContentResponse>(server.url, 'GET', `/api/documents/${standardId}/content`, {
    token: people.lead!.token,
  });
  for (const who of ['drafter', 'testing'])
    people[who]!.client = await connectSynced(server.url, standardId, people[who]!.token);
  const doc = people.drafter!.client!.doc;
  const clauses = content.body.numbering.outline.filter(
    (item) => item.kind === 'clause' && hasParagraphText(doc, item.id),
  );
  people.drafter!.clause = { id: clauses[1]!.id, label: clauses[1]!.label };
  people.testing!.clause = { id: clauses[4]!.id, label: clauses[4]!.label };
  type('drafter', '（同类企业修改）');
  type('testing', '（检测机构补充试验条件）');
});

afterAll(async () => {
  for (const person of Object.values(people)) person.client?.destroy();
  await browser?.close();
  await server?.dispose();
});

describe('修改记录 beside the text', () => {
  it('shows who changed which clause, filters by a clause from the outline, jumps there, and updates live', async () => {
    const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1500, height: 1000 } });
    const page = await context.newPage();
    await signIn(page, server.url, 'lead@example.com');
    await openStandard(page, server.url, standardId);

    await page.getByTestId('history-tab').click();
    const panel = page.getByTestId('history-panel');
    const entries = panel.getByTestId('history-entry');
    const drafter = people.drafter!;
    const testing = people.testing!;
    const entryOf = (who: { user: PublicUser }) =>
      panel.locator(`[data-testid="history-entry"][data-user-id="${who.user.id}"]`);
    await entryOf(drafter).first().waitFor();
    await entryOf(testing).first().waitFor();
    await expect(entryOf(drafter).first().getByTestId('history-person').textContent()).resolves.toBe(drafter.user.name);
    await entryOf(drafter).first().getByText(drafter.user.organizationName).waitFor();
    const drafterChange = entryOf(drafter).first().getByTestId('history-change');
    expect(await drafterChange.getAttribute('data-label')).toBe(drafter.clause!.label);
    expect(await drafterChange.textContent()).toContain('+8');

    // Filter by the testing body's clause, picked from the outline.
    const clauseLabel = testing.clause!.label;
    await chooseByTyping(page, panel.getByTestId('history-filter-clause'), clauseLabel, startingWith(clauseLabel));
    await entryOf(drafter).first().waitFor({ state: 'detached' });
    const userIds = await entries.evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-user-id')));
    // the testing body's typing and the document's creation (which wrote that clause too)
    expect(userIds).toEqual([testing.user.id, people.lead!.user.id]);
    // Once the clause list has closed (it fades out over the other filters).
    await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').waitFor({ state: 'hidden' });
    await page.screenshot({ path: '/tmp/history-filtered.png' });

    // Jump from the entry to the clause in the text.
    await entryOf(testing).first().getByTestId('history-change').click();
    await page
      .locator(`[data-testid="outline-item"][aria-current="location"][data-label="${testing.clause!.label}"]`)
      .waitFor();

    // A new change in the filtered clause arrives without reloading.
    type('testing', '（再次补充）');
    await waitFor(
      async () =>
        (await entryOf(testing).first().getByTestId('history-change').textContent())?.includes('+18') ?? false,
      'the live update of the entry',
      15_000,
    );
    await page.screenshot({ path: '/tmp/history-live.png' });
    await context.close();
  });
});
