import { describe, expect, it } from 'vitest';
import { alwaysBefore, ranWhenDone } from '../../src/shell/order.js';
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
    for (const text of ['u && r', 'u; r', 'u || true; r', 'x && u && r', '(u || true) && r', '{ u; } && r', 'u; if c; then r; fi', 'u && if c; then r; fi', 'if c; then u && r; fi', 'for i in 1 2; do x && u && r; done', '( x; u && r )', 'u || true && r', 'if c; then u; r; fi', '(u; r)', 'if c; then x; u\n  r; fi', 'if c; then x && y; u; r; fi']) {
      const s = script(text);
      expect(alwaysBefore(s, named(s, 'u'), named(s, 'r')), text).toBe(true);
    }
  });

  it('does not hold when the command may be skipped', () => {
    for (const text of ['x && u; r', 'if c; then u; fi && r', 'for i in 1; do u; done; r', 'x || u && r', '(x && u) && r', 'f() { u; }; r', 'if c; then x || u && r; fi', 'if c; then x || u; r; fi', 'if c; then u; fi; if d; then r; fi', '( x && u ) | r', 'u | r', 'u & r', 'if c; then u & r; fi', 'if c; then u; else r; fi', 'case x in a) u;; b) r;; esac', 'if c; then u | r; fi', 'if c; then x && u; r; fi', '(x && u\n r)']) {
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
    for (const text of ['u', 'u; x', 'x && u && y', '(u) && y', 'x; y && u']) {
      const s = script(text);
      expect(ranWhenDone(s, named(s, 'u')), text).toBe(true);
    }
    for (const text of ['x && u; y', 'x && u || true', 'if c; then u; fi', 'x; y || u', 'u &']) {
      const s = script(text);
      expect(ranWhenDone(s, named(s, 'u')), text).toBe(false);
    }
  });
});
