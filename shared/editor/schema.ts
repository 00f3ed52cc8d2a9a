import { getSchema } from '@tiptap/core';
import type { Schema } from '@tiptap/pm/model';
import { documentExtensions } from './extensions.js';

let cached: Schema | null = null;

/** The ProseMirror schema of every project document, built from the shared extension list. */
export function editorSchema(): Schema {
  cached ??= getSchema(documentExtensions());
  return cached;
}
