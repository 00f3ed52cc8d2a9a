/**
 * Tables and figures. Table cells always wrap their content in paragraphs; table and figure numbers
 * (表1, 表A.1, 图1 …) are computed from the structure, never typed.
 */
import type { ProseMirrorJSON } from '../json.js';
import { NODE } from '../structure/names.js';
import { notes, paragraph, placeholderText } from './blocks.js';
import { idAttr } from './ids.js';
import { inlineNode, type InlineInput } from './inline.js';

export interface CellSpec {
  /** Inline content (one paragraph) or explicit blocks. */
  content: InlineInput | { blocks: readonly ProseMirrorJSON[] };
  colspan?: number;
  rowspan?: number;
  /** Explicit stable id (for cells another document links to); others get one from their place. */
  id?: string;
  /** Forces a header cell outside the header rows (e.g. a row label column). */
  header?: boolean;
}
export type CellInput = string | CellSpec;

export interface TableOptions {
  /** Number of leading header rows (tableHeader cells); default 1. */
  headerRows?: number;
}

function isBlocks(content: CellSpec['content']): content is { blocks: readonly ProseMirrorJSON[] } {
  return typeof content === 'object' && !Array.isArray(content) && 'blocks' in content;
}

function cell(input: CellInput, header: boolean): ProseMirrorJSON {
  const spec: CellSpec = typeof input === 'string' ? { content: input } : input;
  const blocks = isBlocks(spec.content) ? [...spec.content.blocks] : [paragraph(spec.content)];
  return {
    type: header || spec.header ? NODE.tableHeader : NODE.tableCell,
    attrs: {
      colspan: spec.colspan ?? 1,
      rowspan: spec.rowspan ?? 1,
      colwidth: null,
      ...(spec.id ? { id: spec.id } : {}),
    },
    content: blocks.length > 0 ? blocks : [paragraph()],
  };
}

/** A cell with inline content (text mixed with crossRefs) and optional spans. */
export function cellOf(content: InlineInput, colspan = 1, rowspan = 1): CellSpec {
  return { content, colspan, rowspan };
}

/** A cell with an explicit stable id, for a value another document links to (`indicatorRef`). */
export function cellWithId(id: string, content: InlineInput, colspan = 1, rowspan = 1): CellSpec {
  return { content, colspan, rowspan, id };
}

/** A bare table; the first `headerRows` rows (default 1) are header cells. Wrap it in `tableBlock`. */
export function table(rows: readonly (readonly CellInput[])[], options: TableOptions = {}): ProseMirrorJSON {
  const headerRows = options.headerRows ?? 1;
  return {
    type: NODE.table,
    content: rows.map((row, r) => ({
      type: NODE.tableRow,
      content: row.map((c) => cell(c, r < headerRows)),
    })),
  };
}

export interface TableBlockOptions extends TableOptions {
  /** Notes of the table (注：/ 注1：注2：, labels computed). */
  notes?: readonly InlineInput[];
  /** Explicit stable id (for tables that are cross-referenced). */
  id?: string;
}

/** A numbered table (表1 …, 表A.1 … in an annex): caption above, the table, notes. Never type "表1". */
export function tableBlock(
  caption: InlineInput,
  rows: readonly (readonly CellInput[])[],
  options: TableBlockOptions = {},
): ProseMirrorJSON {
  return {
    type: NODE.tableBlock,
    attrs: { id: idAttr(options.id) },
    content: [inlineNode(NODE.caption, caption), table(rows, options), ...notes(options.notes ?? [])],
  };
}

/** A numbered figure (图1 …): the image (`src`, `''` = to be supplied) with its caption below. */
export function figureBlock(caption: InlineInput, src = '', id?: string): ProseMirrorJSON {
  return { type: NODE.figureBlock, attrs: { id: idAttr(id), src }, content: [inlineNode(NODE.caption, caption)] };
}

/** A table of `columns` header cells followed by `rows` rows of placeholder cells (a bare `table`). */
export function placeholderTable(columns: readonly string[], rows: number, guidance = '填写'): ProseMirrorJSON {
  return table(placeholderRows(columns, rows, guidance));
}

/** The rows of a placeholder table: the header, then numbered rows of placeholder cells. */
export function placeholderRows(columns: readonly string[], rows: number, guidance = '填写'): CellInput[][] {
  const body: CellInput[][] = [];
  for (let r = 0; r < rows; r++) {
    body.push(columns.map((_, c) => ({ content: c === 0 ? String(r + 1) : placeholderText(guidance) })));
  }
  return [columns.map((c) => c), ...body];
}
