/**
 * `indicatorRef`: an inline atom that shows the current value of one cell of the standard text's
 * tables (by the cell's stable id). The drafting explanation's key-indicator comparison table uses it
 * in its "本标准" column, so the value compared is always the one the standard requires. Rendered
 * `<span data-type="indicatorRef" data-target-id="…">`; the client shows the value it reads from the
 * standard text (see `tableCells.ts`), the server resolves it the same way for exports.
 */
import { Node } from '@tiptap/core';
import { NODE } from './names.js';
import { targetRefSpec } from './nodeSpecs.js';

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    indicatorRef: {
      /** Inserts a link to the standard text's table cell `targetId` at the cursor. */
      insertIndicatorRef: (targetId: string) => ReturnType;
    };
  }
}

export const IndicatorRef = Node.create({
  ...targetRefSpec(NODE.indicatorRef, 'gb-indicator-ref'),

  addCommands() {
    return {
      insertIndicatorRef:
        (targetId: string) =>
        ({ commands }) =>
          commands.insertContent({ type: this.name, attrs: { targetId } }),
    };
  },
});
