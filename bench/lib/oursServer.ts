/**
 * Starts OUR server through its public entry, `server/app.ts` → `startServer(...)`. The module is
 * imported dynamically (and checked at run time) so the benchmark compiles and runs against the
 * other servers while the entry does not exist yet.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { RunningServer } from './relayServer.js';

/** `BENCH_OURS_ENTRY=/path/to/app.ts` benchmarks another build of the server (e.g. a branch). */
export const OUR_APP_URL = process.env.BENCH_OURS_ENTRY
  ? pathToFileURL(process.env.BENCH_OURS_ENTRY)
  : new URL('../../server/app.ts', import.meta.url);

export interface StartServerOptions {
  port: number;
  host: string;
  dataDir: string;
  seedDemo: boolean;
  logLevel?: string;
  /** `BENCH_CHECKER_MODE=inline|worker` (see bench/scenarios/checkerLoad.ts). */
  checker?: { mode: 'inline' | 'worker' };
}

interface StartedServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

type StartServer = (options: StartServerOptions) => Promise<StartedServer>;

export function ourServerAvailable(): boolean {
  return existsSync(fileURLToPath(OUR_APP_URL));
}

function hasStartServer(mod: unknown): mod is { startServer: StartServer } {
  return typeof mod === 'object' && mod !== null && 'startServer' in mod && typeof mod.startServer === 'function';
}

export async function startOurs(
  host: string,
  dataDir: string,
  seedDemo: boolean,
  logLevel: string,
): Promise<RunningServer> {
  const mod: unknown = await import(OUR_APP_URL.href);
  if (!hasStartServer(mod)) throw new Error('server/app.ts does not export startServer');
  const mode = process.env.BENCH_CHECKER_MODE;
  const checker: StartServerOptions['checker'] = mode === 'inline' || mode === 'worker' ? { mode } : undefined;
  const started = await mod.startServer({ port: 0, host, dataDir, seedDemo, logLevel, checker });
  if (typeof started.port !== 'number' || typeof started.close !== 'function')
    throw new Error('startServer returned an unexpected value');
  return { port: started.port, close: () => started.close() };
}
