/**
 * `npm run create-admin`: the first administrator of a deployment without the demo. On the embedded
 * store it runs while the server is stopped (and refuses while one runs); on PostgreSQL it writes
 * beside running instances and tells them through Redis, so signing in works on any of them at once.
 * An email that has an account is refused (exit 2), as is a password the app would refuse.
 */
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { PublicUser } from '@shared/domain/user.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login, request } from '../helpers/api.js';
import { makeDataDir, startTestServer } from '../helpers/server.js';
import type { TestServer } from '../helpers/server.js';
import { CreateAdminRefused, createAdmin as createAdminIn } from '../../scripts/lib/createAdmin.js';
import { POSTGRES_SKIP_REASON, startPostgres } from '../helpers/postgres.js';
import type { TestPostgres } from '../helpers/postgres.js';
import { REDIS_SKIP_REASON, startRedis } from '../helpers/redis.js';
import type { TestRedis } from '../helpers/redis.js';

const PROJECT_ROOT = fileURLToPath(new URL('../..', import.meta.url));
const PASSWORD = 'first-admin-password';
const NEW_ORGANIZATION = [
  '--organization',
  '浙江省标准化管理处',
  '--credit-code',
  '113300000024821409',
  '--kind',
  'market-supervision-bureau',
  '--bureau-level',
  'province',
];

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the command with only these settings in its environment. */
function createAdmin(args: string[], env: Record<string, string>): Promise<Run> {
  const { PATH, HOME } = process.env;
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', 'scripts/createAdmin.ts', ...args],
      { cwd: PROJECT_ROOT, env: { PATH, HOME, ...env }, timeout: 60_000 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : null) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

/** Signs in as the administrator on `server` and lists the users through the admin API. */
async function adminUsers(server: TestServer, email: string): Promise<PublicUser[]> {
  const token = await login(server.url, email, PASSWORD);
  const users = await request<PublicUser[]>(server.url, 'GET', '/api/users', { token });
  expect(users.status).toBe(200);
  return users.body;
}

describe('create-admin on the embedded store', () => {
  let dataDir = '';
  let server: TestServer | null = null;
  afterAll(async () => {
    await server?.dispose();
  });

  it('creates the first administrator while the server is stopped; refuses while it runs', async () => {
    dataDir = await makeDataDir();
    const env = { DATA_DIR: dataDir, ADMIN_PASSWORD: PASSWORD };
    // Refusals write nothing (called in-process here; the command's exit code 2 is checked below).
    await expect(
      createAdminIn(
        { dataDir },
        { email: 'admin@example.gov.cn', name: '张三', password: 'too-short', organization: '浙江省标准化管理处' },
      ),
    ).rejects.toThrow('password must have at least 10 characters');
    await expect(
      createAdminIn({ dataDir }, { email: 'admin@example.gov.cn', name: '张三', password: PASSWORD }),
    ).rejects.toThrow('there is no organization yet');

    const created = await createAdmin(['--email', 'Admin@Example.gov.cn', '--name', '张三', ...NEW_ORGANIZATION], env);
    expect(created.stderr).toBe('');
    expect(created).toMatchObject({ code: 0 });
    expect(created.stdout).toContain('Administrator created');

    // Not empty any more: no demo is seeded, and the administrator signs in and reaches the admin API.
    server = await startTestServer({ dataDir, seedDemo: true });
    expect(server.seeded).toEqual([]);
    const users = await adminUsers(server, 'admin@example.gov.cn');
    expect(users).toEqual([
      expect.objectContaining({ email: 'admin@example.gov.cn', name: '张三', isAdmin: true, active: true }),
    ]);

    const whileRunning = await createAdmin(['--email', 'second@example.gov.cn', '--name', '李四'], env);
    expect(whileRunning).toMatchObject({ code: 2 });
    expect(whileRunning.stderr).toContain('a server is running on');
    await server.close();
    // Stopped again: an existing email is refused.
    await expect(
      createAdminIn({ dataDir }, { email: 'admin@example.gov.cn', name: '张三', password: PASSWORD }),
    ).rejects.toThrow(new CreateAdminRefused('an account with the email admin@example.gov.cn already exists'));
  });
});

const SKIP_REASON = POSTGRES_SKIP_REASON ?? REDIS_SKIP_REASON;
if (SKIP_REASON) console.warn(SKIP_REASON);

describe.skipIf(SKIP_REASON !== null)('create-admin on PostgreSQL with instances running', () => {
  let postgres: TestPostgres;
  let redis: TestRedis;
  const servers: TestServer[] = [];
  beforeAll(async () => {
    [postgres, redis] = await Promise.all([startPostgres(), startRedis()]);
  });
  afterAll(async () => {
    for (const server of servers) await server.dispose().catch(() => undefined);
    await redis?.stop();
    await postgres?.stop();
  });

  it('writes the administrator beside running instances; each signs it in at once', async () => {
    const databaseUrl = await postgres.createDatabase();
    for (let i = 0; i < 2; i++)
      servers.push(await startTestServer({ databaseUrl, redisUrl: redis.url, seedDemo: false }));
    const [a, b] = servers as [TestServer, TestServer];
    const env = {
      STORAGE: 'postgres',
      DATABASE_URL: databaseUrl,
      REDIS_URL: redis.url,
      ADMIN_PASSWORD: PASSWORD,
    };
    const created = await createAdmin(['--email', 'admin@example.gov.cn', '--name', '张三', ...NEW_ORGANIZATION], env);
    expect(created.stderr).toBe('');
    expect(created).toMatchObject({ code: 0 });
    expect(created.stdout).toContain('the running instances were told through Redis');
    // Right after the command: both instances know the account and its organization.
    for (const server of [a, b]) {
      const users = await adminUsers(server, 'admin@example.gov.cn');
      expect(users.map((u) => [u.email, u.isAdmin])).toEqual([['admin@example.gov.cn', true]]);
    }
    const again = await createAdmin(['--email', 'admin@example.gov.cn', '--name', '张三'], env);
    expect(again).toMatchObject({ code: 2 });
    expect(again.stderr).toContain('already exists');
  });
});
