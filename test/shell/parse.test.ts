import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isValidShell, parseScript, parseWithMvdan, statementsEndingInExec, statementsRunningOnWithoutExec } from '../../src/shell/parse.js';
import type { ShellScript } from '../../src/shell/types.js';

function parse(script: string): ShellScript {
  const parsed = parseScript(script);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed;
}

describe('parseScript: top-level lists', () => {
  it('reads statements, their and-or operators and separators', () => {
    const s = parse('set -eux; a && b || c & d\ne');
    expect(s.statements.map((st) => st.items.map((i) => s.source.slice(i.start, i.end)))).toEqual([['set -eux'], ['a', 'b', 'c'], ['d'], ['e']]);
    expect(s.statements.map((st) => st.operators)).toEqual([[], ['&&', '||'], [], []]);
    expect(s.statements.map((st) => st.separator)).toEqual([';', '&', '\n', null]);
    expect(s.statements.map((st) => st.separatorAt)).toEqual([8, 22, null, null]);
  });

  it('keeps pipelines and compound commands as single items', () => {
    const s = parse('curl -fsSL x | tar xz && (cd /src && make) && if true; then :; fi && { a; } >log');
    expect(s.statements[0]!.items.map((i) => i.kind)).toEqual(['pipeline', 'subshell', 'if', 'block']);
    expect(s.statements[0]!.items.at(-1)!.redirected).toBe(true);
    expect(s.statements[0]!.items.every((i) => i.command === null)).toBe(true);
  });

  it('links command items to their simple command', () => {
    const s = parse('apt-get update && apt-get install -y curl');
    const items = s.statements[0]!.items;
    expect(items.map((i) => i.command?.args)).toEqual([['update'], ['install', '-y', 'curl']]);
    expect(items[1]!.command).toBe(s.commands[1]);
  });

  it('ends a statement before its separator, and a command after its redirections', () => {
    const s = parse('make >/dev/null 2>&1; echo ok');
    expect(s.source.slice(s.statements[0]!.start, s.statements[0]!.end)).toBe('make >/dev/null 2>&1');
    const make = s.commands[0]!;
    expect(make.redirects.map((r) => [r.op, r.target?.value])).toEqual([['>', '/dev/null'], ['2>&', '1']]);
    expect(s.source.slice(make.start, make.end)).toBe('make >/dev/null 2>&1');
  });
});

describe('parseScript: every simple command', () => {
  it('finds commands nested in if, loops, subshells, pipelines and substitutions', () => {
    const s = parse('if [ -f x ]; then a; fi; for f in *; do b "$f"; done; (c | d); echo "$(e)" &');
    expect(s.commands.map((c) => [c.name, c.enclosing])).toEqual([
      ['[', ['if']],
      ['a', ['if']],
      ['b', ['loop']],
      ['c', ['subshell', 'pipeline']],
      ['d', ['subshell', 'pipeline']],
      ['echo', []],
      ['e', ['substitution']],
    ]);
    expect(s.commands.map((c) => c.statement)).toEqual([0, 0, 1, 2, 2, 3, 3]);
    expect(s.commands.at(-2)!.background).toBe(true);
  });

  it('puts each command of a pipeline in one pipeline, whatever its length, in both readers', () => {
    const script = 'a | b | c | d; (e | f | g) | h';
    const expected = [
      ['a', ['pipeline']],
      ['b', ['pipeline']],
      ['c', ['pipeline']],
      ['d', ['pipeline']],
      ['e', ['pipeline', 'subshell', 'pipeline']],
      ['f', ['pipeline', 'subshell', 'pipeline']],
      ['g', ['pipeline', 'subshell', 'pipeline']],
      ['h', ['pipeline']],
    ];
    expect(parse(script).commands.map((c) => [c.name, c.enclosing])).toEqual(expected);
    const mvdan = parseWithMvdan(script);
    if (!mvdan.ok) throw new Error(mvdan.message);
    expect(mvdan.commands.map((c) => [c.name, c.enclosing])).toEqual(expected);
  });

  it('reads assignments before a command and declarations', () => {
    const s = parse('DEBIAN_FRONTEND=noninteractive apt-get install -yq tzdata; export A=1 B; X=');
    const [apt, exp, bare] = s.commands;
    expect(apt!.assigns).toEqual([{ start: 0, end: 30, name: 'DEBIAN_FRONTEND', value: 'noninteractive' }]);
    expect(apt!.name).toBe('apt-get');
    expect(exp).toMatchObject({ name: 'export', args: ['A=1', 'B'], declaration: true });
    expect(exp!.assigns.map((a) => [a.name, a.value])).toEqual([['A', '1']]);
    expect(bare).toMatchObject({ name: null, words: [], assigns: [{ name: 'X', value: '' }] });
  });

  it('knows whose output goes into a pipe', () => {
    const s = parse('curl -s u | tar -xz | tee log; { a; b; } | sh; echo "$(c | d)" | e; f; g || h | i');
    expect(s.commands.map((c) => [c.name, c.pipedOut])).toEqual([
      ['curl', true],
      ['tar', true],
      ['tee', false],
      ['a', true],
      ['b', true],
      ['sh', false],
      ['echo', true],
      ['c', true],
      ['d', false],
      ['e', false],
      ['f', false],
      ['g', false],
      ['h', true],
      ['i', false],
    ]);
  });

  it('flags negation', () => {
    expect(parse('! grep -q x f').commands[0]!.negated).toBe(true);
  });
});

describe('parseScript: words', () => {
  const words = (script: string) => parse(script).commands[0]!.words.map((w) => [w.raw, w.value, w.pattern]);

  it('removes quotes and escapes from literals', () => {
    expect(words(`echo 'a b' "c \\$d \\x" e\\ f ""`)).toEqual([
      ['echo', 'echo', false],
      ["'a b'", 'a b', false],
      ['"c \\$d \\x"', 'c $d \\x', false],
      ['e\\ f', 'e f', false],
      ['""', '', false],
    ]);
  });

  it('gives null for words with expansions', () => {
    expect(words('echo $HOME "${V}" $(date) $((1+2)) $\'\\n\' x"$y"')).toEqual([
      ['echo', 'echo', false],
      ['$HOME', null, false],
      ['"${V}"', null, false],
      ['$(date)', null, false],
      ['$((1+2))', null, false],
      ["$'\\n'", null, false],
      ['x"$y"', null, false],
    ]);
  });

  it('marks unquoted globs, tildes and brace expansions as patterns', () => {
    expect(words('rm -rf /var/lib/apt/lists/* ~/.cache "/tmp/*" {a,b}.txt \\*')).toEqual([
      ['rm', 'rm', false],
      ['-rf', '-rf', false],
      ['/var/lib/apt/lists/*', '/var/lib/apt/lists/*', true],
      ['~/.cache', '~/.cache', true],
      ['"/tmp/*"', '/tmp/*', false],
      ['{a,b}.txt', '{a,b}.txt', true],
      ['\\*', '*', false],
    ]);
  });

  it('uses UTF-16 offsets with non-ASCII text', () => {
    const s = parse('echo "ünïcödé" 😀 && touch ß # ö');
    expect(s.commands.flatMap((c) => c.words.map((w) => s.source.slice(w.start, w.end)))).toEqual(['echo', '"ünïcödé"', '😀', 'touch', 'ß']);
    expect(s.commands[0]!.args).toEqual(['ünïcödé', '😀']);
    expect(s.comments.map((c) => s.source.slice(c.start, c.end))).toEqual(['# ö']);
  });
});

describe('parseScript: errors', () => {
  it('returns errors as values with an offset', () => {
    expect(parseScript('echo "é" && (')).toEqual({ ok: false, message: 'reached EOF without matching ( with )', at: 12 });
    expect(parseScript("echo 'x")).toMatchObject({ ok: false, message: "reached EOF without closing quote '" });
  });

  it('never throws, and every word is the source text at its offsets', () => {
    const unit = fc.constantFrom(...['a', 'b', ' ', '$', '"', "'", '\\', ';', '&', '|', '(', ')', '{', '}', '<', '>', '#', '*', '~', '=', '-', '\n', 'é', '😀', '`', 'x=', 'if ', 'fi', 'do', 'done']);
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 40 }), (source) => {
        const parsed = parseScript(source);
        if (!parsed.ok) return parsed.at >= 0 && parsed.at <= source.length;
        return parsed.commands.every((c) => c.words.every((w) => w.raw === source.slice(w.start, w.end) && w.start >= c.start && w.end <= c.end));
      }),
      { numRuns: 2000 },
    );
  });

  it('isValidShell', () => {
    expect(isValidShell('a && b; [[ -n $x ]] && echo ${x//a/b}')).toBe(true);
    expect(isValidShell('a &&')).toBe(false);
    expect(isValidShell('fi')).toBe(false);
  });
});

describe('statementsRunningOnWithoutExec', () => {
  it('finds a branch that ends in a command run without exec, not one that exits or runs nothing more', () => {
    const script = [
      'if [ -n "$U" ]; then chroot --userspec=1000 / "$@"; else exec "$@"; fi',
      'if a; then exec b; else exec c; fi',
      'if a; then echo usage; exit 1; else exec "$@"; fi',
      'if [ "$1" = serve ]; then exec app; fi',
      'case "$1" in a) exec x ;; *) run "$@" ;; esac',
      '{ prepare; exec f; }',
      'server --foreground',
    ].join('\n');
    expect(statementsRunningOnWithoutExec(script)).toEqual([true, false, false, false, true, false, true]);
  });
});

describe('statementsEndingInExec', () => {
  it('follows every branch of an if with an else, a case with a `*)` and a block', () => {
    const script = [
      'case "$1" in a) exec x ;; *) exec "$@" ;; esac',
      'case "$1" in a) exec x ;; b) exec y ;; esac',
      'if a; then exec b; elif c; then exec d; else exec e; fi',
      'if a; then exec b; elif c; then exec d; fi',
      '{ prepare; exec f; }',
      'exec 3>&1',
      'exec g &',
      'exit 1',
    ].join('\n');
    expect(statementsEndingInExec(script)).toEqual([true, false, true, false, true, false, false, false]);
  });

  it('gives nothing for a script that does not parse', () => {
    expect(statementsEndingInExec('if then')).toEqual([]);
  });
});
