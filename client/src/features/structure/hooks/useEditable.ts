import { useCallback, useSyncExternalStore } from 'react';
import type { Editor } from '@tiptap/react';

/** Whether the editor is editable now (it changes when the caller's access changes). */
export function useEditable(editor: Editor): boolean {
  const subscribe = useCallback(
    (onChange: () => void) => {
      editor.on('update', onChange);
      editor.on('transaction', onChange);
      return () => {
        editor.off('update', onChange);
        editor.off('transaction', onChange);
      };
    },
    [editor],
  );
  return useSyncExternalStore(subscribe, () => !editor.isDestroyed && editor.isEditable);
}
