/** Editing the demo standard through a stock Yjs client, as the editor binding would: by stable id. */
import * as Y from 'yjs';
import { CONTENT_FIELD } from '@shared/editor/extensions.js';

/** The element with this stable id (a clause, a table, a table cell …). */
export function elementById(doc: Y.Doc, id: string): Y.XmlElement {
  for (const node of doc.getXmlFragment(CONTENT_FIELD).createTreeWalker((type) => type instanceof Y.XmlElement)) {
    if (node instanceof Y.XmlElement && node.getAttribute('id') === id) return node;
  }
  throw new Error(`no element ${id}`);
}

/** The text of the first paragraph directly in the element (a clause's first paragraph, a cell's text). */
export function paragraphText(doc: Y.Doc, id: string): Y.XmlText {
  const paragraph = elementById(doc, id)
    .toArray()
    .find((child): child is Y.XmlElement => child instanceof Y.XmlElement && child.nodeName === 'paragraph');
  const text = paragraph?.toArray().find((child): child is Y.XmlText => child instanceof Y.XmlText);
  if (!text) throw new Error(`no paragraph text in ${id}`);
  return text;
}

/** The plain text of a Y.XmlText (without formatting). */
export function plain(text: Y.XmlText): string {
  return text
    .toDelta()
    .map((op: { insert: unknown }) => (typeof op.insert === 'string' ? op.insert : ''))
    .join('');
}
