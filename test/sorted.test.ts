import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countBefore } from '../src/sorted.js';

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
