/**
 * The one recogniser of the commands RUN transforms act on: package managers,
 * cache removal, downloads, archive extraction and account creation. Every transform reads
 * commands through here, so they agree on what `apt-get -yq install` means.
 */
import { basename, grammar, oneWord, splitArgs } from './argv.js';
import { readCurl, readRm, readTar, readUnzip, readWget } from './files.js';
import { managerOf, readPackageArgs } from './packages.js';
import { readRunner, type RunnerRead } from './runners.js';
import { readUseradd } from './users.js';
import type {
  AddUser,
  CommandOption,
  DownloadSink,
  Invocation,
  PackageCommand,
  PackageManager,
  RecognisedCommand,
  ShellScript,
  ShellWord,
  SimpleCommand,
  SudoPrefix,
} from './types.js';
import { Memo } from '../memo.js';
import { CARGO_GLOBAL_VALUED, PYTHON_VALUED } from '../knowledge/programs.js';

/** Commands are immutable and shared across passes with their parse, so what each is is worked out once. */
const recognised = new Memo<SimpleCommand, RecognisedCommand | null>();

/** What a simple command does, when it is one of the commands transforms know; else null. */
export function recognise(command: SimpleCommand): RecognisedCommand | null {
  let r = recognised.get(command);
  if (r === undefined) recognised.set(command, (r = recogniseUncached(command)));
  return r;
}

function recogniseUncached(command: SimpleCommand): RecognisedCommand | null {
  const prefix = seeThroughPrefixes(command);
  if (prefix === null) return null;
  const { at, env, sudo } = prefix;
  const program = command.words[at]!;
  const name = basename(program.value!);
  const base = { command, program, env, sudo };

  const rest = command.words.slice(at + 1);
  // `npx pnpm@9 install`: the manager's command line, behind the runner.
  const run = readRunner(program, name, rest);
  if (run?.kind === 'manager') {
    const args = readPackageArgs(run.manager, rest.slice(run.at + 1));
    const managerWord = rest[run.at]!;
    return {
      kind: 'package',
      manager: run.manager,
      runner: run.runner,
      action: args.action,
      subcommand: args.subcommand,
      flagAt: (args.subcommand.at(-1) ?? managerWord).end,
      ...invocation({ ...base, program: managerWord }, args.options, args.operands),
    };
  }
  // managerOf reads at most the two words after the program (`python3 -m pip`); pip run as Python's module past
  // Python's own options (`python3 -Im pip`, `python -W ignore -m pip`) takes the words up to its module's.
  const module = /^python[\d.]*$/.test(name) ? invokedTool(command) : null;
  const managed = module?.module === true && module.name === 'pip'
    ? { manager: 'pip' as const, words: rest.length - module.args.length + 1 }
    : managerOf(name, [rest[0]?.value ?? null, rest[1]?.value ?? null]);
  if (managed !== null) {
    const afterProgram = rest.slice(managed.words - 1);
    const args = readPackageArgs(managed.manager, afterProgram);
    const last = args.subcommand.at(-1) ?? command.words[at + managed.words - 1]!;
    return {
      kind: 'package',
      manager: managed.manager,
      runner: null,
      action: args.action,
      subcommand: args.subcommand,
      flagAt: last.end,
      ...invocation(base, args.options, args.operands),
    };
  }
  switch (name) {
    case 'rm': {
      const rm = readRm(rest);
      return { kind: 'remove-files', recursive: rm.recursive, force: rm.force, paths: rm.paths, ...invocation(base, rm.options, rm.positionals) };
    }
    case 'curl':
    case 'wget': {
      const dl = name === 'curl' ? readCurl(rest) : readWget(rest);
      return {
        kind: 'download',
        tool: name,
        urls: dl.urls,
        output: dl.output,
        outputWord: dl.outputWord,
        toStdout: dl.toStdout,
        sink: downloadSink(command, dl.output, dl.toStdout),
        ...invocation(base, dl.options, dl.positionals),
      };
    }
    case 'tar': {
      const tar = readTar(rest);
      if (!tar.extract) return null;
      return {
        kind: 'extract',
        tool: 'tar',
        archive: tar.archive,
        archiveWord: tar.archiveWord,
        fromStdin: tar.fromStdin,
        directory: tar.directory,
        intoFolder: tar.options.some((o) => o.name === '-C' || o.name === '--directory'),
        ...invocation(base, tar.options, tar.positionals),
      };
    }
    case 'unzip': {
      const zip = readUnzip(rest);
      if (!zip.extract) return null;
      return {
        kind: 'extract',
        tool: 'unzip',
        archive: zip.archive,
        archiveWord: zip.archiveWord,
        fromStdin: false,
        directory: zip.directory,
        intoFolder: zip.options.some((o) => o.name === '-d'),
        ...invocation(base, zip.options, zip.positionals),
      };
    }
    case 'useradd':
      return addUser(base, 'useradd', rest);
    default:
      return null;
  }
}

/**
 * `adduser` read as shadow's useradd, which it is in Red Hat's family (shadow-utils installs it as a link
 * to useradd). Elsewhere adduser is busybox's or Debian's program, with other options, so only a caller
 * that knows the image reads it so. Null for a command that runs another program.
 */
export function recogniseUseraddLink(command: SimpleCommand): AddUser | null {
  const prefix = seeThroughPrefixes(command);
  if (prefix === null) return null;
  const program = command.words[prefix.at]!;
  if (basename(program.value!) !== 'adduser') return null;
  return addUser({ command, program, env: prefix.env, sudo: prefix.sudo }, 'adduser', command.words.slice(prefix.at + 1));
}

function addUser(base: Pick<Invocation, 'command' | 'program' | 'env' | 'sudo'>, tool: AddUser['tool'], rest: readonly ShellWord[]): AddUser {
  const user = readUseradd(rest);
  return { kind: 'add-user', tool, login: user.login, ...invocation(base, user.options, user.positionals) };
}

/** The program a command runs once its prefixes are seen through. */
export interface InvokedProgram {
  readonly name: string;
  readonly path: string;
  readonly args: readonly ShellWord[];
  readonly sudo: SudoPrefix | null;
  readonly env: ReadonlyMap<string, string | null>;
}

/** Asked of one command by many readers (the shell strings, the caches filled, the uses): worked out once. */
const invoked = new Memo<SimpleCommand, InvokedProgram | null>();

/** The program a command runs once prefixes are seen through (`sudo -u x env A=1 npx …` runs `npx`), as written (`path`) and by name, or null. */
export function invokedProgram(command: SimpleCommand): InvokedProgram | null {
  let p = invoked.get(command);
  if (p === undefined) invoked.set(command, (p = readInvokedProgram(command)));
  return p;
}

function readInvokedProgram(command: SimpleCommand): InvokedProgram | null {
  const prefix = seeThroughPrefixes(command);
  if (prefix === null) return null;
  const path = command.words[prefix.at]!.value!;
  return { name: basename(path), path, args: command.words.slice(prefix.at + 1), sudo: prefix.sudo, env: prefix.env };
}

/** Python's one-letter options that take a value, and its long ones (see PYTHON_VALUED). */
const PYTHON_SHORT_VALUED = new Set(PYTHON_VALUED.filter((o) => !o.startsWith('--')).map((o) => o[1]!));
const PYTHON_LONG_VALUED = new Set(PYTHON_VALUED.filter((o) => o.startsWith('--')));

/**
 * The tool a command runs: its program, or the module Python runs as one (\`python -m celery -A proj beat\`,
 * \`python3 -u -m poetry install\`, \`python3 -Im uv pip install …\`), with the words after the module as its arguments,
 * as invokedProgram gives a program's. \`module\`: it runs through Python. Null as for invokedProgram.
 */
export function invokedTool(command: SimpleCommand): { readonly name: string; readonly args: readonly ShellWord[]; readonly module: boolean; readonly inv: InvokedProgram } | null {
  const inv = invokedProgram(command);
  if (inv === null) return null;
  const program = { name: inv.name, args: inv.args, module: false, inv };
  if (!/^python[\d.]*$/.test(inv.name)) return program;
  const module = pythonModule(inv.args.map((w) => w.value));
  return module === null ? program : { name: module.name, args: inv.args.slice(module.at), module: true, inv };
}

/**
 * The module Python runs (\`-m NAME\`) past its own options, from the words after its program (null entries are not
 * literals), and where the module's own words start; null when it runs a script, a command (\`-c\`) or standard input.
 */
export function pythonModule(args: readonly (string | null)[]): { readonly name: string; readonly at: number } | null {
  for (let i = 0; i < args.length; i++) {
    const value = args[i];
    // Python's options come first; the first other word is a script (\`-\`: standard input, \`--\`: a script follows).
    if (value == null || !value.startsWith('-') || value === '-' || value === '--') return null;
    if (value.startsWith('--')) {
      if (PYTHON_LONG_VALUED.has(value)) i++;
      continue;
    }
    // One-letter flags (\`-u\`, \`-OO\`, \`-Is\`) up to one that takes a value: the rest of the word, or the next.
    const valued = [...value.slice(1)].findIndex((letter) => PYTHON_SHORT_VALUED.has(letter)) + 1;
    if (valued === 0) continue;
    const letter = value[valued];
    const attached = value.slice(valued + 1);
    const argument = attached !== '' ? attached : (args[++i] ?? null);
    if (letter === 'c') return null;
    if (letter === 'm') return argument === null || argument === '' ? null : { name: argument, at: i + 1 };
  }
  return null;
}

/** cargo's options before its subcommand (see CARGO_GLOBAL_VALUED), its one-letter flags bundled as clap takes them (\`-vq\`). */
const CARGO_GLOBALS = grammar(CARGO_GLOBAL_VALUED, true);

/**
 * cargo's subcommand and the words after it, from the words after the program: past a rustup toolchain and cargo's
 * options (\`cargo +nightly -q --config k=v install ripgrep\`: \`install\`, then \`ripgrep\`); null when there is none.
 */
export function cargoSubcommand(args: readonly ShellWord[]): { readonly sub: ShellWord; readonly args: readonly ShellWord[] } | null {
  const words = args[0]?.value?.startsWith('+') === true ? args.slice(1) : args;
  const sub = splitArgs(words, CARGO_GLOBALS).positionals[0];
  return sub === undefined ? null : { sub, args: words.slice(words.indexOf(sub) + 1) };
}

/** How a command runs Composer: see composerInvocation. */
export interface ComposerInvocation {
  readonly inv: InvokedProgram;
  /** The words that run Composer: \`composer\`, or \`php -d memory_limit=-1 composer.phar\`. */
  readonly words: readonly ShellWord[];
  /** They name the phar from the working folder (\`php composer.phar\`, \`./composer.phar\`). */
  readonly relative: boolean;
  /** Composer's arguments, after the words that run it. */
  readonly args: readonly ShellWord[];
}

/** PHP's options that take the next word as their value (`php -d memory_limit=-1 composer.phar install`). */
const PHP_VALUE_OPTIONS = new Set(['-d', '-c', '-z']);
/** PHP's options that take no value and leave it running the script named next. */
const PHP_FLAGS = new Set(['-n', '-q', '-e', '-H', '-C']);
/** PHP's program, also by a versioned name (Debian's `php8.2`, Alpine's `php83`). */
const PHP = /^php(?:\d+(?:\.\d+)?)?$/;
/** Composer's program, or its phar (getcomposer.org/download installs `composer.phar` in the folder it runs in). */
const COMPOSER = /^composer(?:\.phar)?$/;

/**
 * How a command runs Composer, or null when it runs something else: `composer` on PATH or by an absolute
 * path, its phar (`composer.phar`, `/usr/local/bin/composer.phar`, `./composer.phar`), or either run by PHP
 * (`php composer.phar`, `php -d memory_limit=-1 /usr/local/bin/composer`): the words that run it (to run another
 * Composer command the same way), whether they name it from the working folder, and Composer's own arguments.
 */
export function composerInvocation(c: SimpleCommand): ComposerInvocation | null {
  const inv = invokedProgram(c);
  if (inv === null) return null;
  if (COMPOSER.test(inv.name)) {
    // `composer` by a relative path is not read: the phar is what a project keeps beside itself.
    const relative = inv.path.includes('/') && !inv.path.startsWith('/');
    if (relative && inv.name === 'composer') return null;
    return { inv, words: c.words.slice(c.words.length - inv.args.length - 1, c.words.length - inv.args.length), relative, args: inv.args };
  }
  if (!PHP.test(inv.name) || (inv.path !== inv.name && !inv.path.startsWith('/'))) return null;
  for (let i = 0; i < inv.args.length; i++) {
    const value = inv.args[i]!.value;
    if (value === null) return null;
    if (PHP_VALUE_OPTIONS.has(value)) {
      i++;
      continue;
    }
    if (value.startsWith('-')) {
      // `-dmemory_limit=-1` is an option with its value; `-r`, `-f` and the rest run something else.
      if (PHP_FLAGS.has(value) || /^-[dcz]./.test(value)) continue;
      return null;
    }
    if (!COMPOSER.test(basename(value))) return null;
    const words = c.words.slice(c.words.length - inv.args.length - 1, c.words.length - inv.args.length + i + 1);
    return { inv, words, relative: !value.startsWith('/'), args: inv.args.slice(i + 1) };
  }
  return null;
}

/**
 * A package runner that may run a package manager in a way `recognise` cannot read (`npx -c '…'`,
 * an option it does not know, `npm exec` without `--`): why, with the shell string it runs when
 * it is one. Null for any other command, a runner recognise reads, or one running another package.
 */
export function unreadRunner(command: SimpleCommand): Extract<RunnerRead, { kind: 'unknown' }> | null {
  const prefix = seeThroughPrefixes(command);
  if (prefix === null) return null;
  const program = command.words[prefix.at]!;
  const run = readRunner(program, basename(program.value!), command.words.slice(prefix.at + 1));
  return run?.kind === 'unknown' ? run : null;
}

/** Where a download's content goes, from its output option, its redirections and its place in the script. */
function downloadSink(command: SimpleCommand, output: string | null, toStdout: boolean): DownloadSink {
  if (!toStdout) return output === '/dev/null' ? 'discarded' : 'file';
  // The last redirection of standard output wins, as the shell applies them in order.
  const stdout = command.redirects.filter((r) => /^(?:1?>>?|1?>\||&>>?|1?>&)$/.test(r.op)).at(-1);
  if (stdout !== undefined) {
    const target = stdout.target?.value ?? null;
    if (/^(?:1?>&)$/.test(stdout.op) && target !== null && /^\d+$/.test(target)) return target === '1' ? passOn(command) : 'output';
    return target === '/dev/null' ? 'discarded' : 'file';
  }
  return passOn(command);
}

function passOn(command: SimpleCommand): DownloadSink {
  if (command.pipedOut) return 'pipe';
  return command.enclosing.includes('substitution') ? 'substitution' : 'output';
}

/** Every recognised command of a script, in source order, nested ones included (see `command.enclosing`). */
export function recogniseAll(script: ShellScript): RecognisedCommand[] {
  const out: RecognisedCommand[] = [];
  for (const c of script.commands) {
    const r = recognise(c);
    if (r !== null) out.push(r);
  }
  return out;
}

/** The package-manager commands of a script, optionally of one manager. */
export function packageCommands(script: ShellScript, manager?: PackageManager): readonly PackageCommand[] {
  let all = packageCommandsOf.get(script);
  if (all === undefined) {
    let found: PackageCommand[] | null = null;
    for (const c of script.commands) {
      const r = recognise(c);
      if (r?.kind === 'package') (found ??= []).push(r);
    }
    // Most scripts have none: they are told so without a value kept on each of them through the pass.
    if (found === null) return NO_PACKAGE_COMMANDS;
    packageCommandsOf.set(script, (all = found));
  }
  return manager === undefined ? all : all.filter((r) => r.manager === manager);
}

/** Asked of every script by several transforms in each pass. */
const packageCommandsOf = new Memo<ShellScript, readonly PackageCommand[]>();
const NO_PACKAGE_COMMANDS: readonly PackageCommand[] = Object.freeze([]);

function invocation(
  base: Pick<Invocation, 'command' | 'program' | 'env' | 'sudo'>,
  options: readonly CommandOption[],
  operands: readonly ShellWord[],
): Invocation {
  // Written out: an object spread followed by new keys is allocated so that V8's
  // young-generation collector keeps it (on Node 20, scavenges ran 10x longer).
  return {
    command: base.command,
    program: base.program,
    env: base.env,
    sudo: base.sudo,
    options,
    operands,
    hasFlag: (...names) => options.some((o) => names.includes(o.name)),
    optionValue: (...names) => options.filter((o) => names.includes(o.name)).at(-1)?.value,
  };
}

const ASSIGNMENT = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/s;

/** Options of sudo that take a value. */
const SUDO_VALUED = new Set(['-u', '-g', '-C', '-D', '-h', '-p', '-r', '-t', '-T', '-U', '--user', '--group', '--chdir', '--host', '--prompt']);

/**
 * `command` written to run the way `inv` ran: behind the same `sudo` words, so that
 * `sudo -u node npm install -g x` gets `sudo -u node npm cache clean --force`.
 */
export function asInvoked(inv: Pick<Invocation, 'sudo'>, command: string): string {
  return inv.sudo === null ? command : `${inv.sudo.text} ${command}`;
}

/**
 * `args` given to the package manager `pkg` ran, run the same way: through the same runner and
 * `sudo` (`npx --yes yarn@1 cache clean` after `npx --yes yarn@1 install`), where the manager may
 * not be on PATH at all.
 */
export function asRunBy(pkg: Pick<PackageCommand, 'sudo' | 'runner' | 'manager'>, args: string): string {
  return asInvoked(pkg, `${pkg.runner?.text ?? pkg.manager} ${args}`);
}

/** The user `sudo` words select: `-u NAME`, `-uNAME`, `--user=NAME`, `--user NAME`; root by default. */
function sudoUser(words: readonly ShellWord[]): string | null {
  let user: string | null = 'root';
  for (let i = 0; i < words.length; i++) {
    const v = words[i]!.value;
    if (v === null) continue;
    if (v === '-u' || v === '--user') user = words[i + 1]?.value ?? null;
    else if (/^-u./.test(v)) user = v.slice(2);
    else if (v.startsWith('--user=')) user = v.slice('--user='.length);
  }
  return user;
}

/**
 * Whether \`words[i]\` runs busybox on one of its applets (\`busybox mkdir -p /data\`, \`/bin/busybox tar -xf a.tar\`, and
 * so exec form's \`["/bin/busybox", "mkdir", "-p", "/data"]\`): the multi-call binary runs the applet its next word names
 * as the applet's own link (\`/bin/mkdir\`) would, so that word is the program. Not \`busybox --list\` or \`--install\`,
 * which run busybox itself. Every reader of a command's program sees through it here.
 */
export function runsApplet(words: readonly ShellWord[], i: number): boolean {
  const program = words[i]?.value;
  const applet = words[i + 1]?.value;
  return program != null && basename(program) === 'busybox' && applet != null && /^[^-/][^/]*$/.test(applet);
}

/** Where a command's program is, past its prefixes, with what they set. */
interface Prefixes {
  /** The index of the program word, which may be one only known at build time (`$CMD …`). */
  readonly at: number;
  readonly env: ReadonlyMap<string, string | null>;
  readonly sudo: SudoPrefix | null;
}

/** The prefixes of one command are read by every reader of its program: once. */
const prefixes = new Memo<SimpleCommand, Prefixes | null>();

/** The prefixes of a command whose program is a literal, else null. */
function seeThroughPrefixes(command: SimpleCommand): Prefixes | null {
  const read = readPrefixes(command);
  return read === null || command.words[read.at]!.value === null ? null : read;
}

/**
 * The command's words from its program on (`sudo -u app env A=1 mkdir -p /x` gives `mkdir -p /x`), the
 * program possibly a word only known at build time; for a declaration (`export A=1`), all of them; empty
 * for a command that runs no program (`command -v x`, assignments alone, a wrapper whose options are not read).
 */
export function programWords(command: SimpleCommand): readonly ShellWord[] {
  if (command.declaration) return command.words;
  const read = readPrefixes(command);
  return read === null ? NO_WORDS : read.at === 0 ? command.words : command.words.slice(read.at);
}

const NO_WORDS: readonly ShellWord[] = [];

function readPrefixes(command: SimpleCommand): Prefixes | null {
  let p = prefixes.get(command);
  if (p === undefined) prefixes.set(command, (p = readPrefixesUncached(command)));
  return p;
}

/**
 * Skips what runs a program without being it: `NAME=value` assignments,
 * `sudo [opts]`, `env [opts] [NAME=value]`, `command`, `exec`, `nohup`, `time`, busybox before an applet,
 * the WRAPPERS (`rustup` only before `run`: `rustup target add …` runs rustup). Null when there is no program (a declaration, `command -v`, a wrapper's option not known).
 */
function readPrefixesUncached(command: SimpleCommand): Prefixes | null {
  if (command.declaration) return null;
  // Made only for a command that sets variables: most set none.
  return prefixesOf(command.words, command.assigns.length === 0 ? null : new Map(command.assigns.map((a) => [a.name, a.value])));
}

/**
 * The words from the program on of words that start a command line (`exec gosu app env A=1 node x`
 * once gosu's user is read: `env A=1 node x` gives `node x`); empty when they run no program.
 */
export function programWordsOf(words: readonly ShellWord[]): readonly ShellWord[] {
  const read = prefixesOf(words, null);
  return read === null ? NO_WORDS : read.at === 0 ? words : words.slice(read.at);
}

function prefixesOf(words: readonly ShellWord[], assigned: Map<string, string | null> | null): Prefixes | null {
  let env = assigned;
  let sudoWords: ShellWord[] | null = null;
  let i = 0;
  for (;;) {
    if (i >= words.length) return null;
    const v = words[i]!.value;
    const name = v === null ? null : basename(v);
    if (name === 'sudo') {
      const from = i;
      for (i++; words[i]?.value?.startsWith('-'); i++) if (SUDO_VALUED.has(words[i]!.value!)) i++;
      (sudoWords ??= []).push(...words.slice(from, i));
      i = assignments(words, i, (env ??= new Map()));
    } else if (name === 'env') {
      for (i++; words[i]?.value?.startsWith('-'); i++) if (words[i]!.value === '-u') i++;
      i = assignments(words, i, (env ??= new Map()));
    } else if (name === 'command') {
      // `command -v x` asks where x is; it does not run it.
      if (words[i + 1]?.value === '-v' || words[i + 1]?.value === '-V') return null;
      i += words[i + 1]?.value === '-p' ? 2 : 1;
    } else if (name === 'exec' || name === 'nohup' || name === 'time' || runsApplet(words, i)) {
      i++;
    } else if (name !== null && Object.hasOwn(WRAPPERS, name) && optionsAt(WRAPPERS[name]!, words, i + 1) !== null) {
      const wrapper = WRAPPERS[name]!;
      const at = wrappedAt(wrapper, words, optionsAt(wrapper, words, i + 1)!);
      if (at === null) return null;
      i = at;
    } else {
      const sudo = sudoWords === null ? null : { words: sudoWords, text: sudoWords.map((w) => w.raw).join(' '), user: sudoUser(sudoWords) };
      return { at: i, env: env ?? NO_ENV, sudo };
    }
  }
}

/**
 * Programs that run a command under a limit or a priority (`timeout 600 apt-get install …`,
 * `nice -n 19 make`), in a session of its own (`setsid cron`), or with a Rust toolchain (`rustup run nightly cargo
 * install …`, only by its subcommand `run`): the subcommand, their options, those that take a value, and the word that
 * comes before the command (timeout's duration, rustup's toolchain). An option not listed leaves the command unread.
 */
interface Wrapper {
  readonly subcommand: string | null;
  /** The program's own flags, before its subcommand (\`rustup -v run …\`). */
  readonly lead: readonly string[];
  readonly flags: readonly string[];
  readonly valued: readonly string[];
  readonly operand: RegExp | null;
  /**
   * Its operand is any one word the shell cannot split or match as a pattern, also one only known at build time
   * (\`rustup run "$TOOLCHAIN" cargo …\`), and its options may come after it too, up to the command, where \`--\` may
   * end them (clap's parsing of \`rustup run nightly --install -- cargo …\`).
   */
  readonly clap: boolean;
}

const DURATION = /^\d+(?:\.\d+)?[smhd]?$/;

const WRAPPERS: Readonly<Record<string, Wrapper>> = {
  nice: { subcommand: null, lead: [], flags: [], valued: ['-n', '--adjustment'], operand: null, clap: false },
  ionice: { subcommand: null, lead: [], flags: ['-t', '--ignore'], valued: ['-c', '-n', '--class', '--classdata'], operand: null, clap: false },
  stdbuf: { subcommand: null, lead: [], flags: [], valued: ['-i', '-o', '-e', '--input', '--output', '--error'], operand: null, clap: false },
  timeout: { subcommand: null, lead: [], flags: ['-v', '--verbose', '--preserve-status', '--foreground'], valued: ['-s', '-k', '--signal', '--kill-after'], operand: DURATION, clap: false },
  setsid: { subcommand: null, lead: [], flags: ['-c', '-f', '-w', '--ctty', '--fork', '--wait'], valued: [], operand: null, clap: false },
  // rust-lang/rustup src/cli/rustup_mode.rs (`rustup [--verbose|--quiet] run [--install] <TOOLCHAIN> <COMMAND>...`, clap's
  // trailing_var_arg: options and `--` up to the command's first word): a toolchain's name or its folder.
  rustup: { subcommand: 'run', lead: ['-v', '--verbose', '-q', '--quiet'], flags: ['--install'], valued: [], operand: /^[^-]/, clap: true },
};

/** The programs that run the command their words give (see WRAPPERS), by name. */
export const WRAPPER_PROGRAMS: readonly string[] = Object.keys(WRAPPERS);

/** Where a wrapper's options start, from the word after its name: past its subcommand, and the flags before that; null when it has another subcommand. */
function optionsAt(wrapper: Wrapper, words: readonly ShellWord[], from: number): number | null {
  if (wrapper.subcommand === null) return from;
  let i = from;
  while (words[i]?.value != null && wrapper.lead.includes(words[i]!.value!)) i++;
  return words[i]?.value === wrapper.subcommand ? i + 1 : null;
}

/** Where the command a wrapper runs starts, its options (and the word before the command) read from `from`; null when they cannot be read. */
function wrappedAt(wrapper: Wrapper, words: readonly ShellWord[], from: number): number | null {
  // Options end at \`--\`, and at the operand but for clap's.
  let options = true;
  let operand = wrapper.operand === null;
  for (let i = from; i < words.length; i++) {
    const word = words[i]!;
    const v = word.value;
    if (options && v !== null) {
      if (v === '--') {
        options = false;
        continue;
      }
      if (v.startsWith('-') && v !== '-') {
        if (/^-\d+$/.test(v) && wrapper === WRAPPERS.nice) continue; // `nice -10 make`
        if (wrapper.flags.includes(v)) continue;
        const eq = v.indexOf('=');
        if (v.startsWith('--') && eq !== -1 && wrapper.valued.includes(v.slice(0, eq))) continue;
        if (wrapper.valued.includes(v)) {
          i++;
          continue;
        }
        // `-n19`, `-oL`: a short option with its value attached.
        if (!v.startsWith('--') && v.length > 2 && wrapper.valued.includes(v.slice(0, 2))) continue;
        return null;
      }
    }
    // A word only known at build time where an option may be: which it is is not known.
    if (operand) return options && v === null ? null : i;
    const read = v === null ? wrapper.clap && oneWord(word) : wrapper.operand!.test(v) && (!wrapper.clap || oneWord(word));
    if (!read) return null;
    operand = true;
    if (!wrapper.clap) options = false;
  }
  return null;
}

/** Reads the `NAME=value` words from `from` on into `env`; returns the index of the first other word. */
function assignments(words: readonly ShellWord[], from: number, env: Map<string, string | null>): number {
  let i = from;
  for (; i < words.length; i++) {
    const word = words[i]!;
    const m = ASSIGNMENT.exec(word.value ?? word.raw);
    if (m === null) break;
    env.set(m[1]!, word.value === null ? null : m[2]!);
  }
  return i;
}

/** The variables of a command that sets none: shared, read only. */
const NO_ENV: ReadonlyMap<string, string | null> = new Map();

/** A command as written (its assignments, words and redirections, at script offsets), its parts joined by single spaces. */
export function commandText(script: ShellScript, c: SimpleCommand): string {
  const parts = [...c.assigns, ...c.words, ...c.redirects].sort((a, b) => a.start - b.start);
  return parts.map((p) => script.source.slice(p.start, p.end)).join(' ');
}
