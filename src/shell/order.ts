/**
 * Whether one command of a script has surely run when another runs, or when the script ends:
 * `if`, loops, `case`, functions and the right of `&&`/`||` make a command conditional.
 */
import { Memo } from '../memo.js';
import type { ListItem, ShellScript, SimpleCommand } from './types.js';

/**
 * The script may have changed its working folder (`cd`, `pushd`) before `command` runs: a relative
 * path there need not be the WORKDIR's. Any such command before it counts, in a subshell or a
 * branch too.
 */
export function movesBefore(script: ShellScript, command: SimpleCommand): boolean {
  let first = firstMoves.get(script);
  if (first === undefined) {
    first = script.commands.find((o) => o.name === 'cd' || o.name === 'pushd')?.start ?? Number.POSITIVE_INFINITY;
    firstMoves.set(script, first);
  }
  return first < command.start;
}

/** Where a script first changes folder: asked once per command, a scan each time was quadratic. */
const firstMoves = new Memo<ShellScript, number>();

/**
 * `a` has run whenever `b` runs: `a` at the top of the script (or first in a top-level `( … )` or
 * `{ …; }`), and the first of its statement (which then always runs: `a || true && b`), or after
 * commands that cannot fail joined to it by `&&` (`export DEBIAN_FRONTEND=noninteractive && a; b`),
 * or joined to `b` by `&&` alone (`x && a && b`); or both in one list of an `if`, loop or group, `a`
 * reached there whenever the list is (`then a; b`, `( a && x && b )`). Not when `a` runs in the background.
 */
export function alwaysBefore(script: ShellScript, a: SimpleCommand, b: SimpleCommand): boolean {
  if (a.start >= b.start || a.background) return false;
  const at = topItem(script, a);
  if (at === null || (at.item.kind !== 'command' && b.end <= at.item.end)) return inOneList(script, a, b);
  if (reachedFirst(script, a, at.index)) return true;
  const st = script.statements[a.statement]!;
  if (a.statement !== b.statement) return false;
  // `b` itself, or the `if`, loop or group it is in.
  const j = st.items.findIndex((item) => item.start <= b.start && b.end <= item.end);
  return j > at.index && st.operators.slice(0, j).every((op) => op === '&&');
}

/**
 * `a` has run whenever the script ends well: at the top (or first in a top-level group), first
 * of its statement or after commands that cannot fail, or in the last statement in a chain of `&&` alone
 * (`curl … && apt-get update && apt-get install …`). Not in `if`, a loop or `x && a; y`.
 */
export function ranWhenDone(script: ShellScript, a: SimpleCommand): boolean {
  const at = topItem(script, a);
  if (at === null || a.background) return false;
  if (reachedFirst(script, a, at.index)) return true;
  return a.statement === script.statements.length - 1 && script.statements[a.statement]!.operators.every((op) => op === '&&');
}

/**
 * `a`, the item at `index` of its statement, runs whenever the statement does: it is the first, or
 * every item before it is a command that cannot fail, joined on by `&&` alone. Under `x && a; b` a
 * failing `x` skips `a` and the shell goes on to `b` (errexit does not stop at the left of `&&`).
 */
function reachedFirst(script: ShellScript, a: SimpleCommand, index: number): boolean {
  const st = script.statements[a.statement]!;
  return st.operators.slice(0, index).every((op) => op === '&&') && st.items.slice(0, index).every((item) => item.command !== null && !item.negated && cannotFail(script, item.command));
}

/**
 * A command that cannot fail, so one joined after it by `&&` always runs: `:` and `true`,
 * `export` of names (`export DEBIAN_FRONTEND=noninteractive`), `set` of trace and error flags and
 * options (`set -eux`, `set -euo pipefail`), `umask 022`, `cd /`; all with words written out. Not
 * with a redirection (its file may not open), an expansion (`${X:?}` fails, `$(…)` may), `!`, in the
 * background, or when it assigns a read-only variable (bash's `export UID=1000` fails and goes on).
 */
function cannotFail(script: ShellScript, c: SimpleCommand): boolean {
  if (c.negated || c.background || c.redirects.length > 0) return false;
  if (c.assigns.some((x) => readOnly(script, x.name))) return false;
  // export's status is its own, whatever its values expand to (`export PATH=$PATH:/x`, `$(…)`):
  // only a name it cannot set fails it, or an arithmetic error (`${X:?}` ends the shell itself).
  if (c.name === 'export' && c.assigns.length > 0) return c.words.slice(1).every((w) => /^[A-Za-z_][A-Za-z0-9_]*(?:=|$)/.test(w.raw) && !/\$\(\(|\$\[/.test(w.raw));
  if (c.assigns.some((x) => x.value === null) || c.args.some((x) => x === null)) return false;
  const args = c.args as readonly string[];
  switch (c.name) {
    case ':':
    case 'true':
      return true;
    case 'export':
      return args.every((x) => /^[A-Za-z_][A-Za-z0-9_]*(?:=|$)/.test(x));
    case 'set':
      return args.length > 0 && setsOptions(args);
    case 'umask':
      return args.every((x) => /^[0-7]{1,4}$/.test(x));
    case 'cd':
      return args.length === 1 && args[0] === '/';
    default:
      return false;
  }
}

/**
 * `set -eux`, `set -euo pipefail`, `set -o errexit`: flags and option names every shell a RUN uses
 * knows, or that end the script when it does not (dash exits at `set -o pipefail`, a special builtin's
 * error), so nothing after them runs without them. An unknown `-o` name makes bash fail and go on.
 */
function setsOptions(args: readonly string[]): boolean {
  for (let i = 0; i < args.length; i++) {
    const flags = /^[-+]([euxvo]+)$/.exec(args[i]!)?.[1];
    if (flags === undefined) return false;
    for (const f of flags) if (f === 'o' && !SET_OPTIONS.has(args[++i] ?? '')) return false;
  }
  return true;
}

const SET_OPTIONS: ReadonlySet<string> = new Set(['errexit', 'nounset', 'xtrace', 'verbose', 'pipefail']);

/** Bash's own read-only variables: assigning one fails (`export UID=1000`), and bash goes on. */
const BASH_READONLY: ReadonlySet<string> = new Set(['BASHOPTS', 'BASH_VERSINFO', 'EUID', 'PPID', 'SHELLOPTS', 'UID']);

/** `name` is read-only: one of bash's, or one the script makes so (`readonly`, `declare -r`), or may be. */
function readOnly(script: ShellScript, name: string): boolean {
  if (BASH_READONLY.has(name)) return true;
  return script.commands.some((o) => {
    const marks = o.name === 'readonly' || (o.name !== null && /^(?:declare|typeset|local)$/.test(o.name) && o.args.some((x) => x === null || /^-[A-Za-z]*r/.test(x)));
    return marks && o.args.some((x) => x === null || x.split('=')[0] === name);
  });
}

/** The top-level and-or item that runs `a` whenever it runs: `a` itself, or a `( … )` or `{ …; }` that starts with it. */
function topItem(script: ShellScript, a: SimpleCommand): { item: ListItem; index: number } | null {
  const items = script.statements[a.statement]?.items ?? [];
  const index = items.findIndex((item) => item.start <= a.start && a.end <= item.end);
  const item = items[index];
  if (item === undefined) return null;
  if (a.enclosing.length === 0) return item.command === a ? { item, index } : null;
  const group = a.enclosing.length === 1 && (item.kind === 'subshell' || item.kind === 'block') && item.kind === a.enclosing[0];
  return group && script.commands.find((c) => c.start >= item.start) === a ? { item, index } : null;
}

/** Only `&&` between two commands: blanks and line continuations around it. */
const AND_GAP = /^(?:\\?\s)*&&(?:\\?\s)*$/;
/** What may stand between two commands of one list where the first has run when the second runs: `&&`, `;` or a newline. */
const SEQUENCE_GAP = /^(?:\\?\s)*(?:&&|;(?!;))?(?:\\?\s)*$/;
/** Text before a command that makes it depend on the one before: `x || a`, `x | a`, `x && a`. */
const JOINED = /(?:\|\|?|&&)(?:\\?\s)*$/;

/**
 * Both in the same list of an `if`, loop, `case` or group, with only `&&`, `;` or newlines between
 * the commands from `a` to `b` (`then apt-get update; apt-get install …; fi`), and `a` starts its
 * and-or list (or follows commands that cannot fail, by `&&`), or is reached by `&&` alone (not
 * `x || a`) when only `&&` leads on to `b` (`x && a && b`, not `x && a; b`, which may skip `a` and run `b`).
 */
function inOneList(script: ShellScript, a: SimpleCommand, b: SimpleCommand): boolean {
  if (a.statement !== b.statement || a.enclosing.length === 0 || !sameEnclosing(a, b)) return false;
  const commands = script.commands;
  const from = commands.indexOf(a);
  const to = commands.indexOf(b);
  const gap = (k: number) => script.source.slice(commands[k - 1]!.end, commands[k]!.start);
  let andOnly = true;
  for (let k = from + 1; k <= to; k++) {
    if (!sameEnclosing(commands[k]!, a) || !SEQUENCE_GAP.test(gap(k))) return false;
    if (!AND_GAP.test(gap(k))) andOnly = false;
  }
  for (let k = from; k > 0; k--) {
    // `then export X=1 && a; b`: a command that cannot fail skips nothing after it.
    if (AND_GAP.test(gap(k)) && sameEnclosing(commands[k - 1]!, a) && (andOnly || cannotFail(script, commands[k - 1]!))) continue;
    return !JOINED.test(gap(k));
  }
  return true;
}

function sameEnclosing(a: SimpleCommand, b: SimpleCommand): boolean {
  return a.enclosing.length === b.enclosing.length && a.enclosing.every((e, k) => e === b.enclosing[k]);
}
