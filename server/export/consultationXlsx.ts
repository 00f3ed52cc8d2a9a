/**
 * The 征求意见汇总处理表 as .xlsx in the Chinese layout: title; 标准名称 / 承办人 and 负责起草单位 /
 * 电话 / 填写日期; the seven columns; the footer counts ①–④ and the decision totals; 第x页 共y页 in
 * the page footer. A very hidden sheet keeps what the seven columns cannot show (element, type,
 * submitter, date), so that the file re-imports to the same items (server/import).
 */
import ExcelJS from 'exceljs';
import { chineseDate } from '../lib/chinaDates.js';
import type { ConsultationTable } from './consultationTable.js';
import { TABLE_COLUMNS } from './consultationTable.js';
import { fitRowHeight } from './xlsxRowHeight.js';
import { FONT, LANDSCAPE_TABLE_SHEET, mergedLine, styleBodyRow, styleHeaderRow } from './xlsxStyle.js';

/** The machine-readable companion sheet (read back by the importer). */
export const DETAILS_SHEET = '_items';
export const DETAILS_COLUMNS = [
  'seq',
  'comment',
  'clauseId',
  'element',
  'commentType',
  'submitterName',
  'receivedDate',
] as const;

const WIDTHS = [6, 14, 42, 36, 26, 10, 32];

function headerFields(sheet: ExcelJS.Worksheet, left: string, middle: string, right: string): void {
  const row = sheet.addRow([left, '', '', '', middle, '', right]);
  sheet.mergeCells(row.number, 1, row.number, 4);
  sheet.mergeCells(row.number, 5, row.number, 6);
  row.eachCell((cell) => {
    cell.font = { name: FONT, size: 10.5 };
    cell.alignment = { vertical: 'middle', wrapText: true };
  });
  fitRowHeight(row);
}

export async function consultationXlsx(table: ConsultationTable): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = table.header.leadUnitName;
  workbook.created = new Date();
  // A4 landscape, all columns on the page width (as many pages down as needed), the header row on
  // every printed page (print titles, below), wrapped cells with fitted row heights (xlsxStyle.ts).
  const sheet = workbook.addWorksheet(table.title, LANDSCAPE_TABLE_SHEET);
  sheet.columns = WIDTHS.map((width) => ({ width }));
  mergedLine(sheet, table.title, TABLE_COLUMNS.length, { bold: true, size: 16, center: true }).height = 28;
  headerFields(
    sheet,
    `标准名称：${table.header.standardName}（${table.draftLabel}）`,
    `承办人：${table.header.handlerName}`,
    '',
  );
  headerFields(
    sheet,
    `负责起草单位：${table.header.leadUnitName}`,
    `电话：${table.header.handlerPhone}`,
    `填写日期：${chineseDate(table.filledDate)}`,
  );
  const head = sheet.addRow([...TABLE_COLUMNS]);
  styleHeaderRow(head);
  sheet.pageSetup.printTitlesRow = `${head.number}:${head.number}`;
  for (const row of table.rows) {
    const added = sheet.addRow([Number(row.cells[0]), ...row.cells.slice(1)]);
    styleBodyRow(added, [1, 2, 6]);
  }
  for (const line of table.footer) mergedLine(sheet, line, TABLE_COLUMNS.length);

  const details = workbook.addWorksheet(DETAILS_SHEET, { state: 'veryHidden' });
  details.addRow([...DETAILS_COLUMNS]);
  for (const { item } of table.rows) {
    details.addRow([
      item.seq,
      item.comment,
      item.clauseId ?? '',
      item.element,
      item.commentType,
      item.submitterName,
      item.receivedDate,
    ]);
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
