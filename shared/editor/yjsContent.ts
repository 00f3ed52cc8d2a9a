/** Conversions between a document's Yjs state and ProseMirror JSON, for server-side reading and seeding. */
import * as Y from 'yjs';
import {
  prosemirrorJSONToYXmlFragment,
  yXmlFragmentToProseMirrorRootNode,
} from '@tiptap/y-tiptap';
import { editorSchema } from './schema.js';
import { CONTENT_FIELD } from './extensions.js';

export interface ProseMirrorJSON {
  type: string;
  attrs?: Record<string, unknown>;
  content?: ProseMirrorJSON[];
  marks?: { type: string; attrs?: Record<string, unknown> }[];
  text?: string;
}

/** Reads the editor content of a Y.Doc as ProseMirror JSON, validated against the shared schema. */
export function yDocToJSON(doc: Y.Doc): ProseMirrorJSON {
  const node = yXmlFragmentToProseMirrorRootNode(doc.getXmlFragment(CONTENT_FIELD), editorSchema());
  return node.toJSON() as ProseMirrorJSON;
}

/** Writes ProseMirror JSON into an (empty) Y.Doc's content fragment. Throws if it violates the schema. */
export function writeJSONToYDoc(doc: Y.Doc, json: ProseMirrorJSON): void {
  const schema = editorSchema();
  schema.nodeFromJSON(json).check();
  prosemirrorJSONToYXmlFragment(schema, json, doc.getXmlFragment(CONTENT_FIELD));
}

/** The plain text of a ProseMirror JSON tree, blocks separated by newlines. */
export function plainText(json: ProseMirrorJSON): string {
  if (json.text !== undefined) return json.text;
  const parts = (json.content ?? []).map(plainText);
  const isBlockContainer = (json.content ?? []).some((c) => c.text === undefined);
  return parts.join(isBlockContainer ? '\n' : '');
}
