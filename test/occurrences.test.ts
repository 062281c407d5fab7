import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { occurrences } from '../src/occurrences.js';

/** Every start of `pattern` in `text`, overlapping ones included, by repeated search. */
function naive(text: string, pattern: string): number[] {
  const found: number[] = [];
  for (let at = text.indexOf(pattern); at !== -1; at = text.indexOf(pattern, at + 1)) found.push(at);
  return found;
}

describe('occurrences', () => {
  it('finds every place of every pattern, as a search for each would', () => {
    // A small alphabet, so that patterns overlap, nest and share prefixes and suffixes.
    const word = fc.string({ unit: fc.constantFrom('a', 'b', '.', '/'), maxLength: 6 });
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', 'b', '.', '/', 'c'), maxLength: 60 }), fc.array(word, { maxLength: 8 }), (text, patterns) => {
        const found = occurrences(text, patterns);
        for (const p of patterns) {
          if (p === '') expect(found.has(p)).toBe(false);
          else expect(found.get(p)).toEqual(naive(text, p));
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('finds names inside longer words and at the ends of the text', () => {
    const found = occurrences('f1.tgz xf1.tgz f1.tgz.sha256 f11.tgz', ['f1.tgz', '1.tgz', 'f11.tgz', 'sha256', 'missing']);
    expect(Object.fromEntries(found)).toEqual({ 'f1.tgz': [0, 8, 15], '1.tgz': [1, 9, 16, 31], 'f11.tgz': [29], sha256: [22], missing: [] });
  });
});
