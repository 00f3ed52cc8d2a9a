/**
 * Sets of Yjs item ids as clock ranges per client: the characters an entry added, so that deleting
 * them again within the same entry takes them back from "added" instead of counting them as removed.
 */
export type SerializedRanges = [client: number, ranges: number[]][];

export class ItemRanges {
  /** Per client, sorted disjoint ranges flattened as [start0, end0, start1, end1 …] (end exclusive). */
  private readonly byClient = new Map<number, number[]>();

  static from(serialized: SerializedRanges): ItemRanges {
    const ranges = new ItemRanges();
    for (const [client, flat] of serialized) ranges.byClient.set(client, [...flat]);
    return ranges;
  }

  serialize(): SerializedRanges {
    return [...this.byClient].map(([client, flat]) => [client, [...flat]]);
  }

  get isEmpty(): boolean {
    return this.byClient.size === 0;
  }

  add(client: number, clock: number, length: number): void {
    if (length <= 0) return;
    let flat = this.byClient.get(client);
    if (!flat) {
      flat = [];
      this.byClient.set(client, flat);
    }
    let start = clock;
    let end = clock + length;
    // The ranges that overlap or touch the new one: [first, last) in range units.
    const first = this.firstEndingAtOrAfter(flat, start);
    let last = first;
    while (last * 2 < flat.length && flat[last * 2]! <= end) {
      start = Math.min(start, flat[last * 2]!);
      end = Math.max(end, flat[last * 2 + 1]!);
      last += 1;
    }
    flat.splice(first * 2, (last - first) * 2, start, end);
  }

  /** Index (in ranges) of the first range whose end is at or after `clock`. */
  private firstEndingAtOrAfter(flat: readonly number[], clock: number): number {
    let lo = 0;
    let hi = flat.length / 2;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (flat[mid * 2 + 1]! < clock) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** How many of the clocks `clock … clock + length − 1` of `client` are in the set. */
  overlap(client: number, clock: number, length: number): number {
    const flat = this.byClient.get(client);
    if (!flat) return 0;
    const end = clock + length;
    // First range whose end is after `clock` (binary search over the range ends).
    let lo = 0;
    let hi = flat.length / 2;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (flat[mid * 2 + 1]! <= clock) lo = mid + 1;
      else hi = mid;
    }
    let total = 0;
    for (let i = lo * 2; i < flat.length && flat[i]! < end; i += 2) {
      total += Math.min(end, flat[i + 1]!) - Math.max(clock, flat[i]!);
    }
    return total;
  }
}
