/**
 * `crossRef`: an inline atom pointing at a chapter, clause, annex, table, figure, term entry or
 * normative document by id. Rendered `<span data-type="crossRef" data-target-id="…">`; the editor's
 * numbering plugin adds the current label as `data-label` (shown by CSS `::after`), so it follows
 * renumbering without a NodeView.
 */
import { Node } from '@tiptap/core';
import { NODE } from './names.js';
import { targetRefSpec } from './nodeSpecs.js';
import { crossRefLabel } from './numbering.js';
import { insertCrossRef } from './commands/blockCommands.js';

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    crossRef: {
      /** Inserts a cross-reference to the node with `targetId` at the cursor. */
      insertCrossRef: (targetId: string) => ReturnType;
    };
  }
}

export const CrossRef = Node.create({
  ...targetRefSpec(NODE.crossRef, 'gb-crossref'),

  renderText({ node }) {
    const numbering = this.editor?.storage.structureNumbering?.numbering;
    return numbering ? crossRefLabel(numbering, node.attrs.targetId) : '';
  },

  addCommands() {
    return { insertCrossRef: (targetId: string) => insertCrossRef(targetId) };
  },
});
