/**
 * A document state cut into parts, the units of the difference and of a restore: every chapter,
 * clause, annex, term entry, table and figure with its own text (its title and direct blocks; child
 * clauses, terms, tables and figures are parts of their own), plus the cover, the foreword, the
 * bibliography and runs of top-level paragraphs. Each part's text is a list of lines (one per
 * textblock) whose characters keep their Yjs item ids; tables keep their cells by stable id.
 */
import { createHash } from 'node:crypto';
import type { DiffLineRole, DiffPartKind } from '@shared/api/versionDiff.js';
import { COVER_FIELDS, NODE } from '@shared/editor/structure/names.js';
import type { CoverField } from '@shared/editor/structure/names.js';
import { idValue } from '@shared/editor/structure/ids.js';
import { computeNumbering } from '@shared/editor/structure/numbering.js';
import type { Numbering } from '@shared/editor/structure/numberingTypes.js';
import { indicatorValues, numberedTables } from '@shared/editor/structure/tableCells.js';
import type { IndicatorValue } from '@shared/editor/structure/tableCells.js';
import type { TokenTable } from './tokens.js';
import type { ItemSpan, TreeNode } from './yjsTree.js';

export interface PartLine {
  role: DiffLineRole;
  field?: CoverField;
  /** The text, inline atoms as tokens; never contains `\n`. */
  text: string;
  spans: ItemSpan[];
}

export interface PartCell {
  cellId: string | null;
  header: boolean;
  colspan: number;
  rowspan: number;
  line: PartLine;
}

export interface DocumentPart {
  key: string;
  clauseId: string | null;
  kind: DiffPartKind;
  /** The enclosing part's key (null at the top level). */
  parentKey: string | null;
  lines: PartLine[];
  /** Table parts: the rows of the table. */
  rows?: PartCell[][];
}

export interface DocumentParts {
  parts: DocumentPart[];
  byKey: Map<string, DocumentPart>;
  numbering: Numbering;
  /** Values of the identified table cells with their places (`表1 保温效能/℃`). */
  cells: Record<string, IndicatorValue>;
}

const PART_OF_TYPE: Record<string, DiffPartKind> = {
  [NODE.chapter]: 'chapter',
  [NODE.clause]: 'clause',
  [NODE.annex]: 'annex',
  [NODE.termEntry]: 'term',
  [NODE.tableBlock]: 'table',
  [NODE.figureBlock]: 'figure',
};

const FIXED_PARTS: Record<string, DiffPartKind> = {
  [NODE.standardCover]: 'cover',
  [NODE.foreword]: 'foreword',
  [NODE.bibliography]: 'bibliography',
};

const LINE_ROLE: Record<string, DiffLineRole> = {
  [NODE.sectionTitle]: 'title',
  [NODE.paragraph]: 'text',
  [NODE.note]: 'note',
  [NODE.referenceEntry]: 'reference',
  [NODE.caption]: 'caption',
  [NODE.termName]: 'term',
  [NODE.termEnglish]: 'termEnglish',
  [NODE.termDefinition]: 'definition',
};

/** Blocks that hold no text of their own in a difference (generated, or decoration). */
const SKIPPED = new Set<string>([NODE.tableOfContents, NODE.draftingCredits, NODE.horizontalRule]);

class LineBuilder {
  text = '';
  readonly spans: ItemSpan[] = [];

  append(text: string, spans: readonly ItemSpan[]): void {
    const base = this.text.length;
    // A newline inside a text (a code block) reads as a space: lines are separated by `\n`.
    this.text += text.replace(/\n/g, ' ');
    for (const span of spans) this.spans.push({ ...span, offset: span.offset + base });
  }

  /** One character (or code point) standing for an atom held by one item. */
  appendAtom(char: string, item: { client: number; clock: number } | null): void {
    if (item) this.spans.push({ offset: this.text.length, length: char.length, ...item, single: true });
    this.text += char;
  }
}

export class PartReader {
  private readonly parts: DocumentPart[] = [];
  private textRuns = 0;

  constructor(private readonly tokens: TokenTable) {}

  read(root: TreeNode): DocumentParts {
    let open: DocumentPart | null = null;
    for (const child of root.content) {
      const fixed = FIXED_PARTS[child.type];
      if (fixed || PART_OF_TYPE[child.type] || SKIPPED.has(child.type)) {
        open = null;
        if (fixed) this.fixedPart(child, fixed);
        else if (!SKIPPED.has(child.type)) this.identifiedPart(child, null);
        continue;
      }
      if (!open) {
        open = { key: `text@${this.textRuns++}`, clauseId: null, kind: 'text', parentKey: null, lines: [] };
        this.parts.push(open);
      }
      this.blockLines(child, open, LINE_ROLE[child.type] ?? 'text');
    }
    const numbering = computeNumbering(root);
    return {
      parts: this.parts,
      byKey: new Map(this.parts.map((part) => [part.key, part])),
      numbering,
      cells: indicatorValues(numberedTables(root, numbering)),
    };
  }

  private fixedPart(node: TreeNode, kind: DiffPartKind): void {
    const part: DocumentPart = { key: kind, clauseId: null, kind, parentKey: null, lines: [] };
    this.parts.push(part);
    if (kind === 'cover') {
      for (const field of COVER_FIELDS) part.lines.push(this.attributeLine(node, field));
      return;
    }
    for (const child of node.content) this.childOf(child, part);
  }

  private attributeLine(node: TreeNode, field: CoverField): PartLine {
    const value = node.attrs[field];
    const text = typeof value === 'string' ? value.replace(/\n/g, ' ') : '';
    const item = node.attrItems.get(field);
    const spans = item && text.length > 0 ? [{ offset: 0, length: text.length, ...item, single: true }] : [];
    return { role: 'field', field, text, spans };
  }

  private identifiedPart(node: TreeNode, parentKey: string | null): void {
    const kind = PART_OF_TYPE[node.type];
    const id = idValue(node.attrs.id);
    if (!kind) return;
    const part: DocumentPart = {
      key: id ?? `${node.type}@${this.parts.length}`,
      clauseId: id,
      kind,
      parentKey,
      lines: [],
    };
    this.parts.push(part);
    if (kind === 'figure') {
      for (const child of node.content) this.childOf(child, part);
      part.lines.push(this.imageLine(node));
      return;
    }
    for (const child of node.content) {
      if (child.type === NODE.table) part.rows = this.tableRows(child);
      else this.childOf(child, part);
    }
  }

  private imageLine(node: TreeNode): PartLine {
    const src = typeof node.attrs.src === 'string' ? node.attrs.src : '';
    const line = new LineBuilder();
    if (src) {
      const digest = createHash('sha1').update(src).digest('hex');
      const item = node.attrItems.get('src') ?? node.item;
      line.appendAtom(this.tokens.token(`image:${digest}`, { kind: 'image' }), item);
    }
    return { role: 'image', text: line.text, spans: line.spans };
  }

  private tableRows(table: TreeNode): PartCell[][] {
    return table.content
      .filter((row) => row.type === NODE.tableRow)
      .map((row) =>
        row.content.map((cell) => {
          const line = new LineBuilder();
          cell.content.forEach((block, index) => {
            // Paragraphs inside one cell read as one line, as the indicator values do.
            if (index > 0 && line.text.length > 0) line.append(' ', []);
            this.inline(block, line);
          });
          return {
            cellId: idValue(cell.attrs.id),
            header: cell.type === NODE.tableHeader,
            colspan: spanOf(cell.attrs.colspan),
            rowspan: spanOf(cell.attrs.rowspan),
            line: { role: 'text' as const, text: line.text, spans: line.spans },
          };
        }),
      );
  }

  /** A child of a part: a part of its own, or lines of this part. */
  private childOf(node: TreeNode, part: DocumentPart): void {
    if (PART_OF_TYPE[node.type]) {
      this.identifiedPart(node, part.key);
      return;
    }
    this.blockLines(node, part, LINE_ROLE[node.type] ?? 'text');
  }

  private blockLines(node: TreeNode, part: DocumentPart, role: DiffLineRole): void {
    if (SKIPPED.has(node.type)) return;
    if (node.type === NODE.bulletList || node.type === NODE.orderedList || node.type === NODE.listItem) {
      for (const child of node.content) this.blockLines(child, part, 'item');
      return;
    }
    if (PART_OF_TYPE[node.type]) {
      this.identifiedPart(node, part.key);
      return;
    }
    const textblock = node.content.length === 0 || node.content.some((child) => isInline(child));
    if (!textblock) {
      for (const child of node.content) this.childOf(child, part);
      return;
    }
    const line = new LineBuilder();
    if (node.type === NODE.note) line.appendAtom(this.tokens.token('note', { kind: 'note' }), null);
    this.inline(node, line);
    part.lines.push({ role, text: line.text, spans: line.spans });
  }

  private inline(node: TreeNode, line: LineBuilder): void {
    for (const child of node.content) {
      if (child.type === NODE.text) line.append(child.text ?? '', child.spans);
      else if (child.type === NODE.crossRef || child.type === NODE.indicatorRef) {
        const targetId = idValue(child.attrs.targetId) ?? '';
        const kind = child.type === NODE.crossRef ? 'crossRef' : 'indicator';
        line.appendAtom(this.tokens.token(`${kind}:${targetId}`, { kind, targetId }), child.item);
      } else if (child.type === NODE.hardBreak) {
        line.appendAtom(this.tokens.token('hardBreak', { kind: 'hardBreak' }), child.item);
      } else this.inline(child, line);
    }
  }
}

function isInline(node: TreeNode): boolean {
  return (
    node.type === NODE.text ||
    node.type === NODE.crossRef ||
    node.type === NODE.indicatorRef ||
    node.type === NODE.hardBreak
  );
}

function spanOf(value: unknown): number {
  return typeof value === 'number' && Number.isInteger(value) && value > 0 ? value : 1;
}

/** The parts of a document tree, its numbering and its identified cells. */
export function documentParts(root: TreeNode, tokens: TokenTable): DocumentParts {
  return new PartReader(tokens).read(root);
}
