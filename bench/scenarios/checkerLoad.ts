/**
 * Server benchmark — the drafting checker under load.
 *
 * One server (ours, in its own child process). `largeDocuments` standards of 100 pages each are
 * loaded through a y-websocket client and typed into at 10 keys/s (one character into a random
 * paragraph per key), so the server checks each of them every 0.8–3 s. Meanwhile, in a small
 * document of another project, a writer types at 10 edits/s into `Y.Text('bench')` and a reader
 * (second client) timestamps every edit's arrival: propagation = send → arrival, one clock (all
 * clients in this process). The server reports its event-loop delay (p99, max) over the timed
 * phase. Run with the checker in worker threads and inline (the baseline before the pool).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import * as Y from 'yjs';
import type { WebsocketProvider } from 'y-websocket';
import { CONTENT_FIELD } from '@shared/editor/extensions.js';
import type { ProseMirrorJSON } from '@shared/editor/yjsContent.js';
import { writeJSONToYDoc } from '@shared/editor/yjsContent.js';
import { isServerPresence } from '@shared/collab/serverPresence.js';
import { createProjectDocuments, login } from '../lib/api.js';
import type { BenchDocument } from '../lib/api.js';
import { connectProvider, whenSynced } from '../lib/providerClient.js';
import { ServerProcess } from '../lib/serverProcess.js';
import type { PhaseStats } from '../lib/serverProcess.js';
import { Samples, sleep, summarize } from '../lib/stats.js';
import type { LatencySummary } from '../lib/stats.js';
import { loadMark, loadSince } from '../lib/machine.js';
import type { LoadSummary } from '../lib/machine.js';
import { progress } from '../lib/report.js';

export type CheckerMode = 'inline' | 'worker';

export interface CheckerLoadOptions {
  mode: CheckerMode;
  largeDocuments: number;
  durationMs: number;
  /** The large standard's content (ProseMirror JSON of the shared schema). */
  content: ProseMirrorJSON;
}

export interface CheckerLoadResult {
  mode: CheckerMode;
  largeDocuments: number;
  edits: number;
  lost: number;
  propagationMs: LatencySummary;
  /** Checks the typing clients saw completed (server presence updates) during the timed phase. */
  checksSeen: number;
  serverStats: PhaseStats;
  load: LoadSummary;
}

const KEYS_PER_SECOND = 10;
const SMALL_EDITS_PER_SECOND = 10;
const TEXT_NAME = 'bench';

interface Connected {
  doc: Y.Doc;
  provider: WebsocketProvider;
}

async function connected(document: BenchDocument, what: string): Promise<Connected> {
  const doc = new Y.Doc();
  const provider = connectProvider(document, doc);
  await whenSynced(provider, 60_000, what);
  return { doc, provider };
}

/** Every text node under the editor content (where a keystroke can go). */
export function textNodes(doc: Y.Doc): Y.XmlText[] {
  const out: Y.XmlText[] = [];
  const walk = (node: Y.XmlFragment | Y.XmlElement): void => {
    for (const child of node.toArray()) {
      if (child instanceof Y.XmlText) out.push(child);
      else if (child instanceof Y.XmlElement) walk(child);
    }
  };
  walk(doc.getXmlFragment(CONTENT_FIELD));
  return out.filter((t) => t.length > 0);
}

/** Replaces the document's content by the large standard (one update sent by the client). */
function loadLarge(doc: Y.Doc, content: ProseMirrorJSON): void {
  doc.transact(() => {
    const fragment = doc.getXmlFragment(CONTENT_FIELD);
    fragment.delete(0, fragment.length);
    writeJSONToYDoc(doc, content);
  });
}

/** Milliseconds the main thread spends encoding the large standard's state (what a check sends to a worker). */
export function encodeCostMs(content: ProseMirrorJSON, runs = 10): { stateBytes: number; medianMs: number } {
  const doc = new Y.Doc();
  writeJSONToYDoc(doc, content);
  const times: number[] = [];
  let stateBytes = 0;
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    stateBytes = Y.encodeStateAsUpdate(doc).byteLength;
    times.push(performance.now() - started);
  }
  doc.destroy();
  times.sort((a, b) => a - b);
  return { stateBytes, medianMs: times[Math.floor(times.length / 2)]! };
}

export async function runCheckerLoad(options: CheckerLoadOptions): Promise<CheckerLoadResult> {
  const dataDir = await mkdtemp(join(tmpdir(), 'bench-checker-'));
  const server = await ServerProcess.start('ours', { dataDir, env: { BENCH_CHECKER_MODE: options.mode } });
  const clients: Connected[] = [];
  const timers: NodeJS.Timeout[] = [];
  try {
    const token = await login(server.httpUrl);
    const document = (documentId: string): BenchDocument => ({ wsBase: server.wsBase, documentId, params: { token } });

    // The large standards, each the standard text of its own project.
    const typists: { doc: Y.Doc; texts: Y.XmlText[] }[] = [];
    let checksSeen = 0;
    let counting = false;
    for (let i = 0; i < options.largeDocuments; i++) {
      const [standardId] = await createProjectDocuments(server.httpUrl, token, `checker-large-${i}`);
      const client = await connected(document(standardId!), `large document ${i}`);
      clients.push(client);
      loadLarge(client.doc, options.content);
      client.provider.awareness.on('change', () => {
        const presence = [...client.provider.awareness.getStates().values()].find(isServerPresence);
        if (counting && presence?.checker) checksSeen++;
      });
      typists.push({ doc: client.doc, texts: textNodes(client.doc) });
    }
    const [smallId] = await createProjectDocuments(server.httpUrl, token, 'checker-small');
    const writer = await connected(document(smallId!), 'small writer');
    const reader = await connected(document(smallId!), 'small reader');
    clients.push(writer, reader);
    progress(`${options.mode}: ${options.largeDocuments} large document(s) loaded; waiting for their first checks`);
    await sleep(5000);

    const sentAt = new Map<number, number>();
    const samples = new Samples();
    reader.doc.getText(TEXT_NAME).observe((event) => {
      const now = performance.now();
      for (const op of event.delta) {
        if (typeof op.insert !== 'string') continue;
        for (const match of op.insert.matchAll(/~(\d+)~/g)) {
          const sent = sentAt.get(Number(match[1]));
          if (sent !== undefined) samples.push(now - sent);
        }
      }
    });

    const before = await server.mark(true);
    const load = loadMark();
    counting = true;
    let seq = 0;
    let key = 0;
    for (const typist of typists) {
      timers.push(
        setInterval(() => {
          const text = typist.texts[(key++ * 7919) % typist.texts.length]!;
          text.insert(Math.min(text.length, 3), '字');
        }, 1000 / KEYS_PER_SECOND),
      );
    }
    timers.push(
      setInterval(() => {
        const id = ++seq;
        sentAt.set(id, performance.now());
        writer.doc.getText(TEXT_NAME).insert(0, `~${id}~`);
      }, 1000 / SMALL_EDITS_PER_SECOND),
    );
    await sleep(options.durationMs);
    for (const timer of timers.splice(0)) clearInterval(timer);
    counting = false;
    const after = await server.mark();
    const loadSummary = loadSince(load, ServerProcess.phase(before, after).cpuMs);
    // Edits still on their way (e.g. behind an inline check) arrive within this grace.
    const graceEnd = performance.now() + 15_000;
    while (samples.length < seq && performance.now() < graceEnd) await sleep(50);
    return {
      mode: options.mode,
      largeDocuments: options.largeDocuments,
      edits: seq,
      lost: seq - samples.length,
      propagationMs: summarize(samples.values()),
      checksSeen,
      serverStats: ServerProcess.phase(before, after),
      load: loadSummary,
    };
  } finally {
    for (const timer of timers) clearInterval(timer);
    for (const client of clients) {
      client.provider.destroy();
      client.doc.destroy();
    }
    await server.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}
