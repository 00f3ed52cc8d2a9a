import { startTransition, useEffect, useState } from 'react';
import type { RefObject } from 'react';

/** How far outside the view an element still counts as near (it may be scrolled to next). */
const NEAR_MARGIN = '100% 0px';
/**
 * An element away from the view catches up this long after the last change at the earliest (a burst
 * of structural edits costs one catch-up, after it)…
 */
const SETTLE_MS = 1000;
/** …at the next idle moment, or after this much longer at the latest. */
const IDLE_TIMEOUT_MS = 1000;

/**
 * `value` for an element that is in or near the view; for one away from it, the value it last
 * showed until changes pause and the page is idle (or the element comes near), so that neither a
 * change nor the frames that show it wait for the element to re-render. The catch-up is a
 * transition: React renders it in slices between frames. The 目次 of a long standard lists
 * hundreds of clauses: inserting one in chapter 5 renumbers most of its lines, which nobody sees
 * while the 目次 is pages away.
 */
export function useDeferredWhileAway<T>(value: T, element: RefObject<Element | null>): T {
  const [near, setNear] = useState(true);
  const [shown, setShown] = useState(value);

  useEffect(() => {
    const target = element.current;
    if (!target || typeof IntersectionObserver !== 'function') return;
    const observer = new IntersectionObserver(
      (records) => {
        const last = records[records.length - 1];
        if (last) setNear(last.isIntersecting);
      },
      { rootMargin: NEAR_MARGIN },
    );
    observer.observe(target);
    return () => observer.disconnect();
  }, [element]);

  useEffect(() => {
    if (near || Object.is(shown, value)) return;
    const catchUp = () => startTransition(() => setShown(value));
    let idle: number | null = null;
    const settle = setTimeout(() => {
      if (typeof requestIdleCallback === 'function') idle = requestIdleCallback(catchUp, { timeout: IDLE_TIMEOUT_MS });
      else catchUp();
    }, SETTLE_MS);
    return () => {
      clearTimeout(settle);
      if (idle !== null) cancelIdleCallback(idle);
    };
  }, [near, shown, value]);

  if (near && !Object.is(shown, value)) {
    // Shown as it is now; remembered for when the element is away (React's state-during-render).
    setShown(value);
  }
  return near ? value : shown;
}
