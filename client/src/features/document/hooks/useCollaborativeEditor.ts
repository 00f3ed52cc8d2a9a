import { useEffect } from 'react';
import { useEditor } from '@tiptap/react';
import type { Editor } from '@tiptap/react';
import { collaborativeExtensions } from '../../../../../shared/editor/extensions';
import type { PresenceUser } from '../../../../../shared/domain/user';
import type { CollaborationSession } from '../lib/CollaborationSession';

/**
 * The TipTap editor bound to the session's Y.Doc with the one shared extension list. Its
 * editability follows the caller's access (it can change while the document is open).
 */
export function useCollaborativeEditor(session: CollaborationSession, user: PresenceUser, editable: boolean, label: string): Editor {
  const editor = useEditor(
    {
      extensions: collaborativeExtensions({ document: session.doc, provider: session.provider, user }),
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
