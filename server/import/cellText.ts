/** The text a spreadsheet cell shows, whatever ExcelJS made of it (number, rich text, formula, date …). */
import type { Cell, CellValue } from 'exceljs';

function valueText(value: CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if ('richText' in value) return value.richText.map((r) => r.text).join('');
  if ('text' in value && typeof value.text === 'string') return value.text;
  if ('result' in value) return value.result === undefined ? '' : valueText(value.result as CellValue);
  if ('error' in value) return '';
  return '';
}

export function cellText(cell: Cell): string {
  return valueText(cell.value).replace(/\r\n/g, '\n').trim();
}
