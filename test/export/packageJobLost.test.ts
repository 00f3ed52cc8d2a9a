/**
 * A package job whose building server stopped (no heartbeat for a minute) reads as failed with
 * `failure: 'lost'`, and none of its parts still claims to be in progress.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PackageJobView, PackagePart } from '@shared/api/submissionPackage.js';
import { demoProject, login } from '../helpers/api.js';
import { startTestServer } from '../helpers/server.js';
import type { TestServer } from '../helpers/server.js';
import { ok } from '../consultation/helpers.js';

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});

afterAll(async () => {
  await server.dispose();
});

const part = (id: string, status: PackagePart['status']): PackagePart => ({
  id,
  step: 'document',
  documentKind: 'standard',
  roundNumber: null,
  title: id,
  status,
  code: null,
  reason: null,
  files: status === 'done' ? [`${id}`] : [],
});

describe('a package job lost with its server', () => {
  it('reads as failed and lost; the part being built failed, those not started were skipped', async () => {
    const lead = await login(server.url, 'lead@example.com');
    const { project } = await demoProject(server.url, lead);
    const me = await ok<{ user: { id: string } }>(server.url, 'GET', '/api/auth/me', lead);
    const longAgo = new Date(Date.now() - 5 * 60_000).toISOString();
    await server.services.metadata.collection('packageJobs').insert({
      id: 'pkg_lost_by_a_stopped_instance',
      projectId: project.id,
      stageLabel: '送审稿',
      status: 'running',
      parts: [part('standard.docx', 'done'), part('explanation.docx', 'running'), part('report.docx', 'pending')],
      createdAt: longAgo,
      finishedAt: null,
      expiresAt: new Date(Date.now() + 3_600_000).toISOString(),
      error: null,
      failure: null,
      download: null,
      manifest: null,
      userId: me.user.id,
      heartbeatAt: longAgo,
    });
    const job = await ok<PackageJobView>(
      server.url,
      'GET',
      `/api/projects/${project.id}/package-jobs/pkg_lost_by_a_stopped_instance`,
      lead,
    );
    expect(job).toMatchObject({ status: 'failed', failure: 'lost' });
    expect(job.finishedAt).not.toBeNull();
    expect(job.parts.map((p) => p.status)).toEqual(['done', 'failed', 'skipped']);
  });
});
