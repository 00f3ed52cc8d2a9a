/**
 * The consultation round end to end over real HTTP: open (freezing the text), comments three ways
 * (online by a consulted unit, from a letter by the lead, an imported table), a no-comments reply,
 * support, assignment, decisions, the computed counts, the stats for the progress view and the
 * live SSE event.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConsultationStats, ImportResult, ItemView, RoundView, SnapshotView } from '@shared/api/consultation.js';
import type { ProjectListItem } from '@shared/api/types.js';
import { demoProject, login, request } from '../helpers/api.js';
import { startTestServer } from '../helpers/server.js';
import type { TestServer } from '../helpers/server.js';
import { handMadeTable, ok, upload, waitForEvent } from './helpers.js';

let server: TestServer;
const t = {} as Record<'lead' | 'drafter' | 'testing' | 'expert' | 'bureau' | 'outsider', string>;
let project: ProjectListItem;
let view: RoundView;
let snapshot: SnapshotView;

const OUTSIDE_UNIT = '宁波锦程塑料制品有限公司';
const COMMITTEE = '浙江省日用金属制品标准化技术委员会';
const SILENT_UNIT = '杭州某某日用品有限公司';

const orgOf = (email: string): string =>
  server.services.metadata.collection('users').findOne({ email })!.organizationId;
const userId = (email: string): string => server.services.metadata.collection('users').findOne({ email })!.id;
const recipient = (name: string): string => view.round.recipients.find((r) => r.unitName === name)!.id;
const idOf = (label: string): string =>
  snapshot.outline.find((o) => o.label === label)?.id ??
  Object.entries(snapshot.labels).find(([, l]) => l === label)![0];
const refresh = async (): Promise<RoundView> =>
  (view = await ok<RoundView>(server.url, 'GET', `/api/rounds/${view.round.id}`, t.lead));

beforeAll(async () => {
  server = await startTestServer();
  for (const who of Object.keys({
    lead: 1,
    drafter: 1,
    testing: 1,
    expert: 1,
    bureau: 1,
    outsider: 1,
  }) as (keyof typeof t)[]) {
    t[who] = await login(server.url, `${who}@example.com`);
  }
  project = (await demoProject(server.url, t.lead)).project;
});

afterAll(async () => {
  await server.dispose();
});

describe('a consultation round', () => {
  it('is opened by the lead only, freezing the text and listing the units', async () => {
    const body = {
      deadline: '2026-06-30',
      recipients: [
        { unitName: '浙江晶盾日用品有限公司', contact: '王晓燕', organizationId: orgOf('drafter@example.com') },
        { unitName: '浙江永康五金产品质量检验研究院', contact: '李振宇', organizationId: orgOf('testing@example.com') },
        { unitName: OUTSIDE_UNIT, contact: '赵一鸣', phone: '0574-88000000' },
        { unitName: COMMITTEE, contact: '秘书处' },
        { unitName: SILENT_UNIT, contact: '钱经理' },
      ],
    };
    expect(
      (await request(server.url, 'POST', `/api/projects/${project.id}/rounds`, { token: t.drafter, body })).status,
    ).toBe(403);
    expect(
      (await request(server.url, 'POST', `/api/projects/${project.id}/rounds`, { token: t.outsider, body })).status,
    ).toBe(404);
    expect(
      (
        await request(server.url, 'POST', `/api/projects/${project.id}/rounds`, {
          token: t.lead,
          body: { deadline: '2026/06/30' },
        })
      ).status,
    ).toBe(400);
    const opened = await request<RoundView>(server.url, 'POST', `/api/projects/${project.id}/rounds`, {
      token: t.lead,
      body,
    });
    expect(opened.status).toBe(201);
    view = opened.body;
    expect(view.round).toMatchObject({
      number: 1,
      title: '第1轮征求意见',
      stageLabel: '征求意见稿',
      closedAt: null,
      deadline: '2026-06-30',
    });
    expect(view.round.handler.name).toBe('陈建华');
    expect(view.round.recipients.map((r) => [r.unitName, r.inGroup, r.reply])).toEqual([
      ['浙江晶盾日用品有限公司', true, 'none'],
      ['浙江永康五金产品质量检验研究院', true, 'none'],
      [OUTSIDE_UNIT, false, 'none'],
      [COMMITTEE, false, 'none'],
      [SILENT_UNIT, false, 'none'],
    ]);
    expect(view.summary).toMatchObject({ sent: 5, replied: 0, repliedWithComments: 0, notReplied: 5, items: 0 });
    expect(view.header).toEqual({
      standardName: project.nameZh,
      leadUnitName: '浙江恒川杯业股份有限公司',
      handlerName: '陈建华',
      handlerPhone: view.round.handler.phone,
    });
    snapshot = await ok<SnapshotView>(server.url, 'GET', `/api/rounds/${view.round.id}/snapshot`, t.expert);
    expect(snapshot.stageLabel).toBe('征求意见稿');
    expect(snapshot.outline.some((o) => o.label === '5.2')).toBe(true);
    const list = await ok<{ id: string }[]>(server.url, 'GET', `/api/projects/${project.id}/rounds`, t.bureau);
    expect(list.map((r) => r.id)).toEqual([view.round.id]);
  });

  it('takes comments online from members of a consulted unit, for their own unit only', async () => {
    const drafterUnit = recipient('浙江晶盾日用品有限公司');
    const online = await request<ItemView>(server.url, 'POST', `/api/rounds/${view.round.id}/items`, {
      token: t.drafter,
      body: {
        recipientId: drafterUnit,
        clauseId: idOf('5.2'),
        commentType: 'technical',
        comment: '材料要求未区分内胆与外壳。',
        proposedChange: '分别规定内胆和外壳的不锈钢牌号。',
      },
    });
    expect(online.status).toBe(201);
    expect(online.body).toMatchObject({
      seq: 1,
      clauseLabel: '5.2',
      source: 'online',
      submitterName: '王晓燕',
      element: 'paragraph',
      decision: null,
      unitName: '浙江晶盾日用品有限公司',
    });
    const testingUnit = recipient('浙江永康五金产品质量检验研究院');
    const byTesting = await request<ItemView>(server.url, 'POST', `/api/rounds/${view.round.id}/items`, {
      token: t.testing,
      body: {
        recipientId: testingUnit,
        clauseLabel: '表1',
        comment: '表1中保温效能的试验时间应为6 h。',
        proposedChange: '将“12 h”改为“6 h”。',
        commentType: 'technical',
      },
    });
    expect(byTesting.status).toBe(201);
    expect(byTesting.body).toMatchObject({ seq: 2, clauseLabel: '表1', element: 'table', source: 'online' });
    expect(byTesting.body.clauseId).toBe(idOf('表1'));
    // Not their unit, not a member of it, or no clause at all.
    const forOther = { recipientId: testingUnit, clauseLabel: '5.1', comment: '冒充其他单位' };
    expect(
      (await request(server.url, 'POST', `/api/rounds/${view.round.id}/items`, { token: t.drafter, body: forOther }))
        .status,
    ).toBe(403);
    expect(
      (await request(server.url, 'POST', `/api/rounds/${view.round.id}/items`, { token: t.bureau, body: forOther }))
        .status,
    ).toBe(403);
    expect(
      (await request(server.url, 'POST', `/api/rounds/${view.round.id}/items`, { token: t.outsider, body: forOther }))
        .status,
    ).toBe(404);
    expect(
      (
        await request(server.url, 'POST', `/api/rounds/${view.round.id}/items`, {
          token: t.drafter,
          body: { recipientId: drafterUnit, comment: '无章条' },
        })
      ).status,
    ).toBe(400);
    expect(
      (
        await request(server.url, 'POST', `/api/rounds/${view.round.id}/items`, {
          token: t.drafter,
          body: { recipientId: drafterUnit, clauseId: 'no-such-clause', comment: 'x' },
        })
      ).status,
    ).toBe(400);
  });

  it('records a letter from an outside unit (lead) and imports a table', async () => {
    const letter = await request<ItemView>(server.url, 'POST', `/api/rounds/${view.round.id}/items`, {
      token: t.lead,
      body: {
        recipientId: recipient(OUTSIDE_UNIT),
        clauseLabel: '6.4',
        comment: '容量偏差的试验方法未规定水温。',
        proposedChange: '增加“用（20±5）℃的水”。',
        submitterName: '赵一鸣',
        receivedDate: '2026-05-10',
        commentType: 'technical',
      },
    });
    expect(letter.status).toBe(201);
    expect(letter.body).toMatchObject({
      seq: 3,
      source: 'letter',
      submitterName: '赵一鸣',
      receivedDate: '2026-05-10',
      clauseId: idOf('6.4'),
    });
    const file = await handMadeTable([
      ['1', '全文', '“保温杯”与“真空保温杯”混用。', '统一为“真空保温杯”。', OUTSIDE_UNIT, '', ''],
      ['2', '5.4.1', '食品安全要求应引用GB 4806.1。', '', OUTSIDE_UNIT, '', ''],
    ]);
    expect((await upload(server.url, `/api/rounds/${view.round.id}/import`, t.drafter, file)).status).toBe(403);
    const imported = await upload<ImportResult>(server.url, `/api/rounds/${view.round.id}/import`, t.lead, file, true);
    expect(imported.status).toBe(200);
    expect(imported.body.imported).toBe(2);
    expect(imported.body.items.map((i) => [i.seq, i.clauseLabel, i.clauseId === null, i.source, i.unitName])).toEqual([
      [4, '全文', true, 'import', OUTSIDE_UNIT],
      [5, '5.4.1', false, 'import', OUTSIDE_UNIT],
    ]);
  });

  it('records "no comments" replies, but not for a unit that sent comments', async () => {
    expect(
      (
        await request(
          server.url,
          'POST',
          `/api/rounds/${view.round.id}/recipients/${recipient(COMMITTEE)}/no-comments`,
          { token: t.drafter },
        )
      ).status,
    ).toBe(403);
    const replied = await request<RoundView>(
      server.url,
      'POST',
      `/api/rounds/${view.round.id}/recipients/${recipient(COMMITTEE)}/no-comments`,
      { token: t.lead },
    );
    expect(replied.status).toBe(200);
    expect(replied.body.round.recipients.find((r) => r.unitName === COMMITTEE)).toMatchObject({ reply: 'no-comments' });
    expect(replied.body.round.recipients.find((r) => r.unitName === OUTSIDE_UNIT)).toMatchObject({
      reply: 'with-comments',
    });
    expect(
      (
        await request(
          server.url,
          'POST',
          `/api/rounds/${view.round.id}/recipients/${recipient('浙江晶盾日用品有限公司')}/no-comments`,
          { token: t.drafter },
        )
      ).status,
    ).toBe(409);
  });

  it('lets members of other units support a comment, never their own unit', async () => {
    await refresh();
    const first = view.items[0]!;
    expect(first.can.support).toBe(true);
    const asDrafter = await ok<RoundView>(server.url, 'GET', `/api/rounds/${view.round.id}`, t.drafter);
    expect(asDrafter.items[0]!.can).toMatchObject({ support: false, edit: true, decide: false, assign: false });
    expect(asDrafter.access.answerForRecipientIds).toEqual([recipient('浙江晶盾日用品有限公司')]);
    const supported = await request<ItemView>(
      server.url,
      'POST',
      `/api/rounds/${view.round.id}/items/${first.id}/support`,
      { token: t.testing },
    );
    expect(supported.status).toBe(200);
    expect(supported.body.supporters).toEqual([
      { userId: userId('testing@example.com'), name: '李振宇', organizationName: '浙江永康五金产品质量检验研究院' },
    ]);
    expect(
      (await request(server.url, 'POST', `/api/rounds/${view.round.id}/items/${first.id}/support`, { token: t.expert }))
        .status,
    ).toBe(200);
    expect(
      (
        await request(server.url, 'POST', `/api/rounds/${view.round.id}/items/${first.id}/support`, {
          token: t.drafter,
        })
      ).status,
    ).toBe(403);
    expect(
      (
        await request(server.url, 'DELETE', `/api/rounds/${view.round.id}/items/${first.id}/support`, {
          token: t.expert,
        })
      ).status,
    ).toBe(204);
    expect((await refresh()).items[0]!.supporters.map((s) => s.name)).toEqual(['李振宇']);
  });

  it('is handled: the lead assigns, the assignee or the lead decides, a reason is required unless accepted', async () => {
    await refresh();
    const drafterId = userId('drafter@example.com');
    const [i1, i2, i3, i4, i5] = view.items as [ItemView, ItemView, ItemView, ItemView, ItemView];
    expect(
      (
        await request(server.url, 'PATCH', `/api/rounds/${view.round.id}/items/${i2.id}`, {
          token: t.drafter,
          body: { assigneeId: drafterId },
        })
      ).status,
    ).toBe(403);
    expect(
      (
        await request(server.url, 'PATCH', `/api/rounds/${view.round.id}/items/${i2.id}`, {
          token: t.lead,
          body: { assigneeId: userId('expert@example.com') },
        })
      ).status,
    ).toBe(400);
    for (const item of [i2, i3]) {
      const assigned = await request<ItemView>(server.url, 'PATCH', `/api/rounds/${view.round.id}/items/${item.id}`, {
        token: t.lead,
        body: { assigneeId: drafterId },
      });
      expect(assigned.body).toMatchObject({ assigneeId: drafterId, assigneeName: '王晓燕' });
    }
    // Not assigned to testing@: refused.
    expect(
      (
        await request(server.url, 'PATCH', `/api/rounds/${view.round.id}/items/${i2.id}`, {
          token: t.testing,
          body: { decision: 'accepted' },
        })
      ).status,
    ).toBe(403);
    // A reason is required for 部分采纳 and 不采纳.
    const noReason = await request<{ issues: { path: string }[] }>(
      server.url,
      'PATCH',
      `/api/rounds/${view.round.id}/items/${i2.id}`,
      { token: t.drafter, body: { decision: 'rejected' } },
    );
    expect(noReason.status).toBe(400);
    expect(noReason.body.issues.map((i) => i.path)).toContain('reason');
    expect(
      (
        await request(server.url, 'PATCH', `/api/rounds/${view.round.id}/items/${i2.id}`, {
          token: t.drafter,
          body: { decision: 'partly-accepted', reason: '  ' },
        })
      ).status,
    ).toBe(400);
    const rejected = await request<ItemView>(server.url, 'PATCH', `/api/rounds/${view.round.id}/items/${i2.id}`, {
      token: t.drafter,
      body: { decision: 'rejected', reason: '12 h 与 GB/T 29606 的分级一致，保持不变。' },
    });
    expect(rejected.status).toBe(200);
    expect(rejected.body).toMatchObject({ decision: 'rejected', reason: '12 h 与 GB/T 29606 的分级一致，保持不变。' });
    // Decided items cannot be edited until reopened.
    expect(
      (
        await request(server.url, 'PATCH', `/api/rounds/${view.round.id}/items/${i2.id}`, {
          token: t.testing,
          body: { comment: '改一下' },
        })
      ).status,
    ).toBe(409);
    expect(
      (
        await request(server.url, 'PATCH', `/api/rounds/${view.round.id}/items/${i3.id}`, {
          token: t.drafter,
          body: { decision: 'accepted', implementedIn: { clauseId: idOf('6.4'), note: '已增加水温' } },
        })
      ).status,
    ).toBe(200);
    expect(
      (
        await request(server.url, 'PATCH', `/api/rounds/${view.round.id}/items/${i1.id}`, {
          token: t.lead,
          body: { decision: 'partly-accepted', reason: '内胆牌号已规定，外壳允许多种牌号。' },
        })
      ).status,
    ).toBe(200);
    expect(
      (
        await request(server.url, 'PATCH', `/api/rounds/${view.round.id}/items/${i4.id}`, {
          token: t.lead,
          body: { decision: 'accepted' },
        })
      ).status,
    ).toBe(200);
    const open = await refresh();
    expect(open.summary).toMatchObject({ items: 5, accepted: 2, partlyAccepted: 1, rejected: 1, open: 1 });
    expect(
      (
        await request(server.url, 'PATCH', `/api/rounds/${view.round.id}/items/${i5.id}`, {
          token: t.lead,
          body: { decision: 'rejected', reason: '已在第2章列出，正文不重复引用。' },
        })
      ).status,
    ).toBe(200);
  });

  it('computes the footer counts from the recipients and items', async () => {
    const done = await refresh();
    expect(done.summary).toEqual({
      sent: 5,
      replied: 4,
      repliedWithComments: 3,
      notReplied: 1,
      items: 5,
      accepted: 2,
      partlyAccepted: 1,
      rejected: 2,
      open: 0,
    });
    await server.services.consultation.stats.idle();
    const stats = await ok<ConsultationStats[]>(
      server.url,
      'GET',
      `/api/projects/${project.id}/consultation-stats`,
      t.bureau,
    );
    expect(stats).toHaveLength(1);
    expect(stats[0]).toMatchObject({ id: view.round.id, summary: done.summary, openItems: [] });
  });

  it('pushes consultation-changed to the project’s live pages', async () => {
    const sub = waitForEvent(
      server.url,
      project.id,
      t.expert,
      (type, data) => type === 'consultation-changed' && (data as { roundId: string }).roundId === view.round.id,
    );
    await sub.ready;
    await ok(server.url, 'PATCH', `/api/rounds/${view.round.id}`, t.lead, { deadline: '2026-07-15' });
    await expect(sub.event).resolves.toEqual({ type: 'consultation-changed', roundId: view.round.id });
  });

  it('closing the round stops new comments and replies, not the handling', async () => {
    const closed = await ok<RoundView>(server.url, 'PATCH', `/api/rounds/${view.round.id}`, t.lead, { closed: true });
    expect(closed.round.closedAt).not.toBeNull();
    expect(
      (
        await request(server.url, 'POST', `/api/rounds/${view.round.id}/items`, {
          token: t.drafter,
          body: { recipientId: recipient('浙江晶盾日用品有限公司'), clauseLabel: '5.1', comment: '迟到的意见' },
        })
      ).status,
    ).toBe(409);
    expect(
      (
        await request(
          server.url,
          'POST',
          `/api/rounds/${view.round.id}/recipients/${recipient(SILENT_UNIT)}/no-comments`,
          { token: t.lead },
        )
      ).status,
    ).toBe(409);
    const item = view.items[0]!;
    expect(
      (
        await request(server.url, 'PATCH', `/api/rounds/${view.round.id}/items/${item.id}`, {
          token: t.lead,
          body: { decision: 'accepted' },
        })
      ).status,
    ).toBe(200);
    const reopened = await ok<RoundView>(server.url, 'PATCH', `/api/rounds/${view.round.id}`, t.lead, {
      closed: false,
    });
    expect(reopened.round.closedAt).toBeNull();
  });

  it('lets the author change or withdraw an undecided comment, and nobody else', async () => {
    const path = `/api/rounds/${view.round.id}/items`;
    const mine = await ok<ItemView>(server.url, 'POST', path, t.drafter, {
      recipientId: recipient('浙江晶盾日用品有限公司'),
      clauseLabel: '5.3',
      comment: '初稿意见',
    });
    expect(mine.can).toMatchObject({ edit: true, remove: true });
    expect(
      (await request(server.url, 'PATCH', `${path}/${mine.id}`, { token: t.testing, body: { comment: '他人篡改' } }))
        .status,
    ).toBe(403);
    expect(
      (await request(server.url, 'PATCH', `${path}/${mine.id}`, { token: t.expert, body: { decision: 'accepted' } }))
        .status,
    ).toBe(403);
    const edited = await ok<ItemView>(server.url, 'PATCH', `${path}/${mine.id}`, t.drafter, {
      comment: '修改后的意见',
      clauseLabel: '5.4',
    });
    expect(edited).toMatchObject({ comment: '修改后的意见', clauseLabel: '5.4', clauseId: idOf('5.4') });
    expect((await request(server.url, 'DELETE', `${path}/${mine.id}`, { token: t.testing })).status).toBe(403);
    expect((await request(server.url, 'DELETE', `${path}/${mine.id}`, { token: t.drafter })).status).toBe(204);
    expect((await request(server.url, 'DELETE', `${path}/${view.items[0]!.id}`, { token: t.lead })).status).toBe(409);
    expect((await refresh()).summary).toMatchObject({ items: 5, open: 0 });
  });
});
