/**
 * The updates this instance heard from other instances (and applied, so its clients have them) that
 * their instance has not confirmed storing yet, per document and sending instance, in the order
 * they were published (see DocumentFanout). A `stored` confirmation removes those it covers; those
 * left unconfirmed `timeoutMs` after they arrived are taken out to be stored by this instance
 * (`DocumentStore.appendMissing`), since their instance may have died with them unstored.
 *
 * No timers here: the caller says what time it is, so the logic is tested without waiting.
 */
import type { StoredUpdate } from '../storage/types.js';

/** A remote update as heard: its sender's sequence number, the attributed update, when it arrived. */
export interface PendingRemoteUpdate {
  seq: number;
  change: StoredUpdate;
  receivedAt: number;
}

/** Unconfirmed updates of one document from one instance, oldest first. */
export interface ExpiredUpdates {
  documentId: string;
  source: string;
  updates: PendingRemoteUpdate[];
}

const keyOf = (documentId: string, source: string): string => `${source}\u0000${documentId}`;

export class PendingRemoteUpdates {
  /** By sending instance and document; each list ordered by arrival. */
  private readonly groups = new Map<string, ExpiredUpdates>();

  constructor(readonly timeoutMs: number) {}

  /** Keeps an update heard from `source` until it is confirmed or expires. */
  add(documentId: string, source: string, update: PendingRemoteUpdate): void {
    const key = keyOf(documentId, source);
    let group = this.groups.get(key);
    if (!group) {
      group = { documentId, source, updates: [] };
      this.groups.set(key, group);
    }
    group.updates.push(update);
  }

  /** `source` stored every update of the document it published up to sequence number `through`. */
  confirm(documentId: string, source: string, through: number): void {
    const key = keyOf(documentId, source);
    const group = this.groups.get(key);
    if (!group) return;
    group.updates = group.updates.filter((u) => u.seq > through);
    if (group.updates.length === 0) this.groups.delete(key);
  }

  /** Takes out the updates unconfirmed for `timeoutMs` or more at `now`, grouped, oldest first. */
  takeExpired(now: number): ExpiredUpdates[] {
    const expired: ExpiredUpdates[] = [];
    for (const [key, group] of this.groups) {
      const due = group.updates.filter((u) => now - u.receivedAt >= this.timeoutMs);
      if (due.length === 0) continue;
      expired.push({ documentId: group.documentId, source: group.source, updates: due });
      group.updates = group.updates.filter((u) => now - u.receivedAt < this.timeoutMs);
      if (group.updates.length === 0) this.groups.delete(key);
    }
    return expired;
  }

  /** The document's updates waiting for a confirmation, by sending instance (to relay them). */
  of(documentId: string): ExpiredUpdates[] {
    return [...this.groups.values()].filter((group) => group.documentId === documentId);
  }

  /** How many updates are waiting for a confirmation. */
  get size(): number {
    let count = 0;
    for (const group of this.groups.values()) count += group.updates.length;
    return count;
  }
}
