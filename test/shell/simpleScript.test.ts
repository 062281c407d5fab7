import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { corpusPresent, loadCorpus, noticeIfNoCorpus } from '../../bench/corpus.js';
import { parseDockerfile } from '../../src/dockerfile/parse.js';
import { runBody } from '../../src/shell/body.js';
import { parseWithMvdan } from '../../src/shell/parse.js';
import { parseSimpleScript } from '../../src/shell/simpleScript.js';

/** What the fast path builds must be exactly what the parser-built model is. */
const same = (script: string): boolean => {
  const fast = parseSimpleScript(script);
  if (fast === null) return false;
  expect(fast, script).toEqual(parseWithMvdan(script));
  return true;
};

// Word pieces: plain text, globs, escapes, quotes (with what a shell does inside them) and parameters.
const plain = fc.stringMatching(/^[A-Za-z0-9_\-./:,+@%^\]]{1,6}$/);
const glob = fc.constantFrom('*', '?', '[', '[a-z]', '*.txt');
const escaped = fc.constantFrom('\\*', '\\ ', '\\"', "\\'", '\\$', '\\\\', '\\;', '\\&', '\\a');
const single = fc.stringMatching(/^[^'\n\r\x00-\x08\x0b-\x1f\x7f-\uffff]{0,8}$/).map((s) => `'${s}'`);
const doubleInner = fc.oneof(
  fc.stringMatching(/^[A-Za-z0-9 *?[\]{}~#&|;<>()'=.\-]{0,6}$/),
  fc.constantFrom('\\"', '\\$', '\\`', '\\\\', '\\n', '\\a', '$HOME', '${PKG}', '$a1_'),
);
const double = fc.array(doubleInner, { maxLength: 3 }).map((parts) => `"${parts.join('')}"`);
const parameter = fc.constantFrom('$HOME', '${VERSION}', '$_x', '$A', '${a_1}', '${A:-x}', '${A-1.0}', '${A:=/usr}', '${A+y}', '${A:?}', '${A#*/}', '${A##*.}', '${A%.*}', '${A%%-*}');
const piece = fc.oneof({ weight: 4, arbitrary: plain }, glob, escaped, single, double, parameter);
const word = fc.array(piece, { minLength: 1, maxLength: 3 }).map((p) => p.join(''));
const gap = fc.constantFrom(' ', '  ', '\t', ' \t ');
const name = fc.stringMatching(/^[A-Za-z0-9_\-./:,+@%^]{1,8}$/);
const redirect = fc.tuple(
  fc.constantFrom('>', '>>', '2>', '2>>', '>&', '2>&', '1>&', '<', '0<', '&>', '&>>', '>|', '<>', '<&', '10>', '2 >'),
  fc.constantFrom('', ' ', '  '),
  fc.oneof(word, fc.constantFrom('1', '2', '-', '/dev/null')),
).map(([op, gap, target]) => `${op}${gap}${target}`);
const simple = fc
  .tuple(name, fc.array(fc.oneof({ weight: 4, arbitrary: word }, redirect), { maxLength: 4 }))
  .map(([n, rest]) => [n, ...rest].join(' '));
const pipe = fc.constantFrom(' | ', '|', ' |', '| ', ' |& ');
const command = fc.tuple(simple, fc.array(fc.tuple(pipe, simple), { maxLength: 3 })).map(([first, rest]) => [first + rest.map(([p, c]) => p + c).join('')]);
const op = fc.constantFrom('&&', '||', ';');

const script = fc
  .tuple(fc.array(fc.tuple(command, op, gap, gap), { minLength: 1, maxLength: 8 }), fc.boolean(), gap)
  .map(([parts, trailing, lead]) => {
    let text = lead;
    parts.forEach(([words, o, g1, g2], i) => {
      text += words.join(' ');
      if (i < parts.length - 1) text += `${g1}${o}${g2}`;
    });
    return trailing ? `${text};` : text;
  });

noticeIfNoCorpus('fast shell path against mvdan-sh on every RUN');

describe('parseSimpleScript', () => {
  it('builds the same model as the parser for generated scripts of words, quotes, globs, parameters, pipes and redirections', () => {
    let compared = 0;
    fc.assert(
      fc.property(script, (text) => {
        if (same(text)) compared++;
      }),
      { numRuns: 1000 },
    );
    // Most generated scripts must take the fast path, or the comparison proves little.
    expect(compared).toBeGreaterThan(250);
  });

  it('takes the common shapes and leaves the rest to the parser', () => {
    const taken = [
      'apt-get update && apt-get install -y curl',
      'echo 1; echo 2;',
      'make -j4 || true',
      'pip install x==1.0 --index-url=https://x/y',
      'echo "x"',
      'echo $HOME',
      'ls *.txt',
      'apt-get install -y "$PKG" && rm -rf /var/lib/apt/lists/*',
      "echo 'a b' \"c ${D}\" e\\ f",
      '[ -f x ] && echo y',
      'curl -fsSL https://x/y | tar -xz -C /opt > /dev/null 2>&1',
      'a | b | c && d',
      'echo "${VERSION:-1.0}" ${A%.*} >> /etc/x',
    ];
    for (const s of taken) {
      expect(parseSimpleScript(s), s).not.toBeNull();
      same(s);
    }
    const left = [
      'A=1 make', 'export A=1', 'a |& b', 'a &', '> f a', 'a 10>f', 'a <<EOF', 'a <<< x', 'a >', 'a > $(b)', 'echo ${A:1:2}', 'echo ${#A}', 'echo ${A/x/y}', '! a | b', 'cd ~', 'echo {a,b}', 'if true; then x; fi', 'a\nb', 'echo x # note',
      'let i=1', 'a;; b', 'a &&', '', 'echo é', "echo 'é'", 'echo $(date)', 'echo $1', 'echo "`date`"',
      "echo $'a'", 'echo "a\\\nb"', 'echo \\', '[[ -f x ]]', '! true', 'echo "!x"', 'echo "unterminated',
    ];
    for (const s of left) expect(parseSimpleScript(s), JSON.stringify(s)).toBeNull();
  });

  it.skipIf(!corpusPresent())('agrees with the parser on every RUN body of the corpus it takes, and takes most of them', () => {
    let bodies = 0;
    let taken = 0;
    for (const f of loadCorpus()) {
      if (f.text === null) continue;
      const file = parseDockerfile(f.text);
      for (const inst of file.instructions) {
        if (inst.keyword !== 'RUN') continue;
        const body = runBody(file, inst);
        if (!body.ok) continue;
        bodies++;
        if (same(body.script)) taken++;
      }
    }
    expect(bodies).toBeGreaterThan(2000);
    expect(taken / bodies).toBeGreaterThan(0.6);
  });
});
