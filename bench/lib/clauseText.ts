/** The text of a clause in a document's Yjs tree: where the editor binding types into a clause's first paragraph. */
import * as Y from 'yjs';
import { CONTENT_FIELD } from '@shared/editor/extensions.js';

/** The element with the stable id `id` (a chapter, clause, table …), or null. */
export function elementById(doc: Y.Doc, id: string): Y.XmlElement | null {
  const find = (node: Y.XmlFragment): Y.XmlElement | null => {
    for (const child of node.toArray()) {
      if (!(child instanceof Y.XmlElement)) continue;
      if (child.getAttribute('id') === id) return child;
      const inner = find(child);
      if (inner) return inner;
    }
    return null;
  };
  return find(doc.getXmlFragment(CONTENT_FIELD));
}

/** The Y.XmlText of the first paragraph of the element with `id`. Throws when it has none. */
export function paragraphText(doc: Y.Doc, id: string): Y.XmlText {
  const paragraph = elementById(doc, id)
    ?.toArray()
    .find((c): c is Y.XmlElement => c instanceof Y.XmlElement && c.nodeName === 'paragraph');
  const text = paragraph?.toArray().find((c): c is Y.XmlText => c instanceof Y.XmlText);
  if (!text) throw new Error(`no paragraph text in ${id}`);
  return text;
}

/** Whether the element with `id` has a paragraph to type into. */
export function hasParagraphText(doc: Y.Doc, id: string): boolean {
  try {
    paragraphText(doc, id);
    return true;
  } catch {
    return false;
  }
}
