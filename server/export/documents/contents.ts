/**
 * The 目次: chapters, first-level clauses, annexes (附录A（规范性）…), 前言 and 参考文献, each with its
 * page number. LibreOffice's conversion fills a TOC field's entries but not their page numbers, so
 * the 目次 is written as plain paragraphs whose numbers are PAGEREF fields to bookmarks on the
 * headings: LibreOffice computes them when it lays out the pages, and Word updates them on opening
 * (the document asks it to: `updateFields`). Front-matter entries (前言) are numbered in Roman
 * numerals, which LibreOffice's page references do not show, so their page is written as text: the
 * 目次 starts on page I and 前言 follows it on a new page (`frontMatterPage`).
 */
import { InternalHyperlink, LeaderType, PageReference, Paragraph, TabStopType } from 'docx';
import { INDENT, LINE, SIZE, STYLE, TEXT_HEIGHT, TEXT_WIDTH, charWidth, charactersWide } from './styles.js';
import { textRun } from './runs.js';

export interface ContentsEntry {
  /** The bookmark on the heading. */
  bookmark: string;
  text: string;
  level: 1 | 2;
  /** A front-matter entry (前言): numbered in Roman numerals, written as text. */
  front: boolean;
}

/** The entries in document order; each heading that has one carries the bookmark `add` returns. */
export class Contents {
  readonly entries: ContentsEntry[] = [];

  add(text: string, level: 1 | 2, front = false): string {
    const bookmark = `gb_contents_${this.entries.length + 1}`;
    this.entries.push({ bookmark, text, level, front });
    return bookmark;
  }
}

/** I, II, III … */
export function romanNumeral(value: number): string {
  const numerals: [number, string][] = [
    [1000, 'M'],
    [900, 'CM'],
    [500, 'D'],
    [400, 'CD'],
    [100, 'C'],
    [90, 'XC'],
    [50, 'L'],
    [40, 'XL'],
    [10, 'X'],
    [9, 'IX'],
    [5, 'V'],
    [4, 'IV'],
    [1, 'I'],
  ];
  let rest = value;
  let roman = '';
  for (const [amount, numeral] of numerals) {
    while (rest >= amount) {
      roman += numeral;
      rest -= amount;
    }
  }
  return roman;
}

/** Room kept at the end of an entry's last line for the dot leader and the page number. */
const NUMBER_ROOM = 4 * charWidth(SIZE.wu);
/** The 目次 title (三号, two lines after it) takes about as much height as four lines of entries. */
const TITLE_LINES = 4;

/** The lines an entry takes (entries wrap only when their text is longer than a line). */
function entryLines(entry: ContentsEntry): number {
  const room = TEXT_WIDTH - (entry.level === 2 ? INDENT / 2 : 0);
  return Math.max(1, Math.ceil((charactersWide(entry.text) * charWidth(SIZE.wu) + NUMBER_ROOM) / room));
}

/** The page (counted from the 目次's first page, I) on which the part after the 目次 starts. */
export function frontMatterPage(entries: readonly ContentsEntry[]): number {
  const perPage = Math.floor(TEXT_HEIGHT / LINE);
  const lines = TITLE_LINES + entries.reduce((sum, entry) => sum + entryLines(entry), 0);
  return Math.ceil(lines / perPage) + 1;
}

/** The 目次's paragraphs: its title, then one line per entry, linked to its heading. */
export function contentsParagraphs(entries: readonly ContentsEntry[]): Paragraph[] {
  const forewordPage = romanNumeral(frontMatterPage(entries));
  return [
    new Paragraph({ style: STYLE.partTitle, children: [textRun('目　　次')] }),
    ...entries.map(
      (entry) =>
        new Paragraph({
          style: entry.level === 1 ? STYLE.contents1 : STYLE.contents2,
          tabStops: [{ type: TabStopType.RIGHT, position: TEXT_WIDTH, leader: LeaderType.DOT }],
          children: [
            new InternalHyperlink({ anchor: entry.bookmark, children: [textRun(entry.text)] }),
            textRun('\t'),
            entry.front ? textRun(forewordPage) : new PageReference(entry.bookmark, { hyperlink: true }),
          ],
        }),
    ),
  ];
}
