/**
 * Benchmark 2 — real editing traces (josephg/editing-traces, CC BY 4.0) through the server.
 *
 * Sequential (automerge-paper): the trace is replayed once into a local Y.Doc beforehand, one Yjs
 * transaction per trace transaction, and each resulting update is kept as the y-websocket frame a
 * client sends for it. One writer connection then sends these frames as fast as the server takes
 * them, with a window of at most `window` edits in flight: an edit counts as done when observer 0
 * has received the server's broadcast of it. So the clients do almost no CRDT work during the
 * timed phase and the rate measured is the server's (receive, validate, apply, broadcast, store).
 * Three observers keep what they receive and apply it afterwards: each must end with exactly the
 * expected text; a fresh y-websocket client then syncs the document from the server and must too.
 *
 * Concurrent (clownschool, friendsforever): one real y-websocket client per agent. Each agent edits
 * its own Y.Doc (the "edit doc"); the provider's doc (the "mirror") holds everything the server
 * delivered. Before applying transaction t, the agent's edit doc is brought to exactly the version
 * named by t's parents: every ancestor of t that it has not applied yet is waited for until the
 * server has delivered it to this agent's mirror (state vector check), then applied from the bytes
 * its author produced. The patch positions are then valid as recorded (the traces contain no
 * concurrent inserts at the same place, so any CRDT merges to `endContent` — with one exception, see
 * CLIENT_ID_BASE). A transaction that inserts is identified by the id of its last character; a
 * delete-only one has no id of its own, so its message also carries a one-character append to a
 * separate marker text (from a separate client id, so the agent's characters keep consecutive
 * clocks and merge into runs as in a real document).
 */
import { performance } from 'node:perf_hooks';
import * as Y from 'yjs';
import type { WebsocketProvider } from 'y-websocket';
import type { ServerKind } from '../lib/ipc.js';
import { documentUrl, existingDocument, freshDocument } from '../lib/api.js';
import type { BenchDocument } from '../lib/api.js';
import { LightClient, connectAll, withTimeout } from '../lib/lightClient.js';
import { connectProvider, readThroughFreshClient, whenSynced } from '../lib/providerClient.js';
import { ServerProcess } from '../lib/serverProcess.js';
import type { PhaseStats } from '../lib/serverProcess.js';
import { applyPatches } from '../lib/traces.js';
import type { ConcurrentTrace } from '../lib/traces.js';
import { progress } from '../lib/report.js';
import { sleep } from '../lib/stats.js';
import { loadMark, loadSince } from '../lib/machine.js';
import type { LoadSummary } from '../lib/machine.js';

export const TRACE_TEXT = 'trace';

export interface FreshRead {
  ok: boolean;
  syncMs: number;
  detail: string;
}

export interface SequentialReplayResult {
  server: ServerKind;
  edits: number;
  window: number;
  elapsedMs: number;
  editsPerSecond: number;
  serverCpuUsPerEdit: number;
  serverStats: PhaseStats;
  /** From the end of the timed phase until the fresh client has synced (stores, compaction). */
  afterReplay: PhaseStats;
  load: LoadSummary;
  observersOk: boolean;
  observerDetail: string;
  freshClient: FreshRead | null;
  document: BenchDocument;
  error: string | null;
}

function describeMismatch(actual: string, expected: string): string {
  if (actual === expected) return 'ok';
  let i = 0;
  while (i < actual.length && i < expected.length && actual[i] === expected[i]) i++;
  return `length ${actual.length} vs ${expected.length}, first difference at ${i}: ${JSON.stringify(actual.slice(i, i + 20))} vs ${JSON.stringify(expected.slice(i, i + 20))}`;
}

export async function checkFreshRead(doc: BenchDocument, expected: string, timeoutMs: number): Promise<FreshRead> {
  try {
    const { text, syncMs } = await readThroughFreshClient(doc, TRACE_TEXT, timeoutMs);
    const detail = describeMismatch(text, expected);
    return { ok: detail === 'ok', syncMs, detail };
  } catch (error) {
    return { ok: false, syncMs: NaN, detail: error instanceof Error ? error.message : String(error) };
  }
}

export async function replaySequential(
  server: ServerProcess,
  frames: Uint8Array[],
  expected: string,
  options: { window: number; stallTimeoutMs: number; label: string; writerClientId: number; endClocks: number[] },
): Promise<SequentialReplayResult> {
  const doc = await freshDocument(server, options.label);
  const url = documentUrl(doc);
  const total = frames.length;
  let acked = 0;
  let waiter: { target: number; resolve: () => void } | null = null;
  const created: LightClient[] = [];
  const make = (index: number): LightClient => {
    const client =
      index === 0
        ? new LightClient({ url, deferApply: false, discardIncoming: true })
        : new LightClient({
            url,
            deferApply: true,
            onUpdate:
              index === 1
                ? (update: Uint8Array) => {
                    // A broadcast may carry several edits (the server merges what arrives in one
                    // event-loop turn): count every frame whose structs it completes.
                    const clock = Y.parseUpdateMeta(update).to.get(options.writerClientId) ?? 0;
                    while (acked < total && options.endClocks[acked]! <= clock) acked++;
                    if (waiter && acked >= waiter.target) {
                      const w = waiter;
                      waiter = null;
                      w.resolve();
                    }
                  }
                : undefined,
          });
    created.push(client);
    return client;
  };
  const untilAcked = (target: number): Promise<void> => {
    if (acked >= target) return Promise.resolve();
    return withTimeout(
      new Promise<void>((resolve) => {
        waiter = { target, resolve };
      }),
      options.stallTimeoutMs,
      `${server.kind}: no progress at ${acked}/${total} edits`,
    );
  };

  let error: string | null = null;
  try {
    const [writer, ...observers] = await connectAll(make, 4);
    const startMark = await server.mark(true);
    const startLoad = loadMark();
    const started = performance.now();
    let sent = 0;
    let nextReport = total / 10;
    try {
      while (sent < total) {
        while (sent < total && sent - acked < options.window) writer!.send(frames[sent++]!);
        if (sent < total) await untilAcked(sent - options.window + 1);
        if (acked >= nextReport) {
          progress(
            `${server.kind}: ${acked}/${total} edits, ${Math.round(acked / ((performance.now() - started) / 1000))} edits/s`,
          );
          nextReport += total / 10;
        }
      }
      await untilAcked(total);
    } catch (e) {
      error = e instanceof Error ? e.message : String(e);
    }
    const elapsedMs = performance.now() - started;
    const endMark = await server.mark(true);
    const load = loadSince(startLoad, ServerProcess.phase(startMark, endMark).cpuMs);
    // The other observers should be (almost) there too.
    const deadline = performance.now() + 30_000;
    while (observers.some((o) => o.updatesReceived < total) && performance.now() < deadline) await sleep(50);

    const details: string[] = [];
    observers.forEach((o, i) => {
      o.applyDeferred();
      const text = o.doc.getText(TRACE_TEXT).toString();
      const d = describeMismatch(text, expected);
      if (d !== 'ok' || o.closed)
        details.push(
          `observer ${i}: ${o.closed ? `disconnected (${o.closeCode}); ` : ''}${o.updatesReceived}/${total} updates received; ${d}`,
        );
    });
    const serverStats = ServerProcess.phase(startMark, endMark);
    const freshClient = server.kind === 'relay' ? null : await checkFreshRead(doc, expected, 120_000);
    const afterMark = await server.mark();
    return {
      server: server.kind,
      afterReplay: ServerProcess.phase(endMark, afterMark),
      load,
      edits: total,
      window: options.window,
      elapsedMs,
      editsPerSecond: (acked / elapsedMs) * 1000,
      serverCpuUsPerEdit: (serverStats.cpuMs * 1000) / Math.max(1, acked),
      serverStats,
      observersOk: details.length === 0,
      observerDetail: details.length === 0 ? 'ok' : details.join('; '),
      freshClient,
      document: doc,
      error,
    };
  } finally {
    await Promise.all(created.map((c) => c.close()));
  }
}

export interface ConcurrentReplayResult {
  server: ServerKind;
  trace: string;
  txns: number;
  agents: number;
  elapsedMs: number;
  txnsPerSecond: number;
  /** Times an agent had to wait for the server to deliver another agent's edit. */
  waits: number;
  meanWaitMs: number;
  mirrorsOk: boolean;
  mirrorDetail: string;
  freshClient: FreshRead | null;
  document: BenchDocument;
  error: string | null;
}

const LOCAL = Symbol('local edit');
const CLIENT_ID_BASE = 1_000_000;
const MARKER_TEXT = 'trace-markers';
const EMPTY_UPDATE = Y.encodeStateAsUpdate(new Y.Doc());
const REMOTE = Symbol('delivered edit');

interface Agent {
  edit: Y.Doc;
  text: Y.Text;
  /** A second local doc (own client id) whose one-character appends mark delete-only transactions. */
  marker: Y.Doc;
  markerText: Y.Text;
  mirror: Y.Doc;
  provider: WebsocketProvider;
  applied: Uint8Array;
  /** The update of the agent's latest own transaction. */
  lastUpdate: Uint8Array | null;
}

export async function replayConcurrent(
  server: ServerProcess,
  name: string,
  trace: ConcurrentTrace,
  options: { stallTimeoutMs: number },
): Promise<ConcurrentReplayResult> {
  const doc = await freshDocument(server, name);
  const n = trace.txns.length;
  const txnUpdate: Uint8Array[] = new Array<Uint8Array>(n);
  const txnClient = new Float64Array(n);
  const txnClock = new Float64Array(n);
  const agents: Agent[] = [];
  let error: string | null = null;
  try {
    for (let a = 0; a < trace.numAgents; a++) {
      const edit = new Y.Doc();
      // Ascending client ids by agent: friendsforever has (despite its README) one pair of
      // concurrent inserts at the same place (around character 3798); endContent orders agent 0's
      // text first, which is what Yjs does when agent 0 has the lower client id.
      edit.clientID = CLIENT_ID_BASE + a;
      const mirror = new Y.Doc();
      const provider = connectProvider(doc, mirror);
      const marker = new Y.Doc();
      marker.clientID = CLIENT_ID_BASE + 1000 + a;
      const agent: Agent = {
        edit,
        text: edit.getText(TRACE_TEXT),
        marker,
        markerText: marker.getText(MARKER_TEXT),
        mirror,
        provider,
        applied: new Uint8Array(n),
        lastUpdate: null,
      };
      edit.on('update', (update: Uint8Array, origin: unknown) => {
        if (origin === LOCAL) agent.lastUpdate = update;
      });
      marker.on('update', (update: Uint8Array) => {
        agent.lastUpdate = agent.lastUpdate ? Y.mergeUpdates([agent.lastUpdate, update]) : update;
      });
      agents.push(agent);
    }
    await Promise.all(agents.map((a, i) => whenSynced(a.provider, 30_000, `agent ${i}`)));

    const stamp = new Int32Array(n);
    let generation = 0;
    const missingAncestors = (agent: Agent, parents: number[]): number[] => {
      generation++;
      const out: number[] = [];
      const stack = [...parents];
      while (stack.length > 0) {
        const p = stack.pop()!;
        if (agent.applied[p] || stamp[p] === generation) continue;
        stamp[p] = generation;
        out.push(p);
        for (const q of trace.txns[p]!.parents) stack.push(q);
      }
      return out.sort((x, y) => x - y);
    };
    const delivered = (agent: Agent, p: number): boolean =>
      Y.getState(agent.mirror.store, txnClient[p]!) >= txnClock[p]!;
    let waits = 0;
    let waitedMs = 0;
    const awaitDelivery = async (agent: Agent, p: number): Promise<void> => {
      if (delivered(agent, p)) return;
      waits++;
      const since = performance.now();
      await withTimeout(
        new Promise<void>((resolve) => {
          const check = (): void => {
            if (!delivered(agent, p)) return;
            agent.mirror.off('update', check);
            resolve();
          };
          agent.mirror.on('update', check);
        }),
        options.stallTimeoutMs,
        `${server.kind}/${name}: txn ${p} not delivered`,
      );
      waitedMs += performance.now() - since;
    };

    const started = performance.now();
    try {
      for (let t = 0; t < n; t++) {
        const txn = trace.txns[t]!;
        const agent = agents[txn.agent]!;
        for (const p of missingAncestors(agent, txn.parents)) {
          await awaitDelivery(agent, p);
          Y.applyUpdate(agent.edit, txnUpdate[p]!, REMOTE);
          agent.applied[p] = 1;
        }
        agent.lastUpdate = null;
        const clockBefore = Y.getState(agent.edit.store, agent.edit.clientID);
        agent.edit.transact(() => applyPatches(agent.text, txn.patches), LOCAL);
        const clockAfter = Y.getState(agent.edit.store, agent.edit.clientID);
        txnUpdate[t] = agent.lastUpdate ?? EMPTY_UPDATE;
        if (clockAfter > clockBefore) {
          // Inserted something: its last character's id identifies the transaction.
          txnClient[t] = agent.edit.clientID;
          txnClock[t] = clockAfter;
        } else {
          // Delete-only (or empty): no new id of its own, so the message also carries a marker.
          agent.markerText.insert(agent.markerText.length, '.');
          txnClient[t] = agent.marker.clientID;
          txnClock[t] = Y.getState(agent.marker.store, agent.marker.clientID);
        }
        Y.applyUpdate(agent.mirror, agent.lastUpdate!, LOCAL);
        agent.applied[t] = 1;
      }
    } catch (e) {
      error = e instanceof Error ? e.message : String(e);
    }
    // Every agent's mirror must receive every agent's last transaction, then hold the full document.
    const lastOf = new Map<number, number>();
    for (const [t, txn] of trace.txns.entries()) lastOf.set(txn.agent, t);
    const complete = (a: Agent): boolean =>
      [...lastOf.values()].every((t) => txnUpdate[t] !== undefined && delivered(a, t));
    const deadline = performance.now() + 30_000;
    const mirrorText = (a: Agent): string => a.mirror.getText(TRACE_TEXT).toString();
    while (!error && agents.some((a) => !complete(a)) && performance.now() < deadline) await sleep(10);
    const elapsedMs = performance.now() - started;
    const details = agents
      .map((a, i) => `agent ${i}: ${describeMismatch(mirrorText(a), trace.endContent)}`)
      .filter((d) => !d.endsWith(': ok'));
    progress(`${server.kind} ${name}: ${n} txns in ${Math.round(elapsedMs)} ms, ${waits} waits for delivery`);
    const freshClient = server.kind === 'relay' ? null : await checkFreshRead(doc, trace.endContent, 60_000);
    return {
      server: server.kind,
      trace: name,
      txns: n,
      agents: trace.numAgents,
      elapsedMs,
      txnsPerSecond: (n / elapsedMs) * 1000,
      waits,
      meanWaitMs: waits > 0 ? waitedMs / waits : 0,
      mirrorsOk: details.length === 0 && !error,
      mirrorDetail: details.length === 0 ? 'ok' : details.join('; '),
      freshClient,
      document: doc,
      error,
    };
  } finally {
    for (const a of agents) {
      a.provider.destroy();
      a.mirror.destroy();
      a.edit.destroy();
      a.marker.destroy();
    }
  }
}

/** Durability: OUR server restarted on the same data dir must serve exactly the same texts. */
export async function checkAfterRestart(
  server: ServerProcess,
  documents: { label: string; documentId: string; expected: string }[],
): Promise<{ label: string; read: FreshRead }[]> {
  const results: { label: string; read: FreshRead }[] = [];
  for (const { label, documentId, expected } of documents) {
    const read = await checkFreshRead(await existingDocument(server, documentId), expected, 120_000);
    results.push({ label, read });
  }
  return results;
}
