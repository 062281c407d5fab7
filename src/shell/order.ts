/**
 * Whether one command of a script has surely run when another runs, or when the script ends:
 * `if`, loops, `case`, functions and the right of `&&`/`||` make a command conditional.
 */
import { posix } from 'node:path';
import { Memo } from '../memo.js';
import { countEndingBefore, countStartingBefore } from '../sorted.js';
import type { Construct, ListItem, ShellScript, SimpleCommand } from './types.js';

/**
 * Where a script's `cd`s took it before a command runs, from the folder the script started in:
 * nowhere, a folder (relative to that start, or absolute), or one dockshift cannot tell.
 */
export type FolderMove = { readonly kind: 'stays' } | { readonly kind: 'to'; readonly path: string } | { readonly kind: 'unknown' };

export const STAYS: FolderMove = { kind: 'stays' };
const UNKNOWN: FolderMove = { kind: 'unknown' };

/**
 * The folder `command` runs in, as the script's moves before it leave it (`cd backend && pip install
 * -r requirements.txt` reads backend's requirements). Followed: a `cd` or `pushd` to a literal folder
 * that has surely run when the command does, in its shell or one the command runs inside. Passed
 * over: one in a subshell, a command substitution, a pipeline or the background that the command is
 * not in (`(cd /tmp && make)` moves nothing after it). Anything else before it (`cd "$DIR"`, `cd -`,
 * `popd`, a bare `cd` to $HOME, a `cd` in an `if`) leaves the folder unknown until a `cd` to an
 * absolute folder that has surely run (`cd && … && cd /usr/src && r` runs in /usr/src). A `cd` in a
 * function body runs when the function is called, maybe after that one: past it the folder stays unknown.
 */
export function folderMove(script: ShellScript, command: SimpleCommand): FolderMove {
  return readMoves(script, command).folder;
}

/** The move that leaves the folder of `command` unknown to folderMove (`cd "$DIR"`, a `cd` in an `if`), or null. */
export function unknownMove(script: ShellScript, command: SimpleCommand): SimpleCommand | null {
  return readMoves(script, command).unknownAt;
}

function readMoves(script: ShellScript, command: SimpleCommand): { readonly folder: FolderMove; readonly unknownAt: SimpleCommand | null } {
  const moves = movesOf(script);
  if (moves.length === 0 || moves[0]!.start >= command.start) return NOT_MOVED;
  // The targets since the last absolute one, joined once; or the move since which the folder is unknown.
  const to: string[] = [];
  let unknownAt: SimpleCommand | null = null;
  for (let k = 0; k < moves.length && moves[k]!.start < command.start; k++) {
    const m = moves[k]!;
    // Each is checked against the command: past a few dozen, a long script of `cd`s would make that quadratic.
    if (k === MAX_MOVES) return { folder: UNKNOWN, unknownAt: m };
    if (shellApart(script, m, command)) continue;
    const target = moveTarget(m);
    if (target === null || !alwaysBefore(script, m, command)) {
      if (m.enclosing.includes('function')) return { folder: UNKNOWN, unknownAt: m };
      unknownAt = m;
      to.length = 0;
      continue;
    }
    if (target.startsWith('/')) {
      to.length = 0;
      unknownAt = null;
    }
    if (unknownAt === null) to.push(target);
  }
  if (unknownAt !== null) return { folder: UNKNOWN, unknownAt };
  return { folder: to.length === 0 ? STAYS : { kind: 'to', path: posix.join(...to) }, unknownAt: null };
}

const MAX_MOVES = 64;

/** What most commands are told: no move before them (one answer shared, as every command asks). */
const NOT_MOVED = Object.freeze({ folder: STAYS, unknownAt: null });

/** A command in folder `outer` runs a script that moves by `inner`: where the script's command runs. */
export function thenMove(outer: FolderMove, inner: FolderMove): FolderMove {
  if (inner.kind === 'stays') return outer;
  if (inner.kind === 'unknown') return inner;
  if (inner.path.startsWith('/') || outer.kind === 'stays') return inner;
  return outer.kind === 'unknown' ? outer : { kind: 'to', path: posix.join(outer.path, inner.path) };
}

const MOVES: ReadonlySet<string> = new Set(['cd', 'pushd', 'popd']);

/** Where a `cd` or `pushd` goes when that is written out; null for `popd`, `cd`, `cd -`, `cd ~`, a variable. */
function moveTarget(m: SimpleCommand): string | null {
  if (m.name === 'popd') return null;
  let i = 0;
  while (i < m.args.length && m.args[i] !== null && /^-[LPe@]+$/.test(m.args[i]!)) i++;
  if (m.args[i] === '--') i++;
  const target = m.args[i];
  if (target == null || target === '' || target === '-' || target.startsWith('~') || i + 1 < m.args.length) return null;
  return target;
}

/** Constructs whose commands run in a shell of their own: a `cd` there moves nothing outside them. */
const OWN_SHELL: ReadonlySet<Construct> = new Set(['subshell', 'substitution', 'pipeline']);

/**
 * `m` runs in a shell of its own (a subshell, a substitution, a pipeline, the background) that
 * `command` is surely not in: another statement or and-or item, or outside the construct (by the
 * constructs each sits in, outermost first). Where the command may share that shell, it is not apart.
 */
function shellApart(script: ShellScript, m: SimpleCommand, command: SimpleCommand): boolean {
  let own = -1;
  for (let k = 0; k < m.enclosing.length; k++) if (OWN_SHELL.has(m.enclosing[k]!)) own = k;
  if (own === -1 && !m.background) return false;
  if (m.statement !== command.statement) return true;
  const items = script.statements[m.statement]!.items;
  const item = items[itemIndexAt(items, m)];
  if (item === undefined || command.start > item.end) return true;
  if (own === -1) return false;
  if (command.enclosing.length <= own) return true;
  for (let k = 0; k <= own; k++) if (command.enclosing[k] !== m.enclosing[k]) return true;
  return false;
}

/** A script's `cd`, `pushd` and `popd` commands, in order: found once per script, as every command asks. */
function movesOf(script: ShellScript): readonly SimpleCommand[] {
  let moves = scriptMoves.get(script);
  if (moves === undefined) {
    moves = script.commands.filter((o) => o.name !== null && MOVES.has(o.name));
    scriptMoves.set(script, moves);
  }
  return moves;
}

const scriptMoves = new Memo<ShellScript, readonly SimpleCommand[]>();

/**
 * `a` has run whenever `b` runs: `a` at the top of the script (or first in a top-level `( … )` or
 * `{ …; }`), and the first of its statement (which then always runs: `a || true && b`), or after
 * commands that cannot fail joined to it by `&&` (`export DEBIAN_FRONTEND=noninteractive && a; b`),
 * or reached by `&&` and joined to `b` by `&&` alone (`x && a && b`, `x || y && a && b`); or both in one list of an `if`, loop or group, `a`
 * reached there whenever the list is (`then a; b`, `( a && x && b )`). Not when `a` runs in the background.
 */
export function alwaysBefore(script: ShellScript, a: SimpleCommand, b: SimpleCommand): boolean {
  if (a.start >= b.start || a.background) return false;
  const at = topItem(script, a);
  if (at === null || (at.item.kind !== 'command' && b.end <= at.item.end)) return inOneList(script, a, b);
  if (reachedFirst(script, a, at.index)) return true;
  if (a.statement !== b.statement) return false;
  // `b` itself, or the `if`, loop or group it is in. The list is read from the left: `b` runs only
  // when everything from `a` on succeeded, and `a` was skipped only after a `||` (`x || a && b`);
  // what comes before that `&&` does not matter (`x || y && a && b` runs `a` before `b`).
  const st = script.statements[a.statement]!;
  const j = itemIndexAt(st.items, b);
  return j > at.index && (at.index === 0 || st.operators[at.index - 1] === '&&') && chainOf(script, a.statement).nextOther[at.index]! >= j;
}

/**
 * `a` has run whenever the script ends well: at the top (or first in a top-level group), first
 * of its statement or after commands that cannot fail, or in the last statement reached by `&&` and
 * followed by `&&` alone (`curl … && apt-get update && apt-get install …`, `x || y && a && b`). Not in
 * `if`, a loop, `x && a; y` or `x || a && b`.
 */
export function ranWhenDone(script: ShellScript, a: SimpleCommand): boolean {
  const at = topItem(script, a);
  if (at === null || a.background) return false;
  if (reachedFirst(script, a, at.index)) return true;
  // The last and-or list ends well only when what follows `a` ran and succeeded; `a` itself was
  // skipped only after a `||` (`x || y && a && b` runs `a`).
  const st = script.statements[a.statement]!;
  return a.statement === script.statements.length - 1 && (at.index === 0 || st.operators[at.index - 1] === '&&') && chainOf(script, a.statement).nextOther[at.index] === st.operators.length;
}

/**
 * `a`, the item at `index` of its statement, runs whenever the statement does: it is the first, or
 * every item before it is a command that cannot fail, joined on by `&&` alone. Under `x && a; b` a
 * failing `x` skips `a` and the shell goes on to `b` (errexit does not stop at the left of `&&`).
 */
function reachedFirst(script: ShellScript, a: SimpleCommand, index: number): boolean {
  const chain = chainOf(script, a.statement);
  return index <= chain.andUntil && index <= chain.safeUntil;
}

/**
 * Of a top-level statement's and-or list: `andUntil`, the items up to this index are joined to the
 * first by `&&` alone (the item count when all are); `safeUntil`, the index of the first item that
 * is not a command that cannot fail. Worked out once per statement, as every pair of commands asks.
 */
interface Chain {
  readonly andUntil: number;
  readonly safeUntil: number;
  /** For each item, the index of the first operator at or after it that is not `&&` (the operator count when none is). */
  readonly nextOther: readonly number[];
}

function chainOf(script: ShellScript, statement: number): Chain {
  let chains = scriptChains.get(script);
  if (chains === undefined) {
    chains = new Array<Chain | undefined>(script.statements.length);
    scriptChains.set(script, chains);
  }
  let chain = chains[statement];
  if (chain === undefined) {
    const st = script.statements[statement]!;
    let andUntil = 0;
    while (andUntil < st.operators.length && st.operators[andUntil] === '&&') andUntil++;
    // An item after the last operator is joined by all before it.
    if (andUntil === st.operators.length) andUntil = st.items.length;
    let safeUntil = 0;
    while (safeUntil < st.items.length && st.items[safeUntil]!.command !== null && !st.items[safeUntil]!.negated && cannotFail(script, st.items[safeUntil]!.command!)) safeUntil++;
    const nextOther = new Array<number>(st.items.length);
    for (let k = st.items.length - 1, next = st.operators.length; k >= 0; k--) {
      if (k < st.operators.length && st.operators[k] !== '&&') next = k;
      nextOther[k] = next;
    }
    chain = { andUntil, safeUntil, nextOther };
    chains[statement] = chain;
  }
  return chain;
}

const scriptChains = new Memo<ShellScript, (Chain | undefined)[]>();

/** The index of the item of `items` (in source order) that holds `c`, or -1. */
function itemIndexAt(items: readonly ListItem[], c: SimpleCommand): number {
  const k = countEndingBefore(items, c.end);
  const item = items[k];
  return item !== undefined && item.start <= c.start && c.end <= item.end ? k : -1;
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
  const index = itemIndexAt(items, a);
  const item = items[index];
  if (item === undefined) return null;
  if (a.enclosing.length === 0) return item.command === a ? { item, index } : null;
  const group = a.enclosing.length === 1 && (item.kind === 'subshell' || item.kind === 'block') && item.kind === a.enclosing[0];
  return group && script.commands[countStartingBefore(script.commands, item.start)] === a ? { item, index } : null;
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
  const from = commandIndex(script, a);
  const to = commandIndex(script, b);
  const list = listFactsOf(script);
  // Every command from `a` to `b` in one list with it, by `&&`, `;` or newlines.
  if (list.seqStart[to]! > from) return false;
  // What leads to `a`: `then export X=1 && a; b` skips nothing; `x || a` may skip it.
  return (list.andStart[to]! <= from ? list.reachedAnd[from] : list.reachedAny[from]) === 1;
}

/**
 * inOneList's questions, answered for every command of a script at once, so that each pair is
 * a lookup rather than a walk over the commands between (folderMove asks it for every pair of a
 * `cd` and a command after it). With `gap(k)` the text between commands k-1 and k:
 * - `seqStart[k]`: the first command of the run ending at k whose commands share k's constructs,
 *   with SEQUENCE_GAP between each;
 * - `andStart[k]`: the first command of the run ending at k with AND_GAP between each;
 * - `reachedAnd[k]`, `reachedAny[k]`: 1 when k starts its and-or list or is reached through `&&`
 *   from commands of its constructs that start one (any such commands when only `&&` leads on from
 *   k, commands that cannot fail otherwise), as inOneList's walk back from k finds.
 */
interface ListFacts {
  readonly seqStart: Int32Array;
  readonly andStart: Int32Array;
  readonly reachedAnd: Uint8Array;
  readonly reachedAny: Uint8Array;
}

function listFactsOf(script: ShellScript): ListFacts {
  let facts = scriptLists.get(script);
  if (facts !== undefined) return facts;
  const commands = script.commands;
  const n = commands.length;
  const seqStart = new Int32Array(n);
  const andStart = new Int32Array(n);
  const reachedAnd = new Uint8Array(n);
  const reachedAny = new Uint8Array(n);
  if (n > 0) reachedAnd[0] = reachedAny[0] = 1;
  for (let k = 1; k < n; k++) {
    const gap = script.source.slice(commands[k - 1]!.end, commands[k]!.start);
    const same = sameEnclosing(commands[k - 1]!, commands[k]!);
    const and = AND_GAP.test(gap);
    const joined = JOINED.test(gap) ? 0 : 1;
    seqStart[k] = same && SEQUENCE_GAP.test(gap) ? seqStart[k - 1]! : k;
    andStart[k] = and ? andStart[k - 1]! : k;
    reachedAnd[k] = and && same ? reachedAnd[k - 1]! : joined;
    reachedAny[k] = and && same && cannotFail(script, commands[k - 1]!) ? reachedAny[k - 1]! : joined;
  }
  facts = { seqStart, andStart, reachedAnd, reachedAny };
  scriptLists.set(script, facts);
  return facts;
}

const scriptLists = new Memo<ShellScript, ListFacts>();

/** The index of `c` among its script's commands, which are in source order. */
function commandIndex(script: ShellScript, c: SimpleCommand): number {
  return countStartingBefore(script.commands, c.start);
}

function sameEnclosing(a: SimpleCommand, b: SimpleCommand): boolean {
  return a.enclosing.length === b.enclosing.length && a.enclosing.every((e, k) => e === b.enclosing[k]);
}
