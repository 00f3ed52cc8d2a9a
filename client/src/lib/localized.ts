/** Texts the server and the shared rule tables give in both UI languages (`{ zh, en }`). */
import type { LocalizedText } from '@shared/checker/types';

/** The text of the current UI language. */
export function localized(text: LocalizedText, language: string): string {
  return language.startsWith('en') ? text.en : text.zh;
}
