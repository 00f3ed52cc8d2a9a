/** Term entries (chapter 3) and normative references (chapter 2). */
import type { ProseMirrorJSON } from '../json.js';
import { NODE } from '../structure/names.js';
import { notes } from './blocks.js';
import { idAttr } from './ids.js';
import { inlineNode, type InlineInput } from './inline.js';

/**
 * A term entry (numbered 3.1, 3.2 … from its position): the Chinese term, the English equivalent,
 * the definition (no requirements in it) and optional notes.
 */
export function termEntry(
  zh: InlineInput,
  en: InlineInput,
  definition: InlineInput,
  entryNotes: readonly InlineInput[] = [],
  id?: string,
): ProseMirrorJSON {
  return {
    type: NODE.termEntry,
    attrs: { id: idAttr(id) },
    content: [
      inlineNode(NODE.termName, zh),
      inlineNode(NODE.termEnglish, en),
      inlineNode(NODE.termDefinition, definition),
      ...notes(entryNotes),
    ],
  };
}

/** The text of a normative reference: `<code>　<title>` (the code dated as `GB/T 1234—2020` or undated). */
export function referenceText(code: string, title: string): string {
  return `${code}　${title}`;
}

/** One normative document listed in the normative-references chapter. */
export function referenceEntry(content: InlineInput, id?: string): ProseMirrorJSON {
  const node = inlineNode(NODE.referenceEntry, content, { id: idAttr(id) });
  if (!node.content) throw new Error('a reference entry needs text');
  return node;
}
