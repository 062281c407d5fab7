/**
 * The command strings a script gives shells (`sh -c '…'`, `sudo bash -o pipefail -c '…'`,
 * `exec sh -c '…'`), and those of the shells they run in turn: found and parsed here once, for
 * every reader that follows a script into them. A reader keeps its own rules for how deep it
 * goes and what it makes of a string it cannot read.
 */
import { invokedProgram } from './commands.js';
import { SHELL_PROGRAMS, shellCommandString } from './options.js';
import { parseScript } from './parse.js';
import type { ShellScript, ShellSyntaxError, SimpleCommand } from './types.js';

/** A command string as the shell receives it, with what the parser makes of it. */
export interface ShellString {
  readonly text: string;
  readonly parsed: ShellScript | ShellSyntaxError;
}

/**
 * The command string of `sh -c '…'` (`bash -o pipefail -c '…'`, `sudo sh -c '…'`) when it is a literal,
 * as the shell receives it, with its parse; else null (not a shell, a shell running a file or its
 * standard input, or a string or an option before it only known at build time).
 */
export function shellString(c: SimpleCommand): ShellString | null {
  const program = invokedProgram(c);
  if (program === null || !SHELL_PROGRAMS.has(program.name)) return null;
  const argv = [program.path, ...program.args.map((w) => w.value)];
  const at = shellCommandString(argv);
  const text = at === null ? null : argv[at];
  return text == null ? null : { text, parsed: parseScript(text) };
}

/** The script of `sh -c '…'` when it is a literal that parses. */
export function innerScript(c: SimpleCommand): ShellScript | null {
  const string = shellString(c);
  return string !== null && string.parsed.ok ? string.parsed : null;
}

/**
 * The command string of `c`'s shell and those of the shells run in it in turn (`sh -c "bash -c '…'"`):
 * each string before the ones inside it, those of a string's later commands before its earlier ones'.
 * A string that does not parse is given too, with nothing inside it. Walked without recursion, as
 * the strings may nest deep.
 */
export function* nestedShellStrings(c: SimpleCommand): Generator<ShellString> {
  for (let pending = [shellString(c)], string = pending.pop(); string !== undefined; string = pending.pop()) {
    if (string === null) continue;
    yield string;
    if (string.parsed.ok) pending.push(...string.parsed.commands.map(shellString));
  }
}
