/**
 * `termEntry` (numbered 3.1, 3.2 …) with its Chinese term, English equivalent and definition.
 * Enter moves from the term to the English equivalent to the definition; Enter at the end of a
 * definition starts the next entry.
 */
import { Node } from '@tiptap/core';
import { TextSelection } from '@tiptap/pm/state';
import { NODE } from './names.js';
import { dataTypeHtml, numberedBlockSpec } from './nodeSpecs.js';
import { insertTermEntry } from './commands/blockCommands.js';

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    termEntry: {
      /** Inserts an empty term entry after the current block; cursor in the term. */
      insertTermEntry: () => ReturnType;
    };
  }
}

function termPart(name: string, className: string) {
  return Node.create({
    name,
    content: 'inline*',
    ...dataTypeHtml('div', name, className, true),
  });
}

export const TermName = termPart(NODE.termName, 'gb-term-name');
export const TermEnglish = termPart(NODE.termEnglish, 'gb-term-english');
export const TermDefinition = termPart(NODE.termDefinition, 'gb-term-definition');

export const TermEntry = Node.create({
  ...numberedBlockSpec(
    NODE.termEntry,
    `${NODE.termName} ${NODE.termEnglish} ${NODE.termDefinition} ${NODE.note}*`,
    'gb-term-entry',
  ),

  addCommands() {
    return { insertTermEntry: () => insertTermEntry() };
  },

  addKeyboardShortcuts() {
    return {
      Enter: () => {
        const { selection } = this.editor.state;
        const { $from } = selection;
        const part = $from.parent.type.name;
        if (!selection.empty || $from.depth < 1 || $from.node(-1).type.name !== NODE.termEntry) return false;
        if (part === NODE.termName || part === NODE.termEnglish) {
          const next = $from.after() + 1;
          return this.editor.commands.command(({ tr }) => {
            tr.setSelection(TextSelection.create(tr.doc, next));
            return true;
          });
        }
        if (part === NODE.termDefinition && $from.parentOffset === $from.parent.content.size) {
          return this.editor.commands.insertTermEntry();
        }
        return false;
      },
    };
  },
});
