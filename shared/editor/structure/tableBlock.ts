/** `tableBlock`: a numbered table (表1 …, 表A.1 …): caption above, the table, then its notes. */
import { Node } from '@tiptap/core';
import { NODE } from './names.js';
import { numberedBlockSpec } from './nodeSpecs.js';
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
  ...numberedBlockSpec(NODE.tableBlock, `${NODE.caption} ${NODE.table} ${NODE.note}*`, 'gb-table-block'),

  addCommands() {
    return { insertTableBlock: (options?: TableBlockOptions) => insertTableBlock(options) };
  },
});
