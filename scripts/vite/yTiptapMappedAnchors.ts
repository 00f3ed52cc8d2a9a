import type { Plugin } from 'vite';

/**
 * Build-time fix for @tiptap/y-tiptap's `reconcileMappedChildren` (the path of `updateYFragment`
 * taken when children of a fragment shift, e.g. an annex or chapter inserted or deleted at the top
 * level): it anchors on children whose Y type maps to the very same ProseMirror node, then compares
 * each anchor with `equalYTypePNode` — a deep walk of the Y type and the node — although identity
 * already says they are equal (the left/right scan of `updateYFragment` trusts it without a walk).
 * On the 100-page standard that is a walk of the whole document per top-level insertion or deletion
 * (~15 ms). The replacement checks the mapping first; the result is the same Yjs change.
 *
 * The plugin fails the build if the code it replaces is not found (a new y-tiptap version): check
 * whether the fix is still needed, then update or remove it.
 */
const MODULE = /[\\/]@tiptap[\\/]y-tiptap[\\/]dist[\\/]y-tiptap\.js$/;
const Y_TIPTAP_ANCHOR_CHECK =
  'if (yChild instanceof Y.XmlElement && !(pChild instanceof Array) && matchNodeName(yChild, pChild)) {\n    if (equalYTypePNode(yChild, pChild)) {';
const REPLACEMENT =
  'if (yChild instanceof Y.XmlElement && !(pChild instanceof Array) && matchNodeName(yChild, pChild)) {\n    if (mappedIdentity(meta.mapping.get(yChild), pChild) || equalYTypePNode(yChild, pChild)) {';

/** The module's code with the fix applied; throws when the code to replace is not there exactly once. */
export function patchMappedAnchors(code: string): string {
  const at = code.indexOf(Y_TIPTAP_ANCHOR_CHECK);
  if (at < 0 || code.indexOf(Y_TIPTAP_ANCHOR_CHECK, at + 1) >= 0 || !code.includes('const mappedIdentity')) {
    throw new Error('yTiptapMappedAnchors: y-tiptap changed, review scripts/vite/yTiptapMappedAnchors.ts');
  }
  return code.slice(0, at) + REPLACEMENT + code.slice(at + Y_TIPTAP_ANCHOR_CHECK.length);
}

export function yTiptapMappedAnchors(): Plugin {
  return {
    name: 'y-tiptap-mapped-anchors',
    transform(code, id) {
      if (!MODULE.test(id.split('?')[0] ?? id)) return null;
      return { code: patchMappedAnchors(code), map: null };
    },
  };
}
