/** Plain blocks: paragraphs, placeholders for drafters, notes, and the `doc` around them. */
import type { ProseMirrorJSON } from '../json.js';
import { NODE } from '../structure/names.js';
import { bold, inline, inlineNode, italic, type InlineInput } from './inline.js';

/** A block, or a list of blocks. */
export type BlockInput = ProseMirrorJSON | readonly ProseMirrorJSON[];

export function paragraph(content?: InlineInput): ProseMirrorJSON {
  return inlineNode(NODE.paragraph, content);
}

/** Several plain paragraphs, one per string. */
export function paragraphs(...texts: string[]): ProseMirrorJSON[] {
  return texts.map((t) => paragraph(t));
}

export function horizontalRule(): ProseMirrorJSON {
  return { type: NODE.horizontalRule };
}

/** Flattens blocks and block lists. */
export function flatten(blocks: readonly BlockInput[]): ProseMirrorJSON[] {
  const out: ProseMirrorJSON[] = [];
  for (const block of blocks) {
    if (Array.isArray(block)) out.push(...(block as readonly ProseMirrorJSON[]));
    else out.push(block as ProseMirrorJSON);
  }
  return out;
}

/** A `doc` node of the given sections and blocks, ids as given (see `structuredDoc`). */
export function doc(...blocks: BlockInput[]): ProseMirrorJSON {
  return { type: NODE.doc, content: flatten(blocks) };
}

/**
 * Guidance for the drafters in a new-project template, clearly marked as a placeholder:
 * `［在此填写…］` in italics. Drafters replace it with the real text.
 */
export function placeholderText(guidance: string): ProseMirrorJSON {
  return italic(`［${guidance}］`);
}

export function placeholder(guidance: string): ProseMirrorJSON {
  return paragraph(placeholderText(guidance));
}

/** A labelled line, e.g. "计划编号：" + value. */
export function labelled(label: string, value: InlineInput): ProseMirrorJSON {
  return paragraph([bold(`${label}：`), ...inline(value)]);
}

/** Joins names with the Chinese enumeration comma. */
export function joinNames(names: readonly string[]): string {
  return names.join('、');
}

/** A note. Its label ("注：", "注1：" …) is computed from its position: never type it. */
export function note(content: InlineInput): ProseMirrorJSON {
  const node = inlineNode(NODE.note, content);
  if (!node.content) throw new Error('a note needs text');
  return node;
}

/** Several notes of one parent. */
export function notes(contents: readonly InlineInput[]): ProseMirrorJSON[] {
  return contents.map((c) => note(c));
}
