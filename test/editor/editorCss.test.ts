/**
 * The client's style sheets have no rule whose subject is the universal selector after a sibling
 * combinator (`* + *`, `p ~ *`): with one, Chromium restyles every descendant of a parent when a child
 * is inserted or removed — on a 100-page standard, inserting or deleting an annex (a top-level
 * block) restyled all ~13,800 elements of the text (80–120 ms; bench/README.md "Editor at 100
 * pages"). `:where(:not(:first-child))` selects the same elements without that cost.
 *
 * Nor do they position every table cell: each positioned element is a paint layer that Chromium
 * visits when it hit-tests and paints (4,960 cells on the duplicated worst case).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const CLIENT = join(import.meta.dirname, '../../client/src');

function cssFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return cssFiles(path);
    return entry.name.endsWith('.css') ? [path] : [];
  });
}

/** The selectors of a style sheet (comments removed; at-rule preludes are not selectors). */
function selectors(css: string): string[] {
  const plain = css.replace(/\/\*[\s\S]*?\*\//g, '');
  const found: string[] = [];
  for (const match of plain.matchAll(/([^{};]+)\{/g)) {
    const prelude = (match[1] ?? '').trim();
    if (prelude.startsWith('@')) continue;
    found.push(...prelude.split(',').map((s) => s.trim()));
  }
  return found;
}

/** The subject (last compound) follows `+` or `~` and is the universal selector alone. */
function universalSiblingSubject(selector: string): boolean {
  return /[+~]\s*\*(?:::?[\w-]+(?:\([^)]*\))?)*\s*$/.test(selector);
}

/** The rules of a style sheet: selectors and declarations (comments removed, no nesting). */
function rules(css: string): { selectors: string[]; body: string }[] {
  const plain = css.replace(/\/\*[\s\S]*?\*\//g, '');
  return [...plain.matchAll(/([^{};]+)\{([^{}]*)\}/g)]
    .filter((match) => !(match[1] ?? '').trim().startsWith('@'))
    .map((match) => ({ selectors: (match[1] ?? '').split(',').map((s) => s.trim()), body: match[2] ?? '' }));
}

/** The subject is a table cell (`td`, `th`, with or without classes), not a pseudo-element of one. */
function cellSubject(selector: string): boolean {
  return /(?:^|[\s>+~])t[dh](?:[.:[][^\s>+~]*)?$/.test(selector) && !/::?(?:before|after)$/.test(selector);
}

describe('client style sheets', () => {
  it('recognizes a universal subject after a sibling combinator', () => {
    expect(universalSiblingSubject('.standard-page__content > * + *')).toBe(true);
    expect(universalSiblingSubject('.a ~ *')).toBe(true);
    expect(universalSiblingSubject('.a + *::before')).toBe(true);
    expect(universalSiblingSubject('.standard-page__content > :where(:not(:first-child))')).toBe(false);
    expect(universalSiblingSubject('.a + .b')).toBe(false);
    expect(universalSiblingSubject('.a > *')).toBe(false);
  });

  it('have no rule whose subject is `*` after a sibling combinator', () => {
    const files = cssFiles(CLIENT);
    expect(files.length).toBeGreaterThan(0);
    const offending = files.flatMap((file) =>
      selectors(readFileSync(file, 'utf8'))
        .filter(universalSiblingSubject)
        .map((selector) => `${file.slice(CLIENT.length + 1)}: ${selector}`),
    );
    expect(offending).toEqual([]);
  });

  it('recognizes a rule whose subject is a table cell', () => {
    expect(cellSubject('.standard-page__content td')).toBe(true);
    expect(cellSubject('.standard-page__content > table th.x')).toBe(true);
    expect(cellSubject('.standard-page__content td p')).toBe(false);
    expect(cellSubject('.standard-page__content td::after')).toBe(false);
    expect(cellSubject('.standard-page__content .selectedCell')).toBe(false);
  });

  it('do not position every table cell (a paint layer each); only a selected cell is', () => {
    const all = cssFiles(CLIENT).flatMap((file) => rules(readFileSync(file, 'utf8')));
    const positioned = all.filter(
      (rule) => rule.selectors.some(cellSubject) && /(?:^|;)\s*position\s*:\s*(?!static)/.test(rule.body),
    );
    expect(positioned.map((rule) => rule.selectors.join(', '))).toEqual([]);
    const selected = all.find((rule) => rule.selectors.some((s) => /\.selectedCell$/.test(s)));
    expect(selected?.body).toMatch(/position\s*:\s*relative/);
  });
});
