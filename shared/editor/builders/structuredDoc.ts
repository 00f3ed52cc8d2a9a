/**
 * Documents whose structural nodes all carry a stable id: nodes built without an explicit id get one
 * derived from the document scope and the node's path of titles, so the same content always yields
 * the same ids.
 */
import type { ProseMirrorJSON } from '../json.js';
import { ID_PATTERN, isStructuralType } from '../structure/ids.js';
import { NODE } from '../structure/names.js';
import { doc, type BlockInput } from './blocks.js';
import { stableId } from './ids.js';
import { inlineText } from './inline.js';

/**
 * A `doc` node whose structural nodes all carry a stable id: nodes built without an explicit id get
 * `stableId(scope + '/' + path)`, the path being the node's kind and title (or caption, term, code)
 * and those of its ancestors. Throws if two nodes end up with the same id.
 */
export function structuredDoc(scope: string, ...blocks: BlockInput[]): ProseMirrorJSON {
  return assignIds(doc(...blocks), scope);
}

function childText(node: ProseMirrorJSON, type: string): string {
  const child = (node.content ?? []).find((c) => c.type === type);
  return child ? inlineText(child.content ?? []) : '';
}

/** The path segment of a structural node (its kind and its title, caption, term or reference code). */
function segmentOf(node: ProseMirrorJSON): string {
  switch (node.type) {
    case NODE.chapter: {
      const role = String(node.attrs?.role ?? 'other');
      return role === 'other' ? `chapter:${childText(node, NODE.sectionTitle)}` : `chapter:${role}`;
    }
    case NODE.clause:
    case NODE.annex:
      return `${node.type}:${childText(node, NODE.sectionTitle)}`;
    case NODE.tableBlock:
    case NODE.figureBlock:
      return `${node.type}:${childText(node, NODE.caption)}`;
    case NODE.termEntry:
      return `term:${childText(node, NODE.termName)}`;
    case NODE.referenceEntry:
      return `ref:${inlineText(node.content ?? []).split(/\s/)[0] ?? ''}`;
    default:
      return node.type;
  }
}

/**
 * Gives every structural node without an id a deterministic one (see `structuredDoc`) and checks
 * that ids are well-formed and unique. Mutates and returns `root`.
 */
export function assignIds(root: ProseMirrorJSON, scope: string): ProseMirrorJSON {
  const seen = new Set<string>();
  const visit = (node: ProseMirrorJSON, path: string): void => {
    const siblings = new Map<string, number>();
    (node.content ?? []).forEach((child, index) => {
      // Rows have no ids of their own; their place names the cells in them.
      let childPath = child.type === NODE.tableRow ? `${path}/row:${index + 1}` : path;
      if (isStructuralType(child.type)) {
        const segment = segmentOf(child);
        const n = (siblings.get(segment) ?? 0) + 1;
        siblings.set(segment, n);
        childPath = `${path}/${n === 1 ? segment : `${segment}#${n}`}`;
        const attrs = child.attrs ?? {};
        const current = typeof attrs.id === 'string' ? attrs.id : '';
        const id = current.length > 0 ? current : stableId(`${scope}${childPath}`);
        if (!ID_PATTERN.test(id)) throw new Error(`${scope}${childPath}: malformed id ${id}`);
        if (seen.has(id)) throw new Error(`${scope}${childPath}: duplicate id ${id}`);
        seen.add(id);
        child.attrs = { ...attrs, id };
      }
      visit(child, childPath);
    });
  };
  visit(root, '');
  return root;
}
