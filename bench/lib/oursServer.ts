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
  /** `BENCH_DATABASE_URL`, `BENCH_REDIS_URL` (bench/scenarios/pastOneMachine.ts): PostgreSQL storage, instances joined. */
  databaseUrl?: string;
  redisUrl?: string;
  /** `BENCH_STORE_DEBOUNCE_MS`, `BENCH_STORE_MAX_WAIT_MS`: the document store's debounce (default the server's). */
  store?: { debounceMs?: number; maxWaitMs?: number };
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
  const env = process.env;
  const store = {
    ...(env.BENCH_STORE_DEBOUNCE_MS ? { debounceMs: Number(env.BENCH_STORE_DEBOUNCE_MS) } : {}),
    ...(env.BENCH_STORE_MAX_WAIT_MS ? { maxWaitMs: Number(env.BENCH_STORE_MAX_WAIT_MS) } : {}),
  };
  const started = await mod.startServer({
    port: 0,
    host,
    dataDir,
    seedDemo,
    logLevel,
    checker,
    ...(env.BENCH_DATABASE_URL ? { databaseUrl: env.BENCH_DATABASE_URL } : {}),
    ...(env.BENCH_REDIS_URL ? { redisUrl: env.BENCH_REDIS_URL } : {}),
    ...(Object.keys(store).length > 0 ? { store } : {}),
  });
  if (typeof started.port !== 'number' || typeof started.close !== 'function')
    throw new Error('startServer returned an unexpected value');
  return { port: started.port, close: () => started.close() };
}
