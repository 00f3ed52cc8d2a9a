/** The title of a chapter, clause or annex (may be empty: an untitled clause). */
import { Node, mergeAttributes } from '@tiptap/core';
import { NODE } from './names.js';
import { dataTypeRule } from './attributes.js';

export const SectionTitle = Node.create({
  name: NODE.sectionTitle,
  content: 'inline*',
  defining: true,

  parseHTML() {
    return [dataTypeRule('div', this.name)];
  },

  renderHTML({ HTMLAttributes }) {
    return ['div', mergeAttributes(HTMLAttributes, { 'data-type': this.name, class: 'gb-section-title' }), 0];
  },
});
