/** Small text helpers shared by the rules. */

/** Characters on each side of a match in an excerpt. */
const EXCERPT_CONTEXT = 16;

/** A short piece of `text` around `index`, with ellipses where it was cut. */
export function excerpt(text: string, index = 0, length = 0): string {
  const flat = text.replace(/\s*\n\s*/g, ' ');
  const start = Math.max(0, index - EXCERPT_CONTEXT);
  const end = Math.min(flat.length, index + length + EXCERPT_CONTEXT);
  return `${start > 0 ? '…' : ''}${flat.slice(start, end).trim()}${end < flat.length ? '…' : ''}`;
}

/** Text without any whitespace (Chinese text is compared this way: spaces carry no meaning). */
export function compact(text: string): string {
  return text.replace(/[\s\u3000]+/g, '');
}

/** Half-width brackets and colons as full-width ones, whitespace removed: for fixed sentences. */
export function normalizeSentence(text: string): string {
  return compact(text)
    .replace(/\(/g, '（')
    .replace(/\)/g, '）')
    .replace(/:/g, '：')
    .replace(/,/g, '，')
    .replace(/;/g, '；');
}

export interface Match {
  text: string;
  index: number;
  groups: readonly (string | undefined)[];
}

/** All matches of a global regular expression. */
export function matchAll(pattern: RegExp, text: string): Match[] {
  // String.prototype.matchAll clones a global pattern, so a shared one is safe to pass.
  const re = pattern.global ? pattern : new RegExp(pattern.source, `${pattern.flags}g`);
  return [...text.matchAll(re)].map((m) => ({ text: m[0], index: m.index ?? 0, groups: m.slice(1) }));
}

/** Escapes a string for use inside a regular expression. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/** A table or figure label (`表1`, `图A.2`) in running text, not the start of a longer one (`表10`, `表1.1`). */
export function floatMentionPattern(label: string): RegExp {
  return new RegExp(`${escapeRegExp(label)}(?![\\d]|\\.\\d)`);
}

/** A clause number written in running text, with the words around it that make it a reference. */
export function clauseMentionPattern(label: string): RegExp {
  const l = escapeRegExp(label);
  const end = '(?![\\d]|\\.\\d)';
  const before = '(?:按|见|照|符合|满足|依据|根据|和|、|及|与|或|至|～|第)\\s*';
  const after = '\\s*(?:的|中|规定|要求|条|、|和|及|或|）|\\)|试验|检验|进行|测定|测试)';
  return new RegExp(`(?<![\\d.A-Za-z])(?:(?<=${before})${l}${end}|${l}${end}(?=${after}))`);
}
