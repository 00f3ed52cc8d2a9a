/**
 * Attempt limits across instances (REDIS_URL): failed sign-ins and unknown invitation tokens tried
 * on instance A count on instance B too, so an address gets its allowance once for the deployment.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { request } from '../helpers/api.js';
import { startTestServer } from '../helpers/server.js';
import type { TestServer } from '../helpers/server.js';
import { POSTGRES_SKIP_REASON, startPostgres } from '../helpers/postgres.js';
import type { TestPostgres } from '../helpers/postgres.js';
import { REDIS_SKIP_REASON, startRedis } from '../helpers/redis.js';
import type { TestRedis } from '../helpers/redis.js';

const SKIP_REASON = POSTGRES_SKIP_REASON ?? REDIS_SKIP_REASON;
if (SKIP_REASON) console.warn(SKIP_REASON);

const LIMIT = { points: 3, durationSeconds: 60 };

describe.skipIf(SKIP_REASON !== null)('attempt limits across instances', () => {
  let postgres: TestPostgres;
  let redis: TestRedis;
  let a: TestServer;
  let b: TestServer;

  beforeAll(async () => {
    [postgres, redis] = await Promise.all([startPostgres(), startRedis()]);
    const databaseUrl = await postgres.createDatabase();
    const options = { databaseUrl, redisUrl: redis.url, loginLimit: LIMIT, tokenLimit: LIMIT };
    a = await startTestServer(options);
    b = await startTestServer({ ...options, seedDemo: false });
  }, 60_000);
  afterAll(async () => {
    for (const server of [a, b]) await server?.dispose().catch(() => undefined);
    await redis?.stop();
    await postgres?.stop();
  });

  const signIn = (server: TestServer) =>
    fetch(`${server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'lead@example.com', password: 'not-the-password' }),
    });

  it('counts failed sign-ins on A against the allowance on B', async () => {
    expect((await signIn(a)).status).toBe(401);
    expect((await signIn(a)).status).toBe(401);
    expect((await signIn(b)).status).toBe(401);
    const limited = await signIn(b);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await signIn(a)).status).toBe(429);
  });

  it('counts unknown invitation tokens on A against the allowance on B', async () => {
    const guess = (server: TestServer, n: number) => request(server.url, 'GET', `/api/invitations/guess-${n}`);
    expect((await guess(a, 1)).status).toBe(404);
    expect((await guess(a, 2)).status).toBe(404);
    expect((await guess(b, 3)).status).toBe(404);
    expect((await guess(b, 4)).status).toBe(429);
  });
});
