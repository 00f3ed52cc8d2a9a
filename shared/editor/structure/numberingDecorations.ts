/**
 * Decorations that show the computed numbering in the editor:
 * - a widget `<span class="gb-number gb-number-<kind>" data-label="5.1">5.1</span>` at the start of
 *   each chapter/clause title, table/figure caption (表1, 图A.1), term (3.1) and note (注1：);
 * - for an annex title `<span class="gb-number gb-number-annex" data-label="附录A"
 *   data-annex-type="normative"><span class="gb-annex-label">附录A</span><span
 *   class="gb-annex-type">（规范性）</span></span>`;
 * - the widget of a chapter/clause/annex title gives the section's label and depth
 *   (`sectionLabelOf`); the browser's section node view shows them as `data-label` and
 *   `data-depth` of the section. (Node decorations on the sections would do the same, but a chapter
 *   of a thousand clauses would then hold a thousand decorations at one level, which ProseMirror
 *   searches linearly on every change: renumbering would be quadratic.)
 * - node attributes on cross-references: `data-label` (CSS `::after { content: attr(data-label) }`),
 *   class `gb-crossref-dangling` when the target is gone.
 * The widgets themselves, and how a renumbering reaches them without redrawing: numberWidgets.ts.
 */
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import type { Node as PMNode } from '@tiptap/pm/model';
import { DANGLING_REFERENCE_LABEL, NODE } from './names.js';
import { crossRefLabel } from './numbering.js';
import type { LabelledNode, Numbering } from './numbering.js';
import { numberWidget } from './numberWidgets.js';

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

function decorateLabelled(
  node: PMNode,
  pos: number,
  entry: LabelledNode,
  numbering: Numbering,
  decorations: Decoration[],
): void {
  const part = LABELLED_PART[entry.nodeType];
  if (entry.nodeType === NODE.note) {
    const widget = numberWidget(entry, numbering, null);
    decorations.push(Decoration.widget(pos + 1, widget.toDOM, widget.spec));
    return;
  }
  if (part !== undefined && node.firstChild?.type.name === part) {
    const { item } = entry;
    const section =
      item && (item.kind === 'chapter' || item.kind === 'clause' || item.kind === 'annex')
        ? { label: entry.label, depth: item.depth }
        : null;
    // What it shows (kind and label) also fixes the depth: a clause's depth is the number of parts of its label.
    const widget = numberWidget(entry, numbering, section);
    decorations.push(Decoration.widget(pos + 2, widget.toDOM, widget.spec));
  }
}

/** Node types that take an entry of `Numbering.sequence`, in document order. */
export function isLabelledType(name: string): boolean {
  return LABELLED_TYPES.has(name);
}

/**
 * The decoration of a cross-reference: its target's label (or the dangling text) as `data-label`.
 * Every numbering decoration has a `spec.shows` saying what it shows: two at the same place with
 * the same `shows` look the same (numberingDecorationUpdate.ts keeps the one there is).
 */
export function crossRefDecoration(node: PMNode, pos: number, numbering: Numbering): Decoration {
  const label = crossRefLabel(numbering, node.attrs.targetId);
  const dangling = label === DANGLING_REFERENCE_LABEL;
  return Decoration.node(
    pos,
    pos + node.nodeSize,
    { 'data-label': label, class: dangling ? 'gb-crossref-dangling' : 'gb-crossref-resolved' },
    { crossRefTarget: node.attrs.targetId, shows: `crossRef:${label}` },
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
      if (entry && entry.nodeType === name) decorateLabelled(child, childPos, entry, numbering, decorations);
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
export function decorateLabelledNode(
  node: PMNode,
  pos: number,
  entry: LabelledNode,
  numbering: Numbering,
  decorations: Decoration[],
): void {
  if (entry.nodeType === node.type.name) decorateLabelled(node, pos, entry, numbering, decorations);
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
