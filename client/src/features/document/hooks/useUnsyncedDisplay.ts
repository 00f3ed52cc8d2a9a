import { useCallback, useEffect, useRef, useState } from 'react';
import type { RefCallback } from 'react';
import type { SyncTracker } from '../lib/SyncTracker';

/** While connected, changes are acknowledged within a fraction of a second: only a lasting backlog is shown. */
export const CONNECTED_UNSYNCED_DISPLAY_DELAY_MS = 1500;

export interface UnsyncedDisplay {
  /** Show 有未同步的修改: unsynced while not connected, or for longer than the delay while connected. */
  visible: boolean;
  /** Keeps `data-unsynced` of the element exact, written directly (no React render per keystroke). */
  attributeRef: RefCallback<HTMLElement>;
}

/**
 * How the unsynced flag is shown. The flag flips twice a keystroke while typing (changed, then
 * acknowledged); React re-renders only when the visible hint appears or goes, and the exact state is
 * kept on the element's `data-unsynced` attribute by the subscription itself.
 */
export function useUnsyncedDisplay(tracker: SyncTracker): UnsyncedDisplay {
  const element = useRef<HTMLElement | null>(null);
  const initial = tracker.getSnapshot();
  const [visible, setVisible] = useState(initial.unsynced && initial.connection !== 'connected');
  const shown = useRef(visible);

  const attributeRef = useCallback<RefCallback<HTMLElement>>(
    (node) => {
      element.current = node;
      node?.setAttribute('data-unsynced', String(tracker.getSnapshot().unsynced));
    },
    [tracker],
  );

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    const show = (value: boolean) => {
      if (shown.current === value) return;
      shown.current = value;
      setVisible(value);
    };
    const cancel = () => {
      if (timer !== null) clearTimeout(timer);
      timer = null;
    };
    const update = () => {
      const { unsynced, connection } = tracker.getSnapshot();
      element.current?.setAttribute('data-unsynced', String(unsynced));
      if (!unsynced) {
        cancel();
        show(false);
      } else if (connection !== 'connected') {
        cancel();
        show(true);
      } else if (timer === null && !shown.current) {
        timer = setTimeout(() => {
          timer = null;
          show(true);
        }, CONNECTED_UNSYNCED_DISPLAY_DELAY_MS);
      }
    };
    update();
    const unsubscribe = tracker.subscribe(update);
    return () => {
      unsubscribe();
      cancel();
    };
  }, [tracker]);

  return { visible, attributeRef };
}
