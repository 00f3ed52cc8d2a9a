/**
 * Comment anchors (Yjs relative positions stored beside the thread) follow the text through
 * concurrent edits of several y-websocket clients, and a thread whose text is deleted is orphaned.
 */
import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeAnchor, encodeAnchor, isAnchorPending } from '@shared/comments/anchors.js';
import type { ThreadListResponse, ThreadView } from '@shared/api/comments.js';
import { startTestServer } from '../helpers/server.js';
import type { TestServer } from '../helpers/server.js';
import { demoProject, login, request } from '../helpers/api.js';
import { connectSynced, content, waitFor } from '../helpers/collab.js';
import type { Client } from '../helpers/collab.js';
import { paragraphTexts, resolvedQuote, sameText } from './helpers.js';

let server: TestServer;
let standardId = '';
const tokens: Record<string, string> = {};
const clients: Client[] = [];

beforeAll(async () => {
  server = await startTestServer();
  for (const who of ['lead', 'drafter', 'testing', 'bureau'])
    tokens[who] = await login(server.url, `${who}@example.com`);
  standardId = (await demoProject(server.url, tokens.lead!)).standardId;
});

afterAll(async () => {
  for (const client of clients) client.destroy();
  await server.dispose();
});

async function open(who: string): Promise<Client> {
  const client = await connectSynced(server.url, standardId, tokens[who]!);
  clients.push(client);
  return client;
}

async function converged(...all: Client[]): Promise<void> {
  await waitFor(() => all.every((c) => content(c.doc) === content(all[0]!.doc)), 'clients converged');
}

/** A paragraph with enough text, not the first one (its first character must not be position ≤ 1). */
function pickParagraph(doc: Y.Doc, skip = 0): Y.XmlText {
  const candidates = paragraphTexts(doc).filter((t) => t.length >= 24 && !t.toString().includes('<'));
  const text = candidates[skip];
  if (!text) throw new Error('no long paragraph in the demo standard');
  return text;
}

describe('comment anchors under concurrent edits', () => {
  it('keep covering the same text while three clients edit before, inside and after it and delete elsewhere', async () => {
    const [a, b, c] = [await open('lead'), await open('drafter'), await open('testing')];
    const text = pickParagraph(a.doc);
    const original = text.toString();
    const from = 6;
    const to = 16;
    const quote = original.slice(from, to);
    // The anchor as the browser makes it: start on the first quoted character, end on the last.
    const anchorStart = encodeAnchor(Y.createRelativePositionFromTypeIndex(text, from, 0));
    const anchorEnd = encodeAnchor(Y.createRelativePositionFromTypeIndex(text, to, -1));
    expect(decodeAnchor(anchorStart)).not.toBeNull();
    expect(resolvedQuote(a.doc, anchorStart, anchorEnd)).toBe(quote);

    // A reviewer starts a thread on it; the server stores the anchor beside the thread.
    const created = await request<ThreadView>(server.url, 'POST', `/api/documents/${standardId}/threads`, {
      token: tokens.bureau,
      body: { anchorStart, anchorEnd, quote, clauseId: null, body: '此处表述需要再斟酌。', mentions: [] },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body.quote).toBe(quote);
    expect(created.body.orphaned).toBe(false);

    // Concurrent edits, without waiting for one another: exactly at both edges, inside, far before and after.
    const other = pickParagraph(a.doc, 1);
    sameText(a.doc, text).insert(from, '〔前〕');
    sameText(b.doc, text).insert(to, '〔后〕');
    sameText(c.doc, text).insert(from + 3, '〔中〕');
    sameText(c.doc, text).insert(0, '〔段首〕');
    sameText(b.doc, text).insert(sameText(b.doc, text).length, '〔段尾〕');
    sameText(a.doc, other).delete(2, 5);
    await converged(a, b, c);

    const inside = `${quote.slice(0, 3)}〔中〕${quote.slice(3)}`;
    for (const client of [a, b, c]) expect(resolvedQuote(client.doc, anchorStart, anchorEnd)).toBe(inside);
    expect(sameText(a.doc, text).toString()).toContain(`〔前〕${inside}〔后〕`);

    // The insertion inside is taken out again: the anchor covers exactly the quoted text.
    sameText(b.doc, text).delete(sameText(b.doc, text).toString().indexOf('〔中〕'), 3);
    await converged(a, b, c);
    for (const client of [a, b, c]) expect(resolvedQuote(client.doc, anchorStart, anchorEnd)).toBe(quote);

    // A fresh client (and the server) resolve it the same way.
    const d = await open('lead');
    expect(resolvedQuote(d.doc, anchorStart, anchorEnd)).toBe(quote);
    const listed = await request<ThreadListResponse>(server.url, 'GET', `/api/documents/${standardId}/threads`, {
      token: tokens.lead,
    });
    const thread = listed.body.threads.find((t) => t.id === created.body.id);
    expect(thread?.orphaned).toBe(false);

    // Part of the quoted text deleted by one client while another types after it: the anchor shrinks.
    const live = sameText(a.doc, text);
    const start = live.toString().indexOf(quote);
    live.delete(start, 2);
    sameText(c.doc, text).insert(sameText(c.doc, text).toString().indexOf('〔后〕') + 3, '〔再后〕');
    await converged(a, b, c, d);
    for (const client of [a, b, c, d]) expect(resolvedQuote(client.doc, anchorStart, anchorEnd)).toBe(quote.slice(2));

    // The anchored text deleted entirely: the thread is orphaned everywhere, and stays with its quote.
    const now = sameText(b.doc, text);
    now.delete(now.toString().indexOf(quote.slice(2)), quote.length - 2);
    await converged(a, b, c, d);
    for (const client of [a, b, c, d]) expect(resolvedQuote(client.doc, anchorStart, anchorEnd)).toBeNull();
    await waitFor(
      () => server.services.metadata.collection('commentStats').get(standardId)?.orphaned === 1,
      'statistics count the orphaned thread',
    );
    const after = await request<ThreadListResponse>(server.url, 'GET', `/api/documents/${standardId}/threads`, {
      token: tokens.bureau,
    });
    const orphan = after.body.threads.find((t) => t.id === created.body.id);
    expect(orphan?.orphaned).toBe(true);
    expect(orphan?.quote).toBe(quote);
    expect(orphan?.status).toBe('open');
  });

  it('an anchor on a paragraph that is deleted as a whole is orphaned', async () => {
    const a = await open('lead');
    const b = await open('drafter');
    const text = pickParagraph(a.doc, 2);
    const anchorStart = encodeAnchor(Y.createRelativePositionFromTypeIndex(text, 3, 0));
    const anchorEnd = encodeAnchor(Y.createRelativePositionFromTypeIndex(text, 9, -1));
    expect(resolvedQuote(b.doc, anchorStart, anchorEnd)).toBe(text.toString().slice(3, 9));
    const paragraph = sameText(b.doc, text).parent;
    if (!(paragraph instanceof Y.XmlElement) || !paragraph.parent) throw new Error('paragraph element expected');
    const parent = paragraph.parent as Y.XmlElement;
    const index = parent.toArray().indexOf(paragraph);
    parent.delete(index, 1);
    await converged(a, b);
    expect(resolvedQuote(a.doc, anchorStart, anchorEnd)).toBeNull();
    expect(resolvedQuote(b.doc, anchorStart, anchorEnd)).toBeNull();
  });

  it('an anchor on text a copy has not received yet is pending there, not orphaned', async () => {
    const a = await open('lead');
    const text = pickParagraph(a.doc, 3);
    const anchorStart = encodeAnchor(Y.createRelativePositionFromTypeIndex(text, 1, 0));
    const anchorEnd = encodeAnchor(Y.createRelativePositionFromTypeIndex(text, 5, -1));
    expect(isAnchorPending(a.doc, anchorStart, anchorEnd)).toBe(false);
    // A copy that has not synchronized anything yet.
    expect(isAnchorPending(new Y.Doc(), anchorStart, anchorEnd)).toBe(true);
    // Text typed offline in one copy: pending in the others until it arrives.
    const offline = new Y.Doc();
    Y.applyUpdate(offline, Y.encodeStateAsUpdate(a.doc));
    const copy = sameText(offline, text);
    copy.insert(2, '离线输入');
    const typedStart = encodeAnchor(Y.createRelativePositionFromTypeIndex(copy, 2, 0));
    const typedEnd = encodeAnchor(Y.createRelativePositionFromTypeIndex(copy, 6, -1));
    expect(resolvedQuote(offline, typedStart, typedEnd)).toBe('离线输入');
    expect(isAnchorPending(a.doc, typedStart, typedEnd)).toBe(true);
    Y.applyUpdate(a.doc, Y.encodeStateAsUpdate(offline));
    expect(isAnchorPending(a.doc, typedStart, typedEnd)).toBe(false);
    expect(resolvedQuote(a.doc, typedStart, typedEnd)).toBe('离线输入');
  });

  it('rejects anchors that are not encoded relative positions', () => {
    expect(decodeAnchor('not base64!')).toBeNull();
    expect(decodeAnchor('AAAA')).toBeNull();
    expect(decodeAnchor('')).toBeNull();
  });
});
