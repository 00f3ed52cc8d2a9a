/**
 * Inline content as runs: text with its marks, line breaks, and the model's inline atoms read as the
 * editor shows them (a cross-reference as its target's current number, an indicator link as the
 * standard text's current value).
 */
import type { ParagraphChild } from 'docx';
import type { ProseMirrorJSON } from '@shared/editor/json.js';
import { MARK, NODE } from '@shared/editor/structure/names.js';
import type { ReferenceLabels } from './references.js';
import { lineBreak, textRun } from './runs.js';
import type { RunStyle } from './runs.js';

function markedStyle(node: ProseMirrorJSON, base: RunStyle): RunStyle {
  const marks = new Set((node.marks ?? []).map((mark) => mark.type));
  return {
    ...base,
    bold: base.bold || marks.has(MARK.bold),
    italics: base.italics || marks.has(MARK.italic),
    underline: base.underline || marks.has(MARK.underline),
    strike: base.strike || marks.has(MARK.strike),
  };
}

/** The runs of inline nodes (the content of a paragraph, title, caption, note …). */
export function inlineRuns(
  nodes: readonly ProseMirrorJSON[] | undefined,
  references: ReferenceLabels,
  style: RunStyle = {},
): ParagraphChild[] {
  const runs: ParagraphChild[] = [];
  for (const node of nodes ?? []) {
    switch (node.type) {
      case NODE.text:
        if (node.text) runs.push(textRun(node.text, markedStyle(node, style)));
        break;
      case NODE.hardBreak:
        runs.push(lineBreak());
        break;
      case NODE.crossRef:
        runs.push(textRun(references.crossRef(node.attrs?.targetId), markedStyle(node, style)));
        break;
      case NODE.indicatorRef:
        runs.push(textRun(references.indicator(node.attrs?.targetId), markedStyle(node, style)));
        break;
      default:
        // An inline node the export does not know: its text, so nothing the reader wrote is lost.
        runs.push(...inlineRuns(node.content, references, style));
    }
  }
  return runs;
}

/** The plain text of inline nodes, read the same way (for the 目次 and headings). */
export function inlineText(nodes: readonly ProseMirrorJSON[] | undefined, references: ReferenceLabels): string {
  return (nodes ?? [])
    .map((node) => {
      if (node.type === NODE.text) return node.text ?? '';
      if (node.type === NODE.crossRef) return references.crossRef(node.attrs?.targetId);
      if (node.type === NODE.indicatorRef) return references.indicator(node.attrs?.targetId);
      if (node.type === NODE.hardBreak) return ' ';
      return inlineText(node.content, references);
    })
    .join('');
}
