/**
 * End to end over HTTP: the lead invites a new email, the link is accepted with a password, the new
 * user signs in and works in the project with the right role; a bureau's staff who are not members
 * read the supervised project; what non-administrators see of organizations.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  AuditView,
  InvitationInfo,
  InviteResponse,
  LoginResponse,
  ProjectDetailResponse,
  ProjectListItem,
} from '@shared/api/types.js';
import { demoProject, login, request } from '../helpers/api.js';
import { afterServerHandled, appendParagraph, connectSynced, content, waitFor } from '../helpers/collab.js';
import type { Client } from '../helpers/collab.js';
import { startTestServer } from '../helpers/server.js';
import type { TestServer } from '../helpers/server.js';
import { call, freshUser, organizationIdOf } from './helpers.js';

let server: TestServer;
let lead: string;
let admin: string;
let project: ProjectListItem;
let standardId: string;
const clients: Client[] = [];

beforeAll(async () => {
  server = await startTestServer();
  lead = await login(server.url, 'lead@example.com');
  admin = await login(server.url, 'admin@example.com');
  ({ project, standardId } = await demoProject(server.url, lead));
});

afterAll(async () => {
  for (const c of clients) c.destroy();
  await server.dispose();
});

describe('invitation of a new person', () => {
  it('invite → accept with a password → sign in → the project with the right role and relation, audited', async () => {
    const email = 'new.peer@example.com';
    const peerOrg = organizationIdOf(server, 'drafter@example.com');
    const invited = await call<InviteResponse>(server, lead, 'POST', `/api/projects/${project.id}/invitations`, {
      email,
      role: 'drafter',
      relation: 'peer-company',
      organizationId: peerOrg,
    });
    if (invited.kind !== 'invited') throw new Error('expected an invitation link');
    const token = new URL(invited.link).pathname.split('/invite/')[1]!;
    const info = await call<InvitationInfo>(server, null, 'GET', `/api/invitations/${token}`);
    expect(info).toMatchObject({ email, projectName: project.nameZh, role: 'drafter' });

    const tooShort = await request(server.url, 'POST', `/api/invitations/${token}/accept`, {
      body: { name: '新同行', password: 'short' },
    });
    expect(tooShort.status).toBe(400);
    const accepted = await call<LoginResponse>(server, null, 'POST', `/api/invitations/${token}/accept`, {
      name: '新同行',
      password: 'new-peer-password',
    });
    expect(accepted.user).toMatchObject({ email, name: '新同行', organizationId: peerOrg });
    expect(JSON.stringify(accepted)).not.toMatch(/passwordHash|tokenHash/);
    // The link is used up.
    expect(
      (
        await request(server.url, 'POST', `/api/invitations/${token}/accept`, {
          body: { name: 'x', password: 'another-password' },
        })
      ).status,
    ).toBe(404);

    const signedIn = await login(server.url, email, 'new-peer-password');
    const list = await call<ProjectListItem[]>(server, signedIn, 'GET', '/api/projects');
    const mine = list.find((p) => p.id === project.id);
    expect(mine?.access).toMatchObject({ role: 'drafter', canEdit: true, canManage: false });
    const detail = await call<ProjectDetailResponse>(server, signedIn, 'GET', `/api/projects/${project.id}`);
    expect(detail.members.find((m) => m.email === email)).toMatchObject({
      role: 'drafter',
      relation: 'peer-company',
      organizationId: peerOrg,
    });

    // A drafter edits: the change reaches the lead.
    const newcomer = await connectSynced(server.url, standardId, signedIn);
    const watcher = await connectSynced(server.url, standardId, lead);
    clients.push(newcomer, watcher);
    appendParagraph(newcomer.doc, '新成员写的段落');
    await waitFor(() => content(watcher.doc).includes('新成员写的段落'), 'edit reaches the lead');

    const audit = await call<AuditView[]>(server, lead, 'GET', `/api/projects/${project.id}/audit`);
    const entry = audit.find((e) => e.action === 'invitation.accepted');
    expect(entry).toMatchObject({
      actorName: '新同行',
      subjectName: '新同行',
      detail: { email, role: 'drafter', relation: 'peer-company' },
    });
    expect(audit.some((e) => e.action === 'member.invited' && e.detail.email === email)).toBe(true);
  });
});

describe('bureau staff who are not members', () => {
  it('see the supervised project read-only, and cannot change anything', async () => {
    const staff = await freshUser(server, admin, organizationIdOf(server, 'bureau@example.com'));
    const list = await call<ProjectListItem[]>(server, staff.token, 'GET', '/api/projects');
    const seen = list.find((p) => p.id === project.id);
    expect(seen?.access).toEqual({
      role: 'reviewer',
      canView: true,
      canEdit: false,
      canComment: true,
      canManage: false,
      readOnlyReason: 'reviewer',
    });
    const detail = await call<ProjectDetailResponse>(server, staff.token, 'GET', `/api/projects/${project.id}`);
    expect(detail.members.some((m) => m.userId === staff.user.id)).toBe(false);
    expect(
      (
        await request(server.url, 'PATCH', `/api/projects/${project.id}`, {
          token: staff.token,
          body: { planBatch: 'x' },
        })
      ).status,
    ).toBe(403);

    const watcher = await connectSynced(server.url, standardId, lead);
    const reader = await connectSynced(server.url, standardId, staff.token);
    clients.push(watcher, reader);
    appendParagraph(reader.doc, '未入组的监管人员的修改');
    appendParagraph(watcher.doc, '牵头单位的新修改');
    await waitFor(() => content(reader.doc).includes('牵头单位的新修改'), 'reader receives live edits');
    await afterServerHandled(reader, watcher);
    expect(content(watcher.doc)).not.toContain('未入组的监管人员的修改');
  });
});

describe('organizations as a non-administrator sees them', () => {
  it('names and kinds for signed-in users; credit codes only for administrators', async () => {
    for (const email of ['lead@example.com', 'outsider@example.com']) {
      const list = await call<Record<string, unknown>[]>(
        server,
        await login(server.url, email),
        'GET',
        '/api/organizations',
      );
      expect(list.length).toBeGreaterThan(3);
      for (const org of list) {
        expect(Object.keys(org).sort()).toEqual(
          org.bureauLevel ? ['bureauLevel', 'id', 'kind', 'name'] : ['id', 'kind', 'name'],
        );
      }
    }
    const full = await call<Record<string, unknown>[]>(server, admin, 'GET', '/api/organizations');
    expect(full.every((o) => typeof o.creditCode === 'string' && o.creditCode.length === 18)).toBe(true);
  });
});

describe('audit of plan edits', () => {
  it('records old and new values, and names the member of member entries', async () => {
    await call(server, lead, 'PATCH', `/api/projects/${project.id}`, {
      planBatch: '2026年第九批',
      dueDate: '2026-12-30',
    });
    const audit = await call<AuditView[]>(server, lead, 'GET', `/api/projects/${project.id}/audit`);
    const updated = audit.find((e) => e.action === 'project.updated');
    expect(updated?.detail).toEqual({
      fields: 'planBatch,dueDate',
      'planBatch.from': project.planBatch,
      'planBatch.to': '2026年第九批',
      'dueDate.from': project.dueDate,
      'dueDate.to': '2026-12-30',
    });
    const testingId = server.services.metadata.collection('users').findOne({ email: 'testing@example.com' })!;
    await call(server, lead, 'PATCH', `/api/projects/${project.id}/members/${testingId.id}`, { role: 'reviewer' });
    const after = await call<AuditView[]>(server, lead, 'GET', `/api/projects/${project.id}/audit`);
    expect(after.find((e) => e.action === 'member.updated')).toMatchObject({
      subjectName: testingId.name,
      detail: { fromRole: 'drafter', toRole: 'reviewer' },
    });
  });
});
