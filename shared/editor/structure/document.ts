/**
 * The top node: `(block | section)+` — the parts of a standard (cover, contents, foreword,
 * chapters, annexes, bibliography) and, for old or free-form documents, plain blocks.
 * (`block` is listed first so that an empty document is filled with a paragraph.)
 */
import { Node } from '@tiptap/core';
import { NODE, SECTION_GROUP } from './names.js';

export const StandardDocument = Node.create({
  name: NODE.doc,
  topNode: true,
  content: `(block | ${SECTION_GROUP})+`,
});
