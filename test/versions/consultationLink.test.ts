/**
 * The consultation link: the handler of an accepted comment picks the change (an entry of the change
 * history) that implemented it; the item and the 征求意见汇总处理表 name it; unknown entries are refused.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ItemView, RoundView } from '@shared/api/consultation.js';
import type { HistoryEntryView, HistoryPage } from '@shared/api/history.js';
import { VACUUM_CUP_STANDARD_IDS } from '../../server/seed/demo/standardContent.js';
import { startTestServer } from '../helpers/server.js';
import type { TestServer } from '../helpers/server.js';
import { demoProject, login, request } from '../helpers/api.js';
import { connectSynced, waitFor } from '../helpers/collab.js';
import { download, ok, tableRows } from '../consultation/helpers.js';
import { paragraphText, plain } from './helpers.js';

let server: TestServer;
const tokens: Record<string, string> = {};
let drafterId = '';
let projectId = '';
let standardId = '';
const lid = VACUUM_CUP_STANDARD_IDS.appearanceLid;

beforeAll(async () => {
  server = await startTestServer();
  for (const who of ['lead', 'drafter', 'bureau']) tokens[who] = await login(server.url, `${who}@example.com`);
  drafterId = (await ok<{ user: { id: string } }>(server.url, 'GET', '/api/auth/me', tokens.drafter!)).user.id;
  const demo = await demoProject(server.url, tokens.lead!);
  projectId = demo.project.id;
  standardId = demo.standardId;
});

afterAll(async () => {
  await server.dispose();
});

describe('the change that implemented a comment', () => {
  it('is picked from the history, shown on the item and in the table, and checked', async () => {
    const round = await ok<RoundView>(server.url, 'POST', `/api/projects/${projectId}/rounds`, tokens.lead!, {
      deadline: '2027-01-31',
      recipients: [{ unitName: '某检测机构', contact: '张三', organizationId: null }],
    });
    const item = await ok<ItemView>(server.url, 'POST', `/api/rounds/${round.round.id}/items`, tokens.lead!, {
      recipientId: round.round.recipients[0]!.id,
      clauseLabel: '5.1.4',
      commentType: 'technical',
      comment: '杯盖应规定单手开启。',
      proposedChange: '增加单手开启的要求。',
    });

    // The drafter implements it in 5.1.4 (杯盖).
    const drafter = await connectSynced(server.url, standardId, tokens.drafter!);
    const text = paragraphText(drafter.doc, lid);
    text.insert(plain(text).length, '杯盖应能单手开启。');
    await waitFor(
      () => server.collab.readDocument(standardId, (doc) => plain(paragraphText(doc, lid)).includes('单手开启')),
      'the change on the server',
    );
    drafter.destroy();
    let entryId = '';
    await waitFor(async () => {
      const page = await ok<HistoryPage>(
        server.url,
        'GET',
        `/api/documents/${standardId}/history?clauseId=${lid}`,
        tokens.lead!,
      );
      entryId = page.entries.find((entry) => entry.userId === drafterId)?.id ?? '';
      return entryId !== '';
    }, 'the drafter’s entry in the history');

    const itemPath = `/api/rounds/${round.round.id}/items/${item.id}`;
    const decided = await ok<ItemView>(server.url, 'PATCH', itemPath, tokens.lead!, {
      decision: 'accepted',
      implementedIn: { clauseId: lid, note: '已增加', changeEntryId: entryId },
    });
    expect(decided.implementedIn?.changeRef).toMatchObject({
      documentId: standardId,
      entryId,
      userId: drafterId,
      labels: ['5.1.4'],
    });
    expect(decided.implementedIn?.changeRef?.userName).not.toBe('');
    // The history entry shows the comment it implemented; no other entry does.
    const picked = await ok<HistoryEntryView>(
      server.url,
      'GET',
      `/api/documents/${standardId}/history/${entryId}`,
      tokens.bureau!,
    );
    expect(picked.consultation).toEqual([
      {
        roundId: round.round.id,
        roundNumber: round.round.number,
        itemId: item.id,
        seq: item.seq,
        clauseLabel: '5.1.4',
        decision: 'accepted',
      },
    ]);
    // … and so does the exported history (its summary column).
    const exported = await download(
      server.url,
      `/api/documents/${standardId}/history.xlsx?clauseId=${lid}`,
      tokens.bureau!,
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(exported.data.slice().buffer);
    const summaries: string[] = [];
    workbook.worksheets[0]!.eachRow((row) => {
      summaries.push(row.getCell(5).text);
    });
    expect(summaries.filter((text) => text.includes('落实征求意见'))).toEqual([
      expect.stringContaining(`落实征求意见第 ${round.round.number} 轮第 ${item.seq} 条（5.1.4，采纳）`),
    ]);
    const timeline = await ok<HistoryPage>(server.url, 'GET', `/api/documents/${standardId}/history`, tokens.lead!);
    expect(timeline.entries.filter((entry) => entry.consultation.length > 0).map((entry) => entry.id)).toEqual([
      entryId,
    ]);

    // A new note without an entry keeps the change; unknown or malformed entries change nothing.
    const renoted = await ok<ItemView>(server.url, 'PATCH', itemPath, tokens.lead!, {
      implementedIn: { clauseId: lid, note: '已增加单手开启' },
    });
    expect(renoted.implementedIn?.changeRef?.entryId).toBe(entryId);
    for (const changeEntryId of ['999.999', 'not-an-entry']) {
      const refused = await request(server.url, 'PATCH', itemPath, {
        token: tokens.lead,
        body: { implementedIn: { clauseId: lid, note: 'x', changeEntryId } },
      });
      expect(refused.status).toBe(400);
    }
    const reviewer = await request(server.url, 'PATCH', itemPath, {
      token: tokens.bureau,
      body: { implementedIn: { clauseId: lid, note: 'x', changeEntryId: entryId } },
    });
    expect(reviewer.status).toBe(403);
    const view = await ok<RoundView>(server.url, 'GET', `/api/rounds/${round.round.id}`, tokens.bureau!);
    expect(view.items[0]?.implementedIn).toMatchObject({ note: '已增加单手开启', changeRef: { entryId } });

    // The table's 备注 names the change.
    const file = await download(server.url, `/api/rounds/${round.round.id}/export.xlsx`, tokens.bureau!);
    const rows = await tableRows(file.data);
    expect(rows[0]?.[6]).toMatch(/^修改记录：\d{4}-\d{2}-\d{2} \d{2}:\d{2} .+（.+）修改 5\.1\.4$/);

    // Clearing the change keeps the clause.
    const cleared = await ok<ItemView>(server.url, 'PATCH', itemPath, tokens.lead!, {
      implementedIn: { clauseId: lid, note: '已增加单手开启', changeEntryId: null },
    });
    expect(cleared.implementedIn).toMatchObject({ clauseId: lid, changeRef: null });
    const unpicked = await ok<HistoryEntryView>(
      server.url,
      'GET',
      `/api/documents/${standardId}/history/${entryId}`,
      tokens.lead!,
    );
    expect(unpicked.consultation).toEqual([]);
  });
});
