/**
 * Finds where labels (`5.2`, `A.1`, `表1`, `图A.2`, `附录B`) are mentioned in running text in one pass
 * over the text, instead of testing one regular expression per label against every text.
 *
 * Each label comes with the pattern that decides whether an occurrence is a mention (the words around
 * it, what may not follow it …); the pattern is compiled once, as a sticky expression. A scan looks
 * at each place where a label can start, takes the longest label-shaped token there and looks its
 * prefixes up among the labels; only those candidates are tested with their pattern, at that place.
 * This finds exactly what `pattern.test(text)` finds for every pattern that starts with its label
 * literally: a match of such a pattern starts with the label, and a label-shaped string is a prefix
 * of the longest token where it starts. Labels of another shape are tested the plain way.
 */

/** A label in running text: `附录A`; `5`, `5.2.1`, `A.1`, optionally after `表`/`图`. */
const TOKEN = /附录[A-Za-z]+|[表图]?(?:[A-Z](?:\.\d+)*|\d+(?:\.\d+)*)/y;
const LABEL_SHAPE = /^(?:附录[A-Za-z]+|[表图]?(?:[A-Z](?:\.\d+)*|\d+(?:\.\d+)*))$/;

/** Whether a label can start with this character (a digit, a capital, 表, 图 or 附). */
function canStart(code: number): boolean {
  return (
    (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || code === 0x8868 || code === 0x56fe || code === 0x9644
  );
}

interface Entry<T> {
  /** The label's pattern, sticky: tested at one place. */
  readonly at: RegExp;
  readonly value: T;
}

export class LabelMentions<T> {
  private readonly byLabel = new Map<string, Entry<T>[]>();
  /** Labels that are not label-shaped: their pattern is tested against the whole text. */
  private readonly others: { pattern: RegExp; value: T }[] = [];
  private longest = 0;

  /**
   * Registers `value`, mentioned where `pattern` matches. The pattern must begin with `label`
   * literally (lookbehinds before it are fine) and carry no `g` flag.
   */
  add(label: string, pattern: RegExp, value: T): void {
    if (!LABEL_SHAPE.test(label)) {
      this.others.push({ pattern, value });
      return;
    }
    const entry: Entry<T> = { at: new RegExp(pattern.source, `${pattern.flags.replace(/[gy]/g, '')}y`), value };
    const list = this.byLabel.get(label);
    if (list) list.push(entry);
    else this.byLabel.set(label, [entry]);
    this.longest = Math.max(this.longest, label.length);
  }

  /** The values mentioned in `text`. */
  mentionedIn(text: string): Set<T> {
    const found = new Set<T>();
    this.scan(text, (value) => {
      found.add(value);
      return false;
    });
    return found;
  }

  /** Whether any value is mentioned in `text`. */
  anyIn(text: string): boolean {
    return this.scan(text, () => true);
  }

  /** Calls `visit` with each mention (repeats included) until it returns true; whether it did. */
  private scan(text: string, visit: (value: T) => boolean): boolean {
    if (this.byLabel.size > 0) {
      for (let i = 0; i < text.length; i++) {
        if (!canStart(text.charCodeAt(i))) continue;
        TOKEN.lastIndex = i;
        const token = TOKEN.exec(text)?.[0];
        if (token === undefined) continue;
        const max = Math.min(token.length, this.longest);
        for (let length = 1; length <= max; length++) {
          const entries = this.byLabel.get(token.slice(0, length));
          if (entries === undefined) continue;
          for (const entry of entries) {
            entry.at.lastIndex = i;
            if (entry.at.test(text) && visit(entry.value)) return true;
          }
        }
      }
    }
    for (const other of this.others) if (other.pattern.test(text) && visit(other.value)) return true;
    return false;
  }
}
