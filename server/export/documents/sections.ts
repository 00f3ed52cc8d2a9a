/**
 * Chapters, clauses and annexes: the heading with its computed number ("5.2.1　保温效能"; an annex's
 * "附录A", "（规范性）" and title centred on a new page), then its blocks and subclauses. Headings that
 * the 目次 lists (chapters, first-level clauses of chapters, annexes) carry its bookmark. An untitled
 * clause starts its first paragraph with its number, as GB/T 1.1 prints it.
 */
import { Bookmark, Paragraph } from 'docx';
import type { ParagraphChild } from 'docx';
import type { ProseMirrorJSON } from '@shared/editor/json.js';
import { ANNEX_TYPE_LABELS, NODE } from '@shared/editor/structure/names.js';
import type { NumberedItem } from '@shared/editor/structure/numberingTypes.js';
import type { Block, RenderContext } from './context.js';
import { BODY_SCOPE } from './context.js';
import { inlineRuns, inlineText } from './inline.js';
import { textRun } from './runs.js';
import { HALF_LINE, LINE, STYLE, lineSpacing } from './styles.js';

/** The space between a number and its title. */
export const NUMBER_GAP = '　';

function bookmarked(bookmark: string | null, children: ParagraphChild[]): ParagraphChild[] {
  return bookmark ? [new Bookmark({ id: bookmark, children })] : children;
}

function annexHeading(item: NumberedItem, title: ProseMirrorJSON | undefined, ctx: RenderContext): Paragraph[] {
  const type = ANNEX_TYPE_LABELS[item.annexType ?? 'normative'];
  const titleText = inlineText(title?.content, ctx.references).trim();
  const bookmark = ctx.contents.add(`${item.label}${type}${NUMBER_GAP}${titleText}`, 1);
  return [
    new Paragraph({
      style: STYLE.annexTitle,
      pageBreakBefore: true,
      children: bookmarked(bookmark, [textRun(item.label)]),
    }),
    new Paragraph({ style: STYLE.annexTitle, children: [textRun(type)] }),
    new Paragraph({
      style: STYLE.annexTitle,
      spacing: lineSpacing(0, LINE),
      children: inlineRuns(title?.content, ctx.references),
    }),
  ];
}

function sectionHeading(
  node: ProseMirrorJSON,
  item: NumberedItem,
  title: ProseMirrorJSON | undefined,
  ctx: RenderContext,
  inAnnex: boolean,
): Paragraph {
  const chapter = node.type === NODE.chapter;
  const titleText = inlineText(title?.content, ctx.references).trim();
  const listed = chapter || (item.depth === 2 && !inAnnex);
  const bookmark = listed ? ctx.contents.add(`${item.label}${NUMBER_GAP}${titleText}`, chapter ? 1 : 2) : null;
  return new Paragraph({
    style: chapter ? STYLE.chapter : STYLE.clause,
    outlineLevel: Math.min(item.depth - 1, 8),
    children: bookmarked(bookmark, [
      textRun(item.label),
      textRun(NUMBER_GAP),
      ...inlineRuns(title?.content, ctx.references),
    ]),
  });
}

/** An untitled clause: its number in 黑体 at the start of its first paragraph. */
function untitledClause(item: NumberedItem, first: ProseMirrorJSON | undefined, ctx: RenderContext): Paragraph {
  const number = [textRun(item.label, { hei: true }), textRun(NUMBER_GAP)];
  if (first?.type === NODE.paragraph) {
    return new Paragraph({
      style: STYLE.plain,
      spacing: lineSpacing(HALF_LINE / 2),
      children: [...number, ...inlineRuns(first.content, ctx.references)],
    });
  }
  return new Paragraph({ style: STYLE.clause, outlineLevel: Math.min(item.depth - 1, 8), children: number });
}

/** A chapter, clause or annex with everything in it. */
export function renderSection(node: ProseMirrorJSON, ctx: RenderContext, inAnnex = false): Block[] {
  const item = ctx.labels.get(node)?.item;
  if (!item) return ctx.blocks(node.content, BODY_SCOPE);
  const children = node.content ?? [];
  const title = children.find((child) => child.type === NODE.sectionTitle);
  let rest = children.filter((child) => child !== title);
  const annex = node.type === NODE.annex;
  const blocks: Block[] = [];
  if (annex) {
    blocks.push(...annexHeading(item, title, ctx));
  } else if (node.type === NODE.clause && inlineText(title?.content, ctx.references).trim() === '') {
    const first = rest[0];
    blocks.push(untitledClause(item, first, ctx));
    if (first?.type === NODE.paragraph) rest = rest.slice(1);
  } else {
    blocks.push(sectionHeading(node, item, title, ctx, inAnnex));
  }
  for (const child of rest) {
    if (child.type === NODE.clause) blocks.push(...renderSection(child, ctx, inAnnex || annex));
    else blocks.push(...ctx.blocks([child], BODY_SCOPE));
  }
  return blocks;
}
