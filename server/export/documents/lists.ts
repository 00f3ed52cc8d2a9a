/**
 * GB/T 1.1 lists: items introduced by "——" (bullet lists) or "a)" "1)" (ordered lists, from their
 * `start`), two characters in from the text, the item's text hanging after its label; a nested list
 * starts where its parent item's text does.
 */
import type { ProseMirrorJSON } from '@shared/editor/json.js';
import { NODE } from '@shared/editor/structure/names.js';
import { annexLetter } from '@shared/editor/structure/numbering.js';
import type { Block, BlockScope, RenderContext } from './context.js';
import { renderParagraph } from './paragraphs.js';
import { textRun } from './runs.js';
import { INDENT } from './styles.js';

/** The room of a label ("——", "a)", "10)"): two characters. */
const LABEL_WIDTH = INDENT;

function startOf(node: ProseMirrorJSON): number {
  const start = node.attrs?.start;
  return typeof start === 'number' && Number.isInteger(start) && start > 0 ? start : 1;
}

function labelOf(list: ProseMirrorJSON, index: number): string {
  if (list.type === NODE.bulletList) return '——';
  const position = startOf(list) + index;
  return list.attrs?.listStyle === 'number' ? `${position})` : `${annexLetter(position - 1).toLowerCase()})`;
}

/** "——" is as wide as the label's room, so the text follows it; "a)" is narrower and tabs to the text. */
function labelRuns(list: ProseMirrorJSON, label: string) {
  return list.type === NODE.bulletList ? [textRun(label)] : [textRun(label), textRun('\t')];
}

export function renderList(list: ProseMirrorJSON, ctx: RenderContext, scope: BlockScope): Block[] {
  const labelAt = scope.inTable ? scope.indent : scope.indent + INDENT;
  const textScope: BlockScope = { indent: labelAt + LABEL_WIDTH, inTable: scope.inTable };
  const nestedScope: BlockScope = { indent: labelAt, inTable: scope.inTable };
  const blocks: Block[] = [];
  (list.content ?? []).forEach((item, index) => {
    const label = labelOf(list, index);
    let labelled = false;
    for (const child of item.content ?? []) {
      if (child.type === NODE.paragraph && !labelled) {
        labelled = true;
        blocks.push(renderParagraph(child, ctx, textScope, { prefix: labelRuns(list, label), hanging: LABEL_WIDTH }));
      } else if (child.type === NODE.bulletList || child.type === NODE.orderedList) {
        blocks.push(...renderList(child, ctx, nestedScope));
      } else {
        blocks.push(...ctx.blocks([child], textScope));
      }
    }
  });
  return blocks;
}
