/**
 * The number widgets of the editor (`<span class="gb-number …" data-label="5.1">5.1</span>`) and
 * how a renumbering reaches them without redrawing.
 *
 * The widget of a node with an id (held by no earlier node) belongs to that node: its decoration
 * says which node (`owner`), not which number, and its element reads the number from the numbering
 * of the view's state when it is drawn. Inserting a clause that renumbers the thousand clauses
 * after it then changes none of their decorations: ProseMirror keeps their elements (and does not
 * redraw the sections holding them), and `NumberWidgetSync`, the numbering plugin's view, writes
 * the new numbers into those elements and into their sections' `data-label` / `data-depth`.
 * Replacing and redrawing them instead cost ~200 ms on a standard of 2,000 clauses. A node without
 * an id, or whose id an earlier node holds, and notes get a widget that carries its number (it is
 * replaced when the number changes).
 *
 * Widgets are built from the view's own document: nothing here touches the DOM on the server.
 */
import type { DecorationSource, EditorView } from '@tiptap/pm/view';
import { ANNEX_TYPE_LABELS, NODE } from './names.js';
import { structureNumberingPluginKey } from './numberingPluginKey.js';
import type { LabelledNode, NumberedItem, Numbering } from './numberingTypes.js';

export const NUMBER_CLASS = 'gb-number';

const KIND_CLASS: Record<string, string> = {
  [NODE.chapter]: 'chapter',
  [NODE.clause]: 'clause',
  [NODE.annex]: 'annex',
  [NODE.termEntry]: 'term',
  [NODE.tableBlock]: 'table',
  [NODE.figureBlock]: 'figure',
  [NODE.note]: 'note',
};

const SECTION_TYPES = new Set<string>([NODE.chapter, NODE.clause, NODE.annex]);

/** The spec of a number widget decoration. */
export interface NumberWidgetSpec {
  side: number;
  ignoreSelection: true;
  /** ProseMirror's identity of the widget: the owner, or what it shows. */
  key: string;
  /** What it shows, as far as the decoration decides it: two widgets with the same `shows` look the same. */
  shows: string;
  /** The id of the node it belongs to; null when it carries its number itself. */
  ownerId: string | null;
  /** A section's number and level, when the widget carries its number and heads a section's title. */
  sectionLabel?: string;
  sectionDepth?: number;
  destroy?: (dom: Node) => void;
}

function shownText(entry: LabelledNode): string {
  return `${entry.nodeType}:${entry.label}:${entry.item?.annexType ?? ''}`;
}

interface KeptWidget {
  dom: HTMLElement;
  /** The entry last written into it (the numbering keeps entries of unchanged sections). */
  entry: LabelledNode;
  text: string;
  /**
   * The section whose title holds it, once looked up: a widget element stays in the section it was
   * drawn in (a redrawn section draws new widgets).
   */
  section?: Element;
}

/**
 * The owned widgets of each view, by owner id. It lives as long as the view, not as long as a
 * plugin view: registering a plugin (a bubble menu mounting, a panel) makes ProseMirror destroy and
 * recreate every plugin view, while the widget elements it keeps stay in the page and must still be
 * found by the next `NumberWidgetSync`. Each widget leaves the map when it is destroyed.
 */
const widgetsByView = new WeakMap<EditorView, Map<string, KeptWidget>>();
/** The map each owned widget element was registered in. */
const registryOfElement = new WeakMap<Node, Map<string, KeptWidget>>();

function widgetsOf(view: EditorView): Map<string, KeptWidget> {
  let widgets = widgetsByView.get(view);
  if (!widgets) {
    widgets = new Map();
    widgetsByView.set(view, widgets);
  }
  return widgets;
}

/** The node's item in the numbering of the view's current state. */
function liveItem(view: EditorView, ownerId: string): NumberedItem | undefined {
  return structureNumberingPluginKey.getState(view.state)?.numbering.byId[ownerId];
}

/** Writes what `entry` shows into a widget element (new or kept). */
function show(span: HTMLElement, entry: LabelledNode): void {
  if (span.getAttribute('data-label') !== entry.label) span.setAttribute('data-label', entry.label);
  const annexType = entry.item?.annexType;
  if (entry.nodeType === NODE.annex && annexType) {
    const doc = span.ownerDocument;
    span.setAttribute('data-annex-type', annexType);
    const label = doc.createElement('span');
    label.className = 'gb-annex-label';
    label.textContent = entry.label;
    const type = doc.createElement('span');
    type.className = 'gb-annex-type';
    type.textContent = ANNEX_TYPE_LABELS[annexType];
    span.replaceChildren(label, type);
  } else if (span.firstChild !== null && span.firstChild === span.lastChild && span.firstChild.nodeType === 3) {
    // A kept widget: its text node changes (cheaper for the page than a new one).
    if (span.firstChild.nodeValue !== entry.label) span.firstChild.nodeValue = entry.label;
  } else {
    span.textContent = entry.label;
  }
}

/** The owner id of `entry`'s widget: its node's id when the numbering names that node by it. */
function ownerOf(entry: LabelledNode, numbering: Numbering): string | null {
  const item = entry.item;
  if (!item || item.id === '' || numbering.byId[item.id] !== item) return null;
  return item.id;
}

/** The widget decoration of `entry` (a labelled node of `numbering`): its `toDOM` and spec. */
export function numberWidget(
  entry: LabelledNode,
  numbering: Numbering,
  section: { label: string; depth: number } | null,
): { toDOM: (view: EditorView) => HTMLElement; spec: NumberWidgetSpec } {
  const ownerId = ownerOf(entry, numbering);
  const base = { side: -1, ignoreSelection: true as const };
  if (ownerId === null) {
    const text = shownText(entry);
    return {
      toDOM: (view) => createWidget(view, entry),
      spec: {
        ...base,
        key: text,
        shows: text,
        ownerId,
        ...(section ? { sectionLabel: section.label, sectionDepth: section.depth } : {}),
      },
    };
  }
  const owner = `${entry.nodeType}#${ownerId}`;
  return {
    toDOM: (view) => {
      const item = liveItem(view, ownerId);
      const live = item && item.kind === entry.item?.kind ? { ...entry, label: item.label, item } : entry;
      const span = createWidget(view, live);
      const widgets = widgetsOf(view);
      widgets.set(ownerId, { dom: span, entry: live, text: shownText(live) });
      registryOfElement.set(span, widgets);
      return span;
    },
    spec: {
      ...base,
      key: owner,
      shows: owner,
      ownerId,
      destroy: (dom) => {
        const widgets = registryOfElement.get(dom);
        if (widgets?.get(ownerId)?.dom === dom) widgets.delete(ownerId);
      },
    },
  };
}

function createWidget(view: EditorView, entry: LabelledNode): HTMLElement {
  const span = view.dom.ownerDocument.createElement('span');
  span.className = `${NUMBER_CLASS} ${NUMBER_CLASS}-${KIND_CLASS[entry.nodeType] ?? 'other'}`;
  span.contentEditable = 'false';
  show(span, entry);
  return span;
}

function isNumberWidgetSpec(spec: unknown): spec is NumberWidgetSpec {
  return typeof spec === 'object' && spec !== null && typeof Reflect.get(spec, 'shows') === 'string';
}

/**
 * A section's number and level for its node view, from the number widget at the start of its
 * title in `inner` (the section's inner decorations), read live for an owned widget.
 */
export function sectionLabelOf(view: EditorView, inner: DecorationSource): { label: string; depth: number } | null {
  let found: { label: string; depth: number } | null = null;
  inner.forEachSet((set) => {
    for (const decoration of set.find(0, 2)) {
      const spec: unknown = decoration.spec;
      if (!isNumberWidgetSpec(spec)) continue;
      if (spec.sectionLabel !== undefined && spec.sectionDepth !== undefined) {
        found = { label: spec.sectionLabel, depth: spec.sectionDepth };
      } else if (spec.ownerId !== null) {
        const item = liveItem(view, spec.ownerId);
        if (item && (item.kind === 'chapter' || item.kind === 'clause' || item.kind === 'annex')) {
          found = { label: item.label, depth: item.depth };
        }
      }
    }
  });
  return found;
}

/** ProseMirror's DOM observer (internal to prosemirror-view, `view.domObserver`), as far as used here. */
interface PausableObserver {
  stop(): void;
  start(): void;
}

function isPausableObserver(value: unknown): value is PausableObserver {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof Reflect.get(value, 'stop') === 'function' &&
    typeof Reflect.get(value, 'start') === 'function'
  );
}

/**
 * Runs `write` with the view's DOM observer paused, as ProseMirror does around its own DOM updates:
 * otherwise each attribute and text written into a kept widget becomes a mutation record that the
 * observer queues and ProseMirror then inspects and ignores (a renumbering of 1,000 clauses: ~7 ms).
 * Without that observer (another prosemirror-view), the writes are observed, as before.
 */
function withoutObserver(view: EditorView, write: () => void): void {
  const observer: unknown = Reflect.get(view, 'domObserver');
  if (!isPausableObserver(observer)) {
    write();
    return;
  }
  observer.stop();
  try {
    write();
  } finally {
    observer.start();
  }
}

/**
 * The numbering plugin's view: after a renumbering, writes the new numbers into the owned widgets
 * ProseMirror kept, and into the sections they head.
 */
export class NumberWidgetSync {
  constructor(private readonly view: EditorView) {}

  sync(numbering: Numbering): void {
    const widgets = widgetsByView.get(this.view);
    if (!widgets || widgets.size === 0) return;
    const changed: { widget: KeptWidget; entry: LabelledNode }[] = [];
    for (const entry of numbering.sequence) {
      const id = entry.item?.id;
      if (!id) continue;
      const widget = widgets.get(id);
      if (!widget || widget.entry === entry || numbering.byId[id] !== entry.item) continue;
      widget.entry = entry;
      const text = shownText(entry);
      if (widget.text === text) continue;
      widget.text = text;
      changed.push({ widget, entry });
    }
    if (changed.length === 0) return;
    withoutObserver(this.view, () => {
      for (const { widget, entry } of changed) {
        show(widget.dom, entry);
        if (!SECTION_TYPES.has(entry.nodeType) || !entry.item) continue;
        widget.section ??= widget.dom.closest('section') ?? undefined;
        const section = widget.section;
        if (!section) continue;
        if (section.getAttribute('data-label') !== entry.label) section.setAttribute('data-label', entry.label);
        const depth = String(entry.item.depth);
        if (section.getAttribute('data-depth') !== depth) section.setAttribute('data-depth', depth);
      }
    });
  }
}
