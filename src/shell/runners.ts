/**
 * Package runners that fetch a package manager and run it: `npx pnpm@9 install`, `npx -y yarn@1`,
 * `pnpx`/`pnpm dlx`, `yarn dlx` (Yarn 2+), `bunx`/`bun x`, `npm exec -- pnpm install`, and
 * `corepack pnpm@9 install` (corepack's `<name>[@<version>] [args]`). What they run is the manager's
 * own command line, so `recognise` reads the words after the manager as that manager's, and keeps
 * the runner with the version it asked for.
 */
import type { PackageManager, PackageRunner, RunnerTool, ShellWord } from './types.js';
import { own } from '../own.js';

/** The bins of the npm packages that are package managers, by the manager they run. */
const MANAGER_BINS: Readonly<Record<string, PackageManager>> = { npm: 'npm', pnpm: 'pnpm', yarn: 'yarn', yarnpkg: 'yarn', bun: 'bun' };

interface RunnerGrammar {
  /** Options followed by a value (`-p pnpm@9`); `--name=value` needs no entry. */
  readonly valued: ReadonlySet<string>;
  /** Options taking no value. Any other option leaves the command unknown: it may take the next word. */
  readonly flags: ReadonlySet<string>;
  /** Options that name the package to fetch, the command being a bin of it. */
  readonly packageOptions: ReadonlySet<string>;
  /** Options that make the command a shell string (`npx -c 'pnpm install'`): not read here. */
  readonly shellOptions: ReadonlySet<string>;
}

/** npm 7+'s npx and `npm exec` (docs.npmjs.com/cli/commands/npx): options come before the package. */
const NPX: RunnerGrammar = {
  valued: new Set(['-p', '--package', '-c', '--call', '-w', '--workspace', '--cache', '--registry', '--userconfig', '--loglevel', '--prefix', '--node-options', '--shell', '-n', '--node-arg']),
  flags: new Set(['-y', '--yes', '--no', '--no-install', '-q', '--quiet', '--silent', '-s', '--offline', '--prefer-offline', '--prefer-online', '--ignore-existing', '--include-workspace-root', '-ws', '--workspaces', '--legacy-peer-deps', '--no-audit', '--no-fund', '--no-update-notifier']),
  packageOptions: new Set(['-p', '--package']),
  shellOptions: new Set(['-c', '--call']),
};

/** `pnpm dlx` and pnpx (pnpm.io/cli/dlx). */
const DLX: RunnerGrammar = {
  valued: new Set(['--package', '--allow-build', '--reporter']),
  flags: new Set(['-s', '--silent']),
  packageOptions: new Set(['--package']),
  shellOptions: new Set(['-c', '--shell-mode']),
};

/** Yarn 2+'s `yarn dlx` (yarnpkg.com/cli/dlx). */
const YARN_DLX: RunnerGrammar = {
  valued: new Set(['-p', '--package']),
  flags: new Set(['-q', '--quiet']),
  packageOptions: new Set(['-p', '--package']),
  shellOptions: new Set(),
};

/** bunx and `bun x` (bun.sh/docs/cli/bunx). */
const BUNX: RunnerGrammar = {
  valued: new Set(['-p', '--package']),
  flags: new Set(['--bun', '--silent', '--verbose', '--no-install']),
  packageOptions: new Set(['-p', '--package']),
  shellOptions: new Set(),
};

/** The programs readRunner reads (`npm`, `pnpm`, `yarn` and `bun` through a subcommand): a caller may skip any other. */
export const RUNNER_PROGRAMS: ReadonlySet<string> = new Set(['npx', 'pnpx', 'bunx', 'corepack', 'npm', 'pnpm', 'yarn', 'bun']);

/**
 * What a runner runs: a package manager, at `at` (an index into `rest`, the words after the
 * program), or `unknown` with why when it may run one but its words do not say which or how.
 */
export type RunnerRead =
  | { readonly kind: 'manager'; readonly manager: PackageManager; readonly at: number; readonly runner: PackageRunner }
  /** `script`: the shell string it runs (`npx -p pnpm@9 -c 'pnpm install'`), when a literal. */
  | { readonly kind: 'unknown'; readonly why: string; readonly script?: string };

/**
 * Reads `program` (its base name `name`) and the words after it as a package runner. Null when it
 * is no runner, or one that runs something other than a package manager.
 */
export function readRunner(program: ShellWord, name: string, rest: readonly ShellWord[]): RunnerRead | null {
  const sub = rest[0]?.value ?? null;
  switch (name) {
    case 'npx':
      return readRun('npx', NPX, program, rest, 0, false);
    case 'pnpx':
      return readRun('pnpx', DLX, program, rest, 0, false);
    case 'bunx':
      return readRun('bunx', BUNX, program, rest, 0, false);
    case 'npm':
      // Without `--`, npm reads the options after the command as its own (docs.npmjs.com/cli/commands/npm-exec).
      return sub === 'exec' || sub === 'x' ? readRun('npm exec', NPX, program, rest, 1, true) : null;
    case 'pnpm':
      return sub === 'dlx' ? readRun('pnpm dlx', DLX, program, rest, 1, false) : null;
    case 'yarn':
      return sub === 'dlx' ? readRun('yarn dlx', YARN_DLX, program, rest, 1, false) : null;
    case 'bun':
      return sub === 'x' ? readRun('bun x', BUNX, program, rest, 1, false) : null;
    case 'corepack':
      return readCorepack(program, rest);
    default:
      return null;
  }
}

function readRun(tool: RunnerTool, g: RunnerGrammar, program: ShellWord, rest: readonly ShellWord[], from: number, npmParsesLater: boolean): RunnerRead | null {
  const packages: (string | null)[] = [];
  let i = from;
  let dashDash = false;
  for (; i < rest.length; i++) {
    const w = rest[i]!;
    const v = w.value;
    if (v === null) {
      // `--package=$PKG`: an option whose value is only known at build time.
      const named = /^(-{1,2}[A-Za-z][\w-]*)=/.exec(w.raw);
      if (named === null) break;
      if (g.packageOptions.has(named[1]!)) packages.push(null);
      continue;
    }
    if (v === '--') {
      dashDash = true;
      i++;
      break;
    }
    if (!v.startsWith('-') || v === '-') break;
    const eq = v.indexOf('=');
    const opt = eq === -1 ? v : v.slice(0, eq);
    const value = eq === -1 ? (g.valued.has(opt) ? (rest[i + 1]?.value ?? null) : undefined) : v.slice(eq + 1);
    if (g.shellOptions.has(opt)) {
      if (!mentionsManager(rest)) return null;
      // npx's -c takes the string; pnpm dlx's -c makes its command one.
      const script = g.valued.has(opt) ? (value ?? undefined) : (rest.slice(i + 1).find((x) => x.value === null || !x.value.startsWith('-'))?.value ?? undefined);
      return { kind: 'unknown', why: `\`${tool} ${opt}\` runs a shell string`, ...(script === undefined ? {} : { script }) };
    }
    if (g.packageOptions.has(opt)) packages.push(value ?? null);
    if (eq === -1 && g.valued.has(opt)) i++;
    else if (eq === -1 && !g.flags.has(opt)) return mentionsManager(rest) ? { kind: 'unknown', why: `dockshift does not know whether \`${tool}\`'s ${opt} takes a value` } : null;
  }
  const word = rest[i];
  if (word === undefined) return null;
  const spec = specOf(word);
  if (spec === null) return mentionsManager(rest) ? { kind: 'unknown', why: `\`${tool}\` runs a command only known at build time` } : null;
  const manager = own(MANAGER_BINS, spec.name) ?? null;
  if (manager === null) return null;
  if (npmParsesLater && !dashDash && rest.slice(i + 1).some((w) => w.value === null || w.value.startsWith('-'))) {
    return { kind: 'unknown', why: `\`npm exec\` without \`--\` takes the options after ${spec.name} as its own` };
  }
  // With packages named (`npx -p pnpm@9 pnpm install`), the command is a bin of one of them.
  let version = spec.version;
  let versioned = spec.versioned;
  if (packages.length > 0) {
    // The version of the one package named after the manager; any other (a variable, two) leaves it unknown.
    const own = packages.map((p) => (p === null ? null : specOf({ value: p, raw: p }))).filter((p) => p === null || (Object.hasOwn(MANAGER_BINS, p.name) && MANAGER_BINS[p.name] === manager));
    const only = own.length === 1 ? own[0] : null;
    version = spec.versioned || only == null ? null : only.version;
    versioned = spec.versioned || own.length !== 1 || only == null || only.versioned;
  }
  return { kind: 'manager', manager, at: i, runner: runner(tool, program, rest.slice(0, i + 1), version, versioned) };
}

/** `corepack pnpm@9.1.0 install`, `corepack yarn install`: a manager named as corepack's first word. */
function readCorepack(program: ShellWord, rest: readonly ShellWord[]): RunnerRead | null {
  const word = rest[0];
  if (word === undefined) return null;
  const spec = specOf(word);
  if (spec === null || !Object.hasOwn(MANAGER_BINS, spec.name) || spec.name === 'bun') return null;
  return { kind: 'manager', manager: MANAGER_BINS[spec.name]!, at: 0, runner: runner('corepack', program, [word], spec.version, spec.versioned) };
}

function runner(tool: RunnerTool, program: ShellWord, words: readonly ShellWord[], version: string | null, versioned: boolean): PackageRunner {
  const all = [program, ...words];
  return { tool, words: all, text: all.map((w) => w.raw).join(' '), version, versioned };
}

/**
 * `pnpm@9` → pnpm, 9; `yarn` → yarn, no version; `pnpm@$V` → pnpm, a version only known at build
 * time (versioned, version null). Null for a word that names no package dockshift can read.
 */
function specOf(word: Pick<ShellWord, 'value' | 'raw'>): { name: string; version: string | null; versioned: boolean } | null {
  const text = word.value ?? word.raw.replace(/^["']/, '');
  // A scoped package (`@angular/cli@17`) is read too: it is no manager, not a command unknown until the build.
  const m = /^((?:@[a-z0-9][a-z0-9._-]*\/)?[a-z0-9][a-z0-9._-]*)(?:@(.*))?$/s.exec(text);
  if (m === null) return null;
  const name = m[1]!;
  if (m[2] === undefined) return word.value === null ? null : { name, version: null, versioned: false };
  return { name, version: word.value === null ? null : m[2], versioned: true };
}

/** Whether any word names a package manager, so a runner dockshift cannot read may run one. */
function mentionsManager(rest: readonly ShellWord[]): boolean {
  return rest.some((w) => /(?:^|[\s'"=/])(?:npm|pnpm|yarn|yarnpkg|bun)(?:@|\s|$|['"])/.test(w.raw));
}
