import { useEffect, useRef, useState } from 'react';
import type { Editor } from '@tiptap/react';
import { afterPaintTask } from '../lib/afterPaint';

export interface DeferredEditorStateOptions<T> {
  /** Derives the state from the editor (may be costly: `can()` checks, `isActive`). */
  compute: (editor: Editor) => T;
  /** Same shown state: the previous object is kept and nothing re-renders. */
  equal: (a: T, b: T) => boolean;
  /**
   * Optional cheap key of everything `compute` depends on: while it stays the same (`Object.is`
   * per element), transactions do not even schedule an evaluation.
   */
  context?: (editor: Editor) => readonly unknown[];
}

function sameContext(a: readonly unknown[] | null, b: readonly unknown[]): boolean {
  return a !== null && a.length === b.length && a.every((value, i) => Object.is(value, b[i]));
}

/**
 * Editor-derived state for controls around the editor (toolbars): evaluated after the frame that
 * shows a change is painted, at most once per frame however many transactions arrive (typing,
 * remote changes), skipped while its context is unchanged, and a new object only when something
 * shown changed — so a keystroke neither waits for it nor re-renders the control.
 */
export function useDeferredEditorState<T>(editor: Editor, options: DeferredEditorStateOptions<T>): T {
  const latest = useRef(options);
  latest.current = options;
  const [state, setState] = useState(() => options.compute(editor));
  useEffect(() => {
    let context: readonly unknown[] | null = null;
    const task = afterPaintTask(() => {
      if (editor.isDestroyed) return;
      const { compute, equal } = latest.current;
      const next = compute(editor);
      setState((previous) => (equal(previous, next) ? previous : next));
    });
    const onTransaction = () => {
      const key = latest.current.context?.(editor);
      if (key) {
        if (sameContext(context, key)) return;
        context = key;
      }
      task.schedule();
    };
    editor.on('transaction', onTransaction);
    onTransaction();
    return () => {
      editor.off('transaction', onTransaction);
      task.cancel();
    };
  }, [editor]);
  return state;
}
