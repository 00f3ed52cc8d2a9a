import type { Editor } from '@tiptap/react';
import { findNodeById } from './findNode';
import { outlineEntries } from './outlineEntries';
import type { OutlineEntry } from './outlineEntries';
import { revealNode } from './revealNode';

/**
 * The entry's current position: by its stable id when it has one, else by its key in the outline
 * of the current document (entries are kept while only text changes, their positions move).
 */
export function entryPosition(editor: Editor, entry: OutlineEntry): number {
  const { doc } = editor.state;
  const found = entry.id ? findNodeById(doc, entry.id) : null;
  if (found) return found.pos;
  const current = outlineEntries(doc, editor.storage.structureNumbering.numbering).find((e) => e.key === entry.key);
  return current ? current.pos : entry.pos;
}

/** Jumps to an outline entry. */
export function jumpToEntry(editor: Editor, entry: OutlineEntry): void {
  if (editor.isDestroyed) return;
  revealNode(editor, entryPosition(editor, entry));
}
