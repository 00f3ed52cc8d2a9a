/**
 * Small builders for ProseMirror JSON in the shared editor schema (docs/document-model.md):
 * StarterKit + TableKit plus the GB/T 1.1—2020 structure nodes (`chapter`, `clause`, `annex`,
 * `termEntry`, `referenceEntry`, `tableBlock`, `figureBlock`, `note`, `crossRef` …).
 *
 * Templates and demo content are written with these so that every document is valid by
 * construction: no empty text nodes, table cells always wrap their content in paragraphs, lists
 * follow the GB/T 1.1—2020 conventions ("——" dashes or a) b) c), never "•" bullets), blocks of a
 * chapter/clause/annex come before its subclauses.
 *
 * Numbers are never typed: chapter, clause, annex, table, figure, term and note numbers are computed
 * from the structure (`shared/editor/structure/numbering.ts`); references to them in the text are
 * `crossRef` nodes pointing at the target's stable `id`.
 *
 * Stable ids: every structural node carries an `id`. Nodes that are cross-referenced get an explicit
 * id (`idsFor(scope, keys)` / `stableId(seed)`); the others get one from `structuredDoc(scope, …)`,
 * derived from the document scope and the node's path of titles. Both are deterministic, so the
 * same template always yields the same ids and content can point at them across documents.
 */
import { createHash } from 'node:crypto';
import type { ProseMirrorJSON } from '@shared/editor/yjsContent.js';
import { ID_NODE_TYPES } from '@shared/editor/structure/names.js';

export type MarkName = 'bold' | 'italic' | 'underline' | 'strike' | 'code';

/** Inline content: a string (plain text), an inline node, or a sequence of both. */
export type InlineInput = string | ProseMirrorJSON | readonly (string | ProseMirrorJSON)[];

/** A block, or a list of blocks. */
export type BlockInput = ProseMirrorJSON | readonly ProseMirrorJSON[];

// --- Stable ids ---------------------------------------------------------------------------------

/** What a stable id looks like (docs/document-model.md). */
export const STABLE_ID_PATTERN = /^[A-Za-z0-9_-]{8,}$/;

/** Node types that carry an `id` attribute: the shared editor's list (structural nodes, table cells). */
export function isIdNodeType(type: string): boolean {
  return ID_NODE_TYPES.includes(type);
}

/** A deterministic id for a seed: 12 characters of base64url(SHA-256(seed)). */
export function stableId(seed: string): string {
  return createHash('sha256').update(seed, 'utf8').digest('base64url').slice(0, 12);
}

/**
 * Explicit ids for the nodes of one document that are cross-referenced, by key:
 * `idsFor('vacuum-cup/standard', ['scope', 'tech'])` → `{ scope: '…', tech: '…' }`.
 */
export function idsFor<K extends string>(scope: string, keys: readonly K[]): Record<K, string> {
  const ids = {} as Record<K, string>;
  for (const key of keys) ids[key] = stableId(`${scope}#${key}`);
  return ids;
}

// --- Inline ------------------------------------------------------------------------------------

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

/**
 * A cross-reference to a chapter, clause, annex, table, figure, term entry or normative document:
 * rendered as the target's current number ("5.2", "表1", "附录A", "3.1") and following renumbering.
 */
export function crossRef(targetId: string): ProseMirrorJSON {
  if (!STABLE_ID_PATTERN.test(targetId)) throw new Error(`not a stable id: ${targetId}`);
  return { type: 'crossRef', attrs: { targetId } };
}

/** The current value of a table cell of the standard text (the comparison table's "本标准" column). */
export function indicatorRef(cellId: string): ProseMirrorJSON {
  if (!STABLE_ID_PATTERN.test(cellId)) throw new Error(`not a stable id: ${cellId}`);
  return { type: 'indicatorRef', attrs: { targetId: cellId } };
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

/** The plain text of inline content (crossRefs and other atoms contribute nothing). */
export function inlineText(content: InlineInput | undefined): string {
  if (content === undefined) return '';
  return inline(content)
    .map((n) => n.text ?? '')
    .join('');
}

// --- Plain blocks --------------------------------------------------------------------------------

export function paragraph(content?: InlineInput): ProseMirrorJSON {
  return withInline('paragraph', content);
}

/** Several plain paragraphs, one per string. */
export function paragraphs(...texts: string[]): ProseMirrorJSON[] {
  return texts.map((t) => paragraph(t));
}

export function horizontalRule(): ProseMirrorJSON {
  return { type: 'horizontalRule' };
}

/** Flattens blocks and block lists. */
export function flatten(blocks: readonly BlockInput[]): ProseMirrorJSON[] {
  const out: ProseMirrorJSON[] = [];
  for (const block of blocks) {
    if (Array.isArray(block)) out.push(...(block as readonly ProseMirrorJSON[]));
    else out.push(block as ProseMirrorJSON);
  }
  return out;
}

/** A `doc` node of the given sections and blocks, ids as given (see `structuredDoc`). */
export function doc(...blocks: BlockInput[]): ProseMirrorJSON {
  return { type: 'doc', content: flatten(blocks) };
}

/**
 * A `doc` node whose structural nodes all carry a stable id: nodes built without an explicit id get
 * `stableId(scope + '/' + path)`, the path being the node's kind and title (or caption, term, code)
 * and those of its ancestors. Throws if two nodes end up with the same id.
 */
export function structuredDoc(scope: string, ...blocks: BlockInput[]): ProseMirrorJSON {
  return assignIds(doc(...blocks), scope);
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

/** A labelled line, e.g. "计划编号：" + value. */
export function labelled(label: string, value: InlineInput): ProseMirrorJSON {
  return paragraph([bold(`${label}：`), ...inline(value)]);
}

/** Joins names with the Chinese enumeration comma. */
export function joinNames(names: readonly string[]): string {
  return names.join('、');
}

// --- Lists ---------------------------------------------------------------------------------------

/** A list item: inline content, or inline content with a second-level list below it. */
export type ListItemInput = InlineInput | { content: InlineInput; sublist: ProseMirrorJSON };

function isNested(item: ListItemInput): item is { content: InlineInput; sublist: ProseMirrorJSON } {
  return typeof item === 'object' && !Array.isArray(item) && 'sublist' in item;
}

const FINAL_PUNCTUATION = /[；。：，！？;.:]$/;

/**
 * List items as GB/T 1.1 writes them: each item ends with "；", the last with "。" — added when
 * the item text does not already end with punctuation (an item with a sublist ends with "：").
 */
function listItems(items: readonly ListItemInput[]): ProseMirrorJSON[] {
  if (items.length === 0) throw new Error('a list needs at least one item');
  return items.map((item, index) => {
    const nested = isNested(item);
    const nodes = inline(nested ? item.content : item);
    const last = nodes[nodes.length - 1];
    if (last && last.type === 'text' && last.text !== undefined && !FINAL_PUNCTUATION.test(last.text)) {
      const end = nested ? '：' : index === items.length - 1 ? '。' : '；';
      nodes[nodes.length - 1] = { ...last, text: last.text + end };
    }
    const content = [paragraph(nodes)];
    if (nested) content.push(item.sublist);
    return { type: 'listItem', content };
  });
}

/** A "——" dash list: `bulletList` with `listStyle: 'dash'`. */
export function dashList(items: readonly ListItemInput[]): ProseMirrorJSON {
  return { type: 'bulletList', attrs: { listStyle: 'dash' }, content: listItems(items) };
}

/** A lettered list a) b) c) …: `orderedList` with `listStyle: 'letter'`. */
export function letteredList(items: readonly ListItemInput[]): ProseMirrorJSON {
  return { type: 'orderedList', attrs: { listStyle: 'letter' }, content: listItems(items) };
}

/** A numbered (second-level) list 1) 2) 3) …: `orderedList` with `listStyle: 'number'`. */
export function numberedList(items: readonly ListItemInput[]): ProseMirrorJSON {
  return { type: 'orderedList', attrs: { listStyle: 'number' }, content: listItems(items) };
}

// --- Notes ---------------------------------------------------------------------------------------

/** A note. Its label ("注：", "注1：" …) is computed from its position: never type it. */
export function note(content: InlineInput): ProseMirrorJSON {
  const node = withInline('note', content);
  if (!node.content) throw new Error('a note needs text');
  return node;
}

/** Several notes of one parent. */
export function notes(contents: readonly InlineInput[]): ProseMirrorJSON[] {
  return contents.map((c) => note(c));
}

// --- Structure: sections ---------------------------------------------------------------------------

/** `chapter.role`: the chapter's place in the Zhejiang Made structure. */
export type ChapterRole =
  | 'scope'
  | 'normative-references'
  | 'terms'
  | 'classification'
  | 'basic-requirements'
  | 'technical-requirements'
  | 'test-methods'
  | 'inspection-rules'
  | 'marking'
  | 'quality-commitment'
  | 'other';

export type AnnexKind = 'normative' | 'informative';

/** A title, or a title with an explicit stable id (for nodes that are cross-referenced). */
export type TitleInput = InlineInput | { title: InlineInput; id: string };

function isTitled(input: TitleInput): input is { title: InlineInput; id: string } {
  return typeof input === 'object' && !Array.isArray(input) && 'title' in input && 'id' in input;
}

/** `{ title, id }`: a title with an explicit id. */
export function titled(title: InlineInput, id: string): { title: InlineInput; id: string } {
  return { title, id };
}

const SECTION_TYPES = ['chapter', 'annex', 'standardCover', 'tableOfContents', 'foreword', 'bibliography'];

/** Children of a chapter, clause or annex: blocks first, then clauses (checked). */
export type SectionChild = BlockInput;

function sectionContent(owner: string, title: InlineInput, children: readonly SectionChild[]): ProseMirrorJSON[] {
  const content: ProseMirrorJSON[] = [withInline('sectionTitle', title)];
  let seenClause = false;
  for (const child of flatten(children)) {
    if (child.type === 'clause') seenClause = true;
    else if (seenClause) {
      throw new Error(`${owner} «${inlineText(title)}»: block ${child.type} after a subclause (blocks come first)`);
    }
    if (SECTION_TYPES.includes(child.type)) {
      throw new Error(`${owner} «${inlineText(title)}»: ${child.type} cannot be nested`);
    }
    content.push(child);
  }
  return content;
}

function idAttr(explicit: string | undefined): string {
  if (explicit !== undefined && !STABLE_ID_PATTERN.test(explicit)) throw new Error(`not a stable id: ${explicit}`);
  return explicit ?? '';
}

/** A chapter (numbered 1, 2, 3 … in document order). */
export function chapter(role: ChapterRole, title: TitleInput, ...children: SectionChild[]): ProseMirrorJSON {
  const t = isTitled(title) ? title.title : title;
  return {
    type: 'chapter',
    attrs: { id: idAttr(isTitled(title) ? title.id : undefined), role },
    content: sectionContent('chapter', t, children),
  };
}

/** A clause (numbered 5.1, 5.1.1 …; A.1 … in an annex). An empty title makes an untitled clause. */
export function clause(title: TitleInput, ...children: SectionChild[]): ProseMirrorJSON {
  const t = isTitled(title) ? title.title : title;
  return {
    type: 'clause',
    attrs: { id: idAttr(isTitled(title) ? title.id : undefined) },
    content: sectionContent('clause', t, children),
  };
}

/** An annex (lettered 附录A, 附录B … in document order, with (规范性)/(资料性)). */
export function annex(normative: AnnexKind, title: TitleInput, ...children: SectionChild[]): ProseMirrorJSON {
  const t = isTitled(title) ? title.title : title;
  return {
    type: 'annex',
    attrs: { id: idAttr(isTitled(title) ? title.id : undefined), normative },
    content: sectionContent('annex', t, children),
  };
}

/** 目次: generated from the structure. */
export function tableOfContents(): ProseMirrorJSON {
  return { type: 'tableOfContents' };
}

/** 前言 (unnumbered, no title typed). */
export function foreword(...blocks: BlockInput[]): ProseMirrorJSON {
  return { type: 'foreword', content: flatten(blocks) };
}

/** The 主要起草单位 / 参与起草单位 / 主要起草人 lines, generated from the drafting group. */
export function draftingCredits(): ProseMirrorJSON {
  return { type: 'draftingCredits' };
}

/** 参考文献 (unnumbered, no title typed). */
export function bibliography(...blocks: BlockInput[]): ProseMirrorJSON {
  return { type: 'bibliography', content: flatten(blocks) };
}

/** Stage labels printed on the cover. */
export const STAGE_LABELS = ['征求意见稿', '送审稿', '报批稿'] as const;
export type StageLabel = (typeof STAGE_LABELS)[number];

/** The cover's fields (all strings, `''` when not filled). */
export interface CoverFields {
  ics: string;
  ccs: string;
  standardNumber: string;
  registrationNumber: string;
  titleZh: string;
  titleEn: string;
  publicationDate: string;
  implementationDate: string;
  publisher: string;
  stage: StageLabel;
}

/** The cover (封面), an atom edited as a form; unfilled fields are `''`, the stage defaults to 征求意见稿. */
export function standardCover(fields: Partial<CoverFields>): ProseMirrorJSON {
  const attrs: CoverFields = {
    ics: fields.ics ?? '',
    ccs: fields.ccs ?? '',
    standardNumber: fields.standardNumber ?? '',
    registrationNumber: fields.registrationNumber ?? '',
    titleZh: fields.titleZh ?? '',
    titleEn: fields.titleEn ?? '',
    publicationDate: fields.publicationDate ?? '',
    implementationDate: fields.implementationDate ?? '',
    publisher: fields.publisher ?? '',
    stage: fields.stage ?? '征求意见稿',
  };
  return { type: 'standardCover', attrs: { ...attrs } };
}

// --- Structure: terms and references -------------------------------------------------------------

/**
 * A term entry (numbered 3.1, 3.2 … from its position): the Chinese term, the English equivalent,
 * the definition (no requirements in it) and optional notes.
 */
export function termEntry(
  zh: InlineInput,
  en: InlineInput,
  definition: InlineInput,
  entryNotes: readonly InlineInput[] = [],
  id?: string,
): ProseMirrorJSON {
  return {
    type: 'termEntry',
    attrs: { id: idAttr(id) },
    content: [
      withInline('termName', zh),
      withInline('termEnglish', en),
      withInline('termDefinition', definition),
      ...notes(entryNotes),
    ],
  };
}

/** The text of a normative reference: `<code>　<title>` (the code dated as `GB/T 1234—2020` or undated). */
export function referenceText(code: string, title: string): string {
  return `${code}　${title}`;
}

/** One normative document listed in the normative-references chapter. */
export function referenceEntry(content: InlineInput, id?: string): ProseMirrorJSON {
  const node = withInline('referenceEntry', content, { id: idAttr(id) });
  if (!node.content) throw new Error('a reference entry needs text');
  return node;
}

// --- Tables and figures ----------------------------------------------------------------------------

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
    type: header || spec.header ? 'tableHeader' : 'tableCell',
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
    type: 'table',
    content: rows.map((row, r) => ({
      type: 'tableRow',
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
    type: 'tableBlock',
    attrs: { id: idAttr(options.id) },
    content: [withInline('caption', caption), table(rows, options), ...notes(options.notes ?? [])],
  };
}

/** A numbered figure (图1 …): the image (`src`, `''` = to be supplied) with its caption below. */
export function figureBlock(caption: InlineInput, src = '', id?: string): ProseMirrorJSON {
  return { type: 'figureBlock', attrs: { id: idAttr(id), src }, content: [withInline('caption', caption)] };
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

// --- Id assignment and inspection ------------------------------------------------------------------

function childText(node: ProseMirrorJSON, type: string): string {
  const child = (node.content ?? []).find((c) => c.type === type);
  return child ? inlineText(child.content ?? []) : '';
}

/** The path segment of a structural node (its kind and its title, caption, term or reference code). */
function segmentOf(node: ProseMirrorJSON): string {
  switch (node.type) {
    case 'chapter': {
      const role = String(node.attrs?.role ?? 'other');
      return role === 'other' ? `chapter:${childText(node, 'sectionTitle')}` : `chapter:${role}`;
    }
    case 'clause':
    case 'annex':
      return `${node.type}:${childText(node, 'sectionTitle')}`;
    case 'tableBlock':
    case 'figureBlock':
      return `${node.type}:${childText(node, 'caption')}`;
    case 'termEntry':
      return `term:${childText(node, 'termName')}`;
    case 'referenceEntry':
      return `ref:${inlineText(node.content ?? []).split(/\s/)[0] ?? ''}`;
    default:
      return node.type;
  }
}

/**
 * Gives every structural node without an id a deterministic one (see `structuredDoc`) and checks
 * that ids are well-formed and unique. Mutates and returns `root`.
 */
export function assignIds(root: ProseMirrorJSON, scope: string): ProseMirrorJSON {
  const seen = new Set<string>();
  const visit = (node: ProseMirrorJSON, path: string): void => {
    const siblings = new Map<string, number>();
    (node.content ?? []).forEach((child, index) => {
      // Rows have no ids of their own; their place names the cells in them.
      let childPath = child.type === 'tableRow' ? `${path}/row:${index + 1}` : path;
      if (isIdNodeType(child.type)) {
        const segment = segmentOf(child);
        const n = (siblings.get(segment) ?? 0) + 1;
        siblings.set(segment, n);
        childPath = `${path}/${n === 1 ? segment : `${segment}#${n}`}`;
        const attrs = child.attrs ?? {};
        const current = typeof attrs.id === 'string' ? attrs.id : '';
        const id = current.length > 0 ? current : stableId(`${scope}${childPath}`);
        if (!STABLE_ID_PATTERN.test(id)) throw new Error(`${scope}${childPath}: malformed id ${id}`);
        if (seen.has(id)) throw new Error(`${scope}${childPath}: duplicate id ${id}`);
        seen.add(id);
        child.attrs = { ...attrs, id };
      }
      visit(child, childPath);
    });
  };
  visit(root, '');
  return root;
}

/** Calls `fn` for every node of the tree, depth first, with its ancestors (outermost first). */
export function walk(
  root: ProseMirrorJSON,
  fn: (node: ProseMirrorJSON, ancestors: readonly ProseMirrorJSON[]) => void,
): void {
  const visit = (node: ProseMirrorJSON, ancestors: ProseMirrorJSON[]): void => {
    fn(node, ancestors);
    ancestors.push(node);
    for (const child of node.content ?? []) visit(child, ancestors);
    ancestors.pop();
  };
  visit(root, []);
}

/** The ids of all structural nodes of a document. */
export function collectIds(root: ProseMirrorJSON): Set<string> {
  const ids = new Set<string>();
  walk(root, (node) => {
    if (isIdNodeType(node.type) && typeof node.attrs?.id === 'string') ids.add(node.attrs.id);
  });
  return ids;
}

/** The `targetId`s of all crossRefs of a document, in document order. */
export function collectCrossRefs(root: ProseMirrorJSON): string[] {
  const targets: string[] = [];
  walk(root, (node) => {
    if (node.type === 'crossRef' && typeof node.attrs?.targetId === 'string') targets.push(node.attrs.targetId);
  });
  return targets;
}
