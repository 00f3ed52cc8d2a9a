/**
 * The 征求意见汇总处理表 as .docx (A4 landscape, 宋体): title; 标准名称 / 承办人, 负责起草单位 / 电话 /
 * 填写日期; the seven-column table (header row repeated on every page); the footer counts; and
 * "第 x 页 共 y 页" in the page footer.
 */
import {
  AlignmentType,
  BorderStyle,
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
import { chineseDate } from '../lib/chinaDates.js';
import { LANDSCAPE_A4, LANDSCAPE_TEXT_WIDTH, pageOfPagesFooter } from './landscapePages.js';
import type { ConsultationTable } from './consultationTable.js';
import { TABLE_COLUMNS } from './consultationTable.js';

const FONT = { ascii: 'SimSun', hAnsi: 'SimSun', eastAsia: '宋体', cs: 'SimSun' };
/** Half-points: 五号 10.5 pt, 小四 12 pt, 三号 16 pt. */
const SIZE_BODY = 21;
const SIZE_HEADER = 24;
const SIZE_TITLE = 32;
const TEXT_WIDTH = LANDSCAPE_TEXT_WIDTH;
const WEIGHTS = [8, 16, 38, 33, 24, 12, 31];
const WIDTHS = WEIGHTS.map((w) => Math.floor((w / WEIGHTS.reduce((a, b) => a + b, 0)) * TEXT_WIDTH));
const CENTERED = new Set([0, 1, 5]);
const NO_BORDER = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };

function run(text: string, size = SIZE_BODY, bold = false): TextRun {
  return new TextRun({ text, font: FONT, size, bold });
}

/** Multi-line cell text keeps its line breaks. */
function cellParagraphs(text: string, center: boolean, bold = false): Paragraph[] {
  const lines = text.length > 0 ? text.split(/\r?\n/) : [''];
  return lines.map(
    (line) =>
      new Paragraph({
        alignment: center ? AlignmentType.CENTER : AlignmentType.LEFT,
        children: [run(line, SIZE_BODY, bold)],
      }),
  );
}

function tableRow(cells: readonly string[], header: boolean): TableRow {
  return new TableRow({
    tableHeader: header,
    cantSplit: header,
    children: cells.map(
      (text, i) =>
        new TableCell({
          width: { size: WIDTHS[i] ?? 1000, type: WidthType.DXA },
          verticalAlign: header ? VerticalAlign.CENTER : VerticalAlign.TOP,
          margins: { top: 60, bottom: 60, left: 80, right: 80 },
          children: cellParagraphs(text, header || CENTERED.has(i), header),
        }),
    ),
  });
}

/** Two header lines laid out as a borderless table (fields left, middle and right). */
function headerLines(table: ConsultationTable): Table {
  const line = (cells: string[]): TableRow =>
    new TableRow({
      children: cells.map(
        (text, i) =>
          new TableCell({
            width: { size: [7000, 3500, 4070][i] ?? 3000, type: WidthType.DXA },
            borders: { top: NO_BORDER, bottom: NO_BORDER, left: NO_BORDER, right: NO_BORDER },
            children: [new Paragraph({ children: [run(text, SIZE_HEADER)] })],
          }),
      ),
    });
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    rows: [
      line([
        `标准名称：${table.header.standardName}（${table.draftLabel}）`,
        `承办人：${table.header.handlerName}`,
        '',
      ]),
      line([
        `负责起草单位：${table.header.leadUnitName}`,
        `电话：${table.header.handlerPhone}`,
        `填写日期：${chineseDate(table.filledDate)}`,
      ]),
    ],
  });
}

export async function consultationDocx(table: ConsultationTable): Promise<Uint8Array> {
  const body = new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: WIDTHS,
    rows: [tableRow(TABLE_COLUMNS, true), ...table.rows.map((r) => tableRow(r.cells, false))],
  });
  const document = new Document({
    creator: table.header.leadUnitName,
    title: `${table.title} ${table.header.standardName}`,
    styles: { default: { document: { run: { font: FONT, size: SIZE_BODY } } } },
    sections: [
      {
        properties: LANDSCAPE_A4,
        footers: pageOfPagesFooter(FONT, SIZE_BODY),
        children: [
          new Paragraph({
            alignment: AlignmentType.CENTER,
            spacing: { after: 240 },
            children: [run(table.title, SIZE_TITLE, true)],
          }),
          headerLines(table),
          new Paragraph({ children: [] }),
          body,
          ...table.footer.map(
            (line, i) => new Paragraph({ spacing: { before: i === 0 ? 200 : 0 }, children: [run(line)] }),
          ),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(document));
}
