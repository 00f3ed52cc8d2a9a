/** `tableBlock`: a numbered table (表1 …, 表A.1 …): caption above, the table, then its notes. */
import { Node, mergeAttributes } from '@tiptap/core';
import { NODE } from './names.js';
import { dataTypeRule, idAttribute } from './attributes.js';
import { insertTableBlock } from './commands/blockCommands.js';
import type { TableBlockOptions } from './commands/blockCommands.js';

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    tableBlock: {
      /** Inserts a numbered table (caption + table with a header row); cursor in the caption. */
      insertTableBlock: (options?: TableBlockOptions) => ReturnType;
    };
  }
}

export const TableBlock = Node.create({
  name: NODE.tableBlock,
  group: 'block',
  content: `${NODE.caption} ${NODE.table} ${NODE.note}*`,
  defining: true,
  isolating: true,

  addAttributes() {
    return { id: idAttribute() };
  },

  parseHTML() {
    return [dataTypeRule('div', this.name)];
  },

  renderHTML({ HTMLAttributes }) {
    return ['div', mergeAttributes(HTMLAttributes, { 'data-type': this.name, class: 'gb-table-block' }), 0];
  },

  addCommands() {
    return { insertTableBlock: (options?: TableBlockOptions) => insertTableBlock(options) };
  },
});
