/**
 * The change history of a document as .xlsx for the bureau: one row per entry — time, person,
 * organization, clauses, summary of the change — newest first, wrapped text, A4 landscape.
 */
import ExcelJS from 'exceljs';
import type { HistoryEntryView } from '@shared/api/history.js';
import { chinaDateTime } from '../lib/chinaDates.js';
import { entryClauses, entrySummary } from './historySummary.js';
import { LANDSCAPE_TABLE_SHEET, mergedLine, styleBodyRow, styleHeaderRow } from './xlsxStyle.js';

export interface HistorySheet {
  /** The document's title. */
  title: string;
  projectName: string;
  entries: readonly HistoryEntryView[];
  /** What the rows were filtered by, in words ('' when unfiltered). */
  filters?: string;
}

const COLUMNS = ['时间', '修改人', '单位', '章条', '修改摘要'] as const;
const WIDTHS = [20, 12, 26, 18, 60];

/** "2026-03-05 14:30" or "2026-03-05 14:30—14:42" (or across days). */
function timeSpan(entry: HistoryEntryView): string {
  const from = chinaDateTime(entry.from);
  const to = chinaDateTime(entry.to);
  if (from === to) return from;
  return from.slice(0, 10) === to.slice(0, 10) ? `${from}—${to.slice(11)}` : `${from}—${to}`;
}

export async function historyXlsx(sheet: HistorySheet): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.created = new Date();
  const worksheet = workbook.addWorksheet('修改记录', LANDSCAPE_TABLE_SHEET);
  worksheet.columns = WIDTHS.map((width) => ({ width }));
  mergedLine(worksheet, `${sheet.title} 修改记录`, COLUMNS.length, { bold: true, size: 16, center: true }).height = 28;
  mergedLine(
    worksheet,
    [
      `项目：${sheet.projectName}`,
      `导出时间：${chinaDateTime(new Date().toISOString())}`,
      `共 ${sheet.entries.length} 条`,
      sheet.filters ? `筛选：${sheet.filters}` : '',
    ]
      .filter(Boolean)
      .join('    '),
    COLUMNS.length,
  );
  const header = worksheet.addRow([...COLUMNS]);
  styleHeaderRow(header);
  worksheet.views = [{ state: 'frozen', ySplit: header.number }];
  worksheet.pageSetup.printTitlesRow = `${header.number}:${header.number}`;
  for (const entry of sheet.entries) {
    const row = worksheet.addRow([
      timeSpan(entry),
      entry.system ? '系统' : entry.userName,
      entry.organizationName,
      entryClauses(entry),
      entrySummary(entry),
    ]);
    styleBodyRow(row, [1, 2]);
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
