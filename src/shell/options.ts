/**
 * Shell options that change what a body means when more commands are joined
 * to it: errexit (`set -e`, or a SHELL started with `-e`), and the startup
 * files a login or interactive SHELL reads before every RUN.
 */
import type { RunBody } from './body.js';
import type { ShellScript, SimpleCommand } from './types.js';

/** What a SHELL command line (`["/bin/bash", "-eo", "pipefail", "-c"]`) turns on for every body. */
export interface ShellInvocation {
  /** `-e`, `-o errexit`: the shell exits at the first failing command. */
  readonly errexit: boolean;
  /** `-l`, `--login`, `-i`, `--rcfile`: the shell reads startup files before the body. */
  readonly startupFiles: boolean;
  /** `-a`, `-o allexport`: every variable the body assigns is exported. */
  readonly allexport: boolean;
}

/** Programs that are POSIX-like shells: `sh script`, `bash -c '…'`. */
export const SHELL_PROGRAMS: ReadonlySet<string> = new Set(['sh', 'bash', 'dash', 'ash', 'zsh', 'ksh', 'mksh']);

/** Programs whose \`-c\` gives a shell a command string, run as another user (\`su -c "apt-mark hold x" root\`). */
export const SU_PROGRAMS: ReadonlySet<string> = new Set(['su', 'runuser']);

export function shellInvocation(argv: readonly string[]): ShellInvocation {
  // Asked for every RUN, nearly always of the same command line (the default shell's, or one SHELL's).
  if (argv === lastRead.argv) return lastRead.invocation;
  const invocation = readInvocation(argv);
  lastRead = { argv, invocation };
  return invocation;
}

let lastRead: { readonly argv: readonly string[] | null; readonly invocation: ShellInvocation } = { argv: null, invocation: { errexit: false, startupFiles: false, allexport: false } };

function readInvocation(argv: readonly string[]): ShellInvocation {
  let errexit = false;
  let startupFiles = false;
  let allexport = false;
  for (const { on, name, value } of readShellArgv(argv).options) {
    if (name === 'e' || (name === 'o' && value === 'errexit')) errexit = on;
    if (name === 'a' || (name === 'o' && value === 'allexport')) allexport = on;
    if (on && (name === 'l' || name === 'i' || name === '--login' || name === '--rcfile' || name === '--init-file')) startupFiles = true;
  }
  return { errexit, startupFiles, allexport };
}

/**
 * Where a shell's command line (`sh -eo pipefail -c 'script' name args…`) has its first operand,
 * after the options: the command string when `command` (`-c`, alone or in a bundle such as `-ec`),
 * else the script to run. `at` is null when there is none (an interactive shell, or `-s`, which
 * reads the commands from standard input), or when an argument before it is not known (null).
 * `stdin`: the shell reads its commands from standard input (`-s`, or no operand and no `-c`).
 */
export function shellOperand(argv: readonly (string | null)[]): { readonly command: boolean; readonly at: number | null; readonly stdin: boolean } {
  const { options, at, known } = readShellArgv(argv);
  const command = options.some((o) => o.on && o.name === 'c');
  const stdin = !command && (options.some((o) => o.on && o.name === 's') || (at === null && known));
  return { command, at: stdin ? null : at, stdin };
}

/**
 * The script file an argv runs (sudo and the like already seen through): what `.` or `source`
 * reads, a shell's script operand (`bash -eo pipefail setup.sh`), or the program itself when it is
 * a path (`./install.sh`, `/app/run.sh`) or a script named without one (`docker-entrypoint.sh`),
 * which the shell finds in PATH (`onPath`), not in the working folder. Null when it runs none, or
 * the file is only known at run time.
 */
export function scriptFileOf(argv: readonly (string | null)[]): { readonly path: string; readonly onPath: boolean } | null {
  const first = argv[0];
  if (first == null) return null;
  const name = first.slice(first.lastIndexOf('/') + 1);
  if (name === '.' || name === 'source') {
    const file = argv[1];
    return file == null || file.startsWith('-') ? null : { path: file, onPath: false };
  }
  if (SHELL_PROGRAMS.has(name)) {
    const operand = shellOperand(argv);
    const file = operand.command || operand.at === null ? null : argv[operand.at];
    return file == null ? null : { path: file, onPath: false };
  }
  if (first.includes('/')) return { path: first, onPath: false };
  return /\.(?:sh|bash)$/.test(first) ? { path: first, onPath: true } : null;
}

/**
 * Where the command string of a shell's argv is (`sh -ec '…'`, `/bin/bash -O extglob -c '…'`,
 * `sudo` and the like already seen through), or null: argv[0] is not a shell, the shell runs a
 * file or reads its standard input, or the string or an argument before it is not known.
 */
export function shellCommandString(argv: readonly (string | null)[]): number | null {
  const program = argv[0];
  if (program == null || !SHELL_PROGRAMS.has(program.slice(program.lastIndexOf('/') + 1))) return null;
  const { command, at } = shellOperand(argv);
  return command ? at : null;
}

/** One option of a shell's command line: a letter of a bundle (`-e`, `+x`), or a long one (`--login`). */
interface ShellOption {
  /** `-x` turns it on, `+x` off. */
  readonly on: boolean;
  readonly name: string;
  /** The argument `o` and bash's `O` take (`-o pipefail`), and `--rcfile`'s file. */
  readonly value: string | null;
}

/**
 * A shell's options and where its first operand is, read as sh and bash read them: an `o` (or
 * bash's `O`) in a bundle takes the next argument (`-eo pipefail`), `-c` is a flag whose string is
 * the first operand wherever it stands, `--` or `-` ends the options. The reading stops at an
 * argument not known (null), with no operand and `known` false.
 */
function readShellArgv(argv: readonly (string | null)[]): { options: ShellOption[]; at: number | null; known: boolean } {
  const options: ShellOption[] = [];
  for (let i = 1; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === null || arg === undefined) return { options, at: null, known: false };
    if (arg === '--' || arg === '-') return { options, at: i + 1 < argv.length ? i + 1 : null, known: true };
    if (arg.startsWith('--')) {
      const valued = arg === '--rcfile' || arg === '--init-file';
      options.push({ on: true, name: arg, value: valued ? (argv[i + 1] ?? null) : null });
      if (valued) i++;
    } else if (/^[-+][A-Za-z]+$/.test(arg)) {
      for (const letter of arg.slice(1)) {
        const valued = letter === 'o' || letter === 'O';
        options.push({ on: arg.startsWith('-'), name: letter, value: valued ? (argv[i + 1] ?? null) : null });
        if (valued) i++;
      }
    } else {
      return { options, at: i, known: true };
    }
  }
  return { options, at: null, known: true };
}

/**
 * The command a shell builtin call runs, seen through `command` and `builtin`
 * (`command cd /x` is `cd /x`). `name` is null when it is not a literal.
 */
export function builtinCall(command: SimpleCommand): { name: string | null; args: readonly (string | null)[] } {
  let name = command.name;
  let args = command.args;
  for (;;) {
    // `command -p cd` runs `cd` as well (with a default PATH for the lookup); `-v`/`-V` only look.
    let skip = 0;
    if (name === 'command') while (args[skip] === '-p' || args[skip] === '--') skip++;
    if (name !== 'command' && name !== 'builtin') break;
    if (args.length <= skip || (args[skip] ?? '-').startsWith('-')) {
      args = args.slice(skip);
      break;
    }
    name = args[skip]!;
    args = args.slice(skip + 1);
  }
  return { name, args };
}

/** errexit is on from the start of top-level statement `index`: the SHELL turns it on, or an earlier `set -e` does. */
export function errexitBefore(body: RunBody, index: number): boolean {
  if (shellInvocation(body.shell.argv).errexit) return true;
  const set = errexitCommand(body.parsed);
  return set !== null && set.enclosing.length === 0 && set.statement < index;
}

/**
 * The first command that may turn errexit on: `set -e`, `set -euxo pipefail`,
 * `set -o errexit`, `shopt -so errexit`, zsh's `setopt errexit`, or a `set`
 * whose options are only known at run time. Null when there is none.
 */
export function errexitCommand(script: ShellScript): SimpleCommand | null {
  return script.commands.find((c) => enablesErrexit(c)) ?? null;
}

function enablesErrexit(command: SimpleCommand): boolean {
  const { name, args } = builtinCall(command);
  if (name === 'set') {
    for (let i = 0; i < args.length; i++) {
      const a = args[i];
      if (a === null || a === undefined) return true;
      if (a.startsWith('+') && a.length > 1) {
        if (a === '+o') i++;
        continue;
      }
      if (a === '--' || a === '-' || !a.startsWith('-')) return false;
      if (a === '-o') {
        if (args[i + 1] === 'errexit' || args[i + 1] === null) return true;
        i++;
      } else if (a.includes('e')) {
        return true;
      } else if (a.includes('o')) {
        i++;
      }
    }
    return false;
  }
  if (name === 'shopt') return args.some((a) => a === null || a === 'errexit');
  if (name === 'setopt') return args.some((a) => a === null || /^err_?exit$/i.test(a));
  return false;
}
