/**
 * Access changes reach live connections: sockets (close codes) and project event streams (SSE) end
 * when a bureau stops supervising, a member is removed, a session signs out or a user is disabled.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ProjectListItem } from '@shared/api/types.js';
import { withCheckChar } from '@shared/domain/creditCode.js';
import { demoProject, login, request } from '../helpers/api.js';
import { connectSynced, presenceProbe, rawRoundTrip, rawSocket, waitFor } from '../helpers/collab.js';
import type { Client } from '../helpers/collab.js';
import { startTestServer } from '../helpers/server.js';
import type { TestServer } from '../helpers/server.js';
import { call, freshUser, openEvents, organizationIdOf, userIdOf } from './helpers.js';
import type { EventStream } from './helpers.js';

let server: TestServer;
let lead: string;
let admin: string;
let project: ProjectListItem;
let standardId: string;
const clients: Client[] = [];
const streams: EventStream[] = [];

beforeEach(async () => {
  server = await startTestServer();
  lead = await login(server.url, 'lead@example.com');
  admin = await login(server.url, 'admin@example.com');
  ({ project, standardId } = await demoProject(server.url, lead));
});

afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy();
  for (const s of streams.splice(0)) s.close();
  await server.dispose();
});

function closeCodes(client: Client): number[] {
  const codes: number[] = [];
  client.provider.on('connection-close', (event) => codes.push(event?.code ?? 0));
  return codes;
}

function wsUrl(token: string): string {
  return `${server.url.replace('http', 'ws')}/collab/${standardId}?token=${token}`;
}

describe('supervising bureaus', () => {
  it("removing a bureau from the project ends its staff's sockets and event streams", async () => {
    const countyBureau = organizationIdOf(server, 'bureau@example.com');
    // Staff of the county bureau who are not members: they see the project only through supervision.
    const staff = await freshUser(server, admin, countyBureau);
    const client = await connectSynced(server.url, standardId, staff.token);
    clients.push(client);
    const codes = closeCodes(client);
    const events = await openEvents(server, project.id, staff.token);
    streams.push(events);

    const remaining = project.supervisingBureauIds.filter((id) => id !== countyBureau);
    await call(server, lead, 'PATCH', `/api/projects/${project.id}`, { supervisingBureauIds: remaining });

    await waitFor(() => codes.includes(4403), 'bureau staff rejected on reconnect');
    expect(codes[0]).toBe(4000);
    await events.ended;
    const list = await call<ProjectListItem[]>(server, staff.token, 'GET', '/api/projects');
    expect(list.map((p) => p.id)).not.toContain(project.id);
    // The explicit member of that bureau keeps reading.
    const bureau = await login(server.url, 'bureau@example.com');
    expect((await request(server.url, 'GET', `/api/projects/${project.id}`, { token: bureau })).status).toBe(200);
  });

  it('adding a bureau re-authorizes nobody else and lets its staff in', async () => {
    const lead2 = await login(server.url, 'lead@example.com');
    const leadClient = await connectSynced(server.url, standardId, lead2);
    clients.push(leadClient);
    const leadCodes = closeCodes(leadClient);
    const { id: bureauId } = await call<{ id: string }>(server, admin, 'POST', '/api/organizations', {
      // A city bureau of another city (Hangzhou): Jinhua's would follow the Yongkang county's projects already.
      name: '杭州市市场监督管理局',
      creditCode: withCheckChar('11330100MB0123456'),
      kind: 'market-supervision-bureau',
      bureauLevel: 'city',
    });
    const staff = await freshUser(server, admin, bureauId);
    expect((await request(server.url, 'GET', `/api/projects/${project.id}`, { token: staff.token })).status).toBe(404);
    await call(server, lead, 'PATCH', `/api/projects/${project.id}`, {
      supervisingBureauIds: [...project.supervisingBureauIds, bureauId],
    });
    const seen = await call<{ project: ProjectListItem }>(server, staff.token, 'GET', `/api/projects/${project.id}`);
    expect(seen.project.access).toMatchObject({ role: 'reviewer', canEdit: false });
    // The staff member comes in; the lead's socket receives their presence, which the server sent
    // after the change: had the change closed the lead's socket, it would have been before.
    const staffClient = await connectSynced(server.url, standardId, staff.token);
    clients.push(staffClient);
    await presenceProbe(staffClient, leadClient);
    expect(leadCodes).toEqual([]);
  });
});

describe('event streams and sessions', () => {
  it('a removed member’s event stream ends; the others keep theirs and hear members-changed', async () => {
    const drafter = await login(server.url, 'drafter@example.com');
    const drafterEvents = await openEvents(server, project.id, drafter);
    const leadEvents = await openEvents(server, project.id, lead);
    streams.push(drafterEvents, leadEvents);
    await call(
      server,
      lead,
      'DELETE',
      `/api/projects/${project.id}/members/${userIdOf(server, 'drafter@example.com')}`,
    );
    await drafterEvents.ended;
    await waitFor(() => leadEvents.types.includes('members-changed'), 'lead hears members-changed');
    expect(leadEvents.isEnded()).toBe(false);
  });

  it('signing out ends that session’s event streams and closes its sockets with 4401, not other sessions’', async () => {
    const signingOut = await login(server.url, 'drafter@example.com');
    const other = await login(server.url, 'drafter@example.com');
    const events = await openEvents(server, project.id, signingOut);
    const otherEvents = await openEvents(server, project.id, other);
    streams.push(events, otherEvents);
    const socket = await rawSocket(wsUrl(signingOut));
    const otherSocket = await rawSocket(wsUrl(other));
    expect((await request(server.url, 'POST', '/api/auth/logout', { token: signingOut })).status).toBe(204);
    expect((await socket.closed).code).toBe(4401);
    await events.ended;
    // Sign-out closes what it closes at once; the other session's socket and stream still carry
    // messages sent after it (a sync answer, and a marker event published now).
    await rawRoundTrip(otherSocket.ws);
    const from = otherEvents.types.length;
    server.services.hub.publish(project.id, { type: 'project-changed' });
    await waitFor(() => otherEvents.types.slice(from).includes('project-changed'), 'the other stream is alive');
    expect(otherEvents.isEnded()).toBe(false);
    expect(otherSocket.ws.readyState).toBe(otherSocket.ws.OPEN);
    otherSocket.ws.close();
    // The signed-out token opens nothing any more.
    expect((await (await rawSocket(wsUrl(signingOut))).closed).code).toBe(4401);
    expect((await request(server.url, 'GET', `/api/projects/${project.id}/events`, { token: signingOut })).status).toBe(
      401,
    );
  });

  it('disabling a user ends all their sessions, sockets and event streams at once', async () => {
    const first = await login(server.url, 'testing@example.com');
    const second = await login(server.url, 'testing@example.com');
    const client = await connectSynced(server.url, standardId, first);
    clients.push(client);
    const codes = closeCodes(client);
    const socket = await rawSocket(wsUrl(second));
    const events = await openEvents(server, project.id, second);
    streams.push(events);
    await call(server, admin, 'PATCH', `/api/users/${userIdOf(server, 'testing@example.com')}`, { active: false });
    expect((await socket.closed).code).toBe(4401);
    await waitFor(() => codes.length > 0, 'client closed');
    expect(codes[0]).toBe(4401);
    await events.ended;
    for (const token of [first, second])
      expect((await request(server.url, 'GET', '/api/auth/me', { token })).status).toBe(401);
    expect(
      (
        await request(server.url, 'POST', '/api/auth/login', {
          body: { email: 'testing@example.com', password: 'demo-password' },
        })
      ).status,
    ).toBe(403);
  });
});
