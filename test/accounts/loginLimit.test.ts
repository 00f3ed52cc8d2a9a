/** Sign-in rate limits: per (IP, email) against guessing one password, per IP against password spraying. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, request } from '../helpers/api.js';
import { startTestServer } from '../helpers/server.js';
import type { TestServer } from '../helpers/server.js';

describe('sign-in rate limits', () => {
  let server: TestServer;
  // 3 failures per (IP, email), 9 per IP within the window.
  beforeAll(async () => {
    server = await startTestServer({ loginLimit: { points: 3, durationSeconds: 60 } });
  });
  afterAll(async () => {
    await server.dispose();
  });

  const attempt = async (email: string, password = 'wrong-password') =>
    (await request(server.url, 'POST', '/api/auth/login', { body: { email, password } })).status;

  it('successful sign-ins do not count against the address', async () => {
    for (let i = 0; i < 12; i++) expect(await attempt('lead@example.com', DEMO_PASSWORD)).toBe(200);
  });

  it('spraying one password over many emails from one address is stopped', async () => {
    const seen: number[] = [];
    for (let i = 0; i < 11; i++) seen.push(await attempt(`sprayed${i}@example.com`));
    // Each email is tried once (the per-account limit never triggers); the address runs out after 9.
    expect(seen).toEqual([...Array<number>(9).fill(401), 429, 429]);
    const blocked = await request(server.url, 'POST', '/api/auth/login', {
      body: { email: 'drafter@example.com', password: DEMO_PASSWORD },
    });
    expect(blocked.status).toBe(429);
  });
});
