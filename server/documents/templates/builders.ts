/**
 * Small builders for ProseMirror JSON in the shared editor schema (TipTap StarterKit + TableKit).
 * Templates and demo content are written with these so that every document is valid by
 * construction: no empty text nodes, table cells always wrap their content in paragraphs, lists
 * follow the GB/T 1.1—2020 conventions ("——" dashes or a) b) c), never "•" bullets).
 */
import type { ProseMirrorJSON } from '../../../shared/editor/yjsContent.js';

export type MarkName = 'bold' | 'italic' | 'underline' | 'strike' | 'code';
export type HeadingLevel = 1 | 2 | 3 | 4 | 5 | 6;

/** Inline content: a string (plain text), an inline node, or a sequence of both. */
export type InlineInput = string | ProseMirrorJSON | readonly (string | ProseMirrorJSON)[];

/** A block, or a list of blocks (lists and term entries produce several paragraphs). */
export type BlockInput = ProseMirrorJSON | readonly ProseMirrorJSON[];

/** A text node with optional marks. Throws on the empty string (empty text nodes are invalid). */
export function text(value: string, ...marks: MarkName[]): ProseMirrorJSON {
  if (value.length === 0) throw new Error('text nodes may not be empty');
  const node: ProseMirrorJSON = { type: 'text', text: value };
  if (marks.length > 0) node.marks = marks.map((type) => ({ type }));
  return node;
}

export function bold(value: string): ProseMirrorJSON {
  return text(value, 'bold');
}

export function italic(value: string): ProseMirrorJSON {
  return text(value, 'italic');
}

export function hardBreak(): ProseMirrorJSON {
  return { type: 'hardBreak' };
}

/** Normalizes inline input to a list of inline nodes, dropping empty strings. */
export function inline(content: InlineInput): ProseMirrorJSON[] {
  const items: readonly (string | ProseMirrorJSON)[] =
    typeof content === 'string' || !Array.isArray(content)
      ? [content as string | ProseMirrorJSON]
      : (content as readonly (string | ProseMirrorJSON)[]);
  const nodes: ProseMirrorJSON[] = [];
  for (const item of items) {
    if (typeof item === 'string') {
      if (item.length > 0) nodes.push(text(item));
    } else {
      nodes.push(item);
    }
  }
  return nodes;
}

function withInline(type: string, content: InlineInput | undefined, attrs?: Record<string, unknown>): ProseMirrorJSON {
  const node: ProseMirrorJSON = { type };
  if (attrs) node.attrs = attrs;
  const nodes = content === undefined ? [] : inline(content);
  if (nodes.length > 0) node.content = nodes;
  return node;
}

export function paragraph(content?: InlineInput): ProseMirrorJSON {
  return withInline('paragraph', content);
}

/** Several plain paragraphs, one per string. */
export function paragraphs(...texts: string[]): ProseMirrorJSON[] {
  return texts.map((t) => paragraph(t));
}

export function heading(level: HeadingLevel, content: InlineInput): ProseMirrorJSON {
  return withInline('heading', content, { level });
}

export function horizontalRule(): ProseMirrorJSON {
  return { type: 'horizontalRule' };
}

/** Flattens blocks and block lists into a `doc` node. */
export function doc(...blocks: BlockInput[]): ProseMirrorJSON {
  return { type: 'doc', content: flatten(blocks) };
}

export function flatten(blocks: readonly BlockInput[]): ProseMirrorJSON[] {
  const out: ProseMirrorJSON[] = [];
  for (const block of blocks) {
    if (Array.isArray(block)) out.push(...(block as readonly ProseMirrorJSON[]));
    else out.push(block as ProseMirrorJSON);
  }
  return out;
}

/**
 * Guidance for the drafters in a new-project template, clearly marked as a placeholder:
 * `［在此填写…］` in italics. Drafters replace it with the real text.
 */
export function placeholderText(guidance: string): ProseMirrorJSON {
  return italic(`［${guidance}］`);
}

export function placeholder(guidance: string): ProseMirrorJSON {
  return paragraph(placeholderText(guidance));
}

const FINAL_PUNCTUATION = /[；。：，！？;.:]$/;

/**
 * List items as GB/T 1.1 writes them: each item ends with "；", the last with "。" — added
 * when the item text does not already end with punctuation.
 */
function punctuateItems(items: readonly InlineInput[]): ProseMirrorJSON[][] {
  return items.map((item, index) => {
    const nodes = inline(item);
    const last = nodes[nodes.length - 1];
    if (last && last.type === 'text' && last.text !== undefined && !FINAL_PUNCTUATION.test(last.text)) {
      const end = index === items.length - 1 ? '。' : '；';
      nodes[nodes.length - 1] = { ...last, text: last.text + end };
    }
    return nodes;
  });
}

/** A "——" dash list, one paragraph per item. */
export function dashList(items: readonly InlineInput[]): ProseMirrorJSON[] {
  return punctuateItems(items).map((nodes) => paragraph([text('——'), ...nodes]));
}

/** A lettered list a) b) c) …, one paragraph per item. */
export function letteredList(items: readonly InlineInput[]): ProseMirrorJSON[] {
  return punctuateItems(items).map((nodes, i) => paragraph([text(`${String.fromCharCode(97 + i)}）`), ...nodes]));
}

/** A numbered second-level list 1) 2) 3) …, one paragraph per item. */
export function numberedList(items: readonly InlineInput[]): ProseMirrorJSON[] {
  return punctuateItems(items).map((nodes, i) => paragraph([text(`${i + 1}）`), ...nodes]));
}

/** A single note ("注：…"). Notes carry no requirements. */
export function note(content: string): ProseMirrorJSON {
  return paragraph(`注：${content}`);
}

/** Several numbered notes ("注1：…", "注2：…"). */
export function notes(contents: readonly string[]): ProseMirrorJSON[] {
  if (contents.length === 1) return [note(contents[0]!)];
  return contents.map((c, i) => paragraph(`注${i + 1}：${c}`));
}

/** A table title, placed above the table: "表1　外观要求". */
export function tableTitle(number: number | string, title: string): ProseMirrorJSON {
  return paragraph(bold(`表${number}　${title}`));
}

/** A figure title, placed below the figure: "图1　试验装置示意图". */
export function figureTitle(number: number | string, title: string): ProseMirrorJSON {
  return paragraph(bold(`图${number}　${title}`));
}

export interface CellSpec {
  /** Inline content (one paragraph) or explicit blocks. */
  content: InlineInput | { blocks: readonly ProseMirrorJSON[] };
  colspan?: number;
  rowspan?: number;
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
    type: header || spec.header ? 'tableHeader' : 'tableCell',
    attrs: { colspan: spec.colspan ?? 1, rowspan: spec.rowspan ?? 1, colwidth: null },
    content: blocks.length > 0 ? blocks : [paragraph()],
  };
}

/** A table; the first `headerRows` rows (default 1) are header cells. */
export function table(rows: readonly (readonly CellInput[])[], options: TableOptions = {}): ProseMirrorJSON {
  const headerRows = options.headerRows ?? 1;
  return {
    type: 'table',
    content: rows.map((row, r) => ({
      type: 'tableRow',
      content: row.map((c) => cell(c, r < headerRows)),
    })),
  };
}

/** A table preceded by its title ("表N　…" above the table, as GB/T 1.1 requires). */
export function numberedTable(
  number: number | string,
  title: string,
  rows: readonly (readonly CellInput[])[],
  options: TableOptions & { notes?: readonly string[] } = {},
): ProseMirrorJSON[] {
  const out = [tableTitle(number, title), table(rows, options)];
  if (options.notes && options.notes.length > 0) out.push(...notes(options.notes));
  return out;
}

/** A table of `columns` header cells followed by `rows` rows of placeholder cells. */
export function placeholderTable(columns: readonly string[], rows: number, guidance = '填写'): ProseMirrorJSON {
  const body: CellInput[][] = [];
  for (let r = 0; r < rows; r++) {
    body.push(columns.map((_, c) => ({ content: c === 0 ? String(r + 1) : placeholderText(guidance) })));
  }
  return table([columns.map((c) => c), ...body]);
}

/**
 * A term entry of chapter 3 (GB/T 1.1—2020): the entry number on its own line (a paragraph holding
 * only the bold number, e.g. "3.1"), the Chinese term in bold with its English equivalent, then the
 * definition and optional notes. Term entries are not clauses: they are paragraphs, not headings,
 * so the contents (目次) never lists them and the chapter's lead-in sentence is not a hanging
 * paragraph.
 */
export function term(
  number: string,
  zh: string,
  en: string,
  definition: string,
  entryNotes: readonly string[] = [],
): ProseMirrorJSON[] {
  return [
    paragraph(bold(number)),
    paragraph([bold(zh), text(`　${en}`)]),
    paragraph(definition),
    ...(entryNotes.length === 0 ? [] : notes(entryNotes)),
  ];
}

/** A labelled line, e.g. "计划编号：" + value. */
export function labelled(label: string, value: InlineInput): ProseMirrorJSON {
  return paragraph([bold(`${label}：`), ...inline(value)]);
}

/** Joins names with the Chinese enumeration comma. */
export function joinNames(names: readonly string[]): string {
  return names.join('、');
}
