/**
 * A throwaway Redis for tests: `redis-server` on a free loopback port, without persistence, in a
 * temporary directory, stopped and removed after. No Docker, no system service. A test can also take
 * it down and bring it back on the same port (`down`, `up`), as a Redis restart does.
 */
import { spawn, spawnSync } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createConnection, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

function redisServerBin(): string | null {
  const found = spawnSync('sh', ['-c', 'command -v redis-server'], { encoding: 'utf8' });
  const path = found.stdout.trim();
  return found.status === 0 && path ? path : null;
}

const BIN = redisServerBin();

/** Why the Redis tests are skipped on this machine (null: they run). */
export const REDIS_SKIP_REASON: string | null = BIN
  ? null
  : "no redis-server on PATH (install Debian's redis-server package; .ci/run does): multi-instance tests skipped";

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ port, host: '127.0.0.1' });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

export interface TestRedis {
  url: string;
  /** Stops the server and removes its directory. */
  stop(): Promise<void>;
  /** Stops the server (its clients lose their connections); nothing is kept, as with `--save ''`. */
  down(): Promise<void>;
  /** Starts it again on the same port after `down`. */
  up(): Promise<void>;
}

/** A running redis-server on `port`, and the promise of its exit. */
interface RunningRedis {
  child: ChildProcess;
  exited: Promise<void>;
}

async function run(bin: string, port: number, dir: string): Promise<RunningRedis> {
  const child: ChildProcess = spawn(
    bin,
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir],
    { stdio: 'ignore' },
  );
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const deadline = Date.now() + 10_000;
  while (!(await accepts(port))) {
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill('SIGKILL');
      await exited;
      throw new Error(`redis-server did not start on port ${port}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  return { child, exited };
}

async function halt(running: RunningRedis): Promise<void> {
  running.child.kill('SIGTERM');
  await running.exited;
}

export async function startRedis(): Promise<TestRedis> {
  if (!BIN) throw new Error(REDIS_SKIP_REASON ?? 'no redis-server');
  const bin = BIN;
  const dir = await mkdtemp(join(tmpdir(), 'zm-redis-'));
  const port = await freePort();
  let running: RunningRedis | null;
  try {
    running = await run(bin, port, dir);
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
  return {
    url: `redis://127.0.0.1:${port}`,
    async stop() {
      if (running) await halt(running);
      running = null;
      await rm(dir, { recursive: true, force: true });
    },
    async down() {
      if (running) await halt(running);
      running = null;
    },
    async up() {
      if (!running) running = await run(bin, port, dir);
    },
  };
}
