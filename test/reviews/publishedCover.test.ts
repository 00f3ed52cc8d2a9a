/**
 * The cover of a published standard, through the export API: before the publication the 报批稿's
 * cover prints its stage and no registration number; once the province records the publication, the
 * publication versions and the live text print no stage label and no patent notice, but the standard
 * number, the registration number below it and the dates (in the .docx XML, and on the first page
 * of the PDF LibreOffice makes of it where LibreOffice is installed). The 报批稿 frozen before keeps
 * its stage.
 */
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PublicationView } from '@shared/api/reviews.js';
import type { ProjectListItem } from '@shared/api/types.js';
import { PATENT_NOTICE } from '@shared/editor/structure/cover.js';
import { writeCoverStage } from '../../server/workflow/documentFacts.js';
import { demoProject, login } from '../helpers/api.js';
import { startTestServer } from '../helpers/server.js';
import type { TestServer } from '../helpers/server.js';
import { download } from '../consultation/helpers.js';
import { PDFTOTEXT, SOFFICE, convert, pdfText } from '../consultation/office.js';
import { ok } from '../workflow/helpers.js';

const OFFICE = Boolean(SOFFICE && PDFTOTEXT);

let server: TestServer;
let lead = '';
let admin = '';
let project: ProjectListItem;
let standardId = '';
let explanationId = '';
let approvalVersionId = '';

const compact = (text: string): string => text.replace(/[\s\u3000]+/g, '');

/** The text of a .docx's body, read from its XML, without whitespace. */
function docxText(data: Uint8Array): string {
  const xml = new TextDecoder().decode(unzipSync(data)['word/document.xml']);
  return compact(xml.replace(/<w:tab\/>/g, ' ').replace(/<[^>]+>/g, ''));
}

/** The cover's footer (the dates) is in a footer part of its own. */
function footerText(data: Uint8Array): string {
  const files = unzipSync(data);
  return compact(
    Object.entries(files)
      .filter(([name]) => /^word\/footer\d*\.xml$/.test(name))
      .map(([, bytes]) => new TextDecoder().decode(bytes).replace(/<[^>]+>/g, ''))
      .join(' '),
  );
}

async function exported(documentId: string, versionId?: string): Promise<{ data: Uint8Array; name: string }> {
  const query = versionId ? `?version=${versionId}` : '';
  const file = await download(server.url, `/api/documents/${documentId}/export.docx${query}`, lead);
  expect(file.status).toBe(200);
  const encoded = /filename\*=UTF-8''([^;]+)/.exec(file.disposition)?.[1] ?? '';
  return { data: file.data, name: decodeURIComponent(encoded) };
}

const STANDARD_NUMBER = 'T/ZZB 0123—2026';
const REGISTRATION_NUMBER = 'ZZB T0007-2026';

beforeAll(async () => {
  server = await startTestServer({ pdf: { command: '/nonexistent/soffice' } });
  lead = await login(server.url, 'lead@example.com');
  admin = await login(server.url, 'admin@example.com');
  ({ project, standardId } = await demoProject(server.url, lead));
  explanationId = project.documents.find((d) => d.kind === 'explanation')?.id ?? '';

  // The 报批稿, frozen, accepted: the project is in 发布与认定 (the way there is tested in technicalReview.test.ts).
  const { metadata, versions, workflow } = server.services;
  const leadUser = metadata.collection('users').findOne({ email: 'lead@example.com' });
  if (!leadUser) throw new Error('no lead');
  await server.collab.applyServerChange(standardId, leadUser.id, (doc) => writeCoverStage(doc, '报批稿'));
  const { version } = await versions.create({
    projectId: project.id,
    documentId: standardId,
    kind: 'submission',
    name: '报批稿（第1次提交）',
    userId: leadUser.id,
  });
  approvalVersionId = version.id;
  await workflow.stages.reauthorizing(project.id, () =>
    workflow.stages.recordMove(project.id, { action: 'accept', actorId: leadUser.id, note: '报批稿受理' }, 'published'),
  );
});

afterAll(async () => {
  await server?.dispose();
});

describe('the cover of a published standard', () => {
  it('before the publication, the 报批稿 prints its stage and no registration number', async () => {
    const { data, name } = await exported(standardId);
    const text = docxText(data);
    expect(text).toContain('（报批稿）');
    expect(text).not.toContain(compact(PATENT_NOTICE));
    expect(text).not.toContain(compact(REGISTRATION_NUMBER));
    expect(name).toMatch(/-标准文本（报批稿）\.docx$/);
  });

  it('once published: no stage label, no patent notice; the numbers and the dates — live and frozen', async () => {
    const view = await ok<PublicationView>(server, admin, 'PUT', `/api/projects/${project.id}/publication`, {
      standardNumber: STANDARD_NUMBER,
      publicationDate: '2026-09-01',
      implementationDate: '2026-10-01',
      registrationNumber: REGISTRATION_NUMBER,
    });
    const frozen = view.publication?.documents.find((d) => d.documentId === standardId)?.versionId;
    expect(frozen).toBeTruthy();

    for (const versionId of [frozen, undefined]) {
      const { data, name } = await exported(standardId, versionId);
      const text = docxText(data);
      for (const stage of ['征求意见稿', '送审稿', '报批稿']) expect(text, versionId).not.toContain(`（${stage}）`);
      expect(text).not.toContain(compact(PATENT_NOTICE));
      expect(text).toContain(`${compact(STANDARD_NUMBER)}${compact(REGISTRATION_NUMBER)}`);
      expect(footerText(data)).toContain('2026-09-01发布2026-10-01实施');
      expect(name).toMatch(/-标准文本（发布版）\.docx$/);
    }

    // The drafting explanation's title page of the published version carries no stage either.
    const explanation = view.publication?.documents.find((d) => d.documentId === explanationId)?.versionId;
    const report = docxText((await exported(explanationId, explanation)).data);
    expect(report).not.toContain('（报批稿）');
    expect(report).toContain(`标准编号：${compact(STANDARD_NUMBER)}`);
  });

  it('the 报批稿 frozen before the publication keeps its stage', async () => {
    const text = docxText((await exported(standardId, approvalVersionId)).data);
    expect(text).toContain('（报批稿）');
    expect(text).not.toContain(compact(REGISTRATION_NUMBER));
  });

  it.skipIf(!OFFICE)(
    'the first page of the published version, as LibreOffice prints it',
    async () => {
      const view = await ok<PublicationView>(server, lead, 'GET', `/api/projects/${project.id}/publication`);
      const frozen = view.publication?.documents.find((d) => d.documentId === standardId)?.versionId;
      const { output } = await convert((await exported(standardId, frozen)).data, 'standard.docx', 'pdf', 'pdf');
      const cover = compact((await pdfText(output)).split('\f')[0] ?? '');
      expect(cover).toContain(compact(STANDARD_NUMBER));
      expect(cover).toContain(compact(REGISTRATION_NUMBER));
      expect(cover).toContain('2026-09-01发布');
      expect(cover).toContain('2026-10-01实施');
      expect(cover).not.toContain('报批稿');
      expect(cover).not.toContain(compact(PATENT_NOTICE));
    },
    120_000,
  );
});
