/**
 * The block dispatcher: every block of the editor's schema as paragraphs and tables. Renderers of
 * blocks that contain blocks (list items, table cells, sections) come back here through
 * `RenderContext.blocks`. A block the export does not know keeps its text as a paragraph, so
 * nothing written is dropped.
 */
import { BorderStyle, Paragraph } from 'docx';
import type { ProseMirrorJSON } from '@shared/editor/json.js';
import { draftingCreditLines } from '@shared/domain/draftingCredits.js';
import { NODE } from '@shared/editor/structure/names.js';
import type { Block, BlockScope, RenderContext } from './context.js';
import { inlineRuns } from './inline.js';
import { renderList } from './lists.js';
import { renderNote } from './notes.js';
import { renderParagraph } from './paragraphs.js';
import { textRun } from './runs.js';
import { renderSection } from './sections.js';
import { INDENT, STYLE } from './styles.js';
import { renderTable, renderTableBlock } from './tables.js';
import { renderTermEntry } from './terms.js';
import { renderFigureBlock } from './figures.js';

/** A horizontal rule (StarterKit's `horizontalRule`, in free-form content). */
const RULE = { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 1 };

function renderBlock(node: ProseMirrorJSON, ctx: RenderContext, scope: BlockScope): Block[] {
  switch (node.type) {
    case NODE.paragraph:
    case NODE.referenceEntry:
      return [renderParagraph(node, ctx, scope)];
    case 'heading':
      return [
        new Paragraph({
          style: scope.inTable ? STYLE.tableText : STYLE.clause,
          children: inlineRuns(node.content, ctx.references, { hei: true }),
        }),
      ];
    case NODE.bulletList:
    case NODE.orderedList:
      return renderList(node, ctx, scope);
    case NODE.note:
      return [renderNote(node, ctx, scope)];
    case NODE.tableBlock:
      return renderTableBlock(node, ctx);
    case NODE.table:
      return [renderTable(node, ctx)];
    case NODE.figureBlock:
      return renderFigureBlock(node, ctx);
    case NODE.termEntry:
      return renderTermEntry(node, ctx);
    case NODE.chapter:
    case NODE.clause:
    case NODE.annex:
      return renderSection(node, ctx);
    case NODE.draftingCredits:
      return draftingCreditLines(ctx.credits).map(
        (line) => new Paragraph({ style: STYLE.body, children: [textRun(line)] }),
      );
    case NODE.horizontalRule:
      return [new Paragraph({ border: { bottom: RULE }, children: [] })];
    case 'blockquote':
      return ctx.blocks(node.content, { ...scope, indent: scope.indent + INDENT });
    case 'codeBlock':
      return [
        new Paragraph({
          style: STYLE.plain,
          indent: { left: scope.indent },
          children: inlineRuns(node.content, ctx.references),
        }),
      ];
    default:
      return node.content?.some((child) => child.type === NODE.text)
        ? [renderParagraph(node, ctx, scope)]
        : ctx.blocks(node.content, scope);
  }
}

/** `RenderContext.blocks`: renders blocks in order. */
export function renderBlocks(
  nodes: readonly ProseMirrorJSON[] | undefined,
  ctx: RenderContext,
  scope: BlockScope,
): Block[] {
  return (nodes ?? []).flatMap((node) => renderBlock(node, ctx, scope));
}
