/**
 * Lists as GB/T 1.1—2020 writes them: "——" dashes or a) b) c), with 1) 2) 3) as the second level;
 * never "•" bullets.
 */
import type { ProseMirrorJSON } from '../json.js';
import { NODE, type ListStyle } from '../structure/names.js';
import { paragraph } from './blocks.js';
import { inline, type InlineInput } from './inline.js';

/** A list item: inline content, or inline content with a second-level list below it. */
export type ListItemInput = InlineInput | { content: InlineInput; sublist: ProseMirrorJSON };

function isNested(item: ListItemInput): item is { content: InlineInput; sublist: ProseMirrorJSON } {
  return typeof item === 'object' && !Array.isArray(item) && 'sublist' in item;
}

const FINAL_PUNCTUATION = /[；。：，！？;.:]$/;

/**
 * List items as GB/T 1.1 writes them: each item ends with "；", the last with "。" — added when
 * the item text does not already end with punctuation (an item with a sublist ends with "：").
 */
function listItems(items: readonly ListItemInput[]): ProseMirrorJSON[] {
  if (items.length === 0) throw new Error('a list needs at least one item');
  return items.map((item, index) => {
    const nested = isNested(item);
    const nodes = inline(nested ? item.content : item);
    const last = nodes[nodes.length - 1];
    if (last && last.type === NODE.text && last.text !== undefined && !FINAL_PUNCTUATION.test(last.text)) {
      const end = nested ? '：' : index === items.length - 1 ? '。' : '；';
      nodes[nodes.length - 1] = { ...last, text: last.text + end };
    }
    const content = [paragraph(nodes)];
    if (nested) content.push(item.sublist);
    return { type: NODE.listItem, content };
  });
}

function list(type: string, listStyle: ListStyle, items: readonly ListItemInput[]): ProseMirrorJSON {
  return { type, attrs: { listStyle }, content: listItems(items) };
}

/** A "——" dash list: `bulletList` with `listStyle: 'dash'`. */
export function dashList(items: readonly ListItemInput[]): ProseMirrorJSON {
  return list(NODE.bulletList, 'dash', items);
}

/** A lettered list a) b) c) …: `orderedList` with `listStyle: 'letter'`. */
export function letteredList(items: readonly ListItemInput[]): ProseMirrorJSON {
  return list(NODE.orderedList, 'letter', items);
}

/** A numbered (second-level) list 1) 2) 3) …: `orderedList` with `listStyle: 'number'`. */
export function numberedList(items: readonly ListItemInput[]): ProseMirrorJSON {
  return list(NODE.orderedList, 'number', items);
}
