/**
 * Collaboration traffic for the server benchmarks: connected y-websocket clients, a document's
 * content replaced by a large standard, and a relay probe — a writer types `ratePerSecond` edits
 * into `Y.Text('bench')` of a small document and a reader (a second client) timestamps each edit's
 * arrival (propagation = send → arrival, one clock: both clients in the benchmark process).
 */
import { performance } from 'node:perf_hooks';
import * as Y from 'yjs';
import type { WebsocketProvider } from 'y-websocket';
import { CONTENT_FIELD } from '@shared/editor/extensions.js';
import type { ProseMirrorJSON } from '@shared/editor/yjsContent.js';
import { writeJSONToYDoc } from '@shared/editor/yjsContent.js';
import type { BenchDocument } from './api.js';
import { connectProvider, whenSynced } from './providerClient.js';
import { Samples, sleep } from './stats.js';

export interface Connected {
  doc: Y.Doc;
  provider: WebsocketProvider;
}

export async function connected(document: BenchDocument, what: string): Promise<Connected> {
  const doc = new Y.Doc();
  const provider = connectProvider(document, doc);
  await whenSynced(provider, 60_000, what);
  return { doc, provider };
}

export function disconnect(client: Connected): void {
  client.provider.destroy();
  client.doc.destroy();
}

/** Replaces the document's content by `content` (one update sent by the client). */
export function replaceContent(doc: Y.Doc, content: ProseMirrorJSON): void {
  doc.transact(() => {
    const fragment = doc.getXmlFragment(CONTENT_FIELD);
    fragment.delete(0, fragment.length);
    writeJSONToYDoc(doc, content);
  });
}

const TEXT_NAME = 'bench';

let probes = 0;

/** One phase of probing; several probes may run one after the other on the same clients. */
export class RelayProbe {
  private readonly sentAt = new Map<number, number>();
  private readonly samples = new Samples();
  private readonly tag = `p${++probes}`;
  private seq = 0;
  private timer: NodeJS.Timeout | null = null;
  private readonly observer: (event: Y.YTextEvent) => void;

  constructor(
    private readonly writer: Connected,
    private readonly reader: Connected,
  ) {
    const pattern = new RegExp(`~${this.tag}:(\\d+)~`, 'g');
    this.observer = (event) => {
      const now = performance.now();
      for (const op of event.delta) {
        if (typeof op.insert !== 'string') continue;
        for (const match of op.insert.matchAll(pattern)) {
          const sent = this.sentAt.get(Number(match[1]));
          if (sent !== undefined) this.samples.push(now - sent);
        }
      }
    };
    reader.doc.getText(TEXT_NAME).observe(this.observer);
  }

  start(ratePerSecond: number): void {
    this.timer = setInterval(() => {
      const id = ++this.seq;
      this.sentAt.set(id, performance.now());
      this.writer.doc.getText(TEXT_NAME).insert(0, `~${this.tag}:${id}~`);
    }, 1000 / ratePerSecond);
  }

  /** Stops typing; waits up to `graceMs` for edits still on their way. */
  async stop(graceMs = 15_000): Promise<{ sent: number; lost: number; propagationMs: Float64Array }> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    const end = performance.now() + graceMs;
    while (this.samples.length < this.seq && performance.now() < end) await sleep(50);
    this.reader.doc.getText(TEXT_NAME).unobserve(this.observer);
    return { sent: this.seq, lost: this.seq - this.samples.length, propagationMs: this.samples.values() };
  }
}
