/**
 * Child-process entry: runs one server on 127.0.0.1 (random port) so that it has its own event loop
 * and core, apart from the benchmark clients. Usage (via serverProcess.ts):
 *   node --import tsx bench/lib/serverChild.ts <ours|reference|relay> [dataDir] [seed|noseed] [logLevel]
 * Reports `ready` with the port, answers `stats` (CPU, event-loop utilization and delay) and `close`.
 */
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { isParentMessage } from './ipc.js';
import type { ChildMessage, ChildStats } from './ipc.js';
import { startRelay } from './relayServer.js';
import type { RunningServer } from './relayServer.js';
import { startReference } from './referenceServer.js';
import { startOurs } from './oursServer.js';

const HOST = '127.0.0.1';

function send(message: ChildMessage): void {
  process.send?.(message);
}

async function start(): Promise<RunningServer> {
  const [kind, dataDir, seed, logLevel] = process.argv.slice(2);
  switch (kind) {
    case 'relay':
      return startRelay(HOST);
    case 'reference':
      return startReference(HOST);
    case 'ours':
      if (!dataDir) throw new Error('ours needs a data dir');
      return startOurs(HOST, dataDir, seed !== 'noseed', logLevel ?? 'warn');
    default:
      throw new Error(`unknown server kind: ${kind}`);
  }
}

const delay = monitorEventLoopDelay({ resolution: 5 });
delay.enable();

function stats(): ChildStats {
  const cpu = process.cpuUsage();
  const elu = performance.eventLoopUtilization();
  return {
    cpuUserUs: cpu.user,
    cpuSystemUs: cpu.system,
    eluIdleMs: elu.idle,
    eluActiveMs: elu.active,
    rssBytes: process.memoryUsage.rss(),
    loopDelayP99Ms: delay.percentile(99) / 1e6,
    loopDelayMaxMs: delay.max / 1e6,
  };
}

try {
  const server = await start();
  let closing = false;
  const close = async (): Promise<void> => {
    if (closing) return;
    closing = true;
    try {
      await server.close();
    } finally {
      send({ type: 'closed' });
      process.disconnect?.();
      setTimeout(() => process.exit(0), 50).unref();
    }
  };
  process.on('message', (message: unknown) => {
    if (!isParentMessage(message)) return;
    if (message.type === 'stats') {
      send({ type: 'stats', id: message.id, stats: stats() });
      if (message.resetLoopDelay) delay.reset();
    } else {
      void close();
    }
  });
  // The benchmark went away: do not linger.
  process.on('disconnect', () => {
    if (!closing) void server.close().finally(() => process.exit(0));
  });
  send({ type: 'ready', port: server.port });
} catch (error) {
  send({ type: 'failed', error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  setTimeout(() => process.exit(1), 50);
}
