/**
 * What every answer carries: unknown API paths are the API's JSON 404 for every method (never the
 * web app's page), and pages, assets and API answers carry the security headers with a
 * Content-Security-Policy the app works with (checked in Chromium by csp.test.ts).
 */
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login } from '../helpers/api.js';
import { startTestServer } from '../helpers/server.js';
import type { TestServer } from '../helpers/server.js';
import { call } from './http.js';

let server: TestServer;
let token = '';

beforeAll(async () => {
  server = await startTestServer();
  token = await login(server.url, 'lead@example.com');
});

afterAll(async () => {
  await server.dispose();
});

describe('unknown /api paths', () => {
  const paths = ['/api/no-such-thing', '/api/projects/x/no-such-thing', '/api/v2/projects', '/api/', '/api'];
  for (const method of ['GET', 'POST', 'PUT', 'PATCH', 'DELETE']) {
    it(`answer ${method} with the API's JSON 404`, async () => {
      const body = method === 'GET' ? undefined : '{}';
      for (const path of paths) {
        const answer = await call(
          server.url,
          method,
          path,
          { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
          body,
        );
        expect({ path, status: answer.status, type: answer.headers['content-type'] }).toEqual({
          path,
          status: 404,
          type: expect.stringContaining('application/json'),
        });
        expect(JSON.parse(answer.text)).toEqual({ error: 'no such endpoint' });
      }
    });
  }

  it('leave the web app’s own routes to the page', async () => {
    const page = await call(server.url, 'GET', '/projects/some-project');
    expect(page.headers['content-type']).toContain('text/html');
  });
});

describe('security headers', () => {
  const expectSecurityHeaders = (headers: Record<string, string | string[] | undefined>, port: number): void => {
    const csp = String(headers['content-security-policy']);
    const directives = new Map(
      csp.split(';').map((d) => {
        const [name = '', ...values] = d.trim().split(/\s+/);
        return [name, values] as const;
      }),
    );
    expect(directives.get('default-src')).toEqual(["'self'"]);
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
    expect(directives.get('connect-src')).toEqual(["'self'", `ws://127.0.0.1:${port}`, `wss://127.0.0.1:${port}`]);
    expect(headers).toMatchObject({
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'DENY',
      'referrer-policy': 'same-origin',
      'cross-origin-opener-policy': 'same-origin',
      'cross-origin-resource-policy': 'same-origin',
      'strict-transport-security': expect.stringContaining('max-age='),
    });
    expect(headers['permissions-policy']).toContain('camera=()');
    expect(headers['x-powered-by']).toBeUndefined();
  };

  it('are on the page, its assets, API answers and API errors', async () => {
    const answers = [
      await call(server.url, 'GET', '/'),
      await call(server.url, 'GET', '/documents/some-document'),
      await call(server.url, 'GET', '/api/health'),
      await call(server.url, 'GET', '/api/projects', { authorization: `Bearer ${token}` }),
      await call(server.url, 'GET', '/api/projects'), // 401
      await call(server.url, 'DELETE', '/api/nowhere'), // 404
    ];
    const clientDir = process.env.TEST_CLIENT_DIR;
    if (clientDir) {
      const script = (await readdir(join(clientDir, 'assets'))).find((f) => f.endsWith('.js'));
      if (script) answers.push(await call(server.url, 'GET', `/assets/${script}`));
    }
    for (const answer of answers) expectSecurityHeaders(answer.headers, server.port);
  });

  it('name the host the request was sent to in connect-src, and nothing a Host header could smuggle', async () => {
    const viaName = await call(server.url, 'GET', '/api/health', { host: `localhost:${server.port}` });
    expect(viaName.headers['content-security-policy']).toContain(
      `connect-src 'self' ws://localhost:${server.port} wss://localhost:${server.port};`,
    );
    // A Host header is the client's to write: a value that is not a plain host adds nothing to the policy.
    const smuggled = await call(server.url, 'GET', '/api/health', { host: 'evil.example;script-src' });
    expect(smuggled.status).toBe(200);
    expect(smuggled.headers['content-security-policy']).toMatch(/connect-src 'self'\s*;/);
    expect(String(smuggled.headers['content-security-policy']).match(/script-src/g)).toHaveLength(1);
  });
});
