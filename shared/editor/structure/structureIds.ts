/**
 * `StructureIds`: gives structural nodes an id when they have none and re-issues the id of the later
 * node when two share one (split, paste, duplicate, concurrent moves).
 *
 * Local transactions get random ids. Remote transactions (applied from Yjs by the sync plugin) are
 * repaired with ids derived from the duplicated id or the node's content: every client repairs the
 * same merged state identically, so their writes agree and nothing bounces back and forth.
 *
 * Whether anything needs repair is known without walking the document: the plugin keeps a count of
 * the ids in use (and of nodes without one), updated from the changed range of each change
 * (`IdCensus`). Only when it shows a missing or shared id is the document searched for the fixes.
 */
import { Extension } from '@tiptap/core';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import type { Transaction } from '@tiptap/pm/state';
import type { Node as PMNode } from '@tiptap/pm/model';
import { ySyncPluginKey } from '@tiptap/y-tiptap';
import { ID_NODE_TYPES } from './names.js';
import { freshId, idValue } from './ids.js';
import { changedRange, textblockChange } from './textOnlyChange.js';

export const structureIdsPluginKey = new PluginKey<IdCensus>('structureIds');

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

/** How many id-carrying nodes use each id, and how many have none; kept up to date per change. */
export class IdCensus {
  private readonly uses = new Map<string, number>();
  /** Ids used by more than one node. */
  private shared = 0;
  /** Id-carrying nodes without an id. */
  private missing = 0;

  private constructor(private readonly types: ReadonlySet<string>) {}

  static of(doc: PMNode, types: ReadonlySet<string>): IdCensus {
    const census = new IdCensus(types);
    doc.descendants((node) => {
      census.count(node, 1);
      return true;
    });
    return census;
  }

  /**
   * The census of `after`, from this census of `before` (a copy; this one stays as it is). A change
   * that adds, removes and re-identifies no id-carrying node (typing: its ancestors count once on
   * each side) returns this census, without copying it.
   */
  next(before: PMNode, after: PMNode): IdCensus {
    const range = changedRange(before, after);
    if (!range) return this;
    // Nodes overlapping the changed range, on each side (an ancestor of the change is on both).
    const delta = new Map<string | null, number>();
    const tally = (node: PMNode, by: 1 | -1): void => {
      if (!this.types.has(node.type.name)) return;
      const id = idValue(node.attrs.id);
      delta.set(id, (delta.get(id) ?? 0) + by);
    };
    before.nodesBetween(range.start, range.endBefore, (node) => tally(node, -1));
    after.nodesBetween(range.start, range.endAfter, (node) => tally(node, 1));
    const changes = [...delta].filter(([, by]) => by !== 0);
    if (changes.length === 0) return this;
    const census = new IdCensus(this.types);
    for (const [id, count] of this.uses) census.uses.set(id, count);
    census.shared = this.shared;
    census.missing = this.missing;
    for (const [id, by] of changes) census.add(id, by);
    return census;
  }

  /** Every id-carrying node has an id of its own. */
  get sound(): boolean {
    return this.shared === 0 && this.missing === 0;
  }

  private count(node: PMNode, delta: 1 | -1): void {
    if (this.types.has(node.type.name)) this.add(idValue(node.attrs.id), delta);
  }

  /** `by` more (or fewer) nodes use `id` (null: nodes without an id). */
  private add(id: string | null, by: number): void {
    if (id === null) {
      this.missing += by;
      return;
    }
    const before = this.uses.get(id) ?? 0;
    const after = before + by;
    if (after === 0) this.uses.delete(id);
    else this.uses.set(id, after);
    if (before <= 1 && after > 1) this.shared += 1;
    if (before > 1 && after <= 1) this.shared -= 1;
  }
}

/** The plain ProseMirror plugin (usable without TipTap). */
export function structureIdsPlugin(types: readonly string[] = ID_NODE_TYPES): Plugin<IdCensus> {
  const typeSet = new Set(types);
  return new Plugin<IdCensus>({
    key: structureIdsPluginKey,
    state: {
      init: (_config, state) => IdCensus.of(state.doc, typeSet),
      apply: (tr, census) => (tr.docChanged ? census.next(tr.before, tr.doc) : census),
    },
    appendTransaction(transactions, _oldState, newState) {
      const changing = transactions.filter((tr) => tr.docChanged);
      // An edit inside one textblock adds, removes and re-attributes no node that carries an id.
      if (changing.every((tr) => textblockChange(tr.before, tr.doc) !== null)) return null;
      if (structureIdsPluginKey.getState(newState)?.sound) return null;
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
