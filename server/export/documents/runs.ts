/** Text runs: a piece of text in 宋体 or 黑体 at a size, with the marks the editor has. */
import { TextRun } from 'docx';
import { HEI, SONG } from './styles.js';

export interface RunStyle {
  /** 黑体 instead of the paragraph style's font. */
  hei?: boolean;
  /** Half-points; the paragraph style's size when absent. */
  size?: number;
  bold?: boolean;
  italics?: boolean;
  underline?: boolean;
  strike?: boolean;
}

/** A run of `text` (in the paragraph style's font and size unless `style` says otherwise). */
export function textRun(text: string, style: RunStyle = {}): TextRun {
  return new TextRun({
    text,
    font: style.hei ? HEI : style.size !== undefined ? SONG : undefined,
    size: style.size,
    bold: style.bold,
    italics: style.italics,
    underline: style.underline ? {} : undefined,
    strike: style.strike,
  });
}

/** A line break inside a paragraph. */
export function lineBreak(): TextRun {
  return new TextRun({ break: 1 });
}
