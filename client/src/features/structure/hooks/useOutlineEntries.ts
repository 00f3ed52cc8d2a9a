import { useMemo } from 'react';
import type { Editor } from '@tiptap/react';
import type { Numbering } from '@shared/editor/structure/numberingTypes';
import { outlineEntries } from '../lib/outlineEntries';
import type { OutlineEntry } from '../lib/outlineEntries';
import { reuseEntries } from '../lib/stableEntries';
import { useNumbering } from './useNumbering';

/** Per editor: the entries built for its latest numbering (the sidebar and the 目次 share them). */
const built = new WeakMap<Editor, { numbering: Numbering; entries: readonly OutlineEntry[] }>();

function entriesFor(editor: Editor, numbering: Numbering): readonly OutlineEntry[] {
  const previous = built.get(editor);
  if (previous?.numbering === numbering) return previous.entries;
  // The numbering is the state's: the positions are read from the same state.
  const entries = reuseEntries(previous?.entries ?? [], outlineEntries(editor.state.doc, numbering));
  built.set(editor, { numbering, entries });
  return entries;
}

/**
 * The document's outline (numbered sections and unnumbered parts), live: rebuilt only when the
 * numbering changes (a structural change or a title edit, not typing in a paragraph), once for all
 * components showing it, and entries that show the same keep their identity so memoized rows skip
 * re-rendering.
 */
export function useOutlineEntries(editor: Editor): readonly OutlineEntry[] {
  const numbering = useNumbering(editor);
  return useMemo(() => (editor.isDestroyed ? [] : entriesFor(editor, numbering)), [editor, numbering]);
}
