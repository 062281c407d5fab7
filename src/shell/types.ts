/**
 * The shell model every RUN transform shares. Offsets are UTF-16 indices into
 * the script (the RUN body's logical text) unless a name says otherwise; a
 * `RunBody`'s `offsets` maps them to file offsets.
 */

/** A reason to leave something alone; errors are values, not exceptions. */
export interface Refusal {
  readonly ok: false;
  readonly code: string;
  readonly reason: string;
}

/** One word of a command line, e.g. `"$HOME"/x` or `--no-cache`. */
export interface ShellWord {
  readonly start: number;
  readonly end: number;
  /** The script text of the word, quotes included. */
  readonly raw: string;
  /**
   * The word after quote removal, or null when it expands something the shell
   * only knows at run time: `$VAR`, `$(…)`, `$((…))`, `<(…)`, `$'…'`, extended globs.
   */
  readonly value: string | null;
  /** Unquoted glob, tilde or brace characters: the shell may turn it into other words. */
  readonly pattern: boolean;
}

/** `NAME=value` before a command (or an argument of `export`/`declare`). */
export interface Assignment {
  readonly start: number;
  readonly end: number;
  readonly name: string;
  /** Null when the value has expansions; '' for `NAME=`. */
  readonly value: string | null;
}

export interface Redirection {
  readonly start: number;
  readonly end: number;
  /** The operator as written, with any fd number: `>`, `2>&1`'s `2>&`, `<<<`. */
  readonly op: string;
  readonly target: ShellWord | null;
}

/** Where a command sits, outermost first. Empty: directly in a top-level and-or list. */
export type Construct =
  | 'pipeline'
  | 'subshell'
  | 'block'
  | 'if'
  | 'loop'
  | 'case'
  | 'function'
  | 'substitution';

/** A simple command: assignments, words and redirections, e.g. `FOO=1 apt-get install -y x >/dev/null`. */
export interface SimpleCommand {
  /** From the first assignment or word to the end of the last word or redirection. */
  readonly start: number;
  readonly end: number;
  readonly assigns: readonly Assignment[];
  /** argv as written; words[0] is the command name. Empty for a bare `FOO=bar`. */
  readonly words: readonly ShellWord[];
  /** words[0].value, or null when there is no name or it is not a literal. */
  readonly name: string | null;
  /** Values of words[1..]; null entries are not literals. */
  readonly args: readonly (string | null)[];
  readonly redirects: readonly Redirection[];
  /** `export`, `declare`, `local`, `readonly`, `typeset`: their arguments are assignments. */
  readonly declaration: boolean;
  readonly negated: boolean;
  /** It, or a list it belongs to, runs in the background (`&`). */
  readonly background: boolean;
  /**
   * Its standard output feeds the next command of a pipeline: `curl … | sh`, or a
   * command inside `{ …; } | sh`. Its own redirections (`>file`) are not taken into account.
   */
  readonly pipedOut: boolean;
  /**
   * The constructs it sits in, outermost first. A pipeline directly inside a pipeline
   * (`a | b | c` nests so in mvdan-sh's tree) counts once: a list of thousands of pipes
   * would otherwise give each command thousands of entries.
   */
  readonly enclosing: readonly Construct[];
  /** Index of the top-level statement that holds it (`ShellScript.statements`). */
  readonly statement: number;
}

export type AndOrOperator = '&&' | '||';

/** What ends a top-level statement. null: nothing, it is the last one. */
export type Separator = ';' | '&' | '\n' | null;

export type ItemKind =
  | 'command'
  | 'pipeline'
  | 'subshell'
  | 'block'
  | 'if'
  | 'loop'
  | 'case'
  | 'function'
  | 'other';

/** One element of an and-or list: a command, pipeline or compound command. */
export interface ListItem {
  readonly start: number;
  /** End of its content, before any `;` or `&`. */
  readonly end: number;
  readonly kind: ItemKind;
  readonly negated: boolean;
  /** Redirections on a compound item (`{ …; } >log`); a command keeps its own. */
  readonly redirected: boolean;
  /** Set when kind === 'command'. */
  readonly command: SimpleCommand | null;
}

/** A top-level and-or list: `a && b || c`, ended by `;`, `&`, a newline or the end. */
export interface Statement {
  readonly start: number;
  readonly end: number;
  readonly items: readonly ListItem[];
  /** operators[i] joins items[i] and items[i + 1]. */
  readonly operators: readonly AndOrOperator[];
  readonly separator: Separator;
  /** Offset of the `;` or `&`, when there is one. */
  readonly separatorAt: number | null;
}

export interface ShellComment {
  readonly start: number;
  readonly end: number;
}

/** A parsed script, owned by dockshift: no parser objects escape. */
export interface ShellScript {
  readonly ok: true;
  readonly source: string;
  readonly statements: readonly Statement[];
  /** Every simple command anywhere (in `if`, loops, subshells, `$(…)`), in source order. */
  readonly commands: readonly SimpleCommand[];
  readonly comments: readonly ShellComment[];
}

export interface ShellSyntaxError {
  readonly ok: false;
  readonly message: string;
  /** Script offset the parser points at. */
  readonly at: number;
}

// ---------------------------------------------------------------------------
// Recognised commands (commands.ts): what every RUN transform looks for.

/** One option of a command line: `-y`, `--virtual .deps`, `--setopt=tsflags=nodocs`. */
export interface CommandOption {
  /** `-y`, `--no-cache`; a bundle such as `-yq` gives one option per letter. */
  readonly name: string;
  readonly value: string | null;
  /** The word holding the option. */
  readonly word: ShellWord;
  /** The separate word holding its value (`-o FILE`), or null when attached or absent. */
  readonly valueWord: ShellWord | null;
}

/** `sudo` and its options before the program (`sudo -u node -H`): who runs it, and how. */
export interface SudoPrefix {
  /** `sudo` and its option words (values included), in order; several when sudo is repeated. */
  readonly words: readonly ShellWord[];
  /** Those words as written, joined by single spaces: `sudo -u node -H`. */
  readonly text: string;
  /** The user it runs as: the `-u`/`--user` value, `root` without one, null when not a literal. */
  readonly user: string | null;
}

/** How a program is invoked, once `sudo`, `env` and `NAME=value` prefixes are seen through. */
export interface Invocation {
  readonly command: SimpleCommand;
  /** The program word, e.g. `apt-get`, `/usr/bin/pip3`, `python3` (in `python3 -m pip`). */
  readonly program: ShellWord;
  /** Variables set for it: leading assignments and `env NAME=value`; null values are not literals. */
  readonly env: ReadonlyMap<string, string | null>;
  /** The `sudo` it runs under, or null. A command meant to act on what it did runs under the same one (`asInvoked`). */
  readonly sudo: SudoPrefix | null;
  readonly options: readonly CommandOption[];
  /** Words that are not options or option values, after any subcommand words. */
  readonly operands: readonly ShellWord[];
  /** True when any of `names` is among the options (`-y` matches inside a bundle like `-yq`). */
  hasFlag(...names: string[]): boolean;
  /** The last value given for any of `names`, undefined when none is present. */
  optionValue(...names: string[]): string | null | undefined;
}

export type PackageManager = 'apt' | 'apk' | 'yum' | 'dnf' | 'microdnf' | 'zypper' | 'pip' | 'npm' | 'yarn' | 'pnpm' | 'bun' | 'gem' | 'conda' | 'mamba' | 'micromamba';

/**
 * `update` refreshes the package index (apt-get update, apk update, zypper
 * refresh, yum makecache); `upgrade` upgrades installed packages (including
 * yum/dnf `update`); `clean` empties the manager's cache.
 */
export type PackageAction = 'install' | 'update' | 'upgrade' | 'remove' | 'clean' | 'other';

/** The programs that fetch a package and run it (runners.ts). */
export type RunnerTool = 'npx' | 'npm exec' | 'pnpx' | 'pnpm dlx' | 'yarn dlx' | 'bunx' | 'bun x' | 'corepack';

/** A runner a package manager runs through: `npx -y pnpm@9`, `corepack yarn`. */
export interface PackageRunner {
  readonly tool: RunnerTool;
  /** Its words, from the runner's program to the word naming the manager: `npx`, `-y`, `pnpm@9`. */
  readonly words: readonly ShellWord[];
  /** Those words as written, joined by single spaces: a command the same manager runs with starts so. */
  readonly text: string;
  /** The version asked for (`9`, `9.1.0`, `latest`); null when none is named or it is only known at build time. */
  readonly version: string | null;
  /** A version is named (`pnpm@…`), even one only known at build time. */
  readonly versioned: boolean;
}

export interface PackageCommand extends Invocation {
  readonly kind: 'package';
  readonly manager: PackageManager;
  /**
   * The runner that fetched the manager and ran it (`npx pnpm@9 install`), or null when the
   * manager is the program itself. `program` is then the word naming the manager (`pnpm@9`).
   */
  readonly runner: PackageRunner | null;
  readonly action: PackageAction;
  /** As written: [install], [cache, clean], [] for a bare `yarn`. */
  readonly subcommand: readonly ShellWord[];
  /** Script offset just after the last subcommand word (or the program): where a new flag goes. */
  readonly flagAt: number;
}

/** `rm` of some paths. */
export interface RemoveFiles extends Invocation {
  readonly kind: 'remove-files';
  readonly recursive: boolean;
  readonly force: boolean;
  readonly paths: readonly { readonly word: ShellWord; readonly cache: CacheKind | null }[];
}

/** `curl` or `wget` fetching URLs. */
export interface Download extends Invocation {
  readonly kind: 'download';
  readonly tool: 'curl' | 'wget';
  readonly urls: readonly ShellWord[];
  /** The file written, when known: `-o FILE`, or the URL's last path segment for `curl -O`/plain `wget`. */
  readonly output: string | null;
  /** The word naming the output file (`-o WORD`), to compare by its raw text when it is not a literal. */
  readonly outputWord: ShellWord | null;
  /** Writes to standard output (curl without -o/-O, `wget -O -`), usually into a pipe. */
  readonly toStdout: boolean;
  /** Where the fetched content ends up. */
  readonly sink: DownloadSink;
}

/**
 * Where a download's content goes: a `file` (`-o`, `-O`, `> file`), a `pipe` into the next
 * command, a `substitution` (`$(curl …)`, `<(curl …)`) whose text the shell uses, `discarded`
 * (`/dev/null`), or the build's `output` (standard output or error, read by no command).
 */
export type DownloadSink = 'file' | 'pipe' | 'substitution' | 'discarded' | 'output';

/** `tar` or `unzip` extracting an archive. */
export interface ExtractArchive extends Invocation {
  readonly kind: 'extract';
  readonly tool: 'tar' | 'unzip';
  /** tar's `-f` value, or unzip's first operand; null when tar reads standard input. */
  readonly archive: string | null;
  /** The word naming the archive (`-f WORD`), to compare by its raw text when it is not a literal. */
  readonly archiveWord: ShellWord | null;
  readonly fromStdin: boolean;
  /** tar's `-C` value, or unzip's `-d`. */
  readonly directory: string | null;
  /** The option that names the folder it extracts into (`-C`, `--directory`, `-d`) is given, whatever its value. */
  readonly intoFolder: boolean;
}

/**
 * shadow's `useradd`, creating an account; `adduser` where it is a link to useradd (Red Hat's family,
 * read so by `recogniseUseraddLink`). busybox and Debian `adduser` are other programs.
 */
export interface AddUser extends Invocation {
  readonly kind: 'add-user';
  readonly tool: 'useradd' | 'adduser';
  /** The login name, when there is one. */
  readonly login: ShellWord | null;
}

export type RecognisedCommand = PackageCommand | RemoveFiles | Download | ExtractArchive | AddUser;

/** Directories that only hold caches: removing them in the same RUN keeps them out of the layer. */
export type CacheKind =
  | 'apt-lists'
  | 'apt-archives'
  | 'apk'
  | 'yum'
  | 'dnf'
  | 'zypper'
  | 'pip'
  | 'npm'
  | 'yarn'
  | 'pnpm'
  | 'gem'
  | 'conda'
  | 'user-cache'
  | 'tmp';
