/** Plan dates: real calendar dates, due date not before start, six-month default clamped to month ends. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMonths, defaultDueDate, isCalendarDate } from '@shared/domain/planDates.js';
import { createProjectBody, updateProjectBody } from '@shared/validation/requests.js';
import type { ProjectListItem } from '@shared/api/types.js';
import { demoProject, login, request } from '../helpers/api.js';
import { startTestServer } from '../helpers/server.js';
import type { TestServer } from '../helpers/server.js';

describe('date rules', () => {
  it('accepts only real calendar dates', () => {
    expect(isCalendarDate('2026-02-28')).toBe(true);
    expect(isCalendarDate('2028-02-29')).toBe(true);
    expect(isCalendarDate('2026-02-29')).toBe(false);
    expect(isCalendarDate('2026-02-31')).toBe(false);
    expect(isCalendarDate('2026-13-45')).toBe(false);
    expect(isCalendarDate('2026-99-99')).toBe(false);
    expect(isCalendarDate('2026-00-10')).toBe(false);
    expect(isCalendarDate('2026-1-10')).toBe(false);
  });

  it('adds six months, clamping to the last day of the month', () => {
    expect(defaultDueDate('2026-08-31')).toBe('2027-02-28');
    expect(defaultDueDate('2027-08-31')).toBe('2028-02-29');
    expect(defaultDueDate('2026-03-31')).toBe('2026-09-30');
    expect(defaultDueDate('2026-02-02')).toBe('2026-08-02');
    expect(addMonths('2026-12-15', 1)).toBe('2027-01-15');
  });

  it('the request schemas reject impossible dates and a due date before the start', () => {
    const base = { nameZh: '日期测试', standardType: 'product', publicationCategory: 'T' };
    expect(createProjectBody.safeParse({ ...base, startDate: '2026-99-99' }).success).toBe(false);
    expect(createProjectBody.safeParse({ ...base, startDate: '2026-03-01', dueDate: '2026-02-01' }).success).toBe(
      false,
    );
    expect(createProjectBody.safeParse({ ...base, startDate: '2026-03-01', dueDate: '2026-03-01' }).success).toBe(true);
    expect(updateProjectBody.safeParse({ dueDate: '2026-02-31' }).success).toBe(false);
    expect(updateProjectBody.safeParse({ startDate: '2026-05-01', dueDate: '2026-04-30' }).success).toBe(false);
  });
});

describe('dates over the API', () => {
  let server: TestServer;
  let lead: string;
  let project: ProjectListItem;

  beforeAll(async () => {
    server = await startTestServer();
    lead = await login(server.url, 'lead@example.com');
    ({ project } = await demoProject(server.url, lead));
  });
  afterAll(async () => {
    await server.dispose();
  });

  const create = (body: Record<string, unknown>) =>
    request<ProjectListItem & { error: string; issues: { path: string; message: string }[] }>(
      server.url,
      'POST',
      '/api/projects',
      {
        token: lead,
        body: { nameZh: '日期校验项目', standardType: 'product', publicationCategory: 'T', ...body },
      },
    );

  it('POST /projects: 400 for impossible dates, default due date clamped', async () => {
    const impossible = await create({ startDate: '2026-99-99' });
    expect(impossible.status).toBe(400);
    expect(impossible.body.issues).toContainEqual({ path: 'startDate', message: 'not a real calendar date' });
    const dueBefore = await create({ startDate: '2026-05-01', dueDate: '2026-04-01' });
    expect(dueBefore.status).toBe(400);
    expect(dueBefore.body.issues[0]?.path).toBe('dueDate');
    const monthEnd = await create({ startDate: '2026-08-31' });
    expect(monthEnd.status).toBe(201);
    expect(monthEnd.body.dueDate).toBe('2027-02-28');
  });

  it('PATCH /projects/:id: 400 for impossible dates and against the stored other date; nothing changes', async () => {
    const path = `/api/projects/${project.id}`;
    for (const body of [{ dueDate: '2026-13-45' }, { startDate: '2026-02-31' }]) {
      expect((await request(server.url, 'PATCH', path, { token: lead, body })).status).toBe(400);
    }
    const beforeStart = await request<{ error: string }>(server.url, 'PATCH', path, {
      token: lead,
      body: { dueDate: '2000-01-01' },
    });
    expect(beforeStart.status).toBe(400);
    expect(beforeStart.body.error).toMatch(/cannot be before the start date/);
    const afterDue = await request<{ error: string }>(server.url, 'PATCH', path, {
      token: lead,
      body: { startDate: '2099-01-01' },
    });
    expect(afterDue.status).toBe(400);
    const stored = server.services.metadata.collection('projects').get(project.id)!;
    expect([stored.startDate, stored.dueDate]).toEqual([project.startDate, project.dueDate]);
    const ok = await request<ProjectListItem>(server.url, 'PATCH', path, {
      token: lead,
      body: { dueDate: '2026-12-31' },
    });
    expect(ok.status).toBe(200);
    expect(ok.body.dueDate).toBe('2026-12-31');
  });
});
