/**
 * GB/T 1.1 list styles: `bulletList.listStyle` = `dash` (——), `orderedList.listStyle` = `letter`
 * (a) b) c)) or `number` (1) 2) 3)); rendered as `data-list-style`. `setListStyle` restyles the
 * list around the cursor (converting between bullet and ordered lists when needed) or starts one.
 */
import { Extension } from '@tiptap/core';
import type { Command } from '@tiptap/core';
import { BULLET_LIST_STYLES, NODE, ORDERED_LIST_STYLES, isListStyle } from './names.js';
import type { ListStyle } from './names.js';
import { findAround } from './commands/helpers.js';

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    listStyle: {
      /** `dash` → a bullet list; `letter`/`number` → an ordered list of that style. */
      setListStyle: (style: ListStyle) => ReturnType;
    };
  }
}

function listStyleAttribute(fallback: ListStyle, allowed: readonly ListStyle[]) {
  return {
    default: fallback,
    parseHTML: (element: HTMLElement): ListStyle => {
      const value = element.getAttribute('data-list-style');
      return isListStyle(value) && allowed.includes(value) ? value : fallback;
    },
    renderHTML: (attributes: Record<string, unknown>) => ({
      'data-list-style': isListStyle(attributes.listStyle) ? attributes.listStyle : fallback,
    }),
  };
}

function setListStyle(style: ListStyle): Command {
  return ({ tr, dispatch, chain }) => {
    const schema = tr.doc.type.schema;
    const wanted = style === 'dash' ? schema.nodes[NODE.bulletList]! : schema.nodes[NODE.orderedList]!;
    const list = findAround(tr, [NODE.bulletList, NODE.orderedList]);
    if (!list) {
      const toggled = style === 'dash' ? chain().toggleBulletList() : chain().toggleOrderedList();
      return toggled.updateAttributes(wanted.name, { listStyle: style }).run();
    }
    if (dispatch) {
      const attrs = list.node.type === wanted ? { ...list.node.attrs, listStyle: style } : { listStyle: style };
      tr.setNodeMarkup(list.pos, wanted, attrs);
    }
    return true;
  };
}

export const ListStyles = Extension.create({
  name: 'listStyle',

  addGlobalAttributes() {
    return [
      { types: [NODE.bulletList], attributes: { listStyle: listStyleAttribute('dash', BULLET_LIST_STYLES) } },
      { types: [NODE.orderedList], attributes: { listStyle: listStyleAttribute('letter', ORDERED_LIST_STYLES) } },
    ];
  },

  addCommands() {
    return { setListStyle: (style: ListStyle) => setListStyle(style) };
  },
});
