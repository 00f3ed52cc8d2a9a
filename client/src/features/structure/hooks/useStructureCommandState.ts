import { useEditorState } from '@tiptap/react';
import type { Editor } from '@tiptap/react';
import { isListStyle } from '../../../../../shared/editor/structure/names';
import type { ListStyle } from '../../../../../shared/editor/structure/names';

export interface StructureCommandState {
  clause: boolean;
  subclause: boolean;
  moveUp: boolean;
  moveDown: boolean;
  promote: boolean;
  demote: boolean;
  crossRef: boolean;
  term: boolean;
  reference: boolean;
  table: boolean;
  figure: boolean;
  note: boolean;
  listStyle: ListStyle | null;
}

function currentListStyle(editor: Editor): ListStyle | null {
  if (editor.isActive('orderedList')) {
    const style: unknown = editor.getAttributes('orderedList').listStyle;
    return isListStyle(style) ? style : 'letter';
  }
  return editor.isActive('bulletList') ? 'dash' : null;
}

/** Which structure commands apply at the caret, re-evaluated on every transaction. */
export function useStructureCommandState(editor: Editor): StructureCommandState {
  return useEditorState({
    editor,
    selector: ({ editor: e }): StructureCommandState => {
      const can = e.can();
      return {
        clause: can.insertClauseAfter(),
        subclause: can.insertSubclause(),
        moveUp: can.moveSectionUp(),
        moveDown: can.moveSectionDown(),
        promote: can.promoteClause(),
        demote: can.demoteClause(),
        crossRef: can.insertCrossRef('target'),
        term: can.insertTermEntry(),
        reference: can.insertReferenceEntry(),
        table: can.insertTableBlock(),
        figure: can.insertFigureBlock(),
        note: can.insertNote(),
        listStyle: currentListStyle(e),
      };
    },
  });
}
