/**
 * A consulted unit outside the drafting group answers online: a user of the unit's organization
 * sees the open round (its frozen draft and their own unit's part only), enters comments, replies
 * 回函无意见 — without any access to the project, its documents or other units' comments, and
 * nothing once the round is closed. The lead can give the unit's contact an account by invitation.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  ItemView,
  PendingConsultation,
  RoundInvitationAccepted,
  RoundInvitationInfo,
  RoundInviteResponse,
  RoundView,
  SnapshotView,
} from '@shared/api/consultation.js';
import type { DocumentContentResponse, ProjectListItem } from '@shared/api/types.js';
import { demoProject, login, request } from '../helpers/api.js';
import { startTestServer } from '../helpers/server.js';
import type { TestServer } from '../helpers/server.js';
import { download, ok } from './helpers.js';

const OUTSIDE_UNIT = '宁波锦程塑料制品有限公司';
const OTHER_UNIT = '温州另一家外部单位';

let server: TestServer;
let lead = '';
let outsider = '';
let projectId = '';
let standardId = '';
let view: RoundView;

const orgOf = (email: string): string =>
  server.services.metadata.collection('users').findOne({ email })!.organizationId;
const recipient = (v: RoundView, name: string): string => v.round.recipients.find((r) => r.unitName === name)!.id;
const as = <T>(token: string, method: string, path: string, body?: unknown) =>
  request<T>(server.url, method, path, { token, body });

async function openRound(): Promise<RoundView> {
  return ok<RoundView>(server.url, 'POST', `/api/projects/${projectId}/rounds`, lead, {
    deadline: '2026-06-30',
    recipients: [
      { unitName: OUTSIDE_UNIT, contact: '赵一鸣', organizationId: orgOf('outsider@example.com') },
      { unitName: OTHER_UNIT, contact: '钱二' },
    ],
  });
}

beforeAll(async () => {
  server = await startTestServer();
  lead = await login(server.url, 'lead@example.com');
  outsider = await login(server.url, 'outsider@example.com');
  ({
    project: { id: projectId },
    standardId,
  } = await demoProject(server.url, lead));
  view = await openRound();
  // A letter of the other unit: the outsider must never see it.
  await ok(server.url, 'POST', `/api/rounds/${view.round.id}/items`, lead, {
    recipientId: recipient(view, OTHER_UNIT),
    clauseLabel: '5.1',
    comment: '另一单位的意见',
    submitterName: '钱二',
  });
});

afterAll(async () => {
  await server.dispose();
});

describe('a user of a consulted unit outside the drafting group', () => {
  it('finds the round among the consultations waiting for a reply', async () => {
    const pending = await as<PendingConsultation[]>(outsider, 'GET', '/api/consultations');
    expect(pending.status).toBe(200);
    const entry = pending.body.find((p) => p.roundId === view.round.id);
    expect(entry).toMatchObject({
      projectId,
      unitOnly: true,
      units: [{ unitName: OUTSIDE_UNIT, reply: 'none', items: 0 }],
    });
    const forLead = await as<PendingConsultation[]>(lead, 'GET', '/api/consultations');
    expect(forLead.body.some((p) => p.roundId === view.round.id)).toBe(false);
  });

  it('sees the frozen draft and only their own unit of the round', async () => {
    const round = await as<RoundView>(outsider, 'GET', `/api/rounds/${view.round.id}`);
    expect(round.status).toBe(200);
    expect(round.body.access).toMatchObject({
      unitOnly: true,
      canManage: false,
      canSupport: false,
      answerForRecipientIds: [recipient(view, OUTSIDE_UNIT)],
    });
    expect(round.body.round.recipients.map((r) => r.unitName)).toEqual([OUTSIDE_UNIT]);
    expect(round.body.items).toEqual([]);
    expect(round.body.summary.sent).toBe(1);
    const snapshot = await as<SnapshotView>(outsider, 'GET', `/api/rounds/${view.round.id}/snapshot`);
    expect(snapshot.status).toBe(200);
    expect(snapshot.body.outline.length).toBeGreaterThan(3);
  });

  it('enters a comment for their unit, online, and only for it', async () => {
    const created = await as<ItemView>(outsider, 'POST', `/api/rounds/${view.round.id}/items`, {
      recipientId: recipient(view, OUTSIDE_UNIT),
      clauseLabel: '5.2',
      commentType: 'technical',
      comment: '外部单位在线提交的意见。',
      proposedChange: '建议补充。',
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      source: 'online',
      unitName: OUTSIDE_UNIT,
      clauseLabel: '5.2',
      can: { edit: true, decide: false, assign: false, support: false },
    });
    expect(
      (
        await as(outsider, 'PATCH', `/api/rounds/${view.round.id}/items/${created.body.id}`, {
          proposedChange: '建议补充试验条件。',
        })
      ).status,
    ).toBe(200);
    expect(
      (await as(outsider, 'PATCH', `/api/rounds/${view.round.id}/items/${created.body.id}`, { decision: 'accepted' }))
        .status,
    ).toBe(403);
    expect(
      (
        await as(outsider, 'POST', `/api/rounds/${view.round.id}/items`, {
          recipientId: recipient(view, OTHER_UNIT),
          clauseLabel: '5.1',
          comment: '冒充',
        })
      ).status,
    ).toBe(403);

    const mine = await as<RoundView>(outsider, 'GET', `/api/rounds/${view.round.id}`);
    expect(mine.body.items.map((i) => i.comment)).toEqual(['外部单位在线提交的意见。']);
    expect(mine.body.round.recipients[0]!.reply).toBe('with-comments');
    // The lead's table has it, with the other unit's letter.
    const table = await ok<RoundView>(server.url, 'GET', `/api/rounds/${view.round.id}`, lead);
    expect(table.items.map((i) => [i.unitName, i.submitterName, i.source])).toEqual([
      [OTHER_UNIT, '钱二', 'letter'],
      [OUTSIDE_UNIT, created.body.submitterName, 'online'],
    ]);
    const other = table.items[0]!;
    expect(
      (await as(outsider, 'PATCH', `/api/rounds/${view.round.id}/items/${other.id}`, { comment: '改别人的' })).status,
    ).toBe(404);
    expect((await as(outsider, 'DELETE', `/api/rounds/${view.round.id}/items/${other.id}`)).status).toBe(404);
    expect((await as(outsider, 'POST', `/api/rounds/${view.round.id}/items/${other.id}/support`)).status).toBe(404);
  });

  it('gets no access to the project, its documents, its other rounds or the whole table', async () => {
    expect((await as(outsider, 'GET', `/api/projects/${projectId}`)).status).toBe(404);
    expect((await as(outsider, 'GET', `/api/projects/${projectId}/rounds`)).status).toBe(404);
    expect((await as(outsider, 'GET', `/api/documents/${standardId}/content`)).status).toBe(404);
    expect((await as<ProjectListItem[]>(outsider, 'GET', '/api/projects')).body.some((p) => p.id === projectId)).toBe(
      false,
    );
    expect((await download(server.url, `/api/rounds/${view.round.id}/export.xlsx`, outsider)).status).toBe(403);
    expect((await as(outsider, 'PATCH', `/api/rounds/${view.round.id}`, { deadline: '2026-12-31' })).status).toBe(403);
    // Not in the drafting group, hence not in the foreword's credits.
    const content = await ok<DocumentContentResponse>(server.url, 'GET', `/api/documents/${standardId}/content`, lead);
    expect(JSON.stringify(content.draftingCredits)).not.toContain(OUTSIDE_UNIT);
    const members = server.services.metadata.collection('members').findMany({
      projectId,
      userId: server.services.metadata.collection('users').findOne({ email: 'outsider@example.com' })!.id,
    });
    expect(members).toEqual([]);
  });

  it('replies 回函无意见 for their unit', async () => {
    const second = await openRound();
    const replied = await as<RoundView>(
      outsider,
      'POST',
      `/api/rounds/${second.round.id}/recipients/${recipient(second, OUTSIDE_UNIT)}/no-comments`,
    );
    expect(replied.status).toBe(200);
    expect(replied.body.round.recipients).toMatchObject([{ unitName: OUTSIDE_UNIT, reply: 'no-comments' }]);
    expect(
      (
        await as(
          outsider,
          'POST',
          `/api/rounds/${second.round.id}/recipients/${recipient(second, OTHER_UNIT)}/no-comments`,
        )
      ).status,
    ).toBe(403);
    const table = await ok<RoundView>(server.url, 'GET', `/api/rounds/${second.round.id}`, lead);
    expect(table.summary).toMatchObject({ sent: 2, replied: 1 });
  });

  it('can do nothing once the round is closed', async () => {
    await ok(server.url, 'PATCH', `/api/rounds/${view.round.id}`, lead, { closed: true });
    expect((await as(outsider, 'GET', `/api/rounds/${view.round.id}`)).status).toBe(404);
    expect((await as(outsider, 'GET', `/api/rounds/${view.round.id}/snapshot`)).status).toBe(404);
    expect(
      (
        await as(outsider, 'POST', `/api/rounds/${view.round.id}/items`, {
          recipientId: recipient(view, OUTSIDE_UNIT),
          clauseLabel: '5.2',
          comment: '迟到的意见',
        })
      ).status,
    ).toBe(404);
    expect(
      (
        await as(
          outsider,
          'POST',
          `/api/rounds/${view.round.id}/recipients/${recipient(view, OUTSIDE_UNIT)}/no-comments`,
        )
      ).status,
    ).toBe(404);
    expect(
      (await as<PendingConsultation[]>(outsider, 'GET', '/api/consultations')).body.some(
        (p) => p.roundId === view.round.id,
      ),
    ).toBe(false);
  });
});

describe("an account for an outside unit's contact", () => {
  it('is an invitation link that makes a user of the unit, not a member, who lands on the round', async () => {
    const round = await openRound();
    const unit = recipient(round, OUTSIDE_UNIT);
    const invited = await as<RoundInviteResponse>(
      lead,
      'POST',
      `/api/rounds/${round.round.id}/recipients/${unit}/invitations`,
      { email: 'Contact@Jincheng.example.com' },
    );
    expect(invited.status).toBe(201);
    if (invited.body.kind !== 'invited') throw new Error('expected an invitation');
    const token = invited.body.link.split('/round-invite/')[1]!;
    const info = await request<RoundInvitationInfo>(server.url, 'GET', `/api/round-invitations/${token}`);
    expect(info.body).toMatchObject({
      email: 'contact@jincheng.example.com',
      unitName: OUTSIDE_UNIT,
      roundTitle: round.round.title,
    });
    expect(
      (
        await request(server.url, 'POST', `/api/round-invitations/${token}/accept`, {
          body: { name: '赵一鸣', password: 'short' },
        })
      ).status,
    ).toBe(400);
    const accepted = await request<RoundInvitationAccepted>(
      server.url,
      'POST',
      `/api/round-invitations/${token}/accept`,
      { body: { name: '赵一鸣', password: 'a-long-password' } },
    );
    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({ roundId: round.round.id, projectId });
    expect(
      (
        await request(server.url, 'POST', `/api/round-invitations/${token}/accept`, {
          body: { name: '赵一鸣', password: 'a-long-password' },
        })
      ).status,
    ).toBe(404);
    const contact = accepted.body.token;
    expect((await as<RoundView>(contact, 'GET', `/api/rounds/${round.round.id}`)).body.access.unitOnly).toBe(true);
    expect((await as(contact, 'GET', `/api/projects/${projectId}`)).status).toBe(404);
    const user = server.services.metadata.collection('users').findOne({ email: 'contact@jincheng.example.com' })!;
    expect(user.organizationId).toBe(orgOf('outsider@example.com'));
    expect(server.services.metadata.collection('members').findMany({ userId: user.id })).toEqual([]);
  });

  it('is not needed for an existing user of the unit, and refused for an unlinked unit or another organization', async () => {
    const round = await openRound();
    const path = (name: string) => `/api/rounds/${round.round.id}/recipients/${recipient(round, name)}/invitations`;
    expect(
      (await as<RoundInviteResponse>(lead, 'POST', path(OUTSIDE_UNIT), { email: 'outsider@example.com' })).body,
    ).toMatchObject({ kind: 'existing' });
    expect((await as(lead, 'POST', path(OUTSIDE_UNIT), { email: 'drafter@example.com' })).status).toBe(409);
    expect((await as(lead, 'POST', path(OTHER_UNIT), { email: 'someone@example.com' })).status).toBe(400);
    expect((await as(lead, 'POST', path(OUTSIDE_UNIT), { email: 'not-an-email' })).status).toBe(400);
    expect((await as(outsider, 'POST', path(OUTSIDE_UNIT), { email: 'x@example.com' })).status).toBe(403);
  });
});
