/**
 * Cross-site request forgery and cross-site websocket hijacking: a browser sends the session cookie
 * with requests that another site's page makes, and says so in `Origin` / `Sec-Fetch-Site`. Such
 * mutations and websocket handshakes are refused; the app's own pages, bearer-token clients and
 * clients that send no Origin (servers, command-line tools, the stock y-websocket client) keep working.
 */
import type { ProjectDetailResponse } from '@shared/api/types.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoProject, login, request } from '../helpers/api.js';
import { connectSynced } from '../helpers/collab.js';
import { startTestServer } from '../helpers/server.js';
import type { TestServer } from '../helpers/server.js';
import { configFromEnv } from '../../server/config.js';
import { call, handshake, sessionCookie } from './http.js';

const FOREIGN = 'https://attacker.example';

let server: TestServer;
let token = '';
let projectId = '';
let standardId = '';
let own = '';

beforeAll(async () => {
  server = await startTestServer();
  own = server.url; // http://127.0.0.1:<port>: the origin the app's pages have
  token = await login(server.url, 'lead@example.com');
  ({ standardId } = await demoProject(server.url, token));
  projectId = (await demoProject(server.url, token)).project.id;
});

afterAll(async () => {
  await server.dispose();
});

async function projectName(): Promise<string> {
  const detail = await request<ProjectDetailResponse>(server.url, 'GET', `/api/projects/${projectId}`, { token });
  return detail.body.project.nameZh;
}

let renames = 0;
/** Renames the demo project with the given request headers; returns the answer and whether the name changed. */
async function rename(headers: Record<string, string>): Promise<{ status: number; body: string; changed: boolean }> {
  const before = await projectName();
  const nameZh = `跨站测试名称${++renames}`;
  const answer = await call(
    server.url,
    'PATCH',
    `/api/projects/${projectId}`,
    { 'content-type': 'application/json', ...headers },
    JSON.stringify({ nameZh }),
  );
  const after = await projectName();
  expect([before, nameZh]).toContain(after);
  return { status: answer.status, body: answer.text, changed: after === nameZh };
}

describe('REST mutations with the session cookie', () => {
  it('are accepted from the app’s own pages', async () => {
    // What Chromium sends for the app's own fetch: Sec-Fetch-Site same-origin and the page's Origin.
    expect(await rename({ cookie: sessionCookie(token), origin: own, 'sec-fetch-site': 'same-origin' })).toMatchObject({
      status: 200,
      changed: true,
    });
    // A browser without Sec-Fetch-Site: the Origin alone decides.
    expect(await rename({ cookie: sessionCookie(token), origin: own })).toMatchObject({ status: 200, changed: true });
  });

  it('are refused from another site, in the API’s error format, and change nothing', async () => {
    const refusals: Record<string, string>[] = [
      { cookie: sessionCookie(token), origin: FOREIGN },
      { cookie: sessionCookie(token), origin: FOREIGN, 'sec-fetch-site': 'cross-site' },
      { cookie: sessionCookie(token), 'sec-fetch-site': 'cross-site' },
      { cookie: sessionCookie(token), 'sec-fetch-site': 'same-site', origin: 'https://other.127.0.0.1.example' },
      // Opaque origins (sandboxed frames, data: URLs) send "null".
      { cookie: sessionCookie(token), origin: 'null' },
      // Same host name, another port: another origin.
      { cookie: sessionCookie(token), origin: 'http://127.0.0.1:1' },
    ];
    for (const headers of refusals) {
      const answer = await rename(headers);
      expect(answer, JSON.stringify(headers)).toMatchObject({ status: 403, changed: false });
      expect(JSON.parse(answer.body)).toEqual({ error: expect.stringMatching(/^cross-site request refused/) });
    }
  });

  it('refuses a classic cross-site form post and a cross-site sign-in', async () => {
    const form = await call(
      server.url,
      'POST',
      '/api/auth/logout',
      { cookie: sessionCookie(token), origin: FOREIGN, 'content-type': 'application/x-www-form-urlencoded' },
      'a=1',
    );
    expect(form.status).toBe(403);
    expect((await request(server.url, 'GET', '/api/auth/me', { token })).status).toBe(200); // still signed in
    const signIn = await call(
      server.url,
      'POST',
      '/api/auth/login',
      { origin: FOREIGN, 'content-type': 'text/plain' },
      JSON.stringify({ email: 'outsider@example.com', password: 'demo-password' }),
    );
    expect(signIn.status).toBe(403);
    expect(signIn.headers['set-cookie']).toBeUndefined();
  });

  it('leave bearer-token calls, cookie calls without Origin and reads alone', async () => {
    expect(
      await rename({ authorization: `Bearer ${token}`, origin: FOREIGN, 'sec-fetch-site': 'cross-site' }),
    ).toMatchObject({ status: 200, changed: true });
    // No Origin and no Sec-Fetch-Site: not a browser, nothing forged.
    expect(await rename({ cookie: sessionCookie(token) })).toMatchObject({ status: 200, changed: true });
    const read = await call(server.url, 'GET', `/api/projects/${projectId}`, {
      cookie: sessionCookie(token),
      origin: FOREIGN,
      'sec-fetch-site': 'cross-site',
    });
    expect(read.status).toBe(200);
  });
});

describe('the collaboration websocket handshake', () => {
  const collabUrl = (query = ''): string => `${server.url.replace(/^http/, 'ws')}/collab/${standardId}${query}`;

  it('is accepted from the app’s own origin with the session cookie', async () => {
    const result = await handshake(collabUrl(), { origin: own, cookie: sessionCookie(token) });
    expect(result.opened).toBe(true);
    if (result.opened) result.socket.close();
  });

  it('is refused with 403 from another origin, cookie or token, before the socket opens', async () => {
    for (const headers of [
      { origin: FOREIGN, cookie: sessionCookie(token) },
      { origin: 'null', cookie: sessionCookie(token) },
      { origin: 'http://127.0.0.1:1', cookie: sessionCookie(token) },
    ]) {
      const result = await handshake(collabUrl(), headers);
      expect(result, JSON.stringify(headers)).toEqual({
        opened: false,
        status: 403,
        body: expect.stringContaining('is not this app'),
      });
    }
    expect(await handshake(collabUrl(`?token=${token}`), { origin: FOREIGN })).toMatchObject({
      opened: false,
      status: 403,
    });
    expect(server.collab.stats().connections).toBe(0);
  });

  it('is accepted without Origin for a client with a token (the stock y-websocket client)', async () => {
    const client = await connectSynced(server.url, standardId, token);
    expect(client.provider.synced).toBe(true);
    client.destroy();
  });
});

describe('PUBLIC_ORIGIN', () => {
  it('makes exactly the listed origins the app’s own (behind a proxy that rewrites Host)', async () => {
    const proxied = await startTestServer({
      publicOrigins: ['https://bz.example.gov.cn', 'https://bz2.example.gov.cn'],
    });
    try {
      const bearer = await login(proxied.url, 'lead@example.com');
      // The demo project of this server (ids differ between servers).
      const proxiedProject = (await demoProject(proxied.url, bearer)).project.id;
      const patchOwn = (origin: string) =>
        call(
          proxied.url,
          'PATCH',
          `/api/projects/${proxiedProject}`,
          { 'content-type': 'application/json', cookie: sessionCookie(bearer), origin },
          JSON.stringify({ nameZh: '代理后的名称' }),
        );
      expect((await patchOwn('https://bz.example.gov.cn')).status).toBe(200);
      expect((await patchOwn('https://bz2.example.gov.cn')).status).toBe(200);
      // The served host is no longer enough once the origins are configured.
      expect((await patchOwn(proxied.url)).status).toBe(403);
      expect((await patchOwn(FOREIGN)).status).toBe(403);
      const { standardId: document } = await demoProject(proxied.url, bearer);
      const ws = `${proxied.url.replace(/^http/, 'ws')}/collab/${document}`;
      const allowed = await handshake(ws, { origin: 'https://bz.example.gov.cn', cookie: sessionCookie(bearer) });
      expect(allowed.opened).toBe(true);
      if (allowed.opened) allowed.socket.close();
      expect(await handshake(ws, { origin: proxied.url, cookie: sessionCookie(bearer) })).toMatchObject({
        opened: false,
        status: 403,
      });
      // connect-src names the configured origins' websockets.
      const answer = await call(proxied.url, 'GET', '/api/health');
      expect(answer.headers['content-security-policy']).toContain('wss://bz.example.gov.cn');
    } finally {
      await proxied.dispose();
    }
  });

  it('is read from the environment as a comma list and refuses what is not an origin', () => {
    expect(configFromEnv({ PUBLIC_ORIGIN: 'https://bz.example.gov.cn, http://10.0.0.5:8787/' }).publicOrigins).toEqual([
      'https://bz.example.gov.cn',
      'http://10.0.0.5:8787',
    ]);
    expect(configFromEnv({}).publicOrigins).toEqual([]);
    expect(() => configFromEnv({ PUBLIC_ORIGIN: 'bz.example.gov.cn' })).toThrow(/PUBLIC_ORIGIN/);
    expect(() => configFromEnv({ PUBLIC_ORIGIN: 'https://bz.example.gov.cn/app' })).toThrow(/PUBLIC_ORIGIN/);
  });
});
