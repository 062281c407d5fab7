/**
 * What a stage starts when it runs: its ENTRYPOINT and CMD (its own or inherited
 * from the stages it builds on), as argv where the shell would only split words,
 * else as the script the shell runs.
 */
import { logicalText } from '../dockerfile/logical.js';
import { commandInstructions } from '../dockerfile/stages.js';
import type { Instruction, ParsedDockerfile, Stage } from '../dockerfile/types.js';
import { INIT_WRAPPERS } from '../knowledge/index.js';
import { shellQuote } from '../shell/body.js';
import { shellCommandString } from '../shell/options.js';
import { SHELL_ONLY, splitWords } from '../shell/simpleWords.js';

export interface CommandPart {
  readonly inst: Instruction;
  /** The program and its arguments; null when a shell does real work (variables, `&&`, builtins). */
  readonly argv: readonly string[] | null;
  /** The text as written: the JSON array's words joined, or the shell-form script. */
  readonly text: string;
}

export interface StartCommand {
  readonly entrypoint: CommandPart | null;
  /** Null when there is none, or a shell-form ENTRYPOINT ignores it. */
  readonly cmd: CommandPart | null;
}

/** The ENTRYPOINT and CMD in effect at the end of `stage`. */
export function startCommand(file: ParsedDockerfile, stage: Stage): StartCommand {
  const { entrypoint, cmd } = commandInstructions(file, stage);
  const ep = entrypoint === null ? null : commandPart(file, entrypoint);
  const ignored = entrypoint !== null && entrypoint.form !== 'exec';
  return { entrypoint: ep, cmd: cmd === null || ignored ? null : commandPart(file, cmd) };
}

/**
 * The ENTRYPOINT of the stage's lineage when it clears the command: `ENTRYPOINT []` with no CMD
 * after it (an ENTRYPOINT resets the inherited CMD) or an empty one (`CMD []`). Such an image
 * starts nothing of its own: `docker run IMAGE COMMAND`, or a platform (Heroku's heroku.yml, a
 * compose file), says what runs.
 */
export function clearedCommand(command: StartCommand): CommandPart | null {
  const empty = (p: CommandPart | null) => p === null || (p.inst.form === 'exec' && p.argv?.length === 0);
  return command.entrypoint !== null && empty(command.entrypoint) && empty(command.cmd) ? command.entrypoint : null;
}

/**
 * The words the container runs, when the shell does no work in them: the ENTRYPOINT's, then the
 * CMD's; behind an ENTRYPOINT that is one script (node's `docker-entrypoint.sh`, which ends in
 * `exec "$@"`) or an init's `--`, the CMD's alone, as that is what runs. Null for a shell script.
 */
export function runWords(command: StartCommand): readonly string[] | null {
  const { entrypoint, cmd } = command;
  if (entrypoint?.argv === null || cmd?.argv === null) return null;
  const wrapper = entrypoint !== null && cmd !== null && (entrypoint.argv.length === 1 || entrypoint.argv.at(-1) === '--');
  return wrapper ? cmd.argv : [...(entrypoint?.argv ?? []), ...(cmd?.argv ?? [])];
}

/**
 * The command line when the container only waits, forever (`sleep infinity`, `tail -f /dev/null`),
 * which keeps it up for `docker exec` (a development or workspace container), else null.
 */
export function idleCommand(command: StartCommand): string | null {
  const { entrypoint, cmd } = command;
  // A chain of init scripts, each starting the next and the last the CMD (a dev container's
  // \`["/usr/local/share/docker-init.sh", "/usr/local/share/ssh-init.sh"]\` before \`sleep infinity\`): the CMD runs.
  const chain = entrypoint?.argv != null && entrypoint.argv.length > 1 && entrypoint.argv.every((w) => w.startsWith('/') && w.endsWith('.sh'));
  const run = chain && cmd?.argv != null ? cmd.argv : runWords(command);
  // `CMD ["sleep infinity"]` is one word, a program no image has: its author meant the shell's words.
  const words = run?.length === 1 && /\s/.test(run[0]!) ? plainWords(run[0]!) : run;
  if (words === null) return null;
  return idleWords(words) ? words.join(' ') : null;
}

/**
 * The command line when the container only prints a message and exits (\`CMD ["echo", "Use it in a stage"]\`,
 * \`CMD ["true"]\`): no program of its own runs, as in an image others build on or copy from; else null.
 */
export function messageCommand(command: StartCommand): string | null {
  const words = runWords(command);
  if (words === null || words.length === 0) return null;
  return MESSAGE_PROGRAMS.has(baseName(words[0]!)) ? words.join(' ') : null;
}

/** Programs that print their operands, or nothing, and exit. */
const MESSAGE_PROGRAMS = new Set(['echo', 'printf', 'true']);

/** Whether a command's words wait forever and do nothing else: \`sleep infinity\`, \`tail -f /dev/null\`. */
export function idleWords(words: readonly string[]): boolean {
  const [program, ...args] = words;
  if (program === undefined) return false;
  const name = baseName(program);
  return (name === 'sleep' && args.length === 1 && /^inf(?:inity)?$/.test(args[0]!)) || (name === 'tail' && args.length === 2 && /^-[fF]$/.test(args[0]!) && args[1] === '/dev/null');
}

export function commandPart(file: ParsedDockerfile, inst: Instruction): CommandPart {
  if (inst.form === 'exec') {
    const argv = inst.execArgs ?? [];
    return { inst, argv, text: argv.join(' ') };
  }
  const text = inst.argsSpan === null ? '' : logicalText(file.text, inst.argsSpan.start, inst.argsSpan.end, file.escape).text.trim();
  return { inst, argv: plainWords(text), text };
}

/** The words of a command line the shell would only split, with a leading `exec` dropped; else null. */
export function plainWords(script: string): string[] | null {
  const words = splitWords(script);
  if (!Array.isArray(words)) return null;
  const argv = words[0] === 'exec' ? words.slice(1) : words;
  if (argv.length === 0 || argv[0]!.startsWith('-') || SHELL_ONLY.has(argv[0]!) || /^[A-Za-z_]\w*=/.test(argv[0]!)) return null;
  return argv;
}

/** The words the container runs, ENTRYPOINT then CMD, for scanning; shell scripts (`sh -c '…'` too) are split at blanks. */
export function commandWords(command: StartCommand): string[] {
  const split = (script: string) => script.split(/[\s;&|()]+/).filter((w) => w !== '');
  return [command.entrypoint, command.cmd].flatMap((p) => {
    if (p === null) return [];
    if (p.argv === null) return split(p.text);
    const c = commandStringAt(p.argv);
    return c === null ? p.argv : [...p.argv.slice(0, c), ...split(p.argv[c]!)];
  });
}

/**
 * The shell scripts the container runs at start, ENTRYPOINT then CMD: a shell-form part's text, the
 * string of an exec-form `sh -c '…'` (also behind an init wrapper: `tini -- sh -c '…'`), and an exec-form
 * program with its arguments, quoted for the shell.
 */
export function startScripts(command: StartCommand): { readonly part: CommandPart; readonly script: string }[] {
  return [command.entrypoint, command.cmd].flatMap((part) => {
    if (part === null) return [];
    if (part.inst.form !== 'exec') return [{ part, script: part.text }];
    const argv = part.argv ?? [];
    const c = commandStringAt(argv);
    return [{ part, script: c === null ? argv.map(shellQuote).join(' ') : argv[c]! }];
  });
}

/**
 * Where a command's \`-c\` string is: a shell's own (\`sh -c '…'\`), or that of the shell an init wrapper
 * starts (\`tini -- sh -c '…'\`, \`dumb-init sh -c '…'\`), which runs it as much; null when there is none.
 */
export function commandStringAt(argv: readonly string[]): number | null {
  const own = shellCommandString(argv);
  if (own !== null) return own;
  const wrapped = wrappedProgram(argv);
  const inner = wrapped > 0 ? shellCommandString(argv.slice(wrapped)) : null;
  return inner === null ? null : wrapped + inner;
}

/**
 * Where the program an init wrapper starts is in the command's words (`tini -- docker-entrypoint.sh`:
 * 2), or -1. The wrapper looks it up on PATH, as the shell looks up the first word.
 */
export function wrappedProgram(words: readonly string[]): number {
  const init = words.length === 0 ? '' : baseName(words[0]!);
  if (!Object.hasOwn(INIT_WRAPPERS, init)) return -1;
  const valued = INIT_WRAPPERS[init]!;
  for (let i = 1; i < words.length; i++) {
    const w = words[i]!;
    if (w === '--') return i + 1;
    if (!w.startsWith('-')) return i;
    if (valued.includes(w)) i++;
  }
  return -1;
}

/** The program's base name: `/usr/local/bin/node` → `node`. */
export function baseName(program: string): string {
  return program.slice(program.lastIndexOf('/') + 1);
}
