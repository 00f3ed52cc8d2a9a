/**
 * `clause`: numbered 5.1, 5.1.1 … (A.1 … in an annex), at most five levels below the chapter.
 * Carries the hierarchy commands; Tab / Shift-Tab in a clause title demote / promote it; Backspace
 * in an empty section title deletes the section.
 */
import { Node, mergeAttributes } from '@tiptap/core';
import { NODE } from './names.js';
import { dataTypeRule, idAttribute } from './attributes.js';
import {
  deleteEmptySection,
  demoteClause,
  insertClauseAfter,
  insertSubclause,
  moveSection,
  promoteClause,
} from './commands/sectionCommands.js';
import { deleteSection } from './commands/sectionEditCommands.js';

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    clause: {
      /** A sibling after the clause/chapter/annex around the cursor, cursor in its empty title. */
      insertClauseAfter: () => ReturnType;
      /** A last subclause of the clause/chapter/annex around the cursor. */
      insertSubclause: () => ReturnType;
      /** Moves the clause/chapter/annex around the cursor before its previous sibling. */
      moveSectionUp: () => ReturnType;
      /** Moves the clause/chapter/annex around the cursor after its next sibling. */
      moveSectionDown: () => ReturnType;
      /** Outdents the clause around the cursor one level. */
      promoteClause: () => ReturnType;
      /** Indents the clause around the cursor one level (under its previous sibling). */
      demoteClause: () => ReturnType;
      /** Backspace at the start of a section title: deletes an empty section (see sectionCommands). */
      deleteEmptySection: () => ReturnType;
      /** Deletes the clause (else chapter, annex) around the cursor with all its content. */
      deleteSection: () => ReturnType;
    };
  }
}

export const Clause = Node.create({
  name: NODE.clause,
  content: `${NODE.sectionTitle} block* ${NODE.clause}*`,
  defining: true,

  addAttributes() {
    return { id: idAttribute() };
  },

  parseHTML() {
    return [dataTypeRule('section', this.name)];
  },

  renderHTML({ HTMLAttributes }) {
    return ['section', mergeAttributes(HTMLAttributes, { 'data-type': this.name, class: 'gb-clause' }), 0];
  },

  addCommands() {
    return {
      insertClauseAfter: () => insertClauseAfter(),
      insertSubclause: () => insertSubclause(),
      moveSectionUp: () => moveSection(-1),
      moveSectionDown: () => moveSection(1),
      promoteClause: () => promoteClause(),
      demoteClause: () => demoteClause(),
      deleteEmptySection: () => deleteEmptySection(),
      deleteSection: () => deleteSection(),
    };
  },

  addKeyboardShortcuts() {
    const inClauseTitle = (): boolean => {
      const { $from } = this.editor.state.selection;
      return $from.parent.type.name === NODE.sectionTitle && $from.node(-1).type.name === NODE.clause;
    };
    return {
      // Inside a clause title Tab never leaves the editor, even when the move is refused.
      Tab: () => inClauseTitle() && (this.editor.commands.demoteClause() || true),
      'Shift-Tab': () => inClauseTitle() && (this.editor.commands.promoteClause() || true),
      Backspace: () => this.editor.commands.deleteEmptySection(),
    };
  },
});
