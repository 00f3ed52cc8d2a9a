/**
 * What a restore writes, decided from the live content and the version's content (ProseMirror JSON)
 * before anything is changed:
 * - the whole document: the version's document;
 * - a part in both: the version's node in place of the live one (same node type);
 * - a part only the version has (deleted since): the live parent with the version's node put back
 *   after the sibling it followed in the version (else before the one it preceded);
 * - a part only the live text has (added since): the live parent without it.
 * Stable ids of the restored content that the live text uses elsewhere are re-issued, so that no two
 * nodes share an id. A result that does not fit the schema is refused (nothing is changed).
 */
import type { ProseMirrorJSON } from '@shared/editor/json.js';
import { editorSchema } from '@shared/editor/schema.js';
import { freshId, idValue, isStructuralType } from '@shared/editor/structure/ids.js';
import { NODE, SECTION_NODE_TYPES } from '@shared/editor/structure/names.js';
import { FIXED_PART_KEYS } from '@shared/validation/versions.js';
import { Conflict, NotFound } from '../../domain/errors.js';

/** Node types a restore of one part may name (the parts of a difference). */
const PART_TYPES = new Set<string>([
  NODE.chapter,
  NODE.clause,
  NODE.annex,
  NODE.termEntry,
  NODE.tableBlock,
  NODE.figureBlock,
]);
const FIXED_TYPES: Record<string, string> = {
  cover: NODE.standardCover,
  foreword: NODE.foreword,
  bibliography: NODE.bibliography,
};
const SECTION_TYPES = new Set<string>(SECTION_NODE_TYPES);

export type RestorePlan =
  /** Replace the element with this key (same node type) by `node`. */
  | { target: 'node'; key: string; node: ProseMirrorJSON }
  /** Rewrite the element with this key (null: the document) as `node`. */
  | { target: 'parent'; key: string | null; node: ProseMirrorJSON };

interface Located {
  node: ProseMirrorJSON;
  /** The key of the enclosing part (null: the document). */
  parentKey: string | null;
  parent: ProseMirrorJSON;
  index: number;
}

function isFixedKey(key: string): boolean {
  return (FIXED_PART_KEYS as readonly string[]).includes(key);
}

/** The key a node answers to: a stable id of a part type, or a fixed part at the top level. */
function keyOf(node: ProseMirrorJSON, topLevel: boolean): string | null {
  if (topLevel) {
    const fixed = Object.entries(FIXED_TYPES).find(([, type]) => type === node.type)?.[0];
    if (fixed) return fixed;
  }
  return PART_TYPES.has(node.type) ? idValue(node.attrs?.id) : null;
}

export function locate(root: ProseMirrorJSON, key: string): Located | null {
  const visit = (parent: ProseMirrorJSON, parentKey: string | null): Located | null => {
    const children = parent.content ?? [];
    for (let index = 0; index < children.length; index++) {
      const node = children[index]!;
      const own = keyOf(node, parent === root);
      if (own === key) return { node, parentKey, parent, index };
      const found = visit(node, own ?? parentKey);
      if (found) return found;
    }
    return null;
  };
  return visit(root, null);
}

function idsOf(node: ProseMirrorJSON, into: Set<string>): Set<string> {
  const id = idValue(node.attrs?.id);
  if (id && isStructuralType(node.type)) into.add(id);
  for (const child of node.content ?? []) idsOf(child, into);
  return into;
}

/** A copy of `node` whose ids that are in `taken` get fresh ones. */
function withFreeIds(node: ProseMirrorJSON, taken: Set<string>): ProseMirrorJSON {
  const copy: ProseMirrorJSON = { ...node };
  const id = idValue(node.attrs?.id);
  if (id && isStructuralType(node.type) && taken.has(id)) copy.attrs = { ...node.attrs, id: freshId(taken, null) };
  if (node.content) copy.content = node.content.map((child) => withFreeIds(child, taken));
  return copy;
}

function checked(node: ProseMirrorJSON, what: string): ProseMirrorJSON {
  try {
    editorSchema().nodeFromJSON(node).check();
  } catch {
    throw new Conflict(`${what} does not fit the document's structure as it is now; restore the whole document`);
  }
  return node;
}

/** Where a part only the version has goes back into the live parent. */
function insertionIndex(version: Located, liveParent: ProseMirrorJSON): number {
  const siblings = version.parent.content ?? [];
  const liveChildren = liveParent.content ?? [];
  const liveIndexOf = (node: ProseMirrorJSON): number => {
    const id = idValue(node.attrs?.id);
    return id ? liveChildren.findIndex((child) => idValue(child.attrs?.id) === id) : -1;
  };
  for (let i = version.index - 1; i >= 0; i--) {
    const at = liveIndexOf(siblings[i]!);
    if (at >= 0) return at + 1;
  }
  for (let i = version.index + 1; i < siblings.length; i++) {
    const at = liveIndexOf(siblings[i]!);
    if (at >= 0) return at;
  }
  if (SECTION_TYPES.has(version.node.type)) return liveChildren.length;
  // A block: after the parent's title and blocks, before its first subsection.
  const firstSection = liveChildren.findIndex((child) => SECTION_TYPES.has(child.type));
  return firstSection >= 0 ? firstSection : Math.min(version.index, liveChildren.length);
}

function replaceChildren(parent: ProseMirrorJSON, children: ProseMirrorJSON[]): ProseMirrorJSON {
  return { ...parent, content: children };
}

/** The plan of restoring `key` (a part) of the live document to the version. */
export function planPartRestore(live: ProseMirrorJSON, version: ProseMirrorJSON, key: string): RestorePlan {
  const inVersion = locate(version, key);
  const inLive = locate(live, key);
  if (!inVersion && !inLive) throw new NotFound(`no part ${key} in the version or the current text`);

  if (inVersion && inLive) {
    const outside = idsOf(live, new Set());
    for (const id of idsOf(inLive.node, new Set())) outside.delete(id);
    const node = withFreeIds(inVersion.node, outside);
    if (node.type === inLive.node.type) return { target: 'node', key, node: checked(node, `part ${key}`) };
    const children = [...(inLive.parent.content ?? [])];
    children[inLive.index] = node;
    return {
      target: 'parent',
      key: inLive.parentKey,
      node: checked(replaceChildren(inLive.parent, children), `part ${key}`),
    };
  }

  if (inLive) {
    const children = (inLive.parent.content ?? []).filter((_, i) => i !== inLive.index);
    return {
      target: 'parent',
      key: inLive.parentKey,
      node: checked(replaceChildren(inLive.parent, children), `removing part ${key}`),
    };
  }

  const restored = inVersion!;
  const parent = restored.parentKey === null ? live : locate(live, restored.parentKey)?.node;
  if (!parent) {
    throw new Conflict(
      `part ${key} stood in ${restored.parentKey}, which the current text no longer has: restore that first`,
    );
  }
  if (isFixedKey(key) && restored.parentKey !== null) throw new Conflict(`part ${key} is not at the top level`);
  const node = withFreeIds(restored.node, idsOf(live, new Set()));
  const children = [...(parent.content ?? [])];
  children.splice(insertionIndex(restored, parent), 0, node);
  return {
    target: 'parent',
    key: restored.parentKey,
    node: checked(replaceChildren(parent, children), `part ${key}`),
  };
}
