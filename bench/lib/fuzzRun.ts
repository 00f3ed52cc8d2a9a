/**
 * Sends malformed frames (bench/lib/fuzzFrames.ts) to a collaboration server over real sockets: a few
 * sockets at a time, each sending a batch of frames and then a sync step 1 as a probe; the socket is
 * done when the server answers the probe or closes it. The server closes a socket at its first
 * malformed frame (4400) and still reads the frames already on their way, on the closing socket
 * (decoded; updates no longer applied): each batch starts with the frames most likely to be accepted
 * (damaged updates, garbage presence) so that some of those reach a document on an open socket.
 * Used by the fuzz test and the fuzz benchmark.
 */
import WebSocket from 'ws';
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import { FUZZ_KINDS, FuzzFrames } from './fuzzFrames.js';
import type { FuzzFrame, FuzzKind } from './fuzzFrames.js';

/** Kinds sent first in a batch, most likely accepted last in this list (indexOf: -1 for the rest). */
const FIRST: readonly FuzzKind[] = ['garbage-update', 'garbage-awareness', 'damaged-update'];

export interface FuzzOptions {
  /** Full collaboration URL of the document (with `?token=` where needed). */
  url: string;
  frames: number;
  seed: number;
  /** Sockets open at the same time. */
  concurrency: number;
  /** Frames per socket before the probe. */
  batch: number;
  /** Called after every socket with the frames sent so far. */
  onProgress?: (sent: number) => void | Promise<void>;
}

export interface FuzzResult {
  sent: number;
  byKind: Record<FuzzKind, number>;
  sockets: number;
  /** How each socket ended: a close code from the server, `answered` (the probe), or `error`. */
  outcomes: Record<string, number>;
  elapsedMs: number;
}

function probeFrame(): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, 0);
  syncProtocol.writeSyncStep1(e, new Y.Doc());
  return encoding.toUint8Array(e);
}

/** One socket: its batch, the probe, then the outcome. */
function fuzzSocket(url: string, frames: Uint8Array[], probe: Uint8Array): Promise<string> {
  return new Promise((resolve) => {
    const ws = new WebSocket(url);
    let done = false;
    const finish = (outcome: string): void => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      ws.terminate();
      resolve(outcome);
    };
    const timer = setTimeout(() => finish('timeout'), 15_000);
    ws.on('open', () => {
      for (const bytes of frames) ws.send(bytes, { binary: true });
      ws.send(probe, { binary: true });
    });
    ws.on('message', (data: Buffer) => {
      // The server's answer to the probe: a sync step 2 (its own sync step 1 arrives first).
      if (data[0] === 0 && data[1] === syncProtocol.messageYjsSyncStep2) finish('answered');
    });
    ws.on('close', (code) => finish(String(code)));
    ws.on('error', () => finish('error'));
  });
}

export async function runFuzz(options: FuzzOptions): Promise<FuzzResult> {
  const generator = new FuzzFrames(options.seed);
  const probe = probeFrame();
  const byKind = Object.fromEntries(FUZZ_KINDS.map((k) => [k, 0])) as Record<FuzzKind, number>;
  const outcomes: Record<string, number> = {};
  let sent = 0;
  let sockets = 0;
  const started = performance.now();
  const worker = async (): Promise<void> => {
    while (sent < options.frames) {
      const batch: FuzzFrame[] = [];
      while (batch.length < options.batch && sent < options.frames) {
        const frame = generator.next();
        byKind[frame.kind]++;
        batch.push(frame);
        sent++;
      }
      batch.sort((a, b) => FIRST.indexOf(b.kind) - FIRST.indexOf(a.kind));
      const outcome = await fuzzSocket(
        options.url,
        batch.map((f) => f.bytes),
        probe,
      );
      sockets++;
      outcomes[outcome] = (outcomes[outcome] ?? 0) + 1;
      await options.onProgress?.(sent);
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, () => worker()));
  return { sent, byKind, sockets, outcomes, elapsedMs: performance.now() - started };
}
