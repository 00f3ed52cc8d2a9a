/**
 * Decorations that show the computed numbering in the editor:
 * - a widget `<span class="gb-number gb-number-<kind>" data-label="5.1">5.1</span>` at the start of
 *   each chapter/clause title, table/figure caption (表1, 图A.1), term (3.1) and note (注1：);
 * - for an annex title `<span class="gb-number gb-number-annex" data-label="附录A"
 *   data-annex-type="normative"><span class="gb-annex-label">附录A</span><span
 *   class="gb-annex-type">（规范性）</span></span>`;
 * - the widget of a chapter/clause/annex title carries the section's label and depth in its spec
 *   (`SectionLabelSpec`); the browser's section node view shows them as `data-label` and
 *   `data-depth` of the section. (Node decorations on the sections would do the same, but a chapter
 *   of a thousand clauses would then hold a thousand decorations at one level, which ProseMirror
 *   searches linearly on every change: renumbering would be quadratic.)
 * - node attributes on cross-references: `data-label` (CSS `::after { content: attr(data-label) }`),
 *   class `gb-crossref-dangling` when the target is gone.
 * Widgets are created lazily from the view's own document: nothing touches the DOM on the server.
 */
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import type { EditorView } from '@tiptap/pm/view';
import type { Node as PMNode } from '@tiptap/pm/model';
import { ANNEX_TYPE_LABELS, DANGLING_REFERENCE_LABEL, NODE } from './names.js';
import { crossRefLabel } from './numbering.js';
import type { LabelledNode, Numbering } from './numbering.js';

export const NUMBER_CLASS = 'gb-number';

/** The node whose text the label precedes, by labelled node type. */
const LABELLED_PART: Record<string, string> = {
  [NODE.chapter]: NODE.sectionTitle,
  [NODE.clause]: NODE.sectionTitle,
  [NODE.annex]: NODE.sectionTitle,
  [NODE.termEntry]: NODE.termName,
  [NODE.tableBlock]: NODE.caption,
  [NODE.figureBlock]: NODE.caption,
};

const LABELLED_TYPES = new Set<string>([...Object.keys(LABELLED_PART), NODE.referenceEntry, NODE.note]);

const KIND_CLASS: Record<string, string> = {
  [NODE.chapter]: 'chapter',
  [NODE.clause]: 'clause',
  [NODE.annex]: 'annex',
  [NODE.termEntry]: 'term',
  [NODE.tableBlock]: 'table',
  [NODE.figureBlock]: 'figure',
  [NODE.note]: 'note',
};

function numberWidget(entry: LabelledNode): (view: EditorView) => HTMLElement {
  return (view) => {
    const doc = view.dom.ownerDocument;
    const span = doc.createElement('span');
    span.className = `${NUMBER_CLASS} ${NUMBER_CLASS}-${KIND_CLASS[entry.nodeType] ?? 'other'}`;
    span.setAttribute('data-label', entry.label);
    span.contentEditable = 'false';
    const annexType = entry.item?.annexType;
    if (entry.nodeType === NODE.annex && annexType) {
      span.setAttribute('data-annex-type', annexType);
      const label = doc.createElement('span');
      label.className = 'gb-annex-label';
      label.textContent = entry.label;
      const type = doc.createElement('span');
      type.className = 'gb-annex-type';
      type.textContent = ANNEX_TYPE_LABELS[annexType];
      span.append(label, type);
    } else {
      span.textContent = entry.label;
    }
    return span;
  };
}

function widgetKey(entry: LabelledNode): string {
  return `${entry.nodeType}:${entry.label}:${entry.item?.annexType ?? ''}`;
}

/** In the spec of a section title's number widget: what the section's node view shows. */
export interface SectionLabelSpec {
  sectionLabel: string;
  sectionDepth: number;
}

function decorateLabelled(node: PMNode, pos: number, entry: LabelledNode, decorations: Decoration[]): void {
  const part = LABELLED_PART[entry.nodeType];
  if (entry.nodeType === NODE.note) {
    decorations.push(
      Decoration.widget(pos + 1, numberWidget(entry), { side: -1, key: widgetKey(entry), ignoreSelection: true }),
    );
    return;
  }
  if (part !== undefined && node.firstChild?.type.name === part) {
    const { item } = entry;
    const section: SectionLabelSpec | null =
      item && (item.kind === 'chapter' || item.kind === 'clause' || item.kind === 'annex')
        ? { sectionLabel: entry.label, sectionDepth: item.depth }
        : null;
    // The key (kind and label) also fixes the depth: a clause's depth is the number of parts of its label.
    decorations.push(
      Decoration.widget(pos + 2, numberWidget(entry), {
        side: -1,
        key: widgetKey(entry),
        ignoreSelection: true,
        ...section,
      }),
    );
  }
}

/** Node types that take an entry of `Numbering.sequence`, in document order. */
export function isLabelledType(name: string): boolean {
  return LABELLED_TYPES.has(name);
}

/**
 * The decoration of a cross-reference: its target's label (or the dangling text) as `data-label`.
 * Every numbering decoration has a `spec.key` saying what it shows: two at the same place with the
 * same key look the same (numberingDecorationUpdate.ts keeps the one there is).
 */
export function crossRefDecoration(node: PMNode, pos: number, numbering: Numbering): Decoration {
  const label = crossRefLabel(numbering, node.attrs.targetId);
  const dangling = label === DANGLING_REFERENCE_LABEL;
  return Decoration.node(
    pos,
    pos + node.nodeSize,
    { 'data-label': label, class: dangling ? 'gb-crossref-dangling' : 'gb-crossref-resolved' },
    { crossRefTarget: node.attrs.targetId, key: `crossRef:${label}` },
  );
}

/**
 * Adds the decorations of `node` (at `pos`) and everything inside it, the labelled nodes taking
 * their entries from `nextEntry` in document order.
 */
export function decorateSubtree(
  node: PMNode,
  pos: number,
  numbering: Numbering,
  nextEntry: () => LabelledNode | undefined,
  decorations: Decoration[],
): void {
  const visit = (child: PMNode, childPos: number): void => {
    const name = child.type.name;
    if (LABELLED_TYPES.has(name)) {
      const entry = nextEntry();
      if (entry && entry.nodeType === name) decorateLabelled(child, childPos, entry, decorations);
    } else if (name === NODE.crossRef) {
      decorations.push(crossRefDecoration(child, childPos, numbering));
      return;
    }
    if (!child.isLeaf)
      child.forEach((grandchild, offset) => {
        visit(grandchild, childPos + 1 + offset);
      });
  };
  visit(node, pos);
}

/** The decorations of a labelled node itself (its number widget, a section's attributes). */
export function decorateLabelledNode(node: PMNode, pos: number, entry: LabelledNode, decorations: Decoration[]): void {
  if (entry.nodeType === node.type.name) decorateLabelled(node, pos, entry, decorations);
}

/** The decorations of `doc` for its numbering (computed from the same doc). */
export function numberingDecorations(doc: PMNode, numbering: Numbering): DecorationSet {
  const decorations: Decoration[] = [];
  let next = 0;
  const nextEntry = () => numbering.sequence[next++];
  doc.forEach((child, offset) => {
    decorateSubtree(child, offset, numbering, nextEntry, decorations);
  });
  return DecorationSet.create(doc, decorations);
}
