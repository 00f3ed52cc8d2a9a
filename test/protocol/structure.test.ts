/**
 * The structured standard through a real server: numbering and checker over the REST API, the
 * checker's findings pushed live to connected clients, and consistent numbering when two clients
 * insert clauses at the same moment.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { DocumentCheckResponse, DocumentContentResponse } from '@shared/api/types.js';
import { isServerPresence } from '@shared/collab/serverPresence.js';
import type { ServerPresenceState } from '@shared/collab/serverPresence.js';
import { CONTENT_FIELD } from '@shared/editor/extensions.js';
import { computeNumbering } from '@shared/editor/structure/numbering.js';
import { yDocToJSON } from '@shared/editor/yjsContent.js';
import { login, request } from '../helpers/api.js';
import { waitFor } from '../helpers/collab.js';
import { collabSuite } from '../helpers/collabSuite.js';
import type { Client } from '../helpers/collab.js';

const suite = collabSuite();

function serverPresence(client: Client): ServerPresenceState | null {
  for (const state of client.provider.awareness.getStates().values()) if (isServerPresence(state)) return state;
  return null;
}

/** The chapter element with a role, found in the Yjs tree as the editor binding stores it. */
function chapterByRole(doc: Y.Doc, role: string): Y.XmlElement {
  for (const child of doc.getXmlFragment(CONTENT_FIELD).toArray()) {
    if (child instanceof Y.XmlElement && child.nodeName === 'chapter' && child.getAttribute('role') === role)
      return child;
  }
  throw new Error(`no chapter ${role}`);
}

function newClause(id: string, title: string, text: string): Y.XmlElement {
  const clause = new Y.XmlElement('clause');
  clause.setAttribute('id', id);
  const heading = new Y.XmlElement('sectionTitle');
  heading.insert(0, [new Y.XmlText(title)]);
  const paragraph = new Y.XmlElement('paragraph');
  paragraph.insert(0, [new Y.XmlText(text)]);
  clause.insert(0, [heading, paragraph]);
  return clause;
}

describe('structured standard through the server', () => {
  it('returns the current content with computed numbering, and the checker findings', async () => {
    const content = await request<DocumentContentResponse>(
      suite.server.url,
      'GET',
      `/api/documents/${suite.documentId}/content`,
      { token: suite.token },
    );
    expect(content.status).toBe(200);
    const chapters = content.body.numbering.outline.filter((item) => item.kind === 'chapter');
    expect(chapters.map((c) => c.label)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9']);
    expect(chapters.map((c) => c.title)).toContain('技术要求');
    expect(content.body.numbering.outline.some((item) => item.label === '5.1.2')).toBe(true);
    expect(content.body.draftingCredits.leadUnits.length).toBe(1);
    const check = await request<DocumentCheckResponse>(
      suite.server.url,
      'GET',
      `/api/documents/${suite.documentId}/check`,
      { token: suite.token },
    );
    expect(check.status).toBe(200);
    expect(check.body.counts.errors).toBe(0);
  });

  it('pushes the checker findings live: 必须 typed into a clause appears as an error, and goes away', async () => {
    const client = await suite.connected();
    await waitFor(() => serverPresence(client)?.checker !== undefined, 'initial checker results');
    expect(serverPresence(client)?.checker?.result.counts.errors).toBe(0);

    const requirements = chapterByRole(client.doc, 'technical-requirements');
    const added = newClause('liveCheckClause01', '附加要求', '产品必须符合本文件的规定。');
    client.doc.transact(() => requirements.insert(requirements.length, [added]));
    await waitFor(
      () => serverPresence(client)?.checker?.result.findings.some((f) => f.ruleId === 'wording.must') === true,
      'wording.must reported',
      15_000,
    );
    const finding = serverPresence(client)!.checker!.result.findings.find((f) => f.ruleId === 'wording.must')!;
    expect(finding.severity).toBe('error');
    expect(finding.message.zh).toContain('必须');

    const text = (added.get(1) as Y.XmlElement).get(0) as Y.XmlText;
    client.doc.transact(() => {
      const index = text.toString().indexOf('必须');
      text.delete(index, 2);
      text.insert(index, '应');
    });
    await waitFor(
      () => serverPresence(client)?.checker?.result.findings.some((f) => f.ruleId === 'wording.must') === false,
      'finding cleared',
      15_000,
    );
    const stored = suite.server.services.metadata.collection('documentChecks').get(suite.documentId);
    expect(stored?.projectId).toBeTruthy();
  });

  it('two clients inserting clauses at once see the same, consistent numbering', async () => {
    const a = await suite.connected();
    const b = await suite.connected(await login(suite.server.url, 'drafter@example.com'));
    const before = computeNumbering(yDocToJSON(a.doc));
    const fiveTwo = before.outline.find((item) => item.label === '5.2')!;
    // Both insert a new clause right after 5.1, at the same moment.
    for (const [client, id] of [
      [a, 'concurrentA001'],
      [b, 'concurrentB001'],
    ] as const) {
      const chapter = chapterByRole(client.doc, 'technical-requirements');
      const index = chapter
        .toArray()
        .findIndex((child) => child instanceof Y.XmlElement && child.getAttribute('id') === fiveTwo.id);
      client.doc.transact(() => chapter.insert(index, [newClause(id, `并发插入的条 ${id}`, '内容应符合要求。')]));
    }
    await waitFor(
      () => Buffer.from(Y.encodeStateVector(a.doc)).equals(Buffer.from(Y.encodeStateVector(b.doc))),
      'converged',
    );
    const numberingA = computeNumbering(yDocToJSON(a.doc));
    const numberingB = computeNumbering(yDocToJSON(b.doc));
    expect(numberingA.outline.map((i) => `${i.label} ${i.title}`)).toEqual(
      numberingB.outline.map((i) => `${i.label} ${i.title}`),
    );
    const labels = ['concurrentA001', 'concurrentB001'].map((id) => numberingA.byId[id]!.label).sort();
    expect(labels).toEqual(['5.2', '5.3']);
    expect(numberingA.byId[fiveTwo.id]!.label).toBe('5.4');
    const ids = numberingA.outline.map((i) => i.id);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
