/**
 * The change history of one document, derived from its stored updates: entries (one person's
 * consecutive changes), what each changed per node, and the labels of nodes since deleted. Built
 * incrementally: `catchUp` replays only what was stored after the index's position, into a replica
 * of the document kept at that position.
 *
 * Entries follow the stored history windows' rule (DEFAULT_WINDOW_POLICY): a person's changes less
 * than a minute apart, at most ten minutes per entry. Unlike the stored windows (strictly
 * consecutive updates of one user, so replaying them in order respects causality), an entry stays
 * open while others type in between: two people writing at the same time get one entry each, not
 * one per keystroke. Two people's changes are never in one entry.
 */
import { performance } from 'node:perf_hooks';
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { DocumentStore, HistoryPosition, PositionedHistoryEntry } from '../storage/types.js';
import { DEFAULT_WINDOW_POLICY } from '../storage/files/historyWindows.js';
import type { WindowPolicy } from '../storage/files/historyWindows.js';
import type { ChangeReplica } from './ChangeReplica.js';
import { EntryBuilder } from './EntryBuilder.js';
import type { SerializedEntry } from './EntryBuilder.js';
import { compareEntryIds } from './historyRecords.js';
import type { HistoryRecord } from './historyRecords.js';
import type { GraveRecord } from './transactionEffects.js';

/** How long after its last change an entry is final: the policy's gap plus the store's delay. */
const STORE_DELAY_MS = 30_000;
/** At most this many stored updates per replayed transaction. */
const MAX_BATCH = 256;
/** Replay yields to the event loop after this much work. */
const SLICE_MS = 8;

/** What the index checkpoint keeps besides the closed entries and the replica. */
export interface IndexCheckpoint {
  position: HistoryPosition | null;
  open: SerializedEntry[];
  graveyard: [string, GraveRecord][];
}

/** An entry as the history lists it: closed (final) or still open. */
export interface ListedEntry {
  record: HistoryRecord;
  open: boolean;
}

export class HistoryIndex {
  private readonly open = new Map<string, EntryBuilder>();
  private readonly graveyard: Map<string, GraveRecord>;
  /** Closed entries not yet written to the index files. */
  private readonly unsavedRecords: HistoryRecord[] = [];
  private listed: ListedEntry[] | null = null;
  /** Changes whenever the entries or the replica change. */
  version = 0;

  constructor(
    readonly documentId: string,
    readonly replica: ChangeReplica,
    private position: HistoryPosition | null,
    /** Closed entries, oldest first. */
    private readonly closed: HistoryRecord[],
    checkpoint: Omit<IndexCheckpoint, 'position'>,
    private readonly organizationOf: (userId: string) => string | null,
    private readonly policy: WindowPolicy = DEFAULT_WINDOW_POLICY,
  ) {
    for (const state of checkpoint.open) this.open.set(state.userId, EntryBuilder.restore(state));
    this.graveyard = new Map(checkpoint.graveyard);
    this.closed.sort((a, b) => compareEntryIds(a.id, b.id));
  }

  /** The labels of nodes since deleted, as they were last seen. */
  grave(id: string): GraveRecord | undefined {
    return this.graveyard.get(id);
  }

  /** Replays what was stored after the index's position; true when anything was new. */
  async catchUp(store: DocumentStore): Promise<boolean> {
    const units = await store.historySince(this.documentId, this.position);
    let slice = performance.now();
    let i = 0;
    while (i < units.length) {
      const first = units[i]!;
      // The document's first change (its creation from a template) is an entry of its own.
      const creation = this.position === null;
      const entry = this.entryFor(first);
      entry.extend(this.startOf(first), first.to, this.newUpdates(first));
      const batch = [first];
      this.advance(first);
      i += 1;
      // Single updates of the same person that continue the same entry are replayed together.
      while (i < units.length && !first.sealed && !creation && batch.length < MAX_BATCH) {
        const next = units[i]!;
        if (next.sealed || next.userId !== first.userId || !this.continues(entry, next.from, next.to)) break;
        entry.extend(next.from, next.to, 1);
        batch.push(next);
        this.advance(next);
        i += 1;
      }
      const effects = this.replica.apply(
        batch.map((u) => u.update),
        entry.own,
      );
      entry.absorb(effects);
      for (const [id, grave] of effects.graveyard) this.graveyard.set(id, grave);
      if (creation) {
        entry.creation = true;
        this.close(entry);
      }
      if (performance.now() - slice > SLICE_MS) {
        await nextTurn();
        slice = performance.now();
      }
    }
    if (units.length > 0) this.changed();
    return units.length > 0;
  }

  /** Closes the entries whose person stopped changing long enough ago; true when any was closed. */
  closeStale(now: number): boolean {
    let closedAny = false;
    for (const entry of [...this.open.values()]) {
      if (now - entry.to > this.policy.maxGapMs + STORE_DELAY_MS) {
        this.close(entry);
        closedAny = true;
      }
    }
    if (closedAny) this.changed();
    return closedAny;
  }

  /** All entries, newest first (by where their first change was stored). */
  entries(): readonly ListedEntry[] {
    if (!this.listed) {
      const all: ListedEntry[] = this.closed.map((record) => ({ record, open: false }));
      for (const entry of this.open.values()) all.push({ record: entry.toRecord(), open: true });
      all.sort((a, b) => compareEntryIds(b.record.id, a.record.id));
      this.listed = all;
    }
    return this.listed;
  }

  /** Closed entries not yet in the index files, oldest closed first. */
  unsaved(): HistoryRecord[] {
    return [...this.unsavedRecords];
  }

  /** The first `count` of `unsaved()` are in the index files now. */
  markSaved(count: number): void {
    this.unsavedRecords.splice(0, count);
  }

  checkpoint(): IndexCheckpoint {
    return {
      position: this.position,
      open: [...this.open.values()].map((entry) => entry.serialize()),
      graveyard: [...this.graveyard],
    };
  }

  /** The unit's updates the index has not replayed yet (a compacted window may hold some it has). */
  private newUpdates(unit: PositionedHistoryEntry): number {
    const done = this.position?.generation === unit.generation ? this.position.count : 0;
    return unit.index + unit.count - Math.max(unit.index, done);
  }

  /** The first change not replayed yet: a compacted window read partly before starts later. */
  private startOf(unit: PositionedHistoryEntry): number {
    return this.straddles(unit) ? Math.max(unit.from, this.open.get(unit.userId)?.to ?? unit.from) : unit.from;
  }

  private straddles(unit: PositionedHistoryEntry): boolean {
    return this.position?.generation === unit.generation && unit.index < this.position.count;
  }

  private continues(entry: EntryBuilder, from: number, to: number): boolean {
    return from - entry.to <= this.policy.maxGapMs && to - entry.from <= this.policy.maxSpanMs;
  }

  /** The person's open entry if this change continues it, else a new one (closing the old). */
  private entryFor(unit: PositionedHistoryEntry): EntryBuilder {
    const open = this.open.get(unit.userId);
    if (open && this.continues(open, this.startOf(unit), unit.to)) return open;
    if (open) this.close(open);
    // Named by the first update it holds: a window read partly before starts at the first unread one.
    const index = this.straddles(unit) ? this.position!.count : unit.index;
    const created = new EntryBuilder(
      `${unit.generation}.${index}`,
      unit.userId,
      this.organizationOf(unit.userId),
      this.startOf(unit),
      unit.to,
    );
    this.open.set(unit.userId, created);
    return created;
  }

  private advance(unit: PositionedHistoryEntry): void {
    this.position = { generation: unit.generation, count: unit.index + unit.count };
  }

  private close(entry: EntryBuilder): void {
    this.open.delete(entry.userId);
    const record = entry.toRecord();
    // Entries close roughly in order: insert from the end.
    let at = this.closed.length;
    while (at > 0 && compareEntryIds(this.closed[at - 1]!.id, record.id) > 0) at -= 1;
    this.closed.splice(at, 0, record);
    this.unsavedRecords.push(record);
  }

  private changed(): void {
    this.listed = null;
    this.version += 1;
  }
}
