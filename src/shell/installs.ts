/**
 * Commands that may put programs on PATH under names they do not write: `pip install -r
 * requirements.txt` may bring a new pip, `make install` and `tar -C /usr/local` whatever
 * they hold, a script anything, a bare `go install` the program of its folder. A shell that
 * looked a program up before such a command runs the copy it remembered, not a new one
 * earlier on PATH.
 *
 * Not counted: the system's package managers (apt, apk, dnf…), which write /usr/bin and
 * /usr/sbin, after /usr/local on PATH, and keep a replaced program's path, where the shell
 * finds the new file; and an install that names its packages (`pip install flask`), which
 * counts by those names. A language's package manager installs programs beside itself: a new
 * pip from `pip install -r …` replaces the file the shell remembered, so pip and python are
 * safe from it (`besides`).
 */
import { cargoSubcommand, invokedProgram, invokedTool, recognise, WRAPPER_PROGRAMS } from './commands.js';
import { SHELL_PROGRAMS } from './options.js';
import { readInstall } from './files.js';
import { grammar, splitArgs } from './argv.js';
import { readUvPip } from './pythonTools.js';
import { shellString } from './strings.js';
import { PRIVILEGE_DROPPERS } from '../knowledge/privileges.js';
import type { PackageCommand, PackageManager, ShellWord, SimpleCommand } from './types.js';
import { BASE_SYSTEM_PROGRAMS as BASE_SYSTEM, GO_BUILD_VALUED, LANGUAGE_INSTALLERS as INSTALLERS, UNPACKERS } from '../knowledge/programs.js';

const SYSTEM_MANAGERS: ReadonlySet<PackageManager> = new Set(['apt', 'apk', 'yum', 'dnf', 'microdnf', 'zypper']);
const NODE_MANAGERS: ReadonlySet<PackageManager> = new Set(['npm', 'yarn', 'pnpm', 'bun']);

/** The words with which LANGUAGE_INSTALLERS install: unnamed when one of their other words is a path, a URL or a file (`python3 setup.py install`). */
const INSTALL_WORDS = new Set(['install', 'get', 'global', 'add', 'binstall']);

/** `uv pip install`'s options whose packages are in a file or a project: `-r requirements.txt`, `-e .`. */
const UV_PIP_FROM_FILES = new Set(['-r', '--requirements', '--requirement', '-e', '--editable', '--group']);

/** Build drivers whose `install` target copies what was built (under /usr/local by default). */
const BUILD_DRIVERS = new Set(['make', 'gmake', 'ninja', 'meson', 'cmake', 'scons']);

/** Programs that copy or link files to a destination that may be a folder on PATH. */
const COPIERS = new Set(['cp', 'mv', 'install', 'ln', 'rsync']);

/** A `bin` or `sbin` folder: what is copied into it lands under names the command does not write. */
const BIN_FOLDER = /(?:^|\/)s?bin\/?$/;

/** `go install`'s flags that take a value (`-tags netgo`). */
const GO_INSTALL = grammar(GO_BUILD_VALUED, false);

/**
 * Whether the command is a `go install` of the main package of the folder it runs in: it names no package, or `.`
 * (`./`). Its program is named by that folder's import path, which the command does not write: it counts as
 * installing any program, for a reader that cannot tell that folder.
 */
export function goInstallHere(command: SimpleCommand): boolean {
  const inv = mayInstall(command) ? invokedProgram(command) : null;
  if (inv === null || inv.name !== 'go' || inv.args[0]?.value !== 'install') return false;
  const packages = splitArgs(inv.args.slice(1), GO_INSTALL).positionals;
  return packages.length === 0 || (packages.length === 1 && (packages[0]!.value === '.' || packages[0]!.value === './'));
}

/** Whether an install could replace the copy of `program` a shell remembered (see BASE_SYSTEM). */
export function replaceableProgram(program: string): boolean {
  return !BASE_SYSTEM.has(program);
}

/** What an install may put on PATH without naming it: any program but those it installs beside (`besides`, by family). */
export interface UnnamedInstall {
  readonly besides: ReadonlySet<string>;
}

const ANYTHING: UnnamedInstall = { besides: new Set() };

/** The families a language's package manager installs beside: its own programs and its interpreter's. */
const BESIDE: Partial<Record<PackageManager, UnnamedInstall>> = {
  pip: { besides: new Set(['pip', 'python']) },
  npm: { besides: new Set(['npm', 'npx']) },
  yarn: { besides: new Set(['yarn']) },
  pnpm: { besides: new Set(['pnpm']) },
  bun: { besides: new Set(['bun', 'bunx']) },
  gem: { besides: new Set(['gem', 'ruby']) },
};

/** Every program name (behind no path) that may install unnamed, or run one that does (`sudo`, `env`…). */
const MAY_INSTALL = new Set([
  ...SHELL_PROGRAMS, ...INSTALLERS, ...BUILD_DRIVERS, ...UNPACKERS, ...COPIERS, 'source', '.', 'eval', 'tar', 'pip', 'pipenv', 'npm', 'yarn', 'pnpm', 'bun', 'gem',
  'sudo', 'env', 'command', 'exec', 'nohup', 'time', ...WRAPPER_PROGRAMS, ...PRIVILEGE_DROPPERS,
]);

/**
 * Whether the command may install programs, by its name alone: a package manager, a language's installer, a build
 * driver, an unpacker or copier, a script or shell, a program run by its path, as another user (\`su\`, \`gosu\`) or behind \`sudo\`, \`env\`, \`command\`,
 * \`timeout\`, \`rustup run\`…
 * Most commands of a body are none, and the readers of installs ask it of every one first.
 */
export function mayInstall(command: SimpleCommand): boolean {
  const name = command.name;
  return command.words.length > 0 && (name === null || name.includes('/') || MAY_INSTALL.has(name) || /^(?:pip|python)[0-9.]/.test(name));
}

/** What the command may put on PATH under names it does not write, or null when nothing. */
export function unnamedInstall(command: SimpleCommand): UnnamedInstall | null {
  if (!mayInstall(command)) return null;
  const recognised = recognise(command);
  if (recognised?.kind === 'package') return packageInstallUnnamed(recognised) ? (BESIDE[recognised.manager] ?? ANYTHING) : null;
  return mayAddProgramsUnnamed(command) ? ANYTHING : null;
}

function mayAddProgramsUnnamed(command: SimpleCommand, depth = 0): boolean {
  if (command.words.length === 0) return false;
  const recognised = recognise(command);
  if (recognised !== null) {
    if (recognised.kind === 'extract') return true;
    return recognised.kind === 'package' && packageInstallUnnamed(recognised);
  }
  const invoked = invokedProgram(command);
  // A program only known at build time, or behind `sudo`/`env` or a wrapper's words that are (`rustup run "$TOOLCHAIN" …`).
  if (invoked === null) return command.name === null || command.name === 'sudo' || command.name === 'env' || WRAPPER_PROGRAMS.includes(command.name);
  // A program run by a relative path, or by an absolute one outside a bin folder (\`/tmp/install.sh\`), is the build's own script or tool.
  if (invoked.path.includes('/') && (!invoked.path.startsWith('/') || !BIN_FOLDER.test(invoked.path.slice(0, invoked.path.lastIndexOf('/'))))) return true;
  const name = invoked.name;
  const args = invoked.args;
  // A program that runs a command as another user (\`su -c "cargo install ripgrep" root\`, \`gosu app make install\`),
  // its command not read here.
  if (PRIVILEGE_DROPPERS.has(name)) return true;
  // tar is an unpacker only when it extracts, which recognise() tells (`extract`) above.
  if (name === 'source' || name === '.' || name === 'eval' || (UNPACKERS.has(name) && name !== 'tar') || goInstallHere(command)) return true;
  if (SHELL_PROGRAMS.has(name)) return scriptMayAdd(command, depth);
  if (BUILD_DRIVERS.has(name)) return args.some((w) => w.value === null || w.value.includes('install'));
  // uv run as itself or as Python's module (`python -m uv pip install …`).
  const uv = invokedTool(command)!;
  if (uv.name === 'uv') {
    // `uv python install ${V}` installs Python interpreters alone, which its word `python` names.
    if (uv.args[0]?.value === 'python') return false;
    // `uv pip install -r requirements.txt`, `uv pip sync requirements.txt`: what they install is in a file.
    const uvPip = readUvPip(uv.args);
    // A path or URL among its words (`--find-links ./wheels`, `--index-url http://…`) counts, as for the other installers.
    if (uvPip !== null) return uvPip.sync || uvPip.options.some((o) => UV_PIP_FROM_FILES.has(o.name)) || uv.args.some((w) => !plainName(w));
  }
  if (INSTALLERS.has(name)) {
    // cargo's own options before its subcommand (\`--config ./ci.toml\`) say nothing of what it installs.
    const cargo = name === 'cargo' ? cargoSubcommand(args) : null;
    const own = cargo === null ? args : [cargo.sub, ...cargo.args];
    // `cargo-binstall ripgrep` installs with no word of INSTALL_WORDS: it is its program's own.
    return (name === 'cargo-binstall' || own.some((w) => w.value !== null && INSTALL_WORDS.has(w.value))) && own.some((w) => !plainName(w));
  }
  if (name === 'install') {
    // `install -d` makes folders; `install -t DIR`'s destination is its option's value.
    const destination = readInstall(args).dest;
    return destination !== null && (destination.value === null || BIN_FOLDER.test(destination.value));
  }
  if (COPIERS.has(name)) {
    const destination = args.filter((w) => !(w.value ?? '').startsWith('-')).at(-1);
    return destination !== undefined && (destination.value === null || BIN_FOLDER.test(destination.value));
  }
  return false;
}

/** `pip install -r …`, `pip install .`, `npm install -g ./pkg.tgz`, `gem install x.gem`: what it installs is not written. */
function packageInstallUnnamed(cmd: PackageCommand): boolean {
  if (cmd.action !== 'install' && cmd.action !== 'upgrade') return false;
  if (SYSTEM_MANAGERS.has(cmd.manager)) return false;
  if (NODE_MANAGERS.has(cmd.manager) && !globalNodeInstall(cmd)) return false;
  if (cmd.hasFlag('-r', '--requirement', '-e', '--editable')) return true;
  return cmd.operands.length === 0 || cmd.operands.some((w) => !plainName(w));
}

/** An npm, yarn, pnpm or bun command of the global packages (`npm i -g`, `yarn global add`), whose programs go on PATH. */
export function globalNodeInstall(cmd: PackageCommand): boolean {
  return cmd.hasFlag('-g', '--global') || cmd.optionValue('--location') === 'global' || cmd.subcommand.some((w) => w.value === 'global');
}

/** A package or program name as written, not a path, URL or file: `flask`, `pip==24.0`, `@scope/pkg@1`. */
function plainName(w: ShellWord): boolean {
  const v = w.value;
  if (v === null || v.startsWith('-')) return v !== null;
  // A path, a URL, or a pattern (\`go install example.com/cmd/...@latest\`: every program below).
  if (v.startsWith('.') || v.startsWith('/') || v.startsWith('~') || v.includes('://') || v.startsWith('git+') || v.includes('...')) return false;
  return !/\.(?:whl|gem|tgz|tar\.gz|zip|py)$/.test(v);
}

/**
 * A shell run with `-c` and a script it is given: that script's commands, read two strings deep; any other
 * (a file, standard input, a string not known or too deep) may do anything.
 */
function scriptMayAdd(shell: SimpleCommand, depth: number): boolean {
  const string = depth > 1 ? null : shellString(shell);
  if (string === null || !string.parsed.ok) return true;
  return string.parsed.commands.some((inner) => mayAddProgramsUnnamed(inner, depth + 1));
}
