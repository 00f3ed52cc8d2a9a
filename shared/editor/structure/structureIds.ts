/**
 * `StructureIds`: gives structural nodes an id when they have none and re-issues the id of the later
 * node when two share one (split, paste, duplicate, concurrent moves).
 *
 * Local transactions get random ids. Remote transactions (applied from Yjs by the sync plugin) are
 * repaired with ids derived from the duplicated id or the node's content: every client repairs the
 * same merged state identically, so their writes agree and nothing bounces back and forth.
 */
import { Extension } from '@tiptap/core';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import type { Transaction } from '@tiptap/pm/state';
import type { Node as PMNode } from '@tiptap/pm/model';
import { ySyncPluginKey } from '@tiptap/y-tiptap';
import { ID_NODE_TYPES } from './names.js';
import { freshId, idValue } from './ids.js';
import { textblockChange } from './textOnlyChange.js';

export const structureIdsPluginKey = new PluginKey('structureIds');

/** True for a transaction that applies a remote Yjs change (y-prosemirror / y-tiptap sync plugin). */
export function isRemoteTransaction(tr: Transaction): boolean {
  const meta: unknown = tr.getMeta(ySyncPluginKey);
  return typeof meta === 'object' && meta !== null && (meta as { isChangeOrigin?: unknown }).isChangeOrigin === true;
}

interface IdFix {
  pos: number;
  id: string;
}

/** The id changes a document needs; deterministic ids when `deterministic`. */
export function findIdFixes(doc: PMNode, types: readonly string[], deterministic: boolean): IdFix[] {
  const typeSet = new Set(types);
  const taken = new Set<string>();
  doc.descendants((node) => {
    const id = idValue(node.attrs.id);
    if (id !== null && typeSet.has(node.type.name)) taken.add(id);
    return true;
  });
  const seen = new Set<string>();
  const ordinals = new Map<string, number>();
  const fixes: IdFix[] = [];
  doc.descendants((node, pos) => {
    if (!typeSet.has(node.type.name)) return true;
    const id = idValue(node.attrs.id);
    if (id !== null && !seen.has(id)) {
      seen.add(id);
      return true;
    }
    let seed: string | null = null;
    if (deterministic) {
      const key = id !== null ? `dup|${id}` : `new|${node.type.name}|${node.textContent.slice(0, 80)}`;
      const ordinal = (ordinals.get(key) ?? 0) + 1;
      ordinals.set(key, ordinal);
      seed = `${key}|${ordinal}`;
    }
    const fresh = freshId(taken, seed);
    seen.add(fresh);
    fixes.push({ pos, id: fresh });
    return true;
  });
  return fixes;
}

export interface StructureIdsOptions {
  /** Node types that carry ids. */
  types: readonly string[];
}

/** The plain ProseMirror plugin (usable without TipTap). */
export function structureIdsPlugin(types: readonly string[] = ID_NODE_TYPES): Plugin {
  return new Plugin({
    key: structureIdsPluginKey,
    appendTransaction(transactions, _oldState, newState) {
      const changing = transactions.filter((tr) => tr.docChanged);
      // An edit inside one textblock adds, removes and re-attributes no node that carries an id.
      if (changing.every((tr) => textblockChange(tr.before, tr.doc) !== null)) return null;
      const remote = changing.every(isRemoteTransaction);
      const fixes = findIdFixes(newState.doc, types, remote);
      if (fixes.length === 0) return null;
      const tr = newState.tr;
      for (const fix of fixes) tr.setNodeAttribute(fix.pos, 'id', fix.id);
      return tr;
    },
  });
}

export const StructureIds = Extension.create<StructureIdsOptions>({
  name: 'structureIds',

  addOptions() {
    return { types: ID_NODE_TYPES };
  },

  addProseMirrorPlugins() {
    return [structureIdsPlugin(this.options.types)];
  },
});
