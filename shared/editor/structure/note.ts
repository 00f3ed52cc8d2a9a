/** `note`: 注： / 注1：注2：…, numbered within its parent. Notes carry no requirements. */
import { Node, mergeAttributes } from '@tiptap/core';
import { NODE } from './names.js';
import { dataTypeRule } from './attributes.js';
import { insertNote } from './commands/blockCommands.js';

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    note: {
      /** Adds a note to the table/term entry around the cursor, or after the current block. */
      insertNote: () => ReturnType;
    };
  }
}

export const Note = Node.create({
  name: NODE.note,
  group: 'block',
  content: 'inline*',

  parseHTML() {
    return [dataTypeRule('p', this.name)];
  },

  renderHTML({ HTMLAttributes }) {
    return ['p', mergeAttributes(HTMLAttributes, { 'data-type': this.name, class: 'gb-note' }), 0];
  },

  addCommands() {
    return { insertNote: () => insertNote() };
  },
});
