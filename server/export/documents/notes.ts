/**
 * Notes (注： / 注1：注2：…) in 小五号: the label computed from the note's place among its parent's
 * notes, the text hanging after it; indented two characters in the text, flush in a table.
 */
import { Paragraph } from 'docx';
import type { ProseMirrorJSON } from '@shared/editor/json.js';
import type { BlockScope, RenderContext } from './context.js';
import { inlineRuns } from './inline.js';
import { textRun } from './runs.js';
import { INDENT, SIZE, STYLE, charWidth, charactersWide } from './styles.js';

export function renderNote(node: ProseMirrorJSON, ctx: RenderContext, scope: BlockScope): Paragraph {
  const label = ctx.labels.get(node)?.label ?? '注：';
  const hanging = Math.round(charactersWide(label) * charWidth(SIZE.xiaoWu));
  const start = scope.inTable ? scope.indent : scope.indent + INDENT;
  return new Paragraph({
    style: STYLE.note,
    indent: { left: start + hanging, hanging },
    children: [textRun(label), ...inlineRuns(node.content, ctx.references)],
  });
}
