/** Inline content: text with marks, hard breaks and the model's inline atoms (`crossRef`, `indicatorRef`). */
import type { ProseMirrorJSON } from '../json.js';
import { MARK, NODE, type MarkName } from '../structure/names.js';
import { checkedId } from './ids.js';

/** Inline content: a string (plain text), an inline node, or a sequence of both. */
export type InlineInput = string | ProseMirrorJSON | readonly (string | ProseMirrorJSON)[];

/** A text node with optional marks. Throws on the empty string (empty text nodes are invalid). */
export function text(value: string, ...marks: MarkName[]): ProseMirrorJSON {
  if (value.length === 0) throw new Error('text nodes may not be empty');
  const node: ProseMirrorJSON = { type: NODE.text, text: value };
  if (marks.length > 0) node.marks = marks.map((type) => ({ type }));
  return node;
}

export function bold(value: string): ProseMirrorJSON {
  return text(value, MARK.bold);
}

export function italic(value: string): ProseMirrorJSON {
  return text(value, MARK.italic);
}

export function hardBreak(): ProseMirrorJSON {
  return { type: NODE.hardBreak };
}

/**
 * A cross-reference to a chapter, clause, annex, table, figure, term entry or normative document:
 * rendered as the target's current number ("5.2", "表1", "附录A", "3.1") and following renumbering.
 */
export function crossRef(targetId: string): ProseMirrorJSON {
  return { type: NODE.crossRef, attrs: { targetId: checkedId(targetId) } };
}

/** The current value of a table cell of the standard text (the comparison table's "本标准" column). */
export function indicatorRef(cellId: string): ProseMirrorJSON {
  return { type: NODE.indicatorRef, attrs: { targetId: checkedId(cellId) } };
}

/** Normalizes inline input to a list of inline nodes, dropping empty strings. */
export function inline(content: InlineInput): ProseMirrorJSON[] {
  const items: readonly (string | ProseMirrorJSON)[] =
    typeof content === 'string' || !Array.isArray(content)
      ? [content as string | ProseMirrorJSON]
      : (content as readonly (string | ProseMirrorJSON)[]);
  const nodes: ProseMirrorJSON[] = [];
  for (const item of items) {
    if (typeof item === 'string') {
      if (item.length > 0) nodes.push(text(item));
    } else {
      nodes.push(item);
    }
  }
  return nodes;
}

/** A node of `type` holding inline content (no `content` key when there is none). */
export function inlineNode(
  type: string,
  content: InlineInput | undefined,
  attrs?: Record<string, unknown>,
): ProseMirrorJSON {
  const node: ProseMirrorJSON = { type };
  if (attrs) node.attrs = attrs;
  const nodes = content === undefined ? [] : inline(content);
  if (nodes.length > 0) node.content = nodes;
  return node;
}

/** The plain text of inline content (crossRefs and other atoms contribute nothing). */
export function inlineText(content: InlineInput | undefined): string {
  if (content === undefined) return '';
  return inline(content)
    .map((n) => n.text ?? '')
    .join('');
}
