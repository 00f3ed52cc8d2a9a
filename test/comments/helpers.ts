/** Shared helpers of the comment tests: finding paragraphs in a Y.Doc and resolving anchors there. */
import * as Y from 'yjs';
import { documentAnchors, quoteOf, resolveAnchor } from '@shared/comments/anchors.js';
import { CONTENT_FIELD } from '@shared/editor/extensions.js';
import { editorSchema } from '@shared/editor/schema.js';

const SECTIONS = new Set(['chapter', 'clause', 'annex']);

/** The text children of the document's paragraphs, in document order (`inSection`: only inside chapters, clauses, annexes). */
export function paragraphTexts(doc: Y.Doc, options: { inSection?: boolean } = {}): Y.XmlText[] {
  const found: Y.XmlText[] = [];
  const walk = (node: Y.XmlElement | Y.XmlFragment, inSection: boolean): void => {
    for (const child of node.toArray()) {
      if (!(child instanceof Y.XmlElement)) continue;
      if (child.nodeName === 'paragraph') {
        const text = child.toArray().find((c): c is Y.XmlText => c instanceof Y.XmlText);
        if (text && (inSection || !options.inSection)) found.push(text);
      } else {
        walk(child, inSection || SECTIONS.has(child.nodeName));
      }
    }
  };
  walk(doc.getXmlFragment(CONTENT_FIELD), false);
  return found;
}

/** The same paragraph text in another client's copy of the document (by its Yjs item id). */
export function sameText(doc: Y.Doc, text: Y.XmlText): Y.XmlText {
  const id = text._item?.id;
  if (!id) throw new Error('a paragraph text has an item');
  const match = paragraphTexts(doc).find((t) => t._item?.id.client === id.client && t._item.id.clock === id.clock);
  if (!match) throw new Error('paragraph not found in the other copy');
  return match;
}

/** What the anchor covers in this copy of the document, or null when it is orphaned. */
export function resolvedQuote(doc: Y.Doc, anchorStart: string, anchorEnd: string): string | null {
  const context = documentAnchors(doc, CONTENT_FIELD, editorSchema());
  const range = resolveAnchor(context, anchorStart, anchorEnd);
  return range ? quoteOf(context.doc, range.from, range.to) : null;
}
