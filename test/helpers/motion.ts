/**
 * Waiting for antd's enter motions (a dialog zooming in, a dropdown sliding down) to end before
 * clicking inside them.
 */
import type { Locator } from 'playwright-core';

/**
 * Resolves once nothing in the element is animating any more (looping animations such as a
 * spinner aside); throws after `timeoutMs`. A dialog zooms in from the button that opened it and a
 * dropdown slides down (0.2–0.3 s); on a busy machine Playwright can take the moving element for
 * stable, and the press and the release of its click then land on different nodes, so the click
 * reaches neither (no option chosen, no dialog submitted).
 */
export async function motionDone(locator: Locator, timeoutMs = 5000): Promise<void> {
  await locator.waitFor();
  const left = await locator.evaluate(async (element, timeout) => {
    const pending = () =>
      element
        .getAnimations({ subtree: true })
        .filter(
          (animation) =>
            animation.playState !== 'finished' &&
            animation.effect?.getComputedTiming().iterations !== Number.POSITIVE_INFINITY,
        );
    const deadline = performance.now() + timeout;
    for (let animations = pending(); animations.length > 0; animations = pending()) {
      if (performance.now() > deadline)
        return animations.map((a) => `${a instanceof CSSAnimation ? a.animationName : a.id} (${a.playState})`);
      // A timer, not a frame: the deadline holds even when the page draws no frames.
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    return [];
  }, timeoutMs);
  if (left.length > 0) throw new Error(`still animating after ${timeoutMs} ms: ${left.join(', ')}`);
}
