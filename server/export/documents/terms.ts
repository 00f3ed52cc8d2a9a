/**
 * Term entries (GB/T 1.1—2020, 3.1 …): the entry number on its own line, the term and its English
 * equivalent on the next (黑体), then the definition as text and the entry's notes.
 */
import { Paragraph } from 'docx';
import type { ProseMirrorJSON } from '@shared/editor/json.js';
import { NODE } from '@shared/editor/structure/names.js';
import type { Block, RenderContext } from './context.js';
import { BODY_SCOPE } from './context.js';
import { inlineRuns } from './inline.js';
import { renderNote } from './notes.js';
import { textRun } from './runs.js';
import { HALF_LINE, STYLE, lineSpacing } from './styles.js';

export function renderTermEntry(node: ProseMirrorJSON, ctx: RenderContext): Block[] {
  const label = ctx.labels.get(node)?.label ?? '';
  const part = (type: string) => (node.content ?? []).find((child) => child.type === type);
  const english = inlineRuns(part(NODE.termEnglish)?.content, ctx.references);
  const blocks: Block[] = [
    new Paragraph({ style: STYLE.term, spacing: lineSpacing(HALF_LINE / 2), children: [textRun(label)] }),
    new Paragraph({
      style: STYLE.term,
      children: [
        ...inlineRuns(part(NODE.termName)?.content, ctx.references),
        ...(english.length > 0 ? [textRun('　'), ...english] : []),
      ],
    }),
    new Paragraph({ style: STYLE.body, children: inlineRuns(part(NODE.termDefinition)?.content, ctx.references) }),
  ];
  for (const child of node.content ?? []) {
    if (child.type === NODE.note) blocks.push(renderNote(child, ctx, BODY_SCOPE));
  }
  return blocks;
}
