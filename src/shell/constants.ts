/**
 * The variables a script fixes for itself: set once, at its top level, to a literal
 * (`readonly work_src=/work/coturn`, `LOG_DIR=/var/log/app`). After that assignment a word that
 * reads one (`"${work_src}/build"`) has a value, as the shell would give it, where the parser
 * alone leaves the word unknown.
 */
import { expandWord } from '../dockerfile/words.js';
import type { ShellScript, ShellWord, SimpleCommand } from './types.js';

export interface ScriptConstant {
  readonly value: string;
  /** Where the assignment ends: a word after it reads the value. */
  readonly end: number;
}

/** Declarations that set a variable as a bare assignment would (`export`, `readonly`), with the options that keep that so. */
const PLAIN_DECLARATION = /^(?:export|readonly)$/;
const PLAIN_DECLARATION_OPTION = /^-[rx]+$/;

const NAME = /^[A-Za-z_]\w*$/;

/**
 * The script's constants, by name. A variable counts when it is assigned exactly once in the whole script, by a
 * command of its own at the top level that always runs (the first of its and-or list, not in a function, `if`,
 * loop, subshell or background job), to a value without expansions; and nothing else in the script can set it
 * (`read`, `for`, `local`, `unset`, `${NAME:=…}`, arithmetic, `eval`, or a script sourced after it).
 */
export function scriptConstants(script: ShellScript, environment: ReadonlySet<string> = NO_NAMES): ReadonlyMap<string, ScriptConstant> {
  const counts = new Map<string, number>();
  for (const c of script.commands) for (const a of c.assigns) counts.set(a.name, (counts.get(a.name) ?? 0) + 1);
  const out = new Map<string, ScriptConstant>();
  // A file it sources (or a string it evals) may set a variable before its own default is read: then that default says nothing.
  let defaults: boolean | undefined;
  for (const c of script.commands) {
    if (c.assigns.length === 0 || !alwaysRuns(script, c) || !setsShellVariables(c)) continue;
    for (const a of c.assigns) {
      if (!NAME.test(a.name) || counts.get(a.name) !== 1 || otherwiseSet(script, a.name, a.end)) continue;
      defaults ??= !script.commands.some(mayLoadVariables);
      const value = a.value ?? (environment.has(a.name) || !defaults ? null : ownDefault(script.source.slice(a.start, a.end), a.name));
      if (value === null) continue;
      out.set(a.name, { value, end: a.end });
    }
  }
  return out;
}

const NO_NAMES: ReadonlySet<string> = new Set();

/**
 * Whether a command may set variables from elsewhere: it sources a file or evals a string (also behind \`command\` or
 * \`builtin\`), or exports, declares or sets words only known when it runs (\`export $(grep -v '^#' .env | xargs)\`).
 */
function mayLoadVariables(c: ShellScript['commands'][number]): boolean {
  const words = c.words.map((w) => w.value);
  const program = words[0] === 'command' || words[0] === 'builtin' ? words[1] : words[0];
  if (program === '.' || program === 'source' || program === 'eval') return true;
  return ['export', 'declare', 'typeset', 'readonly', 'local', 'set'].includes(words[0] ?? '') && words.includes(null);
}

/**
 * The literal a variable takes from its own default (\`DIR="${DIR:-/opt/extensions}"\`): its value when the container's
 * environment does not set it; null for any other value with expansions.
 */
function ownDefault(assignment: string, name: string): string | null {
  const m = new RegExp(String.raw`^${name}=("?)\$\{${name}:?-([^"'\`$\\{}]*)\}\1$`).exec(assignment);
  return m === null ? null : m[2]!;
}

/**
 * The command with the words and redirection targets the parser left unknown read with the script's constants
 * assigned before it (`mkdir -p "${work_src}"` after `readonly work_src=/work/coturn` is `mkdir -p /work/coturn`);
 * the command itself when none gains a value.
 */
export function withConstants(c: SimpleCommand, constants: ReadonlyMap<string, ScriptConstant>): SimpleCommand {
  if (constants.size === 0) return c;
  const known = (w: ShellWord): ShellWord => {
    // Substitutions, and the shell's special parameters (`$1`, `$@`, `$$`), which a Dockerfile's expansion reads as text.
    if (w.value !== null || /`|\$(?![A-Za-z_{])/.test(w.raw)) return w;
    const value = expandWord(w.raw, (name) => {
      const k = constants.get(name);
      return k !== undefined && k.end <= c.start ? k.value : null;
    }).value;
    return value === null ? w : { ...w, value };
  };
  const words = c.words.map(known);
  const redirects = c.redirects.map((r) => (r.target === null ? r : { ...r, target: known(r.target) }));
  if (words.every((w, i) => w === c.words[i]) && redirects.every((r, i) => r === c.redirects[i])) return c;
  return { ...c, words, redirects, name: words[0]?.value ?? null, args: words.slice(1).map((w) => w.value) };
}

/** At the top level, first in its and-or list, in the foreground: nothing decides whether it runs. */
function alwaysRuns(script: ShellScript, c: SimpleCommand): boolean {
  return c.enclosing.length === 0 && !c.background && script.statements[c.statement]?.items[0]?.command?.start === c.start;
}

/** A bare `NAME=value`, or `export`/`readonly` of it: the shell's own variable, not one a command's environment gets. */
function setsShellVariables(c: SimpleCommand): boolean {
  if (c.words.length === 0) return true;
  if (!c.declaration || c.name === null || !PLAIN_DECLARATION.test(c.name)) return false;
  return c.words.slice(1).every((w) => w.value === null || !w.value.startsWith('-') || PLAIN_DECLARATION_OPTION.test(w.value));
}

/** Whether the script may set `name` another way than by assignment, or run code that may, after `from`. */
function otherwiseSet(script: ShellScript, name: string, from: number): boolean {
  const text = script.source;
  const setters = new RegExp(
    String.raw`\b(?:for|select)\s+${name}\b|\b(?:read|getopts|mapfile|readarray|unset|local|let|printf|declare|typeset|nameref)\b[^\n;&|]*[\s=-]${name}\b|\$\{${name}:?=|\(\([^)]*\b${name}\b`,
  );
  if (setters.test(text)) return true;
  return script.commands.some((c) => c.start > from && (c.name === 'eval' || c.name === 'source' || c.name === '.'));
}
