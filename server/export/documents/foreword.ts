/**
 * 前言 on a new page: its title, then its text — the fixed statements as the drafting group wrote
 * them and the drafting credits (主要起草单位 …) generated from the drafting group.
 */
import { Bookmark, Paragraph } from 'docx';
import type { ProseMirrorJSON } from '@shared/editor/json.js';
import type { Block, RenderContext } from './context.js';
import { BODY_SCOPE } from './context.js';
import { textRun } from './runs.js';
import { STYLE } from './styles.js';

/** @param newPage the 目次 comes before it in the same section */
export function renderForeword(node: ProseMirrorJSON, ctx: RenderContext, newPage: boolean): Block[] {
  const bookmark = ctx.contents.add('前言', 1, true);
  return [
    new Paragraph({
      style: STYLE.partTitle,
      pageBreakBefore: newPage,
      children: [new Bookmark({ id: bookmark, children: [textRun('前　　言')] })],
    }),
    ...ctx.blocks(node.content, BODY_SCOPE),
  ];
}
