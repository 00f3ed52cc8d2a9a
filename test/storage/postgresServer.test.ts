/**
 * A real server with STORAGE=postgres: two stock y-websocket clients edit, a comment is started and
 * the project changed; after a restart the text, the comment and the change are all there — read
 * from PostgreSQL (the data dir holds no metadata or document files).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import * as Y from 'yjs';
import type { ThreadListResponse, ThreadView } from '@shared/api/comments.js';
import type { HistoryPage } from '@shared/api/history.js';
import type { ProjectDetailResponse } from '@shared/api/types.js';
import { encodeAnchor } from '@shared/comments/anchors.js';
import { startTestServer } from '../helpers/server.js';
import type { TestServer } from '../helpers/server.js';
import { demoProject, login, request } from '../helpers/api.js';
import { appendParagraph, connectSynced, content, serverContent, waitFor } from '../helpers/collab.js';
import { paragraphTexts } from '../comments/helpers.js';
import { POSTGRES_SKIP_REASON, startPostgres } from '../helpers/postgres.js';
import type { TestPostgres } from '../helpers/postgres.js';

if (POSTGRES_SKIP_REASON) console.warn(POSTGRES_SKIP_REASON);

describe.skipIf(POSTGRES_SKIP_REASON !== null)('a server on PostgreSQL', () => {
  let postgres: TestPostgres;
  let server: TestServer | null = null;
  beforeAll(async () => {
    postgres = await startPostgres();
  }, 30_000);
  afterAll(async () => {
    await server?.dispose();
    await postgres?.stop();
  });

  it('keeps co-edited text, a comment and a project change across a restart', async () => {
    const databaseUrl = await postgres.createDatabase();
    server = await startTestServer({ databaseUrl });
    const lead = await login(server.url, 'lead@example.com');
    const drafter = await login(server.url, 'drafter@example.com');
    const { project, standardId } = await demoProject(server.url, lead);

    const a = await connectSynced(server.url, standardId, lead);
    const b = await connectSynced(server.url, standardId, drafter);
    expect(content(a.doc)).toContain('范围');
    appendParagraph(a.doc, '甲方在数据库上写的段落');
    appendParagraph(b.doc, '乙方在数据库上写的段落');
    await waitFor(
      () => content(a.doc) === content(b.doc) && content(a.doc).includes('甲方') && content(b.doc).includes('乙方'),
      'the two clients converge',
    );
    const expected = content(a.doc);
    const running = server;
    await waitFor(async () => (await serverContent(running, standardId)) === expected, 'the server has both edits');

    const text = paragraphTexts(a.doc, { inSection: true }).find((t) => t.length >= 20 && !t.toString().includes('<'));
    if (!text) throw new Error('no long paragraph to comment on');
    const thread = await request<ThreadView>(server.url, 'POST', `/api/documents/${standardId}/threads`, {
      token: drafter,
      body: {
        anchorStart: encodeAnchor(Y.createRelativePositionFromTypeIndex(text, 4, 0)),
        anchorEnd: encodeAnchor(Y.createRelativePositionFromTypeIndex(text, 12, -1)),
        quote: text.toString().slice(4, 12),
        clauseId: null,
        body: '请核实该指标的来源。',
        mentions: [],
      },
    });
    expect(thread.status, JSON.stringify(thread.body)).toBe(201);
    const changed = await request(server.url, 'PATCH', `/api/projects/${project.id}`, {
      token: lead,
      body: { planBatch: '数据库批次-2026' },
    });
    expect(changed.status, JSON.stringify(changed.body)).toBe(200);
    a.destroy();
    b.destroy();

    server = await server.restart();
    expect(existsSync(join(server.dataDir, 'metadata.json'))).toBe(false);
    expect(existsSync(join(server.dataDir, 'documents', standardId))).toBe(false);
    const reader = await connectSynced(server.url, standardId, await login(server.url, 'lead@example.com'));
    try {
      expect(content(reader.doc)).toBe(expected);
    } finally {
      reader.destroy();
    }
    const token = await login(server.url, 'drafter@example.com');
    const threads = await request<ThreadListResponse>(server.url, 'GET', `/api/documents/${standardId}/threads`, {
      token,
    });
    expect(threads.body.threads.map((t) => t.id)).toContain(thread.body.id);
    const history = await request<HistoryPage>(server.url, 'GET', `/api/documents/${standardId}/history`, { token });
    expect(history.status).toBe(200);
    expect(history.body.entries.length).toBeGreaterThan(0);
    const detail = await request<ProjectDetailResponse>(server.url, 'GET', `/api/projects/${project.id}`, { token });
    expect(JSON.stringify(detail.body)).toContain('数据库批次-2026');

    const pool = new pg.Pool({ connectionString: databaseUrl, max: 1 });
    try {
      const rows = await pool.query<{ n: string }>(
        "SELECT count(*) AS n FROM records WHERE collection = 'commentThreads' AND id = $1",
        [thread.body.id],
      );
      expect(Number(rows.rows[0]?.n)).toBe(1);
      const updates = await pool.query<{ n: string }>(
        'SELECT (SELECT count(*) FROM document_updates WHERE document_id = $1) + (SELECT count(*) FROM document_states WHERE document_id = $1) AS n',
        [standardId],
      );
      expect(Number(updates.rows[0]?.n)).toBeGreaterThan(0);
    } finally {
      await pool.end();
    }
  }, 30_000);
});
