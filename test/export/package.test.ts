/**
 * The submission package (提交材料) against a real server with the demo seed: the zip of the 送审稿
 * holds the three documents (.docx and, with LibreOffice, .pdf), the consultation round's table
 * (.docx + .xlsx), 材料清单.docx and manifest.json whose SHA-256s and sizes match the files; every
 * .docx/.xlsx opens in LibreOffice, and the .xlsx prints every long comment whole with its header row
 * on every page. Bad input: unknown stage 400, a project the caller cannot view 404, a version of
 * another document 400. LibreOffice missing → no PDFs and the manifest says why (export.pdf 503); a
 * hanging LibreOffice is killed after the timeout. The job API shows progress and the download, and
 * the collaboration server relays edits while a package is built.
 */
import { createHash } from 'node:crypto';
import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RoundView } from '@shared/api/consultation.js';
import type { PackageJobView, PackageManifest } from '@shared/api/submissionPackage.js';
import type { ProjectListItem } from '@shared/api/types.js';
import type { DocumentVersion } from '@shared/domain/versions.js';
import { demoProject, login, request } from '../helpers/api.js';
import { connectSynced, waitFor } from '../helpers/collab.js';
import { startTestServer } from '../helpers/server.js';
import type { TestServer } from '../helpers/server.js';
import { download, ok } from '../consultation/helpers.js';
import { PDFTOTEXT, SOFFICE, convert, pdfText } from '../consultation/office.js';

const STAGE = encodeURIComponent('送审稿');
/** Long comments (each ends in a marker: a row cut short in print loses its marker). */
const LONG_COMMENTS = [1, 2, 3, 4, 5, 6].map(
  (i) =>
    `${'容量偏差试验未规定水温，试验结果受水温影响较大，建议与6.6保持一致并规定水温和静置时间。'.repeat(3 + i)}\n` +
    `${'The test method does not state the water temperature; align it with 6.6. '.repeat(i)}结束标记${i}号`,
);

let server: TestServer;
let lead = '';
let project: ProjectListItem;
let standardId = '';
let scratch = '';

function unzip(data: Uint8Array): { files: Record<string, Uint8Array>; manifest: PackageManifest } {
  const files = unzipSync(data);
  const json = files['manifest.json'];
  if (!json) throw new Error(`no manifest.json in ${Object.keys(files).join(', ')}`);
  return { files, manifest: JSON.parse(new TextDecoder().decode(json)) as PackageManifest };
}

const sha256 = (data: Uint8Array): string => createHash('sha256').update(data).digest('hex');
const compact = (text: string): string => text.replace(/\s+/g, '');

async function packageOf(target: TestServer, token: string, projectId = project.id) {
  return download(target.url, `/api/projects/${projectId}/package?stage=${STAGE}`, token);
}

async function finishedJob(target: TestServer, token: string, jobId: string): Promise<PackageJobView> {
  let job: PackageJobView | null = null;
  await waitFor(
    async () => {
      job = await ok<PackageJobView>(target.url, 'GET', `/api/projects/${project.id}/package-jobs/${jobId}`, token);
      return job.status !== 'running';
    },
    'the package job to finish',
    150_000,
  );
  return job!;
}

/** A LibreOffice stand-in that writes its process id and then hangs. */
async function hangingOffice(pidFile: string): Promise<string> {
  const path = join(scratch, 'hanging-soffice');
  await writeFile(path, `#!/bin/sh\necho $$ > '${pidFile}'\nexec sleep 600\n`);
  await chmod(path, 0o755);
  return path;
}

beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'zm-package-'));
  server = await startTestServer();
  lead = await login(server.url, 'lead@example.com');
  ({ project, standardId } = await demoProject(server.url, lead));
  const round = await ok<RoundView>(server.url, 'POST', `/api/projects/${project.id}/rounds`, lead, {
    deadline: '2026-06-30',
    recipients: [{ unitName: '宁波锦程塑料制品有限公司', contact: '联系人' }],
  });
  const recipientId = round.round.recipients[0]!.id;
  for (const [i, comment] of LONG_COMMENTS.entries()) {
    await ok(server.url, 'POST', `/api/rounds/${round.round.id}/items`, lead, {
      recipientId,
      clauseLabel: `5.${i + 1}`,
      commentType: 'technical',
      comment,
      proposedChange: '增加“用（20±5）℃的水，静置30 min”。',
      submitterName: '钱工',
      receivedDate: '2026-05-08',
    });
  }
}, 60_000);

afterAll(async () => {
  await server?.dispose();
  await rm(scratch, { recursive: true, force: true });
});

describe('the package of the 送审稿', () => {
  let files: Record<string, Uint8Array>;
  let manifest: PackageManifest;

  beforeAll(async () => {
    const answer = await packageOf(server, lead);
    expect(answer.status).toBe(200);
    expect(answer.type).toBe('application/zip');
    expect(decodeURIComponent(answer.disposition)).toContain('提交材料-轻量化不锈钢真空保温杯（送审稿）.zip');
    ({ files, manifest } = unzip(answer.data));
  }, 180_000);

  it('holds every material, in a fixed order, with the manifest last', () => {
    const names = Object.keys(files);
    const expected = [
      '1-标准文本-轻量化不锈钢真空保温杯（送审稿）.docx',
      ...(SOFFICE ? ['1-标准文本-轻量化不锈钢真空保温杯（送审稿）.pdf'] : []),
      '2-编制说明-轻量化不锈钢真空保温杯.docx',
      ...(SOFFICE ? ['2-编制说明-轻量化不锈钢真空保温杯.pdf'] : []),
      '3-实施应用报告-轻量化不锈钢真空保温杯.docx',
      ...(SOFFICE ? ['3-实施应用报告-轻量化不锈钢真空保温杯.pdf'] : []),
      '4-征求意见汇总处理表-第1轮.docx',
      '4-征求意见汇总处理表-第1轮.xlsx',
      '5-材料清单.docx',
      'manifest.json',
    ];
    expect(names).toEqual(expected);
    expect(manifest.stageLabel).toBe('送审稿');
    expect(manifest.files.map((f) => f.path)).toEqual(expected.slice(0, -1));
  });

  it('lists every file with a SHA-256 and size that match it, and what it was made from', () => {
    for (const file of manifest.files) {
      const data = files[file.path]!;
      expect(file.size, file.path).toBe(data.length);
      expect(file.sha256, file.path).toBe(sha256(data));
    }
    const standard = manifest.files.find((f) => f.material === 'standard' && f.format === 'docx')!;
    expect(standard.source).toMatchObject({ type: 'document', documentId: standardId, versionId: null });
    expect(standard.source.type === 'document' && standard.source.stateHash).toMatch(/^[0-9a-f]{64}$/);
    const table = manifest.files.find((f) => f.material === 'consultation-table' && f.format === 'xlsx')!;
    expect(table.source).toMatchObject({ type: 'round', roundNumber: 1, items: LONG_COMMENTS.length });
    expect(manifest.failures).toEqual([]);
    expect(manifest.pdf).toEqual(
      SOFFICE ? { included: true, code: null, reason: null } : expect.objectContaining({ included: false }),
    );
  });

  it('carries the plan fields and every finding of the checker on the standard text', async () => {
    expect(manifest.plan).toMatchObject({
      planNumber: '2026-T-037',
      standardName: '轻量化不锈钢真空保温杯',
      leadUnit: '浙江恒川杯业股份有限公司',
      publishingBody: expect.any(String),
      standardNumber: expect.any(String),
      registrationNumber: expect.any(String),
    });
    const live = await ok<{ findings: unknown[]; counts: { errors: number; warnings: number } }>(
      server.url,
      'GET',
      `/api/documents/${standardId}/check`,
      lead,
    );
    expect(manifest.check?.documentId).toBe(standardId);
    expect(manifest.check?.counts).toEqual(live.counts);
    expect(manifest.check?.findings).toHaveLength(live.counts.errors + live.counts.warnings);
  });

  it.skipIf(!SOFFICE || !PDFTOTEXT)(
    'has a materials list that LibreOffice opens, with the plan fields, every file and every finding',
    async () => {
      const { output } = await convert(files['5-材料清单.docx']!, 'list.docx', 'pdf', 'pdf');
      const text = compact(await pdfText(output));
      for (const expected of [
        '提交材料清单',
        '2026-T-037',
        '轻量化不锈钢真空保温杯',
        '浙江恒川杯业股份有限公司',
        '（送审稿）',
      ])
        expect(text).toContain(expected);
      // (Cells wrap, and pdftotext interleaves the lines of neighbouring cells: look for each cell's first line.)
      for (const file of manifest.files.filter((f) => f.material !== 'materials-list')) {
        expect(text).toContain(compact(file.path).slice(0, 10));
        expect(text).toContain(file.sha256.slice(0, 24));
      }
      expect(text).toContain(`错误${manifest.check!.counts.errors}项，警告${manifest.check!.counts.warnings}项`);
      for (const finding of manifest.check!.findings) expect(text).toContain(compact(finding.message.zh));
    },
    120_000,
  );

  it.skipIf(!SOFFICE)(
    'has .docx files that LibreOffice opens (those with a PDF in the package, and the list above, were converted already)',
    async () => {
      const paths = Object.keys(files).filter(
        (p) => p.endsWith('.docx') && !files[p.replace(/\.docx$/, '.pdf')] && p !== '5-材料清单.docx',
      );
      expect(paths).toContain('4-征求意见汇总处理表-第1轮.docx');
      for (const path of paths) {
        const { output } = await convert(files[path]!, 'file.docx', 'pdf', 'pdf');
        expect(output.length, path).toBeGreaterThan(1000);
      }
      for (const pdf of Object.keys(files).filter((p) => p.endsWith('.pdf')))
        expect(new TextDecoder().decode(files[pdf]!.slice(0, 5)), pdf).toBe('%PDF-');
    },
    180_000,
  );

  it.skipIf(!SOFFICE || !PDFTOTEXT)(
    'has a consultation .xlsx that prints every long comment whole, with the header row on every page',
    async () => {
      const { output } = await convert(files['4-征求意见汇总处理表-第1轮.xlsx']!, 'table.xlsx', 'pdf', 'pdf');
      const pages = (await pdfText(output)).split('\f').filter((page) => page.trim().length > 0);
      expect(pages.length).toBeGreaterThan(1);
      for (const page of pages) expect(compact(page)).toContain('序号标准章条编号意见内容修改建议提出单位处理意见备注');
      const text = compact(pages.join(''));
      for (let i = 1; i <= LONG_COMMENTS.length; i++) expect(text).toContain(`结束标记${i}号`);
    },
    120_000,
  );
});

describe('a document as PDF', () => {
  it.skipIf(!SOFFICE || !PDFTOTEXT)(
    'downloads the standard text as PDF (export.pdf, same query as export.docx)',
    async () => {
      const answer = await download(server.url, `/api/documents/${standardId}/export.pdf?stage=${STAGE}`, lead);
      expect(answer.status).toBe(200);
      expect(answer.type).toBe('application/pdf');
      expect(decodeURIComponent(answer.disposition)).toContain('标准文本（送审稿）.pdf');
      expect(compact(await pdfText(answer.data))).toContain('送审稿');
      const outsider = await login(server.url, 'outsider@example.com');
      expect((await download(server.url, `/api/documents/${standardId}/export.pdf`, outsider)).status).toBe(404);
    },
    120_000,
  );
});

describe('bad requests', () => {
  it('answers 400 for an unknown or missing stage, and changes nothing', async () => {
    for (const query of ['stage=%E5%AE%9A%E7%A8%BF', '', `stage=${STAGE}&pdf=yes`]) {
      const answer = await request<{ error: string; issues: { path: string }[] }>(
        server.url,
        'GET',
        `/api/projects/${project.id}/package?${query}`,
        { token: lead },
      );
      expect(answer.status, query).toBe(400);
    }
    const job = await request(server.url, 'POST', `/api/projects/${project.id}/package-jobs`, {
      token: lead,
      body: { stage: '定稿' },
    });
    expect(job.status).toBe(400);
  });

  it('answers 404 for a project the caller cannot view (or that does not exist), 401 when signed out', async () => {
    const outsider = await login(server.url, 'outsider@example.com');
    expect((await packageOf(server, outsider)).status).toBe(404);
    expect(
      (
        await request(server.url, 'POST', `/api/projects/${project.id}/package-jobs`, {
          token: outsider,
          body: { stage: '送审稿' },
        })
      ).status,
    ).toBe(404);
    expect((await download(server.url, `/api/projects/prj_nope/package?stage=${STAGE}`, lead)).status).toBe(404);
    expect((await fetch(`${server.url}/api/projects/${project.id}/package?stage=${STAGE}`)).status).toBe(401);
  });

  it('refuses a version that is not of the document it is given for', async () => {
    const version = await ok<DocumentVersion>(server.url, 'POST', `/api/documents/${standardId}/versions`, lead, {
      name: '送审前',
    });
    const explanation = project.documents.find((d) => d.kind === 'explanation')!;
    const answer = await request(server.url, 'POST', `/api/projects/${project.id}/package-jobs`, {
      token: lead,
      body: { stage: '送审稿', pdf: false, versions: { [explanation.id]: version.id } },
    });
    expect(answer.status).toBe(400);
  });
});

describe('package jobs', () => {
  it('shows each part, packages a stored version, and downloads for its owner only', async () => {
    const version = await ok<DocumentVersion>(server.url, 'POST', `/api/documents/${standardId}/versions`, lead, {
      name: '送审稿（打包）',
    });
    const started = await ok<PackageJobView>(server.url, 'POST', `/api/projects/${project.id}/package-jobs`, lead, {
      stage: '报批稿',
      pdf: false,
      versions: { [standardId]: version.id },
    });
    expect(started.status).toBe('running');
    expect(started.parts.map((p) => p.id)).toEqual([
      'standard.docx',
      'explanation.docx',
      'application-report.docx',
      expect.stringMatching(/^round-/),
      'checker',
      'standard.pdf',
      'explanation.pdf',
      'application-report.pdf',
      'materials-list',
      'zip',
    ]);

    const drafter = await login(server.url, 'drafter@example.com');
    const path = `/api/projects/${project.id}/package-jobs/${started.id}`;
    expect((await request(server.url, 'GET', path, { token: drafter })).status).toBe(404);

    const job = await finishedJob(server, lead, started.id);
    expect(job.status).toBe('done');
    const statuses = Object.fromEntries(job.parts.map((p) => [p.id, p.status]));
    expect(statuses['standard.docx']).toBe('done');
    expect(statuses['standard.pdf']).toBe('skipped');
    expect(job.parts.find((p) => p.id === 'standard.pdf')?.code).toBe('not-requested');

    expect((await download(server.url, `${path}/download`, drafter)).status).toBe(404);
    const zip = await download(server.url, `${path}/download`, lead);
    expect(zip.status).toBe(200);
    const { files, manifest } = unzip(zip.data);
    expect(manifest).toEqual(job.manifest);
    expect(manifest.stageLabel).toBe('报批稿');
    expect(Object.keys(files).some((name) => name.endsWith('.pdf'))).toBe(false);
    expect(manifest.pdf).toEqual({ included: false, code: 'not-requested', reason: expect.any(String) });
    const standard = manifest.files.find((f) => f.material === 'standard')!;
    expect(standard.source).toMatchObject({
      documentId: standardId,
      versionId: version.id,
      stateHash: version.stateHash,
    });
    expect(manifest.check).toMatchObject({ documentId: standardId, versionId: version.id });
  }, 180_000);

  it('relays collaborative edits while a package is being built', async () => {
    const writer = await connectSynced(server.url, standardId, lead);
    const reader = await connectSynced(server.url, standardId, await login(server.url, 'testing@example.com'));
    try {
      const started = await ok<PackageJobView>(server.url, 'POST', `/api/projects/${project.id}/package-jobs`, lead, {
        stage: '送审稿',
      });
      const leadId = server.services.metadata.collection('users').findOne({ email: 'lead@example.com' })!.id;
      const running = (): boolean =>
        server.services.submissionPackage.jobs.view(leadId, project.id, started.id).status === 'running';
      let relayedWhileRunning = 0;
      for (let i = 0; i < 20 && running(); i++) {
        const mark = `edit-${i}`;
        writer.doc.getText('relay').insert(0, mark);
        await waitFor(() => reader.doc.getText('relay').toString().includes(mark), `edit ${i} relayed`, 30_000);
        if (running()) relayedWhileRunning++;
      }
      expect(relayedWhileRunning).toBeGreaterThan(0);
      expect((await finishedJob(server, lead, started.id)).status).toBe('done');
    } finally {
      writer.destroy();
      reader.destroy();
    }
  }, 180_000);
});

describe('without a working LibreOffice', () => {
  it('builds the package without PDFs and says why when LibreOffice is missing; export.pdf answers 503', async () => {
    const missing = await startTestServer({ pdf: { command: join(scratch, 'no-such-soffice') } });
    try {
      const token = await login(missing.url, 'lead@example.com');
      const demo = await demoProject(missing.url, token);
      const answer = await packageOf(missing, token, demo.project.id);
      expect(answer.status).toBe(200);
      const { files, manifest } = unzip(answer.data);
      expect(Object.keys(files).some((name) => name.endsWith('.pdf'))).toBe(false);
      expect(Object.keys(files).filter((name) => name.endsWith('.docx'))).toHaveLength(4);
      expect(manifest.pdf).toMatchObject({ included: false, code: 'office-missing' });
      expect(manifest.pdf.reason).toContain('LibreOffice is not installed');
      expect(manifest.failures.map((f) => [f.partId, f.code])).toEqual([
        ['standard.pdf', 'office-missing'],
        ['explanation.pdf', 'office-missing'],
        ['application-report.pdf', 'office-missing'],
      ]);
      const pdf = await request<{ error: string }>(missing.url, 'GET', `/api/documents/${demo.standardId}/export.pdf`, {
        token,
      });
      expect(pdf.status).toBe(503);
      expect(pdf.body.error).toContain('LibreOffice is not installed');
    } finally {
      await missing.dispose();
    }
  }, 120_000);

  it('kills a hanging LibreOffice after the timeout; the package comes without those PDFs', async () => {
    const pidFile = join(scratch, 'hanging.pid');
    const hanging = await startTestServer({
      pdf: { command: await hangingOffice(pidFile), timeoutMs: 1500, slots: 1 },
    });
    try {
      const token = await login(hanging.url, 'lead@example.com');
      const demo = await demoProject(hanging.url, token);
      const answer = await packageOf(hanging, token, demo.project.id);
      expect(answer.status).toBe(200);
      const { manifest } = unzip(answer.data);
      expect(manifest.pdf.included).toBe(false);
      expect(manifest.failures.map((f) => [f.partId, f.code])).toEqual([
        ['standard.pdf', 'timeout'],
        ['explanation.pdf', 'timeout'],
        ['application-report.pdf', 'timeout'],
      ]);
      expect(manifest.failures[0]!.reason).toContain('did not finish within 2 s');
      expect(manifest.files.filter((f) => f.format === 'docx')).toHaveLength(4);
      // The stand-in (the last one started) is gone: killed with its process group.
      const pid = Number((await readFile(pidFile, 'utf8')).trim());
      expect(() => process.kill(pid, 0)).toThrow();
    } finally {
      await hanging.dispose();
    }
  }, 120_000);
});
