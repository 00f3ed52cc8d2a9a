/**
 * Credentials never reach the log: the real server process, at the most verbose level, serves a
 * session whose token travels in the collaboration URL (`?token=`), in `Authorization` headers and
 * in cookies, and invitation links whose token is in the path — none of them appears in what it prints.
 */
import { rm } from 'node:fs/promises';
import type { InviteResponse, MeResponse } from '@shared/api/types.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoProject, login, request } from '../helpers/api.js';
import { connectSynced, waitFor } from '../helpers/collab.js';
import { makeDataDir } from '../helpers/server.js';
import { startServerProcess } from '../helpers/serverProcess.js';
import type { ServerProcess } from '../helpers/serverProcess.js';
import { call, handshake, sessionCookie } from './http.js';

let server: ServerProcess;
let dataDir = '';

beforeAll(async () => {
  dataDir = await makeDataDir();
  server = await startServerProcess({ DATA_DIR: dataDir, SEED_DEMO: '1', LOG_LEVEL: 'trace' });
});

afterAll(async () => {
  server.kill();
  await rm(dataDir, { recursive: true, force: true });
});

describe('the server log', () => {
  it('shows no session token and no invitation token', async () => {
    const token = await login(server.url, 'lead@example.com');
    const { project, standardId } = await demoProject(server.url, token);
    const secrets = [token];

    // The collaboration URL with the token, a cookie session, and a refused cross-site handshake (logged).
    const client = await connectSynced(server.url, standardId, token);
    client.destroy();
    const collab = `${server.url.replace(/^http/, 'ws')}/collab/${standardId}`;
    const refused = await handshake(`${collab}?token=${token}`, { origin: 'https://attacker.example' });
    expect(refused).toMatchObject({ opened: false, status: 403 });
    const cookieSocket = await handshake(collab, { cookie: sessionCookie(token) });
    if (cookieSocket.opened) cookieSocket.socket.close();
    // Failed and refused calls with the token in Authorization and Cookie.
    await call(server.url, 'GET', '/api/documents/no-such-document/content', { authorization: `Bearer ${token}` });
    await call(
      server.url,
      'PATCH',
      `/api/projects/${project.id}`,
      {
        cookie: sessionCookie(token),
        origin: 'https://attacker.example',
        'content-type': 'application/json',
      },
      '{}',
    );

    // An invitation link, looked up, refused cross-site, and accepted.
    const drafter = await login(server.url, 'drafter@example.com');
    const me = await request<MeResponse>(server.url, 'GET', '/api/auth/me', { token: drafter });
    const invited = await request<InviteResponse>(server.url, 'POST', `/api/projects/${project.id}/invitations`, {
      token,
      body: {
        email: 'log-check@example.com',
        role: 'drafter',
        relation: 'peer-company',
        organizationId: me.body.user.organizationId,
      },
    });
    expect(invited.status, JSON.stringify(invited.body)).toBe(201);
    if (invited.body.kind !== 'invited') throw new Error('expected an invitation link');
    const invitation = new URL(invited.body.link).pathname.split('/invite/')[1]!;
    secrets.push(invitation);
    await request(server.url, 'GET', `/api/invitations/${invitation}`);
    const accepted = await request<{ token: string }>(server.url, 'POST', `/api/invitations/${invitation}/accept`, {
      body: { name: '日志检查', password: 'log-check-password' },
    });
    expect(accepted.status).toBe(200);
    secrets.push(accepted.body.token);

    // The log is captured: the refused handshake is in it, with its URL, the token redacted.
    await waitFor(() => server.output().includes('refused a cross-site websocket handshake'), 'the refusal is logged');
    const refusal = server
      .output()
      .split('\n')
      .find((line) => line.includes('refused a cross-site websocket handshake'));
    expect(JSON.parse(refusal!)).toMatchObject({
      level: 40,
      origin: 'https://attacker.example',
      url: `/collab/${standardId}?token=[redacted]`,
    });
    for (const secret of secrets) expect(server.output()).not.toContain(secret);
  });
});
