import { useEditorState } from '@tiptap/react';
import type { Editor } from '@tiptap/react';
import { NODE } from '@shared/editor/structure/names';

const SECTIONS = new Set<string>([NODE.chapter, NODE.clause, NODE.annex, NODE.foreword, NODE.bibliography]);

/** Position of the innermost chapter/clause/annex (or foreword, bibliography) around the caret; -1 outside. */
export function useCurrentSectionPos(editor: Editor): number {
  return useEditorState({
    editor,
    selector: ({ editor: e }) => {
      const { $from } = e.state.selection;
      for (let depth = $from.depth; depth > 0; depth--) {
        if (SECTIONS.has($from.node(depth).type.name)) return $from.before(depth);
      }
      return -1;
    },
  });
}
