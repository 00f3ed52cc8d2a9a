/**
 * The stage workflow end to end over real HTTP and real websockets: 起草 → 征求意见 (the first round)
 * → 送审 (the lead submits once the gate passes) → returned by the county bureau with a reason on a
 * clause → resubmitted → forwarded by the county → accepted by the province into 技术审评; the
 * checklist failing and passing for its reasons; edits refused on the socket while the submission is
 * under check and accepted again after the return; crafted requests refused with nothing changed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { encodeAnchor } from '@shared/comments/anchors.js';
import type { ApiError, ProjectDetailResponse, ProjectListItem } from '@shared/api/types.js';
import type { ProductionCheckView, StageLogView, SubmissionView, WorkflowStatus } from '@shared/api/workflow.js';
import type { DocumentVersion } from '@shared/domain/versions.js';
import { computeNumbering } from '@shared/editor/structure/numbering.js';
import type { ProseMirrorJSON } from '@shared/editor/yjsContent.js';
import { demoProject, login, request } from '../helpers/api.js';
import { appendParagraph, connectSynced, presenceProbe, serverContent, waitFor } from '../helpers/collab.js';
import type { Client } from '../helpers/collab.js';
import { startTestServer } from '../helpers/server.js';
import type { TestServer } from '../helpers/server.js';
import {
  ZZB_NUMBER,
  bureauStaff,
  failingIds,
  fillStandardNumber,
  gates,
  ok,
  roundWithComments,
  someIndicatorCell,
  waitForItem,
} from './helpers.js';

let server: TestServer;
const t = {} as Record<'lead' | 'drafter' | 'bureau' | 'expert' | 'admin' | 'outsider', string>;
let project: ProjectListItem;
let standardId: string;
let otherCounty: string;
let jinhuaCity: string;
const clients: Client[] = [];

const submissionsOf = () => server.services.metadata.collection('submissions').findMany({ projectId: project.id });
const stageOf = () => server.services.metadata.collection('projects').get(project.id)?.stage;
const submissionVersions = () =>
  server.services.metadata
    .collection('documentVersions')
    .findMany({ projectId: project.id })
    .filter((v) => v.kind === 'submission');

function closeCodes(client: Client): number[] {
  const codes: number[] = [];
  client.provider.on('connection-close', (event) => codes.push(event?.code ?? 0));
  return codes;
}

beforeAll(async () => {
  // No LibreOffice for the packages: the PDF copies are reported missing at once.
  server = await startTestServer({ pdf: { command: '/nonexistent/soffice' } });
  for (const who of ['lead', 'drafter', 'bureau', 'expert', 'admin', 'outsider'] as const)
    t[who] = await login(server.url, `${who}@example.com`);
  ({ project, standardId } = await demoProject(server.url, t.lead));
  // 义乌 (another county of Jinhua) and the Jinhua city bureau, whose county Yongkang supervises the demo.
  otherCounty = (await bureauStaff(server, t.admin, '义乌市市场监督管理局', '330782', 'county')).token;
  jinhuaCity = (await bureauStaff(server, t.admin, '金华市市场监督管理局', '330700', 'city')).token;
});

afterAll(async () => {
  for (const c of clients.splice(0)) c.destroy();
  await server.dispose();
});

describe('before any submission', () => {
  it('refuses the stage as a plan field and every crafted stage move', async () => {
    const patched = await request<ApiError>(server.url, 'PATCH', `/api/projects/${project.id}`, {
      token: t.lead,
      body: { stage: 'published' },
    });
    expect(patched.status).toBe(400);
    expect(patched.body.error).toContain('the stage changes only through the workflow');
    // The province moves a project on only where no action does; the lead never.
    const skip = await request(server.url, 'POST', `/api/projects/${project.id}/stage`, {
      token: t.admin,
      body: { to: 'review-submission', note: '跳过' },
    });
    expect(skip.status).toBe(409);
    const byLead = await request(server.url, 'POST', `/api/projects/${project.id}/stage`, {
      token: t.lead,
      body: { to: 'consultation', note: '自行推进' },
    });
    expect(byLead.status).toBe(403);
    // Nothing to submit while drafting.
    const early = await request(server.url, 'POST', `/api/projects/${project.id}/submissions`, {
      token: t.lead,
      body: { stageLabel: '送审稿' },
    });
    expect(early.status).toBe(409);
    expect(stageOf()).toBe('drafting');
    expect(submissionsOf()).toEqual([]);
  });

  it('lists what the 送审稿 still lacks', async () => {
    const checklist = await gates(server, t.drafter, project.id);
    expect(checklist.passed).toBe(false);
    expect(failingIds(checklist)).toEqual(['cover-complete', 'consultation-closed', 'production-check']);
    const cover = checklist.items.find((i) => i.id === 'cover-complete');
    expect(cover?.details.map((d) => d.text.zh)).toEqual(['“标准编号”未填写。']);
    // The demo texts are complete, linked and the group is composed.
    for (const id of [
      'standard-checker',
      'explanation-complete',
      'report-complete',
      'indicator-linked',
      'drafting-group',
    ])
      expect(checklist.items.find((i) => i.id === id)?.passed).toBe(true);
    expect(
      (await request(server.url, 'GET', `/api/projects/${project.id}/gates?target=终稿`, { token: t.lead })).status,
    ).toBe(400);
    expect(
      (await request(server.url, 'GET', `/api/projects/${project.id}/gates?target=送审稿`, { token: t.outsider }))
        .status,
    ).toBe(404);
  });
});

describe('the path to the 送审稿', () => {
  let roundId = '';
  let itemIds: string[] = [];

  it('opening the first round moves 起草 → 征求意见', async () => {
    ({
      round: {
        round: { id: roundId },
      },
      itemIds,
    } = await roundWithComments(server, t.lead, project.id, [
      '浙江省日用金属制品标准化技术委员会',
      '杭州某某日用品有限公司',
    ]));
    expect(stageOf()).toBe('consultation');
    const log = await ok<StageLogView[]>(server, t.expert, 'GET', `/api/projects/${project.id}/stage-log`);
    expect(log.map((e) => [e.from, e.to, e.by, e.note])).toEqual([
      [null, 'drafting', null, ''],
      ['drafting', 'consultation', 'open-round', '第1轮征求意见'],
    ]);
    expect(log[1]?.actorName).toBe('陈建华');
    const checklist = await gates(server, t.lead, project.id);
    expect(failingIds(checklist)).toEqual([
      'cover-complete',
      'consultation-closed',
      'comments-decided',
      'production-check',
    ]);
    expect(checklist.items.find((i) => i.id === 'comments-decided')?.reason.zh).toBe('2条意见尚未处理，0条缺少理由。');
  });

  it('production checks are recorded by staff of a supervising bureau only; the latest counts', async () => {
    const cellId = await someIndicatorCell(server, t.bureau, standardId);
    const check = {
      date: '2026-05-20',
      site: '永康市经济开发区恒川杯业三号车间',
      products: ['轻量化真空杯 批号 20260518-03'],
      indicators: [cellId],
      result: 'rework',
      remarks: '保温效能抽检两件未达标，需整改后复查。',
    };
    for (const [who, status] of [
      ['drafter', 403],
      ['lead', 403],
      ['expert', 403],
      ['outsider', 404],
    ] as const) {
      const refused = await request(server.url, 'POST', `/api/projects/${project.id}/production-checks`, {
        token: t[who],
        body: check,
      });
      expect(refused.status, who).toBe(status);
    }
    const crafted = await request(server.url, 'POST', `/api/projects/${project.id}/production-checks`, {
      token: t.bureau,
      body: { ...check, indicators: ['no-such-cell'] },
    });
    expect(crafted.status).toBe(400);
    expect(
      (
        await request(server.url, 'POST', `/api/projects/${project.id}/production-checks`, {
          token: t.bureau,
          body: { ...check, remarks: '' },
        })
      ).status,
    ).toBe(400);
    expect(server.services.metadata.collection('productionChecks').findMany()).toEqual([]);

    const rework = await ok<ProductionCheckView>(
      server,
      t.bureau,
      'POST',
      `/api/projects/${project.id}/production-checks`,
      check,
    );
    expect(rework).toMatchObject({ bureauName: '永康市市场监督管理局', result: 'rework' });
    expect(rework.indicators[0]).toMatchObject({ cellId });
    expect(rework.indicators[0]?.place).toMatch(/^表\d/);
    const failing = (await gates(server, t.lead, project.id)).items.find((i) => i.id === 'production-check');
    expect(failing?.reason.zh).toBe('永康市市场监督管理局于2026-05-20把关，结论：需整改。');

    await ok(server, t.bureau, 'POST', `/api/projects/${project.id}/production-checks`, {
      ...check,
      date: '2026-06-03',
      result: 'passed',
      remarks: '复查合格。',
    });
    const list = await ok<ProductionCheckView[]>(
      server,
      t.lead,
      'GET',
      `/api/projects/${project.id}/production-checks`,
    );
    expect(list.map((c) => c.result)).toEqual(['passed', 'rework']);
    await waitForItem(server, t.lead, project.id, 'production-check', true);
  });

  it('refuses the submission with the failing items and changes nothing', async () => {
    const refused = await request<ApiError>(server.url, 'POST', `/api/projects/${project.id}/submissions`, {
      token: t.lead,
      body: { stageLabel: '送审稿' },
    });
    expect(refused.status).toBe(409);
    expect(refused.body.failing?.map((i) => i.id)).toEqual([
      'cover-complete',
      'consultation-closed',
      'comments-decided',
    ]);
    expect(submissionsOf()).toEqual([]);
    expect(submissionVersions()).toEqual([]);
    expect(stageOf()).toBe('consultation');
    // Only the lead submits; a crafted label for another stage is refused.
    expect(
      (
        await request(server.url, 'POST', `/api/projects/${project.id}/submissions`, {
          token: t.drafter,
          body: { stageLabel: '送审稿' },
        })
      ).status,
    ).toBe(403);
    expect(
      (
        await request(server.url, 'POST', `/api/projects/${project.id}/submissions`, {
          token: t.lead,
          body: { stageLabel: '报批稿' },
        })
      ).status,
    ).toBe(409);
  });

  it('passes once the cover is complete, every comment is decided and the round is closed', async () => {
    await fillStandardNumber(server, t.lead, standardId);
    await waitForItem(server, t.lead, project.id, 'cover-complete', true);
    await ok(server, t.lead, 'PATCH', `/api/rounds/${roundId}/items/${itemIds[0]}`, { decision: 'accepted' });
    await ok(server, t.lead, 'PATCH', `/api/rounds/${roundId}/items/${itemIds[1]}`, {
      decision: 'rejected',
      reason: '与GB/T 29606的分级一致，保持不变。',
    });
    await ok(server, t.lead, 'PATCH', `/api/rounds/${roundId}`, { closed: true });
    const checklist = await gates(server, t.drafter, project.id);
    expect(failingIds(checklist)).toEqual([]);
    expect(checklist.passed).toBe(true);
  });
});

describe('submitting and the bureaus’ check', () => {
  let first: SubmissionView;
  let drafterClient: Client;
  let drafterCodes: number[];

  it('two leads submitting at once make one submission', async () => {
    // A second lead of the lead unit.
    const leadOrg = server.services.metadata.collection('users').findOne({ email: 'lead@example.com' })!.organizationId;
    await ok(server, t.admin, 'POST', '/api/users', {
      name: '何志强',
      email: 'lead2@example.com',
      organizationId: leadOrg,
      password: 'demo-password',
    });
    await ok(server, t.lead, 'POST', `/api/projects/${project.id}/invitations`, {
      email: 'lead2@example.com',
      role: 'lead',
      relation: 'lead-unit',
    });
    const lead2 = await login(server.url, 'lead2@example.com');

    drafterClient = await connectSynced(server.url, standardId, t.drafter);
    clients.push(drafterClient);
    drafterCodes = closeCodes(drafterClient);

    const [a, b] = await Promise.all(
      [t.lead, lead2].map((token) =>
        request<SubmissionView | ApiError>(server.url, 'POST', `/api/projects/${project.id}/submissions`, {
          token,
          body: { stageLabel: '送审稿' },
        }),
      ),
    );
    expect([a?.status, b?.status].sort()).toEqual([201, 409]);
    expect(submissionsOf()).toHaveLength(1);
    first = (a?.status === 201 ? a.body : b?.body) as SubmissionView;
    expect(first).toMatchObject({ number: 1, stageLabel: '送审稿', status: 'local-check', waitingFor: 'local' });
    expect(stageOf()).toBe('review-submission');
    // The three texts frozen as versions of this submission.
    const versions = submissionVersions();
    expect(versions).toHaveLength(3);
    expect(versions.every((v) => v.submissionId === first.id && v.name === '送审稿（第1次提交）')).toBe(true);
    expect(first.documents.map((d) => d.kind).sort()).toEqual(['application-report', 'explanation', 'standard']);
    // The cover's stage label was set by the submission; the checklist is kept with it.
    expect(await serverContent(server, standardId)).toContain('stage="送审稿"');
    expect(first.checklist.passed).toBe(true);
  });

  it('locks the texts for everyone while under check: edits refused on the socket, comments still open', async () => {
    await waitFor(() => drafterCodes.includes(4000), 'the drafter’s socket re-authorized');
    await waitFor(() => drafterClient.provider.synced && drafterClient.provider.wsconnected, 'reconnected');
    const detail = await ok<ProjectDetailResponse>(server, t.lead, 'GET', `/api/projects/${project.id}`);
    expect(detail.project.access).toMatchObject({
      canEdit: false,
      canComment: true,
      readOnlyReason: 'submission-pending',
    });

    const observer = await connectSynced(server.url, standardId, t.lead);
    clients.push(observer);
    appendParagraph(drafterClient.doc, '审核期间写入的文字');
    await presenceProbe(drafterClient, observer);
    expect(await serverContent(server, standardId)).not.toContain('审核期间写入的文字');

    // Comments stay open (an anchor into a text the server has not got is simply orphaned).
    const anchorDoc = new Y.Doc();
    const text = new Y.XmlText('审核期间的批注');
    anchorDoc.getXmlFragment('default').insert(0, [text]);
    const thread = await request(server.url, 'POST', `/api/documents/${standardId}/threads`, {
      token: t.expert,
      body: {
        anchorStart: encodeAnchor(Y.createRelativePositionFromTypeIndex(text, 0, 0)),
        anchorEnd: encodeAnchor(Y.createRelativePositionFromTypeIndex(text, 2, -1)),
        quote: '审核',
        clauseId: null,
        body: '审核期间仍可评论。',
        mentions: [],
      },
    });
    expect(thread.status).toBe(201);
    // No new round while the texts are locked.
    const round = await request(server.url, 'POST', `/api/projects/${project.id}/rounds`, {
      token: t.lead,
      body: { deadline: '2026-08-30', recipients: [] },
    });
    expect(round.status).toBe(409);
    const status = await ok<WorkflowStatus>(server, t.lead, 'GET', `/api/projects/${project.id}/workflow`);
    expect(status).toMatchObject({ stage: 'review-submission', textLock: 'submission-pending', nextGate: '送审稿' });
    expect(status.actions.submit).toBeNull();
  });

  it('only staff of the supervising local bureau decide first; everyone else is refused', async () => {
    const body = { decision: 'accept', note: '' };
    const path = `/api/submissions/${first.id}/decision`;
    const statuses: Record<string, number> = {};
    for (const [who, token] of [
      ['lead', t.lead],
      ['drafter', t.drafter],
      ['expert', t.expert],
      ['outsider', t.outsider],
      ['province', t.admin],
      ['义乌', otherCounty],
      ['金华', jinhuaCity],
    ] as const)
      statuses[who] = (await request(server.url, 'POST', path, { token, body })).status;
    expect(statuses).toEqual({
      lead: 403,
      drafter: 403,
      expert: 403,
      outsider: 404,
      province: 403,
      义乌: 404,
      金华: 403,
    });
    expect((await request(server.url, 'GET', `/api/submissions/${first.id}`, { token: otherCounty })).status).toBe(404);
    const seen = await ok<SubmissionView>(server, t.bureau, 'GET', `/api/submissions/${first.id}`);
    expect(seen.mayDecide).toBe(true);
    expect(submissionsOf()[0]?.status).toBe('local-check');
  });

  it('the county returns it with a reason anchored to a clause of the frozen text; editing reopens', async () => {
    const standardVersion = first.documents.find((d) => d.kind === 'standard')!.versionId;
    const frozen = await ok<{ version: DocumentVersion; content: ProseMirrorJSON }>(
      server,
      t.bureau,
      'GET',
      `/api/documents/${standardId}/versions/${standardVersion}`,
    );
    const clause = computeNumbering(frozen.content).outline.find((o) => o.label === '5.2');
    expect(clause).toBeDefined();
    const path = `/api/submissions/${first.id}/decision`;
    // Crafted: a return without reasons, a reason on a clause the text does not have.
    expect(
      (await request(server.url, 'POST', path, { token: t.bureau, body: { decision: 'return', reasons: [] } })).status,
    ).toBe(400);
    expect(
      (
        await request(server.url, 'POST', path, {
          token: t.bureau,
          body: { decision: 'return', reasons: [{ text: '不存在的条款', clauseId: 'nope' }] },
        })
      ).status,
    ).toBe(400);
    expect(submissionsOf()[0]?.status).toBe('local-check');

    const codesBefore = drafterCodes.length;
    const returned = await ok<SubmissionView>(server, t.bureau, 'POST', path, {
      decision: 'return',
      reasons: [
        { text: '5.2 材料要求未给出外壳牌号。', clauseId: clause!.id },
        { text: '编制说明未写明生产验证的批次。' },
      ],
    });
    expect(returned.status).toBe('returned');
    expect(returned.decisions[0]).toMatchObject({
      level: 'local',
      decision: 'return',
      bureauName: '永康市市场监督管理局',
    });
    expect(returned.decisions[0]?.reasons.map((r) => r.clauseLabel)).toEqual(['5.2', null]);
    expect(stageOf()).toBe('review-submission');

    await waitFor(() => drafterCodes.length > codesBefore, 'the drafter’s socket re-authorized again');
    await waitFor(() => drafterClient.provider.synced && drafterClient.provider.wsconnected, 'reconnected');
    appendParagraph(drafterClient.doc, '退回后补充的外壳牌号');
    await waitFor(
      async () => (await serverContent(server, standardId)).includes('退回后补充的外壳牌号'),
      'edit stored',
    );
    // The submitted text is what was frozen: nothing typed while it was under check is in it.
    const submitted = await server.services.versions.content(standardVersion);
    expect(JSON.stringify(submitted.snapshot.json)).not.toContain('审核期间写入的文字');
  });

  it('the resubmission is forwarded by the county and accepted by the province into 技术审评', async () => {
    const second = await ok<SubmissionView>(server, t.lead, 'POST', `/api/projects/${project.id}/submissions`, {
      stageLabel: '送审稿',
    });
    expect(second).toMatchObject({ number: 2, status: 'local-check' });
    expect(stageOf()).toBe('review-submission');
    const path = `/api/submissions/${second.id}/decision`;
    const forwarded = await ok<SubmissionView>(server, t.bureau, 'POST', path, {
      decision: 'accept',
      note: '材料齐全',
    });
    expect(forwarded).toMatchObject({ status: 'province-check', waitingFor: 'province' });
    // The county has done its part; acceptance now belongs to the province.
    expect((await request(server.url, 'POST', path, { token: t.bureau, body: { decision: 'accept' } })).status).toBe(
      403,
    );
    expect(stageOf()).toBe('review-submission');
    const accepted = await ok<SubmissionView>(server, t.admin, 'POST', path, {
      decision: 'accept',
      note: '同意组织审评',
    });
    expect(accepted.status).toBe('accepted');
    expect(accepted.decisions.map((d) => [d.level, d.decision])).toEqual([
      ['local', 'accept'],
      ['province', 'accept'],
    ]);
    expect(stageOf()).toBe('technical-review');
    expect(
      (
        await request(server.url, 'POST', path, {
          token: t.admin,
          body: { decision: 'return', reasons: [{ text: 'x' }] },
        })
      ).status,
    ).toBe(409);

    const detail = await ok<ProjectDetailResponse>(server, t.drafter, 'GET', `/api/projects/${project.id}`);
    expect(detail.project.access).toMatchObject({ canEdit: false, readOnlyReason: 'submission-accepted' });
    const log = await ok<StageLogView[]>(server, t.lead, 'GET', `/api/projects/${project.id}/stage-log`);
    expect(log.map((e) => [e.from, e.to, e.by])).toEqual([
      [null, 'drafting', null],
      ['drafting', 'consultation', 'open-round'],
      ['consultation', 'review-submission', 'submit'],
      ['review-submission', 'technical-review', 'accept'],
    ]);
    expect(log[3]).toMatchObject({ note: '送审稿（第2次提交）受理：同意组织审评', submissionId: second.id });
    const audit = server.services.metadata.collection('audit').findMany({ projectId: project.id });
    expect(audit.filter((a) => a.action === 'stage.moved')).toHaveLength(3);
    expect(audit.filter((a) => a.action.startsWith('submission.')).map((a) => a.action)).toEqual([
      'submission.submitted',
      'submission.returned',
      'submission.submitted',
      'submission.accepted',
      'submission.accepted',
    ]);
    const list = await ok<SubmissionView[]>(server, t.expert, 'GET', `/api/projects/${project.id}/submissions`);
    expect(list.map((s) => [s.number, s.status])).toEqual([
      [2, 'accepted'],
      [1, 'returned'],
    ]);
  });

  it('builds each submission’s package from its frozen texts', async () => {
    await server.services.workflow.packages.idle();
    const [latest] = await ok<SubmissionView[]>(server, t.bureau, 'GET', `/api/projects/${project.id}/submissions`);
    expect(latest?.package.status).toBe('ready');
    if (latest?.package.status !== 'ready') return;
    expect(latest.package.manifest.stageLabel).toBe('送审稿');
    const sources = latest.package.manifest.files.filter((f) => f.source.type === 'document').map((f) => f.source);
    const versionIds = latest.documents.map((d) => d.versionId).sort();
    expect([...new Set(sources.map((s) => (s.type === 'document' ? s.versionId : null)))].sort()).toEqual(versionIds);
    const zip = await fetch(`${server.url}/api/submissions/${latest.id}/package`, {
      headers: { authorization: `Bearer ${t.bureau}` },
    });
    expect(zip.status).toBe(200);
    expect(zip.headers.get('content-type')).toBe('application/zip');
    expect((await zip.arrayBuffer()).byteLength).toBe(latest.package.size);
    expect(ZZB_NUMBER).toBe(latest.package.manifest.plan.standardNumber);
  });

  it('a passed technical review moves 技术审评 → 报批, which reopens editing for the 报批稿', async () => {
    expect(
      (
        await request(server.url, 'POST', `/api/projects/${project.id}/stage`, {
          token: t.admin,
          body: { to: 'published', note: '跳过' },
        })
      ).status,
    ).toBe(409);
    expect(
      (
        await request(server.url, 'POST', `/api/projects/${project.id}/stage`, {
          token: t.bureau,
          body: { to: 'approval-submission', note: '县局推进' },
        })
      ).status,
    ).toBe(403);
    // 技术审评 is left through the review (test/reviews/technicalReview.test.ts), not with a note.
    expect(
      (
        await request(server.url, 'POST', `/api/projects/${project.id}/stage`, {
          token: t.admin,
          body: { to: 'approval-submission', note: '审评会通过' },
        })
      ).status,
    ).toBe(409);
    expect(stageOf()).toBe('technical-review');
    const expertId = server.services.metadata.collection('users').findOne({ email: 'expert@example.com' })?.id;
    const review = await ok<{ id: string }>(server, t.admin, 'POST', `/api/projects/${project.id}/reviews`, {
      meetingDate: '2026-07-01',
      expertIds: [expertId],
    });
    const dimension = { rating: 'conforms', remark: '' };
    await ok(server, t.expert, 'PUT', `/api/reviews/${review.id}/opinion`, {
      dimensions: {
        compliance: dimension,
        necessity: dimension,
        advancement: dimension,
        economy: dimension,
        operability: dimension,
      },
      vote: 'pass',
    });
    await ok(server, t.admin, 'POST', `/api/reviews/${review.id}/close`);
    expect(stageOf()).toBe('approval-submission');
    const detail = await ok<ProjectDetailResponse>(server, t.drafter, 'GET', `/api/projects/${project.id}`);
    expect(detail.project.access).toMatchObject({ canEdit: true, readOnlyReason: null });
    const status = await ok<WorkflowStatus>(server, t.lead, 'GET', `/api/projects/${project.id}/workflow`);
    expect(status).toMatchObject({ nextGate: '报批稿', actions: { submit: '报批稿' } });
  });
});
