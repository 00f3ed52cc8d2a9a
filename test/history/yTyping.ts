/** Typing into a clause of a Y.Doc the way the editor binding does (into the paragraph's Y.XmlText). */
import type * as Y from 'yjs';
import { paragraphText } from '../../bench/lib/clauseText.js';

export { hasParagraphText, paragraphText } from '../../bench/lib/clauseText.js';

/** Types `text` character by character at the end of the clause's paragraph; one update per character. */
export function typeInto(doc: Y.Doc, id: string, text: string): Uint8Array[] {
  const updates: Uint8Array[] = [];
  const record = (update: Uint8Array): void => {
    updates.push(update);
  };
  doc.on('update', record);
  for (const char of text) {
    const target = paragraphText(doc, id);
    target.insert(target.length, char);
  }
  doc.off('update', record);
  return updates;
}

/** Deletes `count` characters at the end of the clause's paragraph, one update per character. */
export function backspace(doc: Y.Doc, id: string, count: number): Uint8Array[] {
  const updates: Uint8Array[] = [];
  const record = (update: Uint8Array): void => {
    updates.push(update);
  };
  doc.on('update', record);
  for (let i = 0; i < count; i++) {
    const target = paragraphText(doc, id);
    target.delete(target.length - 1, 1);
  }
  doc.off('update', record);
  return updates;
}
