/**
 * The 征求意见稿 is frozen when the round opens: live edits (even deleting a chapter, which
 * renumbers everything after it) and changes of the drafting group leave the snapshot (text and
 * foreword credits) untouched, while the items follow their clause
 * into the current text through its stable id.
 */
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ItemView, RoundView, SnapshotView } from '@shared/api/consultation.js';
import { CONTENT_FIELD } from '@shared/editor/extensions.js';
import { demoProject, login, request } from '../helpers/api.js';
import type { DocumentContentResponse, MemberView } from '@shared/api/types.js';
import { appendParagraph, connectSynced, waitFor } from '../helpers/collab.js';
import { startTestServer } from '../helpers/server.js';
import type { TestServer } from '../helpers/server.js';
import { ok } from './helpers.js';

let server: TestServer;
let lead = '';
let projectId = '';
let standardId = '';

beforeAll(async () => {
  server = await startTestServer();
  lead = await login(server.url, 'lead@example.com');
  const demo = await demoProject(server.url, lead);
  projectId = demo.project.id;
  standardId = demo.standardId;
});

afterAll(async () => {
  await server.dispose();
});

/** Deletes the first chapter of the live text, as an editor would. */
function deleteFirstChapter(doc: Y.Doc): void {
  const fragment = doc.getXmlFragment(CONTENT_FIELD);
  const index = fragment.toArray().findIndex((node) => node instanceof Y.XmlElement && node.nodeName === 'chapter');
  if (index < 0) throw new Error('no chapter');
  fragment.delete(index, 1);
}

describe('the frozen draft', () => {
  it('stays unchanged while the live text changes, and items follow their clause', async () => {
    const opened = await ok<RoundView>(server.url, 'POST', `/api/projects/${projectId}/rounds`, lead, {
      deadline: '2026-06-30',
      recipients: [{ unitName: '宁波锦程塑料制品有限公司', contact: '赵一鸣' }],
    });
    const roundId = opened.round.id;
    const before = await ok<SnapshotView>(server.url, 'GET', `/api/rounds/${roundId}/snapshot`, lead);
    const clause52 = before.outline.find((o) => o.label === '5.2')!;
    const item = await ok<ItemView>(server.url, 'POST', `/api/rounds/${roundId}/items`, lead, {
      recipientId: opened.round.recipients[0]!.id,
      clauseId: clause52.id,
      comment: '材料要求应细化。',
    });
    expect(item).toMatchObject({ clauseLabel: '5.2', currentClauseLabel: '5.2' });
    const snapshotFile = join(server.dataDir, 'snapshots', `${opened.round.snapshotId}.json`);
    const fileBefore = await readFile(snapshotFile, 'utf8');

    // The foreword's credits are frozen with the draft, as they were sent out.
    expect(before.draftingCredits?.participatingUnits).toContain('浙江晶盾日用品有限公司');
    expect(before.draftingCredits?.drafters).toContain('王晓燕');

    const client = await connectSynced(server.url, standardId, lead);
    try {
      // The peer company leaves the drafting group after the draft went out.
      const drafter = (await ok<MemberView[]>(server.url, 'GET', `/api/projects/${projectId}/members`, lead)).find(
        (m) => m.email === 'drafter@example.com',
      )!;
      expect(
        (await request(server.url, 'DELETE', `/api/projects/${projectId}/members/${drafter.userId}`, { token: lead }))
          .status,
      ).toBe(204);
      const live = await ok<DocumentContentResponse>(server.url, 'GET', `/api/documents/${standardId}/content`, lead);
      expect(live.draftingCredits.participatingUnits).not.toContain('浙江晶盾日用品有限公司');
      deleteFirstChapter(client.doc);
      appendParagraph(client.doc, '征求意见之后新增的段落');
      const currentRound = (): Promise<RoundView> => ok<RoundView>(server.url, 'GET', `/api/rounds/${roundId}`, lead);
      await waitFor(
        async () => (await currentRound()).items[0]?.currentClauseLabel === '4.2',
        'the item follows its clause to 4.2',
      );
      expect((await currentRound()).items[0]).toMatchObject({ clauseLabel: '5.2', currentClauseLabel: '4.2' });
      const linked = await ok<ItemView>(server.url, 'PATCH', `/api/rounds/${roundId}/items/${item.id}`, lead, {
        decision: 'accepted',
        implementedIn: { clauseId: clause52.id, note: '已细化' },
      });
      expect(linked.implementedInLabel).toBe('4.2');
    } finally {
      client.destroy();
    }
    const after = await ok<SnapshotView>(server.url, 'GET', `/api/rounds/${roundId}/snapshot`, lead);
    expect(after).toEqual(before);
    expect(JSON.stringify(after.json)).not.toContain('征求意见之后新增的段落');
    expect(await readFile(snapshotFile, 'utf8')).toBe(fileBefore);

    // A second round freezes the new text; the first stays as it was, across a restart.
    const second = await ok<RoundView>(server.url, 'POST', `/api/projects/${projectId}/rounds`, lead, {
      deadline: '2026-08-31',
    });
    expect(second.round.number).toBe(2);
    server = await server.restart();
    lead = await login(server.url, 'lead@example.com');
    const reread = await ok<SnapshotView>(server.url, 'GET', `/api/rounds/${roundId}/snapshot`, lead);
    expect(reread).toEqual(before);
    const newer = await ok<SnapshotView>(server.url, 'GET', `/api/rounds/${second.round.id}/snapshot`, lead);
    expect(JSON.stringify(newer.json)).toContain('征求意见之后新增的段落');
    expect(newer.labels[clause52.id]).toBe('4.2');
    expect((await readdir(join(server.dataDir, 'snapshots'))).filter((f) => f.endsWith('.json'))).toHaveLength(2);
  });
});
