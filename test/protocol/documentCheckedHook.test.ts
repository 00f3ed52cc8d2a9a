/**
 * The drafting checker's counts reach other server concerns through the hook pipeline: an extension
 * registered with the server receives `onDocumentChecked` after an edit over a real websocket, with
 * the stored counts; and `GET /api/documents/:id/check` refreshes the stored counts and announces them.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { DocumentCheckResponse } from '@shared/api/types.js';
import { CONTENT_FIELD } from '@shared/editor/extensions.js';
import type { DocumentCheckedPayload, Extension } from '../../server/collab/hooks.js';
import { startTestServer } from '../helpers/server.js';
import type { TestServer } from '../helpers/server.js';
import { demoProject, login, request } from '../helpers/api.js';
import { connectSynced, waitFor } from '../helpers/collab.js';
import type { Client } from '../helpers/collab.js';

/** A progress-tracking stand-in: records every check it is told about. */
class RecordingExtension implements Extension {
  readonly name = 'recording-progress';
  readonly checks: DocumentCheckedPayload[] = [];
  onDocumentChecked(payload: DocumentCheckedPayload): void {
    this.checks.push(payload);
  }
}

let server: TestServer;
let recorder: RecordingExtension;
let token: string;
let documentId: string;
let projectId: string;
const clients: Client[] = [];

beforeEach(async () => {
  recorder = new RecordingExtension();
  server = await startTestServer({ extensions: [recorder] });
  token = await login(server.url, 'lead@example.com');
  const project = await demoProject(server.url, token);
  documentId = project.standardId;
  projectId = project.project.id;
});

afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy();
  await server.dispose();
});

function technicalRequirements(doc: Y.Doc): Y.XmlElement {
  for (const child of doc.getXmlFragment(CONTENT_FIELD).toArray()) {
    if (
      child instanceof Y.XmlElement &&
      child.nodeName === 'chapter' &&
      child.getAttribute('role') === 'technical-requirements'
    )
      return child;
  }
  throw new Error('no technical requirements');
}

function clauseWith(id: string, text: string): Y.XmlElement {
  const clause = new Y.XmlElement('clause');
  clause.setAttribute('id', id);
  const heading = new Y.XmlElement('sectionTitle');
  heading.insert(0, [new Y.XmlText('附加要求')]);
  const paragraph = new Y.XmlElement('paragraph');
  paragraph.insert(0, [new Y.XmlText(text)]);
  clause.insert(0, [heading, paragraph]);
  return clause;
}

const checksOf = (id: string) => recorder.checks.filter((c) => c.documentId === id);

describe('onDocumentChecked', () => {
  it('a registered extension receives the counts after an edit, as stored in documentChecks', async () => {
    const client = await connectSynced(server.url, documentId, token);
    clients.push(client);
    await waitFor(() => checksOf(documentId).length > 0, 'the check after load', 15_000);
    const first = checksOf(documentId).at(-1)!;
    expect(first.projectId).toBe(projectId);
    expect(first.counts.errors).toBe(0);

    const chapter = technicalRequirements(client.doc);
    client.doc.transact(() =>
      chapter.insert(chapter.length, [clauseWith('hookCheckClause1', '产品必须符合本文件的规定。')]),
    );
    await waitFor(() => checksOf(documentId).some((c) => c.counts.errors > 0), 'a check with the new error', 15_000);
    const after = checksOf(documentId).find((c) => c.counts.errors > 0)!;
    expect(Date.parse(after.checkedAt)).toBeGreaterThanOrEqual(Date.parse(first.checkedAt));
    const stored = server.services.metadata.collection('documentChecks').get(documentId);
    expect(stored?.errors).toBe(after.counts.errors);
    expect(stored?.warnings).toBe(after.counts.warnings);
  });

  it('GET /check refreshes the stored counts and announces them', async () => {
    const checks = server.services.metadata.collection('documentChecks');
    if (checks.get(documentId)) await checks.update(documentId, { errors: 99, warnings: 99 });
    else
      await checks.insert({
        id: documentId,
        projectId,
        errors: 99,
        warnings: 99,
        checkedAt: '2020-01-01T00:00:00.000Z',
      });
    const before = checksOf(documentId).length;
    const response = await request<DocumentCheckResponse>(server.url, 'GET', `/api/documents/${documentId}/check`, {
      token,
    });
    expect(response.status).toBe(200);
    const stored = checks.get(documentId);
    expect(stored?.errors).toBe(response.body.counts.errors);
    expect(stored?.warnings).toBe(response.body.counts.warnings);
    expect(stored?.checkedAt).toBe(response.body.checkedAt);
    const announced = checksOf(documentId).slice(before);
    expect(announced.map((c) => c.checkedAt)).toContain(response.body.checkedAt);
  });
});
