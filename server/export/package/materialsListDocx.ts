/**
 * 材料清单.docx — the human-readable manifest of a submission package (A4 landscape, 宋体/黑体):
 * the plan fields; every file with its title, the version it was made from, size and SHA-256; the
 * files that are missing and why (PDF copies included); the drafting checker's findings on the
 * standard text, every one of them.
 */
import {
  AlignmentType,
  Document,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
} from 'docx';
import type {
  PackageFailureCode,
  PackageFile,
  PackageFileFormat,
  PackageManifest,
  PackageSource,
} from '@shared/api/submissionPackage.js';
import { chinaDateTime } from '../../lib/chinaDates.js';
import { HEI, SIZE as CN_SIZE, SONG } from '../documents/styles.js';
import type { FontFaces } from '../documents/styles.js';
import { LANDSCAPE_A4, LANDSCAPE_TEXT_WIDTH, pageOfPagesFooter } from '../landscapePages.js';
import { MATERIALS_LIST_TITLE } from './packageFileNames.js';

const MONO: FontFaces = { ascii: 'Courier New', hAnsi: 'Courier New', eastAsia: '宋体', cs: 'Courier New' };
/** Half-points: 三号 title, 四号 headings, 五号 text, 小五 tables, 7.5 pt hashes. */
const SIZE = { title: CN_SIZE.san, heading: CN_SIZE.si, body: CN_SIZE.wu, small: CN_SIZE.xiaoWu, hash: 15 };
const TEXT_WIDTH = LANDSCAPE_TEXT_WIDTH;

/** Why a file is missing, as the list says it. */
export const FAILURE_LABELS: Record<PackageFailureCode, string> = {
  'office-missing': '服务器未安装 LibreOffice，未生成 PDF 副本',
  'not-requested': '本次未要求生成 PDF 副本',
  timeout: 'PDF 转换超时，已中止',
  'conversion-failed': 'PDF 转换失败',
  'no-source': '对应的 Word 文件未能生成',
  error: '生成失败',
};

const FORMAT_LABELS: Record<PackageFileFormat, string> = { docx: 'Word', pdf: 'PDF', xlsx: 'Excel' };

function run(text: string, options: { size?: number; bold?: boolean; font?: FontFaces } = {}): TextRun {
  return new TextRun({ text, font: options.font ?? SONG, size: options.size ?? SIZE.body, bold: options.bold });
}

function heading(text: string): Paragraph {
  return new Paragraph({
    spacing: { before: 240, after: 120 },
    keepNext: true,
    children: [run(text, { font: HEI, size: SIZE.heading })],
  });
}

function line(text: string, size: number = SIZE.body): Paragraph {
  return new Paragraph({ spacing: { after: 60 }, children: [run(text, { size })] });
}

type CellContent = string | Paragraph[];

function cell(content: CellContent, width: number, header: boolean, center = false): TableCell {
  const children =
    typeof content === 'string'
      ? content.split('\n').map(
          (text) =>
            new Paragraph({
              alignment: header || center ? AlignmentType.CENTER : AlignmentType.LEFT,
              children: [run(text, { size: SIZE.small, font: header ? HEI : SONG })],
            }),
        )
      : content;
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    verticalAlign: header ? VerticalAlign.CENTER : VerticalAlign.TOP,
    margins: { top: 40, bottom: 40, left: 80, right: 80 },
    children,
  });
}

/** A boxed table; `weights` share the text width; `centered` columns are centred. */
function table(headers: string[], rows: CellContent[][], weights: number[], centered: number[] = [0]): Table {
  const total = weights.reduce((a, b) => a + b, 0);
  const widths = weights.map((w) => Math.floor((w / total) * TEXT_WIDTH));
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    rows: [
      new TableRow({
        tableHeader: true,
        cantSplit: true,
        children: headers.map((h, i) => cell(h, widths[i] ?? 1000, true)),
      }),
      ...rows.map(
        (cells) =>
          new TableRow({
            cantSplit: true,
            children: cells.map((c, i) => cell(c, widths[i] ?? 1000, false, centered.includes(i))),
          }),
      ),
    ],
  });
}

export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(2)} MB`;
}

/** "文档 doc_…\n版本 ver_…\n2026-03-05 14:30" — what a file was made from. */
function sourceText(source: PackageSource): string {
  switch (source.type) {
    case 'document':
      return [
        `文档 ${source.documentId}`,
        source.versionId ? `版本 ${source.versionId}` : `当前文本（状态 ${source.stateHash.slice(0, 12)}）`,
        chinaDateTime(source.at),
      ].join('\n');
    case 'round':
      return [`第${source.roundNumber}轮征求意见`, `${source.items} 条意见`, chinaDateTime(source.at)].join('\n');
    case 'package':
      return `本清单生成时\n${chinaDateTime(source.at)}`;
  }
}

function fileRow(file: PackageFile, index: number): CellContent[] {
  return [
    String(index + 1),
    `${file.title}\n${FORMAT_LABELS[file.format]}`,
    file.path,
    sourceText(file.source),
    formatSize(file.size),
    [new Paragraph({ children: [run(file.sha256, { size: SIZE.hash, font: MONO })] })],
  ];
}

function planSection(manifest: PackageManifest): Table {
  const { plan } = manifest;
  const rows: [string, string][] = [
    ['计划编号', plan.planNumber],
    ['计划批次', plan.planBatch],
    ['标准名称', plan.standardName],
    ['英文名称', plan.standardNameEn],
    ['牵头起草单位', plan.leadUnit],
    ['标准编号', plan.standardNumber || '（尚未编号）'],
    ['登记号', plan.registrationNumber || '（尚未登记）'],
    ['发布机构', plan.publishingBody],
    ['材料阶段', manifest.stageLabel],
    ['生成时间', chinaDateTime(manifest.generatedAt)],
    ['生成人', [manifest.generatedBy.name, manifest.generatedBy.organization].filter(Boolean).join('，')],
  ];
  return table(
    ['项目', '内容'],
    rows.map(([k, v]) => [k, v || '—']),
    [1, 4],
    [],
  );
}

function failuresSection(manifest: PackageManifest): (Paragraph | Table)[] {
  if (manifest.failures.length === 0) return [line('无：应包含的材料均已生成。')];
  return [
    table(
      ['序号', '材料', '格式', '原因'],
      manifest.failures.map((f, i) => [
        String(i + 1),
        f.title,
        FORMAT_LABELS[f.format],
        `${FAILURE_LABELS[f.code]}\n${f.reason}`,
      ]),
      [1, 4, 2, 12],
      [0, 2],
    ),
  ];
}

function pdfSection(manifest: PackageManifest): Paragraph {
  const { pdf } = manifest;
  if (pdf.included) return line('标准文本、编制说明和实施应用报告附 PDF 副本（由 LibreOffice 转换）。');
  return line(`未附 PDF 副本：${pdf.code ? FAILURE_LABELS[pdf.code] : ''}${pdf.reason ? `（${pdf.reason}）` : ''}。`);
}

function checkSection(manifest: PackageManifest): (Paragraph | Table)[] {
  const { check } = manifest;
  if (!check) {
    const failure = manifest.failures.find((f) => f.partId === 'checker');
    return [line(`编写检查未能完成${failure ? `：${failure.reason}` : ''}。`)];
  }
  const summary = line(
    `检查时间 ${chinaDateTime(check.checkedAt)}；错误 ${check.counts.errors} 项，警告 ${check.counts.warnings} 项。`,
  );
  if (check.findings.length === 0) return [summary, line('未发现问题。')];
  return [
    summary,
    table(
      ['序号', '级别', '位置', '问题'],
      check.findings.map((f, i) => [
        String(i + 1),
        f.severity === 'error' ? '错误' : '警告',
        f.clauseLabel ?? '全文',
        f.excerpt ? `${f.message.zh}\n“${f.excerpt}”` : f.message.zh,
      ]),
      [1, 1.5, 2, 14],
      [0, 1, 2],
    ),
  ];
}

/** The list of a package whose files (without the list itself and manifest.json) are in `manifest.files`. */
export async function materialsListDocx(manifest: PackageManifest): Promise<Uint8Array> {
  const document = new Document({
    creator: manifest.plan.leadUnit,
    title: `${MATERIALS_LIST_TITLE} ${manifest.title}`,
    styles: { default: { document: { run: { font: SONG, size: SIZE.body } } } },
    sections: [
      {
        properties: LANDSCAPE_A4,
        footers: pageOfPagesFooter(SONG, SIZE.small),
        children: [
          new Paragraph({
            alignment: AlignmentType.CENTER,
            spacing: { after: 120 },
            children: [run(`提交${MATERIALS_LIST_TITLE}`, { font: HEI, size: SIZE.title })],
          }),
          new Paragraph({
            alignment: AlignmentType.CENTER,
            spacing: { after: 240 },
            children: [run(`《${manifest.plan.standardName}》（${manifest.stageLabel}）`, { size: SIZE.heading })],
          }),
          heading('一、项目信息'),
          planSection(manifest),
          heading('二、材料'),
          table(
            ['序号', '材料', '文件', '来源版本', '大小', 'SHA-256'],
            manifest.files.map(fileRow),
            [1.2, 3, 6, 4.5, 2, 6],
            [0, 4],
          ),
          line('本清单与 manifest.json 随材料一并提供；manifest.json 另列出本清单的大小和 SHA-256。', SIZE.small),
          heading('三、未包含的材料'),
          ...failuresSection(manifest),
          heading('四、PDF 副本'),
          pdfSection(manifest),
          heading('五、标准文本编写检查'),
          ...checkSection(manifest),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(document));
}
