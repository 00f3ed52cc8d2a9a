/**
 * Fonts, sizes, page geometry and the paragraph styles of the exported documents (GB/T 1.1—2020
 * layout): 宋体 (SimSun) 五号 for the text, 黑体 (SimHei) for numbers and titles, 小五号 for notes and
 * tables. Every font names its East Asian face, so Word and WPS use SimSun/SimHei and LibreOffice
 * (which has neither on Linux) falls back to Noto CJK.
 */
import { AlignmentType, LineRuleType } from 'docx';
import type { IParagraphStyleOptions, IStylesOptions } from 'docx';

export interface FontFaces {
  ascii: string;
  hAnsi: string;
  eastAsia: string;
  cs: string;
}

/** 宋体: the text. */
export const SONG: FontFaces = { ascii: 'SimSun', hAnsi: 'SimSun', eastAsia: '宋体', cs: 'SimSun' };
/** 黑体: numbers, titles, captions. */
export const HEI: FontFaces = { ascii: 'SimHei', hAnsi: 'SimHei', eastAsia: '黑体', cs: 'SimHei' };

/** Chinese type sizes in half-points (what `docx` calls `size`). */
export const SIZE = {
  /** 一号 26 pt */
  yi: 52,
  /** 二号 22 pt */
  er: 44,
  /** 小二 18 pt */
  xiaoEr: 36,
  /** 三号 16 pt */
  san: 32,
  /** 四号 14 pt */
  si: 28,
  /** 小四 12 pt */
  xiaoSi: 24,
  /** 五号 10.5 pt: the text */
  wu: 21,
  /** 小五 9 pt: notes, tables, page numbers */
  xiaoWu: 18,
} as const;

/** Twips per point. */
const TWIPS = 20;

/** The width of one character of a size (half-points) in twips: 五号 → 210. */
export function charWidth(size: number): number {
  return (size / 2) * TWIPS;
}

/** How many characters wide `text` is: full-width (CJK) characters one, the rest half of one. */
export function charactersWide(text: string): number {
  let width = 0;
  for (const char of text) width += (char.codePointAt(0) ?? 0) > 0x2e7f ? 1 : 0.5;
  return width;
}

/** A4 portrait, in twips. */
export const PAGE = {
  width: 11906,
  height: 16838,
  margin: { top: 1417, bottom: 1134, left: 1417, right: 1134, header: 850, footer: 680 },
} as const;

/** The width of the type area. */
export const TEXT_WIDTH = PAGE.width - PAGE.margin.left - PAGE.margin.right;
/** The height of the type area. */
export const TEXT_HEIGHT = PAGE.height - PAGE.margin.top - PAGE.margin.bottom;

/**
 * The line pitch of 五号 text (固定值 15.6 pt, the grid of Chinese Word documents): fixed, so Word
 * (SimSun) and LibreOffice (Noto CJK, whose single line is taller) break pages alike.
 */
export const LINE = 312;
/** The line pitch of 小五 text. */
export const SMALL_LINE = 270;
/** Half a line: the space around chapter and clause headings. */
export const HALF_LINE = LINE / 2;

/** Two characters of 五号: the first-line indent of paragraphs and the indent of list levels. */
export const INDENT = 2 * charWidth(SIZE.wu);

/** Paragraph style ids (also their names in Word's style gallery). */
export const STYLE = {
  body: 'GBBody',
  plain: 'GBPlain',
  chapter: 'GBChapter',
  clause: 'GBClause',
  partTitle: 'GBPartTitle',
  annexTitle: 'GBAnnexTitle',
  caption: 'GBCaption',
  tableText: 'GBTableText',
  note: 'GBNote',
  contents1: 'GBContents1',
  contents2: 'GBContents2',
  term: 'GBTerm',
} as const;

const exact = (line: number) => ({ line, lineRule: LineRuleType.EXACT });

/** Single (automatic) line spacing, for large type and pictures, with space before and after. */
export function autoSpacing(before = 0, after = 0) {
  return { line: 240, lineRule: LineRuleType.AUTO, before, after };
}

/** Spacing of a 五号 paragraph on the fixed line pitch, with space before and after (twips). */
export function lineSpacing(before = 0, after = 0) {
  return { ...exact(LINE), before, after };
}

function style(
  id: string,
  name: string,
  run: IParagraphStyleOptions['run'],
  paragraph: IParagraphStyleOptions['paragraph'],
): IParagraphStyleOptions {
  return { id, name, basedOn: 'Normal', next: STYLE.body, quickFormat: true, run, paragraph };
}

/** The document's styles: defaults in 宋体 五号, and one paragraph style per kind of paragraph. */
export function documentStyles(): IStylesOptions {
  const hei = { font: HEI, size: SIZE.wu };
  return {
    default: {
      document: { run: { font: SONG, size: SIZE.wu }, paragraph: { spacing: exact(LINE) } },
    },
    paragraphStyles: [
      style(
        STYLE.body,
        '标准正文',
        { font: SONG, size: SIZE.wu },
        {
          alignment: AlignmentType.JUSTIFIED,
          indent: { firstLine: INDENT },
          spacing: exact(LINE),
        },
      ),
      style(
        STYLE.plain,
        '标准正文（无缩进）',
        { font: SONG, size: SIZE.wu },
        {
          alignment: AlignmentType.JUSTIFIED,
          spacing: exact(LINE),
        },
      ),
      style(STYLE.chapter, '章标题', hei, {
        keepNext: true,
        keepLines: true,
        outlineLevel: 0,
        spacing: { ...exact(LINE), before: HALF_LINE, after: HALF_LINE },
      }),
      style(STYLE.clause, '条标题', hei, {
        keepNext: true,
        keepLines: true,
        outlineLevel: 1,
        spacing: { ...exact(LINE), before: HALF_LINE / 2, after: HALF_LINE / 2 },
      }),
      style(
        STYLE.partTitle,
        '前言、目次标题',
        { font: HEI, size: SIZE.san },
        {
          alignment: AlignmentType.CENTER,
          keepNext: true,
          outlineLevel: 0,
          spacing: autoSpacing(0, 2 * LINE),
        },
      ),
      style(STYLE.annexTitle, '附录、参考文献标题', hei, {
        alignment: AlignmentType.CENTER,
        keepNext: true,
        keepLines: true,
        outlineLevel: 0,
        spacing: exact(LINE),
      }),
      style(STYLE.caption, '表题、图题', hei, {
        alignment: AlignmentType.CENTER,
        keepLines: true,
        spacing: { ...exact(LINE), before: HALF_LINE / 2, after: HALF_LINE / 2 },
      }),
      style(
        STYLE.tableText,
        '表格文字',
        { font: SONG, size: SIZE.xiaoWu },
        {
          alignment: AlignmentType.CENTER,
          spacing: exact(SMALL_LINE),
        },
      ),
      style(
        STYLE.note,
        '注',
        { font: SONG, size: SIZE.xiaoWu },
        {
          alignment: AlignmentType.JUSTIFIED,
          spacing: exact(SMALL_LINE),
        },
      ),
      style(STYLE.contents1, '目次 1', { font: SONG, size: SIZE.wu }, { spacing: exact(LINE) }),
      style(
        STYLE.contents2,
        '目次 2',
        { font: SONG, size: SIZE.wu },
        {
          indent: { left: INDENT / 2 },
          spacing: exact(LINE),
        },
      ),
      style(STYLE.term, '术语条目', hei, { keepNext: true, keepLines: true, spacing: exact(LINE) }),
    ],
  };
}
