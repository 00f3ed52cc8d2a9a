/**
 * Figures: the image centred in the type area (scaled down to fit it), "图1　标题" centred below it.
 * A figure whose image is still to be supplied, or in a format Word cannot show, prints a framed
 * placeholder instead, so the gap is visible on paper.
 */
import { AlignmentType, BorderStyle, ImageRun, Paragraph } from 'docx';
import type { ProseMirrorJSON } from '@shared/editor/json.js';
import { NODE } from '@shared/editor/structure/names.js';
import type { Block, RenderContext } from './context.js';
import { inlineRuns } from './inline.js';
import { figureImage } from './imageSize.js';
import { textRun } from './runs.js';
import { NUMBER_GAP } from './sections.js';
import { STYLE, TEXT_HEIGHT, TEXT_WIDTH, autoSpacing } from './styles.js';

/** Twips per pixel at 96 dpi. */
const TWIPS_PER_PIXEL = 15;
/** A figure takes at most this share of the page's height (its caption and some text fit beside it). */
const MAX_HEIGHT_SHARE = 0.7;

const FRAME = { style: BorderStyle.SINGLE, size: 4, color: '000000', space: 8 };

function imageParagraph(src: string): Paragraph {
  const image = figureImage(src);
  if (!image) {
    return new Paragraph({
      alignment: AlignmentType.CENTER,
      keepNext: true,
      border: { top: FRAME, bottom: FRAME, left: FRAME, right: FRAME },
      indent: { left: TEXT_WIDTH / 4, right: TEXT_WIDTH / 4 },
      spacing: autoSpacing(600, 600),
      children: [textRun(src ? '（图片格式无法导出）' : '（图片待补充）')],
    });
  }
  const maxWidth = TEXT_WIDTH / TWIPS_PER_PIXEL;
  const maxHeight = (TEXT_HEIGHT * MAX_HEIGHT_SHARE) / TWIPS_PER_PIXEL;
  const scale = Math.min(1, maxWidth / image.width, maxHeight / image.height);
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    keepNext: true,
    // Automatic line spacing: a fixed line pitch would cut the picture off.
    spacing: autoSpacing(120),
    children: [
      new ImageRun({
        type: image.type,
        data: image.data,
        transformation: { width: Math.floor(image.width * scale), height: Math.floor(image.height * scale) },
      }),
    ],
  });
}

export function renderFigureBlock(node: ProseMirrorJSON, ctx: RenderContext): Block[] {
  const label = ctx.labels.get(node)?.label ?? '';
  const caption = (node.content ?? []).find((child) => child.type === NODE.caption);
  const src = typeof node.attrs?.src === 'string' ? node.attrs.src : '';
  return [
    imageParagraph(src),
    new Paragraph({
      style: STYLE.caption,
      children: [textRun(label), textRun(NUMBER_GAP), ...inlineRuns(caption?.content, ctx.references)],
    }),
  ];
}
