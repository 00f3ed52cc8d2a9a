/**
 * The comment statistics on the edit path: whether a document has threads is looked up once per
 * loaded document, not per keystroke (a lookup scans every thread of the workspace), and a thread
 * created while the document is open still makes its edits refresh the statistics.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import type { ProjectListItem } from '@shared/api/types.js';
import { CONTENT_FIELD } from '@shared/editor/extensions.js';
import { editorSchema } from '@shared/editor/schema.js';
import { createAnchor, documentAnchors, quoteOf } from '@shared/comments/anchors.js';
import { startTestServer } from '../helpers/server.js';
import type { TestServer } from '../helpers/server.js';
import { login, request } from '../helpers/api.js';
import { appendParagraph, connectSynced, presenceProbe, serverContent, waitFor } from '../helpers/collab.js';
import type { Client } from '../helpers/collab.js';

let server: TestServer | null = null;
const clients: Client[] = [];

afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy();
  vi.restoreAllMocks();
  await server?.dispose();
  server = null;
});

describe('comment statistics on the edit path', () => {
  it('look up the threads once per loaded document, and follow a thread created while it is open', async () => {
    server = await startTestServer();
    const s = server;
    const token = await login(s.url, 'lead@example.com');
    const created = await request<ProjectListItem>(s.url, 'POST', '/api/projects', {
      token,
      body: { nameZh: '评论统计热路径', standardType: 'product', publicationCategory: 'T', startDate: '2026-12-01' },
    });
    expect(created.status).toBe(201);
    const documentId = created.body.documents[0]!.id;
    const writer = await connectSynced(s.url, documentId, token);
    const watcher = await connectSynced(s.url, documentId, token);
    clients.push(writer, watcher);

    const collection = vi.spyOn(s.services.metadata, 'collection');
    for (let i = 0; i < 50; i++) appendParagraph(writer.doc, `没有评论的文档里的第 ${i} 段文字`);
    await presenceProbe(writer, watcher);
    const threadLookups = collection.mock.calls.filter(([name]) => name === 'commentThreads').length;
    expect(threadLookups).toBeLessThanOrEqual(1);

    // A thread on the last paragraph, created while the document is open.
    const anchors = documentAnchors(writer.doc, CONTENT_FIELD, editorSchema());
    let from = -1;
    anchors.doc.descendants((node, pos) => {
      if (node.isTextblock && node.textContent.includes('第 49 段')) from = pos + 1;
      return true;
    });
    expect(from).toBeGreaterThan(0);
    const thread = await request(s.url, 'POST', `/api/documents/${documentId}/threads`, {
      token,
      body: {
        ...createAnchor(anchors, from, from + 6),
        quote: quoteOf(anchors.doc, from, from + 6),
        clauseId: null,
        body: '请核对这一段',
        mentions: [],
      },
    });
    expect(thread.status).toBe(201);
    await s.services.comments.stats.idle();
    expect(s.services.metadata.collection('commentStats').get(documentId)?.open).toBe(1);

    // Deleting the commented paragraph orphans the thread: the edit refreshes the statistics.
    writer.doc.transact(() => {
      const fragment = writer.doc.getXmlFragment(CONTENT_FIELD);
      const last = fragment.get(fragment.length - 1);
      expect(last instanceof Y.XmlElement && last.toString().includes('第 49 段')).toBe(true);
      fragment.delete(fragment.length - 1, 1);
    });
    await waitFor(async () => !(await serverContent(s, documentId)).includes('第 49 段'), 'the deletion arrived');
    await waitFor(
      () => s.services.metadata.collection('commentStats').get(documentId)?.orphaned === 1,
      'the edit refreshed the statistics',
    );
  }, 60_000);
});
