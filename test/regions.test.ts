/**
 * Changes as replacements of the original text (for SARIF fixes): each change's edits
 * map back through the passes before it, changes that overlap make one region, and the
 * regions applied to the input give the output.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LineIndex } from '../src/dockerfile/text.js';
import { applyEdits, EditMap, mapBack, mapEndBack, mapForward, overlaps } from '../src/engine/edits.js';
import { runPipeline } from '../src/engine/pipeline.js';
import { fixOf, mappedRegions } from '../src/engine/regions.js';
import { configure } from '../src/engine/select.js';
import type { Edit } from '../src/engine/types.js';
import { WrittenRanges } from '../src/engine/written.js';

describe('mapping offsets across a pass', () => {
  const edits = [{ start: 4, end: 6, text: 'WXYZ' }, { start: 9, end: 9, text: '++' }]; // "0123456789" → "0123WXYZ678++9"
  it('an end inside a replacement widens to the end of what it replaced', () => {
    expect(mapEndBack(5, edits)).toBe(6);
    expect(mapEndBack(8, edits)).toBe(6);
    expect(mapEndBack(4, edits)).toBe(4);
    expect(mapEndBack(10, edits)).toBe(8);
  });
  it('an insertion at a point lands after a start and before an end', () => {
    expect(mapForward(9, edits, 'start')).toBe(11);
    expect(mapForward(9, edits, 'end')).toBe(13);
    expect(mapForward(3, edits, 'end')).toBe(3);
    expect(mapForward(7, edits, 'start')).toBe(9);
  });
});

describe('EditMap: the same mappings by binary search', () => {
  it('agrees with mapBack, mapEndBack and mapForward at every offset, for any edits a pass can accept', () => {
    const arbitrary = fc
      .tuple(fc.string({ maxLength: 30 }), fc.array(fc.tuple(fc.nat(), fc.nat(), fc.string({ maxLength: 4 })), { maxLength: 8 }))
      .map(([text, raw]) => {
        // Edits in any order, adjacent ones allowed, none overlapping as a pass's edits never do.
        const edits: Edit[] = [];
        for (const [a, len, replacement] of raw) {
          const start = a % (text.length + 1);
          const e = { start, end: Math.min(text.length, start + (len % 4)), text: replacement };
          if (!edits.some((o) => overlaps(o, e))) edits.push(e);
        }
        return { text, edits };
      });
    fc.assert(
      fc.property(arbitrary, ({ text, edits }) => {
        const after = applyEdits(text, [...edits].sort((a, b) => a.start - b.start));
        const map = new EditMap(edits, text);
        const plain = new EditMap(edits);
        for (let i = 0; i <= after.length; i++) {
          expect(map.back(i)).toBe(mapBack(i, edits, text));
          expect(plain.back(i)).toBe(mapBack(i, edits));
          expect(map.startBack(i)).toBe(mapBack(i, edits));
          expect(map.endBack(i)).toBe(mapEndBack(i, edits));
        }
        for (let i = 0; i <= text.length; i++) {
          expect(map.forward(i, 'start')).toBe(mapForward(i, edits, 'start'));
          expect(map.forward(i, 'end')).toBe(mapForward(i, edits, 'end'));
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe('WrittenRanges: what the passes wrote, carried forward', () => {
  /** Non-overlapping edits of `text`, as a pass accepts them. */
  const passEdits = (text: string, raw: readonly (readonly [number, number, string])[]): Edit[] => {
    const edits: Edit[] = [];
    for (const [a, len, replacement] of raw) {
      const start = a % (text.length + 1);
      const e = { start, end: Math.min(text.length, start + (len % 4)), text: replacement };
      if (!edits.some((o) => overlaps(o, e))) edits.push(e);
    }
    return edits.sort((a, b) => a.start - b.start);
  };
  /** Whether a pass wrote the character at `offset` of its output: inside a replacement, past what it shares with the replaced text at either end. */
  const wroteAt = (offset: number, edits: readonly Edit[], before: string): boolean => {
    let delta = 0;
    for (const e of edits) {
      const at = offset - (e.start + delta);
      if (at < 0) return false;
      if (at < e.text.length) {
        const old = before.slice(e.start, e.end);
        let prefix = 0;
        while (prefix < old.length && prefix < e.text.length && old[prefix] === e.text[prefix]) prefix++;
        let suffix = 0;
        while (suffix < old.length - prefix && suffix < e.text.length - prefix && old[old.length - 1 - suffix] === e.text[e.text.length - 1 - suffix]) suffix++;
        return at >= prefix && e.text.length - at > suffix;
      }
      delta += e.text.length - (e.end - e.start);
    }
    return false;
  };

  it('holds exactly the characters some pass wrote and no later pass replaced, as walking back through every pass says', () => {
    const passes = fc.array(fc.array(fc.tuple(fc.nat(), fc.nat(), fc.string({ maxLength: 4, unit: fc.constantFrom('a', 'b', 'c') })), { maxLength: 6 }), { minLength: 1, maxLength: 4 });
    fc.assert(
      fc.property(fc.string({ maxLength: 24, unit: fc.constantFrom('a', 'b', 'c') }), passes, (input, raws) => {
        let text = input;
        let written = WrittenRanges.NONE;
        const history: { edits: Edit[]; before: string }[] = [];
        for (const raw of raws) {
          const edits = passEdits(text, raw);
          history.push({ edits, before: text });
          written = written.after(new EditMap(edits, text));
          text = applyEdits(text, edits);
        }
        const expected = Array.from(text, (_, offset) => {
          let at = offset;
          for (let i = history.length - 1; i >= 0; i--) {
            const { edits, before } = history[i]!;
            if (wroteAt(at, edits, before)) return true;
            at = mapBack(at, edits, before);
          }
          return false;
        });
        expect(Array.from(text, (_, offset) => written.has(offset))).toEqual(expected);
        for (let start = 0; start <= text.length; start++) {
          for (let end = start; end <= text.length; end++) expect(written.meets(start, end)).toBe(expected.slice(start, end).includes(true));
        }
        // Ranges apart from one another: a run of written characters is one range.
        const ranges = [...written.ranges()];
        for (let k = 1; k < ranges.length; k++) expect(ranges[k]!.start).toBeGreaterThan(ranges[k - 1]!.end);
      }),
      { numRuns: 500 },
    );
  });

  it('a replacement writes only what it changed; text kept at its ends stays as written as it was', () => {
    const first = [{ start: 4, end: 4, text: 'XY' }]; // "abcdefgh" → "abcdXYefgh"
    let written = WrittenRanges.NONE.after(new EditMap(first, 'abcdefgh'));
    expect([...written.ranges()]).toEqual([{ start: 4, end: 6 }]);
    // "abcdXYefgh" → "abZdXYefgh!": c replaced by Z, "!" appended; XY moves nowhere.
    written = written.after(new EditMap([{ start: 2, end: 3, text: 'Z' }, { start: 10, end: 10, text: '!' }], 'abcdXYefgh'));
    expect([...written.ranges()]).toEqual([{ start: 2, end: 3 }, { start: 4, end: 6 }, { start: 10, end: 11 }]);
    // "abZdXYefgh!" → "aXYefgh!": "bZd" removed; what was written of it goes, XY stays written.
    written = written.after(new EditMap([{ start: 1, end: 4, text: '' }], 'abZdXYefgh!'));
    expect([...written.ranges()]).toEqual([{ start: 1, end: 3 }, { start: 7, end: 8 }]);
  });
});

describe('regions of the pipeline', () => {
  const run = (text: string, names: string[]) => {
    const r = runPipeline(text, configure({ names, options: {} }));
    if (!r.ok) throw new Error(r.error.message);
    return { ...r, input: text };
  };

  it('one region per place changed, each naming its changes; applied they give the output', () => {
    const text = 'FROM debian:12\nRUN apt-get update\nRUN apt-get install -y curl\nCOPY . /app\nCMD node app.js\n';
    const r = run(text, ['exec-form', 'collapse-run', 'install-flags', 'cleanup-in-layer']);
    expect(applyEdits(text, r.regions)).toBe(r.output);
    // The merge rewrites what joins the two RUNs and the edges of their bodies; the first keyword is left as it is.
    expect(r.regions.map((g) => text.slice(g.start, g.end))).toEqual(['apt-get update\nRUN apt-get install -y curl', 'CMD node app.js']);
    // The merge, the flag and the cleanup of later passes all land in the first region.
    expect(r.regions[0]!.changes.map((i) => r.changes[i]!.transform).sort()).toEqual(['cleanup-in-layer', 'collapse-run', 'install-flags']);
    expect(r.regions[1]!.changes.map((i) => r.changes[i]!.transform)).toEqual(['exec-form']);
    expect(r.regions[1]!.text).toBe('CMD ["node", "app.js"]');
  });

  it('no change, no region', () => {
    expect(run('FROM alpine:3.20\nCMD ["x"]\n', ['exec-form']).regions).toEqual([]);
  });

  it('mapped regions hold without the fallback for edits of a later pass inside an earlier one', () => {
    const input = 'abcdefghij';
    const pass1 = [{ start: 2, end: 4, text: 'XYZ' }]; // abXYZefghij
    const pass2 = [{ start: 3, end: 3, text: '!' }, { start: 9, end: 10, text: 'I' }]; // abX!YZefghIj
    const output = applyEdits(applyEdits(input, pass1), pass2);
    const spans = [{ start: 2, end: 4 }, { start: 2, end: 4 }, { start: 8, end: 9 }];
    const regions = mappedRegions(input, output, [pass1, pass2], spans);
    expect(regions).toEqual([
      { start: 2, end: 4, text: 'X!YZ', changes: [0, 1] },
      { start: 8, end: 9, text: 'I', changes: [2] },
    ]);
    expect(applyEdits(input, regions)).toBe(output);
  });
});

describe('fixes by line and column', () => {
  it('are 1-based, end-exclusive, and do not count a BOM as a column', () => {
    const text = '\uFEFFFROM a\nCMD x y\n';
    const region = { start: text.indexOf('CMD'), end: text.indexOf('y') + 1, text: 'CMD ["x", "y"]', changes: [0] };
    expect(fixOf(region, new LineIndex(text), true)).toEqual({ startLine: 2, startColumn: 1, endLine: 2, endColumn: 8, charOffset: 7, charLength: 7, text: 'CMD ["x", "y"]', changes: [0] });
    const first = { start: 1, end: 5, text: 'from', changes: [0] };
    expect(fixOf(first, new LineIndex(text), true)).toMatchObject({ startLine: 1, startColumn: 1, endColumn: 5, charOffset: 0 });
  });
});
