import { useEffect, useState } from 'react';
import type { Editor } from '@tiptap/react';
import type { AnchorRange } from '@shared/comments/anchors';
import { commentHighlightsKey } from '../lib/commentHighlights';
import type { CommentHighlightState } from '../lib/commentHighlights';

/** What the panel needs of the anchors' positions: which threads lost their text, and their order in the text. */
export interface AnchorPositions {
  /** True once the anchors were resolved against the synchronized text. */
  resolved: boolean;
  /** Threads the editor has resolved (others are new: the server's view is used for them). */
  known: ReadonlySet<string>;
  orphaned: ReadonlySet<string>;
  /** Thread ids in the order of their text. */
  order: readonly string[];
}

const EMPTY: AnchorPositions = { resolved: false, known: new Set(), orphaned: new Set(), order: [] };

function summarize(state: CommentHighlightState): AnchorPositions {
  const orphaned = new Set<string>();
  const placed: [string, number][] = [];
  for (const [id, range] of state.ranges) {
    if (range) placed.push([id, range.from]);
    else orphaned.add(id);
  }
  placed.sort((a, b) => a[1] - b[1]);
  return { resolved: state.resolved, known: new Set(state.ranges.keys()), orphaned, order: placed.map(([id]) => id) };
}

function same(a: AnchorPositions, b: AnchorPositions): boolean {
  const sameSet = (x: ReadonlySet<string>, y: ReadonlySet<string>) =>
    x.size === y.size && [...x].every((v) => y.has(v));
  return (
    a.resolved === b.resolved &&
    sameSet(a.known, b.known) &&
    sameSet(a.orphaned, b.orphaned) &&
    a.order.length === b.order.length &&
    a.order.every((id, i) => b.order[i] === id)
  );
}

/**
 * Where the threads' anchors are in the editor, as far as the panel cares: updated only when a
 * thread is orphaned or restored, or the order changes — not on every keystroke.
 */
export function useHighlightState(editor: Editor): AnchorPositions {
  const [positions, setPositions] = useState<AnchorPositions>(EMPTY);
  useEffect(() => {
    let last: CommentHighlightState | null = null;
    const read = () => {
      if (editor.isDestroyed) return;
      const state = commentHighlightsKey.getState(editor.state);
      if (!state || state === last) return;
      last = state;
      const next = summarize(state);
      setPositions((current) => (same(current, next) ? current : next));
    };
    read();
    editor.on('transaction', read);
    return () => {
      editor.off('transaction', read);
    };
  }, [editor]);
  return positions;
}

/** The current range of a thread's text in the editor (null when orphaned or not resolved yet). */
export function currentRange(editor: Editor, threadId: string): AnchorRange | null {
  if (editor.isDestroyed) return null;
  return commentHighlightsKey.getState(editor.state)?.ranges.get(threadId) ?? null;
}
