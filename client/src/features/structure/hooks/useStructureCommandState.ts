import type { Editor } from '@tiptap/react';
import { NODE, isAnnexType, isChapterRole, isListStyle } from '@shared/editor/structure/names';
import type { AnnexType, ChapterRole, ListStyle } from '@shared/editor/structure/names';
import { useDeferredEditorState } from './useDeferredEditorState';

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
  /** Delete the clause (else chapter, annex) around the caret with its content. */
  deleteSection: boolean;
  /** The caret is in chapter 2 and its references are out of the GB/T 1.1 order. */
  sortReferences: boolean;
  /** The role of the chapter the caret is directly in (its title or text, not a clause), else null. */
  chapterRole: ChapterRole | null;
  /** Normative/informative of the annex the caret is directly in, else null. */
  annexType: AnnexType | null;
  /** The caret is in chapter 2 (规范性引用文件), at any depth. */
  inReferences: boolean;
}

/** The chapter or annex the caret is directly in (not inside one of its clauses). */
function sectionsAtCaret(editor: Editor): { chapterRole: ChapterRole | null; annexType: AnnexType | null } {
  const { $from } = editor.state.selection;
  for (let depth = $from.depth; depth > 0; depth--) {
    const node = $from.node(depth);
    if (node.type.name === NODE.clause) break;
    if (node.type.name === NODE.chapter) {
      const role: unknown = node.attrs.role;
      return { chapterRole: isChapterRole(role) ? role : 'other', annexType: null };
    }
    if (node.type.name === NODE.annex) {
      const type: unknown = node.attrs.normative;
      return { chapterRole: null, annexType: isAnnexType(type) ? type : 'normative' };
    }
  }
  return { chapterRole: null, annexType: null };
}

function currentListStyle(editor: Editor): ListStyle | null {
  if (editor.isActive('orderedList')) {
    const style: unknown = editor.getAttributes('orderedList').listStyle;
    return isListStyle(style) ? style : 'letter';
  }
  return editor.isActive('bulletList') ? 'dash' : null;
}

function isInReferencesChapter(editor: Editor): boolean {
  const { $from } = editor.state.selection;
  for (let depth = $from.depth; depth > 0; depth--) {
    const node = $from.node(depth);
    if (node.type.name === NODE.chapter) return node.attrs.role === 'normative-references';
  }
  return false;
}

/** Which structure commands apply at the caret now. */
function commandState(e: Editor): StructureCommandState {
  const can = e.can();
  const sections = sectionsAtCaret(e);
  const inReferences = isInReferencesChapter(e);
  return {
    ...sections,
    deleteSection: can.deleteSection(),
    inReferences,
    sortReferences: inReferences && can.sortReferences(),
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
}

function sameState(a: StructureCommandState, b: StructureCommandState): boolean {
  const keys = Object.keys(a) as (keyof StructureCommandState)[];
  return keys.every((key) => a[key] === b[key]);
}

/**
 * What the command states depend on: the structure (the numbering object is replaced on every
 * change that is not plain text inside one paragraph) and where the selection is — its kind, the
 * blocks it starts and ends in, whether it is empty and whether its block is (an empty paragraph is
 * replaced by an inserted block). Typing inside a paragraph keeps all of these.
 */
function commandContext(e: Editor): readonly unknown[] {
  const { selection } = e.state;
  const { $from, $to } = selection;
  return [
    e.storage.structureNumbering.numbering,
    selection.constructor,
    $from.start(),
    $to.start(),
    selection.empty,
    $from.parent.content.size === 0,
  ];
}

/**
 * Which structure commands apply at the caret: evaluated after the frame is painted, at most once
 * per frame, not at all while the context is unchanged (typing in a paragraph), and a new object
 * only when something changed.
 */
export function useStructureCommandState(editor: Editor): StructureCommandState {
  return useDeferredEditorState(editor, { compute: commandState, equal: sameState, context: commandContext });
}
