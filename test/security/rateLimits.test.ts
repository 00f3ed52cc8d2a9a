/**
 * The invitation links' tokens are credentials in the path: guessing them is limited per address
 * like sign-in — failed attempts count, a successful lookup gives its attempt back, and over the
 * limit the answer is a 429 with Retry-After, also for a right token.
 */
import type { InviteResponse, ProjectListItem } from '@shared/api/types.js';
import type { RoundInviteResponse, RoundView } from '@shared/api/consultation.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoProject, login, request } from '../helpers/api.js';
import { startTestServer } from '../helpers/server.js';
import type { TestServer } from '../helpers/server.js';
import { ok } from '../consultation/helpers.js';

const LIMIT = 4;

let server: TestServer;
let lead = '';
let project: ProjectListItem;

beforeAll(async () => {
  server = await startTestServer({ tokenLimit: { points: LIMIT, durationSeconds: 600 } });
  lead = await login(server.url, 'lead@example.com');
  ({ project } = await demoProject(server.url, lead));
});

afterAll(async () => {
  await server.dispose();
});

function organizationOf(email: string): string {
  return server.services.metadata.collection('users').findOne({ email })!.organizationId;
}

async function projectInvitation(email: string): Promise<string> {
  const invited = await ok<InviteResponse>(server.url, 'POST', `/api/projects/${project.id}/invitations`, lead, {
    email,
    role: 'drafter',
    relation: 'peer-company',
    organizationId: organizationOf('drafter@example.com'),
  });
  if (invited.kind !== 'invited') throw new Error('expected an invitation link');
  return new URL(invited.link).pathname.split('/invite/')[1]!;
}

async function roundInvitation(email: string): Promise<string> {
  const round = await ok<RoundView>(server.url, 'POST', `/api/projects/${project.id}/rounds`, lead, {
    deadline: '2026-06-30',
    recipients: [
      { unitName: '限流测试单位', contact: '联系人', organizationId: organizationOf('drafter@example.com') },
    ],
  });
  const invited = await ok<RoundInviteResponse>(
    server.url,
    'POST',
    `/api/rounds/${round.round.id}/recipients/${round.round.recipients[0]!.id}/invitations`,
    lead,
    { email },
  );
  if (invited.kind !== 'invited') throw new Error('expected an invitation link');
  return invited.link.split('/round-invite/')[1]!;
}

describe.each([
  { name: 'drafting-group invitation links', prefix: '/api/invitations', invite: projectInvitation },
  { name: 'consultation round invitation links', prefix: '/api/round-invitations', invite: roundInvitation },
])('$name', ({ prefix, invite }) => {
  it('are limited per address on failed attempts; successes give theirs back', async () => {
    const token = await invite(`limit-${prefix.length}@example.com`);
    // Opening the right link again and again counts nothing.
    for (let i = 0; i < LIMIT * 2; i++)
      expect((await request(server.url, 'GET', `${prefix}/${token}`)).status).toBe(200);
    // Guessing: each wrong token uses an attempt, on lookups and accepts alike.
    for (let i = 0; i < LIMIT; i++) {
      const guess = i % 2 === 0 ? `${prefix}/guess-${i}` : `${prefix}/guess-${i}/accept`;
      const answer = await request(server.url, i % 2 === 0 ? 'GET' : 'POST', guess, {
        body: i % 2 === 0 ? undefined : { name: '猜测者', password: 'guessing-password' },
      });
      expect(answer.status).toBe(404);
    }
    const response = await fetch(`${server.url}${prefix}/guess-more`);
    expect(response.status).toBe(429);
    expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await response.json()).toEqual({ error: 'too many attempts with invitation links; try again later' });
    // Now even the right token waits: the address is blocked, not the token.
    expect((await request(server.url, 'GET', `${prefix}/${token}`)).status).toBe(429);
    // Sign-in has its own limit and is not affected.
    expect(
      (
        await request(server.url, 'POST', '/api/auth/login', {
          body: { email: 'lead@example.com', password: 'demo-password' },
        })
      ).status,
    ).toBe(200);
  });
});
