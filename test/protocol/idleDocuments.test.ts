/**
 * Documents the server opens only to read them (content, drafting check, .docx export, history and
 * its .xlsx, threads, versions and differences, gates, the dashboard) are unloaded after the read:
 * the loaded documents follow the documents someone has open. The long run of the same mix is the
 * soak benchmark (`npm run bench -- soak`, bench/README.md).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { startTestServer } from '../helpers/server.js';
import type { TestServer } from '../helpers/server.js';
import { demoProject, login, request } from '../helpers/api.js';
import { appendParagraph, connectSynced, waitFor } from '../helpers/collab.js';
import type { Client } from '../helpers/collab.js';

let server: TestServer | null = null;
const clients: Client[] = [];

afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy();
  await server?.dispose();
  server = null;
});

describe('documents opened only to be read', () => {
  it('are unloaded after every kind of read; a document with a connection stays loaded', async () => {
    server = await startTestServer();
    const s = server;
    const token = await login(s.url, 'lead@example.com');
    const bureau = await login(s.url, 'bureau@example.com');
    const { project, standardId } = await demoProject(s.url, token);
    const others = project.documents.map((d) => d.id).filter((id) => id !== standardId);
    expect(others.length).toBeGreaterThan(0);

    // One document is open (and typed into); the others are only read.
    const writer = await connectSynced(s.url, standardId, token);
    clients.push(writer);
    appendParagraph(writer.doc, '有人打开的文档');

    for (const documentId of others) {
      for (const path of ['content', 'check', 'export.docx', 'history', 'history.xlsx', 'threads', 'versions']) {
        const read = await fetch(`${s.url}/api/documents/${documentId}/${path}`, {
          headers: { authorization: `Bearer ${token}` },
        });
        await read.arrayBuffer();
        expect(read.status, `${path} of ${documentId}`).toBe(200);
      }
      const version = await request<{ id: string }>(s.url, 'POST', `/api/documents/${documentId}/versions`, {
        token,
        body: { name: '只读版本' },
      });
      expect(version.status).toBe(201);
      const diff = await request(s.url, 'GET', `/api/documents/${documentId}/diff?from=${version.body.id}&to=current`, {
        token,
      });
      expect(diff.status).toBe(200);
    }
    const gates = await request(
      s.url,
      'GET',
      `/api/projects/${project.id}/gates?target=${encodeURIComponent('送审稿')}`,
      {
        token,
      },
    );
    expect(gates.status).toBe(200);
    expect((await request(s.url, 'GET', '/api/dashboard', { token: bureau })).status).toBe(200);

    await waitFor(() => s.collab.stats().loadedDocuments === 1, 'only the open document stays loaded');
    for (const documentId of others) expect(s.collab.isLoaded(documentId)).toBe(false);
    expect(s.collab.isLoaded(standardId)).toBe(true);

    writer.destroy();
    clients.length = 0;
    await waitFor(() => s.collab.stats().loadedDocuments === 0, 'nothing loaded once the last client left');
  }, 60_000);
});

describe('a document whose description is read', () => {
  it('is loaded for the socket that follows, and unloaded again when no socket comes', async () => {
    server = await startTestServer();
    const s = server;
    const token = await login(s.url, 'lead@example.com');
    const { standardId } = await demoProject(s.url, token);
    expect(s.collab.isLoaded(standardId)).toBe(false);

    // The editor reads the description right before it connects: the document loads meanwhile.
    expect((await request(s.url, 'GET', `/api/documents/${standardId}`, { token })).status).toBe(200);
    await waitFor(() => s.collab.isLoaded(standardId), 'loaded after the description was read', 5000);
    const reader = await connectSynced(s.url, standardId, token);
    clients.push(reader);
    expect(reader.doc.getXmlFragment('default').length).toBeGreaterThan(0);
    reader.destroy();
    clients.length = 0;
    await waitFor(() => !s.collab.isLoaded(standardId), 'unloaded once the reader left', 5000);

    // Read again, and nobody connects: unloaded after the hold (10 s).
    expect((await request(s.url, 'GET', `/api/documents/${standardId}`, { token })).status).toBe(200);
    await waitFor(() => s.collab.isLoaded(standardId), 'loaded after the description was read', 5000);
    await waitFor(() => !s.collab.isLoaded(standardId), 'unloaded after the hold', 15_000);
  }, 60_000);
});
