import { describe, expect, it } from 'vitest';
import { scriptConstants, withConstants } from '../../src/shell/constants.js';
import { parseScript } from '../../src/shell/parse.js';

function parsed(script: string) {
  const p = parseScript(script);
  if (!p.ok) throw new Error(p.message);
  return p;
}

/** The script's constants, name to value. */
function constants(script: string): Record<string, string> {
  return Object.fromEntries([...scriptConstants(parsed(script))].map(([name, k]) => [name, k.value]));
}

/** The words of the script's last command, read with its constants. */
function lastWords(script: string): (string | null)[] {
  const p = parsed(script);
  const c = withConstants(p.commands.at(-1)!, scriptConstants(p));
  return [...c.words.map((w) => w.value), ...c.redirects.map((r) => r.target?.value ?? null)];
}

describe('scriptConstants', () => {
  it("takes a variable's own default where the environment does not set it and nothing the script sources may", () => {
    const script = 'DIR="${DIR:-/opt/extensions}"\nmkdir -p "$DIR/cache"\n';
    expect(Object.fromEntries([...scriptConstants(parsed(script))].map(([n, k]) => [n, k.value]))).toEqual({ DIR: '/opt/extensions' });
    expect([...scriptConstants(parsed(script), new Set(['DIR']))]).toEqual([]);
    expect([...scriptConstants(parsed(`. /etc/app.env\n${script}`))]).toEqual([]);
    expect([...scriptConstants(parsed(`set -a; [ -f /etc/app.env ] && source /etc/app.env\n${script}`))]).toEqual([]);
    expect([...scriptConstants(parsed(`export $(grep -v "^#" /etc/app.env | xargs)\n${script}`))]).toEqual([]);
    expect([...scriptConstants(parsed(`command . /etc/app.env\n${script}`))]).toEqual([]);
    expect([...scriptConstants(parsed(`builtin source /etc/app.env\n${script}`))]).toEqual([]);
  });

  it('takes a variable set once at the top level to a literal, bare or with export or readonly', () => {
    expect(constants('set -e\nreadonly work_src=/work/coturn\nLOG=/var/log/app.log\nexport HOME_DIR="/srv/a b"\n')).toEqual({
      work_src: '/work/coturn',
      LOG: '/var/log/app.log',
      HOME_DIR: '/srv/a b',
    });
  });

  it('leaves out what may hold another value: set twice, under a condition, in a function, from an expansion, or set another way', () => {
    expect(
      constants(
        [
          'A=/a',
          'A=/b',
          'if [ -n "$1" ]; then B=/b; fi',
          '[ -n "$2" ] && C=/c',
          'f() { D=/d; }',
          'E=$1',
          'F=/f',
          'read -r F',
          'G=/g',
          'for G in x y; do :; done',
          'H=/h cmd',
          'declare -i I=1',
          'J=/j',
          '. ./env.sh',
        ].join('\n'),
      ),
    ).toEqual({});
  });
});

describe('withConstants', () => {
  it('gives the words and redirection targets that read a constant their value after its assignment', () => {
    expect(lastWords('readonly work=/work/app\nLOG=/var/log/x.log\nmkdir -p "${work}/build" "$1" >> "$LOG"\n')).toEqual(['mkdir', '-p', '/work/app/build', null, '/var/log/x.log']);
  });

  it('leaves a word that reads the variable before the script sets it', () => {
    const p = parsed('mkdir -p "$work"\nwork=/work/app\n');
    expect(withConstants(p.commands[0]!, scriptConstants(p)).words.map((w) => w.value)).toEqual(['mkdir', '-p', null]);
  });
});
