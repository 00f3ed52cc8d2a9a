/**
 * A throwaway PostgreSQL (tests and benchmarks): `initdb` into a temporary directory, the server on a
 * free loopback port with its socket in that directory (as the `postgres` user when run as root,
 * which PostgreSQL refuses to run as), stopped and removed after. No Docker, no system service.
 * test/helpers/postgres.ts re-exports it for the tests; the benchmarks start it `durable`.
 */
import { execFile } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { chown, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';

const run = promisify(execFile);
const ROOT = '/usr/lib/postgresql';
/** The OS user that runs PostgreSQL when run as root. */
const SERVICE_USER = 'postgres';

/** The newest installed PostgreSQL's bin directory, or null (the tests that need it are skipped). */
export function postgresBin(): string | null {
  if (!existsSync(ROOT)) return null;
  const versions = readdirSync(ROOT)
    .filter((v) => existsSync(join(ROOT, v, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] ? join(ROOT, versions[0], 'bin') : null;
}

/** Why the PostgreSQL tests are skipped on this machine (null: they run). */
export const POSTGRES_SKIP_REASON: string | null = postgresBin()
  ? null
  : `no PostgreSQL under ${ROOT} (install Debian's postgresql package; .ci/run does): PostgreSQL storage tests skipped`;

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

export interface TestPostgres {
  port: number;
  /** A new empty database; returns its URL. */
  createDatabase(): Promise<string>;
  stop(): Promise<void>;
}

export interface StartPostgresOptions {
  /**
   * Keep PostgreSQL's defaults (fsync, full page writes), so that a COMMIT waits for the disk as in
   * production — for benchmarks. Default false: the tests run without fsync, for speed.
   */
  durable?: boolean;
}

export async function startPostgres(options: StartPostgresOptions = {}): Promise<TestPostgres> {
  const bin = postgresBin();
  if (!bin) throw new Error(POSTGRES_SKIP_REASON ?? 'no PostgreSQL');
  const asRoot = process.getuid?.() === 0;
  const exec = (command: string, args: string[]): Promise<unknown> =>
    asRoot ? run('runuser', ['-u', SERVICE_USER, '--', join(bin, command), ...args]) : run(join(bin, command), args);
  const dir = await mkdtemp(join(tmpdir(), 'zm-pg-'));
  if (asRoot) {
    const { stdout } = await run('id', ['-u', SERVICE_USER]);
    const { stdout: gid } = await run('id', ['-g', SERVICE_USER]);
    await chown(dir, Number(stdout.trim()), Number(gid.trim()));
  }
  const data = join(dir, 'data');
  await exec('initdb', ['-D', data, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--locale=C', '--no-sync']);
  const port = await freePort();
  const serverOptions = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1${options.durable ? '' : ' -c fsync=off -c full_page_writes=off'}`;
  await exec('pg_ctl', ['-D', data, '-o', serverOptions, '-l', join(dir, 'server.log'), '-w', 'start']);
  const admin = new pg.Pool({ connectionString: `postgres://postgres@127.0.0.1:${port}/postgres`, max: 1 });
  let databases = 0;
  return {
    port,
    async createDatabase() {
      const name = `test_${++databases}`;
      await admin.query(`CREATE DATABASE ${name}`);
      return `postgres://postgres@127.0.0.1:${port}/${name}`;
    },
    async stop() {
      await admin.end();
      await exec('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']).catch(() => undefined);
      await rm(dir, { recursive: true, force: true });
    },
  };
}
