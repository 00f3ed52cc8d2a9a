/**
 * Scrolls an element to the middle of the view and keeps it there until the layout around it has
 * settled. Clauses far from the viewport are not laid out (`content-visibility: auto` in
 * features/structure/styles/structure.css): their height is an estimate until they are drawn, so
 * the first scroll lands near the target, the clauses around it are drawn, and the target moves.
 * Each frame the element's place is read; once it stayed put for a few frames (scrolling and
 * drawing are done), it is centred again, until that no longer moves it. One settling at a time:
 * a new jump, or the reader's wheel, touch or key, ends the previous one.
 */

/** A correction that moves the element less than this (px) means it is where it belongs. */
const TOLERANCE = 4;
/** Give up after this many frames (~2 s). */
const MAX_FRAMES = 120;
/** Frames the element must keep its place before it counts as settled. */
const STILL_FRAMES = 3;
/** Re-scroll at most this many times. */
const MAX_CORRECTIONS = 6;

let current = 0;

export function scrollToCenter(element: Element): void {
  const token = ++current;
  const view = element.ownerDocument.defaultView;
  // The reader scrolling themselves ends the settling.
  const stop = (): void => {
    if (token === current) current++;
  };
  view?.addEventListener('wheel', stop, { once: true, passive: true });
  view?.addEventListener('touchstart', stop, { once: true, passive: true });
  view?.addEventListener('keydown', stop, { once: true });
  const done = (): void => {
    view?.removeEventListener('wheel', stop);
    view?.removeEventListener('touchstart', stop);
    view?.removeEventListener('keydown', stop);
  };
  element.scrollIntoView({ behavior: 'smooth', block: 'center' });
  let last = Number.NaN;
  let frames = 0;
  let corrections = 0;
  let still = 0;
  /** One frame of settling; false when it is over. */
  const settle = (): boolean => {
    if (token !== current || !element.isConnected) return false;
    const top = element.getBoundingClientRect().top;
    if (top !== last) {
      last = top;
      still = 0;
      return true;
    }
    // Sections that came into view are drawn a frame or two after the scroll that revealed them.
    if (++still < STILL_FRAMES) return true;
    // Scrolling and drawing are done: centre it again (a no-op when it is where it belongs).
    element.scrollIntoView({ behavior: 'auto', block: 'center' });
    const moved = Math.abs(element.getBoundingClientRect().top - top);
    if (moved <= TOLERANCE || ++corrections >= MAX_CORRECTIONS) return false;
    last = Number.NaN;
    still = 0;
    return true;
  };
  const tick = (): void => {
    if (settle() && ++frames < MAX_FRAMES) requestAnimationFrame(tick);
    else done();
  };
  requestAnimationFrame(tick);
}
