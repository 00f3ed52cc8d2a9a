/**
 * GB/T 1.1—2020 numbering, computed from the structure (numbers are never stored). Pure: no DOM and
 * no ProseMirror dependency, so the server (API, checker, export) and the browser (live decorations,
 * outline, cross-references) compute the same labels.
 *
 * - chapters 1, 2, 3 … in document order; clauses 5.1, 5.1.1 …; annexes 附录A, 附录B … with clauses
 *   A.1, A.1.1 …;
 * - tables 表1, 表2 … in the body and 表A.1 … in annex A (likewise figures 图1 …, 图A.1 …);
 * - term entries: the enclosing chapter's or clause's number + position among its term entries;
 * - references: the designation parsed from the entry's text;
 * - notes: per parent, `注：` when alone, else `注1：`, `注2：` ….
 */
import type { ProseMirrorJSON } from '../json.js';
import { DANGLING_REFERENCE_LABEL, NODE, isAnnexType, isChapterRole } from './names.js';
import { parseReferenceCode } from './referenceCode.js';
import type { LabelledNode, NoteLabel, NumberedItem, NumberedKind, Numbering } from './numberingTypes.js';
import type { NumberingMemo, SectionInput, SectionOutput, VisitedSection, WalkCounters } from './numberingMemo.js';

export type { LabelledNode, NoteLabel, NumberedItem, NumberedKind, Numbering } from './numberingTypes.js';

/** Read access to a document tree, so one walker serves ProseMirror JSON and ProseMirror nodes. */
export interface TreeAdapter<N> {
  type(node: N): string;
  attr(node: N, name: string): unknown;
  children(node: N): readonly N[];
  /** The text of a text node, `''` for any other node. */
  text(node: N): string;
}

export const jsonAdapter: TreeAdapter<ProseMirrorJSON> = {
  type: (node) => node.type,
  attr: (node, name) => node.attrs?.[name],
  children: (node) => node.content ?? [],
  text: (node) => node.text ?? '',
};

/** The enclosing chapter, clause or annex (or the document root). */
interface Scope {
  item: NumberedItem | null;
  /** What the labels of child clauses and term entries start with: `5`, `5.1`, `A`; `''` at the root. */
  prefix: string;
  depth: number;
  path: string[];
  clauses: number;
  terms: number;
  /** The letter of the enclosing annex, null in the body. */
  annexLetter: string | null;
}

/** `A` … `Z`, then `AA`, `AB` …. */
export function annexLetter(index: number): string {
  let n = index;
  let letters = '';
  do {
    letters = String.fromCharCode(65 + (n % 26)) + letters;
    n = Math.floor(n / 26) - 1;
  } while (n >= 0);
  return letters;
}

/** The label of the `index`-th (1-based) of `count` notes of one parent. */
export function noteLabel(index: number, count: number): string {
  return count === 1 ? '注：' : `注${index}：`;
}

class NumberingWalker<N extends object> {
  private readonly numbering: Numbering = { byId: {}, outline: [], notes: [], sequence: [] };
  private chapters = 0;
  private annexes = 0;
  private tables = new Map<string, number>();
  private figures = new Map<string, number>();

  constructor(
    private readonly adapter: TreeAdapter<N>,
    private readonly memo: NumberingMemo<N> | null = null,
  ) {}

  run(root: N): Numbering {
    if (this.memo) this.memo.visited = [];
    const scope: Scope = { item: null, prefix: '', depth: 0, path: [], clauses: 0, terms: 0, annexLetter: null };
    this.visitChildren(root, scope);
    return this.numbering;
  }

  private counters(): WalkCounters {
    return {
      chapters: this.chapters,
      annexes: this.annexes,
      tables: new Map(this.tables),
      figures: new Map(this.figures),
    };
  }

  /** A section: its entries from the memo when it was walked before in the same state, else walked. */
  private section(node: N, scope: Scope, kind: NumberedKind, labelOrLetter: string): void {
    const memo = this.memo;
    if (!memo) {
      this.visitSection(node, scope, kind, labelOrLetter);
      return;
    }
    const input: SectionInput = {
      kind,
      labelOrLetter,
      depth: scope.depth,
      parentId: scope.item ? scope.item.id : null,
      path: scope.path,
      annexLetter: scope.annexLetter,
      counters: this.counters(),
    };
    const visit: VisitedSection = { reused: false, entries: 0 };
    memo.visited.push(visit);
    const known = memo.lookup(node, input);
    if (known) {
      this.replay(known);
      visit.reused = true;
      visit.entries = known.sequence.length;
      return;
    }
    const { sequence, outline, notes } = this.numbering;
    const start = { sequence: sequence.length, outline: outline.length, notes: notes.length };
    this.visitSection(node, scope, kind, labelOrLetter);
    const output: SectionOutput = {
      sequence: sequence.slice(start.sequence),
      outline: outline.slice(start.outline),
      notes: notes.slice(start.notes),
      countersAfter: this.counters(),
    };
    visit.entries = output.sequence.length;
    memo.remember(node, input, output);
  }

  /** Appends a remembered subtree's entries (the same objects) and takes over its counters. */
  private replay(output: SectionOutput): void {
    const { byId, sequence, outline, notes } = this.numbering;
    for (const entry of output.sequence) {
      sequence.push(entry);
      const id = entry.item?.id;
      if (id && !(id in byId) && entry.item) byId[id] = entry.item;
    }
    for (const item of output.outline) outline.push(item);
    for (const note of output.notes) notes.push(note);
    const after = output.countersAfter;
    this.chapters = after.chapters;
    this.annexes = after.annexes;
    this.tables = new Map(after.tables);
    this.figures = new Map(after.figures);
  }

  private visitChildren(parent: N, scope: Scope): void {
    const children = this.adapter.children(parent);
    const noteCount = children.filter((child) => this.adapter.type(child) === NODE.note).length;
    let noteIndex = 0;
    for (const child of children) {
      switch (this.adapter.type(child)) {
        case NODE.chapter:
          this.section(child, scope, 'chapter', String(++this.chapters));
          break;
        case NODE.annex:
          this.section(child, scope, 'annex', annexLetter(this.annexes++));
          break;
        case NODE.clause: {
          const position = ++scope.clauses;
          this.section(child, scope, 'clause', scope.prefix ? `${scope.prefix}.${position}` : String(position));
          break;
        }
        case NODE.note:
          noteIndex += 1;
          this.addNote(parent, noteIndex, noteCount);
          this.visitChildren(child, scope);
          break;
        default:
          this.visitBlock(child, scope);
      }
    }
  }

  private visitBlock(node: N, scope: Scope): void {
    const type = this.adapter.type(node);
    if (type === NODE.termEntry) {
      const position = ++scope.terms;
      const label = scope.prefix ? `${scope.prefix}.${position}` : String(position);
      this.addItem(node, scope, 'term', label, this.childText(node, NODE.termName));
    } else if (type === NODE.referenceEntry) {
      const text = this.textOf(node).trim();
      const reference = parseReferenceCode(text);
      const item = this.addItem(node, scope, 'reference', reference?.designation ?? text, reference?.title ?? text);
      item.reference = reference;
    } else if (type === NODE.tableBlock) {
      this.addItem(node, scope, 'table', `表${this.nextFloat(this.tables, scope)}`, this.childText(node, NODE.caption));
    } else if (type === NODE.figureBlock) {
      this.addItem(
        node,
        scope,
        'figure',
        `图${this.nextFloat(this.figures, scope)}`,
        this.childText(node, NODE.caption),
      );
    }
    this.visitChildren(node, scope);
  }

  private visitSection(node: N, scope: Scope, kind: NumberedKind, labelOrLetter: string): void {
    const annex = kind === 'annex';
    const label = annex ? `附录${labelOrLetter}` : labelOrLetter;
    const item = this.addItem(node, scope, kind, label, this.childText(node, NODE.sectionTitle));
    if (kind === 'chapter') {
      const role = this.adapter.attr(node, 'role');
      item.role = isChapterRole(role) ? role : 'other';
    }
    if (annex) {
      const normative = this.adapter.attr(node, 'normative');
      item.annexType = isAnnexType(normative) ? normative : 'normative';
      item.letter = labelOrLetter;
    }
    this.numbering.outline.push(item);
    const inner: Scope = {
      item,
      prefix: labelOrLetter,
      depth: item.depth,
      path: [...scope.path, item.id],
      clauses: 0,
      terms: 0,
      annexLetter: annex ? labelOrLetter : scope.annexLetter,
    };
    this.visitChildren(node, inner);
  }

  /** Next table/figure number: `1`, `2` … in the body, `A.1`, `A.2` … in annex A. */
  private nextFloat(counters: Map<string, number>, scope: Scope): string {
    const key = scope.annexLetter ?? '';
    const next = (counters.get(key) ?? 0) + 1;
    counters.set(key, next);
    return scope.annexLetter ? `${scope.annexLetter}.${next}` : String(next);
  }

  private addItem(node: N, scope: Scope, kind: NumberedKind, label: string, title: string): NumberedItem {
    const id = this.idOf(node) ?? '';
    const item: NumberedItem = {
      id,
      kind,
      label,
      depth: scope.depth + 1,
      title,
      parentId: scope.item ? scope.item.id : null,
      path: scope.path,
    };
    if (id && !(id in this.numbering.byId)) this.numbering.byId[id] = item;
    this.numbering.sequence.push({ nodeType: this.adapter.type(node), label, item });
    return item;
  }

  private addNote(parent: N, index: number, count: number): void {
    const note: NoteLabel = {
      label: noteLabel(index, count),
      parentType: this.adapter.type(parent),
      parentId: this.idOf(parent),
      index,
      count,
    };
    this.numbering.notes.push(note);
    const entry: LabelledNode = { nodeType: NODE.note, label: note.label, note };
    this.numbering.sequence.push(entry);
  }

  private idOf(node: N): string | null {
    const id = this.adapter.attr(node, 'id');
    return typeof id === 'string' && id.length > 0 ? id : null;
  }

  private childText(node: N, childType: string): string {
    const child = this.adapter.children(node).find((c) => this.adapter.type(c) === childType);
    return child === undefined ? '' : this.textOf(child).trim();
  }

  private textOf(node: N): string {
    const own = this.adapter.text(node);
    if (own) return own;
    return this.adapter
      .children(node)
      .map((child) => this.textOf(child))
      .join('');
  }
}

/**
 * Numbers any document tree through an adapter (the editor passes ProseMirror nodes). With a memo
 * (see numberingMemo.ts) sections met before in the same state are not walked again; the result is
 * the same.
 */
export function computeNumberingWith<N extends object>(
  root: N,
  adapter: TreeAdapter<N>,
  memo: NumberingMemo<N> | null = null,
): Numbering {
  return new NumberingWalker(adapter, memo).run(root);
}

/** Numbers a document given as ProseMirror JSON (`yDocToJSON(doc)` on the server). */
export function computeNumbering(doc: ProseMirrorJSON): Numbering {
  return computeNumberingWith(doc, jsonAdapter);
}

/** What a cross-reference to `targetId` shows: the target's label, or the dangling-target text. */
export function crossRefLabel(numbering: Numbering, targetId: unknown): string {
  if (typeof targetId !== 'string' || targetId.length === 0) return DANGLING_REFERENCE_LABEL;
  return numbering.byId[targetId]?.label ?? DANGLING_REFERENCE_LABEL;
}

/** The numbering of an empty document. */
export function emptyNumbering(): Numbering {
  return { byId: {}, outline: [], notes: [], sequence: [] };
}
