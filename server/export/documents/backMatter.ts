/**
 * The end of a standard: 参考文献 on a new page (title centred, entries flush left), and the end line
 * (终结线) — a short rule, a quarter of the type area wide, centred after the last element.
 */
import { BorderStyle, Bookmark, Paragraph } from 'docx';
import type { ProseMirrorJSON } from '@shared/editor/json.js';
import { NODE } from '@shared/editor/structure/names.js';
import type { Block, RenderContext } from './context.js';
import { BODY_SCOPE } from './context.js';
import { renderParagraph } from './paragraphs.js';
import { textRun } from './runs.js';
import { LINE, STYLE, TEXT_WIDTH, lineSpacing } from './styles.js';

export function renderBibliography(node: ProseMirrorJSON, ctx: RenderContext): Block[] {
  const bookmark = ctx.contents.add('参考文献', 1);
  return [
    new Paragraph({
      style: STYLE.annexTitle,
      pageBreakBefore: true,
      spacing: lineSpacing(0, LINE),
      children: [new Bookmark({ id: bookmark, children: [textRun('参　考　文　献')] })],
    }),
    ...(node.content ?? []).flatMap((child) =>
      child.type === NODE.paragraph
        ? [renderParagraph(child, ctx, BODY_SCOPE, { hanging: 0 })]
        : ctx.blocks([child], BODY_SCOPE),
    ),
  ];
}

const END_LINE = { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 1 };

export function endLine(): Paragraph {
  const side = Math.round((TEXT_WIDTH * 3) / 8);
  return new Paragraph({
    spacing: lineSpacing(2 * LINE),
    indent: { left: side, right: side },
    border: { top: END_LINE },
    children: [],
  });
}
