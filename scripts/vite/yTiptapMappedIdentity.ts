import type { Plugin } from 'vite';

/**
 * Build-time fixes for @tiptap/y-tiptap's mapping between Y types and ProseMirror nodes.
 *
 * In `updateYFragment` (writing a ProseMirror change into the Y.Doc): where it compares a Y type
 * with a ProseMirror node by a deep walk (`equalYTypePNode`), it first asks its own mapping whether
 * the Y type maps to that very node, as its left/right scan already does — a mapped pair is equal,
 * so the walk is skipped. The Yjs change is the same.
 *
 * 1. `reconcileMappedChildren` (children of a fragment shifted, e.g. an annex or chapter inserted or
 *    deleted at the top level) compared each anchor deeply: a walk of the whole document per
 *    top-level insertion or deletion on the 100-page standard (~15 ms).
 * 2. The scans compare the one child that changed (the chapter holding the caret) deeply, and that
 *    walk compared every clause before the caret in full (their texts as Yjs deltas): per
 *    keystroke, half a chapter; on the duplicated worst case, ~500 clauses a key. It now takes the
 *    mapping along and skips the mapped children (also where it decides which of two changed
 *    children to update, `computeChildEqualityFactor`).
 * 3. A co-author's change (`_typeChanged`) forgot the whole mapping after dropping the entries of
 *    the Y types the change touched (changed, their ancestors, deleted), so every node of the
 *    document was rebuilt from the Y.Doc for each character a co-author typed: on the duplicated
 *    worst case ~120 ms of rebuilding and garbage a key, more than 10 keys/s allow, so the co-author
 *    saw text seconds late. y-tiptap added that clearing "so relative cursor positions resolve
 *    against current node sizes after structural changes (e.g. drag-and-drop block moves)"; the
 *    entries it keeps are those of types the change did not touch, whose nodes are unchanged
 *    (upstream y-prosemirror never clears it). test/browser/coediting.test.ts moves and inserts
 *    clauses before a co-author's caret while they type and checks where their text lands and
 *    that both browsers and the server end with the same document.
 *
 * The plugin fails the build if the code it replaces is not found (a new y-tiptap version): check
 * whether the fixes are still needed, then update or remove them.
 */
const MODULE = /[\\/]@tiptap[\\/]y-tiptap[\\/]dist[\\/]y-tiptap\.js$/;

interface Replacement {
  find: string;
  replace: string;
  /** How often `find` occurs in the module. */
  times: number;
}

const REPLACEMENTS: Replacement[] = [
  {
    find: 'if (yChild instanceof Y.XmlElement && !(pChild instanceof Array) && matchNodeName(yChild, pChild)) {\n    if (equalYTypePNode(yChild, pChild)) {',
    replace:
      'if (yChild instanceof Y.XmlElement && !(pChild instanceof Array) && matchNodeName(yChild, pChild)) {\n    if (mappedIdentity(meta.mapping.get(yChild), pChild) || equalYTypePNode(yChild, pChild, meta.mapping)) {',
    times: 1,
  },
  {
    find: '      // Rebuild the full Y↔PM mapping so relative cursor positions resolve against\n      // current node sizes after structural changes (e.g. drag-and-drop block moves).\n      this.mapping.clear();\n',
    replace: '      // (the mapping of unchanged types is kept: scripts/vite/yTiptapMappedIdentity.ts)\n',
    times: 1,
  },
  {
    find: 'const equalYTypePNode = (ytype, pnode) => {',
    replace: 'const equalYTypePNode = (ytype, pnode, mapping) => {',
    times: 1,
  },
  {
    find: '      ytype.toArray().every((ychild, i) =>\n        equalYTypePNode(ychild, normalizedContent[i])\n      )',
    replace:
      '      ytype.toArray().every((ychild, i) =>\n        (mapping !== undefined && mappedIdentity(mapping.get(ychild), normalizedContent[i])) ||\n        equalYTypePNode(ychild, normalizedContent[i], mapping)\n      )',
    times: 1,
  },
  {
    find: '    } else if (!equalYTypePNode(leftY, leftP)) {',
    replace: '    } else if (!equalYTypePNode(leftY, leftP, meta.mapping)) {',
    times: 1,
  },
  {
    find: '    } else if (!equalYTypePNode(rightY, rightP)) {',
    replace: '    } else if (!equalYTypePNode(rightY, rightP, meta.mapping)) {',
    times: 1,
  },
  {
    find: '      if (equalYTypePNode(leftY, leftP)) {',
    replace: '      if (equalYTypePNode(leftY, leftP, meta.mapping)) {',
    times: 1,
  },
  {
    find: '      if (equalYTypePNode(rightY, rightP)) {',
    replace: '      if (equalYTypePNode(rightY, rightP, meta.mapping)) {',
    times: 1,
  },
];

function occurrences(code: string, find: string): number {
  let count = 0;
  for (let at = code.indexOf(find); at >= 0; at = code.indexOf(find, at + find.length)) count++;
  return count;
}

/** The module's code with the fixes applied; throws when the code to replace is not there as expected. */
export function patchMappedIdentity(code: string): string {
  if (!code.includes('const mappedIdentity')) {
    throw new Error('yTiptapMappedIdentity: y-tiptap changed, review scripts/vite/yTiptapMappedIdentity.ts');
  }
  let patched = code;
  for (const { find, replace, times } of REPLACEMENTS) {
    if (occurrences(patched, find) !== times) {
      throw new Error('yTiptapMappedIdentity: y-tiptap changed, review scripts/vite/yTiptapMappedIdentity.ts');
    }
    patched = patched.split(find).join(replace);
  }
  return patched;
}

export function yTiptapMappedIdentity(): Plugin {
  return {
    name: 'y-tiptap-mapped-identity',
    transform(code, id) {
      if (!MODULE.test(id.split('?')[0] ?? id)) return null;
      return { code: patchMappedIdentity(code), map: null };
    },
  };
}
