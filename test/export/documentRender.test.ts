/**
 * The document renderer on its own (no server): a half-written document (the new-project templates,
 * placeholders, empty cells) exports; figures, lists, notes, untitled clauses, dangling references
 * and the end line come out as GB/T 1.1 prints them; the same input gives the same bytes however
 * many documents the process rendered before, and `generatedAt` is the only time in the file.
 */
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { DraftingCredits } from '@shared/domain/draftingCredits.js';
import type { Project } from '@shared/domain/project.js';
import {
  annex,
  cellOf,
  chapter,
  clause,
  crossRef,
  dashList,
  figureBlock,
  indicatorRef,
  letteredList,
  note,
  numberedList,
  paragraph,
  standardCover,
  structuredDoc,
  tableBlock,
  tableOfContents,
  idsFor,
  titled,
} from '@shared/editor/builders/index.js';
import type { ProseMirrorJSON } from '@shared/editor/json.js';
import { applicationReportTemplate } from '../../server/documents/templates/applicationReportTemplate.js';
import { explanationTemplate } from '../../server/documents/templates/explanationTemplate.js';
import { standardTemplate } from '../../server/documents/templates/standardTemplate.js';
import type { TemplateInput } from '../../server/documents/templates/types.js';
import { renderDocumentDocx } from '../../server/export/documents/renderDocumentDocx.js';
import type { DocumentExportInput } from '../../server/export/documents/renderDocumentDocx.js';

const TEMPLATE: TemplateInput = {
  nameZh: '智能电热水壶',
  nameEn: 'Smart electric kettle',
  leadOrganizationName: '浙江某某电器有限公司',
  participatingOrganizationNames: ['浙江某某检测院'],
  drafterNames: ['张三'],
  year: 2026,
  publishingBody: '浙江省质量协会',
};

const PROJECT: Project = {
  id: 'prj_test',
  nameZh: TEMPLATE.nameZh,
  nameEn: TEMPLATE.nameEn,
  standardType: 'product',
  publicationCategory: 'T',
  planBatch: '2026年第一批',
  planNumber: '2026-T-001',
  leadOrganizationId: 'org_lead',
  supervisingBureauIds: [],
  startDate: '2026-01-01',
  dueDate: '2026-07-01',
  publishingBody: TEMPLATE.publishingBody,
  stage: 'drafting',
  documents: [],
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
};

const CREDITS: DraftingCredits = { leadUnits: ['浙江某某电器有限公司'], participatingUnits: [], drafters: ['张三'] };
const AT = new Date('2026-03-05T00:00:00+08:00');
const ID = idsFor('test/render', ['chapter', 'figure', 'deleted', 'deletedCell']);

function input(kind: DocumentExportInput['kind'], json: ProseMirrorJSON, standardJson = json): DocumentExportInput {
  return {
    kind,
    json,
    standardJson,
    project: PROJECT,
    stageLabel: '送审稿',
    draftingCredits: CREDITS,
    generatedAt: AT,
  };
}

function part(data: Uint8Array, path: string): string {
  const file = unzipSync(data)[path];
  if (!file) throw new Error(`${path} is not in the package`);
  return new TextDecoder().decode(file);
}

/** The body's text, runs joined. */
function text(data: Uint8Array): string {
  return part(data, 'word/document.xml')
    .replace(/<w:tab\/>/g, '\t')
    .replace(/<[^>]+>/g, '');
}

/** A PNG header of a `width`×`height` picture (what the renderer reads; Word reads the rest). */
function pngDataUrl(width: number, height: number): string {
  const bytes = new Uint8Array(33);
  bytes.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
  new DataView(bytes.buffer).setUint32(16, width);
  new DataView(bytes.buffer).setUint32(20, height);
  bytes.set([8, 6, 0, 0, 0], 24);
  return `data:image/png;base64,${Buffer.from(bytes).toString('base64')}`;
}

describe('document renderer', () => {
  it('exports the half-written documents of a new project (placeholders, empty cells)', async () => {
    const standard = standardTemplate(TEMPLATE);
    const standardText = text(await renderDocumentDocx(input('standard', standard)));
    expect(standardText).toContain('［在此填写适用的产品范围，如材质、结构、规格］');
    expect(standardText).toContain('1　范围');
    expect(standardText).toContain('表1　性能要求');
    expect(standardText).toContain('附录A');
    expect(standardText).toContain('（规范性）');
    expect(standardText).toContain('（送审稿）');
    expect(standardText).toContain('T/ZZB XXXX—2026');
    for (const [kind, template] of [
      ['explanation', explanationTemplate(TEMPLATE)],
      ['application-report', applicationReportTemplate(TEMPLATE)],
    ] as const) {
      const report = text(await renderDocumentDocx(input(kind, template, standard)));
      expect(report).toContain('《智能电热水壶》');
      expect(report).toContain('浙江某某电器有限公司标准起草组');
    }
  });

  it('prints figures, lists, notes, untitled clauses and references as GB/T 1.1 does', async () => {
    const doc = structuredDoc(
      'test/render',
      standardCover({ ics: '97.040.50', ccs: 'Y 62', standardNumber: 'T/ZZB 0123—2026', stage: '征求意见稿' }),
      tableOfContents(),
      chapter(
        'technical-requirements',
        titled('技术要求', ID.chapter),
        clause(
          '结构',
          paragraph(['结构见', crossRef(ID.figure), '，另见', crossRef(ID.deleted), '。']),
          figureBlock('壶体结构', pngDataUrl(1600, 800), ID.figure),
          figureBlock('待补充的图'),
          dashList(['第一项', { content: '第二项', sublist: numberedList(['子项一', '子项二']) }]),
          letteredList(['甲', '乙']),
          note('第一条注'),
          note('第二条注'),
        ),
        clause('', paragraph('未命名条的文字。')),
        clause(
          '材料',
          tableBlock('指标', [
            ['项目', '值'],
            ['功率', cellOf(indicatorRef(ID.deletedCell))],
          ]),
        ),
      ),
      annex('informative', '使用说明', paragraph('附录的文字。')),
    );
    const data = await renderDocumentDocx(input('standard', doc));
    const body = text(data);
    expect(body).toContain('结构见图1，另见［引用目标已删除］。');
    expect(body).toContain('图1　壶体结构');
    expect(body).toContain('（图片待补充）');
    expect(body).toContain('——第一项');
    expect(body).toContain('1)\t子项一');
    expect(body).toContain('a)\t甲');
    expect(body).toContain('注1：第一条注');
    expect(body).toContain('注2：第二条注');
    expect(body).toContain('1.2　未命名条的文字。');
    expect(body).toContain('［指标已删除］');
    expect(body).toContain('（资料性）');
    expect(body).toContain('T/ZZB 0123—2026');
    // The picture, scaled to the type area's width (A4 less the margins: 165 mm).
    expect(Object.keys(unzipSync(data)).some((path) => /^word\/media\/.+\.png$/.test(path))).toBe(true);
    const extent = /<wp:extent cx="(\d+)" cy="(\d+)"/.exec(part(data, 'word/document.xml'));
    expect(Number(extent?.[1]) / Number(extent?.[2])).toBeCloseTo(2, 2);
    expect(Number(extent?.[1])).toBeLessThanOrEqual(165 * 36000);
    // The 目次 lists the chapter and the annex with page references to their headings.
    const xml = part(data, 'word/document.xml');
    expect(xml).toMatch(/PAGEREF gb_contents_\d+ \\h/);
    expect(xml).toContain('w:name="gb_contents_1"');
    // The end line: the last paragraph of the body is a rule, a quarter of the type area wide.
    const lastParagraph = xml.slice(xml.lastIndexOf('<w:p>'));
    expect(lastParagraph).toMatch(/<w:pBdr><w:top w:val="single"/);
    expect(part(data, 'word/settings.xml')).toMatch(/<w:updateFields(?: w:val="(?:true|1)")?\/>/);
  });

  it('gives the same bytes for the same input; generatedAt is the only time in the file', async () => {
    const doc = standardTemplate(TEMPLATE);
    const first = await renderDocumentDocx(input('standard', doc));
    // Rendering other documents in between advances docx's process-wide counters.
    await renderDocumentDocx(input('explanation', explanationTemplate(TEMPLATE), doc));
    const second = await renderDocumentDocx(input('standard', doc));
    expect(Buffer.compare(Buffer.from(first), Buffer.from(second))).toBe(0);
    expect(part(first, 'docProps/core.xml')).toContain('2026-03-04T16:00:00Z');

    const later = await renderDocumentDocx({
      ...input('standard', doc),
      generatedAt: new Date('2026-03-06T00:00:00+08:00'),
    });
    expect(Buffer.compare(Buffer.from(first), Buffer.from(later))).not.toBe(0);
    expect(part(later, 'word/document.xml')).toBe(part(first, 'word/document.xml'));
  });
});
