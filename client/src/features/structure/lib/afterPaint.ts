/**
 * Runs work once the frame that shows a change is painted and the page is idle (within
 * `IDLE_TIMEOUT_MS` under load), coalesced: work scheduled again before it ran runs once. Used for
 * state derived from the editor (toolbar states) that must not lengthen the frame of a keystroke.
 *
 * An idle callback, not `requestAnimationFrame`: a frame requested for this work alone is not free
 * while the editor has focus — Chromium recomputes the text-input state of the focused editing host
 * at the start of every frame (the caret's text offsets, counted from the start of the document),
 * ~10 ms a frame on a 100-page standard. The editor changes text in compositions after their frame,
 * so a rAF per transaction doubled the frames of Chinese input (bench/README.md "Editor at 100
 * pages"). Without `requestIdleCallback` (Safari), a rAF then a timeout, as before.
 *
 * All tasks share one frame and one timeout, so the states they set (the formatting toolbar's, the
 * structure toolbar's) land in the same task and React commits them together: every commit while
 * the editor has focus first saves the selection, which walks the editor's whole DOM.
 */
export interface AfterPaintTask {
  schedule(): void;
  cancel(): void;
}

interface Pending {
  run: () => void;
}

const pending = new Set<Pending>();
/** Longest wait for an idle moment: the toolbars never lag a change by more than this. */
const IDLE_TIMEOUT_MS = 100;

let requested = false;

function flush(): void {
  requested = false;
  const due = [...pending];
  pending.clear();
  for (const task of due) task.run();
}

function request(): void {
  if (requested) return;
  requested = true;
  if (typeof requestIdleCallback === 'function') {
    requestIdleCallback(flush, { timeout: IDLE_TIMEOUT_MS });
    return;
  }
  requestAnimationFrame(() => setTimeout(flush, 0));
}

export function afterPaintTask(run: () => void): AfterPaintTask {
  const task: Pending = { run };
  return {
    schedule() {
      if (pending.has(task)) return;
      pending.add(task);
      request();
    },
    cancel() {
      pending.delete(task);
    },
  };
}
