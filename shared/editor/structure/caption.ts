/** `caption`: the title of a table (above it) or a figure (below it). */
import { Node, mergeAttributes } from '@tiptap/core';
import { NODE } from './names.js';
import { dataTypeRule } from './attributes.js';

export const Caption = Node.create({
  name: NODE.caption,
  content: 'inline*',
  defining: true,

  parseHTML() {
    return [dataTypeRule('p', this.name)];
  },

  renderHTML({ HTMLAttributes }) {
    return ['p', mergeAttributes(HTMLAttributes, { 'data-type': this.name, class: 'gb-caption' }), 0];
  },
});
