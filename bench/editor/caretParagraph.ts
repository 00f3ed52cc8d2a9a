/**
 * Where both editors type: one clause body paragraph of the document, found by its text in each
 * editor. The product and the plain page split the same content into different paragraph lists,
 * and Chromium's work per keystroke and per composition update grows with the text before the
 * caret and with the paragraph's length, so both must type into the same paragraph.
 */
import type { ProseMirrorJSON } from '@shared/editor/json.js';

function textLength(node: ProseMirrorJSON): number {
  if (node.type === 'text') return node.text?.length ?? 0;
  return (node.content ?? []).reduce((sum, child) => sum + textLength(child), 0);
}

/**
 * The text of the clause body paragraph (a paragraph of plain text directly in a clause) that
 * starts nearest the middle of the document's text.
 */
export function caretParagraphText(doc: ProseMirrorJSON): string {
  const middle = textLength(doc) / 2;
  let offset = 0;
  const best = { text: '', distance: Number.POSITIVE_INFINITY };
  const visit = (node: ProseMirrorJSON, parentType: string): void => {
    const children = node.content ?? [];
    if (node.type === 'paragraph' && parentType === 'clause' && children.length > 0) {
      if (children.every((child) => child.type === 'text')) {
        const distance = Math.abs(offset - middle);
        if (distance < best.distance) {
          best.text = children.map((c) => c.text ?? '').join('');
          best.distance = distance;
        }
      }
    }
    if (node.type === 'text') {
      offset += node.text?.length ?? 0;
      return;
    }
    for (const child of children) visit(child, node.type);
  };
  visit(doc, '');
  if (best.distance === Number.POSITIVE_INFINITY) {
    throw new Error('the document has no clause paragraph of plain text to type into');
  }
  return best.text;
}
