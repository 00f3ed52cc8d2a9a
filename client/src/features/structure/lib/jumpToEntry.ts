import type { Editor } from '@tiptap/react';
import { findNodeById } from './findNode';
import type { OutlineEntry } from './outlineEntries';
import { revealNode } from './revealNode';

/** Jumps to an outline entry: by its stable id when it has one (positions move with every edit). */
export function jumpToEntry(editor: Editor, entry: OutlineEntry): void {
  if (editor.isDestroyed) return;
  const found = entry.id ? findNodeById(editor.state.doc, entry.id) : null;
  revealNode(editor, found ? found.pos : entry.pos);
}
