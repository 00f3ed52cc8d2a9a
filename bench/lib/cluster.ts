/**
 * Our server past one machine, for the benchmarks: a throwaway PostgreSQL (durable: fsync on, as in
 * production; scripts/lib/throwawayPostgres.ts), a throwaway Redis (test/helpers/redis.ts) and
 * instances of our server (`STORAGE=postgres`, joined through Redis when there are several), each in
 * its own child process with its own data dir, as the other benchmarks run servers.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startPostgres } from '../../scripts/lib/throwawayPostgres.js';
import type { TestPostgres } from '../../scripts/lib/throwawayPostgres.js';
import { startRedis } from '../../test/helpers/redis.js';
import type { TestRedis } from '../../test/helpers/redis.js';
import { ServerProcess } from './serverProcess.js';

export interface StorePolicyOverride {
  debounceMs: number;
  maxWaitMs: number;
}

export interface Cluster {
  databaseUrl: string;
  instances: ServerProcess[];
  /** Closes the instances gracefully (each stores everything on close); PostgreSQL stays up. */
  closeInstances(): Promise<void>;
  /** Closes what is still running and removes PostgreSQL, Redis and the data dirs. */
  stop(): Promise<void>;
}

/**
 * A throwaway PostgreSQL that keeps fsync on (a COMMIT waits for the disk, as in production);
 * `BENCH_PG_DURABLE=0` turns it off as the tests do (to tell the disk's share of a result).
 */
export const PG_FSYNC = process.env.BENCH_PG_DURABLE === '0' ? 'fsync off' : 'fsync on';

export function startDurablePostgres(): Promise<TestPostgres> {
  return startPostgres({ durable: process.env.BENCH_PG_DURABLE !== '0' });
}

/**
 * `count` instances on one new database of `postgres` (the first seeds the demo workspace); with
 * more than one, joined through a Redis started here. `store` overrides the document store's debounce.
 */
export async function startCluster(
  postgres: TestPostgres,
  count: number,
  store?: StorePolicyOverride,
): Promise<Cluster> {
  const databaseUrl = await postgres.createDatabase();
  const redis: TestRedis | null = count > 1 ? await startRedis() : null;
  const dataDirs: string[] = [];
  const instances: ServerProcess[] = [];
  const env: Record<string, string> = {
    BENCH_DATABASE_URL: databaseUrl,
    ...(redis ? { BENCH_REDIS_URL: redis.url } : {}),
    ...(store
      ? { BENCH_STORE_DEBOUNCE_MS: String(store.debounceMs), BENCH_STORE_MAX_WAIT_MS: String(store.maxWaitMs) }
      : {}),
  };
  const closeInstances = async (): Promise<void> => {
    await Promise.allSettled(instances.map((instance) => instance.close()));
  };
  const stop = async (): Promise<void> => {
    await closeInstances();
    await redis?.stop();
    await Promise.allSettled(dataDirs.map((dir) => rm(dir, { recursive: true, force: true })));
  };
  try {
    for (let i = 0; i < count; i++) {
      const dataDir = await mkdtemp(join(tmpdir(), `bench-instance-${i}-`));
      dataDirs.push(dataDir);
      // One at a time: the first migrates the schema and seeds the demo workspace.
      instances.push(await ServerProcess.start('ours', { dataDir, seed: i === 0, env }));
    }
  } catch (error) {
    await stop();
    throw error;
  }
  return { databaseUrl, instances, closeInstances, stop };
}
