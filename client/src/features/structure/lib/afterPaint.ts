/**
 * Runs work right after the next frame is painted, coalesced: work scheduled again before it ran
 * runs once. Used for state derived from the editor (toolbar states) that must not lengthen the
 * frame of a keystroke: a rAF callback runs before that frame's paint, the timeout after it.
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
let frame = 0;
let timer: ReturnType<typeof setTimeout> | null = null;

function flush(): void {
  timer = null;
  const due = [...pending];
  pending.clear();
  for (const task of due) task.run();
}

function request(): void {
  if (frame !== 0 || timer !== null) return;
  frame = requestAnimationFrame(() => {
    frame = 0;
    timer = setTimeout(flush, 0);
  });
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
