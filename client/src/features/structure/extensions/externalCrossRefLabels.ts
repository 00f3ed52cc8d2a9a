/**
 * Cross-document references: in the drafting explanation and the application report, a `crossRef`
 * may point at a node of the standard text (e.g. the comparison table citing requirement clauses),
 * and an `indicatorRef` at one value of the standard's tables (the comparison table's "本标准"
 * column). The shared numbering only knows the document's own nodes and marks those references
 * dangling; this client-only plugin gives
 * - a `crossRef` the standard's current label as `data-external-label` and the class
 *   `gb-crossref-external` (the CSS shows that label instead and drops the dangling style);
 * - an `indicatorRef` the cell's current text as `data-value` and where it is as `title`, or the
 *   class `gb-indicator-ref--dangling` when the cell is gone.
 */
import { Extension } from '@tiptap/core';
import type { Editor } from '@tiptap/core';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import type { Node as PMNode } from '@tiptap/pm/model';
import { NODE } from '@shared/editor/structure/names';
import { getNumbering } from '@shared/editor/structure/structureNumbering';
import { textblockChange } from '@shared/editor/structure/textOnlyChange';
import type { IndicatorValue } from '@shared/editor/structure/tableCells';

/** What the editor knows of the standard text. */
export interface ExternalLabels {
  /** Target id → label in the other document. */
  labels: Readonly<Record<string, string>>;
  /** Table cell id → its current value. */
  values: Readonly<Record<string, IndicatorValue>>;
  /** What an indicator link whose cell is gone shows (in the UI language). */
  missingText: string;
}

interface PluginState {
  external: ExternalLabels | null;
  decorations: DecorationSet;
}

export const externalCrossRefLabelsKey = new PluginKey<PluginState>('externalCrossRefLabels');

function indicatorAttributes(target: unknown, external: ExternalLabels): Record<string, string> {
  const value = typeof target === 'string' ? external.values[target] : undefined;
  if (!value) return { class: 'gb-indicator-ref--dangling', 'data-value': external.missingText };
  return { class: 'gb-indicator-ref--resolved', 'data-value': value.text, title: value.place };
}

function build(doc: PMNode, external: ExternalLabels, ownIds: Readonly<Record<string, unknown>>): DecorationSet {
  const decorations: Decoration[] = [];
  doc.descendants((node, pos) => {
    const target: unknown = node.attrs.targetId;
    if (node.type.name === NODE.indicatorRef) {
      decorations.push(Decoration.node(pos, pos + node.nodeSize, indicatorAttributes(target, external)));
      return false;
    }
    if (node.type.name !== NODE.crossRef) return true;
    if (typeof target === 'string' && !(target in ownIds)) {
      const label = external.labels[target];
      if (label !== undefined) {
        decorations.push(
          Decoration.node(pos, pos + node.nodeSize, { class: 'gb-crossref-external', 'data-external-label': label }),
        );
      }
    }
    return false;
  });
  return DecorationSet.create(doc, decorations);
}

function sameRecord<T>(
  a: Readonly<Record<string, T>>,
  b: Readonly<Record<string, T>>,
  same: (x: T, y: T) => boolean,
): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((key) => key in b && same(a[key] as T, b[key] as T));
}

function sameExternal(a: ExternalLabels, b: ExternalLabels): boolean {
  return (
    a.missingText === b.missingText &&
    sameRecord(a.labels, b.labels, (x, y) => x === y) &&
    sameRecord(a.values, b.values, (x, y) => x.text === y.text && x.place === y.place)
  );
}

export const ExternalCrossRefLabels = Extension.create({
  name: 'externalCrossRefLabels',

  addProseMirrorPlugins() {
    return [
      new Plugin<PluginState>({
        key: externalCrossRefLabelsKey,
        state: {
          init: () => ({ external: null, decorations: DecorationSet.empty }),
          apply(tr, value, old, newState) {
            const external = tr.getMeta(externalCrossRefLabelsKey) as ExternalLabels | undefined;
            if (external !== undefined) {
              return { external, decorations: build(newState.doc, external, getNumbering(newState).byId) };
            }
            if (!tr.docChanged || value.external === null) return value;
            if (getNumbering(old) === getNumbering(newState)) {
              // Same ids: only a change that adds or removes a reference changes the decorations.
              const change = textblockChange(old.doc, newState.doc);
              if (change && !change.inlineTypes.has(NODE.crossRef) && !change.inlineTypes.has(NODE.indicatorRef)) {
                return { external: value.external, decorations: value.decorations.map(change.mapping, newState.doc) };
              }
            }
            return {
              external: value.external,
              decorations: build(newState.doc, value.external, getNumbering(newState).byId),
            };
          },
        },
        props: {
          decorations: (state) => externalCrossRefLabelsKey.getState(state)?.decorations ?? null,
        },
      }),
    ];
  },
});

/** Feeds the labels and values of the standard text's nodes (replacing the previous ones). */
export function setExternalLabels(editor: Editor, external: ExternalLabels): void {
  if (editor.isDestroyed) return;
  const current = externalCrossRefLabelsKey.getState(editor.state)?.external;
  if (current && sameExternal(current, external)) return;
  editor.view.dispatch(editor.state.tr.setMeta(externalCrossRefLabelsKey, external).setMeta('addToHistory', false));
}
