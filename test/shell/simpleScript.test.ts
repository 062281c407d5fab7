import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { corpusPresent, loadCorpus, noticeIfNoCorpus } from '../../bench/corpus.js';
import { parseDockerfile } from '../../src/dockerfile/parse.js';
import { runBody } from '../../src/shell/body.js';
import { parseWithMvdan } from '../../src/shell/parse.js';
import { parseSimpleScript } from '../../src/shell/simpleScript.js';

/** The shell bodies of a Dockerfile's RUN, CMD and ENTRYPOINT instructions. */
function runScripts(text: string): string[] {
  const file = parseDockerfile(text);
  return file.instructions.flatMap((inst) => {
    const body = runBody(file, inst);
    return body.ok ? [body.script] : [];
  });
}

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

// Scripts of the constructs beyond plain lists, nested: assignments, declarations, negation,
// if/for/while/until/case, blocks, subshells, functions, substitutions, redirected compounds, comments.
const extraWord = fc.constantFrom('~', '~/x', 'a~', '{a,b}', 'x{1..3}', '{}', '%{u}', '$1', '$@', '$?', '${#A}', '${A:0:7}', '${A//x/y}', '${A^^}', '${A%%[a-z]*}', '!=', '!', '"a!b"', '-n', '"$(id -u)"', '`uname -r`', '"a`id -u`"');
const nested = fc.letrec((tie) => ({
  list: fc
    .tuple(fc.array(tie('andOr'), { minLength: 1, maxLength: 2 }), fc.constantFrom('; ', ';', ' ; ', '\n', ';\n  ', '\n# c\n'))
    .map(([items, sep]) => items.join(sep)),
  andOr: fc
    .tuple(tie('pipeline'), fc.array(fc.tuple(fc.constantFrom(' && ', ' || ', '&&', ' &&\n  '), tie('pipeline')), { maxLength: 1 }))
    .map(([first, rest]) => first + rest.map(([o, p]) => `${o}${p}`).join('')),
  pipeline: fc
    .tuple(fc.boolean(), fc.array(tie('command'), { minLength: 1, maxLength: 2 }), fc.constantFrom(' | ', '|', ' |'))
    .map(([negated, commands, p]) => `${negated ? '! ' : ''}${commands.join(p)}`),
  command: fc.oneof({ maxDepth: 2 }, tie('simple'), tie('compound'), fc.tuple(tie('compound'), fc.constantFrom('> f', '>> "$x" 2>&1', '< ${A:-f}')).map(([c, r]) => `${c} ${r}`)),
  simple: fc
    .tuple(
      fc.array(fc.constantFrom('A=1', 'B=', 'C="x y"', 'D=$x', 'E=~/y'), { maxLength: 2 }),
      name,
      fc.array(fc.oneof({ maxDepth: 2 }, word, extraWord, fc.constantFrom('> /dev/null', '2>&1', '>>f'), tie('substitution')), { maxLength: 3 }),
    )
    .map(([assigns, n, rest]) => [...assigns, n, ...rest].join(' ')),
  declaration: fc
    .tuple(fc.constantFrom('export', 'local', 'readonly', 'declare'), fc.array(fc.constantFrom('A=1', 'B', '-x', 'PATH=$PATH:/x', 'C="$(id -u)"'), { minLength: 1, maxLength: 3 }))
    .map(([keyword, args]) => [keyword, ...args].join(' ')),
  substitution: tie('list').map((l) => `$(${l})`),
  compound: fc.oneof(
    { maxDepth: 2 },
    tie('declaration'),
    fc.tuple(tie('list'), tie('list'), fc.option(tie('list')), fc.option(tie('list'))).map(
      ([c, t, elif, otherwise]) => `if ${c}; then ${t};${elif === null ? '' : ` elif ${c}; then ${elif};`}${otherwise === null ? '' : ` else ${otherwise};`} fi`,
    ),
    fc.tuple(word, tie('list')).map(([w, body]) => `for i in ${w} $(ls); do ${body}; done`),
    fc.tuple(fc.constantFrom('while', 'until'), tie('list'), tie('list')).map(([k, c, body]) => `${k} ${c}; do ${body}; done`),
    tie('list').map((l) => `{ ${l}; }`),
    tie('list').map((l) => `( ${l} )`),
    fc.tuple(word, tie('list'), tie('list')).map(([w, a, b]) => `case ${w} in a|b) ${a} ;; (*) ${b};; esac`),
    tie('list').map((l) => `f() { ${l}; }`),
  ),
}));
const nestedScript = fc
  .tuple(nested.list, fc.constantFrom('', ';', ' # note', '; # c'))
  .map(([l, end]) => l + end);

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

  it('builds the same model as the parser for generated nested scripts', () => {
    let compared = 0;
    fc.assert(
      fc.property(nestedScript, (text) => {
        if (same(text)) compared++;
      }),
      { numRuns: 800 },
    );
    // Many must take the fast path, or the comparison proves little.
    expect(compared).toBeGreaterThan(250);
  });

  it('never takes a script the parser rejects or reads otherwise: real RUN bodies with random damage', () => {
    const bodies = corpusPresent() ? loadCorpus().flatMap((f) => (f.text === null ? [] : runScripts(f.text))) : [];
    bodies.push('if [ -f x ]; then a "$(b)" | c; fi && { d; } > f', 'case "$x" in a|b) c ;; *) d;; esac', 'export A=1 B; f() { a; }; ! g');
    const damage = ['\n', ';\n', ';', ' ', '(', ')', '{', '}', '|', '&', '$', '"', "'", '#', 'fi', 'done', ';;', '!', '[', ']', '`', '$(', '${', '=', '\\', '~', ' then ', ' do ', '>', '2>', '&&', 'esac', 'A=1 ', 'export ', '0', '*', ':', '%', '/'];
    let taken = 0;
    fc.assert(
      fc.property(
        fc.nat(bodies.length - 1),
        fc.array(fc.tuple(fc.nat(), fc.nat(2), fc.constantFrom(...damage), fc.nat(4)), { minLength: 1, maxLength: 3 }),
        (which, edits) => {
          let text = bodies[which]!;
          for (const [at, kind, token, length] of edits) {
            const i = at % (text.length + 1);
            text = kind === 0 ? text.slice(0, i) + text.slice(i + 1 + length) : kind === 1 ? text.slice(0, i) + token + text.slice(i) : text.slice(0, i) + text.slice(i, i + 2 + length).split('').reverse().join('') + text.slice(i + 2 + length);
          }
          if (same(text)) taken++;
        },
      ),
      { numRuns: 3000 },
    );
    // Enough damaged scripts must reach the comparison for the property to say anything:
    // about three in four from the corpus's bodies, one in six from the three above alone.
    expect(taken).toBeGreaterThan(corpusPresent() ? 1000 : 300);
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
      'A=1 make', 'export A=1 B -x', 'A= B=$(x) y', 'local A="$(id -u)"', 'cd ~ && ls ~/x a~', 'echo {a,b} x{1..3} {} %{u}', 'echo $1 $@ $# $? $$ ${#A} ${A:0:7} ${A//x/y} ${A^^} ${A%%[a-z]*}',
      'echo $(date) "$(id -u):$(id -g)" ${A:-$B}', 'if [ -f x ]; then a; elif b; then c | d; else e; fi && f', 'for i in a $(b) c; do x; done; while a; do b; done',
      'until a; do b; done', '{ a; b; } | c; ( d )', '{ a; } >> f 2>&1 && ( b ) > $(c)', 'f() { a; }; f', 'case "$x" in a|b) c ;; (*) d;; esac', '! a | b && ! c', 'if ! a; then b; fi',
      'echo x # note', 'a; # note', 'a\nb; c\n\n# x\nd', 'if a\nthen\n  b\nfi', 'a &&\n  b |\n c', 'for i in a b\ndo\n x\ndone',
      'case x in\n  a) b ;;\n  *)\n    c\n    ;;\nesac', '{\n a\n}', 'a && # c\n b', 'x=$(\n a\n)', 'echo `date` "`uname -r`" x`y`', 'A=`id -u` && cd `dirname "$0"`', '[ "$a" != "b" ] && echo "a!b"', 'find . -name x -exec rm {} \\;',
      'apt-get install -y git `# for composer` unzip `#`', 'a `#c` b && c', 'grep -v ^$ | cut -d$ -f1', 'echo $ x "a $ b" "$" a$ $/x {a,b}$ "$%" "x$\\y" $',
    ];
    for (const s of taken) {
      expect(parseSimpleScript(s), s).not.toBeNull();
      same(s);
    }
    const left = [
      // A lone `$` inside braces: whether the word is a brace expansion is the parser's word.
      'mkdir -pv /rootfs/{boot,usr/local/share,mnt$}', 'echo {a$,b}',
      'a |& b', 'a &', '> f a', 'a 10>f', 'a "$x"2>f', 'a <<EOF', 'a <<< x', 'a >', 'a\r\nb', 'a \\\nb', '# c \\\nx', 'echo "a\nb"', 'let i=1', 'a;; b', 'a &&', '', 'echo é', "echo 'é'", 'echo `a \\`b\\``', 'echo `a "\\$x"`', "echo `echo 'a`b'`", 'echo `a`b`', '`a # c`',
      "echo $'a'", 'echo "a\\\nb"', 'echo \\', '[[ -f x ]]', '! ! true', '!a', 'echo "unterminated', 'echo $((1 + 2))', '((i++))', 'A+=1 make', 'a[1]=x', 'A=(a b)',
      'export "A=1"', 'export A[1]=x', 'export a > f b', 'b[a ]', 'echo ${!A}', 'echo ${A:0:#2}', 'echo ${#A:-x}', 'echo ${A:-x y}', "a `# it's` b", 'a `#c\n` b', 'echo $"x"',
      'if a; then b; fi x', 'if a; then b', 'if ; then b; fi', 'for x; do a; done', 'for x in; do a; done', 'while a; do b; done &', '{ a; b }', '{a; }', '( )', 'echo $()',
      'case x in a) b;;& esac', 'case x in esac', 'f() { a; } || b', 'f() { a; } > log', 'function f { a; }', 'a # é', 'echo $(a # b)',
      'export () { a; }', 'local() { a; }', 'then () { a; }',
    ];
    for (const s of left) expect(parseSimpleScript(s), JSON.stringify(s)).toBeNull();
  });

  it('leaves scripts nested deeper than it reads, and one long list is no deeper than one command', () => {
    expect(parseSimpleScript(`${'$('.repeat(40)}a${')'.repeat(40)}`)).toBeNull();
    expect(parseSimpleScript(`${'{ '.repeat(40)}a;${' }'.repeat(40)}`)).toBeNull();
    expect(parseSimpleScript(`echo \${A:-${'${A:-'.repeat(40)}x${'}'.repeat(41)}`)).toBeNull();
    const long = Array.from({ length: 5000 }, (_, i) => `a${i}`).join(' && ');
    expect(parseSimpleScript(long)?.commands).toHaveLength(5000);
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
    expect(taken / bodies).toBeGreaterThan(0.95);
  });
});
