import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addPosition, countBefore, nextInAny } from '../src/sorted.js';

describe('countBefore', () => {
  it('finds where a sorted list stops being before a point, as a scan would', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 50 })), fc.integer({ min: -1, max: 51 }), (values, at) => {
        const sorted = [...values].sort((a, b) => a - b);
        expect(countBefore(sorted, (v) => v < at)).toBe(sorted.filter((v) => v < at).length);
        expect(countBefore(sorted, (v) => v <= at)).toBe(sorted.filter((v) => v <= at).length);
      }),
    );
  });
});

describe('nextInAny', () => {
  it('finds the first position at or after a point in any of the lists, as a scan of them all would', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.integer({ min: 0, max: 60 }))), fc.integer({ min: -1, max: 62 }), (raw, from) => {
        // Lists as addPosition files them: increasing, each position once.
        const byKey = new Map<number, number[]>();
        raw.forEach((list, key) => [...list].sort((a, b) => a - b).forEach((j) => addPosition(byKey, key, j)));
        const lists = [...byKey.values()];
        for (const list of lists) expect(list).toEqual([...new Set(list)].sort((a, b) => a - b));
        const all = lists.flat().filter((j) => j >= from);
        expect(nextInAny(lists)(from)).toBe(all.length === 0 ? Infinity : Math.min(...all));
      }),
    );
  });
});
