import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseWithMvdan } from '../../src/shell/parse.js';
import { parseSimpleScript } from '../../src/shell/simpleScript.js';

/** What the fast path builds must be exactly what the parser-built model is. */
const same = (script: string): boolean => {
  const fast = parseSimpleScript(script);
  if (fast === null) return false;
  expect(fast, script).toEqual(parseWithMvdan(script));
  return true;
};

const word = fc.stringMatching(/^[A-Za-z0-9_\-./:,+@%^][A-Za-z0-9_\-./=:,+@%^]{0,8}$/);
const gap = fc.constantFrom(' ', '  ', '\t', ' \t ');
const name = fc.stringMatching(/^[A-Za-z0-9_\-./:,+@%^]{1,8}$/);
const command = fc.tuple(name, fc.array(word, { maxLength: 4 })).map(([n, rest]) => [n, ...rest]);
const op = fc.constantFrom('&&', '||', ';');

describe('parseSimpleScript', () => {
  it('builds the same model as the parser for plain scripts', () => {
    let compared = 0;
    fc.assert(
      fc.property(fc.array(fc.tuple(command, op, gap, gap), { minLength: 1, maxLength: 8 }), fc.boolean(), gap, (parts, trailing, lead) => {
        let script = lead;
        parts.forEach(([words, o, g1, g2], i) => {
          script += words.join(' ');
          if (i < parts.length - 1) script += `${g1}${o}${g2}`;
        });
        if (trailing) script += ';';
        if (same(script)) compared++;
      }),
      { numRuns: 300 },
    );
    // Most generated scripts must take the fast path, or the comparison proves little.
    expect(compared).toBeGreaterThan(200);
  });

  it('takes the common shapes and leaves the rest to the parser', () => {
    for (const s of ['apt-get update && apt-get install -y curl', 'echo 1; echo 2;', 'make -j4 || true', 'pip install x==1.0 --index-url=https://x/y']) {
      expect(parseSimpleScript(s), s).not.toBeNull();
      same(s);
    }
    for (const s of ['A=1 make', 'export A=1', 'echo "x"', 'echo $HOME', 'a | b', 'a &', 'ls *.txt', 'cd ~', 'echo {a,b}', 'if true; then x; fi', 'a\nb', 'echo x # note', 'let i=1', 'a > f', 'a;; b', 'a &&', '', 'echo é']) {
      expect(parseSimpleScript(s), JSON.stringify(s)).toBeNull();
    }
  });
});
