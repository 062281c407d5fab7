import { describe, expect, it } from 'vitest';
import { alwaysBefore, folderMove, ranWhenDone, thenMove, unknownMove, type FolderMove } from '../../src/shell/order.js';
import { parseScript } from '../../src/shell/parse.js';
import type { ShellScript, SimpleCommand } from '../../src/shell/types.js';

function script(text: string): ShellScript {
  const parsed = parseScript(text);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed;
}
const named = (s: ShellScript, name: string): SimpleCommand => s.commands.find((c) => c.name === name)!;

describe('alwaysBefore', () => {
  it('holds for a first command, a chain of && and a group that starts with it', () => {
    for (const text of ['u && r', 'u; r', 'u || true; r', 'x && u && r', '(u || true) && r', '{ u; } && r', 'u; if c; then r; fi', 'u && if c; then r; fi', 'if c; then u && r; fi', 'for i in 1 2; do x && u && r; done', '( x; u && r )', 'u || true && r', 'if c; then u; r; fi', '(u; r)', 'if c; then x; u\n  r; fi', 'if c; then x && y; u; r; fi', 'x || y && u && r', 'x || y && z && u && w && r']) {
      const s = script(text);
      expect(alwaysBefore(s, named(s, 'u'), named(s, 'r')), text).toBe(true);
    }
  });

  it('does not hold when the command may be skipped', () => {
    for (const text of ['x && u; r', 'if c; then u; fi && r', 'for i in 1; do u; done; r', 'x || u && r', '(x && u) && r', 'f() { u; }; r', 'if c; then x || u && r; fi', 'if c; then x || u; r; fi', 'if c; then u; fi; if d; then r; fi', '( x && u ) | r', 'u | r', 'u & r', 'if c; then u & r; fi', 'if c; then u; else r; fi', 'case x in a) u;; b) r;; esac', 'if c; then u | r; fi', 'if c; then x && u; r; fi', '(x && u\n r)', 'x || y && u || z && r', 'x && y || u && r']) {
      const s = script(text);
      expect(alwaysBefore(s, named(s, 'u'), named(s, 'r')), text).toBe(false);
    }
  });
});

describe('commands that cannot fail', () => {
  it('skip nothing joined after them by &&, so what follows has run before the next statement', () => {
    for (const text of [
      'export DEBIAN_FRONTEND=noninteractive && u; r',
      'export A=1 B && set -x && u; r',
      ': && true && umask 022 && cd / && u; r',
      'set -eux && u\nr',
      'set -euo pipefail && u; r',
      'set -o pipefail && u; r',
      'export HOME=/root && u; r',
      // export's status is its own: what a value expands to does not fail it, and `${B:?}` ends the shell.
      'export PATH=$PATH:/opt/bin && u; r',
      'export A=$(x) && u; r',
      'export A=${B:?} && u; r',
    ]) {
      const s = script(text);
      expect(alwaysBefore(s, named(s, 'u'), named(s, 'r')), text).toBe(true);
      expect(ranWhenDone(s, named(s, 'u')), text).toBe(true);
    }
    const s = script('if c; then export A=1 && u; r; fi');
    expect(alwaysBefore(s, named(s, 'u'), named(s, 'r'))).toBe(true);
  });

  it('does not include a command that can fail, or one whose words are only known at run time', () => {
    for (const text of [
      'x && u; r',
      'export A=1 && x && u; r',
      'export A=$((1 / 0)) && u; r',
      'export $N=1 && u; r',
      'true > /x/y && u; r',
      '! true && u; r',
      'x || true && u; r',
      'cd /app && u; r',
      'set -o nonsense && u; r',
      'set -o && u; r',
      'umask $M && u; r',
      'export UID=1000 && u; r',
      'readonly A=1; export A=2 && u; r',
      'declare -r A=1; A=2 true && u; r',
      'if c; then x && export A=1 && u; r; fi',
    ]) {
      const s = script(text);
      expect(alwaysBefore(s, named(s, 'u'), named(s, 'r')), text).toBe(false);
    }
  });
});

describe('ranWhenDone', () => {
  it('holds for a first command, or a last chain of && alone', () => {
    for (const text of ['u', 'u; x', 'x && u && y', '(u) && y', 'x; y && u', 'x || y && u && z', 'x; y || z && u']) {
      const s = script(text);
      expect(ranWhenDone(s, named(s, 'u')), text).toBe(true);
    }
    for (const text of ['x && u; y', 'x && u || true', 'if c; then u; fi', 'x; y || u', 'u &', 'x || u && y', 'x && y || u && z']) {
      const s = script(text);
      expect(ranWhenDone(s, named(s, 'u')), text).toBe(false);
    }
  });
});

describe('folderMove', () => {
  const at = (text: string) => {
    const s = script(text);
    return folderMove(s, named(s, 'r'));
  };

  it('follows the literal cds that have run before the command, in its shell or one it runs inside', () => {
    const cases: [string, FolderMove][] = [
      ['r', { kind: 'stays' }],
      ['r; cd x', { kind: 'stays' }],
      ['cd backend && r', { kind: 'to', path: 'backend' }],
      ['cd backend; r', { kind: 'to', path: 'backend' }],
      ['cd a && cd b/c && r', { kind: 'to', path: 'a/b/c' }],
      ['cd a && cd .. && r', { kind: 'to', path: '.' }],
      ['cd a && cd /srv && cd web && r', { kind: 'to', path: '/srv/web' }],
      ['cd -P -- /opt/app && r', { kind: 'to', path: '/opt/app' }],
      ['pushd tools && r', { kind: 'to', path: 'tools' }],
      ['cd /src && (r)', { kind: 'to', path: '/src' }],
      ['(cd /tmp/deps && r)', { kind: 'to', path: '/tmp/deps' }],
      ['x=$(cd /x && r)', { kind: 'to', path: '/x' }],
    ];
    for (const [text, move] of cases) expect(at(text), text).toEqual(move);
  });

  it('knows the folder again after a cd to an absolute folder that has surely run', () => {
    const cases: [string, FolderMove][] = [
      ['cd && cd /usr/src && r', { kind: 'to', path: '/usr/src' }],
      ['cd "$SRC" && make; cd /tmp && cd build && r', { kind: 'to', path: '/tmp/build' }],
      ['pushd a && popd && cd /opt && r', { kind: 'to', path: '/opt' }],
      ['if [ -d a ]; then cd a; fi; cd /srv; r', { kind: 'to', path: '/srv' }],
      ['for d in a b; do cd $d; done; cd /x && r', { kind: 'to', path: '/x' }],
    ];
    for (const [text, move] of cases) expect(at(text), text).toEqual(move);
  });

  it('passes over a cd in a shell of its own that the command is not in', () => {
    for (const text of ['(cd /tmp && make) && r', '(cd /tmp && make); r', 'x=$(cd /tmp && pwd) && r', 'cd /tmp | tee log; r', 'cd /tmp & r', '( (cd /tmp); r )', '( (cd a) && r )', '(cd /tmp) && (r)']) {
      expect(at(text), text).toEqual({ kind: 'stays' });
    }
  });

  it('is unknown after a cd it cannot follow', () => {
    for (const text of ['cd "$SRC" && r', 'cd && r', 'cd - && r', 'cd ~/app && r', 'pushd a && popd && r', 'if [ -d a ]; then cd a; fi; r', 'x && cd a; r', 'f() { cd a; }; f; r', 'for d in a b; do cd $d; done; r', 'cd a b && r', 'cd a | r', '{ cd /x; r; } &', 'cd && cd src && r', 'cd /x && cd "$D" && r', 'x && cd /x; cd "$D"; r', 'f() { cd a; }; cd /x; f; r', 'cd && x && cd /x; r']) {
      expect(at(text), text).toEqual({ kind: 'unknown' });
    }
  });
});

describe('unknownMove', () => {
  it('names the move that leaves the folder unknown, not the last one before the command', () => {
    const s = script('cd /tmp/a && cd && cd b && r');
    expect(folderMove(s, named(s, 'r'))).toEqual({ kind: 'unknown' });
    expect(unknownMove(s, named(s, 'r'))?.args).toEqual([]);
    const v = script('cd "$DIR" && cd sub && r');
    expect(unknownMove(v, named(v, 'r'))?.args).toEqual([null]);
    const known = script('cd /opt && r');
    expect(unknownMove(known, named(known, 'r'))).toBeNull();
  });
});

describe('thenMove', () => {
  it('puts a script run from a folder there', () => {
    expect(thenMove({ kind: 'to', path: 'app' }, { kind: 'to', path: 'web' })).toEqual({ kind: 'to', path: 'app/web' });
    expect(thenMove({ kind: 'unknown' }, { kind: 'to', path: '/srv' })).toEqual({ kind: 'to', path: '/srv' });
    expect(thenMove({ kind: 'unknown' }, { kind: 'to', path: 'web' })).toEqual({ kind: 'unknown' });
    expect(thenMove({ kind: 'to', path: 'app' }, { kind: 'stays' })).toEqual({ kind: 'to', path: 'app' });
    expect(thenMove({ kind: 'stays' }, { kind: 'unknown' })).toEqual({ kind: 'unknown' });
  });
});
