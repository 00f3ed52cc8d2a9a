/**
 * Decorations that show the computed numbering in the editor (no NodeViews needed):
 * - a widget `<span class="gb-number gb-number-<kind>" data-label="5.1">5.1</span>` at the start of
 *   each chapter/clause title, table/figure caption (表1, 图A.1), term (3.1) and note (注1：);
 * - for an annex title `<span class="gb-number gb-number-annex" data-label="附录A"
 *   data-annex-type="normative"><span class="gb-annex-label">附录A</span><span
 *   class="gb-annex-type">（规范性）</span></span>`;
 * - node attributes on chapters/clauses/annexes: `data-label`, `data-depth`;
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

function decorateLabelled(node: PMNode, pos: number, entry: LabelledNode, decorations: Decoration[]): void {
  const part = LABELLED_PART[entry.nodeType];
  if (entry.nodeType === NODE.note) {
    decorations.push(
      Decoration.widget(pos + 1, numberWidget(entry), { side: -1, key: widgetKey(entry), ignoreSelection: true }),
    );
    return;
  }
  if (part !== undefined && node.firstChild?.type.name === part) {
    decorations.push(
      Decoration.widget(pos + 2, numberWidget(entry), { side: -1, key: widgetKey(entry), ignoreSelection: true }),
    );
  }
  if (entry.item && (entry.item.kind === 'chapter' || entry.item.kind === 'clause' || entry.item.kind === 'annex')) {
    decorations.push(
      Decoration.node(pos, pos + node.nodeSize, { 'data-label': entry.label, 'data-depth': String(entry.item.depth) }),
    );
  }
}

/** The decorations of `doc` for its numbering (computed from the same doc). */
export function numberingDecorations(doc: PMNode, numbering: Numbering): DecorationSet {
  const decorations: Decoration[] = [];
  let next = 0;
  doc.descendants((node, pos) => {
    const name = node.type.name;
    if (LABELLED_TYPES.has(name)) {
      const entry = numbering.sequence[next++];
      if (entry && entry.nodeType === name) decorateLabelled(node, pos, entry, decorations);
    } else if (name === NODE.crossRef) {
      const label = crossRefLabel(numbering, node.attrs.targetId);
      const dangling = label === DANGLING_REFERENCE_LABEL;
      decorations.push(
        Decoration.node(pos, pos + node.nodeSize, {
          'data-label': label,
          class: dangling ? 'gb-crossref-dangling' : 'gb-crossref-resolved',
        }),
      );
    }
    return true;
  });
  return DecorationSet.create(doc, decorations);
}
