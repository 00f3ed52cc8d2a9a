/**
 * The bureau dashboard and the jurisdiction behind it, per bureau level: a county bureau sees the
 * projects it supervises, a city bureau also those of its counties, the province all; the same
 * projects open for them (as reviewers) and no others. Rows carry what the server keeps.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProjectDetailResponse, ProjectListItem } from '@shared/api/types.js';
import type { DashboardResponse } from '@shared/api/workflow.js';
import type { Submission } from '@shared/workflow/submissions.js';
import { demoProject, login, request } from '../helpers/api.js';
import { waitFor } from '../helpers/collab.js';
import { startTestServer } from '../helpers/server.js';
import type { TestServer } from '../helpers/server.js';
import { bureauStaff, ok, roundWithComments } from './helpers.js';

let server: TestServer;
const t = {} as Record<'lead' | 'bureau' | 'admin' | 'outsider' | 'drafter', string>;
let demo: ProjectListItem;
let standardId: string;
let yiwuProject: ProjectListItem;
let unsupervised: ProjectListItem;
const staff = {} as Record<'yiwu' | 'jinhua' | 'hangzhou', string>;

const dashboard = (token: string) => ok<DashboardResponse>(server, token, 'GET', '/api/dashboard');
const names = (d: DashboardResponse) => d.rows.map((r) => r.nameZh).sort();

beforeAll(async () => {
  server = await startTestServer({ pdf: { command: '/nonexistent/soffice' } });
  for (const who of ['lead', 'bureau', 'admin', 'outsider', 'drafter'] as const)
    t[who] = await login(server.url, `${who}@example.com`);
  ({ project: demo, standardId } = await demoProject(server.url, t.lead));
  const yiwu = await bureauStaff(server, t.admin, '义乌市市场监督管理局', '330782', 'county');
  staff.yiwu = yiwu.token;
  staff.jinhua = (await bureauStaff(server, t.admin, '金华市市场监督管理局', '330700', 'city')).token;
  staff.hangzhou = (await bureauStaff(server, t.admin, '杭州市市场监督管理局', '330100', 'city')).token;
  const create = (nameZh: string, supervisingBureauIds: string[]) =>
    ok<ProjectListItem>(server, t.lead, 'POST', '/api/projects', {
      nameZh,
      standardType: 'product',
      publicationCategory: 'T',
      startDate: '2026-03-01',
      supervisingBureauIds,
    });
  yiwuProject = await create('不锈钢保温饭盒', [yiwu.organizationId]);
  unsupervised = await create('不锈钢咖啡壶', []);
});

afterAll(async () => {
  await server.dispose();
});

describe('jurisdiction by bureau level', () => {
  it('a county sees its projects, a city its counties’, the province all', async () => {
    const county = await dashboard(t.bureau);
    expect(county.jurisdiction).toMatchObject({ bureauName: '永康市市场监督管理局', level: 'county', area: '330784' });
    expect(names(county)).toEqual(['不锈钢真空焖烧罐', '轻量化不锈钢真空保温杯']);
    expect(names(await dashboard(staff.yiwu))).toEqual(['不锈钢保温饭盒']);
    const city = await dashboard(staff.jinhua);
    expect(city.jurisdiction).toMatchObject({ level: 'city', area: '3307' });
    expect(names(city)).toEqual(['不锈钢保温饭盒', '不锈钢真空焖烧罐', '轻量化不锈钢真空保温杯']);
    expect(names(await dashboard(staff.hangzhou))).toEqual([]);
    const province = await dashboard(t.admin);
    expect(province.jurisdiction).toMatchObject({ bureauName: '浙江省市场监督管理局', level: 'province', area: '33' });
    expect(names(province)).toHaveLength(4);
    expect(province.stageCounts.drafting).toBe(4);
  });

  it('the projects of a jurisdiction open for its staff as reviewers, others get 404', async () => {
    const open = async (token: string, project: ProjectListItem) =>
      request<ProjectDetailResponse>(server.url, 'GET', `/api/projects/${project.id}`, { token });
    const city = await open(staff.jinhua, yiwuProject);
    expect(city.status).toBe(200);
    expect(city.body.project.access).toMatchObject({ role: 'reviewer', canEdit: false, readOnlyReason: 'reviewer' });
    expect((await open(staff.hangzhou, yiwuProject)).status).toBe(404);
    expect((await open(t.bureau, yiwuProject)).status).toBe(404);
    expect((await open(staff.yiwu, demo)).status).toBe(404);
    expect((await open(t.admin, unsupervised)).body.project.access.role).toBe('reviewer');
    // Staff following a project record nothing they do not supervise: the city only reads.
    const check = await request(server.url, 'POST', `/api/projects/${yiwuProject.id}/production-checks`, {
      token: staff.jinhua,
      body: { date: '2026-05-01', site: '义乌', products: ['饭盒'], result: 'passed' },
    });
    expect(check.status).toBe(403);
  });

  it('is for bureau staff (and administrators) only', async () => {
    expect((await request(server.url, 'GET', '/api/dashboard', { token: t.lead })).status).toBe(403);
    expect((await request(server.url, 'GET', '/api/dashboard', { token: t.outsider })).status).toBe(403);
    expect((await request(server.url, 'GET', '/api/dashboard')).status).toBe(401);
  });
});

describe('rows and the waiting list', () => {
  it('shows days left, checker counts, open consultation items, late rounds and submissions', async () => {
    await roundWithComments(
      server,
      t.lead,
      demo.id,
      ['浙江省日用金属制品标准化技术委员会'],
      ['杭州某某日用品有限公司'],
    );
    await server.services.consultation.stats.idle();
    // A submission of the demo project waits for the county (recorded as the submission step does).
    const submission: Submission = {
      id: 'sub_dashboard',
      projectId: demo.id,
      stageLabel: '送审稿',
      number: 1,
      fromStage: 'consultation',
      status: 'local-check',
      documents: [],
      checklist: { target: '送审稿', passed: true, items: [], computedAt: new Date().toISOString() },
      submittedBy: server.services.metadata.collection('users').findOne({ email: 'lead@example.com' })!.id,
      submittedAt: new Date().toISOString(),
      decisions: [],
      package: { status: 'failed', error: 'not built in this test' },
    };
    await server.services.metadata.collection('submissions').insert(submission);
    // The round's freeze loaded the standard text, which the checker checked: its stored counts show.
    const checks = server.services.metadata.collection('documentChecks');
    await waitFor(() => checks.get(standardId) !== undefined, 'the standard text checked');

    const county = await dashboard(t.bureau);
    const row = county.rows.find((r) => r.projectId === demo.id);
    expect(row).toMatchObject({
      stage: 'consultation',
      leadOrganizationName: '浙江恒川杯业股份有限公司',
      dueDate: '2026-07-15',
      openConsultationItems: 1,
      submission: { number: 1, status: 'local-check', stageLabel: '送审稿' },
      textLock: 'submission-pending',
    });
    expect(row?.checker).toMatchObject({
      errors: checks.get(standardId)?.errors,
      warnings: checks.get(standardId)?.warnings,
    });
    expect(row?.due.daysLeft).toBe(
      Math.round((Date.parse('2026-07-15') - Date.parse(county.today)) / (24 * 3600 * 1000)),
    );
    expect(row?.due.overdue).toBe(county.today > '2026-07-15');
    // The round's deadline (2026-06-30) passed without a reply from one unit: flagged when today is later.
    expect(row?.lateRounds).toBe(county.today > '2026-06-30' ? 1 : 0);
    // Entered 征求意见 when the round was opened (after the project was created).
    expect((row?.stageSince ?? '') > demo.createdAt).toBe(true);
    expect(county.waiting.map((w) => [w.submissionId, w.level])).toEqual([['sub_dashboard', 'local']]);
    // The province acts only after the county: nothing waits for it yet; the city never acts.
    expect((await dashboard(t.admin)).waiting).toEqual([]);
    expect((await dashboard(staff.jinhua)).waiting).toEqual([]);
  });
});
