/**
 * src/shell/mvdan.ts reads GopherJS internals of `mvdan-sh` for speed. These
 * tests pin that layout against the package's public (slow) wrapper API, so an
 * upgrade that changes it fails here rather than in a transform.
 */
import sh from 'mvdan-sh';
import { describe, expect, it } from 'vitest';
import { BIN_AND, BIN_OR, BIN_PIPE, BIN_PIPE_ALL, items, nodeType, parseBash, type GoBinaryCmd, type GoCallExpr } from '../../src/shell/mvdan.js';
import { parseScript } from '../../src/shell/parse.js';

interface WrappedNode {
  Pos(): { Offset(): number };
  End(): { Offset(): number };
}

/** Spans of every Word, as the public API reports them. */
function wrapperWordSpans(script: string): string[] {
  const { syntax } = sh as unknown as {
    syntax: {
      NewParser(...o: unknown[]): { Parse(s: string, n: string): unknown };
      Variant(l: number): unknown;
      LangBash: number;
      NodeType(n: unknown): string;
      Walk(n: unknown, f: (n: WrappedNode | null) => boolean): void;
    };
  };
  const file = syntax.NewParser(syntax.Variant(syntax.LangBash)).Parse(script, '');
  const spans: string[] = [];
  syntax.Walk(file, (node) => {
    if (node !== null && syntax.NodeType(node) === 'Word') spans.push(`${node.Pos().Offset()}-${node.End().Offset()}`);
    return true;
  });
  return spans;
}

const SCRIPTS = [
  'set -eux; apt-get update; apt-get install -y --no-install-recommends ca-certificates curl; rm -rf /var/lib/apt/lists/*',
  'FOO=bar sudo -E env X=1 apt-get -yq install "a$b" \'c\' d\\ e >/dev/null 2>&1 && echo "$(date +%s)" ${X:-y} $1 $((1 + 2))',
  'if [ -f x ]; then a; elif b; then c; else d; fi; for f in *.tgz; do tar xzf "$f"; done; case $x in a) y;; esac',
  'f() { g | h; }; ( cd /src && make ) & wait; ! grep -q x <(cat y) && [[ -n $z ]] && export A=1 B',
];

describe('mvdan-sh internals', () => {
  it('word positions agree with the public API', () => {
    for (const script of SCRIPTS) {
      const parsed = parseScript(script);
      if (!parsed.ok) throw new Error(parsed.message);
      // Declarations' arguments are assignments, which we present as words of our own.
      const ours = parsed.commands.filter((c) => !c.declaration).flatMap((c) => c.words.map((w) => `${w.start}-${w.end}`));
      const theirs = new Set(wrapperWordSpans(script));
      expect(ours.filter((span) => !theirs.has(span))).toEqual([]);
      expect(ours.length).toBeGreaterThan(3);
    }
  });

  it('binary operators have the numbers we read', () => {
    const op = (script: string) => {
      const parsed = parseBash(script);
      if (!parsed.ok) throw new Error(parsed.message);
      const stmt = items(parsed.file.Stmts)[0]!;
      expect(nodeType(stmt.Cmd)).toBe('BinaryCmd');
      return (stmt.Cmd as GoBinaryCmd).Op;
    };
    expect([op('a && b'), op('a || b'), op('a | b'), op('a |& b')]).toEqual([BIN_AND, BIN_OR, BIN_PIPE, BIN_PIPE_ALL]);
  });

  it('tells nil pointers and interfaces from nodes', () => {
    const parsed = parseBash('x=1 y');
    if (!parsed.ok) throw new Error(parsed.message);
    const stmt = items(parsed.file.Stmts)[0]!;
    expect(nodeType(stmt)).toBe('Stmt');
    expect(nodeType(stmt.Cmd)).toBe('CallExpr');
    const assign = items((stmt.Cmd as GoCallExpr).Assigns)[0]!;
    expect(nodeType(assign.Name)).toBe('Lit');
    expect(nodeType(assign.Array)).toBeNull(); // a nil pointer
    expect(nodeType((assign as unknown as { Index: unknown }).Index)).toBeNull(); // a nil interface
    expect(nodeType(assign.Array)).toBeNull(); // a nil pointer
    expect(nodeType((assign as unknown as { Index: unknown }).Index)).toBeNull(); // a nil interface
  });
});

describe('syntax errors from the shared parser', () => {
  it('read the same whatever was parsed before', async () => {
    const { parseScript } = await import('../../src/shell/parse.js');
    const bad = 'for x in a; do echo; done; done';
    const before = parseScript(bad);
    parseScript(`echo ${'y'.repeat(20000)}`);
    for (let i = 0; i < 200; i++) parseScript(`apt-get install -y ${'pkg '.repeat(i)}`);
    const after = parseScript(bad);
    expect(before).toEqual({ ok: false, message: '"done" can only be used to end a loop', at: expect.any(Number) });
    expect(after).toEqual(before);
  });
});
