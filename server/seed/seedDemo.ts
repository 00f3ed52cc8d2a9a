/**
 * Fills an empty data directory with the demo: organizations, users, and projects whose documents
 * are created on the server through the same ProjectService as any new project.
 */
import type { AppServices } from '../api/context.js';
import { hashPassword } from '../auth/passwords.js';
import { newId } from '../auth/tokens.js';
import { newUserRecord } from '../services/AccountService.js';
import type { UserRecord } from '../storage/types.js';
import { DEMO_PASSWORD, demoOrganizations, demoProjects, demoUsers } from './demo/index.js';
import type { DemoOrganizationKey } from './demo/index.js';

export interface DemoAccount {
  email: string;
  password: string;
  description: string;
}

export async function seedDemo(services: AppServices): Promise<DemoAccount[]> {
  const { metadata } = services;
  const now = new Date().toISOString();
  const orgIds = new Map<DemoOrganizationKey, string>();
  for (const { key, ...organization } of demoOrganizations) {
    const id = newId('org');
    orgIds.set(key, id);
    await metadata.collection('organizations').insert({ id, ...organization, createdAt: now });
  }
  const orgId = (key: DemoOrganizationKey): string => {
    const id = orgIds.get(key);
    if (!id) throw new Error(`demo organization ${key} missing`);
    return id;
  };

  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const users = new Map<string, UserRecord>();
  for (const { organizationKey, name, email, phone, isAdmin } of demoUsers) {
    const user = newUserRecord({ name, email, phone, isAdmin, organizationId: orgId(organizationKey) }, passwordHash);
    users.set(user.email, user);
    await metadata.collection('users').insert(user);
  }
  const userByEmail = (email: string): UserRecord => {
    const user = users.get(email);
    if (!user) throw new Error(`demo user ${email} missing`);
    return user;
  };

  const memberships = new Map<string, string[]>();
  for (const demo of demoProjects) {
    const leadMember = demo.members.find((m) => m.role === 'lead');
    if (!leadMember) throw new Error(`demo project ${demo.key} has no lead`);
    const lead = userByEmail(leadMember.email);
    const project = await services.projects.create(
      {
        nameZh: demo.nameZh,
        nameEn: demo.nameEn,
        standardType: demo.standardType,
        publicationCategory: demo.publicationCategory,
        planBatch: demo.planBatch,
        planNumber: demo.planNumber,
        supervisingBureauIds: demo.supervisingBureauKeys.map(orgId),
        startDate: demo.startDate,
        dueDate: demo.dueDate,
        publishingBody: demo.publishingBody,
        leadOrganizationId: orgId(demo.leadOrganizationKey),
      },
      lead,
      { content: demo.content, stage: demo.stage },
    );
    for (const member of demo.members) {
      const user = userByEmail(member.email);
      memberships.set(user.email, [...(memberships.get(user.email) ?? []), `${demo.nameZh}: ${member.role}`]);
      if (user.id === lead.id) continue;
      await metadata.collection('members').insert({
        id: newId('mem'),
        projectId: project.id,
        userId: user.id,
        organizationId: user.organizationId,
        relation: member.relation,
        role: member.role,
        addedAt: now,
      });
    }
  }
  const organizationName = (user: UserRecord): string =>
    metadata.collection('organizations').get(user.organizationId)?.name ?? '';
  services.log.info({ users: users.size, projects: demoProjects.length }, 'demo data seeded');
  return [...users.values()].map((user) => ({
    email: user.email,
    password: DEMO_PASSWORD,
    description: `${user.name}, ${organizationName(user)}${user.isAdmin ? ', system administrator' : ''} — ${memberships.get(user.email)?.join('; ') ?? 'in no project'}`,
  }));
}
