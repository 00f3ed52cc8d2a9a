/**
 * Parent side of a server child process: start it, read its counters, close it. The child's
 * stdout/stderr (our server's pino logs at the chosen level) go to a log file under
 * bench/results/logs so warnings and errors can be quoted as evidence.
 */
import { fork } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { createWriteStream, mkdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { isChildMessage } from './ipc.js';
import type { ChildMessage, ChildStats, ServerKind } from './ipc.js';

const CHILD = fileURLToPath(new URL('./serverChild.ts', import.meta.url));
const REPO = fileURLToPath(new URL('../../', import.meta.url));
export const LOG_DIR = fileURLToPath(new URL('../results/logs/', import.meta.url));

export interface PhaseStats {
  cpuMs: number;
  /** Server CPU time / wall time (1.0 = one full core). */
  cpuShare: number;
  elu: number;
  loopDelayP99Ms: number;
  loopDelayMaxMs: number;
  rssMb: number;
  wallMs: number;
}

export interface StatsMark {
  at: number;
  stats: ChildStats;
}

let logCounter = 0;

/** `BENCH_PROFILE=ours` (or reference, relay; comma-separated) writes V8 CPU profiles of that server. */
function profileArgs(kind: ServerKind): string[] {
  const wanted = (process.env.BENCH_PROFILE ?? '').split(',').map((s) => s.trim());
  if (!wanted.includes(kind)) return [];
  return ['--cpu-prof', `--cpu-prof-dir=${fileURLToPath(new URL('../results/profiles/', import.meta.url))}`];
}

export class ServerProcess {
  private nextId = 1;
  private readonly waiting = new Map<number, (stats: ChildStats) => void>();
  private exited = false;

  private constructor(
    readonly kind: ServerKind,
    readonly port: number,
    private readonly child: ChildProcess,
    readonly logFile: string,
  ) {
    child.on('message', (message: unknown) => {
      if (!isChildMessage(message) || message.type !== 'stats') return;
      this.waiting.get(message.id)?.(message.stats);
      this.waiting.delete(message.id);
    });
    child.on('exit', () => {
      this.exited = true;
    });
  }

  get httpUrl(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** Base URL for y-websocket clients: `${wsBase}/${documentId}`. */
  get wsBase(): string {
    return `ws://127.0.0.1:${this.port}/collab`;
  }

  static async start(
    kind: ServerKind,
    options: { dataDir?: string; seed?: boolean; logLevel?: string; env?: Record<string, string> } = {},
  ): Promise<ServerProcess> {
    mkdirSync(LOG_DIR, { recursive: true });
    const logFile = join(LOG_DIR, `${kind}-${++logCounter}.log`);
    const log = createWriteStream(logFile);
    const args = [kind, options.dataDir ?? '', options.seed === false ? 'noseed' : 'seed', options.logLevel ?? 'warn'];
    const child = fork(CHILD, args, {
      cwd: REPO,
      execArgv: ['--import', 'tsx', ...profileArgs(kind)],
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
      env: { ...process.env, ...options.env },
    });
    child.stdout?.pipe(log);
    child.stderr?.pipe(log);
    const port = await new Promise<number>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`${kind} server did not start within 60 s (log: ${logFile})`)),
        60_000,
      );
      child.on('message', (message: unknown) => {
        if (!isChildMessage(message)) return;
        const m: ChildMessage = message;
        if (m.type === 'ready') {
          clearTimeout(timer);
          resolve(m.port);
        } else if (m.type === 'failed') {
          clearTimeout(timer);
          reject(new Error(`${kind} server failed to start: ${m.error}`));
        }
      });
      child.on('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`${kind} server exited with ${code} before it was ready (log: ${logFile})`));
      });
    });
    return new ServerProcess(kind, port, child, logFile);
  }

  /** Cumulative counters; `resetLoopDelay` starts a fresh event-loop-delay histogram. */
  mark(resetLoopDelay = false): Promise<StatsMark> {
    if (this.exited) return Promise.reject(new Error(`${this.kind} server has exited`));
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`${this.kind} server did not answer stats`)), 30_000);
      this.waiting.set(id, (stats) => {
        clearTimeout(timer);
        resolve({ at: performance.now(), stats });
      });
      this.child.send({ type: 'stats', id, resetLoopDelay });
    });
  }

  static phase(from: StatsMark, to: StatsMark): PhaseStats {
    const wallMs = to.at - from.at;
    const cpuMs = (to.stats.cpuUserUs - from.stats.cpuUserUs + to.stats.cpuSystemUs - from.stats.cpuSystemUs) / 1000;
    const active = to.stats.eluActiveMs - from.stats.eluActiveMs;
    const idle = to.stats.eluIdleMs - from.stats.eluIdleMs;
    return {
      cpuMs,
      cpuShare: wallMs > 0 ? cpuMs / wallMs : 0,
      elu: active + idle > 0 ? active / (active + idle) : 0,
      loopDelayP99Ms: to.stats.loopDelayP99Ms,
      loopDelayMaxMs: to.stats.loopDelayMaxMs,
      rssMb: to.stats.rssBytes / 1024 / 1024,
      wallMs,
    };
  }

  /** Graceful close (our server stores everything on close); killed after 60 s. */
  async close(): Promise<void> {
    if (this.exited) return;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        this.child.kill('SIGKILL');
      }, 60_000);
      this.child.once('exit', () => {
        clearTimeout(timer);
        resolve();
      });
      this.child.send({ type: 'close' });
    });
  }

  /** Log lines at pino level warn (40) or above, and non-JSON lines (stack traces, console output). */
  problems(): string[] {
    let text = '';
    try {
      text = readFileSync(this.logFile, 'utf8');
    } catch {
      return [];
    }
    return text
      .split('\n')
      .filter((line) => line.trim().length > 0)
      .filter((line) => {
        try {
          const parsed: unknown = JSON.parse(line);
          const level = typeof parsed === 'object' && parsed !== null && 'level' in parsed ? parsed.level : undefined;
          return typeof level !== 'number' || level >= 40;
        } catch {
          return true;
        }
      });
  }
}
