/**
 * `referenceEntry`: one normative document in chapter 2, `<code> <title>`; labelled with its
 * designation. Enter at the end of a filled entry starts the next one; Enter in an empty entry ends
 * the list with a paragraph.
 */
import { Node, mergeAttributes } from '@tiptap/core';
import { NODE } from './names.js';
import { dataTypeRule, idAttribute } from './attributes.js';
import { insertReferenceEntry } from './commands/blockCommands.js';
import { sortReferences } from './commands/referenceCommands.js';

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    referenceEntry: {
      /** Inserts an empty reference entry after the current block; cursor in it. */
      insertReferenceEntry: () => ReturnType;
      /** Sorts the entries of the normative-references chapter into the GB/T 1.1 order. */
      sortReferences: () => ReturnType;
    };
  }
}

export const ReferenceEntry = Node.create({
  name: NODE.referenceEntry,
  group: 'block',
  content: 'inline*',

  addAttributes() {
    return { id: idAttribute() };
  },

  parseHTML() {
    return [dataTypeRule('p', this.name)];
  },

  renderHTML({ HTMLAttributes }) {
    return ['p', mergeAttributes(HTMLAttributes, { 'data-type': this.name, class: 'gb-reference' }), 0];
  },

  addCommands() {
    return { insertReferenceEntry: () => insertReferenceEntry(), sortReferences: () => sortReferences() };
  },

  addKeyboardShortcuts() {
    return {
      Enter: () => {
        const { selection } = this.editor.state;
        const { $from } = selection;
        if (!selection.empty || $from.parent.type.name !== NODE.referenceEntry) return false;
        if ($from.parent.content.size === 0) return this.editor.commands.setNode(NODE.paragraph);
        if ($from.parentOffset !== $from.parent.content.size) return false;
        return this.editor.commands.insertReferenceEntry();
      },
    };
  },
});
