/** The set of item clocks an entry added: merging, and how much of a deleted run it covers. */
import { describe, expect, it } from 'vitest';
import { ItemRanges } from '../../server/history/ItemRanges.js';

describe('ItemRanges', () => {
  it('merges touching and overlapping ranges in any order and counts overlaps', () => {
    const ranges = new ItemRanges();
    ranges.add(1, 10, 5); // 10..14
    ranges.add(1, 30, 5); // 30..34
    ranges.add(1, 0, 3); // 0..2
    ranges.add(1, 15, 2); // touches 10..14 → 10..16
    ranges.add(1, 20, 12); // overlaps 30..34 → 20..34
    ranges.add(2, 0, 1);
    expect(ranges.serialize()).toEqual([
      [1, [0, 3, 10, 17, 20, 35]],
      [2, [0, 1]],
    ]);
    expect(ranges.overlap(1, 2, 10)).toBe(1 + 2); // 2, then 10 and 11
    expect(ranges.overlap(1, 16, 6)).toBe(1 + 2); // 16, then 20 and 21
    expect(ranges.overlap(1, 40, 5)).toBe(0);
    expect(ranges.overlap(3, 0, 5)).toBe(0);
    expect(ItemRanges.from(ranges.serialize()).overlap(1, 0, 100)).toBe(3 + 7 + 15);
  });
});
