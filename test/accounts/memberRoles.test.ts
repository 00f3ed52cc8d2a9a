/**
 * The relation/role rule (shared/domain/memberRoles.ts) on its own, and enforced by the API on
 * invitations and member updates; bureau staff never edit, whatever a membership row says.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allowedRoles, fallbackRole, memberFitProblem } from '@shared/domain/memberRoles.js';
import type { ProjectListItem } from '@shared/api/types.js';
import { newId } from '../../server/auth/tokens.js';
import { demoProject, login, request } from '../helpers/api.js';
import { afterServerHandled, appendParagraph, connectSynced, content, waitFor } from '../helpers/collab.js';
import type { Client } from '../helpers/collab.js';
import { startTestServer } from '../helpers/server.js';
import type { TestServer } from '../helpers/server.js';
import { call, freshUser, organizationIdOf } from './helpers.js';

describe('the relation/role rule', () => {
  it('lets only the lead unit lead, and bureaus and review experts only review or observe', () => {
    expect(allowedRoles('lead-unit')).toEqual(['lead', 'drafter', 'observer']);
    expect(allowedRoles('peer-company')).toEqual(['drafter', 'reviewer', 'observer']);
    expect(allowedRoles('technical-committee')).toEqual(['drafter', 'reviewer', 'observer']);
    expect(allowedRoles('supervising-bureau')).toEqual(['reviewer', 'observer']);
    expect(allowedRoles('review-expert')).toEqual(['reviewer', 'observer']);
    // Bureau staff are read-only whatever relation they are given.
    expect(allowedRoles('peer-company', 'market-supervision-bureau')).toEqual(['reviewer', 'observer']);
    expect(fallbackRole('supervising-bureau')).toBe('reviewer');
    expect(fallbackRole('peer-company')).toBe('drafter');
  });

  it('names the problem of a combination that does not fit', () => {
    const project = { leadOrganizationId: 'org_lead' };
    expect(
      memberFitProblem(
        { relation: 'review-expert', role: 'lead', organizationId: 'org_x', organizationKind: 'enterprise' },
        project,
      )?.path,
    ).toBe('role');
    expect(
      memberFitProblem(
        { relation: 'lead-unit', role: 'lead', organizationId: 'org_x', organizationKind: 'enterprise' },
        project,
      )?.path,
    ).toBe('relation');
    expect(
      memberFitProblem(
        { relation: 'lead-unit', role: 'lead', organizationId: 'org_lead', organizationKind: 'enterprise' },
        project,
      ),
    ).toBeNull();
    expect(
      memberFitProblem(
        { relation: 'supervising-bureau', role: 'reviewer', organizationId: 'org_x', organizationKind: 'enterprise' },
        project,
      )?.path,
    ).toBe('relation');
  });
});

describe('enforced by the API', () => {
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

  it('rejects a bureau user made drafter and an outsider made lead, with a clear 400, adding no one', async () => {
    const bureauStaff = await freshUser(server, admin, organizationIdOf(server, 'bureau@example.com'));
    const asDrafter = await request<{ error: string; issues: { path: string }[] }>(
      server.url,
      'POST',
      `/api/projects/${project.id}/invitations`,
      {
        token: lead,
        body: { email: bureauStaff.user.email, role: 'drafter', relation: 'supervising-bureau' },
      },
    );
    expect(asDrafter.status).toBe(400);
    expect(asDrafter.body.error).toMatch(/role drafter is not allowed/);
    expect(asDrafter.body.issues[0]?.path).toBe('role');

    const outsiderLead = await request<{ error: string }>(
      server.url,
      'POST',
      `/api/projects/${project.id}/invitations`,
      {
        token: lead,
        body: { email: 'outsider@example.com', role: 'lead', relation: 'review-expert' },
      },
    );
    expect(outsiderLead.status).toBe(400);
    expect(outsiderLead.body.error).toMatch(/role lead is not allowed for relation review-expert/);

    const claimingLeadUnit = await request(server.url, 'POST', `/api/projects/${project.id}/invitations`, {
      token: lead,
      body: { email: 'outsider@example.com', role: 'lead', relation: 'lead-unit' },
    });
    expect(claimingLeadUnit.status).toBe(400);

    const members = await call<{ email: string }[]>(server, lead, 'GET', `/api/projects/${project.id}/members`);
    expect(members.map((m) => m.email)).not.toContain('outsider@example.com');
    expect(members.map((m) => m.email)).not.toContain(bureauStaff.user.email);
  });

  it('rejects member updates that break the rule, and accepts a relation change with a fitting role', async () => {
    const expertId = server.services.metadata.collection('users').findOne({ email: 'expert@example.com' })!.id;
    const toDrafter = await request<{ error: string }>(
      server.url,
      'PATCH',
      `/api/projects/${project.id}/members/${expertId}`,
      {
        token: lead,
        body: { role: 'drafter' },
      },
    );
    expect(toDrafter.status).toBe(400);
    expect(toDrafter.body.error).toMatch(/review-expert/);
    const drafterId = server.services.metadata.collection('users').findOne({ email: 'drafter@example.com' })!.id;
    const onlyRelation = await request(server.url, 'PATCH', `/api/projects/${project.id}/members/${drafterId}`, {
      token: lead,
      body: { relation: 'review-expert' },
    });
    expect(onlyRelation.status).toBe(400);
    const both = await request<{ role: string; relation: string }>(
      server.url,
      'PATCH',
      `/api/projects/${project.id}/members/${drafterId}`,
      {
        token: lead,
        body: { relation: 'upstream-company', role: 'reviewer' },
      },
    );
    expect(both.status).toBe(200);
    expect(both.body).toMatchObject({ role: 'reviewer', relation: 'upstream-company' });
  });

  it('never lets a membership row raise bureau staff to an editing role', async () => {
    const bureauToken = await login(server.url, 'bureau@example.com');
    const bureauId = server.services.metadata.collection('users').findOne({ email: 'bureau@example.com' })!.id;
    // A row written behind the API's back (an old record, a bug elsewhere): access must still hold.
    const row = server.services.metadata.collection('members').findOne({ projectId: project.id, userId: bureauId })!;
    await server.services.metadata.collection('members').update(row.id, { role: 'lead' });
    const listed = await call<ProjectListItem[]>(server, bureauToken, 'GET', '/api/projects');
    const seen = listed.find((p) => p.id === project.id)!;
    expect(seen.access).toMatchObject({ role: 'reviewer', canEdit: false, canManage: false });
    const patch = await request(server.url, 'PATCH', `/api/projects/${project.id}`, {
      token: bureauToken,
      body: { planBatch: '篡改' },
    });
    expect(patch.status).toBe(403);

    // Also for a bureau of another project that someone made a drafter there.
    const otherBureauStaff = await freshUser(server, admin, organizationIdOf(server, 'bureau@example.com'));
    await server.services.metadata.collection('members').insert({
      id: newId('mem'),
      projectId: project.id,
      userId: otherBureauStaff.user.id,
      organizationId: otherBureauStaff.user.organizationId,
      relation: 'peer-company',
      role: 'drafter',
      addedAt: new Date().toISOString(),
    });
    const watcher = await connectSynced(server.url, standardId, lead);
    const bureauClient = await connectSynced(server.url, standardId, otherBureauStaff.token);
    clients.push(watcher, bureauClient);
    appendParagraph(bureauClient.doc, '监管人员试图修改');
    appendParagraph(watcher.doc, '牵头人的修改');
    await waitFor(() => content(bureauClient.doc).includes('牵头人的修改'), 'bureau client gets live edits');
    await afterServerHandled(bureauClient, watcher);
    expect(content(watcher.doc)).not.toContain('监管人员试图修改');
  });
});
