/**
 * Structural sharing between two versions of a document whose nodes are all distinct objects.
 *
 * The Yjs binding (y-tiptap) rebuilds every ProseMirror node from the Y.Doc on each remote change
 * and replaces the whole document with the result. Nothing is shared with the previous document, so
 * everything that compares the two versions (the view's redraw, the numbering's text-edit test, the
 * id census, decorations mapped through the change) walks the whole document, for one character a
 * co-author typed. `shareUnchanged` gives the new version back with every subtree equal to the
 * previous one replaced by the previous object, so those comparisons stop at shared subtrees again.
 */
import { Fragment } from '@tiptap/pm/model';
import type { Node as PMNode } from '@tiptap/pm/model';

export interface SharedDocument {
  /** Equal to `after`; unchanged subtrees are the nodes of `before`. */
  doc: PMNode;
  /** Nodes of `after` that were replaced by the equal node of `before`. */
  replaced: Map<PMNode, PMNode>;
}

/** `after`'s node with its equal subtrees taken from `before` (`before` itself when equal). */
function share(before: PMNode, after: PMNode, replaced: Map<PMNode, PMNode>): PMNode {
  if (before === after) return before;
  if (!before.sameMarkup(after)) return after;
  if (before.isText || after.isText) {
    if (before.isText && after.isText && before.text === after.text) {
      replaced.set(after, before);
      return before;
    }
    return after;
  }
  const oldCount = before.childCount;
  const newCount = after.childCount;
  const children: PMNode[] = [];
  let allShared = oldCount === newCount;
  // Common prefix and suffix; children in between are paired when both sides have as many.
  let start = 0;
  const min = Math.min(oldCount, newCount);
  for (; start < min; start++) {
    const child = share(before.child(start), after.child(start), replaced);
    children.push(child);
    if (child !== before.child(start)) {
      start++;
      break;
    }
  }
  const suffix: PMNode[] = [];
  let oldEnd = oldCount;
  let newEnd = newCount;
  while (oldEnd > start && newEnd > start) {
    const child = share(before.child(oldEnd - 1), after.child(newEnd - 1), replaced);
    if (child !== before.child(oldEnd - 1)) break;
    suffix.push(child);
    oldEnd--;
    newEnd--;
  }
  const pairable = oldEnd - start === newEnd - start;
  for (let i = start; i < newEnd; i++) {
    const child = pairable ? share(before.child(i), after.child(i), replaced) : after.child(i);
    children.push(child);
  }
  children.push(...suffix.reverse());
  for (let i = 0; allShared && i < children.length; i++) if (children[i] !== before.child(i)) allShared = false;
  if (allShared) {
    replaced.set(after, before);
    return before;
  }
  return after.copy(Fragment.fromArray(children));
}

/** `after` sharing every subtree it has in common with `before` (see above). */
export function shareUnchanged(before: PMNode, after: PMNode): SharedDocument {
  const replaced = new Map<PMNode, PMNode>();
  return { doc: share(before, after, replaced), replaced };
}
