/**
 * A thread card is selected by a click anywhere on it, except on its own controls (buttons, the
 * comment box, popups rendered elsewhere), and by Enter or Space on its quote, the card's button.
 */
import type { KeyboardEvent, MouseEvent } from 'react';

/** The class of the quote's button, the element keyboard users select a thread with. */
export const THREAD_SELECT_CLASS = 'comment-thread__select';

const CONTROLS = 'button, a, input, textarea, [role="button"], .comment-composer';

export function clickSelectsThread(event: MouseEvent<HTMLElement>): boolean {
  const target = event.target;
  // Popups (a delete confirmation, the mention list) are rendered outside the card.
  if (!(target instanceof Element) || !event.currentTarget.contains(target)) return false;
  const control = target.closest(CONTROLS);
  return control === null || control.classList.contains(THREAD_SELECT_CLASS);
}

export function keySelectsThread(event: KeyboardEvent<HTMLElement>): boolean {
  return (
    (event.key === 'Enter' || event.key === ' ') &&
    event.target instanceof Element &&
    event.target.classList.contains(THREAD_SELECT_CLASS)
  );
}
