/** Walking built documents: every node with its ancestors, the ids and the cross-reference targets. */
import type { ProseMirrorJSON } from '../json.js';
import { isStructuralType } from '../structure/ids.js';
import { NODE } from '../structure/names.js';

/** Calls `fn` for every node of the tree, depth first, with its ancestors (outermost first). */
export function walk(
  root: ProseMirrorJSON,
  fn: (node: ProseMirrorJSON, ancestors: readonly ProseMirrorJSON[]) => void,
): void {
  const visit = (node: ProseMirrorJSON, ancestors: ProseMirrorJSON[]): void => {
    fn(node, ancestors);
    ancestors.push(node);
    for (const child of node.content ?? []) visit(child, ancestors);
    ancestors.pop();
  };
  visit(root, []);
}

/** The ids of all structural nodes (and table cells) of a document. */
export function collectIds(root: ProseMirrorJSON): Set<string> {
  const ids = new Set<string>();
  walk(root, (node) => {
    if (isStructuralType(node.type) && typeof node.attrs?.id === 'string') ids.add(node.attrs.id);
  });
  return ids;
}

/** The `targetId`s of all crossRefs of a document, in document order. */
export function collectCrossRefs(root: ProseMirrorJSON): string[] {
  const targets: string[] = [];
  walk(root, (node) => {
    if (node.type === NODE.crossRef && typeof node.attrs?.targetId === 'string') targets.push(node.attrs.targetId);
  });
  return targets;
}
