import { useEditorState } from '@tiptap/react';
import type { Editor } from '@tiptap/react';
import { NODE } from '@shared/editor/structure/names';
import { currentSectionKey } from '../lib/sectionKeys';

const SECTIONS = new Set<string>([NODE.chapter, NODE.clause, NODE.annex, NODE.foreword, NODE.bibliography]);

/**
 * The innermost chapter/clause/annex (or foreword, bibliography) around the caret, as
 * `sectionKey` of its outline entry gives it; `''` outside any. Typing keeps it.
 */
export function useCurrentSection(editor: Editor): string {
  return useEditorState({
    editor,
    selector: ({ editor: e }) => {
      const { $from } = e.state.selection;
      for (let depth = $from.depth; depth > 0; depth--) {
        const node = $from.node(depth);
        if (SECTIONS.has(node.type.name)) return currentSectionKey(node, $from.before(depth));
      }
      return '';
    },
  });
}
