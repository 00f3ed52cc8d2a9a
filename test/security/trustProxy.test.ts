/**
 * The client address behind a reverse proxy (`TRUST_PROXY`): without it `X-Forwarded-For` is
 * ignored (a client cannot pick its sign-in bucket); with the proxy trusted, each client behind it
 * has its own allowance, and addresses a client prepends itself are not believed. `X-Forwarded-Proto`
 * follows the same rule. A wrong setting stops the server at start with a message naming it.
 */
import { rm } from 'node:fs/promises';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { configFromEnv } from '../../server/config.js';
import { TrustedProxies } from '../../server/security/trustedProxies.js';
import { makeDataDir, startTestServer } from '../helpers/server.js';
import type { TestServer } from '../helpers/server.js';
import { startServerProcess } from '../helpers/serverProcess.js';
import { call } from './http.js';

// 2 failures per (address, email), 6 per address, per minute.
const LIMIT = { points: 2, durationSeconds: 60 };
const EMAIL = 'lead@example.com';

let server: TestServer | null = null;
afterEach(async () => {
  await server?.dispose();
  server = null;
});

/** A failed sign-in as `EMAIL` with these extra headers; the answer's status. */
async function failedSignIn(url: string, headers: Record<string, string>): Promise<number> {
  const body = JSON.stringify({ email: EMAIL, password: 'wrong-password' });
  return (await call(url, 'POST', '/api/auth/login', { 'content-type': 'application/json', ...headers }, body)).status;
}

async function signInCookie(url: string, headers: Record<string, string>): Promise<string> {
  const body = JSON.stringify({ email: EMAIL, password: 'demo-password' });
  const answer = await call(url, 'POST', '/api/auth/login', { 'content-type': 'application/json', ...headers }, body);
  expect(answer.status).toBe(200);
  return String(answer.headers['set-cookie']);
}

describe('without TRUST_PROXY', () => {
  it('a spoofed X-Forwarded-For does not change the bucket, nor X-Forwarded-Proto the cookie', async () => {
    server = await startTestServer({ loginLimit: LIMIT });
    expect(await failedSignIn(server.url, { 'x-forwarded-for': '203.0.113.1' })).toBe(401);
    expect(await failedSignIn(server.url, { 'x-forwarded-for': '203.0.113.2' })).toBe(401);
    // Both counted against the socket's address: a third "client" is refused too.
    expect(await failedSignIn(server.url, { 'x-forwarded-for': '203.0.113.3' })).toBe(429);
    expect(await failedSignIn(server.url, {})).toBe(429);
    const other = await startTestServer({ loginLimit: LIMIT });
    try {
      expect(await signInCookie(other.url, { 'x-forwarded-proto': 'https' })).not.toMatch(/;\s*Secure/i);
    } finally {
      await other.dispose();
    }
  });
});

describe('with TRUST_PROXY=127.0.0.1', () => {
  it('gives each client behind the proxy its own allowance; prepended addresses change nothing', async () => {
    server = await startTestServer({ loginLimit: LIMIT, trustProxy: ['127.0.0.1'] });
    // nginx appends the address it saw: "<what the client sent>, <client>".
    const from = (client: string, sent?: string) => ({ 'x-forwarded-for': sent ? `${sent}, ${client}` : client });
    expect(await failedSignIn(server.url, from('203.0.113.1'))).toBe(401);
    expect(await failedSignIn(server.url, from('203.0.113.1'))).toBe(401);
    expect(await failedSignIn(server.url, from('203.0.113.1'))).toBe(429);
    // Another client behind the same proxy is not affected.
    expect(await failedSignIn(server.url, from('203.0.113.2'))).toBe(401);
    // The blocked client cannot escape by sending addresses of its own (nor one of the proxy's).
    expect(await failedSignIn(server.url, from('203.0.113.1', '198.51.100.7'))).toBe(429);
    expect(await failedSignIn(server.url, from('203.0.113.1', '198.51.100.8, 127.0.0.1'))).toBe(429);
    expect(await failedSignIn(server.url, from('203.0.113.2'))).toBe(401);
    expect(await failedSignIn(server.url, from('203.0.113.2'))).toBe(429);
    // The proxy's X-Forwarded-Proto is believed: the cookie is Secure.
    expect(await signInCookie(server.url, from('203.0.113.9', undefined))).not.toMatch(/;\s*Secure/i);
    expect(await signInCookie(server.url, { ...from('203.0.113.9'), 'x-forwarded-proto': 'https' })).toMatch(
      /;\s*Secure/i,
    );
  });
});

describe('the client address', () => {
  const proxies = TrustedProxies.parse(['127.0.0.1', '10.0.0.0/8', 'fd00::/8']);

  it('is the rightmost address that is not a trusted proxy', () => {
    expect(proxies.clientAddress('127.0.0.1', '198.51.100.1, 203.0.113.5, 10.1.2.3')).toBe('203.0.113.5');
    expect(proxies.clientAddress('::ffff:127.0.0.1', '203.0.113.5')).toBe('203.0.113.5');
    expect(proxies.clientAddress('fd00::2', '2001:db8::7, fd12::1')).toBe('2001:db8::7');
    // All trusted: the leftmost; an untrusted peer: the peer, whatever the header says.
    expect(proxies.clientAddress('127.0.0.1', '10.0.0.9')).toBe('10.0.0.9');
    expect(proxies.clientAddress('192.0.2.4', '203.0.113.5')).toBe('192.0.2.4');
    expect(proxies.clientAddress('127.0.0.1', undefined)).toBe('127.0.0.1');
    expect(TrustedProxies.parse([]).clientAddress('127.0.0.1', '203.0.113.5')).toBe('127.0.0.1');
  });

  it('refuses entries that are not addresses or ranges', () => {
    for (const wrong of ['localhost', '10.0.0.0/33', '10.0.0.0/8/1', '10.0.0', '::1/129', '10.0.0.0/x']) {
      expect(() => configFromEnv({ TRUST_PROXY: `127.0.0.1,${wrong}` })).toThrow(
        `TRUST_PROXY: "${wrong}" is not an IP address or CIDR range`,
      );
    }
    expect(configFromEnv({ TRUST_PROXY: ' 127.0.0.1 , 10.0.0.0/8,::1 ' }).trustProxy).toEqual([
      '127.0.0.1',
      '10.0.0.0/8',
      '::1',
    ]);
    expect(configFromEnv({}).trustProxy).toEqual([]);
  });
});

describe('a wrong TRUST_PROXY', () => {
  let dataDir = '';
  afterAll(async () => {
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it('stops the server at start with a clear message', async () => {
    dataDir = await makeDataDir();
    await expect(startServerProcess({ DATA_DIR: dataDir, TRUST_PROXY: '127.0.0.1,nginx' })).rejects.toThrow(
      'TRUST_PROXY: "nginx" is not an IP address or CIDR range',
    );
  });
});
