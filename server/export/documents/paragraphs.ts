/**
 * A paragraph of text: 宋体 五号 with a two-character first-line indent in the text, 小五号 without
 * one in a table cell, aligned to its list level when it is in a list.
 */
import { AlignmentType, Paragraph } from 'docx';
import type { ParagraphChild } from 'docx';
import type { ProseMirrorJSON } from '@shared/editor/json.js';
import type { BlockScope, RenderContext } from './context.js';
import { inlineRuns } from './inline.js';
import { STYLE } from './styles.js';

const ALIGNMENTS = {
  left: AlignmentType.LEFT,
  center: AlignmentType.CENTER,
  right: AlignmentType.RIGHT,
  justify: AlignmentType.JUSTIFIED,
} as const;

function alignmentOf(node: ProseMirrorJSON) {
  const align = node.attrs?.textAlign;
  return typeof align === 'string' && align in ALIGNMENTS ? ALIGNMENTS[align as keyof typeof ALIGNMENTS] : undefined;
}

export interface ParagraphOptions {
  /** Runs before the paragraph's own (a list label and its tab). */
  prefix?: ParagraphChild[];
  /** A hanging indent (list items): the lines after the first start at `scope.indent`. */
  hanging?: number;
}

export function renderParagraph(
  node: ProseMirrorJSON,
  ctx: RenderContext,
  scope: BlockScope,
  options: ParagraphOptions = {},
): Paragraph {
  const style = scope.inTable ? STYLE.tableText : scope.indent > 0 || options.hanging ? STYLE.plain : STYLE.body;
  const indent =
    options.hanging !== undefined
      ? { left: scope.indent, hanging: options.hanging }
      : scope.indent > 0
        ? { left: scope.indent }
        : undefined;
  return new Paragraph({
    style,
    alignment: alignmentOf(node),
    indent,
    children: [...(options.prefix ?? []), ...inlineRuns(node.content, ctx.references)],
  });
}
