import { useMemo } from 'react';
import type { Editor } from '@tiptap/react';
import { outlineEntries } from '../lib/outlineEntries';
import type { OutlineEntry } from '../lib/outlineEntries';
import { useNumbering } from './useNumbering';

/** The document's outline (numbered sections and unnumbered parts with positions), live. */
export function useOutlineEntries(editor: Editor): OutlineEntry[] {
  const numbering = useNumbering(editor);
  // A new numbering object means a new document: the positions are read from the same state.
  return useMemo(() => (editor.isDestroyed ? [] : outlineEntries(editor.state.doc, numbering)), [editor, numbering]);
}
