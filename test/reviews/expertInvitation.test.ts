/**
 * 邀请专家 over real HTTP: the province opens a technical review with a review expert of the project
 * and experts invited by e-mail through the project's invitation flow. An existing user joins the
 * project as a review expert and the review at once; someone without an account gets a link, and
 * accepting it makes them a member (relation review-expert, role reviewer) who is one of the review's
 * experts and may vote. Bad invitations are refused and change nothing; nobody but the province
 * invites.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OpenReviewResponse, ReviewView } from '@shared/api/reviews.js';
import type { LoginResponse, ProjectListItem } from '@shared/api/types.js';
import { DEMO_PASSWORD, demoProject, login, request } from '../helpers/api.js';
import { startTestServer } from '../helpers/server.js';
import type { TestServer } from '../helpers/server.js';
import { ok } from '../workflow/helpers.js';
import { acceptedReviewDraft, getReview, opinion } from './helpers.js';

let server: TestServer;
const t = {} as Record<'lead' | 'expert' | 'admin', string>;
let project: ProjectListItem;
let expertId = '';
let committeeId = '';

const reviewsPath = () => `/api/projects/${project.id}/reviews`;
const reviewCount = () => server.services.metadata.collection('technicalReviews').findMany().length;
const memberOf = (email: string) => {
  const user = server.services.metadata.collection('users').findOne({ email });
  return user
    ? server.services.metadata.collection('members').findOne({ projectId: project.id, userId: user.id })
    : undefined;
};

beforeAll(async () => {
  server = await startTestServer({ pdf: { command: '/nonexistent/soffice' } });
  for (const who of ['lead', 'expert', 'admin'] as const) t[who] = await login(server.url, `${who}@example.com`);
  ({ project } = await demoProject(server.url, t.lead));
  const expert = server.services.metadata.collection('users').findOne({ email: 'expert@example.com' });
  expertId = expert?.id ?? '';
  committeeId = expert?.organizationId ?? '';
  await acceptedReviewDraft(server, project.id, 'lead@example.com');
});

afterAll(async () => {
  await server?.dispose();
});

describe('邀请专家: experts invited by e-mail into a technical review', () => {
  const newEmail = 'invited.expert@example.com';
  const existingEmail = 'outsider@example.com';

  it('is refused for bad invitations and for anyone but the province, changing nothing', async () => {
    const body = { meetingDate: '2026-07-01', expertIds: [expertId], invitations: [{ email: newEmail }] };
    // A new user needs an organization.
    expect((await request(server.url, 'POST', reviewsPath(), { token: t.admin, body })).status).toBe(400);
    for (const bad of [
      { ...body, invitations: [{ email: 'not-an-email', organizationId: committeeId }] },
      {
        ...body,
        invitations: [
          { email: newEmail, organizationId: committeeId },
          { email: newEmail, organizationId: committeeId },
        ],
      },
      { meetingDate: '2026-07-01', expertIds: [], invitations: [] },
    ])
      expect((await request(server.url, 'POST', reviewsPath(), { token: t.admin, body: bad })).status).toBe(400);
    // A member of the drafting group in another relation cannot be invited as an expert.
    const conflict = { ...body, invitations: [{ email: 'drafter@example.com' }] };
    expect((await request(server.url, 'POST', reviewsPath(), { token: t.admin, body: conflict })).status).toBe(409);
    const good = { ...body, invitations: [{ email: newEmail, organizationId: committeeId }] };
    for (const who of ['lead', 'expert'] as const)
      expect((await request(server.url, 'POST', reviewsPath(), { token: t[who], body: good })).status, who).toBe(403);
    expect(reviewCount()).toBe(0);
    expect(server.services.metadata.collection('invitations').findMany({ email: newEmail })).toHaveLength(0);
    expect(memberOf(existingEmail)).toBeUndefined();
  });

  it('an existing user joins at once; a new one by the link, as a member who is one of the experts and votes', async () => {
    const opened = await ok<OpenReviewResponse>(server, t.admin, 'POST', reviewsPath(), {
      meetingDate: '2026-07-01',
      expertIds: [expertId],
      invitations: [{ email: existingEmail }, { email: newEmail, organizationId: committeeId }],
    });
    const outsider = server.services.metadata.collection('users').findOne({ email: existingEmail });
    expect(opened.expertIds).toEqual([expertId, outsider?.id]);
    expect(memberOf(existingEmail)).toMatchObject({ relation: 'review-expert', role: 'reviewer' });
    expect(opened.invitationLinks.map((l) => l.email)).toEqual([newEmail]);
    expect(opened.invitedEmails).toEqual([newEmail]);
    const invitation = server.services.metadata.collection('invitations').findOne({ email: newEmail });
    expect(invitation).toMatchObject({ relation: 'review-expert', role: 'reviewer', organizationId: committeeId });

    // The existing user votes at once.
    const outsiderToken = await login(server.url, existingEmail);
    await ok(server, outsiderToken, 'PUT', `/api/reviews/${opened.id}/opinion`, opinion('pass'));

    // The new expert accepts the link: a member of the project, one of the review's experts.
    const token = new URL(opened.invitationLinks[0]?.link ?? '').pathname.split('/invite/')[1] ?? '';
    const accepted = await ok<LoginResponse>(server, '', 'POST', `/api/invitations/${token}/accept`, {
      name: '受邀专家',
      password: DEMO_PASSWORD,
    });
    expect(memberOf(newEmail)).toMatchObject({ relation: 'review-expert', role: 'reviewer' });
    const review = await getReview(server, t.admin, opened.id);
    expect(review.expertIds).toEqual([expertId, outsider?.id, accepted.user.id]);
    expect(review.invitedEmails).toEqual([]);
    expect(review.experts.map((e) => e.name)).toContain('受邀专家');

    const invited = await login(server.url, newEmail);
    const voted = await ok<ReviewView>(server, invited, 'PUT', `/api/reviews/${opened.id}/opinion`, opinion('pass'));
    expect(voted.myOpinion?.vote).toBe('pass');
    expect(voted.conclusion.votes.pass).toBe(2);

    const actions = server.services.metadata
      .collection('audit')
      .findMany({ projectId: project.id })
      .map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(['member.added', 'member.invited', 'review.expert-joined']));
  });
});
