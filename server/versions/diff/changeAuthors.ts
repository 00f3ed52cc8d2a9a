/**
 * Who inserted and who deleted each Yjs item, from the server's stored update log (never from what a
 * client claims): every stored update — or compacted history window, one user each — is decoded; the
 * structs it carries were inserted by its user, the ranges of its delete set deleted by its user.
 * The server stores only what each accepted update newly integrated (the document's own `update`
 * event), so every item is inserted once and deleted at most once; the first record wins anyway.
 *
 * This is the small, replaceable attribution the difference needs; the change history's own index
 * (server/history) can answer the same two questions.
 */
import * as Y from 'yjs';
import type { HistoryEntry } from '../../storage/types.js';

/** `length` consecutive clocks and who made that change (null: not in the record). */
export interface AuthorRun {
  length: number;
  userId: string | null;
}

export interface ChangeAuthorship {
  /** Who inserted the items client:clock … clock+length−1, as runs in clock order. */
  inserted(client: number, clock: number, length: number): AuthorRun[];
  /** Who deleted them. */
  deleted(client: number, clock: number, length: number): AuthorRun[];
}

/** Sorted, non-overlapping clock ranges of one client with the index of their user. */
class RangeList {
  starts: number[] = [];
  ends: number[] = [];
  users: number[] = [];
  private sorted = true;

  add(start: number, end: number, user: number): void {
    const last = this.ends.length - 1;
    if (last >= 0 && this.users[last] === user && this.ends[last] === start) {
      this.ends[last] = end;
      return;
    }
    if (last >= 0 && start < this.starts[last]!) this.sorted = false;
    this.starts.push(start);
    this.ends.push(end);
    this.users.push(user);
  }

  /** Sorts by start; where ranges overlap the earlier record (lower insertion index) wins. */
  seal(): void {
    if (this.sorted) return;
    const order = this.starts.map((_, i) => i).sort((a, b) => this.starts[a]! - this.starts[b]! || a - b);
    const starts: number[] = [];
    const ends: number[] = [];
    const users: number[] = [];
    for (const i of order) {
      let start = this.starts[i]!;
      const end = this.ends[i]!;
      const previousEnd = ends.length > 0 ? ends[ends.length - 1]! : -1;
      if (end <= previousEnd) continue;
      if (start < previousEnd) start = previousEnd;
      starts.push(start);
      ends.push(end);
      users.push(this.users[i]!);
    }
    this.starts = starts;
    this.ends = ends;
    this.users = users;
    this.sorted = true;
  }

  runs(clock: number, length: number, names: readonly string[]): AuthorRun[] {
    const runs: AuthorRun[] = [];
    const push = (len: number, userId: string | null): void => {
      const last = runs[runs.length - 1];
      if (last && last.userId === userId) last.length += len;
      else runs.push({ length: len, userId });
    };
    const end = clock + length;
    // The last range starting at or before `clock`.
    let lo = 0;
    let hi = this.starts.length - 1;
    let index = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (this.starts[mid]! <= clock) {
        index = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    let at = clock;
    for (let i = Math.max(index, 0); i < this.starts.length && at < end; i++) {
      const start = this.starts[i]!;
      const stop = this.ends[i]!;
      if (stop <= at) continue;
      if (start >= end) break;
      if (start > at) {
        push(start - at, null);
        at = start;
      }
      const upTo = Math.min(stop, end);
      push(upTo - at, names[this.users[i]!] ?? null);
      at = upTo;
    }
    if (at < end) push(end - at, null);
    return runs;
  }
}

/** The attribution index of one document's stored history. */
export class UpdateLogAuthorship implements ChangeAuthorship {
  private readonly users: string[] = [];
  private readonly userIndex = new Map<string, number>();
  private readonly inserts = new Map<number, RangeList>();
  private readonly deletes = new Map<number, RangeList>();

  constructor(entries: readonly HistoryEntry[]) {
    for (const entry of entries) this.add(entry);
    for (const list of this.inserts.values()) list.seal();
    for (const list of this.deletes.values()) list.seal();
  }

  private add(entry: HistoryEntry): void {
    let user = this.userIndex.get(entry.userId);
    if (user === undefined) {
      user = this.users.length;
      this.users.push(entry.userId);
      this.userIndex.set(entry.userId, user);
    }
    const { structs, ds } = Y.decodeUpdate(entry.update);
    for (const struct of structs) {
      if (struct instanceof Y.Skip) continue;
      rangesOf(this.inserts, struct.id.client).add(struct.id.clock, struct.id.clock + struct.length, user);
    }
    for (const [client, items] of ds.clients) {
      const list = rangesOf(this.deletes, client);
      for (const item of items) list.add(item.clock, item.clock + item.len, user);
    }
  }

  inserted(client: number, clock: number, length: number): AuthorRun[] {
    return runsIn(this.inserts, client, clock, length, this.users);
  }

  deleted(client: number, clock: number, length: number): AuthorRun[] {
    return runsIn(this.deletes, client, clock, length, this.users);
  }
}

function rangesOf(map: Map<number, RangeList>, client: number): RangeList {
  let list = map.get(client);
  if (!list) {
    list = new RangeList();
    map.set(client, list);
  }
  return list;
}

function runsIn(
  map: Map<number, RangeList>,
  client: number,
  clock: number,
  length: number,
  users: readonly string[],
): AuthorRun[] {
  const list = map.get(client);
  return list ? list.runs(clock, length, users) : [{ length, userId: null }];
}

/** A fingerprint of a stored history: the same entries read again give the same key. */
export function historyKey(entries: readonly HistoryEntry[]): string {
  return entries
    .map((entry) => `${entry.userId}|${entry.from}|${entry.to}|${entry.count}|${entry.update.byteLength}`)
    .join('\n');
}

/**
 * The attribution index per document, rebuilt only when the stored history changed (new entries, or
 * a compaction that merged the log into windows).
 */
export class AuthorshipCache {
  private readonly cache = new Map<string, { key: string; authorship: UpdateLogAuthorship }>();

  constructor(private readonly limit = 8) {}

  forDocument(documentId: string, key: string, entries: readonly HistoryEntry[]): ChangeAuthorship {
    const cached = this.cache.get(documentId);
    if (cached && cached.key === key) return cached.authorship;
    const authorship = new UpdateLogAuthorship(entries);
    this.cache.delete(documentId);
    this.cache.set(documentId, { key, authorship });
    while (this.cache.size > this.limit) {
      const oldest = this.cache.keys().next().value;
      if (oldest === undefined) break;
      this.cache.delete(oldest);
    }
    return authorship;
  }
}
