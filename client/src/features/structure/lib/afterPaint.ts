/**
 * Runs work right after the next frame is painted, coalesced: work scheduled again before it ran
 * runs once. Used for state derived from the editor (toolbar states) that must not lengthen the
 * frame of a keystroke: a rAF callback runs before that frame's paint, the timeout after it.
 */
export interface AfterPaintTask {
  schedule(): void;
  cancel(): void;
}

export function afterPaintTask(run: () => void): AfterPaintTask {
  let frame = 0;
  let timer: ReturnType<typeof setTimeout> | null = null;
  return {
    schedule() {
      if (frame !== 0 || timer !== null) return;
      frame = requestAnimationFrame(() => {
        frame = 0;
        timer = setTimeout(() => {
          timer = null;
          run();
        }, 0);
      });
    },
    cancel() {
      if (frame !== 0) cancelAnimationFrame(frame);
      if (timer !== null) clearTimeout(timer);
      frame = 0;
      timer = null;
    },
  };
}
