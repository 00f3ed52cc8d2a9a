/** Server settings from the environment. */
import { resolve } from 'node:path';
import { parseOrigins } from './security/origins.js';
import { parseTrustProxy } from './security/trustedProxies.js';

export interface ServerConfig {
  port: number;
  host: string;
  dataDir: string;
  seedDemo: boolean;
  logLevel: string;
  /** `PUBLIC_ORIGIN`: the app's own origins, a comma list (empty: the host each request was sent to). */
  publicOrigins: string[];
  /** `DATABASE_URL` when `STORAGE=postgres`; absent for the embedded default (`STORAGE=files`). */
  databaseUrl?: string;
  /** `REDIS_URL` (with `STORAGE=postgres`): joins this instance to the others through Redis. */
  redisUrl?: string;
  /** `TRUST_PROXY`: the proxies (IPs, CIDR ranges) whose `X-Forwarded-For`/`-Proto` are believed; empty: none. */
  trustProxy: string[];
}

/** `STORAGE`: `files` (lowdb + files in DATA_DIR, the default) or `postgres` (needs `DATABASE_URL`). */
function databaseUrlFromEnv(env: NodeJS.ProcessEnv): string | undefined {
  const storage = env.STORAGE ?? 'files';
  if (storage === 'files') return undefined;
  if (storage !== 'postgres') throw new Error(`STORAGE must be files or postgres, got ${storage}`);
  if (!env.DATABASE_URL) throw new Error('STORAGE=postgres needs DATABASE_URL=postgres://…');
  return env.DATABASE_URL;
}

export function configFromEnv(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const port = Number(env.PORT ?? 8787);
  const databaseUrl = databaseUrlFromEnv(env);
  const redisUrl = env.REDIS_URL || undefined;
  if (redisUrl && !databaseUrl)
    throw new Error('REDIS_URL joins instances that share PostgreSQL: it needs STORAGE=postgres');
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`PORT must be a port number, got ${env.PORT}`);
  return {
    port,
    host: env.HOST ?? '127.0.0.1',
    dataDir: resolve(env.DATA_DIR ?? './data'),
    seedDemo: env.SEED_DEMO !== '0',
    logLevel: env.LOG_LEVEL ?? 'info',
    publicOrigins: parseOrigins((env.PUBLIC_ORIGIN ?? '').split(',')),
    trustProxy: parseTrustProxy(env.TRUST_PROXY),
    ...(databaseUrl ? { databaseUrl } : {}),
    ...(redisUrl ? { redisUrl } : {}),
  };
}
