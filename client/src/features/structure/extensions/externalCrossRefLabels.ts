/**
 * Cross-document references: in the drafting explanation and the application report, a `crossRef`
 * may point at a node of the standard text (e.g. the comparison table citing requirement clauses).
 * The shared numbering only knows the document's own nodes and marks those references dangling;
 * this client-only plugin gives them the standard's current label as `data-external-label` and the
 * class `gb-crossref-external` (the CSS shows that label instead and drops the dangling style).
 */
import { Extension } from '@tiptap/core';
import type { Editor } from '@tiptap/core';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import type { Node as PMNode } from '@tiptap/pm/model';
import { NODE } from '../../../../../shared/editor/structure/names';
import { getNumbering } from '../../../../../shared/editor/structure/structureNumbering';

/** Target id → label in the other document. */
export type ExternalLabels = Readonly<Record<string, string>>;

interface PluginState {
  labels: ExternalLabels;
  decorations: DecorationSet;
}

export const externalCrossRefLabelsKey = new PluginKey<PluginState>('externalCrossRefLabels');

function build(doc: PMNode, labels: ExternalLabels, ownIds: Readonly<Record<string, unknown>>): DecorationSet {
  if (Object.keys(labels).length === 0) return DecorationSet.empty;
  const decorations: Decoration[] = [];
  doc.descendants((node, pos) => {
    if (node.type.name !== NODE.crossRef) return true;
    const target: unknown = node.attrs.targetId;
    if (typeof target === 'string' && !(target in ownIds)) {
      const label = labels[target];
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

function sameLabels(a: ExternalLabels, b: ExternalLabels): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((key) => a[key] === b[key]);
}

export const ExternalCrossRefLabels = Extension.create({
  name: 'externalCrossRefLabels',

  addProseMirrorPlugins() {
    return [
      new Plugin<PluginState>({
        key: externalCrossRefLabelsKey,
        state: {
          init: () => ({ labels: {}, decorations: DecorationSet.empty }),
          apply(tr, value, _old, newState) {
            const labels = tr.getMeta(externalCrossRefLabelsKey) as ExternalLabels | undefined;
            if (labels !== undefined) {
              return { labels, decorations: build(newState.doc, labels, getNumbering(newState).byId) };
            }
            if (!tr.docChanged || Object.keys(value.labels).length === 0) return value;
            return { labels: value.labels, decorations: build(newState.doc, value.labels, getNumbering(newState).byId) };
          },
        },
        props: {
          decorations: (state) => externalCrossRefLabelsKey.getState(state)?.decorations ?? null,
        },
      }),
    ];
  },
});

/** Feeds the labels of another document's nodes (replacing the previous ones). */
export function setExternalLabels(editor: Editor, labels: ExternalLabels): void {
  if (editor.isDestroyed) return;
  const current = externalCrossRefLabelsKey.getState(editor.state)?.labels;
  if (current && sameLabels(current, labels)) return;
  editor.view.dispatch(editor.state.tr.setMeta(externalCrossRefLabelsKey, labels).setMeta('addToHistory', false));
}
