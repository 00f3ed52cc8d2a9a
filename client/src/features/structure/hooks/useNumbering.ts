import { useEditorState } from '@tiptap/react';
import type { Editor } from '@tiptap/react';
import type { Numbering } from '@shared/editor/structure/numberingTypes';

/**
 * The editor's live numbering (`editor.storage.structureNumbering.numbering`): a new object only
 * when the document changed, so components re-render only then.
 */
export function useNumbering(editor: Editor): Numbering {
  return useEditorState({
    editor,
    selector: ({ editor: e }) => e.storage.structureNumbering.numbering,
    equalityFn: (a, b) => a === b,
  });
}
