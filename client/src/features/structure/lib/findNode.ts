/** Finding nodes of the document: by stable id, or a top-level part by its type. */
import type { Node as PMNode } from '@tiptap/pm/model';

export interface FoundPosition {
  node: PMNode;
  /** Position before the node. */
  pos: number;
}

/** The first node whose `attrs.id` equals `id`, or null. */
export function findNodeById(doc: PMNode, id: string): FoundPosition | null {
  if (!id) return null;
  let found: FoundPosition | null = null;
  doc.descendants((node, pos) => {
    if (found) return false;
    if (node.attrs.id === id) {
      found = { node, pos };
      return false;
    }
    // Ids live on block nodes: no need to look inside text blocks.
    return !node.isTextblock;
  });
  return found;
}

/** The first top-level node of `typeName` (the cover, the foreword, the bibliography …), or null. */
export function findTopLevel(doc: PMNode, typeName: string): FoundPosition | null {
  let found: FoundPosition | null = null;
  doc.forEach((node, offset) => {
    if (!found && node.type.name === typeName) found = { node, pos: offset };
  });
  return found;
}
