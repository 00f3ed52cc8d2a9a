/**
 * What one Yjs transaction did to the document, per node: characters added and removed, formatting
 * and attributes changed, numbered nodes inserted, deleted or moved, table rows added or removed.
 * Read from the transaction itself (inside `afterTransaction`, before Yjs drops deleted content), so
 * the cost is proportional to the change, never to the document.
 *
 * The editor binding (y-prosemirror) sometimes deletes and re-creates content it only moved: a
 * clause moved up is deleted and inserted again with the same id, a split paragraph's tail is
 * deleted and inserted into the new paragraph. Text removed and inserted identically within one
 * node and one transaction is therefore no change; a node deleted and inserted again with the same
 * id is a move (or nothing, when its label and place stayed).
 */
import * as Y from 'yjs';
import type { NumberedKind, Numbering } from '@shared/editor/structure/numbering.js';
import { NODE } from '@shared/editor/structure/names.js';
import type { ItemRanges } from './ItemRanges.js';
import { isStructural, parentType, TargetResolver } from './targets.js';
import type { ChangeTarget, XmlType } from './targets.js';
import { NOW, beforeTransaction, numberingOf } from './yTree.js';

export interface TextDelta {
  target: ChangeTarget;
  /** Net characters added (negative when earlier additions of the same entry were taken back). */
  added: number;
  removed: number;
  formatted: boolean;
  attributes: Set<string>;
}

export interface NodeChange {
  target: ChangeTarget;
  /** The node's label before the transaction (deleted and moved nodes). */
  label?: string;
}

export interface RowDelta {
  target: ChangeTarget;
  added: number;
  removed: number;
}

/** A node that no longer exists, as it was last seen. */
export interface GraveRecord {
  label: string;
  title: string;
  kind: NumberedKind;
  path: string[];
}

export interface TransactionEffects {
  text: Map<string, TextDelta>;
  /** Outermost numbered nodes inserted (and still there). */
  inserted: Map<string, NodeChange>;
  /** Outermost numbered nodes deleted. */
  deleted: Map<string, NodeChange>;
  /** Numbered nodes deleted and inserted again elsewhere (`label`: where they were). */
  moved: Map<string, NodeChange>;
  /** Table rows, per table. */
  rows: Map<string, RowDelta>;
  /** Nodes gone by this transaction, with their last label. */
  graveyard: Map<string, GraveRecord>;
}

export function emptyEffects(): TransactionEffects {
  return {
    text: new Map(),
    inserted: new Map(),
    deleted: new Map(),
    moved: new Map(),
    rows: new Map(),
    graveyard: new Map(),
  };
}

/** Adds `more` (a later transaction's effects) into `into`. */
export function mergeEffects(into: TransactionEffects, more: TransactionEffects): TransactionEffects {
  for (const [key, delta] of more.text) {
    const known = into.text.get(key);
    if (!known) {
      into.text.set(key, delta);
      continue;
    }
    known.added += delta.added;
    known.removed += delta.removed;
    known.formatted ||= delta.formatted;
    for (const name of delta.attributes) known.attributes.add(name);
  }
  for (const [id, change] of more.deleted) {
    if (into.inserted.delete(id)) continue;
    into.moved.delete(id);
    into.deleted.set(id, change);
  }
  for (const [id, change] of more.inserted) {
    const gone = into.deleted.get(id);
    into.deleted.delete(id);
    if (gone) into.moved.set(id, { target: change.target, ...(gone.label !== undefined ? { label: gone.label } : {}) });
    else into.inserted.set(id, change);
  }
  for (const [id, change] of more.moved) if (!into.inserted.has(id) && !into.moved.has(id)) into.moved.set(id, change);
  for (const [key, rows] of more.rows) {
    const known = into.rows.get(key);
    if (known) {
      known.added += rows.added;
      known.removed += rows.removed;
    } else into.rows.set(key, rows);
  }
  for (const [id, grave] of more.graveyard) into.graveyard.set(id, grave);
  return into;
}

/** Inline atoms that count as one character of text. */
const INLINE_ATOMS = new Set<string>([NODE.crossRef, NODE.indicatorRef]);

interface Run {
  target: ChangeTarget;
  text: string;
  items: Y.Item[];
}

/**
 * The effects of `transaction` (call inside `afterTransaction`). `own` holds the characters the
 * current entry added before: deleting them takes them back from `added`; the characters this
 * transaction adds are put into it.
 */
export function transactionEffects(transaction: Y.Transaction, own: ItemRanges): TransactionEffects {
  return new EffectsReader(transaction, own).read();
}

class EffectsReader {
  private readonly effects = emptyEffects();
  private readonly targets = new TargetResolver();
  private readonly before: Map<number, number>;
  private readonly insertedStrings: Y.Item[] = [];
  private readonly deletedStrings: Y.Item[] = [];
  private readonly insertedTypes: Y.Item[] = [];
  private readonly deletedTypes: Y.Item[] = [];

  constructor(
    private readonly transaction: Y.Transaction,
    private readonly own: ItemRanges,
  ) {
    this.before = transaction.beforeState;
  }

  read(): TransactionEffects {
    this.collectInserted();
    this.collectDeleted();
    this.countText();
    this.readStructure();
    return this.effects;
  }

  private existedBefore(item: Y.Item): boolean {
    return item.id.clock < (this.before.get(item.id.client) ?? 0);
  }

  private deletedHere(item: Y.Item): boolean {
    return item.deleted && this.existedBefore(item) && Y.isDeleted(this.transaction.deleteSet, item.id);
  }

  private delta(target: ChangeTarget): TextDelta {
    let delta = this.effects.text.get(target.key);
    if (!delta) {
      delta = { target, added: 0, removed: 0, formatted: false, attributes: new Set() };
      this.effects.text.set(target.key, delta);
    }
    return delta;
  }

  /** Structs this transaction created: the clocks between the state before and after. */
  private collectInserted(): void {
    const store = this.transaction.doc.store;
    for (const [client, end] of this.transaction.afterState) {
      const start = this.before.get(client) ?? 0;
      const structs = store.clients.get(client);
      if (end <= start || !structs) continue;
      for (let i = Y.findIndexSS(structs, start); i < structs.length; i++) {
        const struct = structs[i]!;
        if (struct.id.clock >= end) break;
        if (struct instanceof Y.Item && !struct.deleted) this.inserted(struct);
      }
    }
  }

  private inserted(item: Y.Item): void {
    const parent = parentType(item);
    if (!parent) return;
    if (item.parentSub !== null) {
      // An attribute set on an element that existed before (new elements' attributes are part of them).
      if (parent instanceof Y.XmlElement && parent._item && this.existedBefore(parent._item) && item.parentSub !== 'id')
        this.delta(this.targets.ofType(parent)).attributes.add(item.parentSub);
      return;
    }
    const content = item.content;
    if (content instanceof Y.ContentString) this.insertedStrings.push(item);
    else if (content instanceof Y.ContentType) this.insertedTypes.push(item);
    else if (content instanceof Y.ContentFormat && parent._item && this.existedBefore(parent._item))
      this.delta(this.targets.ofItem(item)).formatted = true;
  }

  /** Structs that existed before and were deleted by this transaction. */
  private collectDeleted(): void {
    const store = this.transaction.doc.store;
    for (const [client, ranges] of this.transaction.deleteSet.clients) {
      const structs = store.clients.get(client);
      const known = this.before.get(client) ?? 0;
      if (!structs) continue;
      for (const range of ranges) {
        const end = Math.min(range.clock + range.len, known);
        if (range.clock >= end) continue;
        for (let i = Y.findIndexSS(structs, range.clock); i < structs.length; i++) {
          const struct = structs[i]!;
          if (struct.id.clock >= end) break;
          if (struct instanceof Y.Item) this.deleted(struct);
        }
      }
    }
  }

  private deleted(item: Y.Item): void {
    const parent = parentType(item);
    if (!parent) return;
    if (item.parentSub !== null) {
      // An attribute removed from an element that stays (a replaced value is counted as set).
      if (parent instanceof Y.XmlElement && item.parentSub !== 'id' && !parent._item?.deleted)
        this.delta(this.targets.ofType(parent)).attributes.add(item.parentSub);
      return;
    }
    if (item.content instanceof Y.ContentString) this.deletedStrings.push(item);
    else if (item.content instanceof Y.ContentType) this.deletedTypes.push(item);
  }

  /**
   * Characters per node. Inserted and removed text is grouped into runs (adjacent items of one
   * text node); a removed run that is inserted again identically in the same node cancels out.
   */
  private countText(): void {
    const isInserted = (item: Y.Item | null): item is Y.Item =>
      item !== null &&
      !this.existedBefore(item) &&
      (item.content instanceof Y.ContentString || item.content instanceof Y.ContentFormat);
    const isGone = (item: Y.Item | null): item is Y.Item => item?.deleted === true;
    const inserted = this.runs(this.insertedStrings, isInserted, (item) => !item.deleted);
    const removed = this.runs(this.deletedStrings, isGone, (item) => this.deletedHere(item));

    const removedByTarget = new Map<string, Map<string, Run[]>>();
    for (const run of removed) {
      let byText = removedByTarget.get(run.target.key);
      if (!byText) {
        byText = new Map();
        removedByTarget.set(run.target.key, byText);
      }
      const same = byText.get(run.text);
      if (same) same.push(run);
      else byText.set(run.text, [run]);
    }
    for (const run of inserted) {
      const same = removedByTarget.get(run.target.key)?.get(run.text);
      if (same && same.length > 0) {
        same.pop();
        continue;
      }
      this.delta(run.target).added += run.text.length;
      for (const item of run.items) this.own.add(item.id.client, item.id.clock, item.length);
    }
    for (const byText of removedByTarget.values()) {
      for (const runs of byText.values()) {
        for (const run of runs) this.countRemoved(run);
      }
    }
  }

  /** Removed characters the entry itself added are taken back from `added`. */
  private countRemoved(run: Run): void {
    const delta = this.delta(run.target);
    for (const item of run.items) {
      const mine = this.own.overlap(item.id.client, item.id.clock, item.length);
      delta.added -= mine;
      delta.removed += item.length - mine;
    }
  }

  /**
   * Maximal runs of adjacent items (`inRun`) around each of `items`, in document order, keeping the
   * text of those that `counts`.
   */
  private runs(
    items: readonly Y.Item[],
    inRun: (item: Y.Item | null) => item is Y.Item,
    counts: (item: Y.Item) => boolean,
  ): Run[] {
    const seen = new Set<Y.Item>();
    const runs: Run[] = [];
    for (const item of items) {
      if (seen.has(item)) continue;
      let start = item;
      while (inRun(start.left) && !seen.has(start.left)) start = start.left;
      const run: Run = { target: this.targets.ofItem(item), text: '', items: [] };
      for (let next: Y.Item | null = start; inRun(next) && !seen.has(next); next = next.right) {
        seen.add(next);
        if (next.content instanceof Y.ContentString && counts(next)) {
          run.text += next.content.str;
          run.items.push(next);
        }
      }
      if (run.items.length > 0) runs.push(run);
    }
    return runs;
  }

  private readStructure(): void {
    const atoms = new Map<string, { target: ChangeTarget; added: number; removed: number }>();
    const atom = (item: Y.Item, change: 'added' | 'removed'): void => {
      const target = this.targets.ofItem(item);
      const entry = atoms.get(target.key) ?? { target, added: 0, removed: 0 };
      entry[change] += 1;
      atoms.set(target.key, entry);
    };
    for (const item of this.insertedTypes) {
      const type = (item.content as Y.ContentType).type;
      const parent = parentType(item);
      if (!(type instanceof Y.XmlElement) || !parent) continue;
      const name = type.nodeName;
      const parentIsNew = parent._item !== null && !this.existedBefore(parent._item);
      if (isStructural(name) && !parentIsNew) {
        const target = this.targets.ofElement(type);
        if (target) this.effects.inserted.set(target.key, { target });
      } else if (name === NODE.tableRow && !parentIsNew) this.row(parent, 'added');
      else if (INLINE_ATOMS.has(name)) atom(item, 'added');
    }
    for (const item of this.deletedTypes) {
      const type = (item.content as Y.ContentType).type;
      const parent = parentType(item);
      if (!(type instanceof Y.XmlElement) || !parent) continue;
      const name = type.nodeName;
      const parentGoes = parent._item !== null && this.deletedHere(parent._item);
      if (isStructural(name) && !parentGoes) {
        const target = this.targets.ofElement(type);
        if (target) this.effects.deleted.set(target.key, { target });
      } else if (name === NODE.tableRow && !parentGoes) this.row(parent, 'removed');
      else if (INLINE_ATOMS.has(name)) atom(item, 'removed');
    }
    // An atom removed and inserted again (its paragraph re-created) is no change.
    for (const { target, added, removed } of atoms.values()) {
      const kept = Math.min(added, removed);
      const delta = this.delta(target);
      delta.added += added - kept;
      delta.removed += removed - kept;
    }
    if (this.effects.deleted.size > 0) this.labelRemovals();
  }

  private row(table: XmlType, change: 'added' | 'removed'): void {
    const target = this.targets.ofType(table);
    const rows = this.effects.rows.get(target.key) ?? { target, added: 0, removed: 0 };
    rows[change] += 1;
    this.effects.rows.set(target.key, rows);
  }

  /**
   * Labels of deleted nodes from the tree as it was before; a node deleted and inserted again is a
   * move when its label or place changed, else nothing (re-created in place).
   */
  private labelRemovals(): void {
    const before = numberingOf(this.transaction.doc, beforeTransaction(this.transaction));
    const after = numberingOf(this.transaction.doc, NOW);
    const { inserted, deleted, moved } = this.effects;
    for (const [id, change] of deleted) {
      change.label = before.byId[id]?.label ?? '';
      if (!inserted.has(id)) continue;
      deleted.delete(id);
      const back = inserted.get(id)!;
      inserted.delete(id);
      const was = before.byId[id];
      const now = after.byId[id];

      if (was && now && was.label === now.label && was.parentId === now.parentId) continue;
      moved.set(id, { target: back.target, label: change.label });
    }
    this.bury(before, after);
  }

  private bury(before: Numbering, after: Numbering): void {
    for (const [id, item] of Object.entries(before.byId)) {
      if (after.byId[id]) continue;
      this.effects.graveyard.set(id, { label: item.label, title: item.title, kind: item.kind, path: item.path });
    }
  }
}
