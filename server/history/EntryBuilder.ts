/**
 * One history entry while it may still grow: the changes of one person, accumulated transaction by
 * transaction (text per node, structure per node, table rows per table), and the characters it
 * added so far (so that deleting them again is not counted as removing text).
 */
import type { HistoryRecord, StructureRecord, TargetRecord } from './historyRecords.js';
import { ItemRanges } from './ItemRanges.js';
import type { SerializedRanges } from './ItemRanges.js';
import type { ChangeTarget } from './targets.js';
import type { TransactionEffects } from './transactionEffects.js';

type NodeState = 'inserted' | 'deleted' | 'moved';

interface NodeChangeState {
  target: ChangeTarget;
  change: NodeState;
  /** Deleted: the label then; moved: the label before the first move. */
  label?: string;
}

interface TextState {
  target: ChangeTarget;
  added: number;
  removed: number;
  formatted: boolean;
  attributes: string[];
}

interface RowState {
  target: ChangeTarget;
  added: number;
  removed: number;
}

/** An open entry as the index checkpoint keeps it. */
export interface SerializedEntry {
  id: string;
  userId: string;
  organizationId: string | null;
  from: number;
  to: number;
  updates: number;
  text: TextState[];
  nodes: [string, NodeChangeState][];
  rows: RowState[];
  own: SerializedRanges;
}

export class EntryBuilder {
  private readonly text = new Map<string, TextState>();
  private readonly nodes = new Map<string, NodeChangeState>();
  private readonly rows = new Map<string, RowState>();
  /** The characters this entry added (item ids). */
  readonly own: ItemRanges;
  /** The entry holds the document's first change (its creation). */
  creation = false;

  constructor(
    readonly id: string,
    readonly userId: string,
    readonly organizationId: string | null,
    public from: number,
    public to: number,
    public updates = 0,
    own = new ItemRanges(),
  ) {
    this.own = own;
  }

  static restore(state: SerializedEntry): EntryBuilder {
    const entry = new EntryBuilder(
      state.id,
      state.userId,
      state.organizationId,
      state.from,
      state.to,
      state.updates,
      ItemRanges.from(state.own),
    );
    for (const text of state.text) entry.text.set(text.target.key, text);
    for (const [id, node] of state.nodes) entry.nodes.set(id, node);
    for (const rows of state.rows) entry.rows.set(rows.target.key, rows);
    return entry;
  }

  serialize(): SerializedEntry {
    return {
      id: this.id,
      userId: this.userId,
      organizationId: this.organizationId,
      from: this.from,
      to: this.to,
      updates: this.updates,
      text: [...this.text.values()],
      nodes: [...this.nodes],
      rows: [...this.rows.values()],
      own: this.own.serialize(),
    };
  }

  /** Takes in the stored changes' times and count. */
  extend(from: number, to: number, updates: number): void {
    this.from = Math.min(this.from, from);
    this.to = Math.max(this.to, to);
    this.updates += updates;
  }

  absorb(effects: TransactionEffects): void {
    for (const delta of effects.text.values()) {
      const state = this.text.get(delta.target.key) ?? {
        target: delta.target,
        added: 0,
        removed: 0,
        formatted: false,
        attributes: [],
      };
      state.target = delta.target;
      state.added += delta.added;
      state.removed += delta.removed;
      state.formatted ||= delta.formatted;
      for (const name of delta.attributes) if (!state.attributes.includes(name)) state.attributes.push(name);
      this.text.set(delta.target.key, state);
    }
    for (const [id, change] of effects.inserted) this.node(id, 'inserted', change.target, change.label);
    for (const [id, change] of effects.moved) this.node(id, 'moved', change.target, change.label);
    for (const [id, change] of effects.deleted) this.node(id, 'deleted', change.target, change.label);
    for (const delta of effects.rows.values()) {
      const state = this.rows.get(delta.target.key) ?? { target: delta.target, added: 0, removed: 0 };
      state.added += delta.added;
      state.removed += delta.removed;
      this.rows.set(delta.target.key, state);
    }
  }

  /**
   * What a node went through in this entry: inserted then deleted is nothing, deleted then
   * inserted again is a move, a move of an inserted node is still an insertion.
   */
  private node(id: string, change: NodeState, target: ChangeTarget, label: string | undefined): void {
    const previous = this.nodes.get(id);
    if (!previous) {
      this.nodes.set(id, { target, change, ...(label !== undefined ? { label } : {}) });
      return;
    }
    if (change === 'deleted') {
      if (previous.change === 'inserted') this.nodes.delete(id);
      else this.nodes.set(id, { target, change, label: previous.change === 'moved' ? previous.label : label });
      return;
    }
    if (previous.change === 'deleted') {
      this.nodes.set(id, {
        target,
        change: 'moved',
        ...(previous.label !== undefined ? { label: previous.label } : {}),
      });
      return;
    }
    // inserted or moved after an insertion or a move: keep what it was first, follow the node.
    previous.target = target;
  }

  toRecord(): HistoryRecord {
    const targets: TargetRecord[] = [];
    for (const state of this.text.values()) {
      const added = Math.max(0, state.added);
      if (added === 0 && state.removed === 0 && !state.formatted && state.attributes.length === 0) continue;
      targets.push({
        key: state.target.key,
        nodeType: state.target.nodeType,
        path: state.target.path,
        added,
        removed: state.removed,
        ...(state.formatted ? { formatted: true as const } : {}),
        ...(state.attributes.length > 0 ? { attributes: [...state.attributes] } : {}),
      });
    }
    const structure: StructureRecord[] = [];
    for (const [id, node] of this.nodes) {
      structure.push({
        key: id,
        nodeType: node.target.nodeType,
        path: node.target.path,
        change: node.change,
        ...(node.label !== undefined ? { label: node.label } : {}),
      });
    }
    for (const rows of this.rows.values()) {
      const net = rows.added - rows.removed;
      if (net === 0) continue;
      structure.push({
        key: rows.target.key,
        nodeType: rows.target.nodeType,
        path: rows.target.path,
        change: net > 0 ? 'rows-added' : 'rows-removed',
        rows: Math.abs(net),
      });
    }
    return {
      id: this.id,
      userId: this.userId,
      organizationId: this.organizationId,
      from: this.from,
      to: this.to,
      updates: this.updates,
      targets,
      structure,
      ...(this.creation ? { creation: true as const } : {}),
    };
  }
}
