/**
 * Keeps React from walking the whole text of the standard on each of its commits.
 *
 * Before every commit, React DOM saves the selection of the focused element so that it can restore
 * it if the commit moves the focus (react-dom's `commitBeforeMutationEffects`; facebook/react#1350
 * asks for a way out). For an element whose `contentEditable` property is "true" it computes the
 * selection's character offsets by visiting every node inside that element — for the editor, every
 * node of the standard, whatever the commit changes (an outline entry, a toolbar button), and although
 * that DOM is ProseMirror's, which keeps its own selection. On the duplicated worst case that was
 * ~15 ms a commit: on each 条, and on keystrokes that change the toolbar or the outline.
 *
 * The editor's root answers "inherit" instead of "true" to that property. Its `contenteditable`
 * attribute, which is what makes it editable, is unchanged, and so is `isContentEditable`;
 * ProseMirror and TipTap never read the root's property (only "false" on the nodes inside).
 */
import { Extension } from '@tiptap/core';
import { Plugin, PluginKey } from '@tiptap/pm/state';

const native = Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'contentEditable');

function hide(dom: HTMLElement): void {
  if (!native?.get || !native.set) return;
  const { get, set } = native;
  Object.defineProperty(dom, 'contentEditable', {
    configurable: true,
    get: () => {
      const value: unknown = get.call(dom);
      return value === 'true' ? 'inherit' : value;
    },
    set: (value: string) => set.call(dom, value),
  });
}

export const OutsideReactSelection = Extension.create({
  name: 'outsideReactSelection',
  addProseMirrorPlugins() {
    return [
      new Plugin({
        key: new PluginKey('outsideReactSelection'),
        view: (view) => {
          hide(view.dom);
          return { destroy: () => Reflect.deleteProperty(view.dom, 'contentEditable') };
        },
      }),
    ];
  },
});
