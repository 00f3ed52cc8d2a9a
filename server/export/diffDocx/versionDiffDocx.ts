/**
 * The difference between two versions as .docx, as Word's "compare documents" shows it: inserted
 * text underlined, deleted text struck through, both in the colour of who made the change (the same
 * colour as in the browser). Header: the document, the two states compared, who changed what (with
 * organization); then the changed indicator values (关联指标); then every changed part (clause, table,
 * term …) under its label, its lines with their changes, tables as tables.
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
  UnderlineType,
  WidthType,
} from 'docx';
import type { DiffCell, DiffLine, DiffPart, DiffSegment, VersionDiffView } from '@shared/api/versionDiff.js';
import { colorForUser } from '@shared/domain/userColor.js';
import { COVER_FIELD_NAMES } from '@shared/editor/structure/names.js';
import { chinaDateTime } from '../../lib/chinaDates.js';
import { pageOfPagesFooter } from '../landscapePages.js';

const FONT = { ascii: 'SimSun', hAnsi: 'SimSun', eastAsia: '宋体', cs: 'SimSun' };
const HEI = { ascii: 'SimHei', hAnsi: 'SimHei', eastAsia: '黑体', cs: 'SimHei' };
/** Half-points: 五号 10.5 pt, 小四 12 pt, 三号 16 pt. */
const SIZE_BODY = 21;
const SIZE_HEADING = 24;
const SIZE_TITLE = 32;
const GREY = '595959';
/** A4 portrait, 2.5 cm / 2 cm margins. */
const TEXT_WIDTH = 11906 - 2 * 1134;

const STATUS_NOTES: Partial<Record<DiffPart['status'], string>> = {
  inserted: '（新增）',
  deleted: '（删除）',
};

function plain(text: string, options: { bold?: boolean; size?: number; color?: string; font?: typeof FONT } = {}) {
  return new TextRun({
    text,
    font: options.font ?? FONT,
    size: options.size ?? SIZE_BODY,
    bold: options.bold,
    color: options.color,
  });
}

function colour(userId: string | null | undefined): string {
  return userId ? colorForUser(userId).slice(1).toUpperCase() : GREY;
}

function segmentRun(segment: DiffSegment): TextRun {
  if (segment.op === 'insert') {
    return new TextRun({
      text: segment.text,
      font: FONT,
      size: SIZE_BODY,
      color: colour(segment.by),
      underline: { type: UnderlineType.SINGLE },
    });
  }
  if (segment.op === 'delete') {
    return new TextRun({ text: segment.text, font: FONT, size: SIZE_BODY, color: colour(segment.by), strike: true });
  }
  return plain(segment.text);
}

function lineParagraph(line: DiffLine): Paragraph {
  const prefix = line.role === 'field' && line.field ? [plain(`${COVER_FIELD_NAMES[line.field].zh}：`)] : [];
  return new Paragraph({
    spacing: { after: 60 },
    indent: line.role === 'item' ? { left: 420 } : undefined,
    children: [...prefix, ...line.segments.map(segmentRun)],
  });
}

function cellOf(cell: DiffCell, width: number): TableCell {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    columnSpan: cell.colspan > 1 ? cell.colspan : undefined,
    rowSpan: cell.rowspan > 1 ? cell.rowspan : undefined,
    margins: { top: 40, bottom: 40, left: 60, right: 60 },
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: cell.segments.length > 0 ? cell.segments.map(segmentRun) : [plain('')],
      }),
    ],
  });
}

function tableOf(rows: readonly DiffCell[][]): Table {
  const columns = Math.max(1, ...rows.map((row) => row.reduce((n, cell) => n + cell.colspan, 0)));
  const width = Math.floor(TEXT_WIDTH / columns);
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: Array.from({ length: columns }, () => width),
    rows: rows.map((row) => new TableRow({ children: row.map((cell) => cellOf(cell, width * cell.colspan)) })),
  });
}

function authorLine(view: VersionDiffView, ids: readonly string[]): Paragraph | null {
  if (ids.length === 0) return null;
  const names = ids.map((id) => {
    const author = view.authors.find((a) => a.id === id);
    return author ? `${author.name}（${author.organization}）` : '未知';
  });
  return new Paragraph({ spacing: { after: 200 }, children: [plain(`修改人：${names.join('、')}`, { color: GREY })] });
}

function partBlocks(view: VersionDiffView, part: DiffPart): (Paragraph | Table)[] {
  const note = `${STATUS_NOTES[part.status] ?? ''}${part.moved ? '（位置变动）' : ''}`;
  const moved = part.fromLabel && part.toLabel && part.fromLabel !== part.toLabel ? `（原 ${part.fromLabel}）` : '';
  const blocks: (Paragraph | Table)[] = [
    new Paragraph({
      spacing: { before: 240, after: 120 },
      children: [
        plain(`${part.label}　${part.title}`.trim(), { bold: true, size: SIZE_HEADING, font: HEI }),
        plain(`${moved}${note}`),
      ],
    }),
  ];
  for (const line of part.lines) blocks.push(lineParagraph(line));
  if (part.rows && part.rows.length > 0) blocks.push(tableOf(part.rows));
  const authors = authorLine(view, part.authors);
  if (authors) blocks.push(authors);
  return blocks;
}

function sideName(side: VersionDiffView['from']): string {
  return side.versionId === null
    ? `当前文本（${chinaDateTime(side.createdAt)}）`
    : `版本“${side.name}”（${chinaDateTime(side.createdAt)}）`;
}

export async function versionDiffDocx(view: VersionDiffView): Promise<Uint8Array> {
  const changed = view.parts.filter((part) => part.status !== 'unchanged' || part.moved);
  const legend = view.authors.map(
    (author) =>
      new Paragraph({
        children: [plain('■ ', { color: colour(author.id) }), plain(`${author.name}（${author.organization}）`)],
      }),
  );
  const indicators = view.indicators.map(
    (change) =>
      new Paragraph({
        children: [
          plain(`指标 ${change.place}　`),
          new TextRun({
            text: change.before,
            font: FONT,
            size: SIZE_BODY,
            strike: true,
            color: colour(change.authors[0]),
          }),
          plain(' → '),
          new TextRun({
            text: change.after,
            font: FONT,
            size: SIZE_BODY,
            underline: { type: UnderlineType.SINGLE },
            color: colour(change.authors[0]),
          }),
        ],
      }),
  );
  const document = new Document({
    title: `${view.documentTitle} 修改对照`,
    styles: { default: { document: { run: { font: FONT, size: SIZE_BODY } } } },
    sections: [
      {
        properties: {
          page: { size: { width: 11906, height: 16838 }, margin: { top: 1417, bottom: 1134, left: 1134, right: 1134 } },
        },
        footers: pageOfPagesFooter(FONT, SIZE_BODY),
        children: [
          new Paragraph({
            alignment: AlignmentType.CENTER,
            spacing: { after: 240 },
            children: [plain(`${view.documentTitle} 修改对照`, { bold: true, size: SIZE_TITLE, font: HEI })],
          }),
          new Paragraph({ children: [plain(`原文：${sideName(view.from)}`)] }),
          new Paragraph({ children: [plain(`修改后：${sideName(view.to)}`)] }),
          new Paragraph({
            spacing: { after: 120 },
            children: [
              plain(
                `修改的部分 ${view.counts.changedParts} 处，增加 ${view.counts.inserted} 字，删除 ${view.counts.deleted} 字。` +
                  '增加的文字加下划线，删除的文字加删除线，颜色表示修改人。',
                { color: GREY },
              ),
            ],
          }),
          ...legend,
          ...(indicators.length > 0
            ? [
                new Paragraph({
                  spacing: { before: 240, after: 120 },
                  children: [plain('关联指标的变化', { bold: true, size: SIZE_HEADING, font: HEI })],
                }),
                ...indicators,
              ]
            : []),
          ...(changed.length > 0
            ? changed.flatMap((part) => partBlocks(view, part))
            : [new Paragraph({ spacing: { before: 240 }, children: [plain('两个版本之间没有修改。')] })]),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(document));
}
