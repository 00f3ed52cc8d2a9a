/**
 * Tables: "表1　性能要求" centred above the table (黑体), the table in 小五号 with a heavier outer
 * frame, its leading header rows repeated on every page it runs onto, merged cells kept, and the
 * table's notes inside its frame in a last row across all columns. Column widths come from the
 * editor's column widths when every column has one, else from how much each column holds.
 */
import {
  AlignmentType,
  BorderStyle,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  VerticalAlign,
  WidthType,
} from 'docx';
import type { ProseMirrorJSON } from '@shared/editor/json.js';
import { NODE } from '@shared/editor/structure/names.js';
import { spanOf, tableGrid } from '@shared/editor/structure/tableCells.js';
import type { TableCellView } from '@shared/editor/structure/tableCells.js';
import type { Block, BlockScope, RenderContext } from './context.js';
import { inlineRuns, inlineText } from './inline.js';
import { renderNote } from './notes.js';
import { textRun } from './runs.js';
import { NUMBER_GAP } from './sections.js';
import { SIZE, STYLE, TEXT_WIDTH, charWidth, charactersWide } from './styles.js';

const OUTER = { style: BorderStyle.SINGLE, size: 8, color: '000000' };
const INNER = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
const CELL_MARGINS = { top: 28, bottom: 28, left: 85, right: 85 };
/** A cell whose text is at most this many characters wide is centred (short values, 序号, units). */
const SHORT_CELL = 14;

interface Cell {
  node: ProseMirrorJSON;
  view: TableCellView;
  widths: number[] | null;
}

function readCells(table: ProseMirrorJSON, ctx: RenderContext): Cell[][] {
  return (table.content ?? [])
    .filter((row) => row.type === NODE.tableRow)
    .map((row) =>
      (row.content ?? []).map((node) => {
        const colwidth = node.attrs?.colwidth;
        return {
          node,
          view: {
            id: null,
            text: (node.content ?? []).map((block) => inlineText(block.content, ctx.references)).join(' '),
            header: node.type === NODE.tableHeader,
            colspan: spanOf(node.attrs?.colspan),
            rowspan: spanOf(node.attrs?.rowspan),
          },
          widths: Array.isArray(colwidth) && colwidth.every((w) => typeof w === 'number' && w > 0) ? colwidth : null,
        };
      }),
    );
}

/** Text up to this many characters wide is kept on one line when the table has room (序号, units, values). */
const UNBROKEN = 6;
/** Beyond this many characters a column's text wraps anyway: it asks for no more width. */
const WIDE = 16;

/**
 * Column widths in twips, summing to the type area's width: the editor's widths when every column
 * has one, else from the text: each column at least as wide as its short entries, the rest of the
 * width shared by how much more each column holds.
 */
function columnWidths(rows: Cell[][], columns: number): number[] {
  const views = rows.map((row) => row.map((cell) => cell.view));
  const grid = tableGrid(views);
  const fromEditor: (number | null)[] = Array.from({ length: columns }, () => null);
  const least = Array.from({ length: columns }, () => 2);
  const wanted = Array.from({ length: columns }, () => 2);
  rows.forEach((row, r) => {
    for (const cell of row) {
      const column = grid[r]?.indexOf(cell.view) ?? -1;
      if (column < 0) continue;
      cell.widths?.forEach((width, offset) => {
        if (column + offset < columns) fromEditor[column + offset] = width;
      });
      if (cell.view.colspan !== 1) continue;
      const wide = charactersWide(cell.view.text);
      least[column] = Math.max(least[column] ?? 2, Math.min(wide, UNBROKEN));
      wanted[column] = Math.max(wanted[column] ?? 2, Math.min(wide, WIDE));
    }
  });
  if (fromEditor.every((w) => w !== null)) return share(fromEditor as number[], TEXT_WIDTH);
  const padding = CELL_MARGINS.left + CELL_MARGINS.right;
  const unit = charWidth(SIZE.xiaoWu);
  const minimum = least.map((w) => Math.ceil(w * unit) + padding);
  const natural = wanted.map((w, c) => Math.max(Math.ceil(w * unit) + padding, minimum[c] ?? 0));
  const naturalTotal = natural.reduce((sum, w) => sum + w, 0);
  if (naturalTotal <= TEXT_WIDTH) return share(natural, TEXT_WIDTH);
  const spare = TEXT_WIDTH - minimum.reduce((sum, w) => sum + w, 0);
  if (spare <= 0) return share(minimum, TEXT_WIDTH);
  const extra = share(
    natural.map((w, c) => w - (minimum[c] ?? 0)),
    spare,
  );
  return minimum.map((w, c) => w + (extra[c] ?? 0));
}

/** `weights` scaled to integers summing to `total`. */
function share(weights: readonly number[], total: number): number[] {
  const sum = weights.reduce((s, w) => s + w, 0) || 1;
  const widths = weights.map((w) => Math.floor((w / sum) * total));
  widths[widths.length - 1] = total - widths.slice(0, -1).reduce((s, w) => s + w, 0);
  return widths;
}

const ALIGN = { left: AlignmentType.LEFT, center: AlignmentType.CENTER, right: AlignmentType.RIGHT } as const;

function cellAlignment(cell: Cell) {
  const align = cell.node.attrs?.align;
  if (typeof align === 'string' && align in ALIGN) return ALIGN[align as keyof typeof ALIGN];
  return cell.view.header || charactersWide(cell.view.text) <= SHORT_CELL ? AlignmentType.CENTER : AlignmentType.LEFT;
}

function cellBlocks(cell: Cell, ctx: RenderContext): Block[] {
  const scope: BlockScope = { indent: 0, inTable: true };
  const alignment = cellAlignment(cell);
  const blocks = (cell.node.content ?? []).flatMap((block) =>
    block.type === NODE.paragraph
      ? [new Paragraph({ style: STYLE.tableText, alignment, children: inlineRuns(block.content, ctx.references) })]
      : ctx.blocks([block], scope),
  );
  // Word requires a paragraph in every cell.
  return blocks.length > 0 ? blocks : [new Paragraph({ style: STYLE.tableText, children: [] })];
}

function widthOf(widths: readonly number[], from: number, count: number): number {
  return widths.slice(from, from + count).reduce((sum, w) => sum + w, 0);
}

/** A table (the `table` node) in the type area's width, with `notes` in its last row. */
export function renderTable(table: ProseMirrorJSON, ctx: RenderContext, notes: readonly ProseMirrorJSON[] = []): Table {
  const rows = readCells(table, ctx);
  const grid = tableGrid(rows.map((row) => row.map((cell) => cell.view)));
  const columns = Math.max(1, ...grid.map((row) => row.length));
  const widths = columnWidths(rows, columns);
  let heading = true;
  const tableRows = rows.map((row, r) => {
    heading = heading && row.length > 0 && row.every((cell) => cell.view.header);
    return new TableRow({
      tableHeader: heading,
      cantSplit: heading,
      children: row.map((cell) => {
        const column = grid[r]?.indexOf(cell.view) ?? 0;
        return new TableCell({
          columnSpan: cell.view.colspan > 1 ? cell.view.colspan : undefined,
          rowSpan: cell.view.rowspan > 1 ? cell.view.rowspan : undefined,
          width: { size: widthOf(widths, Math.max(0, column), cell.view.colspan), type: WidthType.DXA },
          verticalAlign: VerticalAlign.CENTER,
          margins: CELL_MARGINS,
          children: cellBlocks(cell, ctx),
        });
      }),
    });
  });
  if (notes.length > 0) {
    tableRows.push(
      new TableRow({
        children: [
          new TableCell({
            columnSpan: columns > 1 ? columns : undefined,
            width: { size: TEXT_WIDTH, type: WidthType.DXA },
            margins: CELL_MARGINS,
            children: notes.map((note) => renderNote(note, ctx, { indent: 0, inTable: true })),
          }),
        ],
      }),
    );
  }
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: { top: OUTER, bottom: OUTER, left: OUTER, right: OUTER, insideHorizontal: INNER, insideVertical: INNER },
    rows: tableRows,
  });
}

/** A numbered table: its caption above, the table with its notes. */
export function renderTableBlock(node: ProseMirrorJSON, ctx: RenderContext): Block[] {
  const label = ctx.labels.get(node)?.label ?? '';
  const children = node.content ?? [];
  const caption = children.find((child) => child.type === NODE.caption);
  const table = children.find((child) => child.type === NODE.table);
  const notes = children.filter((child) => child.type === NODE.note);
  const blocks: Block[] = [
    new Paragraph({
      style: STYLE.caption,
      keepNext: true,
      children: [textRun(label), textRun(NUMBER_GAP), ...inlineRuns(caption?.content, ctx.references)],
    }),
  ];
  if (table) blocks.push(renderTable(table, ctx, notes));
  else blocks.push(...notes.map((note) => renderNote(note, ctx, { indent: 0, inTable: false })));
  return blocks;
}
