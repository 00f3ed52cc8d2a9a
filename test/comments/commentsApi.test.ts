/**
 * The comments REST API: reviewers comment although they cannot edit; rights are enforced on every
 * forged attempt (nothing changes); deletion keeps replies in context; statistics follow; every
 * change is pushed live to the project's event stream.
 */
import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CommentStats, ProjectCommentStats, ThreadListResponse, ThreadView } from '@shared/api/comments.js';
import type { ProjectEvent } from '@shared/api/events.js';
import type { ProjectListItem } from '@shared/api/types.js';
import { encodeAnchor } from '@shared/comments/anchors.js';
import { startTestServer } from '../helpers/server.js';
import type { TestServer } from '../helpers/server.js';
import { DEMO_PASSWORD, demoProject, login, request } from '../helpers/api.js';
import { connectSynced } from '../helpers/collab.js';
import type { Client } from '../helpers/collab.js';
import { paragraphTexts } from './helpers.js';

let server: TestServer;
const tokens: Record<string, string> = {};
const userIds: Record<string, string> = {};
let projectId = '';
let standardId = '';
let otherStandardId = '';
let reader: Client;
let paragraphIndex = 0;

beforeAll(async () => {
  server = await startTestServer();
  const users = server.services.metadata.collection('users');
  for (const who of ['lead', 'drafter', 'testing', 'bureau', 'expert', 'outsider', 'admin']) {
    tokens[who] = await login(server.url, `${who}@example.com`);
    userIds[who] = users.findOne({ email: `${who}@example.com` })!.id;
  }
  const demo = await demoProject(server.url, tokens.lead!);
  projectId = demo.project.id;
  standardId = demo.standardId;
  const projects = await request<ProjectListItem[]>(server.url, 'GET', '/api/projects', { token: tokens.lead });
  const other = projects.body.find((p) => p.id !== projectId);
  otherStandardId = other!.documents.find((d) => d.kind === 'standard')!.id;
  // An observer: a member with the read-only role.
  const organizationId = users.findOne({ email: 'testing@example.com' })!.organizationId;
  await request(server.url, 'POST', '/api/users', {
    token: tokens.admin,
    body: { name: '观察员', email: 'observer@example.com', organizationId, password: DEMO_PASSWORD },
  });
  const invited = await request(server.url, 'POST', `/api/projects/${projectId}/invitations`, {
    token: tokens.lead,
    body: { email: 'observer@example.com', role: 'observer', relation: 'testing-body' },
  });
  expect(invited.status).toBe(201);
  tokens.observer = await login(server.url, 'observer@example.com');
  // A reviewer's read-only copy of the text: anchors are made in it, as the browser would.
  reader = await connectSynced(server.url, standardId, tokens.bureau!);
});

afterAll(async () => {
  reader?.destroy();
  await server.dispose();
});

/** A new anchor on the next long paragraph of the standard (characters 4..12). */
function anchorBody(doc: Y.Doc = reader.doc): {
  anchorStart: string;
  anchorEnd: string;
  quote: string;
  clauseId: null;
} {
  const texts = paragraphTexts(doc, { inSection: true }).filter((t) => t.length >= 20 && !t.toString().includes('<'));
  const text = texts[paragraphIndex++ % texts.length]!;
  return {
    anchorStart: encodeAnchor(Y.createRelativePositionFromTypeIndex(text, 4, 0)),
    anchorEnd: encodeAnchor(Y.createRelativePositionFromTypeIndex(text, 12, -1)),
    quote: text.toString().slice(4, 12),
    clauseId: null,
  };
}

async function startThread(who: string, body = '请核实该指标的来源。', mentions: string[] = []): Promise<ThreadView> {
  const result = await request<ThreadView>(server.url, 'POST', `/api/documents/${standardId}/threads`, {
    token: tokens[who],
    body: { ...anchorBody(), body, mentions },
  });
  expect(result.status, JSON.stringify(result.body)).toBe(201);
  return result.body;
}

async function threads(who = 'lead', documentId = standardId): Promise<ThreadView[]> {
  const result = await request<ThreadListResponse>(server.url, 'GET', `/api/documents/${documentId}/threads`, {
    token: tokens[who],
  });
  expect(result.status).toBe(200);
  return result.body.threads;
}

function stored(): unknown {
  const { metadata } = server.services;
  return {
    threads: metadata.collection('commentThreads').findMany(),
    comments: metadata.collection('comments').findMany(),
  };
}

describe('reviewers comment on the text', () => {
  it('a bureau reviewer starts a thread and an expert replies with a mention; everyone sees author, organization, quote and clause', async () => {
    const thread = await startThread('bureau', '第一条意见', []);
    expect(thread.authorId).toBe(userIds.bureau);
    expect(thread.authorName).not.toBe('');
    expect(thread.organizationName).not.toBe('');
    expect(thread.status).toBe('open');
    expect(thread.orphaned).toBe(false);
    expect(thread.clauseId).not.toBeNull();
    expect(thread.clauseLabel).toMatch(/^\d|^附录|^[A-Z]\.|^表|^图/);
    expect(thread.comments).toHaveLength(1);
    expect(thread.can).toEqual({ reply: true, resolve: true, reopen: false });

    const reply = await request<ThreadView>(server.url, 'POST', `/api/threads/${thread.id}/comments`, {
      token: tokens.expert,
      body: { body: '同意，@起草人 请补充依据。', mentions: [userIds.drafter, userIds.drafter] },
    });
    expect(reply.status, JSON.stringify(reply.body)).toBe(201);
    expect(reply.body.comments).toHaveLength(2);
    const answer = reply.body.comments[1]!;
    expect(answer.authorId).toBe(userIds.expert);
    expect(answer.mentions).toEqual([{ userId: userIds.drafter, name: expect.any(String) }]);
    // The expert may reply but not resolve another person's thread.
    expect(reply.body.can).toEqual({ reply: true, resolve: false, reopen: false });

    const seenByObserver = (await threads('observer')).find((t) => t.id === thread.id)!;
    expect(seenByObserver.comments.map((c) => c.body)).toEqual(['第一条意见', '同意，@起草人 请补充依据。']);
    expect(seenByObserver.can).toEqual({ reply: false, resolve: false, reopen: false });
    expect(seenByObserver.comments.every((c) => !c.can.edit && !c.can.remove)).toBe(true);
  });

  it('rejects mentions of non-members and malformed anchors with 400, storing nothing', async () => {
    const before = stored();
    const notMember = await request(server.url, 'POST', `/api/documents/${standardId}/threads`, {
      token: tokens.bureau,
      body: { ...anchorBody(), body: '提及非成员', mentions: [userIds.outsider] },
    });
    expect(notMember.status).toBe(400);
    const badAnchor = await request(server.url, 'POST', `/api/documents/${standardId}/threads`, {
      token: tokens.bureau,
      body: { ...anchorBody(), anchorStart: 'bm90IGFuIGFuY2hvcg==', body: '坏锚点' },
    });
    expect(badAnchor.status).toBe(400);
    const empty = await request(server.url, 'POST', `/api/documents/${standardId}/threads`, {
      token: tokens.bureau,
      body: { ...anchorBody(), body: '   ' },
    });
    expect(empty.status).toBe(400);
    const long = await request(server.url, 'POST', `/api/documents/${standardId}/threads`, {
      token: tokens.bureau,
      body: { ...anchorBody(), body: '长'.repeat(5001) },
    });
    expect(long.status).toBe(400);
    expect(stored()).toEqual(before);
  });
});

describe('forged attempts change nothing', () => {
  it('another person’s comment cannot be edited or deleted, nor their thread resolved', async () => {
    const thread = await startThread('bureau', '审阅意见：术语不统一。');
    const commentId = thread.comments[0]!.id;
    const before = stored();
    for (const who of ['drafter', 'expert', 'lead', 'testing', 'observer', 'admin']) {
      const edit = await request(server.url, 'PATCH', `/api/comments/${commentId}`, {
        token: tokens[who],
        body: { body: '篡改' },
      });
      expect(edit.status, `${who} edits`).toBe(403);
      const remove = await request(server.url, 'DELETE', `/api/comments/${commentId}`, { token: tokens[who] });
      expect(remove.status, `${who} deletes`).toBe(403);
    }
    for (const who of ['drafter', 'expert', 'testing', 'observer']) {
      const resolve = await request(server.url, 'POST', `/api/threads/${thread.id}/resolve`, { token: tokens[who] });
      expect(resolve.status, `${who} resolves`).toBe(403);
    }
    // Outside the project: as if it did not exist.
    for (const path of [`/api/threads/${thread.id}/resolve`, `/api/threads/${thread.id}/comments`]) {
      const outsider = await request(server.url, 'POST', path, { token: tokens.outsider, body: { body: '外部人员' } });
      expect(outsider.status).toBe(404);
    }
    expect(
      (
        await request(server.url, 'PATCH', `/api/comments/${commentId}`, {
          token: tokens.outsider,
          body: { body: 'x' },
        })
      ).status,
    ).toBe(404);
    expect(
      (await request(server.url, 'GET', `/api/documents/${standardId}/threads`, { token: tokens.outsider })).status,
    ).toBe(404);
    expect((await request(server.url, 'POST', `/api/threads/${thread.id}/resolve`)).status).toBe(401);
    expect(stored()).toEqual(before);
  });

  it('an observer cannot start a thread or reply', async () => {
    const thread = await startThread('expert');
    const before = stored();
    const start = await request(server.url, 'POST', `/api/documents/${standardId}/threads`, {
      token: tokens.observer,
      body: { ...anchorBody(), body: '观察员评论' },
    });
    expect(start.status).toBe(403);
    const reply = await request(server.url, 'POST', `/api/threads/${thread.id}/comments`, {
      token: tokens.observer,
      body: { body: '观察员回复' },
    });
    expect(reply.status).toBe(403);
    expect(stored()).toEqual(before);
  });

  it('a thread of another project is invisible to members of this one', async () => {
    // testing@ is in both demo projects; drafter@ only in the main one.
    const otherCopy = await connectSynced(server.url, otherStandardId, tokens.testing!);
    const text = paragraphTexts(otherCopy.doc, { inSection: true }).filter((t) => t.length >= 20)[0]!;
    const created = await request<ThreadView>(server.url, 'POST', `/api/documents/${otherStandardId}/threads`, {
      token: tokens.testing,
      body: {
        anchorStart: encodeAnchor(Y.createRelativePositionFromTypeIndex(text, 2, 0)),
        anchorEnd: encodeAnchor(Y.createRelativePositionFromTypeIndex(text, 8, -1)),
        quote: text.toString().slice(2, 8),
        clauseId: null,
        body: '另一项目中的意见',
        mentions: [],
      },
    });
    otherCopy.destroy();
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const before = stored();
    const commentId = created.body.comments[0]!.id;
    expect(
      (
        await request(server.url, 'POST', `/api/threads/${created.body.id}/comments`, {
          token: tokens.drafter,
          body: { body: '越权回复' },
        })
      ).status,
    ).toBe(404);
    expect(
      (await request(server.url, 'POST', `/api/threads/${created.body.id}/resolve`, { token: tokens.drafter })).status,
    ).toBe(404);
    expect(
      (
        await request(server.url, 'PATCH', `/api/comments/${commentId}`, {
          token: tokens.drafter,
          body: { body: '篡改' },
        })
      ).status,
    ).toBe(404);
    expect((await request(server.url, 'DELETE', `/api/comments/${commentId}`, { token: tokens.drafter })).status).toBe(
      404,
    );
    expect(
      (await request(server.url, 'GET', `/api/documents/${otherStandardId}/threads`, { token: tokens.drafter })).status,
    ).toBe(404);
    expect((await threads('lead')).some((t) => t.id === created.body.id)).toBe(false);
    expect(stored()).toEqual(before);
  });
});

describe('the author and the lead', () => {
  it('the author edits their own comment; the lead and the author resolve and reopen', async () => {
    const thread = await startThread('expert', '初稿意见');
    const commentId = thread.comments[0]!.id;
    const edited = await request<ThreadView>(server.url, 'PATCH', `/api/comments/${commentId}`, {
      token: tokens.expert,
      body: { body: '修改后的意见', mentions: [userIds.lead] },
    });
    expect(edited.status).toBe(200);
    expect(edited.body.comments[0]!.body).toBe('修改后的意见');
    expect(edited.body.comments[0]!.editedAt).not.toBeNull();
    expect(edited.body.comments[0]!.mentions.map((m) => m.userId)).toEqual([userIds.lead]);

    const resolved = await request<ThreadView>(server.url, 'POST', `/api/threads/${thread.id}/resolve`, {
      token: tokens.lead,
    });
    expect(resolved.status).toBe(200);
    expect(resolved.body.status).toBe('resolved');
    expect(resolved.body.resolvedBy).toBe(userIds.lead);
    expect(resolved.body.can).toEqual({ reply: true, resolve: false, reopen: true });
    // Again: idempotent.
    expect(
      (await request<ThreadView>(server.url, 'POST', `/api/threads/${thread.id}/resolve`, { token: tokens.lead })).body
        .status,
    ).toBe('resolved');
    // A drafter may not reopen it; the author may.
    expect(
      (await request(server.url, 'POST', `/api/threads/${thread.id}/reopen`, { token: tokens.drafter })).status,
    ).toBe(403);
    const reopened = await request<ThreadView>(server.url, 'POST', `/api/threads/${thread.id}/reopen`, {
      token: tokens.expert,
    });
    expect(reopened.body.status).toBe('open');
    expect(reopened.body.resolvedBy).toBeNull();
    const byAuthor = await request<ThreadView>(server.url, 'POST', `/api/threads/${thread.id}/resolve`, {
      token: tokens.expert,
    });
    expect(byAuthor.body.status).toBe('resolved');
    expect(byAuthor.body.resolvedByName).not.toBe('');
  });

  it('deleting the first comment keeps a thread with replies (已删除) and removes one without', async () => {
    const lone = await startThread('drafter', '无人回复的意见');
    expect(
      (await request(server.url, 'DELETE', `/api/comments/${lone.comments[0]!.id}`, { token: tokens.drafter })).status,
    ).toBe(204);
    expect((await threads()).some((t) => t.id === lone.id)).toBe(false);
    expect(server.services.metadata.collection('comments').findMany({ threadId: lone.id })).toHaveLength(0);

    const thread = await startThread('drafter', '有回复的意见');
    const reply = await request<ThreadView>(server.url, 'POST', `/api/threads/${thread.id}/comments`, {
      token: tokens.bureau,
      body: { body: '回复' },
    });
    const replyId = reply.body.comments[1]!.id;
    expect(
      (await request(server.url, 'DELETE', `/api/comments/${thread.comments[0]!.id}`, { token: tokens.drafter }))
        .status,
    ).toBe(204);
    const kept = (await threads()).find((t) => t.id === thread.id)!;
    expect(kept.comments.map((c) => ({ deleted: c.deleted, body: c.body }))).toEqual([
      { deleted: true, body: '' },
      { deleted: false, body: '回复' },
    ]);
    // A deleted comment cannot be edited back.
    expect(
      (
        await request(server.url, 'PATCH', `/api/comments/${thread.comments[0]!.id}`, {
          token: tokens.drafter,
          body: { body: '复活' },
        })
      ).status,
    ).toBe(403);
    // The last reply goes: nothing is left to discuss, the thread goes with it.
    expect((await request(server.url, 'DELETE', `/api/comments/${replyId}`, { token: tokens.bureau })).status).toBe(
      204,
    );
    expect((await threads()).some((t) => t.id === thread.id)).toBe(false);
  });
});

describe('statistics and live events', () => {
  it('keeps open/resolved counts per document, clause and organization', async () => {
    await server.services.comments.stats.idle();
    const all = await threads();
    const stats = server.services.metadata.collection('commentStats').get(standardId) as CommentStats;
    expect(stats.projectId).toBe(projectId);
    const open = all.filter((t) => t.status === 'open').length;
    const resolved = all.filter((t) => t.status === 'resolved').length;
    expect({ open: stats.open, resolved: stats.resolved, orphaned: stats.orphaned }).toEqual({
      open,
      resolved,
      orphaned: 0,
    });
    const sum = (rows: { open: number; resolved: number }[]) => rows.reduce((n, r) => n + r.open + r.resolved, 0);
    expect(sum(stats.byClause)).toBe(all.length);
    expect(sum(stats.byOrganization)).toBe(all.length);
    const bureauOrg = server.services.metadata.collection('users').get(userIds.bureau!)!.organizationId;
    const bureauRow = stats.byOrganization.find((r) => r.organizationId === bureauOrg)!;
    expect(bureauRow.open + bureauRow.resolved).toBe(all.filter((t) => t.authorId === userIds.bureau).length);
    for (const row of stats.byClause)
      expect(row.label).toBe(all.find((t) => t.clauseId === row.clauseId)?.clauseLabel ?? null);

    // One more resolved: the counts follow.
    const thread = all.find((t) => t.status === 'open')!;
    await request(server.url, 'POST', `/api/threads/${thread.id}/resolve`, { token: tokens.lead });
    await server.services.comments.stats.idle();
    const after = server.services.metadata.collection('commentStats').get(standardId)!;
    expect({ open: after.open, resolved: after.resolved }).toEqual({ open: open - 1, resolved: resolved + 1 });
  });

  it('serves the statistics to the project’s members and reviewers, per document', async () => {
    await server.services.comments.stats.idle();
    const stored = server.services.metadata.collection('commentStats').get(standardId)!;
    const read = await request<ProjectCommentStats>(server.url, 'GET', `/api/projects/${projectId}/comment-stats`, {
      token: tokens.bureau,
    });
    expect(read.status).toBe(200);
    const project = server.services.metadata.collection('projects').get(projectId)!;
    expect(read.body.documents.map((d) => d.documentId)).toEqual(project.documents.map((d) => d.id));
    const standard = read.body.documents.find((d) => d.documentId === standardId)!;
    expect({
      kind: standard.kind,
      open: standard.open,
      resolved: standard.resolved,
      orphaned: standard.orphaned,
    }).toEqual({ kind: 'standard', open: stored.open, resolved: stored.resolved, orphaned: stored.orphaned });
    expect(standard.byOrganization).toEqual(stored.byOrganization);
    const other = read.body.documents.find((d) => d.documentId !== standardId)!;
    expect({ open: other.open, resolved: other.resolved, updatedAt: other.updatedAt }).toEqual({
      open: 0,
      resolved: 0,
      updatedAt: null,
    });
    expect(
      (await request(server.url, 'GET', `/api/projects/${projectId}/comment-stats`, { token: tokens.outsider })).status,
    ).toBe(404);
    expect((await request(server.url, 'GET', `/api/projects/${projectId}/comment-stats`)).status).toBe(401);
  });

  it('pushes comments-changed to the project’s event stream', async () => {
    const controller = new AbortController();
    const response = await fetch(`${server.url}/api/projects/${projectId}/events`, {
      headers: { authorization: `Bearer ${tokens.lead}` },
      signal: controller.signal,
    });
    const reader = response.body!.getReader();
    const decoder = new TextDecoder();
    const events: ProjectEvent[] = [];
    let buffer = '';
    const read = async (until: (e: ProjectEvent) => boolean): Promise<ProjectEvent> => {
      for (;;) {
        const found = events.find(until);
        if (found) return found;
        const { value, done } = await reader.read();
        if (done) throw new Error('stream ended');
        buffer += decoder.decode(value, { stream: true });
        const parts = buffer.split('\n\n');
        buffer = parts.pop() ?? '';
        for (const part of parts) {
          const data = part.split('\n').find((l) => l.startsWith('data:'));
          if (data) events.push(JSON.parse(data.slice(5)) as ProjectEvent);
        }
      }
    };
    await read((e) => e.type === 'ready');
    const thread = await startThread('bureau', '实时推送的意见');
    const event = await read((e) => e.type === 'comments-changed' && e.threadId === thread.id);
    expect(event).toEqual({ type: 'comments-changed', documentId: standardId, threadId: thread.id });
    controller.abort();
  });
});
