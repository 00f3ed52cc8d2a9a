/**
 * The checker's view of one document: every node of the ProseMirror JSON indexed once in document
 * (pre-)order with its computed label (from `computeNumbering`), its enclosing chapter/clause/annex,
 * the nearest node with a stable id (what a finding jumps to) and its part of the document.
 * Rules read this context only; they never walk the JSON themselves.
 *
 * Every rule runs in time linear in the document's size (issue 11): a node's subtree is the interval
 * `order..end` of the pre-order, so `isWithin` is a comparison and the nodes of a type, the text
 * blocks and the cross-references inside a node are a slice of their document-ordered lists
 * (`ofTypeWithin`, `textBlocksWithin`, `crossRefsWithin`, found by binary search); the
 * cross-references to a node are indexed by target (`crossRefsTo`). Labels mentioned in text are
 * found in one pass per text (`labelMentions.ts`), never with one pattern per label and text.
 */
import type { DocumentKind } from '../domain/project.js';
import { NODE, STRUCTURAL_NODE_TYPES, isChapterRole, type ChapterRole } from '../editor/structure/names.js';
import type { ProseMirrorJSON } from '../editor/yjsContent.js';
import { computeNumbering, type NumberedItem, type Numbering } from '../editor/structure/numbering.js';
import type { LocalizedText, Location, MessageParams, RuleHit } from './types.js';

/** The part of the document a node is in. */
export type Region = 'cover' | 'contents' | 'foreword' | 'chapter' | 'annex' | 'bibliography' | 'other';

export interface IndexedNode {
  readonly node: ProseMirrorJSON;
  readonly type: string;
  /** Position in document pre-order (the root is 0). */
  readonly order: number;
  /** The pre-order position of its last descendant (itself when it has none): its subtree is `order..end`. */
  readonly end: number;
  readonly parent: IndexedNode | null;
  readonly children: readonly IndexedNode[];
  /** The `id` attribute when it is a non-empty string. */
  readonly id: string | null;
  /** The computed label (`5.1`, `附录A`, `3.2`, `表1`, `注1：`, a reference's designation), else null. */
  readonly label: string | null;
  readonly item: NumberedItem | null;
  /** The nearest node (itself included) with a stable id that the UI can jump to. */
  readonly anchor: IndexedNode | null;
  /** The nearest chapter, clause, annex or term entry (itself included). */
  readonly section: IndexedNode | null;
  readonly chapter: IndexedNode | null;
  readonly annex: IndexedNode | null;
  readonly region: Region;
  /** Clause level below the chapter/annex: 0 for a chapter or an annex, 1 for 5.1, 2 for 5.1.1 … */
  readonly clauseLevel: number;
}

/** A block with inline content and its text (cross-references shown as their labels). */
export interface TextBlock {
  readonly at: IndexedNode;
  readonly text: string;
}

export interface CrossRefOccurrence {
  /** The `crossRef` node itself. */
  readonly at: IndexedNode;
  readonly targetId: string;
  /** The target in this document, null when it is dangling (or in another document). */
  readonly target: IndexedNode | null;
}

export interface CheckContext {
  readonly doc: ProseMirrorJSON;
  readonly kind: DocumentKind;
  readonly numbering: Numbering;
  /** Every node in document order. */
  readonly nodes: readonly IndexedNode[];
  readonly root: IndexedNode;
  readonly textBlocks: readonly TextBlock[];
  readonly crossRefs: readonly CrossRefOccurrence[];
  ofType(type: string): readonly IndexedNode[];
  /** The nodes of `type` inside `ancestor` (itself included), in document order. */
  ofTypeWithin(type: string, ancestor: IndexedNode): readonly IndexedNode[];
  /** The text blocks inside `ancestor` (itself included), in document order. */
  textBlocksWithin(ancestor: IndexedNode): readonly TextBlock[];
  /** The cross-references inside `ancestor`, in document order. */
  crossRefsWithin(ancestor: IndexedNode): readonly CrossRefOccurrence[];
  /** The cross-references whose target is `target`, in document order. */
  crossRefsTo(target: IndexedNode): readonly CrossRefOccurrence[];
  byId(id: string): IndexedNode | null;
  /** Chapters in document order. */
  chapters(): readonly IndexedNode[];
  /** The first chapter with this role. */
  chapterByRole(role: ChapterRole): IndexedNode | null;
  roleOf(chapter: IndexedNode): ChapterRole;
  /** The text of a subtree: inline content joined, blocks separated by newlines. */
  textOf(node: IndexedNode): string;
  /** The title of a chapter/clause/annex, the caption of a table/figure, the term of a term entry. */
  titleOf(node: IndexedNode): string;
  /** The direct child blocks of a section, without its title and its clauses. */
  blocksOf(section: IndexedNode): readonly IndexedNode[];
  /** The direct child clauses of a chapter/clause/annex. */
  clausesOf(section: IndexedNode): readonly IndexedNode[];
  /** Whether `node` is `ancestor` or inside it. */
  isWithin(node: IndexedNode, ancestor: IndexedNode): boolean;
  /** The first ancestor (itself included) of one of the types. */
  closest(node: IndexedNode, types: readonly string[]): IndexedNode | null;
  locate(node: IndexedNode | null): Location;
  /** A hit at `node` (null: the whole document). */
  hit(node: IndexedNode | null, params?: MessageParams, excerpt?: string): RuleHit;
  /** How messages name a node: `第5章“技术要求”` / `clause 5 “技术要求”`. */
  describe(node: IndexedNode): LocalizedText;
}

const INLINE_TYPES = new Set<string>([NODE.text, NODE.crossRef, NODE.hardBreak, 'image', 'mention']);
const TEXTBLOCK_TYPES = new Set<string>([
  NODE.paragraph,
  NODE.sectionTitle,
  NODE.caption,
  NODE.termName,
  NODE.termEnglish,
  NODE.termDefinition,
  NODE.note,
  NODE.referenceEntry,
  'heading',
  'codeBlock',
]);
/** What has a label of its own: every node with a stable id, and notes (注1, 注2 …). */
const LABELLED_TYPES = new Set<string>([...STRUCTURAL_NODE_TYPES, NODE.note]);
/** What a finding points at: the nearest node with a stable id. */
const ANCHOR_TYPES = new Set<string>(STRUCTURAL_NODE_TYPES);
const SECTION_TYPES = new Set<string>([NODE.chapter, NODE.clause, NODE.annex, NODE.termEntry]);
const REGION_OF_TOP: Record<string, Region> = {
  [NODE.standardCover]: 'cover',
  [NODE.tableOfContents]: 'contents',
  [NODE.foreword]: 'foreword',
  [NODE.chapter]: 'chapter',
  [NODE.annex]: 'annex',
  [NODE.bibliography]: 'bibliography',
};
const REGION_LABEL: Partial<Record<Region, LocalizedText>> = {
  cover: { zh: '封面', en: 'cover' },
  contents: { zh: '目次', en: 'contents' },
  foreword: { zh: '前言', en: 'foreword' },
  bibliography: { zh: '参考文献', en: 'bibliography' },
};

/** An object replacement character stands for an unresolved reference in texts. */
export const UNRESOLVED_MARK = '\uFFFC';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** An indexed node while the index is being built. */
interface MutableNode extends Mutable<Omit<IndexedNode, 'children'>> {
  children: MutableNode[];
}

class DocumentIndex implements CheckContext {
  readonly numbering: Numbering;
  readonly nodes: MutableNode[] = [];
  readonly root: MutableNode;
  readonly textBlocks: TextBlock[] = [];
  readonly crossRefs: CrossRefOccurrence[] = [];
  private readonly types = new Map<string, MutableNode[]>();
  private readonly ids = new Map<string, MutableNode>();
  private readonly texts = new Map<IndexedNode, string>();
  private readonly referrers = new Map<IndexedNode, CrossRefOccurrence[]>();
  private sequenceIndex = 0;

  constructor(
    readonly doc: ProseMirrorJSON,
    readonly kind: DocumentKind,
  ) {
    this.numbering = computeNumbering(doc);
    this.root = this.visit(doc, null);
    for (const node of this.nodes) {
      if (TEXTBLOCK_TYPES.has(node.type) || isInlineContainer(node.node)) {
        this.textBlocks.push({ at: node, text: this.textOf(node) });
      }
    }
    for (const node of this.ofType(NODE.crossRef)) {
      const raw = node.node.attrs?.targetId;
      const targetId = typeof raw === 'string' ? raw : '';
      const occurrence: CrossRefOccurrence = { at: node, targetId, target: targetId ? this.byId(targetId) : null };
      this.crossRefs.push(occurrence);
      if (occurrence.target === null) continue;
      const list = this.referrers.get(occurrence.target);
      if (list) list.push(occurrence);
      else this.referrers.set(occurrence.target, [occurrence]);
    }
  }

  private visit(json: ProseMirrorJSON, parent: MutableNode | null): MutableNode {
    const type = json.type;
    const rawId = json.attrs?.id;
    const id = typeof rawId === 'string' && rawId.length > 0 ? rawId : null;
    const { label, item } = this.labelOf(type, id);
    const top = parent !== null && parent.parent === null;
    const region: Region = parent === null ? 'other' : top ? (REGION_OF_TOP[type] ?? 'other') : parent.region;
    const isSection = SECTION_TYPES.has(type);
    const clauseLevel =
      type === NODE.clause
        ? (parent?.clauseLevel ?? 0) + 1
        : type === NODE.chapter || type === NODE.annex
          ? 0
          : (parent?.clauseLevel ?? 0);
    const node: MutableNode = {
      node: json,
      type,
      order: this.nodes.length,
      end: this.nodes.length,
      parent,
      children: [],
      id,
      label,
      item,
      anchor: null,
      section: null,
      chapter: null,
      annex: null,
      region,
      clauseLevel,
    };
    node.anchor = ANCHOR_TYPES.has(type) && id !== null ? node : (parent?.anchor ?? null);
    node.section = isSection ? node : (parent?.section ?? null);
    node.chapter = type === NODE.chapter ? node : (parent?.chapter ?? null);
    node.annex = type === NODE.annex ? node : (parent?.annex ?? null);
    this.nodes.push(node);
    const list = this.types.get(type);
    if (list) list.push(node);
    else this.types.set(type, [node]);
    if (id !== null && !this.ids.has(id)) this.ids.set(id, node);
    for (const child of json.content ?? []) node.children.push(this.visit(child, node));
    node.end = this.nodes.length - 1;
    return node;
  }

  /** Labels come from the numbering's pre-order sequence, which this walk follows node for node. */
  private labelOf(type: string, id: string | null): { label: string | null; item: NumberedItem | null } {
    if (!LABELLED_TYPES.has(type)) return { label: null, item: null };
    const entry = this.numbering.sequence[this.sequenceIndex];
    if (entry && entry.nodeType === type) {
      this.sequenceIndex += 1;
      return { label: entry.label, item: entry.item ?? null };
    }
    const item = id !== null ? (this.numbering.byId[id] ?? null) : null;
    return { label: item?.label ?? null, item };
  }

  ofType(type: string): readonly IndexedNode[] {
    return this.types.get(type) ?? [];
  }

  ofTypeWithin(type: string, ancestor: IndexedNode): readonly IndexedNode[] {
    return within(this.ofType(type), ancestor, (n) => n.order);
  }

  textBlocksWithin(ancestor: IndexedNode): readonly TextBlock[] {
    return within(this.textBlocks, ancestor, (b) => b.at.order);
  }

  crossRefsWithin(ancestor: IndexedNode): readonly CrossRefOccurrence[] {
    return within(this.crossRefs, ancestor, (r) => r.at.order);
  }

  crossRefsTo(target: IndexedNode): readonly CrossRefOccurrence[] {
    return this.referrers.get(target) ?? [];
  }

  byId(id: string): IndexedNode | null {
    return this.ids.get(id) ?? null;
  }

  chapters(): readonly IndexedNode[] {
    return this.ofType(NODE.chapter);
  }

  chapterByRole(role: ChapterRole): IndexedNode | null {
    return this.chapters().find((c) => this.roleOf(c) === role) ?? null;
  }

  roleOf(chapter: IndexedNode): ChapterRole {
    const role = chapter.node.attrs?.role;
    return isChapterRole(role) ? role : 'other';
  }

  textOf(node: IndexedNode): string {
    const cached = this.texts.get(node);
    if (cached !== undefined) return cached;
    let text: string;
    if (node.type === NODE.text) text = node.node.text ?? '';
    else if (node.type === NODE.hardBreak) text = '\n';
    else if (node.type === NODE.crossRef) text = this.crossRefText(node);
    else {
      const blockContainer = node.children.some((c) => !INLINE_TYPES.has(c.type));
      text = node.children.map((c) => this.textOf(c)).join(blockContainer ? '\n' : '');
    }
    this.texts.set(node, text);
    return text;
  }

  private crossRefText(node: IndexedNode): string {
    const targetId = node.node.attrs?.targetId;
    if (typeof targetId !== 'string') return UNRESOLVED_MARK;
    const target = this.ids.get(targetId);
    return target?.label ?? UNRESOLVED_MARK;
  }

  titleOf(node: IndexedNode): string {
    const part =
      node.type === NODE.termEntry
        ? NODE.termName
        : node.type === NODE.tableBlock || node.type === NODE.figureBlock
          ? NODE.caption
          : NODE.sectionTitle;
    const child = node.children.find((c) => c.type === part);
    return child ? this.textOf(child).trim() : '';
  }

  blocksOf(section: IndexedNode): readonly IndexedNode[] {
    return section.children.filter((c) => c.type !== NODE.sectionTitle && c.type !== NODE.clause);
  }

  clausesOf(section: IndexedNode): readonly IndexedNode[] {
    return section.children.filter((c) => c.type === NODE.clause);
  }

  isWithin(node: IndexedNode, ancestor: IndexedNode): boolean {
    return ancestor.order <= node.order && node.order <= ancestor.end;
  }

  closest(node: IndexedNode, types: readonly string[]): IndexedNode | null {
    for (let n: IndexedNode | null = node; n; n = n.parent) if (types.includes(n.type)) return n;
    return null;
  }

  locate(node: IndexedNode | null): Location {
    if (node === null) return { nodeId: null, clauseLabel: null, order: -1 };
    const clauseLabel = node.section?.label ?? REGION_LABEL[node.region]?.zh ?? null;
    return { nodeId: node.anchor?.id ?? null, clauseLabel, order: node.order };
  }

  hit(node: IndexedNode | null, params: MessageParams = {}, excerpt?: string): RuleHit {
    const hit: RuleHit = { location: this.locate(node), params };
    if (excerpt !== undefined && excerpt.length > 0) hit.excerpt = excerpt;
    return hit;
  }

  describe(node: IndexedNode): LocalizedText {
    const label = node.label ?? '';
    const title = this.titleOf(node);
    const quoted = title ? `“${title}”` : '';
    switch (node.type) {
      case NODE.chapter:
        return { zh: `第${label}章${quoted}`, en: `clause ${label}${title ? ` ${quoted}` : ''}` };
      case NODE.clause:
        return { zh: `${label}${quoted}`, en: `${label}${title ? ` ${quoted}` : ''}` };
      case NODE.annex:
        return { zh: `${label}${quoted}`, en: `${englishLabel(label)}${title ? ` ${quoted}` : ''}` };
      case NODE.termEntry:
        return { zh: `术语${label}${quoted}`, en: `term ${label}${title ? ` ${quoted}` : ''}` };
      case NODE.tableBlock:
      case NODE.figureBlock:
        return { zh: `${label}${quoted}`, en: `${englishLabel(label)}${title ? ` ${quoted}` : ''}` };
      case NODE.referenceEntry:
        return { zh: `引用文件 ${label}`, en: `referenced document ${label}` };
      default: {
        // The innermost of the enclosing section and the enclosing table/figure/reference.
        const anchor = node.anchor;
        const section = node.section;
        if (anchor && (!section || anchor.order > section.order)) return this.describe(anchor);
        if (section) return this.describe(section);
        return REGION_LABEL[node.region] ?? { zh: '文件', en: 'the document' };
      }
    }
  }
}

/** The items of a list in document order whose node is inside `ancestor`: a slice found by binary search. */
function within<T>(items: readonly T[], ancestor: IndexedNode, orderOf: (item: T) => number): readonly T[] {
  const first = lowerBound(items, ancestor.order, orderOf);
  const last = lowerBound(items, ancestor.end + 1, orderOf);
  return first === last ? [] : items.slice(first, last);
}

/** The index of the first item whose order is at least `order`. */
function lowerBound<T>(items: readonly T[], order: number, orderOf: (item: T) => number): number {
  let low = 0;
  let high = items.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (orderOf(items[mid]) < order) low = mid + 1;
    else high = mid;
  }
  return low;
}

function isInlineContainer(json: ProseMirrorJSON): boolean {
  const content = json.content ?? [];
  return content.length > 0 && content.every((c) => INLINE_TYPES.has(c.type));
}

/** `表A.1` → `Table A.1`, `图2` → `Figure 2`, `附录B` → `Annex B`. */
export function englishLabel(label: string): string {
  if (label.startsWith('表')) return `Table ${label.slice(1)}`;
  if (label.startsWith('图')) return `Figure ${label.slice(1)}`;
  if (label.startsWith('附录')) return `Annex ${label.slice(2)}`;
  return label;
}

/** Indexes a document for the rules. */
export function createContext(doc: ProseMirrorJSON, kind: DocumentKind): CheckContext {
  return new DocumentIndex(doc, kind);
}
