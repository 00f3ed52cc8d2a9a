import { useEffect, useState } from 'react';
import type { Editor } from '@tiptap/react';

export interface OutlineItem {
  /** Position of the heading node in the document. */
  pos: number;
  level: number;
  text: string;
}

function collect(editor: Editor): OutlineItem[] {
  const items: OutlineItem[] = [];
  editor.state.doc.descendants((node, pos) => {
    if (node.type.name === 'heading') {
      const level = typeof node.attrs.level === 'number' ? node.attrs.level : 1;
      items.push({ pos, level, text: node.textContent });
      return false;
    }
    // Headings live at the top level or inside block containers, never inside paragraphs or tables.
    return node.type.name !== 'paragraph' && node.type.name !== 'table';
  });
  return items;
}

function same(a: OutlineItem[], b: OutlineItem[]): boolean {
  return a.length === b.length && a.every((item, i) => item.pos === b[i]?.pos && item.level === b[i]?.level && item.text === b[i]?.text);
}

/** The document's headings, rebuilt after every change (local or remote, debounced). */
export function useOutline(editor: Editor): OutlineItem[] {
  const [items, setItems] = useState<OutlineItem[]>(() => collect(editor));
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    const refresh = () => {
      timer = null;
      if (editor.isDestroyed) return;
      const next = collect(editor);
      setItems((current) => (same(current, next) ? current : next));
    };
    const schedule = () => {
      if (timer === null) timer = setTimeout(refresh, 120);
    };
    refresh();
    editor.on('update', schedule);
    editor.on('create', schedule);
    return () => {
      if (timer !== null) clearTimeout(timer);
      editor.off('update', schedule);
      editor.off('create', schedule);
    };
  }, [editor]);
  return items;
}
