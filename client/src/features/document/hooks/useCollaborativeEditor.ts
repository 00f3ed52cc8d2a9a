import { useEffect } from 'react';
import { useEditor } from '@tiptap/react';
import type { Editor } from '@tiptap/react';
import type { AnyExtension } from '@tiptap/core';
import { collaborativeExtensions } from '@shared/editor/extensions';
import type { PresenceUser } from '@shared/domain/user';
import type { CollaborationSession } from '../lib/CollaborationSession';
import { withStructureNodeViews, structureClientExtensions } from '../../structure';
import { OutsideReactSelection } from '../extensions/outsideReactSelection';

/**
 * The TipTap editor bound to the session's Y.Doc with the one shared extension list. Its
 * editability follows the caller's access (it can change while the document is open).
 */
export function useCollaborativeEditor(
  session: CollaborationSession,
  user: PresenceUser,
  editable: boolean,
  label: string,
  /** Browser-only extensions (e.g. comment highlights), never part of the shared document schema. */
  clientExtensions: AnyExtension[] = [],
): Editor {
  const editor = useEditor(
    {
      // The shared list with the browser's node views (cover, contents, credits, figures) attached,
      // plus client-only decorations (cross-document labels, jump highlight) and the caller's own.
      extensions: withStructureNodeViews([
        ...collaborativeExtensions({ document: session.doc, provider: session.provider, user }),
        ...structureClientExtensions(),
        OutsideReactSelection,
        ...clientExtensions,
      ]),
      editable,
      editorProps: {
        attributes: {
          class: 'standard-page__content',
          spellcheck: 'false',
          lang: 'zh-CN',
          'aria-label': label,
        },
      },
    },
    [session],
  );

  useEffect(() => {
    if (editor.isEditable !== editable) editor.setEditable(editable);
  }, [editor, editable]);

  return editor;
}
