import { useMemo, useRef } from 'react';
import type { Editor } from '@tiptap/react';
import { outlineEntries } from '../lib/outlineEntries';
import type { OutlineEntry } from '../lib/outlineEntries';
import { reuseEntries } from '../lib/stableEntries';
import { useNumbering } from './useNumbering';

/**
 * The document's outline (numbered sections and unnumbered parts), live: rebuilt only when the
 * numbering changes (a structural change or a title edit, not typing in a paragraph), and entries
 * that show the same keep their identity so memoized rows skip re-rendering.
 */
export function useOutlineEntries(editor: Editor): readonly OutlineEntry[] {
  const numbering = useNumbering(editor);
  const previous = useRef<readonly OutlineEntry[]>([]);
  return useMemo(() => {
    if (editor.isDestroyed) return [];
    // The numbering is the state's: the positions are read from the same state.
    const next = reuseEntries(previous.current, outlineEntries(editor.state.doc, numbering));
    previous.current = next;
    return next;
  }, [editor, numbering]);
}
