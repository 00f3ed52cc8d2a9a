/**
 * `StructureNumbering`: recomputes the numbering when a change can affect it, shows it as
 * decorations (see numberingDecorations.ts) and exposes it as
 * `editor.storage.structureNumbering.numbering` for the outline, the contents and cross-reference
 * pickers: a new object after each structural change, the same object otherwise. Plain typing in a
 * paragraph (textOnlyChange.ts) keeps the numbering and maps the decorations through the change,
 * without walking the document. A structural change renumbers incrementally: sections met again in
 * the same state are not walked (numberingMemo.ts) and only their decorations that changed are
 * replaced (numberingDecorationUpdate.ts); the number widgets ProseMirror keeps through a
 * renumbering get their new numbers written in (numberWidgets.ts).
 */
import { Extension } from '@tiptap/core';
import { Plugin } from '@tiptap/pm/state';
import type { EditorState } from '@tiptap/pm/state';
import type { Node as PMNode } from '@tiptap/pm/model';
import { computeNumberingWith, emptyNumbering } from './numbering.js';
import type { Numbering, TreeAdapter } from './numbering.js';
import { numberingDecorations } from './numberingDecorations.js';
import { updateNumberingDecorations } from './numberingDecorationUpdate.js';
import { NumberingMemo } from './numberingMemo.js';
import { NumberWidgetSync } from './numberWidgets.js';
import { structureNumberingPluginKey } from './numberingPluginKey.js';
import type { NumberingPluginState } from './numberingPluginKey.js';
import { textOnlyChange } from './textOnlyChange.js';

export interface StructureNumberingStorage {
  numbering: Numbering;
}

declare module '@tiptap/core' {
  interface Storage {
    structureNumbering: StructureNumberingStorage;
  }
}

/** Reads ProseMirror nodes for `computeNumberingWith`. */
export const proseMirrorAdapter: TreeAdapter<PMNode> = {
  type: (node) => node.type.name,
  attr: (node, name) => node.attrs[name],
  children: (node) => node.content.content,
  text: (node) => (node.isText ? (node.text ?? '') : ''),
};

/** The numbering of a ProseMirror document. */
export function computeNumberingOfNode(doc: PMNode): Numbering {
  return computeNumberingWith(doc, proseMirrorAdapter);
}

export { structureNumberingPluginKey };

/** The numbering of an editor state that has the StructureNumbering plugin. */
export function getNumbering(state: EditorState): Numbering {
  return structureNumberingPluginKey.getState(state)?.numbering ?? computeNumberingOfNode(state.doc);
}

/** The plain ProseMirror plugin; `onChange` receives every new numbering. */
export function structureNumberingPlugin(onChange?: (numbering: Numbering) => void): Plugin<NumberingPluginState> {
  const memo = new NumberingMemo<PMNode>();
  const compute = (doc: PMNode, previous: NumberingPluginState | null): NumberingPluginState => {
    const numbering = computeNumberingWith(doc, proseMirrorAdapter, memo);
    onChange?.(numbering);
    const decorations =
      previous?.decorations &&
      updateNumberingDecorations(previous.decorations, previous.doc, doc, previous.numbering, numbering, memo.visited);
    return { doc, numbering, decorations: decorations || null };
  };
  return new Plugin<NumberingPluginState>({
    key: structureNumberingPluginKey,
    state: {
      init: (_config, state) => compute(state.doc, null),
      apply: (tr, value, _oldState, newState) => {
        if (!tr.docChanged) return value;
        const mapping = textOnlyChange(value.doc, newState.doc);
        if (!mapping) return compute(newState.doc, value);
        return {
          doc: newState.doc,
          numbering: value.numbering,
          decorations: value.decorations ? value.decorations.map(mapping, newState.doc) : null,
        };
      },
    },
    view(editorView) {
      const widgets = new NumberWidgetSync(editorView);
      return {
        update(view, previous) {
          const now = structureNumberingPluginKey.getState(view.state);
          if (now && now.numbering !== structureNumberingPluginKey.getState(previous)?.numbering) {
            widgets.sync(now.numbering);
          }
        },
      };
    },
    props: {
      decorations(state) {
        const value = structureNumberingPluginKey.getState(state);
        if (!value) return null;
        value.decorations ??= numberingDecorations(value.doc, value.numbering);
        return value.decorations;
      },
    },
  });
}

export const StructureNumbering = Extension.create<Record<string, never>, StructureNumberingStorage>({
  name: 'structureNumbering',

  addStorage() {
    return { numbering: emptyNumbering() };
  },

  addProseMirrorPlugins() {
    const storage = this.storage;
    return [
      structureNumberingPlugin((numbering) => {
        storage.numbering = numbering;
      }),
    ];
  },

  onTransaction({ transaction, appendedTransactions }) {
    // The committed state is authoritative (a plugin may compute states that are never committed).
    // TipTap 3 adds plugins only when the editor is mounted: a headless editor computes here.
    const value = structureNumberingPluginKey.getState(this.editor.state);
    if (value) this.storage.numbering = value.numbering;
    else if (transaction.docChanged || appendedTransactions.some((tr) => tr.docChanged)) {
      this.storage.numbering = computeNumberingOfNode(this.editor.state.doc);
    }
  },
});
