/**
 * The real server (`server/main.ts`) in its own node process, for tests that signal or kill it
 * (SIGTERM, SIGINT, kill -9) and start it again on the same data dir.
 */
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const PROJECT_ROOT = fileURLToPath(new URL('../..', import.meta.url));

export interface ServerProcess {
  child: ChildProcess;
  url: string;
  port: number;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  output: () => string;
  /** Sends a signal to the process (default SIGKILL: kill -9). */
  kill: (signal?: NodeJS.Signals) => void;
}

const started: ChildProcess[] = [];

/**
 * Starts `server/main.ts` with these environment variables (DATA_DIR at least; defaults: PORT 0 —
 * a free port —, HOST 127.0.0.1, SEED_DEMO 1, LOG_LEVEL warn); resolves once it announces its URL.
 */
export function startServerProcess(env: { DATA_DIR: string } & Record<string, string>): Promise<ServerProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', SEED_DEMO: '1', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  started.push(child);
  let output = '';
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.on('exit', (code, signal) => resolve({ code, signal }));
  });
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer): void => {
      output += chunk.toString('utf8');
      const running = /is running: (http:\/\/[^\s]+)/.exec(output);
      if (running) {
        const url = running[1]!;
        resolve({
          child,
          url,
          port: Number(new URL(url).port),
          exited,
          output: () => output,
          kill: (signal = 'SIGKILL') => {
            if (child.exitCode === null && child.signalCode === null) child.kill(signal);
          },
        });
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    void exited.then(({ code }) => reject(new Error(`server exited (${code}) before it was running:\n${output}`)));
  });
}

/** Kills (SIGKILL) every server process a test started and left running. */
export function killServerProcesses(): void {
  for (const child of started.splice(0))
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
}
