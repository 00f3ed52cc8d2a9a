/**
 * Document versions over the real API: the lead and drafters name the current state, everyone who
 * can view lists and reads them, a round's freeze makes one, and a version never changes afterwards.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RoundView } from '@shared/api/consultation.js';
import type { DocumentVersionView } from '@shared/domain/versions.js';
import type { ProseMirrorJSON } from '@shared/editor/json.js';
import { startTestServer } from '../helpers/server.js';
import type { TestServer } from '../helpers/server.js';
import { demoProject, login, request } from '../helpers/api.js';
import { backfillRoundVersions } from '../../server/versions/backfillRoundVersions.js';
import { appendParagraph, connectSynced, serverContent, waitFor } from '../helpers/collab.js';

let server: TestServer;
const tokens: Record<string, string> = {};
let projectId = '';
let standardId = '';

const versionsPath = (): string => `/api/documents/${standardId}/versions`;

function textOf(node: ProseMirrorJSON): string {
  return (node.text ?? '') + (node.content ?? []).map(textOf).join('');
}

beforeAll(async () => {
  server = await startTestServer();
  for (const who of ['lead', 'drafter', 'bureau', 'outsider'])
    tokens[who] = await login(server.url, `${who}@example.com`);
  const demo = await demoProject(server.url, tokens.lead!);
  projectId = demo.project.id;
  standardId = demo.standardId;
});

afterAll(async () => {
  await server.dispose();
});

describe('document versions', () => {
  it('a drafter names the current state; it keeps that text after the live text changes', async () => {
    const named = await request<DocumentVersionView>(server.url, 'POST', versionsPath(), {
      token: tokens.drafter,
      body: { name: '启动会后' },
    });
    expect(named.status).toBe(201);
    expect(named.body).toMatchObject({ kind: 'named', name: '启动会后', documentId: standardId, projectId });
    expect(named.body.createdByName).not.toBe('');
    expect(named.body.stateHash).toMatch(/^[0-9a-f]{64}$/);

    const client = await connectSynced(server.url, standardId, tokens.lead!);
    appendParagraph(client.doc, '版本之后新增的段落');
    await waitFor(
      async () => (await serverContent(server, standardId)).includes('版本之后新增的段落'),
      'the paragraph on the server',
    );
    client.destroy();

    const read = await request<{ version: DocumentVersionView; content: ProseMirrorJSON }>(
      server.url,
      'GET',
      `${versionsPath()}/${named.body.id}`,
      { token: tokens.bureau },
    );
    expect(read.status).toBe(200);
    expect(read.body.version.id).toBe(named.body.id);
    expect(textOf(read.body.content)).not.toContain('版本之后新增的段落');
    expect(textOf(read.body.content)).toContain('范围');

    const list = await request<DocumentVersionView[]>(server.url, 'GET', versionsPath(), { token: tokens.bureau });
    expect(list.body.map((v) => v.name)).toContain('启动会后');
  });

  it('reviewers cannot name versions, outsiders see nothing, bad names change nothing', async () => {
    const before = (await request<DocumentVersionView[]>(server.url, 'GET', versionsPath(), { token: tokens.lead }))
      .body.length;
    const reviewer = await request(server.url, 'POST', versionsPath(), { token: tokens.bureau, body: { name: 'x' } });
    expect(reviewer.status).toBe(403);
    const empty = await request(server.url, 'POST', versionsPath(), { token: tokens.lead, body: { name: '  ' } });
    expect(empty.status).toBe(400);
    const extra = await request(server.url, 'POST', versionsPath(), {
      token: tokens.lead,
      body: { name: 'ok', kind: 'submission' },
    });
    expect(extra.status).toBe(400);
    expect((await request(server.url, 'GET', versionsPath(), { token: tokens.outsider })).status).toBe(404);
    expect(
      (await request(server.url, 'POST', versionsPath(), { token: tokens.outsider, body: { name: 'x' } })).status,
    ).toBe(404);
    expect((await request(server.url, 'GET', `${versionsPath()}/ver_unknown`, { token: tokens.lead })).status).toBe(
      404,
    );
    const after = (await request<DocumentVersionView[]>(server.url, 'GET', versionsPath(), { token: tokens.lead })).body
      .length;
    expect(after).toBe(before);
  });

  it('opening a consultation round freezes the 征求意见稿 as a version of kind round', async () => {
    const round = await request<RoundView>(server.url, 'POST', `/api/projects/${projectId}/rounds`, {
      token: tokens.lead,
      body: { deadline: '2027-01-31', recipients: [{ unitName: '某检测机构', contact: '张三', organizationId: null }] },
    });
    expect(round.status).toBe(201);
    const list = await request<DocumentVersionView[]>(server.url, 'GET', versionsPath(), { token: tokens.lead });
    const frozen = list.body.find((v) => v.roundId === round.body.round.id);
    expect(frozen).toMatchObject({ kind: 'round', name: round.body.round.title });
    expect(list.body[0]?.id).toBe(frozen?.id);
  });

  it('rounds frozen before versions existed get their version once, from the stored snapshot', async () => {
    const { metadata, snapshots } = server.services;
    const round = metadata.collection('consultationRounds').findMany({ projectId })[0]!;
    const version = metadata.collection('documentVersions').get(round.versionId!)!;
    await metadata.collection('documentVersions').remove(version.id);
    await metadata.collection('consultationRounds').update(round.id, { versionId: undefined });
    expect(await backfillRoundVersions(metadata, snapshots)).toBe(1);
    expect(await backfillRoundVersions(metadata, snapshots)).toBe(0);
    const remade = metadata.collection('documentVersions').findOne({ roundId: round.id })!;
    expect(remade).toMatchObject({ snapshotId: round.snapshotId, stateHash: version.stateHash, kind: 'round' });
    expect(metadata.collection('consultationRounds').get(round.id)?.versionId).toBe(remade.id);
  });
});
