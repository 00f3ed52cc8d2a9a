import { useCallback, useEffect, useRef, useState } from 'react';

/** How long typing may pause before the value is shared with the other drafters. */
const COMMIT_DELAY_MS = 600;

export interface DraftValue {
  value: string;
  onChange: (next: string) => void;
  onFocus: () => void;
  /** Commits at once (blur, Enter). */
  flush: () => void;
  onCompositionStart: () => void;
  onCompositionEnd: (next: string) => void;
}

/**
 * A text field bound to a shared value: while the field has focus it shows the local draft (a remote
 * change never jumps under the caret, an IME composition is never interrupted), committing after a
 * pause and on blur; otherwise it shows the shared value.
 */
export function useDraftValue(shared: string, commit: (value: string) => void): DraftValue {
  const [draft, setDraft] = useState<string | null>(null);
  const composing = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const latest = useRef({ draft, shared, commit });
  latest.current = { draft, shared, commit };

  const clearTimer = useCallback(() => {
    if (timer.current !== null) clearTimeout(timer.current);
    timer.current = null;
  }, []);

  const send = useCallback(
    (value: string) => {
      clearTimer();
      if (value !== latest.current.shared) latest.current.commit(value);
    },
    [clearTimer],
  );

  const schedule = useCallback(
    (value: string) => {
      clearTimer();
      timer.current = setTimeout(() => send(value), COMMIT_DELAY_MS);
    },
    [clearTimer, send],
  );

  useEffect(() => clearTimer, [clearTimer]);

  return {
    value: draft ?? shared,
    onFocus: () => setDraft(shared),
    onChange: (next) => {
      setDraft(next);
      if (!composing.current) schedule(next);
    },
    onCompositionStart: () => {
      composing.current = true;
      clearTimer();
    },
    onCompositionEnd: (next) => {
      composing.current = false;
      setDraft(next);
      schedule(next);
    },
    flush: () => {
      const current = latest.current.draft;
      if (current !== null) send(current);
      setDraft(null);
    },
  };
}
