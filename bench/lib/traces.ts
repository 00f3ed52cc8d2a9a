/**
 * The real editing traces (josephg/editing-traces, CC BY 4.0): loading, and applying a patch
 * `[pos, delCount, insStr]` to a Y.Text. Positions are Unicode code points; Y.Text indexes UTF-16
 * code units. The shipped traces are BMP-only (checked on load), where the two coincide.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';

/**
 * Where the traces are: `TRACE_DIR` if set, otherwise `shared/data/editing-traces` beside the
 * project root (`<project>/../shared/data/editing-traces`).
 */
export const TRACE_DIR = process.env.TRACE_DIR
  ? resolve(process.env.TRACE_DIR)
  : fileURLToPath(new URL('../../../shared/data/editing-traces', import.meta.url));

export type Patch = [position: number, deleteCount: number, insert: string];

export interface SequentialTrace {
  startContent: string;
  endContent: string;
  txns: { patches: Patch[] }[];
}

export interface ConcurrentTxn {
  parents: number[];
  agent: number;
  patches: Patch[];
}

export interface ConcurrentTrace {
  kind: 'concurrent';
  endContent: string;
  numAgents: number;
  txns: ConcurrentTxn[];
}

const NON_BMP = /[\uD800-\uDFFF]/;

function load(name: string): unknown {
  return JSON.parse(gunzipSync(readFileSync(resolve(TRACE_DIR, `${name}.json.gz`))).toString('utf8'));
}

function assertBmp(name: string, endContent: string, txns: { patches: Patch[] }[]): void {
  if (NON_BMP.test(endContent) || txns.some((t) => t.patches.some((p) => NON_BMP.test(p[2])))) {
    throw new Error(`${name}: contains characters outside the BMP; code-point positions would need conversion`);
  }
}

export function loadSequentialTrace(name: string): SequentialTrace {
  const data = load(name) as SequentialTrace;
  if (!Array.isArray(data.txns) || typeof data.endContent !== 'string')
    throw new Error(`${name}: not a sequential trace`);
  assertBmp(name, data.endContent, data.txns);
  return { startContent: data.startContent ?? '', endContent: data.endContent, txns: data.txns };
}

export function loadConcurrentTrace(name: string): ConcurrentTrace {
  const data = load(name) as ConcurrentTrace;
  if (data.kind !== 'concurrent' || !Array.isArray(data.txns)) throw new Error(`${name}: not a concurrent trace`);
  assertBmp(name, data.endContent, data.txns);
  return data;
}

export function applyPatches(text: Y.Text, patches: Patch[]): void {
  for (const [position, deleteCount, insert] of patches) {
    if (deleteCount > 0) text.delete(position, deleteCount);
    if (insert.length > 0) text.insert(position, insert);
  }
}

/** Replays patches on a plain string: an independent expected result for a prefix of a trace. */
export function replayOnString(start: string, txns: { patches: Patch[] }[]): string {
  let text = start;
  for (const txn of txns) {
    for (const [position, deleteCount, insert] of txn.patches) {
      text = text.slice(0, position) + insert + text.slice(position + deleteCount);
    }
  }
  return text;
}

export interface PrecomputedUpdates {
  /** One y-websocket update frame per transaction, ready to send. */
  frames: Uint8Array[];
  /** The raw Yjs updates (V1), one per transaction. */
  updates: Uint8Array[];
  /**
   * The writer's Yjs client id and, per frame, the writer's clock after it: an observer knows that
   * frame i arrived once it has received the writer's structs up to `endClocks[i]` — also when the
   * server merges several updates into one broadcast message.
   */
  writerClientId: number;
  endClocks: number[];
  updateBytes: number;
  finalText: string;
  localReplayMs: number;
  stateBytesV1: number;
  stateBytesV2: number;
}

/**
 * Replays the first `count` transactions into a local Y.Doc, one Yjs transaction per trace
 * transaction, and keeps each resulting update as the y-websocket frame a client sends for it.
 */
export function precomputeFrames(trace: SequentialTrace, count: number, textName: string): PrecomputedUpdates {
  const doc = new Y.Doc();
  const text = doc.getText(textName);
  const frames: Uint8Array[] = [];
  const updates: Uint8Array[] = [];
  const endClocks: number[] = [];
  let updateBytes = 0;
  doc.on('update', (update: Uint8Array) => {
    updates.push(update);
    endClocks.push(Y.getState(doc.store, doc.clientID));
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, 0);
    syncProtocol.writeUpdate(encoder, update);
    frames.push(encoding.toUint8Array(encoder));
    updateBytes += update.byteLength;
  });
  const started = performance.now();
  if (trace.startContent.length > 0) text.insert(0, trace.startContent);
  for (let i = 0; i < count; i++) {
    const txn = trace.txns[i]!;
    doc.transact(() => applyPatches(text, txn.patches));
  }
  const localReplayMs = performance.now() - started;
  const result: PrecomputedUpdates = {
    frames,
    updates,
    writerClientId: doc.clientID,
    endClocks,
    updateBytes,
    finalText: text.toString(),
    localReplayMs,
    stateBytesV1: Y.encodeStateAsUpdate(doc).byteLength,
    stateBytesV2: Y.encodeStateAsUpdateV2(doc).byteLength,
  };
  doc.destroy();
  return result;
}
