/**
 * Benchmark 1 — edit-propagation latency.
 *
 * N clients in one fresh document; W of them type at `rate` edits/s each for `durationMs`. Every
 * edit inserts a fixed-width token `~W<writer>S<seq>~` (12 chars) into `Y.Text('bench')` at a
 * token boundary (so tokens never split and the final text can be parsed back). The writer
 * records `performance.now()` just before the transaction (the update frame is sent synchronously
 * from the doc's update handler); every other client timestamps each update frame on arrival and
 * finds the token(s) in it, giving one send→arrival sample per (edit, receiver). All clients live
 * in this process (one clock); the server runs in a child process on its own core.
 *
 * Lost edits: deliveries that never arrived by the end of the settle period (every client but the
 * writer must receive every edit). Convergence: after the run each client applies what it
 * received; all texts must be identical, parse into whole tokens, and contain every edit once.
 */
import { performance } from 'node:perf_hooks';
import type { ServerKind } from '../lib/ipc.js';
import { freshDocument, documentUrl } from '../lib/api.js';
import { LightClient, connectAll } from '../lib/lightClient.js';
import { ServerProcess } from '../lib/serverProcess.js';
import type { PhaseStats } from '../lib/serverProcess.js';
import { Samples, sleep, summarize } from '../lib/stats.js';
import type { LatencySummary } from '../lib/stats.js';
import { progress } from '../lib/report.js';
import { loadMark, loadSince } from '../lib/machine.js';
import type { LoadSummary } from '../lib/machine.js';

export const TEXT_NAME = 'bench';
const TOKEN_LENGTH = 12;
const TILDE = 0x7e;
const LETTER_W = 0x57;
const LETTER_S = 0x53;

export interface LatencyConfig {
  clients: number;
  writers: number;
}

export interface LatencyOptions {
  durationMs: number;
  ratePerSecond: number;
  settleMs: number;
}

export interface LatencyResult {
  server: ServerKind;
  clients: number;
  writers: number;
  durationMs: number;
  connectMs: number;
  editsSent: number;
  achievedRate: number;
  deliveriesExpected: number;
  deliveriesReceived: number;
  lostDeliveries: number;
  /** Edits missing from at least one receiver at the end of the settle period. */
  lostEdits: number;
  duplicates: number;
  echoesToWriter: number;
  latencyMs: LatencySummary;
  converged: boolean;
  convergence: string;
  unexpectedDisconnects: number;
  settleMs: number;
  serverStats: PhaseStats;
  clientLoopUtilization: number;
  load: LoadSummary;
  /** Every send→arrival sample (ms), for pooling rounds; not written to JSON. */
  samples: Float64Array;
}

export function token(writer: number, seq: number): string {
  return `~W${String(writer).padStart(3, '0')}S${String(seq).padStart(5, '0')}~`;
}

function digits(bytes: Uint8Array, from: number, count: number): number {
  let value = 0;
  for (let i = from; i < from + count; i++) {
    const d = bytes[i]! - 0x30;
    if (d < 0 || d > 9) return -1;
    value = value * 10 + d;
  }
  return value;
}

/** Finds the tokens carried by an update's inserted strings (they are stored verbatim, UTF-8). */
export function scanTokens(bytes: Uint8Array, found: (writer: number, seq: number) => void): void {
  const end = bytes.length - TOKEN_LENGTH;
  for (let i = 0; i <= end; i++) {
    if (bytes[i] !== TILDE || bytes[i + 1] !== LETTER_W || bytes[i + 5] !== LETTER_S || bytes[i + 11] !== TILDE)
      continue;
    const writer = digits(bytes, i + 2, 3);
    const seq = digits(bytes, i + 6, 5);
    if (writer < 0 || seq < 0) continue;
    found(writer, seq);
    i += TOKEN_LENGTH - 1;
  }
}

export function checkFinalText(text: string, sent: number[]): string | null {
  if (text.length % TOKEN_LENGTH !== 0) return `length ${text.length} is not a multiple of ${TOKEN_LENGTH}`;
  const seen = new Set<string>();
  for (let i = 0; i < text.length; i += TOKEN_LENGTH) {
    const t = text.slice(i, i + TOKEN_LENGTH);
    if (!/^~W\d{3}S\d{5}~$/.test(t)) return `malformed token at ${i}: ${JSON.stringify(t)}`;
    if (seen.has(t)) return `token ${t} appears twice`;
    seen.add(t);
  }
  let missing = 0;
  let example = '';
  sent.forEach((count, writer) => {
    for (let seq = 0; seq < count; seq++) {
      if (!seen.has(token(writer, seq))) {
        missing++;
        example ||= token(writer, seq);
      }
    }
  });
  const total = sent.reduce((a, b) => a + b, 0);
  if (missing > 0) return `${missing} of ${total} edits missing (e.g. ${example})`;
  if (seen.size !== total) return `${seen.size} tokens for ${total} edits`;
  return null;
}

export async function runLatency(
  server: ServerProcess,
  config: LatencyConfig,
  options: LatencyOptions,
): Promise<LatencyResult> {
  const { clients: n, writers: w } = config;
  const maxSeq = Math.ceil((options.ratePerSecond * options.durationMs) / 1000) * 2 + 20;
  const sendTimes = new Float64Array(w * maxSeq);
  const seen = new Uint8Array(n * w * maxSeq);
  const receivedBy = new Int32Array(n);
  const samples = new Samples(1 << 16);
  let duplicates = 0;
  let echoes = 0;

  const doc = await freshDocument(server, `latency-n${n}-w${w}`);
  const url = documentUrl(doc);
  const created: LightClient[] = [];
  const makeClient = (c: number): LightClient => {
    const client = new LightClient({
      url,
      deferApply: true,
      announcePresence: true,
      onUpdate: (update, arrival) => {
        scanTokens(update, (writer, seq) => {
          if (writer >= w || seq >= maxSeq) return;
          if (writer === c) {
            echoes++;
            return;
          }
          const index = writer * maxSeq + seq;
          const key = c * w * maxSeq + index;
          if (seen[key]) {
            duplicates++;
            return;
          }
          seen[key] = 1;
          receivedBy[c] += 1;
          samples.push(arrival - sendTimes[index]!);
        });
      },
    });
    created.push(client);
    return client;
  };

  try {
    const connectStarted = performance.now();
    const clients = await connectAll(makeClient, n);
    const connectMs = performance.now() - connectStarted;
    await sleep(500);

    const sent = new Array<number>(w).fill(0);
    const cursors = new Array<number>(w).fill(0);
    const intervalMs = 1000 / options.ratePerSecond;
    const timers: NodeJS.Timeout[] = [];
    const starters: NodeJS.Timeout[] = [];
    const type = (writer: number): void => {
      const seq = sent[writer]!;
      if (seq >= maxSeq) return;
      const client = clients[writer]!;
      const text = client.doc.getText(TEXT_NAME);
      // Mostly keep typing where the last token went (a cursor), sometimes jump elsewhere; the
      // writer's local text holds only its own tokens, so every multiple of 12 is a boundary.
      const boundaries = text.length / TOKEN_LENGTH;
      const position =
        Math.random() < 0.8
          ? Math.min(cursors[writer]!, text.length)
          : Math.floor(Math.random() * (boundaries + 1)) * TOKEN_LENGTH;
      sent[writer] = seq + 1;
      sendTimes[writer * maxSeq + seq] = performance.now();
      text.insert(position, token(writer, seq));
      cursors[writer] = position + TOKEN_LENGTH;
    };

    const startMark = await server.mark(true);
    const startLoad = loadMark();
    const eluStart = performance.eventLoopUtilization();
    const started = performance.now();
    for (let writer = 0; writer < w; writer++) {
      starters.push(
        setTimeout(() => {
          type(writer);
          timers.push(setInterval(() => type(writer), intervalMs));
        }, Math.random() * intervalMs),
      );
    }
    await sleep(options.durationMs);
    for (const t of starters) clearTimeout(t);
    for (const t of timers) clearInterval(t);
    const sendingMs = performance.now() - started;
    const clientElu = performance.eventLoopUtilization(eluStart).utilization;

    const expectedFor = (c: number): number =>
      sent.reduce((sum, count, writer) => (writer === c ? sum : sum + count), 0);
    const expected = clients.map((_, c) => expectedFor(c));
    const settleStarted = performance.now();
    while (performance.now() - settleStarted < options.settleMs) {
      if (expected.every((e, c) => receivedBy[c]! >= e)) break;
      await sleep(50);
    }
    const settleMs = performance.now() - settleStarted;
    const endMark = await server.mark();
    const serverStats = ServerProcess.phase(startMark, endMark);
    const load = loadSince(startLoad, serverStats.cpuMs);

    const editsSent = sent.reduce((a, b) => a + b, 0);
    const deliveriesExpected = expected.reduce((a, b) => a + b, 0);
    const deliveriesReceived = receivedBy.reduce((a, b) => a + b, 0);
    let lostEdits = 0;
    for (let writer = 0; writer < w; writer++) {
      for (let seq = 0; seq < sent[writer]!; seq++) {
        for (let c = 0; c < n; c++) {
          if (c !== writer && !seen[c * w * maxSeq + writer * maxSeq + seq]) {
            lostEdits++;
            break;
          }
        }
      }
    }
    const unexpectedDisconnects = clients.filter((c) => c.closed).length;

    progress(`${server.kind} N=${n} W=${w}: ${editsSent} edits sent, checking convergence`);
    for (const client of clients) client.applyDeferred();
    const reference = clients[0]!.doc.getText(TEXT_NAME).toString();
    let convergence = checkFinalText(reference, sent) ?? 'ok';
    if (convergence === 'ok') {
      const differing = clients.filter((c) => c.doc.getText(TEXT_NAME).toString() !== reference).length;
      const pending = clients.filter((c) => c.hasPendingStructs).length;
      if (differing > 0) convergence = `${differing} of ${n} clients differ from client 0`;
      else if (pending > 0) convergence = `${pending} clients hold pending (unintegrated) updates`;
    }

    return {
      server: server.kind,
      clients: n,
      writers: w,
      durationMs: sendingMs,
      connectMs,
      editsSent,
      achievedRate: editsSent / (sendingMs / 1000),
      deliveriesExpected,
      deliveriesReceived,
      lostDeliveries: deliveriesExpected - deliveriesReceived,
      lostEdits,
      duplicates,
      echoesToWriter: echoes,
      latencyMs: summarize(samples.values()),
      samples: Float64Array.from(samples.values()),
      converged: convergence === 'ok',
      convergence,
      unexpectedDisconnects,
      settleMs,
      serverStats,
      clientLoopUtilization: clientElu,
      load,
    };
  } finally {
    await Promise.all(created.map((c) => c.close()));
  }
}
