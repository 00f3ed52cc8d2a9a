/** Server settings from the environment. */
import { resolve } from 'node:path';
import { parseOrigins } from './security/origins.js';

export interface ServerConfig {
  port: number;
  host: string;
  dataDir: string;
  seedDemo: boolean;
  logLevel: string;
  /** `PUBLIC_ORIGIN`: the app's own origins, a comma list (empty: the host each request was sent to). */
  publicOrigins: string[];
}

export function configFromEnv(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const port = Number(env.PORT ?? 8787);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`PORT must be a port number, got ${env.PORT}`);
  return {
    port,
    host: env.HOST ?? '127.0.0.1',
    dataDir: resolve(env.DATA_DIR ?? './data'),
    seedDemo: env.SEED_DEMO !== '0',
    logLevel: env.LOG_LEVEL ?? 'info',
    publicOrigins: parseOrigins((env.PUBLIC_ORIGIN ?? '').split(',')),
  };
}
