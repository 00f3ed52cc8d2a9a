/**
 * The three documents as Word files, against a real server with the demo seed: the standard text
 * opens in LibreOffice and reads as a printed GB/T 1.1 standard (cover fields, 目次 entries whose
 * page numbers are the pages the headings are on, 前言 with the credits, every chapter in order, 表1,
 * 附录A, 参考文献, the stage); the drafting explanation and the application report open with their
 * title pages; a change typed over a real websocket is in the next export (also in the
 * explanation's indicator values); a stored version exports the same bytes whatever happens to the
 * live text; bad requests get 400/404.
 */
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { DocumentContentResponse } from '@shared/api/types.js';
import type { DocumentVersionView } from '@shared/domain/versions.js';
import type { ProjectDocument } from '@shared/domain/project.js';
import { PATENT_NOTICE } from '@shared/editor/structure/cover.js';
import { ANNEX_TYPE_LABELS } from '@shared/editor/structure/names.js';
import type { NumberedItem } from '@shared/editor/structure/numberingTypes.js';
import { CONTENT_FIELD } from '@shared/editor/extensions.js';
import { chinaToday } from '../../server/lib/chinaDates.js';
import { VACUUM_CUP_STANDARD_IDS } from '../../server/seed/demo/standardContent.js';
import { demoProject, login, request } from '../helpers/api.js';
import { connectSynced, serverContent, waitFor } from '../helpers/collab.js';
import type { Client } from '../helpers/collab.js';
import { startTestServer } from '../helpers/server.js';
import type { TestServer } from '../helpers/server.js';
import { download } from '../consultation/helpers.js';
import { PDFTOTEXT, SOFFICE, convert, pdfText } from '../consultation/office.js';

const OFFICE = Boolean(SOFFICE && PDFTOTEXT);
if (!OFFICE)
  console.warn('documentDocx.test: soffice or pdftotext is not installed — the LibreOffice checks are skipped');

let server: TestServer;
let lead = '';
let documents: ProjectDocument[] = [];
const idOf = (kind: ProjectDocument['kind']): string => documents.find((d) => d.kind === kind)!.id;
const exportPath = (id: string, query = ''): string => `/api/documents/${id}/export.docx${query}`;

/** Text without any whitespace (pdftotext splits CJK lines and inserts spaces). */
const compact = (text: string): string => text.replace(/[\s\u3000]+/g, '');

/** The text of a .docx's body, read from its XML. */
function docxText(data: Uint8Array): string {
  const xml = new TextDecoder().decode(unzipSync(data)['word/document.xml']);
  return compact(xml.replace(/<w:tab\/>/g, ' ').replace(/<[^>]+>/g, ''));
}

async function exported(id: string, query = '', token = lead): Promise<Uint8Array> {
  const file = await download(server.url, exportPath(id, query), token);
  expect(file.status, `export ${id}${query}`).toBe(200);
  return file.data;
}

/** Replaces the first occurrence of `from` in any text of the document (as typing would). */
function replaceText(doc: Y.Doc, from: string, to: string): void {
  const visit = (node: Y.XmlElement | Y.XmlFragment | Y.XmlText): boolean => {
    if (node instanceof Y.XmlText) {
      const at = node.toString().indexOf(from);
      if (at < 0) return false;
      node.delete(at, from.length);
      node.insert(at, to);
      return true;
    }
    return node.toArray().some((child) => visit(child as Y.XmlElement | Y.XmlText));
  };
  let replaced = false;
  doc.transact(() => {
    replaced = visit(doc.getXmlFragment(CONTENT_FIELD));
  });
  if (!replaced) throw new Error(`"${from}" is not in the document`);
}

beforeAll(async () => {
  server = await startTestServer();
  lead = await login(server.url, 'lead@example.com');
  documents = (await demoProject(server.url, lead)).project.documents;
});

afterAll(async () => {
  await server?.dispose();
});

describe('the standard text as a printed GB/T 1.1 standard', () => {
  it('downloads as .docx with its Chinese name', async () => {
    const file = await download(server.url, exportPath(idOf('standard')), lead);
    expect(file.status).toBe(200);
    expect(file.type).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(file.disposition).toContain('filename="document.docx"');
    const encoded = /filename\*=UTF-8''([^;]+)/.exec(file.disposition)?.[1] ?? '';
    expect(decodeURIComponent(encoded)).toBe('轻量化不锈钢真空保温杯-标准文本（征求意见稿）.docx');
  });

  it.skipIf(!OFFICE)(
    'opens in LibreOffice with the cover, the 目次 with right page numbers, 前言, the chapters in order, 表1, 附录A and the end',
    async () => {
      const data = await exported(idOf('standard'));
      const { output } = await convert(data, 'standard.docx', 'pdf', 'pdf');
      const rawPages = (await pdfText(output)).split('\f');
      const pages = rawPages.map(compact);
      const content = (
        await request<DocumentContentResponse>(server.url, 'GET', `/api/documents/${idOf('standard')}/content`, {
          token: lead,
        })
      ).body;
      const year = chinaToday().slice(0, 4);

      // 封面
      const cover = pages[0] ?? '';
      for (const field of [
        'ICS97.040.60',
        'CCSY29',
        'T/ZZB',
        '团体标准',
        `T/ZZBXXXX—${year}`,
        '轻量化不锈钢真空保温杯',
        compact('Lightweight stainless steel vacuum insulated cup'),
        '（征求意见稿）',
        compact(PATENT_NOTICE),
        'XXXX-XX-XX发布',
        'XXXX-XX-XX实施',
        '浙江省质量协会发布',
      ]) {
        expect(cover, field).toContain(field);
      }

      // 目次, then 前言 on its own page
      const forewordPage = pages.findIndex((page) => page.includes('前言本文件按照GB/T1.1—2020'));
      expect(forewordPage).toBeGreaterThan(1);
      const contents = pages.slice(1, forewordPage).join('');
      expect(contents).toContain('目次');
      // Each 目次 line: the entry, a dot leader, the page number.
      const contentsLines = new Map<string, string>();
      for (const line of rawPages.slice(1, forewordPage).join('\n').split('\n')) {
        const match = /^(.+?)\.{3,}([0-9]+|[IVX]+)$/.exec(compact(line));
        if (match?.[1] && match[2]) contentsLines.set(match[1], match[2]);
      }
      const foreword = pages[forewordPage] ?? '';
      expect(foreword).toContain('本文件由浙江省质量协会提出并归口。');
      expect(foreword).toContain('本文件主要起草单位：浙江恒川杯业股份有限公司。');
      expect(foreword).toContain('本文件主要起草人：陈建华、王晓燕、李振宇。');
      const roman = ['I', 'II', 'III', 'IV', 'V'][forewordPage - 1];
      expect(contentsLines.get('前言')).toBe(roman);
      expect(foreword.endsWith(roman ?? '?')).toBe(true);

      // The body from page 1: every chapter number and title in order; the 目次's page numbers are right.
      const bodyStart = forewordPage + 1;
      expect(pages[bodyStart]).toContain('轻量化不锈钢真空保温杯1范围');
      const body = pages.slice(bodyStart);
      const pageOf = (heading: string): number => body.findIndex((page) => page.includes(heading)) + 1;
      const outline = content.numbering.outline;
      const listed = outline.filter(
        (item: NumberedItem) =>
          item.kind !== 'clause' ||
          (item.depth === 2 && !outline.some((a) => a.kind === 'annex' && item.path.includes(a.id))),
      );
      let last = -1;
      for (const item of outline.filter((i) => i.kind === 'chapter')) {
        const heading = `${item.label}${compact(item.title)}`;
        const at = body.join('').indexOf(heading, last + 1);
        expect(at, `chapter ${heading} in order`).toBeGreaterThan(last);
        last = at;
      }
      for (const item of listed) {
        const entry =
          item.kind === 'annex'
            ? `${item.label}${ANNEX_TYPE_LABELS[item.annexType ?? 'normative']}${compact(item.title)}`
            : `${item.label}${compact(item.title)}`;
        const page = contentsLines.get(entry);
        expect(page, `目次 entry ${entry}`).toBeDefined();
        const heading =
          item.kind === 'annex' ? `${item.label}${ANNEX_TYPE_LABELS[item.annexType ?? 'normative']}` : entry;
        expect(Number(page), `page of ${entry}`).toBe(pageOf(heading));
      }
      expect(Number(contentsLines.get('参考文献'))).toBe(pageOf('参考文献［1］'));

      const text = body.join('');
      expect(text).toContain('表1性能要求');
      expect(text).toContain('附录A（规范性）保温效能和保冷效能试验方法');
      expect(text).toContain('A.1试验设备');
      expect(text).toContain('参考文献［1］GB/T29606—2013');
      // Cross-references read as the current numbers: 表1's test-method column points at 6.4 …
      expect(docxText(data)).toContain('容量偏差实际容量与公称容量的偏差在±3%以内6.4');
      // The end of the text is on the last page.
      expect(pages.filter((p) => p.length > 0).at(-1)).toContain('Strasbourg:EDQM,2013');
    },
    120_000,
  );
});

describe('the drafting explanation and the application report', () => {
  it.skipIf(!OFFICE)(
    'open in LibreOffice with their title pages, numbered sections and tables',
    async () => {
      for (const [kind, name, section] of [
        ['explanation', '编制说明', '1工作简况'],
        ['application-report', '实施应用报告', '1概述'],
      ] as const) {
        const { output } = await convert(await exported(idOf(kind)), `${kind}.docx`, 'pdf', 'pdf');
        const pages = (await pdfText(output)).split('\f').map(compact);
        expect(pages[0]).toContain(`《轻量化不锈钢真空保温杯》${name}（征求意见稿）`);
        expect(pages[0]).toContain('浙江恒川杯业股份有限公司标准起草组');
        expect(pages.join('')).toContain(section);
        expect(pages.join('')).toMatch(/表1/);
      }
    },
    120_000,
  );

  it("shows the standard text's current values in the comparison table", async () => {
    const text = docxText(await exported(idOf('explanation')));
    const clause = (
      await request<DocumentContentResponse>(server.url, 'GET', `/api/documents/${idOf('standard')}/content`, {
        token: lead,
      })
    ).body.numbering.byId[VACUUM_CUP_STANDARD_IDS.performance]?.label;
    expect(clause).toBe('5.3');
    expect(text).toContain(`≥72℃（${clause}）`);
    expect(text).not.toContain('［指标已删除］');
    expect(text).not.toContain('［引用目标已删除］');
  });
});

describe('live text, stored versions and reproducible files', () => {
  let client: Client | null = null;
  afterAll(() => client?.destroy());

  it('gives the same bytes for the same state, follows a change typed live, and keeps a stored version as it was', async () => {
    const standardId = idOf('standard');
    const first = await exported(standardId);
    const second = await exported(standardId);
    expect(Buffer.compare(Buffer.from(first), Buffer.from(second))).toBe(0);

    const named = await request<DocumentVersionView>(server.url, 'POST', `/api/documents/${standardId}/versions`, {
      token: lead,
      body: { name: '导出测试' },
    });
    expect(named.status).toBe(201);
    const versionQuery = `?version=${named.body.id}`;
    const frozenBefore = await exported(standardId, versionQuery);

    client = await connectSynced(server.url, standardId, lead);
    replaceText(client.doc, '≥72', '≥73');
    await waitFor(
      async () => (await serverContent(server, standardId)).includes('≥73'),
      'the change reached the server',
    );

    const live = docxText(await exported(standardId));
    expect(live).toContain('≥73');
    expect(live).not.toContain('≥72');
    expect(docxText(await exported(idOf('explanation')))).toContain('≥73℃（5.3）');

    const frozenAfter = await exported(standardId, versionQuery);
    expect(Buffer.compare(Buffer.from(frozenBefore), Buffer.from(frozenAfter))).toBe(0);
    expect(docxText(frozenAfter)).toContain('≥72');
  });

  it('prints the stage asked for: the 报批稿 without the patent notice', async () => {
    const text = docxText(await exported(idOf('standard'), `?stage=${encodeURIComponent('报批稿')}`));
    expect(text).toContain('（报批稿）');
    expect(text).not.toContain(compact(PATENT_NOTICE));
    expect(docxText(await exported(idOf('standard'), `?stage=${encodeURIComponent('送审稿')}`))).toContain(
      compact(PATENT_NOTICE),
    );
  });
});

describe('bad requests', () => {
  it('answers 400 for an unknown stage or an empty version, 404 for what the caller cannot see', async () => {
    const standardId = idOf('standard');
    const stage = await request<{ error: string }>(server.url, 'GET', exportPath(standardId, '?stage=草稿'), {
      token: lead,
    });
    expect(stage.status).toBe(400);
    expect(stage.body.error).toContain('stage must be one of 征求意见稿, 送审稿, 报批稿');
    expect((await request(server.url, 'GET', exportPath(standardId, '?version='), { token: lead })).status).toBe(400);

    const outsider = await login(server.url, 'outsider@example.com');
    expect((await request(server.url, 'GET', exportPath(standardId), { token: outsider })).status).toBe(404);
    expect((await request(server.url, 'GET', exportPath('doc_unknown'), { token: lead })).status).toBe(404);
    expect((await request(server.url, 'GET', exportPath(standardId))).status).toBe(401);

    // A version of another document, and an unknown version.
    const versions = await request<DocumentVersionView[]>(server.url, 'GET', `/api/documents/${standardId}/versions`, {
      token: lead,
    });
    const other = versions.body[0];
    expect(other).toBeDefined();
    expect(
      (await request(server.url, 'GET', exportPath(idOf('explanation'), `?version=${other?.id}`), { token: lead }))
        .status,
    ).toBe(404);
    expect(
      (await request(server.url, 'GET', exportPath(standardId, '?version=ver_unknown'), { token: lead })).status,
    ).toBe(404);

    // A reviewer (bureau) may export: anyone who can view the project.
    const bureau = await login(server.url, 'bureau@example.com');
    expect((await download(server.url, exportPath(standardId), bureau)).status).toBe(200);
  });
});
