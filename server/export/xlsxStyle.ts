/** Cell styling shared by the spreadsheet exports. */
import type { AddWorksheetOptions, Border, Cell, Row, Worksheet } from 'exceljs';
import { fitRowHeight } from './xlsxRowHeight.js';

const THIN: Partial<Border> = { style: 'thin', color: { argb: 'FF000000' } };

export const FONT = '宋体';

/**
 * A4 landscape, all columns on the page width (as many pages down as needed), "第 x 页 共 y 页" in
 * the footer: the print setup of every table the bureau prints.
 */
export const LANDSCAPE_TABLE_SHEET: Pick<AddWorksheetOptions, 'pageSetup' | 'headerFooter'> = {
  pageSetup: {
    paperSize: 9,
    orientation: 'landscape',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    horizontalCentered: true,
    margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.7, header: 0.3, footer: 0.3 },
  },
  headerFooter: { oddFooter: '&C第 &P 页 共 &N 页' },
};

export function boxed(cell: Cell): void {
  cell.border = { top: THIN, left: THIN, bottom: THIN, right: THIN };
}

export function styleHeaderRow(row: Row): void {
  row.eachCell((cell) => {
    cell.font = { name: FONT, bold: true, size: 11 };
    cell.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
    boxed(cell);
  });
  fitRowHeight(row);
}

/** A table row: wrapped text, top-aligned, boxed, and as high as its longest cell needs. */
export function styleBodyRow(row: Row, centered: number[]): void {
  row.eachCell({ includeEmpty: true }, (cell, column) => {
    cell.font = { name: FONT, size: 10.5 };
    cell.alignment = { vertical: 'top', horizontal: centered.includes(column) ? 'center' : 'left', wrapText: true };
    boxed(cell);
  });
  fitRowHeight(row);
}

/** A text line over all `columns` columns (title, header fields, footer counts). */
export function mergedLine(
  sheet: Worksheet,
  text: string,
  columns: number,
  options: { bold?: boolean; size?: number; center?: boolean } = {},
): Row {
  const row = sheet.addRow([text]);
  sheet.mergeCells(row.number, 1, row.number, columns);
  const cell = row.getCell(1);
  cell.font = { name: FONT, bold: options.bold ?? false, size: options.size ?? 10.5 };
  cell.alignment = { vertical: 'middle', horizontal: options.center ? 'center' : 'left', wrapText: true };
  fitRowHeight(row);
  return row;
}
