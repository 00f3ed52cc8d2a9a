/**
 * Moving a section (structure toolbar ↑/↓) makes y-tiptap recreate its content, so the comment
 * anchors inside it stop resolving although the text is still there. The server finds the quoted
 * text again (in the same clause by its stable id) and stores fresh anchors — no change to the
 * document — so the thread stays open; a thread whose text was really deleted is still orphaned.
 * Real y-websocket clients; the move is the editor command applied by a client.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { initProseMirrorDoc } from '@tiptap/y-tiptap';
import type { Editor } from '@tiptap/core';
import type { Node as PMNode } from '@tiptap/pm/model';
import type { ThreadListResponse, ThreadView } from '@shared/api/comments.js';
import { createAnchor, documentAnchors } from '@shared/comments/anchors.js';
import { CONTENT_FIELD } from '@shared/editor/extensions.js';
import type { ProseMirrorJSON } from '@shared/editor/json.js';
import { editorSchema } from '@shared/editor/schema.js';
import { demoProject, login, request } from '../helpers/api.js';
import { connectSynced, waitFor } from '../helpers/collab.js';
import type { Client } from '../helpers/collab.js';
import { startTestServer } from '../helpers/server.js';
import type { TestServer } from '../helpers/server.js';
import { createEditor, cursorInTitleOf } from '../editor/editorHarness.js';
import { YPeer } from '../editor/yPeer.js';
import { resolvedQuote } from './helpers.js';

let server: TestServer;
let token = '';
let standardId = '';
let client: Client;
let editor: Editor;
let peer: YPeer;

/** A headless editor bound to the websocket client's document (what a browser tab does). */
function bindEditor(doc: Y.Doc): void {
  const { doc: initial } = initProseMirrorDoc(doc.getXmlFragment(CONTENT_FIELD), editorSchema());
  editor = createEditor(initial.toJSON() as ProseMirrorJSON);
  peer = new YPeer(
    {
      get state() {
        return editor.state;
      },
      dispatch: (tr) => editor.view.dispatch(tr),
    },
    editor.schema,
  );
  Y.applyUpdate(peer.ydoc, Y.encodeStateAsUpdate(doc));
  peer.ydoc.on('update', (update: Uint8Array, origin: unknown) => {
    if (origin !== 'from-client') Y.applyUpdate(doc, update, 'from-peer');
  });
  doc.on('update', (update: Uint8Array, origin: unknown) => {
    if (origin !== 'from-peer') Y.applyUpdate(peer.ydoc, update, 'from-client');
  });
  peer.pull();
}

interface Place {
  chapterId: string;
  from: number;
  to: number;
  quote: string;
}

/** Ten characters of the first long paragraph of the n-th chapter that has one, in the client's document. */
function placeIn(doc: PMNode, chapterIndex: number): Place {
  const chapters: { node: PMNode; pos: number }[] = [];
  doc.forEach((node, pos) => {
    if (node.type.name === 'chapter') chapters.push({ node, pos });
  });
  const chapter = chapters[chapterIndex];
  if (!chapter) throw new Error('no such chapter');
  let found: Place | null = null;
  chapter.node.descendants((node, offset) => {
    if (found) return false;
    if (node.type.name === 'paragraph' && node.textContent.length >= 16 && node.childCount === 1) {
      const from = chapter.pos + 1 + offset + 1 + 2;
      found = {
        chapterId: String(chapter.node.attrs.id),
        from,
        to: from + 10,
        quote: doc.textBetween(from, from + 10),
      };
      return false;
    }
    return true;
  });
  if (!found) throw new Error(`no long paragraph in chapter ${chapterIndex}`);
  return found;
}

async function startThread(place: Place): Promise<ThreadView> {
  const context = documentAnchors(client.doc, CONTENT_FIELD, editorSchema());
  const result = await request<ThreadView>(server.url, 'POST', `/api/documents/${standardId}/threads`, {
    token,
    body: {
      ...createAnchor(context, place.from, place.to),
      quote: place.quote,
      clauseId: null,
      body: '请核实。',
      mentions: [],
    },
  });
  expect(result.status, JSON.stringify(result.body)).toBe(201);
  return result.body;
}

async function thread(id: string): Promise<ThreadView> {
  const result = await request<ThreadListResponse>(server.url, 'GET', `/api/documents/${standardId}/threads`, {
    token,
  });
  const found = result.body.threads.find((t) => t.id === id);
  if (!found) throw new Error('thread not listed');
  return found;
}

beforeAll(async () => {
  server = await startTestServer();
  token = await login(server.url, 'lead@example.com');
  standardId = (await demoProject(server.url, token)).standardId;
  client = await connectSynced(server.url, standardId, token);
  bindEditor(client.doc);
});

afterAll(async () => {
  client?.destroy();
  editor?.destroy();
  await server?.dispose();
});

describe('comment anchors in a section that moves', () => {
  it('are found again in the moved section and the thread stays open; deleted text still orphans its thread', async () => {
    const doc = documentAnchors(client.doc, CONTENT_FIELD, editorSchema()).doc;
    const moved = placeIn(doc, 4);
    const other = placeIn(doc, 6);
    const a = await startThread(moved);
    const b = await startThread(other);
    expect([a.orphaned, b.orphaned]).toEqual([false, false]);
    const labelBefore = a.clauseLabel;

    // The client moves the chapter down with the structure command.
    cursorInTitleOf(editor, moved.chapterId);
    expect(editor.commands.moveSectionDown()).toBe(true);
    peer.push();
    // The scenario: the old anchor no longer resolves in the moved text.
    expect(resolvedQuote(client.doc, a.anchorStart, a.anchorEnd)).toBeNull();

    await waitFor(async () => (await thread(a.id)).anchorStart !== a.anchorStart, 'the thread is re-anchored');
    const after = await thread(a.id);
    expect(after).toMatchObject({ status: 'open', orphaned: false, quote: moved.quote });
    expect(after.clauseLabel).not.toBe(labelBefore);
    // The fresh anchors are stored and resolve to the same words in the client's copy; the document was not changed by the server.
    const stored = server.services.metadata.collection('commentThreads').get(a.id)!;
    expect([stored.anchorStart, stored.anchorEnd]).toEqual([after.anchorStart, after.anchorEnd]);
    expect(resolvedQuote(client.doc, after.anchorStart, after.anchorEnd)).toBe(moved.quote);
    expect((await thread(b.id)).orphaned).toBe(false);

    // Deleting the quoted text of the other thread orphans it: nothing to find.
    const $text = placeIn(documentAnchors(client.doc, CONTENT_FIELD, editorSchema()).doc, 6);
    expect($text.quote).toBe(other.quote);
    peer.edit((state) => state.tr.delete($text.from, $text.to));
    await waitFor(() => resolvedQuote(client.doc, b.anchorStart, b.anchorEnd) === null, 'the text is deleted locally');
    await waitFor(async () => (await thread(b.id)).orphaned, 'the thread is orphaned');
    const orphan = await thread(b.id);
    expect(orphan).toMatchObject({ status: 'open', orphaned: true, quote: other.quote, anchorStart: b.anchorStart });
    expect((await thread(a.id)).orphaned).toBe(false);
  });
});
