/** Conversions between a document's Yjs state and ProseMirror JSON, for server-side reading and seeding. */
import type * as Y from 'yjs';
import { prosemirrorJSONToYXmlFragment } from '@tiptap/y-tiptap';
import { editorSchema } from './schema.js';
import { CONTENT_FIELD } from './extensions.js';
import type { ProseMirrorJSON } from './json.js';
import { ensureStructureIds } from './structure/ids.js';
import { yXmlFragmentToProseMirror } from './yXmlToProseMirror.js';

export type { ProseMirrorJSON } from './json.js';

/**
 * Reads the editor content of a Y.Doc as ProseMirror JSON that fits the shared schema. A pure read:
 * the Y.Doc is never changed (what does not fit the schema is left out of the result only).
 */
export function yDocToJSON(doc: Y.Doc): ProseMirrorJSON {
  const node = yXmlFragmentToProseMirror(doc.getXmlFragment(CONTENT_FIELD), editorSchema());
  return node.toJSON() as ProseMirrorJSON;
}

/**
 * Writes ProseMirror JSON into an (empty) Y.Doc's content fragment. Throws if it violates the schema.
 * Structural nodes without an id (or sharing one) get a fresh id first, so that clients never race
 * to assign them; content whose ids are all set is written unchanged.
 */
export function writeJSONToYDoc(doc: Y.Doc, json: ProseMirrorJSON): void {
  const schema = editorSchema();
  const content = ensureStructureIds(json);
  schema.nodeFromJSON(content).check();
  prosemirrorJSONToYXmlFragment(schema, content, doc.getXmlFragment(CONTENT_FIELD));
}

/** The plain text of a ProseMirror JSON tree, blocks separated by newlines. */
export function plainText(json: ProseMirrorJSON): string {
  if (json.text !== undefined) return json.text;
  const parts = (json.content ?? []).map(plainText);
  const isBlockContainer = (json.content ?? []).some((c) => c.text === undefined);
  return parts.join(isBlockContainer ? '\n' : '');
}
