/**
 * Scrolls an element of the standard's text into the middle of the view, and keeps it there while
 * the text around it is drawn. Off-screen clauses are not laid out (`content-visibility: auto` in
 * structure.css) and count as an estimated height until drawn; once the view has moved, the
 * clauses near it are drawn with their real heights and the target moves. So its place is checked
 * again in the following frames and the scroll repeated until it holds, for at most a second, and
 * never against the reader: a wheel, key or pointer press ends it.
 */

/** Frames in a row in which the target must stay where the last scroll put it. */
const STABLE_FRAMES = 3;
const MAX_FRAMES = 60;
const TOLERANCE_PX = 2;
const READER_EVENTS = ['wheel', 'keydown', 'pointerdown', 'touchstart'] as const;

export function scrollIntoViewSettled(element: Element): void {
  const scroll = (): number => {
    element.scrollIntoView({ block: 'center' });
    return element.getBoundingClientRect().top;
  };
  let placed = scroll();
  let stable = 0;
  let frames = 0;
  let stopped = false;
  const stop = () => {
    stopped = true;
    for (const type of READER_EVENTS) window.removeEventListener(type, stop, true);
  };
  for (const type of READER_EVENTS) window.addEventListener(type, stop, { capture: true, passive: true });
  const check = () => {
    if (stopped) return;
    if (!element.isConnected || ++frames > MAX_FRAMES) {
      stop();
      return;
    }
    if (Math.abs(element.getBoundingClientRect().top - placed) <= TOLERANCE_PX) {
      stable += 1;
    } else {
      stable = 0;
      placed = scroll();
    }
    if (stable >= STABLE_FRAMES) stop();
    else requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
}
