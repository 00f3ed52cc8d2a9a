/**
 * Edit propagation with the clients of each document spread over several instances: the latency
 * benchmark's measurement (bench/scenarios/latency.ts — fixed-width tokens into `Y.Text('bench')`,
 * the writer notes `performance.now()` before the transaction, every other client timestamps the
 * update frame carrying the token; light clients that apply what they received afterwards) over D
 * documents with N clients each, client c of a document connected to the instance `placeOf(c)`.
 * Samples are split by whether the receiver is on the writer's instance or another one.
 */
import { performance } from 'node:perf_hooks';
import type { BenchDocument } from '../lib/api.js';
import { documentUrl } from '../lib/api.js';
import { LightClient, connectAll } from '../lib/lightClient.js';
import { ServerProcess } from '../lib/serverProcess.js';
import type { StatsMark } from '../lib/serverProcess.js';
import { Samples, sleep, summarize } from '../lib/stats.js';
import type { LatencySummary } from '../lib/stats.js';
import { loadMark, loadSince } from '../lib/machine.js';
import type { LoadSummary } from '../lib/machine.js';
import { progress } from '../lib/report.js';
import { TEXT_NAME, checkFinalText, scanTokens, token } from './latency.js';

const TOKEN_LENGTH = 12;

export interface SpreadOptions {
  /** The documents (created on instance 0; the same ids and token are valid on every instance). */
  documents: BenchDocument[];
  instances: ServerProcess[];
  clientsPerDocument: number;
  writersPerDocument: number;
  /** Instance index of client c of every document. */
  placeOf: (client: number) => number;
  ratePerSecond: number;
  durationMs: number;
  settleMs: number;
  connectConcurrency?: number;
}

export interface InstanceUsage {
  cpuMs: number;
  /** CPU time / wall time of the typing and settle phase. */
  cpuCores: number;
  rssStartMb: number;
  rssMaxMb: number;
  rssEndMb: number;
  loopDelayMaxMs: number;
}

export interface SpreadResult {
  documents: number;
  clients: number;
  connectMs: number;
  editsSent: number;
  achievedRate: number;
  all: LatencySummary;
  sameInstance: LatencySummary;
  crossInstance: LatencySummary;
  deliveriesExpected: number;
  lostDeliveries: number;
  /** Documents whose clients did not all end with the same complete text. */
  divergent: number;
  convergence: string;
  unexpectedDisconnects: number;
  settleMs: number;
  /** Edits sent per writer, per document (to check what was stored). */
  sent: number[][];
  perInstance: InstanceUsage[];
  load: LoadSummary;
  /** The send→arrival samples (ms), for pooling rounds; not written to JSON. */
  samples: { same: Float64Array; cross: Float64Array };
}

export async function runSpreadTyping(options: SpreadOptions): Promise<SpreadResult> {
  const { documents, instances, clientsPerDocument: n, writersPerDocument: w } = options;
  const d = documents.length;
  const maxSeq = Math.ceil((options.ratePerSecond * options.durationMs) / 1000) * 2 + 20;
  const sendTimes = new Float64Array(d * w * maxSeq);
  const seen = new Uint8Array(d * n * w * maxSeq);
  const receivedBy = new Int32Array(d * n);
  const all = new Samples(1 << 16);
  const same = new Samples(1 << 16);
  const cross = new Samples(1 << 16);
  const created: LightClient[] = [];
  const instanceUrls = documents.map((doc) =>
    instances.map((instance) => documentUrl({ ...doc, wsBase: instance.wsBase })),
  );

  const makeClient = (index: number): LightClient => {
    const di = Math.floor(index / n);
    const c = index % n;
    const mine = options.placeOf(c);
    const client = new LightClient({
      url: instanceUrls[di]![mine]!,
      deferApply: true,
      announcePresence: true,
      onUpdate: (update, arrival) => {
        scanTokens(update, (writer, seq) => {
          if (writer >= w || seq >= maxSeq || writer === c) return;
          const index = (di * w + writer) * maxSeq + seq;
          const key = ((di * n + c) * w + writer) * maxSeq + seq;
          if (seen[key]) return;
          seen[key] = 1;
          receivedBy[di * n + c] += 1;
          const ms = arrival - sendTimes[index]!;
          all.push(ms);
          (options.placeOf(writer) === mine ? same : cross).push(ms);
        });
      },
    });
    created.push(client);
    return client;
  };

  try {
    const connectStarted = performance.now();
    const clients = await connectAll(makeClient, d * n, options.connectConcurrency ?? 25, 120_000);
    const connectMs = performance.now() - connectStarted;
    progress(`${d * n} clients connected in ${Math.round(connectMs)} ms`);
    await sleep(1000);

    const sent = documents.map(() => new Array<number>(w).fill(0));
    const cursors = documents.map(() => new Array<number>(w).fill(0));
    const intervalMs = 1000 / options.ratePerSecond;
    const type = (di: number, writer: number): void => {
      const seq = sent[di]![writer]!;
      if (seq >= maxSeq) return;
      const text = clients[di * n + writer]!.doc.getText(TEXT_NAME);
      // As in the latency benchmark: mostly at the writer's cursor, sometimes elsewhere (its local
      // text holds only its own tokens, so every multiple of 12 is a token boundary).
      const position =
        Math.random() < 0.8
          ? Math.min(cursors[di]![writer]!, text.length)
          : Math.floor(Math.random() * (text.length / TOKEN_LENGTH + 1)) * TOKEN_LENGTH;
      sent[di]![writer] = seq + 1;
      sendTimes[(di * w + writer) * maxSeq + seq] = performance.now();
      text.insert(position, token(writer, seq));
      cursors[di]![writer] = position + TOKEN_LENGTH;
    };

    const startMarks = await Promise.all(instances.map((instance) => instance.mark(true)));
    const rssMax = startMarks.map((m) => m.stats.rssBytes);
    const startLoad = loadMark();
    const timers: NodeJS.Timeout[] = [];
    const starters: NodeJS.Timeout[] = [];
    const started = performance.now();
    for (let di = 0; di < d; di++) {
      for (let writer = 0; writer < w; writer++) {
        starters.push(
          setTimeout(() => {
            type(di, writer);
            timers.push(setInterval(() => type(di, writer), intervalMs));
          }, Math.random() * intervalMs),
        );
      }
    }
    const sampler = setInterval(() => {
      instances.forEach((instance, i) => {
        void instance
          .mark()
          .then((m) => {
            rssMax[i] = Math.max(rssMax[i]!, m.stats.rssBytes);
          })
          .catch(() => undefined);
      });
    }, 1000);
    await sleep(options.durationMs);
    for (const t of starters) clearTimeout(t);
    for (const t of timers) clearInterval(t);
    const sendingMs = performance.now() - started;

    const expectedFor = (di: number, c: number): number =>
      sent[di]!.reduce((sum, count, writer) => (writer === c ? sum : sum + count), 0);
    const settleStarted = performance.now();
    const allArrived = (): boolean => {
      for (let di = 0; di < d; di++)
        for (let c = 0; c < n; c++) if (receivedBy[di * n + c]! < expectedFor(di, c)) return false;
      return true;
    };
    while (performance.now() - settleStarted < options.settleMs && !allArrived()) await sleep(100);
    const settleMs = performance.now() - settleStarted;
    clearInterval(sampler);
    const endMarks: StatsMark[] = await Promise.all(instances.map((instance) => instance.mark()));
    const perInstance: InstanceUsage[] = instances.map((_, i) => {
      const phase = ServerProcess.phase(startMarks[i]!, endMarks[i]!);
      return {
        cpuMs: phase.cpuMs,
        cpuCores: phase.cpuShare,
        rssStartMb: startMarks[i]!.stats.rssBytes / 2 ** 20,
        rssMaxMb: Math.max(rssMax[i]!, endMarks[i]!.stats.rssBytes) / 2 ** 20,
        rssEndMb: phase.rssMb,
        loopDelayMaxMs: phase.loopDelayMaxMs,
      };
    });
    const load = loadSince(
      startLoad,
      perInstance.reduce((sum, u) => sum + u.cpuMs, 0),
    );

    let deliveriesExpected = 0;
    let deliveriesReceived = 0;
    for (let di = 0; di < d; di++) {
      for (let c = 0; c < n; c++) {
        deliveriesExpected += expectedFor(di, c);
        deliveriesReceived += receivedBy[di * n + c]!;
      }
    }

    progress('checking convergence');
    let divergent = 0;
    let firstProblem = '';
    for (let di = 0; di < d; di++) {
      const mine = clients.slice(di * n, di * n + n);
      for (const client of mine) client.applyDeferred();
      const reference = mine[0]!.doc.getText(TEXT_NAME).toString();
      let problem = checkFinalText(reference, sent[di]!);
      if (!problem && mine.some((c) => c.doc.getText(TEXT_NAME).toString() !== reference)) problem = 'clients differ';
      if (!problem && mine.some((c) => c.hasPendingStructs)) problem = 'pending structs';
      if (problem) {
        divergent++;
        firstProblem ||= `document ${di}: ${problem}`;
      }
    }
    const editsSent = sent.reduce((sum, perWriter) => sum + perWriter.reduce((a, b) => a + b, 0), 0);
    return {
      documents: d,
      clients: d * n,
      connectMs,
      editsSent,
      achievedRate: editsSent / (sendingMs / 1000),
      all: summarize(all.values()),
      sameInstance: summarize(same.values()),
      crossInstance: summarize(cross.values()),
      deliveriesExpected,
      lostDeliveries: deliveriesExpected - deliveriesReceived,
      divergent,
      convergence: divergent === 0 ? 'ok' : firstProblem,
      unexpectedDisconnects: clients.filter((c) => c.closed).length,
      settleMs,
      sent,
      perInstance,
      load,
      samples: { same: Float64Array.from(same.values()), cross: Float64Array.from(cross.values()) },
    };
  } finally {
    await Promise.all(created.map((c) => c.close()));
  }
}
