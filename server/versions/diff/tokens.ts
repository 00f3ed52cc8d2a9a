/**
 * Inline atoms (cross-references, indicator links, hard breaks, figure images) and note markers take
 * part in the text difference as one character each: a private-use character per distinct atom,
 * shared by both states, so that "见5.2" compares by the target's id (a renumbering is not a change)
 * and is shown with the label each state gives it.
 */

/** What a token stands for: resolved to display text per state. */
export type TokenMeaning =
  | { kind: 'crossRef'; targetId: string }
  | { kind: 'indicator'; targetId: string }
  | { kind: 'hardBreak' }
  | { kind: 'image' }
  | { kind: 'note' };

const FIRST = 0xe000;
const LAST = 0xf8ff;

export class TokenTable {
  private readonly byKey = new Map<string, string>();
  private readonly meanings = new Map<string, TokenMeaning>();
  private next = FIRST;

  /** The character standing for `meaning` (with `key` telling distinct atoms apart). */
  token(key: string, meaning: TokenMeaning): string {
    const known = this.byKey.get(key);
    if (known !== undefined) return known;
    // Past the Basic Multilingual Plane's private use area, supplementary private use characters
    // (two UTF-16 units; the tokenizer keeps code points together).
    const code = this.next <= LAST ? this.next : 0xf0000 + (this.next - LAST - 1);
    this.next += 1;
    const char = String.fromCodePoint(code);
    this.byKey.set(key, char);
    this.meanings.set(char, meaning);
    return char;
  }

  meaning(char: string): TokenMeaning | undefined {
    return this.meanings.get(char);
  }

  /** `text` with every token replaced by what `resolve` makes of it. */
  render(text: string, resolve: (meaning: TokenMeaning) => string): string {
    if (this.meanings.size === 0) return text;
    let out = '';
    for (const char of text) {
      const meaning = this.meanings.get(char);
      out += meaning ? resolve(meaning) : char;
    }
    return out;
  }
}
