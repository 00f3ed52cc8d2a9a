/**
 * The drafting credits follow the drafting group: every change that alters them reaches open pages
 * as `members-changed` (what useDraftingCredits refetches on).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InviteResponse, ProjectListItem } from '@shared/api/types.js';
import type { Organization } from '@shared/domain/organization.js';
import { demoProject, login } from '../helpers/api.js';
import { startTestServer } from '../helpers/server.js';
import type { TestServer } from '../helpers/server.js';
import { call, nextEvent, openEvents, organizationIdOf, userIdOf } from './helpers.js';
import type { EventStream } from './helpers.js';

let server: TestServer;
let lead: string;
let admin: string;
let project: ProjectListItem;
let events: EventStream;

beforeAll(async () => {
  server = await startTestServer();
  lead = await login(server.url, 'lead@example.com');
  admin = await login(server.url, 'admin@example.com');
  ({ project } = await demoProject(server.url, lead));
  events = await openEvents(server, project.id, await login(server.url, 'drafter@example.com'));
});

afterAll(async () => {
  events.close();
  await server.dispose();
});

describe('members-changed', () => {
  it('when a new member joins by accepting an invitation', async () => {
    const invited = await call<InviteResponse>(server, lead, 'POST', `/api/projects/${project.id}/invitations`, {
      email: 'credits-invitee@example.com',
      role: 'drafter',
      relation: 'certification-body',
      organizationId: organizationIdOf(server, 'testing@example.com'),
    });
    if (invited.kind !== 'invited') throw new Error('expected an invitation');
    const from = events.types.length;
    await call(server, null, 'POST', `/api/invitations/${invited.link.split('/invite/')[1]}/accept`, {
      name: '认证新成员',
      password: 'a-long-password',
    });
    await nextEvent(events, 'members-changed', from);
  });

  it("when only a member's relation changes", async () => {
    const from = events.types.length;
    await call(
      server,
      lead,
      'PATCH',
      `/api/projects/${project.id}/members/${userIdOf(server, 'testing@example.com')}`,
      { relation: 'certification-body' },
    );
    await nextEvent(events, 'members-changed', from);
  });

  it('when an organization of the group is renamed, in every project it is involved in', async () => {
    const testingOrg = server.services.metadata
      .collection('organizations')
      .get(organizationIdOf(server, 'testing@example.com')) as Organization;
    const from = events.types.length;
    await call(server, admin, 'PATCH', `/api/organizations/${testingOrg.id}`, {
      name: `${testingOrg.name}（更名）`,
      creditCode: testingOrg.creditCode,
      kind: testingOrg.kind,
    });
    await nextEvent(events, 'members-changed', from);
    const members = await call<{ organizationName: string }[]>(
      server,
      lead,
      'GET',
      `/api/projects/${project.id}/members`,
    );
    expect(members.map((m) => m.organizationName)).toContain(`${testingOrg.name}（更名）`);
  });

  it('not for an organization that is in none of the project', async () => {
    const outsiderOrg = server.services.metadata
      .collection('organizations')
      .get(organizationIdOf(server, 'outsider@example.com')) as Organization;
    const from = events.types.length;
    await call(server, admin, 'PATCH', `/api/organizations/${outsiderOrg.id}`, {
      name: `${outsiderOrg.name}２`,
      creditCode: outsiderOrg.creditCode,
      kind: outsiderOrg.kind,
    });
    // A marker published after the rename answered: whatever the rename published to this project's
    // streams was sent before it.
    server.services.hub.publish(project.id, { type: 'comment-stats-changed', documentId: 'marker' });
    await nextEvent(events, 'comment-stats-changed', from);
    expect(events.types.slice(from)).toEqual(['comment-stats-changed']);
  });
});
