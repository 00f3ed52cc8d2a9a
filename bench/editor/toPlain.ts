/**
 * The same content for a plain TipTap editor (StarterKit + Table, no project nodes): sections become
 * headings (the section title) followed by their content, numbered blocks (tables, figures, term
 * entries, notes, references) their paragraphs and tables, cross-references and indicator links
 * their text. What a reader sees and how many characters, blocks and tables there are stay alike.
 */
import type { ProseMirrorJSON } from '@shared/editor/json.js';

const KEEP_BLOCKS = new Set([
  'paragraph',
  'bulletList',
  'orderedList',
  'listItem',
  'table',
  'tableRow',
  'tableHeader',
  'tableCell',
  'horizontalRule',
  'heading',
]);
const SECTIONS = new Set(['chapter', 'clause', 'annex']);
const INLINE_ATOMS = new Set(['crossRef', 'indicatorRef']);

function inline(nodes: readonly ProseMirrorJSON[]): ProseMirrorJSON[] {
  const out: ProseMirrorJSON[] = [];
  for (const node of nodes) {
    if (node.type === 'text' || node.type === 'hardBreak') out.push(node);
    else if (INLINE_ATOMS.has(node.type)) out.push({ type: 'text', text: '5.1' });
    else out.push(...inline(node.content ?? []));
  }
  return out.filter((node) => node.type !== 'text' || (node.text ?? '').length > 0);
}

function isTextblock(node: ProseMirrorJSON): boolean {
  const children = node.content ?? [];
  return (
    children.length === 0 ||
    children.every((c) => c.type === 'text' || c.type === 'hardBreak' || INLINE_ATOMS.has(c.type))
  );
}

function blocks(node: ProseMirrorJSON, depth: number): ProseMirrorJSON[] {
  if (node.type === 'text') return [];
  if (SECTIONS.has(node.type)) {
    const [title, ...rest] = node.content ?? [];
    const heading: ProseMirrorJSON = {
      type: 'heading',
      attrs: { level: Math.min(depth, 6) },
      content: inline(title?.content ?? []),
    };
    return [heading, ...rest.flatMap((child) => blocks(child, depth + 1))];
  }
  if (KEEP_BLOCKS.has(node.type)) {
    if (node.type === 'paragraph' || node.type === 'heading') return [{ ...node, content: inline(node.content ?? []) }];
    if (node.type === 'tableCell' || node.type === 'tableHeader' || node.type === 'listItem') {
      const content = (node.content ?? []).flatMap((child) => blocks(child, depth));
      return [{ type: node.type, content: content.length > 0 ? content : [{ type: 'paragraph' }] }];
    }
    return [{ ...node, content: (node.content ?? []).flatMap((child) => blocks(child, depth)) }];
  }
  if (isTextblock(node)) return [{ type: 'paragraph', content: inline(node.content ?? []) }];
  return (node.content ?? []).flatMap((child) => blocks(child, depth));
}

/** The StarterKit + Table document with the content of a structured standard. */
export function toPlainDocument(doc: ProseMirrorJSON): ProseMirrorJSON {
  const content = (doc.content ?? []).flatMap((child) => blocks(child, 1));
  return { type: 'doc', content: content.length > 0 ? content : [{ type: 'paragraph' }] };
}
