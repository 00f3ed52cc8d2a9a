/**
 * Reads the numbered tables of a document (ProseMirror JSON) as grids of cells with their stable ids:
 * what the indicator picker shows and what `indicatorRef` values resolve to.
 */
import type { ProseMirrorJSON } from '../json.js';
import { NODE } from './names.js';
import { idValue } from './ids.js';
import type { Numbering } from './numberingTypes.js';

export interface TableCellView {
  id: string | null;
  text: string;
  header: boolean;
  colspan: number;
  rowspan: number;
}

export interface NumberedTableView {
  /** The table block's id. */
  tableId: string;
  /** `表1`, `表A.1` … */
  label: string;
  caption: string;
  /** The id of the chapter, clause or annex the table sits in. */
  sectionId: string | null;
  rows: TableCellView[][];
}

/** Where a cell's value is: its text and how a reader names its place. */
export interface IndicatorValue {
  text: string;
  /** `表1` and the first cell of the cell's row, e.g. `表1 保温效能/℃`. */
  place: string;
}

/** The text a reader sees: cross-references read as their current labels. */
function textOf(node: ProseMirrorJSON, numbering: Numbering): string {
  if (node.type === NODE.text) return node.text ?? '';
  if (node.type === NODE.crossRef) {
    const target = idValue(node.attrs?.targetId);
    return target ? (numbering.byId[target]?.label ?? '') : '';
  }
  const parts = (node.content ?? []).map((child) => textOf(child, numbering));
  // Paragraphs inside one cell read as one line.
  return node.type === NODE.paragraph ? parts.join('') : parts.filter((p) => p.length > 0).join(' ');
}

/** A cell's `colspan`/`rowspan` attribute as a count (1 when missing or malformed). */
export function spanOf(value: unknown): number {
  return typeof value === 'number' && Number.isInteger(value) && value > 0 ? value : 1;
}

function readRows(table: ProseMirrorJSON, numbering: Numbering): TableCellView[][] {
  return (table.content ?? [])
    .filter((row) => row.type === NODE.tableRow)
    .map((row) =>
      (row.content ?? []).map((cell) => ({
        id: idValue(cell.attrs?.id),
        text: textOf(cell, numbering).trim(),
        header: cell.type === NODE.tableHeader,
        colspan: spanOf(cell.attrs?.colspan),
        rowspan: spanOf(cell.attrs?.rowspan),
      })),
    );
}

/** Every numbered table (table block with an id) of a document, in document order. */
export function numberedTables(doc: ProseMirrorJSON, numbering: Numbering): NumberedTableView[] {
  const tables: NumberedTableView[] = [];
  const visit = (node: ProseMirrorJSON): void => {
    if (node.type === NODE.tableBlock) {
      const tableId = idValue(node.attrs?.id);
      const table = node.content?.find((child) => child.type === NODE.table);
      const item = tableId ? numbering.byId[tableId] : undefined;
      if (tableId && table && item) {
        tables.push({
          tableId,
          label: item.label,
          caption: item.title,
          sectionId: item.parentId,
          rows: readRows(table, numbering),
        });
      }
      return;
    }
    node.content?.forEach(visit);
  };
  visit(doc);
  return tables;
}

/**
 * The table as a grid: `grid[r][c]` is the cell covering row r, column c (a cell spanning rows or
 * columns appears in every place it covers).
 */
export function tableGrid(rows: readonly TableCellView[][]): TableCellView[][] {
  const grid: TableCellView[][] = rows.map(() => []);
  rows.forEach((row, r) => {
    let c = 0;
    for (const cell of row) {
      while (grid[r]?.[c]) c += 1;
      for (let dr = 0; dr < cell.rowspan && r + dr < rows.length; dr++) {
        for (let dc = 0; dc < cell.colspan; dc++) {
          const target = grid[r + dr];
          if (target) target[c + dc] = cell;
        }
      }
      c += cell.colspan;
    }
  });
  return grid;
}

const SERIAL_NUMBER = /^\d{1,3}$/;

/** The value of every identified cell of the given tables, by cell id, with the row it belongs to. */
export function indicatorValues(tables: readonly NumberedTableView[]): Record<string, IndicatorValue> {
  const values: Record<string, IndicatorValue> = {};
  for (const table of tables) {
    for (const row of tableGrid(table.rows)) {
      row.forEach((cell, column) => {
        if (cell.id === null || values[cell.id]) return;
        // The row's name: the cells left of this one, without a serial-number column (序号).
        const before: string[] = [];
        for (const left of row.slice(0, column)) {
          if (left === cell || left.header || SERIAL_NUMBER.test(left.text) || left.text === '') continue;
          if (!before.includes(left.text)) before.push(left.text);
        }
        values[cell.id] = { text: cell.text, place: [table.label, ...before].join(' ') };
      });
    }
  }
  return values;
}
