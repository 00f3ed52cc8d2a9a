/**
 * The change history over the real server: three members of different organizations type with stock
 * y-websocket clients into three clauses at the same time; the history attributes each change to
 * whoever the server authenticated (a forged awareness name changes nothing), its filters return
 * exactly each person's changes, it survives compaction and a restart, its .xlsx export shows the
 * same, and only those who can view the document read it.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DocumentContentResponse, LoginResponse } from '@shared/api/types.js';
import type { HistoryEntryView, HistoryPage } from '@shared/api/history.js';
import type { PublicUser } from '@shared/domain/user.js';
import { startTestServer } from '../helpers/server.js';
import type { TestServer } from '../helpers/server.js';
import { DEMO_PASSWORD, demoProject, request } from '../helpers/api.js';
import { connectSynced, waitFor } from '../helpers/collab.js';
import type { Client } from '../helpers/collab.js';
import { hasParagraphText, paragraphText } from './yTyping.js';

let server: TestServer;
const people: Record<string, { token: string; user: PublicUser }> = {};
let standardId = '';
let projectId = '';
/** The clause each typist types into: id and label. */
const clauses: Record<string, { id: string; label: string }> = {};
const TYPISTS = ['lead', 'drafter', 'testing'] as const;
const TEXT: Record<(typeof TYPISTS)[number], string> = {
  lead: '牵头单位补充的要求',
  drafter: '同类企业修改的指标',
  testing: '检测机构的试验方法',
};

const historyPath = (query = ''): string => `/api/documents/${standardId}/history${query}`;

async function historyOf(query = '', who = 'lead'): Promise<HistoryPage> {
  const result = await request<HistoryPage>(server.url, 'GET', historyPath(query), { token: people[who]!.token });
  expect(result.status).toBe(200);
  return result.body;
}

/** Entries that changed text, as [person, clause label, added] (the document's creation left out). */
function typed(entries: readonly HistoryEntryView[]): [string, string, number][] {
  return entries.filter((e) => !e.creation).map((e) => [e.userName, e.changes.map((c) => c.label).join(','), e.added]);
}

async function signIn(who: string): Promise<void> {
  const result = await request<LoginResponse>(server.url, 'POST', '/api/auth/login', {
    body: { email: `${who}@example.com`, password: DEMO_PASSWORD },
  });
  people[who] = { token: result.body.token, user: result.body.user };
}

beforeAll(async () => {
  server = await startTestServer();
  for (const who of ['lead', 'drafter', 'testing', 'bureau', 'outsider']) await signIn(who);
  const demo = await demoProject(server.url, people.lead!.token);
  standardId = demo.standardId;
  projectId = demo.project.id;
  const content = await request<DocumentContentResponse>(server.url, 'GET', `/api/documents/${standardId}/content`, {
    token: people.lead!.token,
  });
  // Three clauses with a paragraph to type into, each of another typist.
  const probe = await connectSynced(server.url, standardId, people.lead!.token);
  const candidates = content.body.numbering.outline.filter(
    (item) => item.kind === 'clause' && hasParagraphText(probe.doc, item.id),
  );
  probe.destroy();
  TYPISTS.forEach((who, i) => {
    const item = candidates[i * 2]!;
    clauses[who] = { id: item.id, label: item.label };
  });

  const clients: Record<string, Client> = {};
  for (const who of TYPISTS) clients[who] = await connectSynced(server.url, standardId, people[who]!.token);
  // The drafter's client claims to be the lead in its presence: the server knows better.
  clients.drafter!.provider.awareness.setLocalStateField('user', {
    id: people.lead!.user.id,
    name: '伪造的名字',
    organization: people.lead!.user.organizationName,
  });
  // All three type at the same time, a character each in turn.
  for (let i = 0; i < 9; i++) {
    for (const who of TYPISTS) {
      const text = paragraphText(clients[who]!.doc, clauses[who]!.id);
      text.insert(text.length, TEXT[who][i]!);
    }
    await new Promise((resolve) => setTimeout(resolve, 30));
  }
  await waitFor(async () => {
    const page = await historyOf();
    return TYPISTS.every((who) =>
      page.entries.some((e) => e.userId === people[who]!.user.id && e.added === TEXT[who].length),
    );
  }, 'every typist in the history');
  for (const client of Object.values(clients)) client.destroy();
});

afterAll(async () => {
  await server.dispose();
});

describe('the change history', () => {
  it('shows each typist once, with their name, organization and clause, newest first', async () => {
    const page = await historyOf();
    for (const who of TYPISTS) {
      const mine = page.entries.filter((e) => e.userId === people[who]!.user.id && e.changes.length > 0);
      const latest = mine[0]!;
      expect(latest).toMatchObject({
        userName: people[who]!.user.name,
        organizationId: people[who]!.user.organizationId,
        organizationName: people[who]!.user.organizationName,
        added: TEXT[who].length,
        removed: 0,
        system: false,
      });
      expect(latest.changes.map((c) => [c.targetId, c.label, c.kind])).toEqual([
        [clauses[who]!.id, clauses[who]!.label, 'clause'],
      ]);
    }
    const times = page.entries.map((e) => e.id);
    expect(times).toEqual([...times].sort((a, b) => b.localeCompare(a, undefined, { numeric: true })));
    expect(page.authors.map((a) => a.userId).sort()).toEqual(TYPISTS.map((w) => people[w]!.user.id).sort());
  });

  it('a forged awareness name changes nothing: the drafter’s change is the drafter’s', async () => {
    const page = await historyOf();
    expect(JSON.stringify(page)).not.toContain('伪造的名字');
    const inDrafterClause = (await historyOf(`?clauseId=${clauses.drafter!.id}`)).entries;
    expect(typed(inDrafterClause)).toEqual([[people.drafter!.user.name, clauses.drafter!.label, TEXT.drafter.length]]);
  });

  it('filters by clause, organization and person return exactly their changes', async () => {
    for (const who of TYPISTS) {
      const byClause = await historyOf(`?clauseId=${clauses[who]!.id}`);
      expect(typed(byClause.entries)).toEqual([[people[who]!.user.name, clauses[who]!.label, TEXT[who].length]]);
      const byOrganization = await historyOf(`?organizationId=${people[who]!.user.organizationId}`);
      expect(byOrganization.entries.every((e) => e.organizationId === people[who]!.user.organizationId)).toBe(true);
      expect(typed(byOrganization.entries)).toEqual([[people[who]!.user.name, clauses[who]!.label, TEXT[who].length]]);
      const byPerson = await historyOf(`?userId=${people[who]!.user.id}`);
      expect(byPerson.entries.every((e) => e.userId === people[who]!.user.id)).toBe(true);
    }
    // A chapter keeps what happened in its clauses.
    const content = await request<DocumentContentResponse>(server.url, 'GET', `/api/documents/${standardId}/content`, {
      token: people.lead!.token,
    });
    const chapterId = content.body.numbering.byId[clauses.lead!.id]!.path[0]!;
    const byChapter = await historyOf(`?clauseId=${chapterId}`);
    expect(typed(byChapter.entries).map(([name]) => name)).toContain(people.lead!.user.name);
  });

  it('filters by time and stage, and pages with a cursor', async () => {
    expect((await historyOf('?from=2099-01-01')).entries).toEqual([]);
    expect((await historyOf('?to=2000-01-01')).entries).toEqual([]);
    const today = await historyOf(`?from=${new Date(Date.now() - 86_400_000).toISOString()}`);
    expect(typed(today.entries)).toHaveLength(3);
    const all = await historyOf();
    expect(all.stages.length).toBeGreaterThan(0);
    const current = all.stages[all.stages.length - 1]!.stage;
    expect((await historyOf(`?stage=${current}`)).entries.length).toBe(all.entries.length);
    const other = (['published', 'periodic-review'] as const).find((s) => s !== current)!;
    expect((await historyOf(`?stage=${other}`)).entries).toEqual([]);

    const first = await historyOf('?limit=2');
    expect(first.entries.map((e) => e.id)).toEqual(all.entries.slice(0, 2).map((e) => e.id));
    expect(first.nextCursor).toBe(first.entries[1]!.id);
    const second = await historyOf(`?limit=2&cursor=${first.nextCursor}`);
    expect(second.entries.map((e) => e.id)).toEqual(all.entries.slice(2, 4).map((e) => e.id));
  });

  it('filters by stage from the stage log: a move splits the history at its time', async () => {
    const all = await historyOf();
    const before = all.stages[all.stages.length - 1]!.stage;
    const typedEntries = all.entries.filter((e) => !e.creation);
    const created = all.entries.filter((e) => e.creation);
    const firstTyped = Math.min(...typedEntries.map((e) => Date.parse(e.from)));
    expect(Math.max(...created.map((e) => Date.parse(e.to)))).toBeLessThan(firstTyped);
    // The project moved on just before the typing began.
    const after = before === 'consultation' ? 'review-submission' : 'consultation';
    await server.services.metadata.collection('stageLog').insert({
      id: 'stg_history_test',
      projectId,
      from: before,
      to: after,
      by: null,
      actorId: people.lead!.user.id,
      at: new Date(firstTyped - 1).toISOString(),
      note: '',
      submissionId: null,
    });
    // (The stage log is append-only: the move stays for the tests after this one, which do not filter by stage.)
    const moved = await historyOf();
    expect(moved.stages.slice(-2).map((p) => [p.stage, p.to === null])).toEqual([
      [before, false],
      [after, true],
    ]);
    expect((await historyOf(`?stage=${after}`)).entries.map((e) => e.id)).toEqual(typedEntries.map((e) => e.id));
    expect((await historyOf(`?stage=${before}`)).entries.map((e) => e.id)).toEqual(created.map((e) => e.id));
  });

  it('answers one entry by id', async () => {
    const [latest] = (await historyOf()).entries;
    const one = await request<HistoryEntryView>(server.url, 'GET', historyPath(`/${latest!.id}`), {
      token: people.bureau!.token,
    });
    expect(one.status).toBe(200);
    expect(one.body).toEqual(latest);
    expect((await request(server.url, 'GET', historyPath('/999.999'), { token: people.lead!.token })).status).toBe(404);
  });

  it('only those who can view the document read its history; bad queries are refused', async () => {
    expect((await request(server.url, 'GET', historyPath(), { token: people.bureau!.token })).status).toBe(200);
    expect((await request(server.url, 'GET', historyPath(), { token: people.outsider!.token })).status).toBe(404);
    expect((await request(server.url, 'GET', historyPath('.xlsx'), { token: people.outsider!.token })).status).toBe(
      404,
    );
    expect((await request(server.url, 'GET', historyPath())).status).toBe(401);
    expect(
      (await request(server.url, 'GET', '/api/documents/nope/history', { token: people.lead!.token })).status,
    ).toBe(404);
    for (const bad of [
      '?clauseId=no%20such!',
      '?stage=nap',
      '?limit=0',
      '?from=yesterday',
      '?colour=red',
      '?cursor=x',
    ]) {
      const result = await request<{ error: string }>(server.url, 'GET', historyPath(bad), {
        token: people.lead!.token,
      });
      expect(result.status, bad).toBe(400);
    }
  });

  it('exports the filtered history as .xlsx: time, person, organization, clause, summary', async () => {
    const response = await fetch(`${server.url}${historyPath(`.xlsx?clauseId=${clauses.testing!.id}`)}`, {
      headers: { authorization: `Bearer ${people.bureau!.token}` },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toContain('.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await response.arrayBuffer());
    const sheet = workbook.worksheets[0]!;
    const rows: string[][] = [];
    sheet.eachRow((row) => {
      rows.push((row.values as unknown[]).slice(1).map((v) => String(v ?? '')));
    });
    const header = rows.findIndex((r) => r[0] === '时间');
    expect(rows[header]).toEqual(['时间', '修改人', '单位', '章条', '修改摘要']);
    // the typist's change, then the document's creation (which wrote that clause too)
    const body = rows.slice(header + 1);
    expect(body).toHaveLength(2);
    expect(body[1]![4]).toMatch(/^创建文档/);
    expect(body[0]![1]).toBe(people.testing!.user.name);
    expect(body[0]![2]).toBe(people.testing!.user.organizationName);
    expect(body[0]![3]).toBe(clauses.testing!.label);
    expect(body[0]![4]).toBe(`${clauses.testing!.label}：新增 ${TEXT.testing.length} 字`);
    expect(sheet.getRow(header + 2).getCell(5).alignment?.wrapText).toBe(true);
  });

  it('survives compaction and a restart with the same entries', async () => {
    const before = await historyOf();
    await server.services.documents.compact(standardId);
    expect((await historyOf()).entries.map((e) => [e.id, e.added, e.changes])).toEqual(
      before.entries.map((e) => [e.id, e.added, e.changes]),
    );
    server = await server.restart();
    await signIn('lead');
    const after = await historyOf();
    expect(after.entries.map((e) => [e.id, e.userId, e.added, e.removed, e.changes])).toEqual(
      before.entries.map((e) => [e.id, e.userId, e.added, e.removed, e.changes]),
    );
    const byClause = await historyOf(`?clauseId=${clauses.drafter!.id}`);
    expect(typed(byClause.entries)).toEqual([[people.drafter!.user.name, clauses.drafter!.label, TEXT.drafter.length]]);
  });
});
