/**
 * The document's Yjs tree read as a numbering tree (`computeNumberingWith`), as it is now or as it
 * was before the current transaction. History needs the labels nodes had at the moment they were
 * deleted or moved, which only the tree before that transaction still holds.
 */
import * as Y from 'yjs';
import { computeNumberingWith } from '@shared/editor/structure/numbering.js';
import type { Numbering, TreeAdapter } from '@shared/editor/structure/numbering.js';
import { CONTENT_FIELD } from '@shared/editor/extensions.js';

type YNode = Y.XmlElement | Y.XmlText | Y.XmlFragment;

/** Which items a view of the tree contains. */
export type Visible = (item: Y.Item) => boolean;

/** The tree as it is now. */
export const NOW: Visible = (item) => !item.deleted;

/** The tree as it was before `transaction` (read inside its `afterTransaction`). */
export function beforeTransaction(transaction: Y.Transaction): Visible {
  const before = transaction.beforeState;
  return (item) =>
    item.id.clock < (before.get(item.id.client) ?? 0) && (!item.deleted || Y.isDeleted(transaction.deleteSet, item.id));
}

export function treeAdapter(visible: Visible): TreeAdapter<YNode> {
  return {
    type: (node) => (node instanceof Y.XmlElement ? node.nodeName : node instanceof Y.XmlText ? 'text' : 'doc'),
    attr: (node, name) => {
      if (!(node instanceof Y.XmlElement)) return undefined;
      for (let item = node._map.get(name) ?? null; item; item = item.left) {
        if (!visible(item)) continue;
        return item.content instanceof Y.ContentAny ? item.content.arr[item.content.arr.length - 1] : undefined;
      }
      return undefined;
    },
    children: (node) => {
      if (node instanceof Y.XmlText) return [];
      const children: YNode[] = [];
      for (let item = node._start; item; item = item.right) {
        if (!(item.content instanceof Y.ContentType) || !visible(item)) continue;
        const type = item.content.type;
        if (type instanceof Y.XmlElement || type instanceof Y.XmlText) children.push(type);
      }
      return children;
    },
    text: (node) => {
      if (!(node instanceof Y.XmlText)) return '';
      let text = '';
      for (let item = node._start; item; item = item.right) {
        if (item.content instanceof Y.ContentString && visible(item)) text += item.content.str;
      }
      return text;
    },
  };
}

/** The numbering of the document's content as a view shows it. */
export function numberingOf(doc: Y.Doc, visible: Visible): Numbering {
  return computeNumberingWith<YNode>(doc.getXmlFragment(CONTENT_FIELD), treeAdapter(visible));
}
