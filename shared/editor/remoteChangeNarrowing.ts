/**
 * `RemoteChangeNarrowing`: a co-author's change arrives from the Yjs binding as one step replacing
 * the whole document, with the nodes of the changed Y types rebuilt from the Y.Doc (upstream
 * y-tiptap rebuilds all of them on every remote change; the client's build keeps the others,
 * scripts/vite/yTiptapMappedIdentity.ts). This extension dispatches instead a transaction that
 * replaces only the range that differs, with every unchanged subtree kept as the same node
 * (shareUnchanged.ts), and points the binding's Y-type → node mapping at the kept nodes. The resulting document is equal to the one the
 * binding built; the view, the plugins and decorations mapped through the change then work in
 * proportion to the change instead of to the document's size.
 */
import { Extension } from '@tiptap/core';
import { ySyncPluginKey } from '@tiptap/y-tiptap';
import { Selection } from '@tiptap/pm/state';
import type { EditorState, Transaction } from '@tiptap/pm/state';
import { ReplaceStep } from '@tiptap/pm/transform';
import { Node as PMNode } from '@tiptap/pm/model';
import { shareUnchanged } from './shareUnchanged.js';
import { changedRange } from './structure/textOnlyChange.js';
import { isRemoteChange } from './remoteChange.js';

/** The binding's map from Y types to the nodes built for them (y-tiptap's `ProsemirrorMapping`). */
type BindingMapping = Map<unknown, unknown>;

function isRemoteWholeReplacement(tr: Transaction, before: PMNode): boolean {
  if (!isRemoteChange(tr)) return false;
  const [step] = tr.steps;
  return tr.steps.length === 1 && step instanceof ReplaceStep && step.from === 0 && step.to === before.content.size;
}

function bindingMapping(state: EditorState): BindingMapping | null {
  const sync: unknown = ySyncPluginKey.getState(state);
  if (typeof sync !== 'object' || sync === null || !('binding' in sync)) return null;
  const binding: unknown = sync.binding;
  if (typeof binding !== 'object' || binding === null || !('mapping' in binding)) return null;
  return binding.mapping instanceof Map ? binding.mapping : null;
}

/** Points the binding's entries at the kept nodes (a Y.XmlText maps to an array of text nodes). */
function remap(mapping: BindingMapping, replaced: Map<PMNode, PMNode>): void {
  if (replaced.size === 0) return;
  for (const [type, value] of mapping) {
    if (Array.isArray(value)) {
      if (value.some((node) => replaced.has(node)))
        mapping.set(
          type,
          value.map((node) => replaced.get(node) ?? node),
        );
    } else {
      const kept = value instanceof PMNode ? replaced.get(value) : undefined;
      if (kept) mapping.set(type, kept);
    }
  }
}

/**
 * The narrow equivalent of `tr` (a remote whole-document replacement) on `state`, or null when it
 * cannot be built (then `tr` is dispatched as it is). `replaced` receives the rebuilt nodes that
 * were replaced by the kept ones.
 */
export function narrowRemoteChange(
  state: EditorState,
  tr: Transaction,
  replaced: Map<PMNode, PMNode> = new Map(),
): Transaction | null {
  const before = state.doc;
  if (tr.before !== before || !isRemoteWholeReplacement(tr, before)) return null;
  const shared = shareUnchanged(before, tr.doc);
  const range = changedRange(before, shared.doc);
  const narrow = state.tr;
  if (range) {
    const step = new ReplaceStep(range.start, range.endBefore, shared.doc.slice(range.start, range.endAfter));
    if (narrow.maybeStep(step).failed || !narrow.doc.eq(shared.doc)) return null;
  }
  for (const [node, kept] of shared.replaced) replaced.set(node, kept);
  narrow.setMeta(ySyncPluginKey, tr.getMeta(ySyncPluginKey));
  const addToHistory: unknown = tr.getMeta('addToHistory');
  if (addToHistory !== undefined) narrow.setMeta('addToHistory', addToHistory);
  if (tr.selectionSet) narrow.setSelection(Selection.fromJSON(narrow.doc, tr.selection.toJSON()));
  if (tr.scrolledIntoView) narrow.scrollIntoView();
  narrow.setTime(tr.time);
  return narrow;
}

export const RemoteChangeNarrowing = Extension.create({
  name: 'remoteChangeNarrowing',

  dispatchTransaction({ transaction, next }) {
    const replaced = new Map<PMNode, PMNode>();
    const narrow = narrowRemoteChange(this.editor.state, transaction, replaced);
    if (!narrow) {
      next(transaction);
      return;
    }
    const mapping = bindingMapping(this.editor.state);
    if (mapping) remap(mapping, replaced);
    next(narrow);
  },
});
