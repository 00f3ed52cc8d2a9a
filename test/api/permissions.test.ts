/**
 * The permission matrix: every REST endpoint × every kind of caller, from one table. A route the
 * server has but the table lacks fails the test, so a new endpoint cannot be forgotten.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InviteResponse } from '@shared/api/types.js';
import { withCheckChar } from '@shared/domain/creditCode.js';
import * as Y from 'yjs';
import type { ThreadView } from '@shared/api/comments.js';
import { encodeAnchor } from '@shared/comments/anchors.js';
import { createApi } from '../../server/api/createApi.js';
import { startTestServer } from '../helpers/server.js';
import type { TestServer } from '../helpers/server.js';
import { DEMO_PASSWORD, demoProject, login, request } from '../helpers/api.js';
import { ConsultationFixtures } from '../consultation/fixtures.js';
import { upload } from '../consultation/helpers.js';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Submission } from '@shared/workflow/submissions.js';
import type { TechnicalReview } from '@shared/workflow/reviews.js';
import type { HistoryPage } from '@shared/api/history.js';
import type { PackageJobView } from '@shared/api/submissionPackage.js';
import { appendParagraph, connectSynced, waitFor } from '../helpers/collab.js';
import { instantOffice } from '../helpers/instantOffice.js';

/** `admin` is the demo administrator (provincial bureau staff, a reviewer there); `sysadmin` is an administrator in no project and no bureau. */
const CALLERS = [
  'anonymous',
  'outsider',
  'observer',
  'bureau',
  'expert',
  'drafter',
  'lead',
  'admin',
  'sysadmin',
] as const;
type Caller = (typeof CALLERS)[number];

interface Target {
  path: string;
  body?: unknown;
  /** Use a fresh session (for endpoints that end the session). */
  freshSession?: boolean;
  /** A streaming response (SSE): only the status is read. */
  stream?: boolean;
  /** A raw request body (a file upload), sent instead of `body`. */
  raw?: Uint8Array;
}

interface Row {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** The route as the server declares it. */
  route: string;
  /** Builds the concrete request; may create throwaway records so that each call has its own. */
  target: (caller: Caller) => Promise<Target>;
  expect: Record<Caller, number>;
}

let server: TestServer;
const tokens = {} as Record<Caller, string | null>;
const emails = {} as Record<Caller, string>;
let projectId = '';
let standardId = '';
let leadOrgId = '';
let testingOrgId = '';
let counter = 0;
let consultation: ConsultationFixtures;
let submissionId = '';
/** An open technical review of the demo project and its one expert (the demo expert). */
let reviewId = '';
let reviewExpertId = '';
const reviewCommentId = 'rvc_permissions';
/** A named version of the standard text (to read, diff, export and restore against). */
let versionId = '';
/** An entry of the standard text's change history. */
let historyEntryId = '';
/** Holds the stand-in LibreOffice. */
let scratch = '';

/** The standard text gets one change by the lead (a history entry) and a named version. */
async function versionAndHistory(): Promise<void> {
  const writer = await connectSynced(server.url, standardId, tokens.lead!);
  try {
    appendParagraph(writer.doc, '权限矩阵的修改记录');
    await waitFor(async () => {
      const page = await request<HistoryPage>(server.url, 'GET', `/api/documents/${standardId}/history`, {
        token: tokens.lead,
      });
      historyEntryId = page.body.entries?.[0]?.id ?? '';
      return historyEntryId !== '';
    }, 'a history entry');
  } finally {
    writer.destroy();
  }
  const version = await request<{ id: string }>(server.url, 'POST', `/api/documents/${standardId}/versions`, {
    token: tokens.lead,
    body: { name: '权限矩阵基线' },
  });
  if (version.status !== 201) throw new Error(`version not named: ${version.status}`);
  versionId = version.body.id;
}

/**
 * A submission of the demo project that the county returned (a fixture: the texts are not locked, so
 * the other rows run on an editable project), with its package built by the package export.
 */
async function returnedSubmission(): Promise<string> {
  const lead = server.services.metadata.collection('users').findOne({ email: 'lead@example.com' })!;
  const bureau = server.services.metadata.collection('users').findOne({ email: 'bureau@example.com' })!;
  const built = await server.services.submissionPackage.builder.buildSubmissionPackage({
    projectId,
    stageLabel: '送审稿',
    user: lead,
    pdf: false,
  });
  const id = 'sub_permissions';
  await mkdir(join(server.dataDir, 'submissions'), { recursive: true });
  await writeFile(join(server.dataDir, 'submissions', `${id}.zip`), built.zip);
  const at = new Date().toISOString();
  const submission: Submission = {
    id,
    projectId,
    stageLabel: '送审稿',
    number: 1,
    fromStage: 'consultation',
    status: 'returned',
    documents: [],
    checklist: { target: '送审稿', passed: true, items: [], computedAt: at },
    submittedBy: lead.id,
    submittedAt: at,
    decisions: [
      {
        level: 'local',
        decision: 'return',
        reasons: [{ text: '缺少生产验证记录。', clauseId: null, clauseLabel: null }],
        note: '',
        bureauId: bureau.organizationId,
        decidedBy: bureau.id,
        decidedAt: at,
      },
    ],
    package: { status: 'ready', fileName: built.fileName, size: built.zip.length, manifest: built.manifest },
  };
  await server.services.metadata.collection('submissions').insert(submission);
  return id;
}

const unique = (): number => ++counter;

/** Expected statuses: `ok` for the allowed callers, the given status for the rest. */
function statuses(ok: number, allowed: Caller[], others: Partial<Record<Caller, number>> = {}): Record<Caller, number> {
  const result = {} as Record<Caller, number>;
  for (const caller of CALLERS) result[caller] = allowed.includes(caller) ? ok : (others[caller] ?? 403);
  return result;
}
const everyone: Caller[] = ['anonymous', ...CALLERS.slice(1)];
const signedIn: Caller[] = CALLERS.filter((c) => c !== 'anonymous');
const viewers: Caller[] = ['observer', 'bureau', 'expert', 'drafter', 'lead', 'admin', 'sysadmin'];
const managers: Caller[] = ['lead', 'admin', 'sysadmin'];
const admins: Caller[] = ['admin', 'sysadmin'];
const projectScoped = { anonymous: 401, outsider: 404 };
/** Members with the right to comment (the demo admin works at a supervising bureau: a reviewer). */
const commenters: Caller[] = ['bureau', 'expert', 'drafter', 'lead', 'admin'];

async function adminCall<T>(method: string, path: string, body?: unknown): Promise<T> {
  const result = await request<T>(server.url, method, path, { token: tokens.admin, body });
  if (result.status >= 300)
    throw new Error(`${method} ${path} failed: ${result.status} ${JSON.stringify(result.body)}`);
  return result.body;
}

async function freshUser(): Promise<{ id: string; email: string }> {
  const n = unique();
  const email = `temp${n}@example.com`;
  const user = await adminCall<{ id: string }>('POST', '/api/users', {
    name: `临时用户${n}`,
    email,
    organizationId: testingOrgId,
    password: DEMO_PASSWORD,
  });
  return { id: user.id, email };
}

async function freshMember(): Promise<string> {
  const user = await freshUser();
  await adminCall('POST', `/api/projects/${projectId}/invitations`, {
    email: user.email,
    role: 'observer',
    relation: 'testing-body',
  });
  return user.id;
}

async function freshInvitation(): Promise<{ id: string; token: string }> {
  const result = await adminCall<InviteResponse>('POST', `/api/projects/${projectId}/invitations`, {
    email: `invitee${unique()}@example.com`,
    role: 'drafter',
    relation: 'peer-company',
    organizationId: testingOrgId,
  });
  if (result.kind !== 'invited') throw new Error('expected an invitation');
  return { id: result.invitation.id, token: result.link.split('/invite/')[1]! };
}

function freshCreditCode(): string {
  return withCheckChar(`91330100MA${String(2_000_000 + unique()).padStart(7, '0')}`);
}

/** A comment thread started by `author` (its anchor need not resolve: such a thread is simply orphaned). */
async function freshThread(author: Caller, resolved = false): Promise<ThreadView> {
  const doc = new Y.Doc();
  const text = new Y.XmlText('权限测试引用的文字');
  doc.getXmlFragment('default').insert(0, [text]);
  const result = await request<ThreadView>(server.url, 'POST', `/api/documents/${standardId}/threads`, {
    token: tokens[author],
    body: {
      anchorStart: encodeAnchor(Y.createRelativePositionFromTypeIndex(text, 1, 0)),
      anchorEnd: encodeAnchor(Y.createRelativePositionFromTypeIndex(text, 4, -1)),
      quote: '测试引用',
      clauseId: null,
      body: `权限测试意见${unique()}`,
      mentions: [],
    },
  });
  if (result.status !== 201) throw new Error(`thread not started: ${result.status} ${JSON.stringify(result.body)}`);
  if (resolved) await request(server.url, 'POST', `/api/threads/${result.body.id}/resolve`, { token: tokens[author] });
  return result.body;
}

/** Each owner's finished package job, built once (reading or downloading a job changes nothing). */
const packageJobs = new Map<Caller, Promise<string>>();

/**
 * A finished package job (no PDFs) of the caller's own, or the lead's for callers who cannot start
 * one (jobs are private to who started them).
 */
function packageJobOf(caller: Caller): Promise<string> {
  const owner = viewers.includes(caller) ? caller : 'lead';
  let job = packageJobs.get(owner);
  if (!job) {
    job = startPackageJob(owner);
    packageJobs.set(owner, job);
  }
  return job;
}

async function startPackageJob(owner: Caller): Promise<string> {
  const job = await request<PackageJobView>(server.url, 'POST', `/api/projects/${projectId}/package-jobs`, {
    token: tokens[owner],
    body: { stage: '送审稿', pdf: false },
  });
  if (job.status !== 202) throw new Error(`package job not started: ${job.status} ${JSON.stringify(job.body)}`);
  await server.services.submissionPackage.jobs.idle();
  return job.body.id;
}

const ROWS: Row[] = [
  { method: 'GET', route: '/health', target: async () => ({ path: '/api/health' }), expect: statuses(200, everyone) },
  {
    method: 'POST',
    route: '/auth/login',
    target: async () => ({ path: '/api/auth/login', body: { email: 'drafter@example.com', password: DEMO_PASSWORD } }),
    expect: statuses(200, everyone),
  },
  {
    method: 'POST',
    route: '/auth/logout',
    target: async () => ({ path: '/api/auth/logout', freshSession: true }),
    expect: statuses(204, signedIn, { anonymous: 401 }),
  },
  {
    method: 'GET',
    route: '/auth/me',
    target: async () => ({ path: '/api/auth/me' }),
    expect: statuses(200, signedIn, { anonymous: 401 }),
  },
  {
    method: 'GET',
    route: '/projects',
    target: async () => ({ path: '/api/projects' }),
    expect: statuses(200, signedIn, { anonymous: 401 }),
  },
  {
    method: 'POST',
    route: '/projects',
    target: async () => ({
      path: '/api/projects',
      body: {
        nameZh: `权限测试项目${unique()}`,
        standardType: 'product',
        publicationCategory: 'T',
        startDate: '2026-03-01',
        leadOrganizationId: leadOrgId,
      },
    }),
    expect: statuses(201, managers, { anonymous: 401 }),
  },
  {
    method: 'GET',
    route: '/projects/:id',
    target: async () => ({ path: `/api/projects/${projectId}` }),
    expect: statuses(200, viewers, projectScoped),
  },
  {
    method: 'PATCH',
    route: '/projects/:id',
    target: async () => ({ path: `/api/projects/${projectId}`, body: { planBatch: `2026年第${unique()}批` } }),
    expect: statuses(200, managers, projectScoped),
  },
  {
    method: 'GET',
    route: '/projects/:id/audit',
    target: async () => ({ path: `/api/projects/${projectId}/audit` }),
    expect: statuses(200, ['bureau', 'expert', 'lead', ...admins], projectScoped),
  },
  {
    method: 'GET',
    route: '/projects/:id/members',
    target: async () => ({ path: `/api/projects/${projectId}/members` }),
    expect: statuses(200, viewers, projectScoped),
  },
  {
    method: 'PATCH',
    route: '/projects/:id/members/:userId',
    target: async () => ({
      path: `/api/projects/${projectId}/members/${await freshMember()}`,
      body: { role: 'drafter' },
    }),
    expect: statuses(200, managers, projectScoped),
  },
  {
    method: 'DELETE',
    route: '/projects/:id/members/:userId',
    target: async () => ({ path: `/api/projects/${projectId}/members/${await freshMember()}` }),
    expect: statuses(204, managers, projectScoped),
  },
  {
    method: 'GET',
    route: '/projects/:id/invitations',
    target: async () => ({ path: `/api/projects/${projectId}/invitations` }),
    expect: statuses(200, managers, projectScoped),
  },
  {
    method: 'POST',
    route: '/projects/:id/invitations',
    target: async () => ({
      path: `/api/projects/${projectId}/invitations`,
      body: {
        email: `new${unique()}@example.com`,
        role: 'drafter',
        relation: 'peer-company',
        organizationId: testingOrgId,
      },
    }),
    expect: statuses(201, managers, projectScoped),
  },
  {
    method: 'DELETE',
    route: '/projects/:id/invitations/:invitationId',
    target: async () => ({ path: `/api/projects/${projectId}/invitations/${(await freshInvitation()).id}` }),
    expect: statuses(204, managers, projectScoped),
  },
  {
    method: 'GET',
    route: '/projects/:id/events',
    target: async () => ({ path: `/api/projects/${projectId}/events`, stream: true }),
    expect: statuses(200, viewers, projectScoped),
  },
  {
    method: 'GET',
    route: '/documents/:id',
    target: async () => ({ path: `/api/documents/${standardId}` }),
    expect: statuses(200, viewers, { anonymous: 401, outsider: 404 }),
  },
  {
    method: 'GET',
    route: '/documents/:id/content',
    target: async () => ({ path: `/api/documents/${standardId}/content` }),
    expect: statuses(200, viewers, { anonymous: 401, outsider: 404 }),
  },
  {
    method: 'GET',
    route: '/documents/:id/check',
    target: async () => ({ path: `/api/documents/${standardId}/check` }),
    expect: statuses(200, viewers, { anonymous: 401, outsider: 404 }),
  },
  {
    method: 'GET',
    route: '/invitations/:token',
    target: async () => ({ path: `/api/invitations/${(await freshInvitation()).token}` }),
    expect: statuses(200, everyone),
  },
  {
    method: 'POST',
    route: '/invitations/:token/accept',
    target: async () => ({
      path: `/api/invitations/${(await freshInvitation()).token}/accept`,
      body: { name: '新成员', password: 'a-long-password' },
    }),
    expect: statuses(200, everyone),
  },
  {
    method: 'GET',
    route: '/organizations',
    target: async () => ({ path: '/api/organizations' }),
    expect: statuses(200, signedIn, { anonymous: 401 }),
  },
  {
    method: 'POST',
    route: '/organizations',
    target: async () => ({
      path: '/api/organizations',
      body: { name: `测试单位${unique()}`, creditCode: freshCreditCode(), kind: 'enterprise' },
    }),
    expect: statuses(201, admins, { anonymous: 401 }),
  },
  {
    method: 'PATCH',
    route: '/organizations/:id',
    target: async () => {
      const org = await adminCall<{ id: string }>('POST', '/api/organizations', {
        name: `待改单位${unique()}`,
        creditCode: freshCreditCode(),
        kind: 'enterprise',
      });
      return {
        path: `/api/organizations/${org.id}`,
        body: { name: `已改单位${unique()}`, creditCode: freshCreditCode(), kind: 'enterprise' },
      };
    },
    expect: statuses(200, admins, { anonymous: 401 }),
  },
  {
    method: 'GET',
    route: '/users',
    target: async () => ({ path: '/api/users' }),
    expect: statuses(200, admins, { anonymous: 401 }),
  },
  {
    method: 'POST',
    route: '/users',
    target: async () => ({
      path: '/api/users',
      body: {
        name: '新用户',
        email: `user${unique()}@example.com`,
        organizationId: testingOrgId,
        password: 'a-long-password',
      },
    }),
    expect: statuses(201, admins, { anonymous: 401 }),
  },
  {
    method: 'PATCH',
    route: '/users/:id',
    target: async () => ({ path: `/api/users/${(await freshUser()).id}`, body: { phone: '0571-88880000' } }),
    expect: statuses(200, admins, { anonymous: 401 }),
  },
  // Consultation rounds (征求意见). "download" rows only read the status (stream: true).
  {
    method: 'GET',
    route: '/projects/:id/rounds',
    target: async () => ({ path: `/api/projects/${projectId}/rounds` }),
    expect: statuses(200, viewers, projectScoped),
  },
  {
    method: 'POST',
    route: '/projects/:id/rounds',
    target: async () => ({ path: `/api/projects/${projectId}/rounds`, body: { deadline: '2026-06-30' } }),
    expect: statuses(201, managers, projectScoped),
  },
  {
    method: 'GET',
    route: '/projects/:id/consultation-stats',
    target: async () => ({ path: `/api/projects/${projectId}/consultation-stats` }),
    expect: statuses(200, viewers, projectScoped),
  },
  {
    method: 'GET',
    route: '/rounds/:id',
    target: async () => ({ path: `/api/rounds/${consultation.roundId}` }),
    expect: statuses(200, viewers, projectScoped),
  },
  {
    method: 'GET',
    route: '/rounds/:id/snapshot',
    target: async () => ({ path: `/api/rounds/${consultation.roundId}/snapshot` }),
    expect: statuses(200, viewers, projectScoped),
  },
  {
    method: 'PATCH',
    route: '/rounds/:id',
    target: async () => ({ path: `/api/rounds/${consultation.roundId}`, body: { deadline: '2026-07-31' } }),
    expect: statuses(200, managers, projectScoped),
  },
  {
    method: 'POST',
    route: '/rounds/:id/recipients',
    target: async () => ({
      path: `/api/rounds/${consultation.roundId}/recipients`,
      body: { unitName: `权限新增单位${unique()}` },
    }),
    expect: statuses(201, managers, projectScoped),
  },
  {
    method: 'PATCH',
    route: '/rounds/:id/recipients/:recipientId',
    target: async () => ({
      path: `/api/rounds/${consultation.roundId}/recipients/${await consultation.freshRecipient()}`,
      body: { contact: '新联系人' },
    }),
    expect: statuses(200, managers, projectScoped),
  },
  {
    method: 'DELETE',
    route: '/rounds/:id/recipients/:recipientId',
    target: async () => ({
      path: `/api/rounds/${consultation.roundId}/recipients/${await consultation.freshRecipient()}`,
    }),
    expect: statuses(204, managers, projectScoped),
  },
  {
    method: 'POST',
    route: '/rounds/:id/recipients/:recipientId/no-comments',
    target: async () => ({
      path: `/api/rounds/${consultation.roundId}/recipients/${await consultation.freshRecipient()}/no-comments`,
    }),
    expect: statuses(200, ['drafter', ...managers], projectScoped),
  },
  {
    method: 'POST',
    route: '/rounds/:id/items',
    target: async () => ({
      path: `/api/rounds/${consultation.roundId}/items`,
      body: { recipientId: consultation.drafterUnitId, clauseLabel: '5.2', comment: `矩阵意见${unique()}` },
    }),
    expect: statuses(201, ['drafter', ...managers], projectScoped),
  },
  {
    method: 'PATCH',
    route: '/rounds/:id/items/:itemId',
    target: async () => ({
      path: `/api/rounds/${consultation.roundId}/items/${await consultation.freshItem()}`,
      body: { commentType: 'technical' },
    }),
    expect: statuses(200, managers, projectScoped),
  },
  {
    method: 'DELETE',
    route: '/rounds/:id/items/:itemId',
    target: async () => ({ path: `/api/rounds/${consultation.roundId}/items/${await consultation.freshItem()}` }),
    expect: statuses(204, managers, projectScoped),
  },
  {
    method: 'POST',
    route: '/rounds/:id/items/:itemId/support',
    target: async () => ({
      path: `/api/rounds/${consultation.roundId}/items/${await consultation.freshItem()}/support`,
    }),
    expect: statuses(200, commenters, projectScoped),
  },
  {
    method: 'DELETE',
    route: '/rounds/:id/items/:itemId/support',
    target: async () => ({
      path: `/api/rounds/${consultation.roundId}/items/${await consultation.freshItem()}/support`,
    }),
    expect: statuses(204, commenters, projectScoped),
  },
  {
    method: 'POST',
    route: '/rounds/:id/import',
    target: async () => ({ path: `/api/rounds/${consultation.roundId}/import`, raw: await consultation.importFile() }),
    expect: statuses(200, managers, projectScoped),
  },
  {
    method: 'GET',
    route: '/rounds/:id/export.xlsx',
    target: async () => ({ path: `/api/rounds/${consultation.roundId}/export.xlsx`, stream: true }),
    expect: statuses(200, viewers, projectScoped),
  },
  {
    method: 'GET',
    route: '/rounds/:id/export.docx',
    target: async () => ({ path: `/api/rounds/${consultation.roundId}/export.docx`, stream: true }),
    expect: statuses(200, viewers, projectScoped),
  },
  {
    method: 'GET',
    route: '/rounds/:id/export-iso.xlsx',
    target: async () => ({ path: `/api/rounds/${consultation.roundId}/export-iso.xlsx`, stream: true }),
    expect: statuses(200, viewers, projectScoped),
  },
  {
    method: 'GET',
    route: '/consultations',
    target: async () => ({ path: '/api/consultations' }),
    expect: statuses(200, signedIn, { anonymous: 401 }),
  },
  {
    method: 'POST',
    route: '/rounds/:id/recipients/:recipientId/invitations',
    target: async () => ({
      path: `/api/rounds/${consultation.roundId}/recipients/${consultation.drafterUnitId}/invitations`,
      body: { email: `matrix-contact${unique()}@example.com` },
    }),
    expect: statuses(201, managers, projectScoped),
  },
  {
    method: 'GET',
    route: '/round-invitations/:token',
    target: async () => ({ path: `/api/round-invitations/${await consultation.freshRoundInvitation()}` }),
    expect: statuses(200, everyone),
  },
  {
    method: 'POST',
    route: '/round-invitations/:token/accept',
    target: async () => ({
      path: `/api/round-invitations/${await consultation.freshRoundInvitation()}/accept`,
      body: { name: '外部联系人', password: 'a-long-password' },
    }),
    expect: statuses(200, everyone),
  },
  // Comments on the text: commenters are the lead, drafters and reviewers (bureau staff; the admin is provincial bureau staff).
  {
    method: 'GET',
    route: '/projects/:id/comment-stats',
    target: async () => ({ path: `/api/projects/${projectId}/comment-stats` }),
    expect: statuses(200, viewers, projectScoped),
  },
  {
    method: 'GET',
    route: '/documents/:id/threads',
    target: async () => ({ path: `/api/documents/${standardId}/threads` }),
    expect: statuses(200, viewers, projectScoped),
  },
  {
    method: 'POST',
    route: '/documents/:id/threads',
    target: async () => {
      const doc = new Y.Doc();
      const text = new Y.XmlText('权限测试');
      doc.getXmlFragment('default').insert(0, [text]);
      return {
        path: `/api/documents/${standardId}/threads`,
        body: {
          anchorStart: encodeAnchor(Y.createRelativePositionFromTypeIndex(text, 0, 0)),
          anchorEnd: encodeAnchor(Y.createRelativePositionFromTypeIndex(text, 2, -1)),
          quote: '权限',
          clauseId: null,
          body: '新的意见',
          mentions: [],
        },
      };
    },
    expect: statuses(201, ['bureau', 'expert', 'drafter', 'lead', 'admin'], projectScoped),
  },
  {
    method: 'POST',
    route: '/threads/:id/comments',
    target: async () => ({
      path: `/api/threads/${(await freshThread('lead')).id}/comments`,
      body: { body: '回复', mentions: [] },
    }),
    expect: statuses(201, ['bureau', 'expert', 'drafter', 'lead', 'admin'], projectScoped),
  },
  {
    method: 'POST',
    route: '/threads/:id/resolve',
    target: async () => ({ path: `/api/threads/${(await freshThread('bureau')).id}/resolve` }),
    expect: statuses(200, ['bureau', ...managers], projectScoped),
  },
  {
    method: 'POST',
    route: '/threads/:id/reopen',
    target: async () => ({ path: `/api/threads/${(await freshThread('bureau', true)).id}/reopen` }),
    expect: statuses(200, ['bureau', ...managers], projectScoped),
  },
  {
    method: 'PATCH',
    route: '/comments/:id',
    target: async () => ({
      path: `/api/comments/${(await freshThread('bureau')).comments[0]!.id}`,
      body: { body: '修改' },
    }),
    expect: statuses(200, ['bureau'], projectScoped),
  },
  {
    method: 'DELETE',
    route: '/comments/:id',
    target: async () => ({ path: `/api/comments/${(await freshThread('bureau')).comments[0]!.id}` }),
    expect: statuses(204, ['bureau'], projectScoped),
  },
  // The stage workflow. The demo project is drafting: moves and submissions pass the rights check and
  // are then refused by the stage (409), so nothing changes; a returned submission is the fixture.
  {
    method: 'GET',
    route: '/projects/:id/workflow',
    target: async () => ({ path: `/api/projects/${projectId}/workflow` }),
    expect: statuses(200, viewers, projectScoped),
  },
  {
    method: 'GET',
    route: '/projects/:id/gates',
    target: async () => ({ path: `/api/projects/${projectId}/gates?target=${encodeURIComponent('送审稿')}` }),
    expect: statuses(200, viewers, projectScoped),
  },
  {
    method: 'GET',
    route: '/projects/:id/stage-log',
    target: async () => ({ path: `/api/projects/${projectId}/stage-log` }),
    expect: statuses(200, viewers, projectScoped),
  },
  {
    method: 'POST',
    route: '/projects/:id/stage',
    target: async () => ({
      path: `/api/projects/${projectId}/stage`,
      body: { to: 'approval-submission', note: '推进' },
    }),
    expect: statuses(409, ['admin'], projectScoped),
  },
  {
    method: 'GET',
    route: '/projects/:id/submissions',
    target: async () => ({ path: `/api/projects/${projectId}/submissions` }),
    expect: statuses(200, viewers, projectScoped),
  },
  {
    method: 'POST',
    route: '/projects/:id/submissions',
    target: async () => ({ path: `/api/projects/${projectId}/submissions`, body: { stageLabel: '送审稿' } }),
    expect: statuses(409, ['lead'], projectScoped),
  },
  {
    method: 'GET',
    route: '/submissions/:id',
    target: async () => ({ path: `/api/submissions/${submissionId}` }),
    expect: statuses(200, viewers, projectScoped),
  },
  {
    method: 'POST',
    route: '/submissions/:id/decision',
    target: async () => ({ path: `/api/submissions/${submissionId}/decision`, body: { decision: 'accept' } }),
    expect: statuses(409, ['bureau', 'admin'], projectScoped),
  },
  {
    method: 'GET',
    route: '/submissions/:id/package',
    // A zip: only the status is read.
    target: async () => ({ path: `/api/submissions/${submissionId}/package`, stream: true }),
    expect: statuses(200, viewers, projectScoped),
  },
  {
    method: 'GET',
    route: '/projects/:id/production-checks',
    target: async () => ({ path: `/api/projects/${projectId}/production-checks` }),
    expect: statuses(200, viewers, projectScoped),
  },
  {
    method: 'POST',
    route: '/projects/:id/production-checks',
    target: async () => ({
      path: `/api/projects/${projectId}/production-checks`,
      body: { date: '2026-05-20', site: '恒川杯业三号车间', products: [`批号${unique()}`], result: 'passed' },
    }),
    expect: statuses(201, ['bureau', 'admin'], projectScoped),
  },
  // Export of the documents and the submission package (提交材料): everyone who can view the project.
  {
    method: 'GET',
    route: '/export/formats',
    target: async () => ({ path: '/api/export/formats' }),
    expect: statuses(200, signedIn, { anonymous: 401 }),
  },
  {
    method: 'GET',
    route: '/documents/:id/export.docx',
    target: async () => ({
      path: `/api/documents/${standardId}/export.docx?stage=${encodeURIComponent('送审稿')}`,
      stream: true,
    }),
    expect: statuses(200, viewers, projectScoped),
  },
  {
    method: 'GET',
    route: '/documents/:id/export.pdf',
    // The stand-in LibreOffice (instantOffice) answers at once.
    target: async () => ({ path: `/api/documents/${standardId}/export.pdf?version=${versionId}`, stream: true }),
    expect: statuses(200, viewers, projectScoped),
  },
  {
    method: 'GET',
    route: '/projects/:id/package',
    target: async () => ({
      path: `/api/projects/${projectId}/package?stage=${encodeURIComponent('送审稿')}&pdf=0`,
      stream: true,
    }),
    expect: statuses(200, viewers, projectScoped),
  },
  {
    method: 'POST',
    route: '/projects/:id/package-jobs',
    target: async () => ({ path: `/api/projects/${projectId}/package-jobs`, body: { stage: '送审稿', pdf: false } }),
    expect: statuses(202, viewers, projectScoped),
  },
  {
    method: 'GET',
    route: '/projects/:id/package-jobs/:jobId',
    target: async (caller) => ({ path: `/api/projects/${projectId}/package-jobs/${await packageJobOf(caller)}` }),
    expect: statuses(200, viewers, projectScoped),
  },
  {
    method: 'GET',
    route: '/projects/:id/package-jobs/:jobId/download',
    target: async (caller) => ({
      path: `/api/projects/${projectId}/package-jobs/${await packageJobOf(caller)}/download`,
      stream: true,
    }),
    expect: statuses(200, viewers, projectScoped),
  },
  // The change history and versions: viewers read, the lead and drafters name versions, the lead restores.
  {
    method: 'GET',
    route: '/documents/:id/history',
    target: async () => ({ path: `/api/documents/${standardId}/history` }),
    expect: statuses(200, viewers, projectScoped),
  },
  {
    method: 'GET',
    route: '/documents/:id/history.xlsx',
    target: async () => ({ path: `/api/documents/${standardId}/history.xlsx`, stream: true }),
    expect: statuses(200, viewers, projectScoped),
  },
  {
    method: 'GET',
    route: '/documents/:id/history/:entryId',
    target: async () => ({ path: `/api/documents/${standardId}/history/${historyEntryId}` }),
    expect: statuses(200, viewers, projectScoped),
  },
  {
    method: 'GET',
    route: '/documents/:id/versions',
    target: async () => ({ path: `/api/documents/${standardId}/versions` }),
    expect: statuses(200, viewers, projectScoped),
  },
  {
    method: 'POST',
    route: '/documents/:id/versions',
    target: async () => ({ path: `/api/documents/${standardId}/versions`, body: { name: `矩阵版本${unique()}` } }),
    expect: statuses(201, ['drafter', 'lead'], projectScoped),
  },
  {
    method: 'GET',
    route: '/documents/:id/versions/:versionId',
    target: async () => ({ path: `/api/documents/${standardId}/versions/${versionId}` }),
    expect: statuses(200, viewers, projectScoped),
  },
  {
    method: 'GET',
    route: '/documents/:id/diff',
    target: async () => ({ path: `/api/documents/${standardId}/diff?from=${versionId}&to=current` }),
    expect: statuses(200, viewers, projectScoped),
  },
  {
    method: 'GET',
    route: '/documents/:id/diff.docx',
    target: async () => ({ path: `/api/documents/${standardId}/diff.docx?from=${versionId}`, stream: true }),
    expect: statuses(200, viewers, projectScoped),
  },
  {
    method: 'POST',
    route: '/documents/:id/restore',
    target: async () => ({ path: `/api/documents/${standardId}/restore`, body: { version: versionId } }),
    expect: statuses(200, ['lead'], projectScoped),
  },
  {
    method: 'GET',
    route: '/documents/:id/restores',
    target: async () => ({ path: `/api/documents/${standardId}/restores` }),
    expect: statuses(200, viewers, projectScoped),
  },
  {
    method: 'GET',
    route: '/dashboard',
    target: async () => ({ path: '/api/dashboard' }),
    expect: statuses(200, ['bureau', 'admin', 'sysadmin'], { anonymous: 401 }),
  },
  {
    method: 'GET',
    route: '/projects/:id/reviews',
    target: async () => ({ path: `/api/projects/${projectId}/reviews` }),
    expect: statuses(200, viewers, projectScoped),
  },
  {
    method: 'POST',
    route: '/projects/:id/reviews',
    // Only the province convenes; the project is not in 技术审评, so even it is told 409 and nothing opens.
    target: async () => ({
      path: `/api/projects/${projectId}/reviews`,
      body: { meetingDate: '2026-07-01', expertIds: [reviewExpertId] },
    }),
    expect: statuses(409, ['admin'], projectScoped),
  },
  {
    method: 'GET',
    route: '/reviews/:id',
    target: async () => ({ path: `/api/reviews/${reviewId}` }),
    expect: statuses(200, viewers, projectScoped),
  },
  {
    method: 'PUT',
    route: '/reviews/:id/opinion',
    target: async () => ({ path: `/api/reviews/${reviewId}/opinion`, body: REVIEW_OPINION }),
    expect: statuses(200, ['expert'], projectScoped),
  },
  {
    method: 'POST',
    route: '/reviews/:id/comments',
    target: async () => ({
      path: `/api/reviews/${reviewId}/comments`,
      body: { clauseLabel: '全文', comment: `权限测试审查意见${unique()}` },
    }),
    expect: statuses(201, ['expert'], projectScoped),
  },
  {
    method: 'PATCH',
    route: '/reviews/:id/comments/:commentId',
    // The drafting group decides; the fixture review is still open, so even it is told 409.
    target: async () => ({
      path: `/api/reviews/${reviewId}/comments/${reviewCommentId}`,
      body: { decision: 'accepted' },
    }),
    expect: statuses(409, ['drafter', 'lead'], projectScoped),
  },
  ...(['export.xlsx', 'export.docx', 'export-iso.xlsx'] as const).map(
    (file): Row => ({
      method: 'GET',
      route: `/reviews/:id/${file}`,
      target: async () => ({ path: `/api/reviews/${reviewId}/${file}`, stream: true }),
      // An expert sees only their own comments until the review closes: not the whole table.
      expect: statuses(
        200,
        viewers.filter((c) => c !== 'expert'),
        projectScoped,
      ),
    }),
  ),
  {
    method: 'GET',
    route: '/projects/:id/publication',
    target: async () => ({ path: `/api/projects/${projectId}/publication` }),
    expect: statuses(200, viewers, projectScoped),
  },
  {
    method: 'PUT',
    route: '/projects/:id/publication',
    // Only the province records it; the project is not published yet, so even it is told 409.
    target: async () => ({
      path: `/api/projects/${projectId}/publication`,
      body: { standardNumber: 'T/ZZB 0123—2026', publicationDate: '2026-09-01', implementationDate: '2026-10-01' },
    }),
    expect: statuses(409, ['admin'], projectScoped),
  },
  {
    method: 'POST',
    route: '/projects/:id/periodic-reviews',
    // The lead, the supervising bureaus and the province; the project is not published, so they are told 409.
    target: async () => ({
      path: `/api/projects/${projectId}/periodic-reviews`,
      body: { conclusion: 'keep', note: '继续有效' },
    }),
    expect: statuses(409, ['bureau', 'lead', 'admin'], projectScoped),
  },
  {
    method: 'GET',
    route: '/recognition-list',
    target: async () => ({ path: '/api/recognition-list' }),
    expect: statuses(200, signedIn, { anonymous: 401 }),
  },
  {
    method: 'GET',
    route: '/recognition-list.xlsx',
    target: async () => ({ path: '/api/recognition-list.xlsx', stream: true }),
    expect: statuses(200, signedIn, { anonymous: 401 }),
  },
  {
    method: 'POST',
    route: '/reviews/:id/close',
    // The province closes; the project is not in 技术审评 (a fixture review), so the close is refused with 409.
    target: async () => ({ path: `/api/reviews/${reviewId}/close` }),
    expect: statuses(409, ['admin'], projectScoped),
  },
];

const REVIEW_OPINION = {
  dimensions: Object.fromEntries(
    ['compliance', 'necessity', 'advancement', 'economy', 'operability'].map((d) => [
      d,
      { rating: 'conforms', remark: '' },
    ]),
  ),
  vote: 'pass',
};

/** An open technical review of the demo project with the demo expert (a fixture: the stage stays editable). */
async function openReviewFixture(): Promise<string> {
  const admin = server.services.metadata.collection('users').findOne({ email: 'admin@example.com' })!;
  const review: TechnicalReview = {
    id: 'rev_permissions',
    projectId,
    number: 1,
    submissionId,
    documents: [],
    meetingDate: '2026-07-01',
    expertIds: [reviewExpertId],
    openedBy: admin.id,
    openedAt: new Date().toISOString(),
    closedAt: null,
    closedBy: null,
    conclusion: null,
  };
  await server.services.metadata.collection('technicalReviews').insert(review);
  const at = new Date().toISOString();
  await server.services.metadata.collection('reviewComments').insert({
    id: reviewCommentId,
    reviewId: review.id,
    projectId,
    seq: 1,
    expertId: reviewExpertId,
    clauseId: null,
    clauseLabel: '全文',
    element: 'other',
    commentType: 'general',
    comment: '权限测试的审查意见',
    proposedChange: '',
    decision: null,
    reason: '',
    createdAt: at,
    updatedAt: at,
  });
  return review.id;
}

/** Opens a streaming endpoint, reads its status (and the body if it is an error), then hangs up. */
async function streamStatus(path: string, token: string | null): Promise<{ status: number; body: unknown }> {
  const controller = new AbortController();
  const response = await fetch(`${server.url}${path}`, {
    headers: token ? { authorization: `Bearer ${token}` } : {},
    signal: controller.signal,
  });
  const body: unknown = response.ok ? null : await response.json();
  controller.abort();
  return { status: response.status, body };
}

beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'zm-permissions-'));
  // The stand-in LibreOffice answers at once: the matrix checks who may export a PDF, not the conversion.
  server = await startTestServer({ pdf: { command: await instantOffice(scratch) } });
  tokens.anonymous = null;
  for (const caller of ['outsider', 'bureau', 'expert', 'drafter', 'lead', 'admin'] as const) {
    emails[caller] = `${caller}@example.com`;
    tokens[caller] = await login(server.url, emails[caller]);
  }
  // A plain administrator: manages, but is neither a member nor bureau staff (no role in any project).
  const sysadminOrg = server.services.metadata
    .collection('users')
    .findOne({ email: 'outsider@example.com' })!.organizationId;
  emails.sysadmin = 'sysadmin@example.com';
  await adminCall('POST', '/api/users', {
    name: '系统管理员乙',
    email: emails.sysadmin,
    organizationId: sysadminOrg,
    password: DEMO_PASSWORD,
    isAdmin: true,
  });
  tokens.sysadmin = await login(server.url, emails.sysadmin);
  const demo = await demoProject(server.url, tokens.lead!);
  projectId = demo.project.id;
  standardId = demo.standardId;
  leadOrgId = demo.project.leadOrganizationId;
  testingOrgId = server.services.metadata.collection('users').findOne({ email: 'testing@example.com' })!.organizationId;
  // An observer: a user added to the drafting group with the read-only role.
  const observer = await freshUser();
  await adminCall('POST', `/api/projects/${projectId}/invitations`, {
    email: observer.email,
    role: 'observer',
    relation: 'testing-body',
  });
  emails.observer = observer.email;
  tokens.observer = await login(server.url, observer.email);
  const drafterOrgId = server.services.metadata
    .collection('users')
    .findOne({ email: 'drafter@example.com' })!.organizationId;
  consultation = new ConsultationFixtures(server.url, () => tokens.admin!, drafterOrgId);
  await consultation.setup(projectId);
  submissionId = await returnedSubmission();
  reviewExpertId = server.services.metadata.collection('users').findOne({ email: 'expert@example.com' })!.id;
  reviewId = await openReviewFixture();
  await versionAndHistory();
});

afterAll(async () => {
  await server.dispose();
  await rm(scratch, { recursive: true, force: true });
});

describe('permission matrix', () => {
  it('covers every route the API declares', () => {
    const declared = createApi(server.services)
      .routes.filter((r) => r.method !== 'ALL')
      .map((r) => `${r.method} ${r.path}`);
    const tabled = ROWS.map((r) => `${r.method} ${r.route}`);
    expect(new Set(declared)).toEqual(new Set(tabled));
  });

  for (const row of ROWS) {
    for (const caller of CALLERS) {
      it(`${row.method} ${row.route} as ${caller} → ${row.expect[caller]}`, async () => {
        const target = await row.target(caller);
        let token = tokens[caller];
        // A fresh session for endpoints that end it, so the caller's main session stays valid.
        if (target.freshSession && caller !== 'anonymous') token = await login(server.url, emails[caller]);
        const result = target.stream
          ? await streamStatus(target.path, token)
          : target.raw
            ? await upload(server.url, target.path, token, target.raw)
            : await request(server.url, row.method, target.path, { token, body: target.body });
        expect(result.status, JSON.stringify(result.body)).toBe(row.expect[caller]);
        const text = JSON.stringify(result.body ?? '');
        expect(text).not.toMatch(/passwordHash|tokenHash|scrypt\$/);
      });
    }
  }
});

describe('boundaries', () => {
  it('a project the caller may not see answers exactly like one that does not exist', async () => {
    const hidden = await request(server.url, 'GET', `/api/projects/${projectId}`, { token: tokens.outsider });
    const missing = await request(server.url, 'GET', '/api/projects/prj_missing', { token: tokens.outsider });
    expect(hidden).toEqual(missing);
  });

  it('rejects bad bodies with a clear 400 and changes nothing', async () => {
    const before = await request(server.url, 'GET', `/api/projects/${projectId}`, { token: tokens.lead });
    const bad = await request<{ error: string; issues: { path: string }[] }>(
      server.url,
      'PATCH',
      `/api/projects/${projectId}`,
      {
        token: tokens.lead,
        body: { startDate: '2026/01/01', unknownField: 1 },
      },
    );
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatch(/invalid request/);
    const after = await request(server.url, 'GET', `/api/projects/${projectId}`, { token: tokens.lead });
    expect(after.body).toEqual(before.body);
    const badCode = await request<{ issues: { path: string }[] }>(server.url, 'POST', '/api/organizations', {
      token: tokens.admin,
      body: { name: '校验位错误的单位', creditCode: '91330100799655058C', kind: 'enterprise' },
    });
    expect(badCode.status).toBe(400);
    expect(badCode.body.issues.map((i) => i.path)).toContain('creditCode');
  });

  it('rate limits sign-in attempts', async () => {
    const limited = await startTestServer({ loginLimit: { points: 3, durationSeconds: 60 } });
    try {
      const statusesSeen: number[] = [];
      for (let i = 0; i < 5; i++) {
        statusesSeen.push(
          (
            await request(limited.url, 'POST', '/api/auth/login', {
              body: { email: 'lead@example.com', password: 'wrong-password' },
            })
          ).status,
        );
      }
      expect(statusesSeen).toEqual([401, 401, 401, 429, 429]);
    } finally {
      await limited.dispose();
    }
  });

  it('the audit log records who changed the drafting group', async () => {
    const audit = await request<{ action: string; actorName: string }[]>(
      server.url,
      'GET',
      `/api/projects/${projectId}/audit`,
      { token: tokens.lead },
    );
    expect(audit.body.some((e) => e.action === 'member.removed')).toBe(true);
    expect(audit.body.some((e) => e.action === 'member.invited')).toBe(true);
  });
});
