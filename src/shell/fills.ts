/**
 * Which caches a command can fill. A cleanup only keeps a cache out of a layer
 * when it runs after the last command that downloads into it, and that is not
 * only the install: `apt-get update`, `add-apt-repository`, `dnf swap`, `yum
 * makecache`, `apk fetch`, `npm exec`, `npx`, `pip download`, `conda search` download too.
 */
import { invokedProgram, recognise } from './commands.js';
import type { CacheKind, PackageCommand, RunnerTool, SimpleCommand } from './types.js';

/** apt subcommands that read the lists and download packages into /var/cache/apt. */
const APT_DOWNLOADS = new Set([
  'install', 'reinstall', 'upgrade', 'dist-upgrade', 'full-upgrade', 'safe-upgrade', 'build-dep', 'source', 'download', 'satisfy',
  'changelog', 'markauto',
]);

/** apk subcommands that read or refresh the index and fetch packages. */
const APK_DOWNLOADS = new Set(['add', 'update', 'upgrade', 'fetch', 'fix', 'search', 'info', 'policy', 'dot', 'list']);

/** yum/dnf load repository metadata for every subcommand but these. */
const RPM_OFFLINE = new Set(['clean', 'history', 'config-manager', 'help', 'version', 'shell', 'mark']);

/** zypper refreshes repositories for every subcommand but these. */
const ZYPPER_OFFLINE = new Set([
  'clean', 'cc', 'addrepo', 'ar', 'removerepo', 'rr', 'modifyrepo', 'mr', 'renamerepo', 'nr', 'repos', 'lr', 'addservice', 'as',
  'removeservice', 'rs', 'services', 'ls', 'addlock', 'al', 'removelock', 'rl', 'locks', 'll', 'help', 'shell', 'sh',
]);

/** npm subcommands that fetch packages or their metadata into its cache (besides install/update). */
const NPM_DOWNLOADS = new Set([
  'exec', 'x', 'pack', 'dedupe', 'ddp', 'install-test', 'it', 'install-ci-test', 'cit', 'init', 'create', 'innit',
  'outdated', 'view', 'v', 'info', 'show', 'audit', 'doctor',
]);
const YARN_DOWNLOADS = new Set(['dlx', 'create', 'import', 'upgrade-interactive', 'info', 'outdated', 'why', 'audit']);
const PNPM_DOWNLOADS = new Set(['dlx', 'create', 'fetch', 'import', 'outdated', 'audit']);

/** The cache a runner downloads the package it runs into (corepack and Bun keep theirs elsewhere). */
const RUNNER_FILLS: Readonly<Record<RunnerTool, CacheKind | null>> = {
  npx: 'npm', 'npm exec': 'npm', pnpx: 'pnpm', 'pnpm dlx': 'pnpm', 'yarn dlx': 'yarn', bunx: null, 'bun x': null, corepack: null,
};

/** pip's subcommands that download into its cache (`pip wheel` keeps the wheels it builds there too). */
export const PIP_DOWNLOADS: ReadonlySet<string> = new Set(['install', 'download', 'wheel']);
/** conda's subcommands that fetch the channels' index or packages into the package cache. */
const CONDA_DOWNLOADS = new Set(['install', 'create', 'update', 'upgrade', 'remove', 'uninstall', 'search']);
const GEM_DOWNLOADS = new Set(['install', 'i', 'update', 'fetch']);

/**
 * The caches `command` may download into; empty when it fills none. Reads the
 * command as `recognise` does (through sudo, env, assignments) and also knows
 * `npx`, `pnpx` and `add-apt-repository` (which runs `apt-get update`).
 */
export function cachesFilled(command: SimpleCommand): readonly CacheKind[] {
  const r = recognise(command);
  if (r?.kind === 'package') {
    const own = packageFills(r);
    const runner = r.runner === null ? null : RUNNER_FILLS[r.runner.tool];
    // `npx pnpm@9 install` downloads pnpm into npm's cache before pnpm fills its own; `npx npm@10
    // cache clean` empties the cache its runner filled, or a cleanup would call for another.
    if (runner == null || own.includes(runner) || (r.action === 'clean' && r.manager === runner) || r.runner!.words.some((w) => w.value === '--offline')) return own;
    return [runner, ...own];
  }
  if (r !== null) return [];
  const program = invokedProgram(command);
  if (program === null) return [];
  const args = program.args.map((w) => w.value);
  switch (program.name) {
    case 'npx':
      return args.includes('--offline') ? [] : ['npm'];
    case 'pnpx':
      return ['pnpm'];
    case 'add-apt-repository':
    case 'apt-add-repository':
      // Since Ubuntu 18.04 it refreshes the lists unless told not to.
      return args.some((a) => a === '-n' || a === '--no-update') ? [] : ['apt-lists'];
    default:
      return [];
  }
}

function packageFills(p: PackageCommand): readonly CacheKind[] {
  const sub = p.subcommand.map((w) => w.value);
  const first = sub[0] ?? null;
  switch (p.manager) {
    case 'apt':
      if (first === 'update') return ['apt-lists'];
      return first !== null && APT_DOWNLOADS.has(first) ? ['apt-archives'] : [];
    case 'apk':
      if (p.hasFlag('--no-cache')) return [];
      return (first !== null && APK_DOWNLOADS.has(first)) || (first === 'cache' && (sub[1] === 'download' || sub[1] === 'sync')) ? ['apk'] : [];
    case 'yum':
    case 'dnf':
    case 'microdnf':
      if (p.hasFlag('-C', '--cacheonly') || (first !== null && RPM_OFFLINE.has(first)) || p.subcommand.length === 0) return [];
      return p.manager === 'yum' ? ['yum'] : ['dnf'];
    case 'zypper':
      return first === null || ZYPPER_OFFLINE.has(first) ? [] : ['zypper'];
    case 'pip':
      return first !== null && PIP_DOWNLOADS.has(first) && !p.hasFlag('--no-cache-dir') && p.env.get('PIP_NO_CACHE_DIR') === undefined ? ['pip'] : [];
    case 'npm':
      return p.action === 'install' || p.action === 'upgrade' || (first !== null && NPM_DOWNLOADS.has(first)) || (first === 'cache' && sub[1] === 'add') ? ['npm'] : [];
    case 'yarn':
      return p.action === 'install' || p.action === 'upgrade' || (first !== null && YARN_DOWNLOADS.has(first)) ? ['yarn'] : [];
    case 'pnpm':
      return p.action === 'install' || p.action === 'upgrade' || (first !== null && PNPM_DOWNLOADS.has(first)) ? ['pnpm'] : [];
    case 'gem':
      return first !== null && GEM_DOWNLOADS.has(first) ? ['gem'] : [];
    case 'conda':
    case 'mamba':
    case 'micromamba': {
      const downloads = first === 'env' ? sub[1] === 'create' || sub[1] === 'update' : first !== null && CONDA_DOWNLOADS.has(first);
      return downloads && !p.hasFlag('--offline') ? ['conda'] : [];
    }
    default:
      return [];
  }
}
