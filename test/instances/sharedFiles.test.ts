/**
 * What two instances on one PostgreSQL and one Redis share besides documents and records: a package
 * job started through A is followed and downloaded through B (its state is a record, its zip a blob);
 * a submission's package, built once however many instances try at once (a task lock), downloads
 * through B; an edit made by a client on A is in the change history read through B (B's index
 * replays what A stored).
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { unzipSync } from 'fflate';
import type { HistoryPage } from '@shared/api/history.js';
import type { PackageJobView } from '@shared/api/submissionPackage.js';
import type { GateChecklist } from '@shared/api/workflow.js';
import type { DocumentVersion } from '@shared/domain/versions.js';
import type { Submission } from '@shared/workflow/submissions.js';
import { startTestServer } from '../helpers/server.js';
import type { TestServer } from '../helpers/server.js';
import { demoProject, login, request } from '../helpers/api.js';
import { appendParagraph, connectSynced, waitFor } from '../helpers/collab.js';
import { download, ok } from '../consultation/helpers.js';
import { POSTGRES_SKIP_REASON, startPostgres } from '../helpers/postgres.js';
import type { TestPostgres } from '../helpers/postgres.js';
import { REDIS_SKIP_REASON, startRedis } from '../helpers/redis.js';
import type { TestRedis } from '../helpers/redis.js';

const SKIP_REASON = POSTGRES_SKIP_REASON ?? REDIS_SKIP_REASON;
if (SKIP_REASON) console.warn(SKIP_REASON);

const FAST_STORE = { debounceMs: 50, maxWaitMs: 200 };
/** No LibreOffice: the PDF copies are reported missing at once, and the packages build in seconds. */
const NO_OFFICE = { command: '/nonexistent/soffice' };

describe.skipIf(SKIP_REASON !== null)('files shared by instances joined through Redis', () => {
  let postgres: TestPostgres;
  let redis: TestRedis;
  let a: TestServer;
  let b: TestServer;
  let lead = '';
  let leadId = '';
  let projectId = '';
  let standardId = '';

  beforeAll(async () => {
    [postgres, redis] = await Promise.all([startPostgres(), startRedis()]);
    const databaseUrl = await postgres.createDatabase();
    const options = { databaseUrl, redisUrl: redis.url, store: FAST_STORE, pdf: NO_OFFICE };
    a = await startTestServer(options);
    b = await startTestServer({ ...options, seedDemo: false });
    lead = await login(a.url, 'lead@example.com');
    await waitFor(
      async () => (await request(b.url, 'GET', '/api/projects', { token: lead })).status === 200,
      'the session made on A works on B',
    );
    leadId = (await request<{ user: { id: string } }>(a.url, 'GET', '/api/auth/me', { token: lead })).body.user.id;
    const demo = await demoProject(a.url, lead);
    projectId = demo.project.id;
    standardId = demo.standardId;
  }, 30_000);

  afterAll(async () => {
    await a?.dispose().catch(() => undefined);
    await b?.dispose().catch(() => undefined);
    await redis?.stop();
    await postgres?.stop();
  });

  it('a package job started through A is followed and downloaded through B', async () => {
    const started = await ok<PackageJobView>(a.url, 'POST', `/api/projects/${projectId}/package-jobs`, lead, {
      stage: '送审稿',
      pdf: false,
    });
    const path = `/api/projects/${projectId}/package-jobs/${started.id}`;
    let job: PackageJobView | null = null;
    await waitFor(
      async () => {
        const polled = await request<PackageJobView>(b.url, 'GET', path, { token: lead });
        if (polled.status !== 200) return false;
        job = polled.body;
        return job.status !== 'running';
      },
      'the job, polled through B, to finish',
      20_000,
    );
    const finished: PackageJobView = job!;
    expect(finished.status).toBe('done');
    expect(finished.parts.find((p) => p.id === 'zip')?.status).toBe('done');
    // B answers as A does.
    expect(await ok<PackageJobView>(a.url, 'GET', path, lead)).toEqual(finished);

    const zip = await download(b.url, `${path}/download`, lead);
    expect(zip.status).toBe(200);
    expect(zip.data.byteLength).toBe(finished.download?.size);
    const manifest = JSON.parse(new TextDecoder().decode(unzipSync(zip.data)['manifest.json'])) as unknown;
    expect(manifest).toEqual(finished.manifest);
    // Still nobody else's.
    const drafter = await login(b.url, 'drafter@example.com');
    expect((await download(b.url, `${path}/download`, drafter)).status).toBe(404);
  }, 30_000);

  it('an edit made by a client on A is in the change history read through B', async () => {
    const historyPath = `/api/documents/${standardId}/history?limit=200`;
    // B has read the history before (its index is loaded): it must catch up with what A stores.
    const before = await ok<HistoryPage>(b.url, 'GET', historyPath, lead);
    const known = new Set(before.entries.map((e) => e.id));
    const client = await connectSynced(a.url, standardId, lead);
    try {
      appendParagraph(client.doc, '甲实例上写进历史的段落');
      await waitFor(
        async () => {
          const page = await ok<HistoryPage>(b.url, 'GET', historyPath, lead);
          return page.entries.some((e) => !known.has(e.id) && e.userId === leadId && e.added >= 11);
        },
        "the edit made on A in B's history",
        10_000,
      );
    } finally {
      client.destroy();
    }
  }, 30_000);

  it("a submission's package is built once, by one instance, and downloads through B", async () => {
    const version = await ok<DocumentVersion>(a.url, 'POST', `/api/documents/${standardId}/versions`, lead, {
      name: '送审稿（两个实例）',
    });
    const checklist = await ok<GateChecklist>(
      a.url,
      'GET',
      `/api/projects/${projectId}/gates?target=${encodeURIComponent('送审稿')}`,
      lead,
    );
    const submission: Submission = {
      id: 'sub_shared1',
      projectId,
      stageLabel: '送审稿',
      number: 1,
      fromStage: 'consultation',
      status: 'local-check',
      documents: [{ documentId: standardId, kind: 'standard', versionId: version.id }],
      checklist,
      submittedBy: leadId,
      submittedAt: new Date().toISOString(),
      decisions: [],
      package: { status: 'building' },
    };
    await a.services.metadata.collection('submissions').insert(submission);
    await waitFor(() => b.services.metadata.collection('submissions').get(submission.id) !== undefined, 'B knows it');

    // (A waiting submission makes the texts read-only: this test comes last.)
    // Both instances take it up at once (as after a restart of both): one builds it, the other leaves it.
    const builds = [a, b].map((server) =>
      vi.spyOn(server.services.submissionPackage.builder, 'buildSubmissionPackage'),
    );
    a.services.workflow.packages.build(submission);
    b.services.workflow.packages.build(submission);
    await Promise.all([a.services.workflow.packages.idle(), b.services.workflow.packages.idle()]);
    expect(builds.reduce((n, spy) => n + spy.mock.calls.length, 0)).toBe(1);
    for (const spy of builds) spy.mockRestore();

    await waitFor(
      () => b.services.metadata.collection('submissions').get(submission.id)?.package.status === 'ready',
      'B sees the package ready',
    );
    const ready = b.services.metadata.collection('submissions').get(submission.id)?.package;
    if (ready?.status !== 'ready') throw new Error('not ready');
    for (const server of [b, a]) {
      const zip = await download(server.url, `/api/submissions/${submission.id}/package`, lead);
      expect(zip.status).toBe(200);
      expect(zip.data.byteLength).toBe(ready.size);
      const manifest = JSON.parse(new TextDecoder().decode(unzipSync(zip.data)['manifest.json'])) as unknown;
      expect(manifest).toEqual(ready.manifest);
    }
  }, 30_000);
});
