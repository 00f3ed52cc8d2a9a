/**
 * Row heights that fit wrapped text. Spreadsheet programs do not grow a row for wrapped text when
 * they print a file they did not lay out themselves (Excel keeps the default height, LibreOffice
 * keeps a stored one), so a long comment is cut off on screen and in print. The height is computed
 * from the text: a greedy line wrap of each cell's text at its column width (merged cells: the width
 * of the merged columns), then the tallest cell of the row.
 *
 * Widths are in Excel's column unit (the width of a digit of the default 11 pt font, 7 px). A CJK
 * character of a font of `size` pt is as wide as the font size (`size × 96/72` px); Latin letters and
 * digits about half of that.
 */
import type { Cell, Row } from 'exceljs';

/** Points of line height per point of font size (宋体 and its LibreOffice substitute Noto CJK: ~1.3–1.45). */
const LINE_HEIGHT = 1.45;
/** Points above and below the text in a cell. */
const PADDING = 4;
/** Excel's column unit in pixels, and the cell's inner margin in units. */
const UNIT_PX = 7;
const CELL_MARGIN_UNITS = 1;
const DEFAULT_FONT_SIZE = 11;
const DEFAULT_COLUMN_WIDTH = 9;

/** Full-width characters: CJK ideographs and punctuation, kana, hangul, full-width forms, and the symbols CJK fonts draw full width (“”‘’…℃). */
const WIDE =
  /[\u1100-\u115f\u2010-\u206f\u2100-\u214f\u2190-\u23ff\u2460-\u27bf\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u;

/** A character's width in half-em units (1 = a Latin letter, 2 = a CJK character). */
function halfEms(char: string): number {
  if (WIDE.test(char)) return 2;
  if (/[A-Z@%&mwMW]/.test(char)) return 1.25;
  return 1;
}

/** Pieces that stay on one line: a run of Latin letters and digits (a word), or any other single character. */
function pieces(line: string): string[] {
  return line.match(/[A-Za-z0-9.,;:!?'"()\-/+%]+|[\s\S]/gu) ?? [];
}

/** How many lines `text` takes when wrapped greedily at `capacity` half-ems per line. */
export function wrappedLines(text: string, capacity: number): number {
  let total = 0;
  for (const line of text.split(/\r?\n/)) {
    let lines = 1;
    let used = 0;
    for (const piece of pieces(line)) {
      const width = [...piece].reduce((sum, char) => sum + halfEms(char), 0);
      if (used + width <= capacity) {
        used += width;
        continue;
      }
      if (piece.trim() === '') {
        // A space at the end of a line is not carried over.
        continue;
      }
      if (used > 0) lines++;
      // A word longer than a line is broken inside.
      lines += Math.max(0, Math.ceil(width / capacity) - 1);
      used = width % capacity || (width > 0 ? capacity : 0);
    }
    total += lines;
  }
  return total;
}

function cellText(cell: Cell): string {
  const value = cell.value;
  if (value === null || value === undefined) return '';
  if (typeof value === 'object' && 'richText' in value) return value.richText.map((r) => r.text).join('');
  return typeof value === 'object' ? String(cell.text) : String(value);
}

/**
 * Sets `row.height` (points) so that every cell's wrapped text is shown whole; never lower than
 * `minimum`. Call it once the row's values, fonts, merges and the sheet's column widths are set.
 */
export function fitRowHeight(row: Row, minimum = 0): void {
  const sheet = row.worksheet;
  // Per master cell (a merged range is shown in its top-left cell), the width of its columns.
  const masters = new Map<string, { cell: Cell; widthUnits: number }>();
  for (let column = 1; column <= sheet.columnCount; column++) {
    const cell = row.getCell(column);
    const master = cell.isMerged ? cell.master : cell;
    const width = sheet.getColumn(column).width ?? DEFAULT_COLUMN_WIDTH;
    const entry = masters.get(master.address) ?? { cell: master, widthUnits: 0 };
    entry.widthUnits += width;
    masters.set(master.address, entry);
  }
  let height = minimum;
  for (const { cell, widthUnits } of masters.values()) {
    // A merged range reaching into other rows is measured in its own first row only.
    if (Number(cell.row) !== row.number) continue;
    const text = cellText(cell);
    if (!text) continue;
    const size = cell.font?.size ?? DEFAULT_FONT_SIZE;
    // One half-em of this font in column units, and the usable width of the cell in half-ems.
    const halfEmUnits = (size * 96) / 72 / 2 / UNIT_PX;
    const capacity = Math.max(1, Math.floor((widthUnits - CELL_MARGIN_UNITS) / halfEmUnits));
    const lines = cell.alignment?.wrapText ? wrappedLines(text, capacity) : text.split(/\r?\n/).length;
    height = Math.max(height, lines * size * LINE_HEIGHT + PADDING);
  }
  if (height > 0) row.height = Math.min(409, Math.ceil(height));
}
