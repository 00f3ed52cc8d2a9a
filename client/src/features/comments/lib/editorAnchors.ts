/**
 * Anchors in the browser editor: the Y↔ProseMirror binding of the collaboration extension turns a
 * selection into Yjs relative positions (stored by the server beside the thread) and resolves them
 * back to positions of the current text. Plugin keys come from `@tiptap/y-tiptap`, the package the
 * collaboration extension runs on (never `y-prosemirror`: two keys, failed lookups).
 */
import { ySyncPluginKey } from '@tiptap/y-tiptap';
import type { EditorState } from '@tiptap/pm/state';
import type { Editor } from '@tiptap/react';
import type * as Y from 'yjs';
import type { CreateThreadBody } from '@shared/validation/comments';
import { clauseIdAt, createAnchor, quoteOf, resolveAnchor } from '@shared/comments/anchors';
import type { AnchorContext, AnchorRange, ProsemirrorMapping } from '@shared/comments/anchors';

interface BindingLike {
  type: Y.XmlFragment;
  doc: Y.Doc;
  mapping: ProsemirrorMapping;
  prosemirrorView: unknown;
}

function isBinding(value: unknown): value is BindingLike {
  return (
    typeof value === 'object' &&
    value !== null &&
    'type' in value &&
    'doc' in value &&
    'mapping' in value &&
    value.mapping instanceof Map
  );
}

/** The anchor context of an editor state, or null while the collaboration binding is not ready. */
export function anchorContext(state: EditorState): AnchorContext | null {
  const syncState: unknown = ySyncPluginKey.getState(state);
  if (typeof syncState !== 'object' || syncState === null || !('binding' in syncState)) return null;
  const binding = syncState.binding;
  if (!isBinding(binding) || !binding.prosemirrorView) return null;
  return { ydoc: binding.doc, fragment: binding.type, mapping: binding.mapping, doc: state.doc };
}

export type NewThreadAnchor = Pick<CreateThreadBody, 'anchorStart' | 'anchorEnd' | 'quote' | 'clauseId'>;

/** The anchor of the editor's current selection, or null if it is empty (or only spans non-text). */
export function selectionAnchor(editor: Editor): NewThreadAnchor | null {
  const { state } = editor;
  const { from, to, empty } = state.selection;
  if (empty) return null;
  const quote = quoteOf(state.doc, from, to).trim();
  if (quote.length === 0) return null;
  const context = anchorContext(state);
  if (!context) return null;
  return { ...createAnchor(context, from, to), quote, clauseId: clauseIdAt(state.doc.resolve(from)) };
}

export function resolveThreadAnchor(
  context: AnchorContext,
  anchorStart: string,
  anchorEnd: string,
): AnchorRange | null {
  return resolveAnchor(context, anchorStart, anchorEnd);
}
