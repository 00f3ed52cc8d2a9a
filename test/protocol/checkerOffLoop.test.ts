/**
 * The drafting checker never stalls the relaying of edits: while the server checks a 100-page
 * standard (in its checker's worker pool), an edit to another, small document reaches a second
 * client before that check is done. Order of events, not timing: the check is observed in flight
 * (the pool reports it) before the edit is sent, and has not been announced (`onDocumentChecked`)
 * when the edit arrives. With the checker on the event loop (`checker: { mode: 'inline' }`) a check
 * is never observable in flight, nor can any edit be relayed during it. And a checker worker that
 * dies costs only its check: logged, replaced, retried once.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { pino } from 'pino';
import * as Y from 'yjs';
import { CONTENT_FIELD } from '@shared/editor/extensions.js';
import { writeJSONToYDoc } from '@shared/editor/yjsContent.js';
import type { DocumentCheckedPayload, Extension } from '../../server/collab/hooks.js';
import { CheckerClosed, CheckerPool } from '../../server/checker/CheckerPool.js';
import { buildDuplicatedStandard } from '../../bench/lib/largeStandard.js';
import { startTestServer } from '../helpers/server.js';
import type { TestServer } from '../helpers/server.js';
import { demoProject, login } from '../helpers/api.js';
import { connectSynced, waitFor } from '../helpers/collab.js';
import type { Client } from '../helpers/collab.js';

let server: TestServer;
let token: string;
const clients: Client[] = [];
/** Every check announced through the hook pipeline (`onDocumentChecked`), in order. */
let announced: DocumentCheckedPayload[] = [];

const checksOf = (documentId: string): number => announced.filter((c) => c.documentId === documentId).length;

/** Resolves with what the client saw when `text` first arrived in its Y.Text('bench'). */
function arrival<T>(client: Client, text: string, observe: () => T): Promise<T> {
  return new Promise((resolve) => {
    const bench = client.doc.getText('bench');
    const onChange = (): void => {
      if (!bench.toString().includes(text)) return;
      bench.unobserve(onChange);
      resolve(observe());
    };
    bench.observe(onChange);
  });
}

describe('the drafting checker runs off the event loop', () => {
  beforeEach(async () => {
    announced = [];
    const recorder: Extension = {
      name: 'recording-checks',
      onDocumentChecked: (payload) => void announced.push(payload),
    };
    server = await startTestServer({ extensions: [recorder] });
    token = await login(server.url, 'lead@example.com');
  });

  afterEach(async () => {
    for (const c of clients.splice(0)) c.destroy();
    await server.dispose();
  });

  it('an edit to a small document is relayed while a 100-page standard is being checked', async () => {
    const { project, standardId: largeId } = await demoProject(server.url, token);
    const smallId = project.documents.find((d) => d.id !== largeId)?.id;
    if (!smallId) throw new Error('the demo project has a second document');

    const typist = await connectSynced(server.url, largeId, token);
    const writer = await connectSynced(server.url, smallId, token);
    const reader = await connectSynced(server.url, smallId, token);
    clients.push(typist, writer, reader);
    await waitFor(() => checksOf(largeId) > 0 && checksOf(smallId) > 0, 'the checks after load', 30_000);
    await waitFor(() => server.checker.activeChecks === 0, 'no check in flight', 30_000);

    // The large standard replaces the content; the checker picks it up after its debounce.
    const checksBefore = checksOf(largeId);
    typist.doc.transact(() => {
      const fragment = typist.doc.getXmlFragment(CONTENT_FIELD);
      fragment.delete(0, fragment.length);
      writeJSONToYDoc(typist.doc, buildDuplicatedStandard());
    });
    await waitFor(() => server.checker.activeChecks > 0, 'the large standard’s check in flight', 30_000);
    expect(checksOf(largeId)).toBe(checksBefore);

    const seen = arrival(reader, '编辑', () => ({
      largeChecked: checksOf(largeId) > checksBefore,
      checking: server.checker.activeChecks,
    }));
    writer.doc.getText('bench').insert(0, '编辑');
    const atArrival = await seen;
    expect(atArrival.largeChecked).toBe(false);
    expect(atArrival.checking).toBeGreaterThan(0);

    // The check completes afterwards, with the large standard's findings.
    await waitFor(() => checksOf(largeId) > checksBefore, 'the large standard’s check', 60_000);
  }, 120_000);
});

describe('a checker worker that dies', () => {
  it('is logged and replaced; its check is retried once, then fails alone', async () => {
    const logged: string[] = [];
    const log = pino({ level: 'error' }, { write: (line: string) => logged.push(line) });
    // A worker that exits on its first request.
    const dying = new URL(
      `data:text/javascript,${encodeURIComponent(
        "import { parentPort } from 'node:worker_threads'; parentPort.on('message', () => process.exit(7));",
      )}`,
    );
    const pool = new CheckerPool(log, { workers: 1 }, dying);
    const doc = new Y.Doc();
    doc.getXmlFragment(CONTENT_FIELD).insert(0, [new Y.XmlElement('paragraph')]);
    try {
      await expect(pool.check(doc, 'standard')).rejects.toThrow('exited with code 7');
      // Two workers started (the first and its replacement), each exit logged.
      expect(logged.filter((line) => line.includes('worker exited')).length).toBe(2);
      expect(pool.activeChecks).toBe(0);
      // The pool keeps answering: the next check gets a new worker.
      await expect(pool.check(doc, 'standard')).rejects.toThrow('exited with code 7');
    } finally {
      await pool.close();
      doc.destroy();
    }
    await expect(pool.check(doc, 'standard')).rejects.toBeInstanceOf(CheckerClosed);
  });
});
