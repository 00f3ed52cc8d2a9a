/**
 * The technical review (技术审评) over real HTTP: the province convenes the project's review experts
 * on the accepted 送审稿; each expert records their own opinion, vote and clause-anchored comments on
 * the frozen text (seeing only their own until the review closes); a crafted or late request is
 * refused and changes nothing; closing computes the 审评结论 — 2 of 4 fails and sends the 送审稿
 * back, 3 of 4 passes and moves the project to 报批 (editing reopens) — in the stage and audit logs;
 * then 报批 (the comments decided, the 审查意见汇总处理表, the 报批稿 gate and submission) and 发布与认定
 * (the standard and registration numbers, the publication versions).
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProjectReviews, PublicationView, RecognitionRow, ReviewView } from '@shared/api/reviews.js';
import type { ProjectDetailResponse, ProjectListItem } from '@shared/api/types.js';
import type { StageLogView } from '@shared/api/workflow.js';
import { computeNumbering } from '@shared/editor/structure/numbering.js';
import type { ProseMirrorJSON } from '@shared/editor/yjsContent.js';
import type { ReviewComment } from '@shared/workflow/reviews.js';
import { periodicReviewDue } from '@shared/workflow/publication.js';
import { reviewConclusion } from '@shared/workflow/reviews.js';
import { demoProject, login, request } from '../helpers/api.js';
import { serverContent } from '../helpers/collab.js';
import { startTestServer } from '../helpers/server.js';
import type { TestServer } from '../helpers/server.js';
import { failingIds, fillStandardNumber, gates, ok } from '../workflow/helpers.js';
import { acceptedReviewDraft, appendToText, getReview, moreExperts, opinion, waitForApprovalItem } from './helpers.js';

describe('the 审评结论: at least three quarters vote 通过 or 修改后通过', () => {
  const votes = (inFavour: number, against: number) => [
    ...Array.from({ length: inFavour }, (_, i) => (i % 2 === 0 ? ('pass' as const) : ('pass-with-changes' as const))),
    ...Array.from({ length: against }, () => 'fail' as const),
  ];
  it.each([
    [3, 4, true],
    [2, 4, false],
    [5, 7, false],
    [6, 8, true],
    [4, 4, true],
  ])('%i of %i → %s', (inFavour, experts, passed) => {
    const conclusion = reviewConclusion(experts, votes(inFavour, experts - inFavour));
    expect(conclusion.passed).toBe(passed);
    expect(conclusion.votes.pass + conclusion.votes['pass-with-changes']).toBe(inFavour);
  });
  it('counts an expert who did not vote against', () => {
    expect(reviewConclusion(4, votes(2, 0)).passed).toBe(false);
    expect(reviewConclusion(0, []).passed).toBe(false);
  });
});

let server: TestServer;
const t = {} as Record<'lead' | 'drafter' | 'bureau' | 'expert' | 'admin' | 'outsider', string>;
let project: ProjectListItem;
let experts: { userId: string; token: string }[];
let review: ReviewView;
let clause: { id: string; label: string };
let secondId: string;
let standardId: string;

const stageOf = () => server.services.metadata.collection('projects').get(project.id)?.stage;
const reviewsPath = () => `/api/projects/${project.id}/reviews`;

beforeAll(async () => {
  server = await startTestServer({ pdf: { command: '/nonexistent/soffice' } });
  for (const who of ['lead', 'drafter', 'bureau', 'expert', 'admin', 'outsider'] as const)
    t[who] = await login(server.url, `${who}@example.com`);
  ({ project, standardId } = await demoProject(server.url, t.lead));
  const expertId = server.services.metadata.collection('users').findOne({ email: 'expert@example.com' })?.id ?? '';
  experts = [{ userId: expertId, token: t.expert }, ...(await moreExperts(server, t.admin, t.lead, project.id, 3))];
});

afterAll(async () => {
  await server.dispose();
});

describe('opening a review', () => {
  it('is refused before a 送审稿 is accepted', async () => {
    const body = { meetingDate: '2026-07-01', expertIds: experts.map((e) => e.userId) };
    expect((await request(server.url, 'POST', reviewsPath(), { token: t.admin, body })).status).toBe(409);
    const list = await ok<ProjectReviews>(server, t.admin, 'GET', reviewsPath());
    expect(list).toMatchObject({ reviews: [], mayOpen: false });
    expect(list.candidates.map((c) => c.userId).sort()).toEqual(experts.map((e) => e.userId).sort());
  });

  it('only the province opens it, with the project’s review experts; bad input changes nothing', async () => {
    await acceptedReviewDraft(server, project.id, 'lead@example.com');
    expect(stageOf()).toBe('technical-review');
    const body = { meetingDate: '2026-07-01', expertIds: experts.map((e) => e.userId) };
    for (const who of ['lead', 'bureau', 'expert'] as const)
      expect((await request(server.url, 'POST', reviewsPath(), { token: t[who], body })).status, who).toBe(403);
    expect((await request(server.url, 'POST', reviewsPath(), { token: t.outsider, body })).status).toBe(404);
    const drafterId = server.services.metadata.collection('users').findOne({ email: 'drafter@example.com' })?.id;
    for (const bad of [
      { ...body, expertIds: [...body.expertIds, drafterId] },
      { ...body, meetingDate: '2026-02-30' },
      { ...body, expertIds: [] },
      { ...body, expertIds: [experts[0]?.userId, experts[0]?.userId] },
    ])
      expect((await request(server.url, 'POST', reviewsPath(), { token: t.admin, body: bad })).status).toBe(400);
    expect(server.services.metadata.collection('technicalReviews').findMany({ projectId: project.id })).toHaveLength(0);
    expect((await ok<ProjectReviews>(server, t.admin, 'GET', reviewsPath())).mayOpen).toBe(true);

    review = await ok<ReviewView>(server, t.admin, 'POST', reviewsPath(), body);
    expect(review).toMatchObject({ number: 1, stageLabel: '送审稿', closedAt: null, meetingDate: '2026-07-01' });
    expect(review.documents.map((d) => d.kind).sort()).toEqual(['application-report', 'explanation', 'standard']);
    expect(review.conclusion).toMatchObject({ experts: 4, voted: 0, passed: false });
    expect((await request(server.url, 'POST', reviewsPath(), { token: t.admin, body })).status).toBe(409);
  });
});

describe('the experts’ opinions, votes and comments', () => {
  it('an expert writes a comment anchored to a clause of the frozen 送审稿', async () => {
    const standard = review.documents.find((d) => d.kind === 'standard');
    const frozen = await ok<{ content: ProseMirrorJSON }>(
      server,
      t.expert,
      'GET',
      `/api/documents/${standard?.documentId}/versions/${standard?.versionId}`,
    );
    const entry = computeNumbering(frozen.content).outline.find((o) => o.id && /^\d+\.\d+$/.test(o.label));
    if (!entry) throw new Error('no clause in the frozen text');
    clause = { id: entry.id, label: entry.label };
    const comment = await ok<ReviewComment>(server, t.expert, 'POST', `/api/reviews/${review.id}/comments`, {
      clauseId: clause.id,
      comment: '试验方法应注明环境温度',
      proposedChange: '增加“试验环境温度23℃±2℃”',
    });
    expect(comment).toMatchObject({ seq: 1, clauseLabel: clause.label, decision: null });
    const crafted = await request(server.url, 'POST', `/api/reviews/${review.id}/comments`, {
      token: t.expert,
      body: { clauseId: 'no-such-clause', comment: '意见' },
    });
    expect(crafted.status).toBe(400);
    // Nobody but an invited expert comments.
    for (const who of ['lead', 'admin', 'bureau'] as const)
      expect(
        (
          await request(server.url, 'POST', `/api/reviews/${review.id}/comments`, {
            token: t[who],
            body: { clauseLabel: '全文', comment: '意见' },
          })
        ).status,
      ).toBe(403);
    expect(server.services.metadata.collection('reviewComments').findMany({ reviewId: review.id })).toHaveLength(1);
  });

  it('each expert votes once for themselves, changeable; nobody else votes', async () => {
    const [e1, e2] = experts;
    await ok(server, e1?.token ?? '', 'PUT', `/api/reviews/${review.id}/opinion`, opinion('fail', 'nonconforming'));
    const changed = await ok<ReviewView>(
      server,
      e1?.token ?? '',
      'PUT',
      `/api/reviews/${review.id}/opinion`,
      opinion('pass'),
    );
    expect(changed.myOpinion).toMatchObject({ vote: 'pass', dimensions: { compliance: { rating: 'conforms' } } });
    expect(changed.conclusion).toMatchObject({ voted: 1, votes: { pass: 1, fail: 0 } });
    for (const who of ['lead', 'admin', 'drafter'] as const)
      expect(
        (
          await request(server.url, 'PUT', `/api/reviews/${review.id}/opinion`, {
            token: t[who],
            body: opinion('pass'),
          })
        ).status,
        who,
      ).toBe(403);
    expect(
      (
        await request(server.url, 'PUT', `/api/reviews/${review.id}/opinion`, {
          token: t.outsider,
          body: opinion('pass'),
        })
      ).status,
    ).toBe(404);
    // A crafted body (a dimension missing, an expert id smuggled in) is refused.
    const { compliance: _dropped, ...fourDimensions } = opinion('pass').dimensions;
    for (const body of [
      { vote: 'pass', dimensions: fourDimensions },
      { ...opinion('pass'), expertId: e2?.userId },
      { ...opinion('pass'), vote: '弃权' },
    ])
      expect(
        (await request(server.url, 'PUT', `/api/reviews/${review.id}/opinion`, { token: e2?.token, body })).status,
      ).toBe(400);
    expect(server.services.metadata.collection('reviewOpinions').findMany({ reviewId: review.id })).toHaveLength(1);
  });

  it('until it closes an expert sees only their own opinion and comments; the group and bureaus see all', async () => {
    const [, e2] = experts;
    await ok(server, e2?.token ?? '', 'PUT', `/api/reviews/${review.id}/opinion`, opinion('fail'));
    const seenByE2 = await getReview(server, e2?.token ?? '', review.id);
    expect(seenByE2.opinions.map((o) => o.expertId)).toEqual([e2?.userId]);
    expect(seenByE2.comments).toHaveLength(0);
    expect(seenByE2.actions).toMatchObject({ vote: true, close: false });
    const seenByLead = await getReview(server, t.lead, review.id);
    expect(seenByLead.opinions).toHaveLength(2);
    expect(seenByLead.comments).toHaveLength(1);
    expect(seenByLead.actions).toMatchObject({ vote: false, close: false });
    expect((await getReview(server, t.admin, review.id)).actions.close).toBe(true);
    expect((await request(server.url, 'GET', `/api/reviews/${review.id}`, { token: t.outsider })).status).toBe(404);
  });
});

describe('closing', () => {
  it('2 of 4 fails: the 送审稿 goes back to be revised; a late vote is refused', async () => {
    for (const who of ['lead', 'bureau', 'expert'] as const)
      expect((await request(server.url, 'POST', `/api/reviews/${review.id}/close`, { token: t[who] })).status).toBe(
        403,
      );
    const [, , e3] = experts;
    await ok(server, e3?.token ?? '', 'PUT', `/api/reviews/${review.id}/opinion`, opinion('pass-with-changes'));
    const closed = await ok<ReviewView>(server, t.admin, 'POST', `/api/reviews/${review.id}/close`);
    expect(closed.conclusion).toEqual({
      experts: 4,
      voted: 3,
      votes: { pass: 1, 'pass-with-changes': 1, fail: 1 },
      passed: false,
    });
    expect(stageOf()).toBe('review-submission');
    const late = await request(server.url, 'PUT', `/api/reviews/${review.id}/opinion`, {
      token: experts[3]?.token,
      body: opinion('pass'),
    });
    expect(late.status).toBe(409);
    expect((await request(server.url, 'POST', `/api/reviews/${review.id}/close`, { token: t.admin })).status).toBe(409);
    // Closed: every expert sees every opinion and comment.
    const seen = await getReview(server, experts[1]?.token ?? '', review.id);
    expect(seen.opinions).toHaveLength(3);
    expect(seen.comments).toHaveLength(1);
    const detail = await ok<ProjectDetailResponse>(server, t.drafter, 'GET', `/api/projects/${project.id}`);
    expect(detail.project.access).toMatchObject({ canEdit: true });
  });

  it('3 of 4 passes: the project moves to 报批, editing reopens, all in the stage and audit logs', async () => {
    await acceptedReviewDraft(server, project.id, 'lead@example.com');
    const second = await ok<ReviewView>(server, t.admin, 'POST', reviewsPath(), {
      meetingDate: '2026-08-01',
      expertIds: experts.map((e) => e.userId),
    });
    expect(second.number).toBe(2);
    secondId = second.id;
    for (const [i, text] of ['包装标志应增加回收标识', '试验方法6.6的预热时间需明确'].entries())
      await ok(server, experts[i]?.token ?? '', 'POST', `/api/reviews/${second.id}/comments`, {
        clauseLabel: i === 0 ? '8.1' : '6.6',
        comment: text,
      });
    // While it is open an expert cannot take the whole table; the group can.
    expect(
      (await request(server.url, 'GET', `/api/reviews/${second.id}/export.xlsx`, { token: t.expert })).status,
    ).toBe(403);
    const votes = ['pass', 'pass-with-changes', 'pass', 'fail'] as const;
    for (const [i, e] of experts.entries())
      await ok(server, e.token, 'PUT', `/api/reviews/${second.id}/opinion`, opinion(votes[i] ?? 'fail'));
    const closed = await ok<ReviewView>(server, t.admin, 'POST', `/api/reviews/${second.id}/close`);
    expect(closed.conclusion).toMatchObject({ experts: 4, voted: 4, passed: true });
    expect(stageOf()).toBe('approval-submission');
    const detail = await ok<ProjectDetailResponse>(server, t.drafter, 'GET', `/api/projects/${project.id}`);
    expect(detail.project.access).toMatchObject({ canEdit: true, readOnlyReason: null });
    const log = await ok<StageLogView[]>(server, t.lead, 'GET', `/api/projects/${project.id}/stage-log`);
    const moves = log.map((e) => `${e.from}→${e.to}:${e.by}`);
    expect(moves).toContain('technical-review→review-submission:review-failed');
    expect(moves).toContain('technical-review→approval-submission:review-passed');
    expect(log.find((e) => e.by === 'review-passed')?.note).toContain('第2次技术审评通过');
    const actions = server.services.metadata
      .collection('audit')
      .findMany({ projectId: project.id })
      .map((a) => a.action);
    for (const action of ['review.opened', 'review.opinion-recorded', 'review.comment-added', 'review.closed'])
      expect(actions).toContain(action);
    const list = await ok<ProjectReviews>(server, t.expert, 'GET', reviewsPath());
    expect(list.reviews.map((r) => [r.number, r.conclusion.passed, r.invited])).toEqual([
      [1, false, true],
      [2, true, true],
    ]);
    expect(list.mayOpen).toBe(false);
  });
});

describe("报批: the experts' comments decided, the 审查意见汇总处理表, the 报批稿 gate and submission", () => {
  it('the gate lists what the 报批稿 still lacks', async () => {
    const checklist = await gates(server, t.lead, project.id, '报批稿');
    const failing = failingIds(checklist);
    expect(failing).toEqual(expect.arrayContaining(['review-comments-decided', 'explanation-review']));
    expect(failing).not.toContain('review-passed');
    expect(failing).not.toContain('approval-cover');
    const comments = checklist.items.find((i) => i.id === 'review-comments-decided');
    expect(comments?.details.map((d) => d.clauseLabel)).toEqual(['8.1', '6.6']);
    expect(comments?.fix).toEqual({ type: 'review', reviewId: secondId });
  });

  it('the drafting group decides every comment, with a reason where needed; nobody else', async () => {
    const comments = (await getReview(server, t.lead, secondId)).comments;
    const [first, second] = comments;
    const path = (id: string | undefined) => `/api/reviews/${secondId}/comments/${id}`;
    for (const who of ['expert', 'bureau', 'admin'] as const)
      expect(
        (await request(server.url, 'PATCH', path(first?.id), { token: t[who], body: { decision: 'accepted' } })).status,
        who,
      ).toBe(403);
    const noReason = await request(server.url, 'PATCH', path(first?.id), {
      token: t.lead,
      body: { decision: 'rejected' },
    });
    expect(noReason.status).toBe(400);
    expect(
      (
        await request(server.url, 'PATCH', `/api/reviews/${secondId}/comments/rvc_missing`, {
          token: t.lead,
          body: { decision: 'accepted' },
        })
      ).status,
    ).toBe(404);
    expect(server.services.metadata.collection('reviewComments').get(first?.id ?? '')?.decision).toBeNull();
    await ok(server, t.drafter, 'PATCH', path(first?.id), { decision: 'accepted' });
    await ok(server, t.lead, 'PATCH', path(second?.id), {
      decision: 'partly-accepted',
      reason: '预热时间在6.6中写明，其余维持原文',
    });
    await waitForApprovalItem(server, t.lead, project.id, 'review-comments-decided', true);
    expect((await getReview(server, t.expert, secondId)).comments.map((c) => c.decision)).toEqual([
      'accepted',
      'partly-accepted',
    ]);
  });

  it('exports the 审查意见汇总处理表 (.xlsx, .docx, ISO) like the consultation table', async () => {
    const xlsx = await fetch(`${server.url}/api/reviews/${secondId}/export.xlsx?sort=clause`, {
      headers: { authorization: `Bearer ${t.expert}` },
    });
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers.get('content-type')).toContain('spreadsheetml');
    expect(decodeURIComponent(xlsx.headers.get('content-disposition') ?? '')).toContain('审查意见汇总处理表');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await xlsx.arrayBuffer());
    const sheet = workbook.worksheets[0];
    const cells: string[] = [];
    sheet?.eachRow((row) => row.eachCell((cell) => cells.push(String(cell.value ?? ''))));
    expect(cells[0]).toBe('审查意见汇总处理表');
    expect(cells.some((c) => c.includes('（送审稿）'))).toBe(true);
    // Sorted by clause: 6.6 before 8.1; the expert stands as the submitting unit; the decision and reason.
    const seqOf = (text: string) => cells.indexOf(text);
    expect(seqOf('6.6')).toBeLessThan(seqOf('8.1'));
    expect(cells).toContain('部分采纳');
    expect(cells).toContain('预热时间在6.6中写明，其余维持原文');
    expect(cells.some((c) => c.startsWith('徐国平（'))).toBe(true);
    expect(cells.some((c) => c.startsWith('审评结论：通过'))).toBe(true);
    expect(cells.some((c) => c.includes('采纳1条，部分采纳1条，不采纳0条'))).toBe(true);
    for (const path of ['export.docx', 'export-iso.xlsx']) {
      const file = await fetch(`${server.url}/api/reviews/${secondId}/${path}`, {
        headers: { authorization: `Bearer ${t.lead}` },
      });
      expect(file.status).toBe(200);
      expect((await file.arrayBuffer()).byteLength).toBeGreaterThan(1000);
    }
    expect(
      (await request(server.url, 'GET', `/api/reviews/${secondId}/export.xlsx?sort=random`, { token: t.lead })).status,
    ).toBe(400);
  });

  it('once the explanation records the conclusion and the cover is complete, the lead submits the 报批稿 to 发布与认定', async () => {
    const explanationId = project.documents.find((d) => d.kind === 'explanation')?.id ?? '';
    await appendToText(
      server,
      t.lead,
      explanationId,
      '组织技术审评',
      '2026年8月1日召开技术审评会，审评结论：通过（4位专家中3位同意）。',
    );
    await waitForApprovalItem(server, t.lead, project.id, 'explanation-review', true);
    await fillStandardNumber(server, t.lead, standardId);
    const checklist = await waitForApprovalItem(server, t.lead, project.id, 'cover-complete', true);
    expect(failingIds(checklist)).toEqual([]);
    expect(checklist.items.find((i) => i.id === 'approval-cover')?.reason.zh).toContain('专利信息提示');

    expect(
      (
        await request(server.url, 'POST', `/api/projects/${project.id}/submissions`, {
          token: t.lead,
          body: { stageLabel: '送审稿' },
        })
      ).status,
    ).toBe(409);
    const submission = await ok<{ id: string; status: string }>(
      server,
      t.lead,
      'POST',
      `/api/projects/${project.id}/submissions`,
      { stageLabel: '报批稿' },
    );
    expect(submission.status).toBe('local-check');
    const cover = server.services.metadata
      .collection('documentVersions')
      .findMany({ projectId: project.id })
      .filter((v) => v.submissionId === submission.id);
    expect(cover.map((v) => v.name)).toEqual(['报批稿（第1次提交）', '报批稿（第1次提交）', '报批稿（第1次提交）']);
    await ok(server, t.bureau, 'POST', `/api/submissions/${submission.id}/decision`, { decision: 'accept' });
    await ok(server, t.admin, 'POST', `/api/submissions/${submission.id}/decision`, { decision: 'accept' });
    expect(stageOf()).toBe('published');
    // The province's reviews can no longer be opened or decided on a published project.
    expect((await ok<ProjectReviews>(server, t.admin, 'GET', reviewsPath())).mayOpen).toBe(false);
  });
});

describe('发布与认定: the province records the publication and the registration number', () => {
  const path = () => `/api/projects/${project.id}/publication`;
  const body = {
    standardNumber: 'T/ZZB 0123—2026',
    publicationDate: '2026-09-01',
    implementationDate: '2026-10-01',
  };

  it('only the province records it; malformed or duplicate numbers are refused and change nothing', async () => {
    const view = await ok<PublicationView>(server, t.lead, 'GET', path());
    expect(view).toMatchObject({ publication: null, mayRecord: false });
    expect((await ok<PublicationView>(server, t.admin, 'GET', path())).mayRecord).toBe(true);
    for (const who of ['lead', 'bureau', 'expert'] as const)
      expect((await request(server.url, 'PUT', path(), { token: t[who], body })).status, who).toBe(403);
    for (const bad of [
      { ...body, standardNumber: 'T/ZZB 123-2026' },
      { ...body, standardNumber: 'T/ZZB 0123-2026' },
      { ...body, implementationDate: '2026-08-01' },
      { ...body, registrationNumber: 'ZZB X0001-2026' },
      { ...body, registrationNumber: 'ZZB T001-2026' },
    ])
      expect((await request(server.url, 'PUT', path(), { token: t.admin, body: bad })).status).toBe(400);
    // Another standard already has these numbers.
    const other = server.services.metadata
      .collection('projects')
      .findMany()
      .find((p) => p.id !== project.id);
    await server.services.metadata.collection('publications').insert({
      id: other?.id ?? 'other',
      projectId: other?.id ?? 'other',
      standardNumber: 'T/ZZB 0999—2026',
      publicationDate: '2026-01-01',
      implementationDate: '2026-02-01',
      registrationNumber: 'ZZB T0001-2026',
      recordedBy: 'usr',
      recordedAt: '2026-01-01T00:00:00Z',
      documents: [],
    });
    for (const dup of [
      { ...body, standardNumber: 'T/ZZB 0999—2026' },
      { ...body, registrationNumber: 'ZZB T0001-2026' },
    ])
      expect((await request(server.url, 'PUT', path(), { token: t.admin, body: dup })).status).toBe(409);
    expect(server.services.metadata.collection('publications').get(project.id)).toBeUndefined();
    expect(
      server.services.metadata
        .collection('documentVersions')
        .findMany({ projectId: project.id })
        .filter((v) => v.kind === 'publication'),
    ).toHaveLength(0);
  });

  it('records the publication, then the suggested registration number: on the cover, frozen as publication versions', async () => {
    const first = await ok<PublicationView>(server, t.admin, 'PUT', path(), body);
    expect(first.publication).toMatchObject({ ...body, registrationNumber: null });
    const year = new Date().getFullYear();
    expect(first.suggestedRegistrationNumber).toBe(year === 2026 ? 'ZZB T0002-2026' : `ZZB T0001-${year}`);
    const registered = await ok<PublicationView>(server, t.admin, 'PUT', path(), {
      ...body,
      registrationNumber: 'ZZB T0002-2026',
    });
    expect(registered.publication?.registrationNumber).toBe('ZZB T0002-2026');
    const content = await serverContent(server, standardId);
    expect(content).toContain('registrationNumber="ZZB T0002-2026"');
    expect(content).toContain('publicationDate="2026-09-01"');
    const versions = server.services.metadata
      .collection('documentVersions')
      .findMany({ projectId: project.id })
      .filter((v) => v.kind === 'publication');
    expect(versions).toHaveLength(6);
    expect(registered.publication?.documents.map((d) => d.versionId).sort()).toEqual(
      versions
        .filter((v) => v.name === '发布版 T/ZZB 0123—2026（ZZB T0002-2026）')
        .map((v) => v.id)
        .sort(),
    );
    // The texts stay locked for the group.
    const detail = await ok<ProjectDetailResponse>(server, t.drafter, 'GET', `/api/projects/${project.id}`);
    expect(detail.project.access).toMatchObject({ canEdit: false, readOnlyReason: 'published' });
    const actions = server.services.metadata
      .collection('audit')
      .findMany({ projectId: project.id })
      .map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(['publication.recorded', 'publication.updated']));
  });

  it('the recognition list shows every registered standard to every signed-in user, also as .xlsx', async () => {
    const list = await ok<RecognitionRow[]>(server, t.outsider, 'GET', '/api/recognition-list');
    expect(list.map((r) => [r.registrationNumber, r.standardNumber])).toEqual([
      ['ZZB T0001-2026', 'T/ZZB 0999—2026'],
      ['ZZB T0002-2026', 'T/ZZB 0123—2026'],
    ]);
    expect(list[1]).toMatchObject({ nameZh: project.nameZh, publicationDate: '2026-09-01' });
    expect((await request(server.url, 'GET', '/api/recognition-list')).status).toBe(401);
    const file = await fetch(`${server.url}/api/recognition-list.xlsx`, {
      headers: { authorization: `Bearer ${t.outsider}` },
    });
    expect(file.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await file.arrayBuffer());
    const cells: string[] = [];
    workbook.worksheets[0]?.eachRow((row) => row.eachCell((cell) => cells.push(String(cell.value ?? ''))));
    expect(cells).toEqual(expect.arrayContaining(['ZZB T0002-2026', 'T/ZZB 0123—2026', project.nameZh]));
  });
});

describe('复审: keep, revise (a new project with the published texts and the group), abolish', () => {
  const path = () => `/api/projects/${project.id}/periodic-reviews`;

  it('is due three years after publication, or after the last review', () => {
    expect(periodicReviewDue('2022-09-01', null, '2026-01-01')).toBe(true);
    expect(periodicReviewDue('2024-09-01', null, '2026-01-01')).toBe(false);
    expect(periodicReviewDue('2022-01-01', '2025-01-01', '2026-06-01')).toBe(false);
  });

  it('the lead, the bureaus and the province record it; the first moves 发布与认定 → 复审', async () => {
    for (const who of ['expert', 'drafter'] as const)
      expect(
        (await request(server.url, 'POST', path(), { token: t[who], body: { conclusion: 'keep', note: '有效' } }))
          .status,
        who,
      ).toBe(403);
    for (const bad of [{ conclusion: 'keep' }, { conclusion: '作废', note: '原因' }])
      expect((await request(server.url, 'POST', path(), { token: t.lead, body: bad })).status).toBe(400);
    expect(server.services.metadata.collection('periodicReviews').findMany()).toHaveLength(0);
    await ok(server, t.lead, 'POST', path(), { conclusion: 'keep', note: '技术指标仍然先进' });
    expect(stageOf()).toBe('periodic-review');
    const log = await ok<StageLogView[]>(server, t.lead, 'GET', `/api/projects/${project.id}/stage-log`);
    expect(log.at(-1)).toMatchObject({ from: 'published', to: 'periodic-review', by: 'periodic-review' });
    expect(log.at(-1)?.note).toContain('继续有效');
  });

  it('修订 creates the revision project with the published texts as drafts and the drafting group', async () => {
    const review = await ok<{ revisionProjectId: string }>(server, t.bureau, 'POST', path(), {
      conclusion: 'revise',
      note: '相关国家标准已更新',
    });
    const revision = server.services.metadata.collection('projects').get(review.revisionProjectId);
    expect(revision).toMatchObject({ nameZh: project.nameZh, stage: 'drafting' });
    const standard = revision?.documents.find((d) => d.kind === 'standard');
    expect(await serverContent(server, standard?.id ?? '')).toContain('T/ZZB 0123—2026');
    const members = (id: string) =>
      server.services.metadata
        .collection('members')
        .findMany({ projectId: id })
        .map((m) => `${m.userId}/${m.role}/${m.relation}`)
        .sort();
    expect(members(review.revisionProjectId)).toEqual(members(project.id));
    // The drafter edits the revision as before.
    const detail = await ok<ProjectDetailResponse>(
      server,
      t.drafter,
      'GET',
      `/api/projects/${review.revisionProjectId}`,
    );
    expect(detail.project.access).toMatchObject({ canEdit: true });
  });

  it('废止 marks the standard in the recognition list; nothing more is recorded', async () => {
    await ok(server, t.admin, 'POST', path(), { conclusion: 'abolish', note: '产品已淘汰' });
    const list = await ok<RecognitionRow[]>(server, t.outsider, 'GET', '/api/recognition-list');
    expect(list.find((r) => r.projectId === project.id)).toMatchObject({
      abolished: true,
      lastPeriodicReview: 'abolish',
      periodicReviewDue: false,
    });
    expect(
      (await request(server.url, 'POST', path(), { token: t.lead, body: { conclusion: 'keep', note: '有效' } })).status,
    ).toBe(409);
    const view = await ok<PublicationView>(server, t.lead, 'GET', `/api/projects/${project.id}/publication`);
    expect(view.periodicReviews.map((r) => r.conclusion)).toEqual(['keep', 'revise', 'abolish']);
  });
});
