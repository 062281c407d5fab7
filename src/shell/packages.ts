import { grammar, splitArgs, type Grammar } from './argv.js';
import { own } from '../own.js';
import type { CommandOption, PackageAction, PackageManager, ShellWord } from './types.js';

interface ManagerSpec {
  readonly grammar: Grammar;
  readonly actions: Readonly<Record<string, PackageAction>>;
  /** Two-word subcommands: `npm cache clean`, `yarn global add`. */
  readonly nested?: Readonly<Record<string, Readonly<Record<string, PackageAction>>>>;
  /** What the program does with no subcommand (`yarn` installs). */
  readonly bare?: PackageAction;
}

const DNF_LIKE: ManagerSpec = {
  grammar: grammar(
    ['-c', '--config', '-d', '--debuglevel', '-e', '--errorlevel', '-R', '--randomwait', '-x', '--exclude',
      '--enablerepo', '--disablerepo', '--repo', '--repoid', '--installroot', '--releasever', '--setopt',
      '--downloaddir', '--destdir', '--forcearch'],
    true,
  ),
  actions: {
    install: 'install', groupinstall: 'install', localinstall: 'install', reinstall: 'install',
    update: 'upgrade', upgrade: 'upgrade', 'update-minimal': 'upgrade', 'upgrade-minimal': 'upgrade', 'distro-sync': 'upgrade',
    makecache: 'update',
    remove: 'remove', erase: 'remove', autoremove: 'remove', groupremove: 'remove',
    clean: 'clean',
  },
};

/**
 * conda, mamba and micromamba share one command line (argparse's for conda, CLI11's for micromamba
 * and mamba 2): `create` and `env create` make an environment with packages in it, which is an install.
 */
const CONDA_LIKE: ManagerSpec = {
  grammar: grammar(
    ['-n', '--name', '-p', '--prefix', '-c', '--channel', '-f', '--file', '-r', '--root-prefix', '--rc-file', '--clone', '--revision',
      '--solver', '--repodata-fn', '--subdir', '--platform', '--channel-priority', '--log-level', '--category'],
    true,
  ),
  actions: {
    install: 'install', create: 'install',
    update: 'upgrade', upgrade: 'upgrade',
    remove: 'remove', uninstall: 'remove',
    clean: 'clean',
  },
  nested: { env: { create: 'install', update: 'upgrade', remove: 'remove' } },
};

const NODE_INSTALL: Readonly<Record<string, PackageAction>> = {
  install: 'install', i: 'install', add: 'install', ci: 'install', 'clean-install': 'install', in: 'install',
  uninstall: 'remove', remove: 'remove', rm: 'remove', un: 'remove', r: 'remove',
  update: 'upgrade', up: 'upgrade', upgrade: 'upgrade',
};

/** pip's options that take a value (`uv pip` takes them too: shell/pythonTools.ts). */
export const PIP_VALUED: readonly string[] = [
  '-r', '--requirement', '-c', '--constraint', '-e', '--editable', '-i', '--index-url', '--extra-index-url',
  '-f', '--find-links', '-t', '--target', '--prefix', '--root', '--platform', '--python-version',
  '--implementation', '--abi', '--trusted-host', '--src', '--upgrade-strategy', '--progress-bar',
  '--cache-dir', '--log', '--log-file', '--proxy', '--timeout', '--default-timeout', '--retries', '--resume-retries',
  '--global-option', '--install-option', '--build-option', '--config-settings', '-C', '--report', '--python',
  '--exists-action', '--only-binary', '--no-binary', '--cert', '--client-cert', '--root-user-action',
  '--use-feature', '--use-deprecated', '--keyring-provider',
];

const SPECS: Readonly<Record<PackageManager, ManagerSpec>> = {
  apt: {
    grammar: grammar(['-o', '--option', '-c', '--config-file', '-t', '--target-release', '--default-release', '-a', '--host-architecture'], true),
    actions: {
      update: 'update', install: 'install', reinstall: 'install',
      upgrade: 'upgrade', 'dist-upgrade': 'upgrade', 'full-upgrade': 'upgrade',
      remove: 'remove', purge: 'remove', autoremove: 'remove', autopurge: 'remove',
      clean: 'clean', autoclean: 'clean', distclean: 'clean', 'dist-clean': 'clean',
    },
  },
  apk: {
    grammar: grammar(['-X', '--repository', '-p', '--root', '-t', '--virtual', '--repositories-file', '--keys-dir', '--arch', '--cache-dir', '--cache-max-age', '--timeout'], true),
    actions: { add: 'install', del: 'remove', update: 'update', upgrade: 'upgrade' },
    nested: { cache: { clean: 'clean', purge: 'clean' } },
  },
  yum: DNF_LIKE,
  dnf: DNF_LIKE,
  microdnf: DNF_LIKE,
  zypper: {
    grammar: grammar(['-r', '--repo', '-t', '--type', '--from', '-c', '--config', '-R', '--root', '-D', '--reposd-dir', '-C', '--cache-dir'], true),
    actions: {
      install: 'install', in: 'install',
      refresh: 'update', ref: 'update',
      update: 'upgrade', up: 'upgrade', 'dist-upgrade': 'upgrade', dup: 'upgrade', patch: 'upgrade',
      remove: 'remove', rm: 'remove',
      clean: 'clean', cc: 'clean',
    },
  },
  pip: {
    grammar: grammar(PIP_VALUED, true),
    actions: { install: 'install', uninstall: 'remove' },
    nested: { cache: { purge: 'clean', remove: 'clean' } },
  },
  npm: {
    // npm's settings that are not on or off take the next word as their value (`--fetch-retries 5`).
    grammar: grammar(
      ['--prefix', '-C', '--registry', '--cache', '--userconfig', '--globalconfig', '--loglevel', '-w', '--workspace', '--omit', '--include',
        '--tag', '--only', '--save-prefix', '--fetch-retries', '--fetch-retry-factor', '--fetch-retry-mintimeout',
        '--fetch-retry-maxtimeout', '--fetch-timeout', '--maxsockets', '--install-strategy', '--audit-level', '--location',
        '--before', '--script-shell', '--cafile', '--proxy', '--https-proxy', '--noproxy', '--node-options', '--logs-dir',
        '--logs-max', '--otp', '--lockfile-version', '--cpu', '--os', '--libc', '--scope'],
      false,
    ),
    actions: NODE_INSTALL,
    // npm takes `cache clear` and `cache rm` as `cache clean`.
    nested: { cache: { clean: 'clean', clear: 'clean', rm: 'clean' } },
  },
  yarn: {
    // Yarn 1's options that take a value (its `yarn --help`), and Berry's `install --mode`.
    grammar: grammar(
      ['--cwd', '--modules-folder', '--cache-folder', '--preferred-cache-folder', '--global-folder', '--link-folder', '--use-yarnrc',
        '--network-timeout', '--network-concurrency', '--registry', '--proxy', '--https-proxy', '--mutex', '--otp', '--mode'],
      false,
    ),
    actions: { install: 'install', add: 'install', remove: 'remove', upgrade: 'upgrade' },
    nested: { cache: { clean: 'clean' }, global: { add: 'install', remove: 'remove', upgrade: 'upgrade' } },
    bare: 'install',
  },
  pnpm: {
    grammar: grammar(
      ['-C', '--dir', '--filter', '-F', '--store-dir', '--registry', '--reporter', '--loglevel', '--network-concurrency',
        '--child-concurrency', '--workspace-concurrency', '--virtual-store-dir', '--modules-dir', '--lockfile-dir',
        '--package-import-method', '--node-linker', '--fetch-timeout', '--fetch-retries', '--resolution-mode',
        '--cache-dir', '--global-dir', '--test-pattern', '--changed-files-ignore-pattern'],
      false,
    ),
    actions: NODE_INSTALL,
    nested: { store: { prune: 'clean' } },
  },
  // Bun's package manager (bun.sh/docs/cli/install); `bun pm …`, `bun run`, `bun x` stay `other`.
  bun: {
    grammar: grammar(['-c', '--config', '--cwd', '--omit', '--ca', '--cafile', '--registry', '--backend', '--filter', '-F', '--cache-dir', '--concurrent-scripts', '--network-concurrency'], false),
    actions: { install: 'install', i: 'install', add: 'install', remove: 'remove', rm: 'remove', update: 'upgrade' },
  },
  gem: {
    grammar: grammar(['-v', '--version', '-i', '--install-dir', '-n', '--bindir', '-s', '--source', '-P', '--trust-policy', '--platform', '-g', '--file'], true),
    actions: { install: 'install', i: 'install', uninstall: 'remove', update: 'upgrade' },
  },
  conda: CONDA_LIKE,
  mamba: CONDA_LIKE,
  micromamba: CONDA_LIKE,
};

const PROGRAMS: Readonly<Record<string, PackageManager>> = {
  'apt-get': 'apt', apt: 'apt', aptitude: 'apt',
  apk: 'apk', yum: 'yum', dnf: 'dnf', microdnf: 'microdnf', zypper: 'zypper',
  npm: 'npm', yarn: 'yarn', pnpm: 'pnpm', bun: 'bun', gem: 'gem',
  conda: 'conda', mamba: 'mamba', micromamba: 'micromamba',
};

/**
 * The manager a program name (already stripped of its directory) invokes,
 * and how many words the invocation takes: `python3 -m pip` is three.
 */
export function managerOf(name: string, args: readonly (string | null)[]): { manager: PackageManager; words: number } | null {
  const known = lookup(PROGRAMS, name);
  if (known !== undefined) return { manager: known, words: 1 };
  if (/^pip(?:\d+(?:\.\d+)?)?$/.test(name)) return { manager: 'pip', words: 1 };
  if (/^python(?:\d+(?:\.\d+)?)?$/.test(name) && args[0] === '-m' && args[1] === 'pip') return { manager: 'pip', words: 3 };
  return null;
}

export interface PackageArgs {
  readonly action: PackageAction;
  readonly subcommand: readonly ShellWord[];
  readonly options: readonly CommandOption[];
  readonly operands: readonly ShellWord[];
}

/** Options that make a bare invocation print something instead of acting. */
const INFO_OPTIONS = new Set(['--version', '-v', '-V', '--help', '-h']);

/** Reads the words after the program: options anywhere, then subcommand(s) and operands. */
export function readPackageArgs(manager: PackageManager, words: readonly ShellWord[]): PackageArgs {
  const spec = SPECS[manager];
  const { options, positionals } = splitArgs(words, spec.grammar);
  const [first, second] = positionals;
  if (first === undefined) {
    // `yarn --version` asks, it does not install.
    const asks = options.some((o) => INFO_OPTIONS.has(o.name));
    return { action: asks ? 'other' : (spec.bare ?? 'other'), subcommand: [], options, operands: [] };
  }
  const nested = lookup(spec.nested, first.value);
  if (nested !== undefined && second !== undefined) {
    return { action: lookup(nested, second.value) ?? 'other', subcommand: [first, second], options, operands: positionals.slice(2) };
  }
  return { action: lookup(spec.actions, first.value) ?? 'other', subcommand: [first], options, operands: positionals.slice(1) };
}

/** Own keys only: a subcommand named `constructor` is not Object's. */
function lookup<V>(table: Readonly<Record<string, V>> | undefined, key: string | null): V | undefined {
  return table !== undefined && key !== null ? own(table, key) : undefined;
}
