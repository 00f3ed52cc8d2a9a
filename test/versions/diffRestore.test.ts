/**
 * Differences and restore over the real API and real websockets: users of different organizations
 * change different clauses through stock Yjs clients; the difference between two versions attributes
 * every insertion and deletion to the user whose stored update made it (and shows a linked indicator
 * as "指标 …"); the lead restores one clause while others type elsewhere and in that clause.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DiffPart, DocumentRestoreView, RestoreResult, VersionDiffView } from '@shared/api/versionDiff.js';
import type { AuditView } from '@shared/api/types.js';
import type { HistoryPage } from '@shared/api/history.js';
import type { DocumentVersionView } from '@shared/domain/versions.js';
import { VACUUM_CUP_STANDARD_CELLS, VACUUM_CUP_STANDARD_IDS } from '../../server/seed/demo/standardContent.js';
import { startTestServer } from '../helpers/server.js';
import type { TestServer } from '../helpers/server.js';
import { demoProject, login, request } from '../helpers/api.js';
import { connectSynced, waitFor } from '../helpers/collab.js';
import type { Client } from '../helpers/collab.js';
import { convert, pdfText, SOFFICE } from '../consultation/office.js';
import { download, ok } from '../consultation/helpers.js';
import { elementById, paragraphText, plain } from './helpers.js';
import * as Y from 'yjs';
import { CONTENT_FIELD } from '@shared/editor/extensions.js';

let server: TestServer;
const tokens: Record<string, string> = {};
const userIds: Record<string, string> = {};
let projectId = '';
let standardId = '';
const id = VACUUM_CUP_STANDARD_IDS;
const cells = VACUUM_CUP_STANDARD_CELLS;
const clients: Client[] = [];

const path = (suffix: string): string => `/api/documents/${standardId}${suffix}`;

async function client(who: string): Promise<Client> {
  const c = await connectSynced(server.url, standardId, tokens[who]!);
  clients.push(c);
  return c;
}

async function nameVersion(who: string, name: string): Promise<DocumentVersionView> {
  return ok<DocumentVersionView>(server.url, 'POST', path('/versions'), tokens[who]!, { name });
}

function partOf(view: VersionDiffView, key: string): DiffPart {
  const part = view.parts.find((p) => p.key === key);
  if (!part) throw new Error(`no part ${key}`);
  return part;
}

function after(part: DiffPart): string {
  return part.lines
    .flatMap((l) => l.segments)
    .filter((s) => s.op !== 'delete')
    .map((s) => s.text)
    .join('');
}

/** The server's text of a clause's first paragraph. */
function serverParagraph(clauseId: string): Promise<string> {
  return server.collab.readDocument(standardId, (doc) => plain(paragraphText(doc, clauseId)));
}

function hasElement(doc: Y.Doc, elementId: string): boolean {
  try {
    elementById(doc, elementId);
    return true;
  } catch {
    return false;
  }
}

/** The server's whole content as XML. */
function serverXml(): Promise<string> {
  return server.collab.readDocument(standardId, (doc) => doc.getXmlFragment(CONTENT_FIELD).toString());
}

beforeAll(async () => {
  server = await startTestServer();
  for (const who of ['lead', 'drafter', 'testing', 'bureau', 'outsider']) {
    tokens[who] = await login(server.url, `${who}@example.com`);
    const me = await request<{ user: { id: string } }>(server.url, 'GET', '/api/auth/me', { token: tokens[who] });
    userIds[who] = me.body.user.id;
  }
  const demo = await demoProject(server.url, tokens.lead!);
  projectId = demo.project.id;
  standardId = demo.standardId;
});

afterAll(async () => {
  for (const c of clients) c.destroy();
  await server.dispose();
});

describe('differences between versions', () => {
  let first: DocumentVersionView;
  let second: DocumentVersionView;

  it('attributes each change to the user (and organization) whose stored update made it', async () => {
    first = await nameVersion('lead', '启动会后');
    const drafter = await client('drafter');
    const testing = await client('testing');

    // The drafter (peer company) inserts into 5.1.1 and deletes from 5.1.2.
    const body = paragraphText(drafter.doc, id.appearanceBody);
    body.insert(plain(body).indexOf('，不应有'), '（含不锈钢内胆）');
    const weld = paragraphText(drafter.doc, id.appearanceWeld);
    weld.delete(plain(weld).indexOf('、裂纹'), 3);
    // The testing body changes the 保温效能 value the drafting explanation links to (≥72 → ≥75).
    const heat = paragraphText(testing.doc, cells.heatMid);
    heat.delete(0, plain(heat).length);
    heat.insert(0, '≥75');
    await waitFor(async () => (await serverParagraph(cells.heatMid)) === '≥75', 'the value on the server');
    await waitFor(async () => (await serverParagraph(id.appearanceBody)).includes('内胆）'), 'the insertion');

    second = await nameVersion('drafter', '技术研讨会定稿');
    const diff = await ok<VersionDiffView>(
      server.url,
      'GET',
      path(`/diff?from=${first.id}&to=${second.id}`),
      tokens.bureau!,
    );
    expect(diff.from).toMatchObject({ versionId: first.id, name: '启动会后' });
    expect(diff.to).toMatchObject({ versionId: second.id, name: '技术研讨会定稿' });

    const bodyPart = partOf(diff, id.appearanceBody);
    expect(bodyPart).toMatchObject({ status: 'changed', label: '5.1.1', kind: 'clause', authors: [userIds.drafter] });
    const inserted = bodyPart.lines.flatMap((l) => l.segments).filter((s) => s.op === 'insert');
    expect(inserted).toEqual([{ op: 'insert', text: '（含不锈钢内胆）', by: userIds.drafter }]);
    expect(after(bodyPart)).toContain('杯体表面应光洁、色泽均匀（含不锈钢内胆），不应有');

    const weldPart = partOf(diff, id.appearanceWeld);
    const deleted = weldPart.lines.flatMap((l) => l.segments).filter((s) => s.op === 'delete');
    expect(deleted).toEqual([{ op: 'delete', text: '、裂纹', by: userIds.drafter }]);

    const table = partOf(diff, id.performanceTable);
    expect(table).toMatchObject({ kind: 'table', label: '表1', status: 'changed', authors: [userIds.testing] });
    const cell = table.rows?.flat().find((c) => c.cellId === cells.heatMid);
    expect(cell?.status).toBe('changed');
    expect(cell?.segments.filter((s) => s.op !== 'equal').every((s) => s.by === userIds.testing)).toBe(true);
    expect(diff.indicators).toEqual([
      expect.objectContaining({
        cellId: cells.heatMid,
        before: '≥72',
        after: '≥75',
        authors: [userIds.testing],
        place: expect.stringMatching(/^表1 .*保温效能/),
      }),
    ]);

    // Nothing else changed; names and organizations of both authors are given.
    expect(diff.parts.filter((p) => p.status !== 'unchanged').map((p) => p.key)).toEqual([
      id.appearanceBody,
      id.appearanceWeld,
      id.performanceTable,
    ]);
    const drafterView = diff.authors.find((a) => a.id === userIds.drafter);
    const testingView = diff.authors.find((a) => a.id === userIds.testing);
    expect(drafterView?.name).not.toBe('');
    expect(testingView?.organization).not.toBe('');
    expect(drafterView?.organization).not.toBe(testingView?.organization);
    expect(diff.counts).toEqual({ inserted: 8 + 2, deleted: 3 + 2, changedParts: 3 });
  });

  it('compares a version with the current text, including changes made a moment ago', async () => {
    const drafter = clients[0]!;
    const lid = paragraphText(drafter.doc, id.appearanceLid);
    lid.insert(plain(lid).length, '杯盖应能单手开启。');
    await waitFor(async () => (await serverParagraph(id.appearanceLid)).includes('单手开启'), 'the edit');
    const diff = await ok<VersionDiffView>(server.url, 'GET', path(`/diff?from=${second.id}&to=current`), tokens.lead!);
    expect(diff.to.versionId).toBeNull();
    const part = partOf(diff, id.appearanceLid);
    expect(part.lines.flatMap((l) => l.segments).filter((s) => s.op === 'insert')).toEqual([
      { op: 'insert', text: '杯盖应能单手开启。', by: userIds.drafter },
    ]);
  });

  it('answers 404 to who cannot view and for versions of other documents, 400 without from', async () => {
    expect((await request(server.url, 'GET', path(`/diff?from=${first.id}`), { token: tokens.outsider })).status).toBe(
      404,
    );
    expect((await request(server.url, 'GET', path('/diff?from=ver_nope'), { token: tokens.lead })).status).toBe(404);
    expect((await request(server.url, 'GET', path('/diff'), { token: tokens.lead })).status).toBe(400);
  });

  it('exports the difference as .docx that LibreOffice opens: insertions underlined, deletions struck', async () => {
    const file = await download(server.url, path(`/diff.docx?from=${first.id}&to=${second.id}`), tokens.bureau!);
    expect(file.status).toBe(200);
    expect(file.type).toContain('wordprocessingml');
    expect(decodeURIComponent(file.disposition)).toContain('修改对照');
    if (!SOFFICE) return;
    const { output: pdf } = await convert(file.data, 'diff.docx', 'pdf', 'pdf');
    const text = (await pdfText(pdf)).replace(/\s+/g, '');
    expect(text).toContain('修改对照');
    expect(text).toContain('5.1.1杯体');
    expect(text).toContain('（含不锈钢内胆）');
    expect(text).toContain('指标表1');
    expect(text).toMatch(/≥72→≥75/);
    const { output: html } = await convert(file.data, 'diff.docx', 'html', 'html');
    const markup = new TextDecoder().decode(html);
    // LibreOffice writes Word's single underline as <u> and the strike-through as <strike>.
    expect(markup).toMatch(/<u>(?:<[^>]+>)*（含不锈钢内胆）/);
    expect(markup).toMatch(/<strike>(?:<[^>]+>)*、裂纹/);
    expect(markup).not.toMatch(/<(?:u|strike)>(?:<[^>]+>)*杯体表面应光洁/);
  }, 60_000);
});

describe('restore', () => {
  it('restores one clause while others type in another clause and in it; live clients see it at once', async () => {
    const versions = await ok<DocumentVersionView[]>(server.url, 'GET', path('/versions'), tokens.lead!);
    const kickoff = versions.find((v) => v.name === '启动会后')!;
    const watcher = await client('lead');
    const typistElsewhere = await client('testing');
    const typistInClause = await client('drafter');
    const originalLid = '杯盖与杯体旋合应顺畅，不应有卡滞和滑牙。';
    await waitFor(() => plain(paragraphText(watcher.doc, id.appearanceLid)) !== originalLid, 'the lid changed');
    const beforeRestore = await nameVersion('drafter', '恢复前');

    // Both typists type while offline: their edits reach the server after the restore (concurrent).
    typistElsewhere.provider.disconnect();
    typistInClause.provider.disconnect();
    const steel = paragraphText(typistElsewhere.doc, id.materialsSteel);
    steel.insert(plain(steel).length, '镍含量另行规定。');
    const lid = paragraphText(typistInClause.doc, id.appearanceLid);
    lid.insert(0, '【新】');

    const restored = await request<RestoreResult>(server.url, 'POST', path('/restore'), {
      token: tokens.lead,
      body: { version: kickoff.id, clauseId: id.appearanceLid },
    });
    expect(restored.status).toBe(200);
    expect(restored.body.restore).toMatchObject({
      clauseId: id.appearanceLid,
      clauseLabel: '5.1.4',
      versionId: kickoff.id,
      versionName: '启动会后',
      userId: userIds.lead,
    });
    // A live collaborator sees the restored clause at once.
    await waitFor(() => plain(paragraphText(watcher.doc, id.appearanceLid)) === originalLid, 'the watcher sees it');

    typistElsewhere.provider.connect();
    typistInClause.provider.connect();
    await waitFor(async () => (await serverParagraph(id.materialsSteel)).endsWith('镍含量另行规定。'), 'elsewhere');
    // The typist's latest characters in the restored clause are kept, beside the restored text.
    await waitFor(async () => (await serverParagraph(id.appearanceLid)) === `【新】${originalLid}`, 'in the clause');
    await waitFor(() => plain(paragraphText(watcher.doc, id.appearanceLid)) === `【新】${originalLid}`, 'converged');

    // The difference from the version now shows only the typist's characters in that clause, and the
    // restore itself is the lead's change (it removed the drafter's sentence).
    const sinceKickoff = await ok<VersionDiffView>(
      server.url,
      'GET',
      path(`/diff?from=${kickoff.id}&to=current`),
      tokens.lead!,
    );
    const lidPart = partOf(sinceKickoff, id.appearanceLid);
    expect(lidPart.lines.flatMap((l) => l.segments).filter((s) => s.op !== 'equal')).toEqual([
      { op: 'insert', text: '【新】', by: userIds.drafter },
    ]);
    const sinceBefore = await ok<VersionDiffView>(
      server.url,
      'GET',
      path(`/diff?from=${beforeRestore.id}&to=current`),
      tokens.lead!,
    );
    const removed = partOf(sinceBefore, id.appearanceLid)
      .lines.flatMap((l) => l.segments)
      .filter((s) => s.op === 'delete');
    expect(removed).toEqual([{ op: 'delete', text: '杯盖应能单手开启。', by: userIds.lead }]);

    // Recorded for the history and the audit log.
    const list = await ok<DocumentRestoreView[]>(server.url, 'GET', path('/restores'), tokens.bureau!);
    expect(list[0]).toMatchObject({ clauseLabel: '5.1.4', versionName: '启动会后', userId: userIds.lead });
    // The history shows "恢复 5.1.4 至版本 启动会后" on the lead's entry that made the change, once.
    const history = await ok<HistoryPage>(
      server.url,
      'GET',
      path(`/history?clauseId=${id.appearanceLid}`),
      tokens.bureau!,
    );
    const noted = history.entries.filter((entry) => entry.restores.length > 0);
    expect(noted.map((entry) => [entry.userId, entry.restores])).toEqual([
      [userIds.lead, [{ versionId: kickoff.id, versionName: '启动会后', clauseLabel: '5.1.4' }]],
    ]);
    expect(noted[0]!.changes.map((change) => change.label)).toContain('5.1.4');
    const audit = await ok<AuditView[]>(server.url, 'GET', `/api/projects/${projectId}/audit`, tokens.lead!);
    expect(audit.find((e) => e.action === 'version.restored')?.detail).toMatchObject({
      clauseLabel: '5.1.4',
      name: '启动会后',
    });
  });

  it('brings back a deleted clause at its place, and removes one added since', async () => {
    const lead = await client('lead');
    const kickoff = (await ok<DocumentVersionView[]>(server.url, 'GET', path('/versions'), tokens.lead!)).find(
      (v) => v.name === '启动会后',
    )!;
    // Delete 5.1.3 (涂层及印刷) through the live document.
    const coating = elementById(lead.doc, id.appearanceCoating);
    const parent = coating.parent;
    if (!(parent instanceof Y.XmlElement)) throw new Error('5.1.3 has no parent clause');
    lead.doc.transact(() => parent.delete(parent.toArray().indexOf(coating), 1));
    await waitFor(
      () => server.collab.readDocument(standardId, (doc) => !hasElement(doc, id.appearanceCoating)),
      'the clause is gone',
    );
    const back = await request<RestoreResult>(server.url, 'POST', path('/restore'), {
      token: tokens.lead,
      body: { version: kickoff.id, clauseId: id.appearanceCoating },
    });
    expect(back.status).toBe(200);
    expect(back.body.restore.clauseLabel).toBe('5.1.3');
    expect(await serverParagraph(id.appearanceCoating)).toContain('涂层应均匀');
  });

  it('is for the lead only: drafters and reviewers 403, outsiders 404, bad requests change nothing', async () => {
    const kickoff = (await ok<DocumentVersionView[]>(server.url, 'GET', path('/versions'), tokens.lead!)).find(
      (v) => v.name === '启动会后',
    )!;
    const before = await serverXml();
    const post = (who: string, body: unknown) =>
      request(server.url, 'POST', path('/restore'), { token: tokens[who], body });
    expect((await post('drafter', { version: kickoff.id })).status).toBe(403);
    expect((await post('bureau', { version: kickoff.id, clauseId: id.appearanceLid })).status).toBe(403);
    expect((await post('outsider', { version: kickoff.id })).status).toBe(404);
    expect((await post('lead', { version: 'ver_unknown' })).status).toBe(404);
    expect((await post('lead', { version: kickoff.id, clauseId: 'no_such_clause' })).status).toBe(404);
    expect((await post('lead', { version: kickoff.id, clauseId: 'bad id!' })).status).toBe(400);
    expect((await post('lead', { version: kickoff.id, extra: 1 })).status).toBe(400);
    expect(await serverXml()).toBe(before);
  });

  it('restores the whole document', async () => {
    const kickoff = (await ok<DocumentVersionView[]>(server.url, 'GET', path('/versions'), tokens.lead!)).find(
      (v) => v.name === '启动会后',
    )!;
    const whole = await request<RestoreResult>(server.url, 'POST', path('/restore'), {
      token: tokens.lead,
      body: { version: kickoff.id },
    });
    expect(whole.status).toBe(200);
    expect(whole.body.restore).toMatchObject({ clauseId: null, clauseLabel: null });
    const [latest] = (await ok<HistoryPage>(server.url, 'GET', path('/history'), tokens.lead!)).entries;
    // The lead's restores of this minute are one entry (5.1.4, 5.1.3, then the whole document).
    expect(latest!.userId).toBe(userIds.lead);
    expect(latest!.restores.map((r) => [r.versionName, r.clauseLabel])).toEqual([
      ['启动会后', '5.1.4'],
      ['启动会后', '5.1.3'],
      ['启动会后', null],
    ]);
    const diff = await ok<VersionDiffView>(
      server.url,
      'GET',
      path(`/diff?from=${kickoff.id}&to=current`),
      tokens.lead!,
    );
    expect(diff.parts.filter((p) => p.status !== 'unchanged' || p.moved)).toEqual([]);
  });
});
