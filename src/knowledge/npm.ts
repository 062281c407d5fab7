import type { Source } from './types.js';

/**
 * npm packages whose install dockshift knows: those that run an install script
 * (package-lock.json marks them `hasInstallScript`) with what that script does —
 * whether it compiles with node-gyp, and on which C libraries it finds a prebuilt
 * binary instead — and tools installed on their own whose install compiles nothing.
 * A package not listed here is unknown where the lockfile does not say it runs no
 * install script (yarn.lock, a package named on the command line): an analysis
 * cannot tell whether it needs a compiler.
 */
export interface NpmInstallScript {
  readonly name: string;
  /** `none`: the script compiles nothing (checks a binary shipped as an optional dependency, prints a message). */
  readonly compiles: 'none' | 'without-prebuild' | 'always';
  /** C libraries it finds prebuilt binaries for (linux x64). */
  readonly prebuilds: readonly ('glibc' | 'musl')[];
  readonly note: string;
  readonly source: Source;
}

const CHECKED = '2026-12-02';
const at = (url: string, note: string): Source => ({ url, checked: CHECKED, note });

export const NPM_INSTALL_SCRIPTS: readonly NpmInstallScript[] = [
  {
    name: 'npm', compiles: 'none', prebuilds: ['glibc', 'musl'],
    note: 'no install script; its dependencies are bundled in the package',
    source: at('https://registry.npmjs.org/npm/latest', '`scripts` has no preinstall/install/postinstall; `bundleDependencies` lists every dependency'),
  },
  {
    name: 'yarn', compiles: 'none', prebuilds: ['glibc', 'musl'],
    note: 'Yarn 1: no dependencies; its preinstall only checks for another yarn and ignores failures',
    source: at('https://registry.npmjs.org/yarn/latest', '`preinstall`: `:; (node ./preinstall.js > /dev/null 2>&1 || true)`; no `dependencies`'),
  },
  {
    name: 'corepack', compiles: 'none', prebuilds: ['glibc', 'musl'],
    note: 'no install script and no dependencies (a bundled build)',
    source: at('https://registry.npmjs.org/corepack/latest', '`scripts` has no install lifecycle script; no `dependencies`'),
  },
  {
    name: 'pnpm', compiles: 'none', prebuilds: ['glibc', 'musl'],
    note: 'no install script; what it depends on is bundled into the package when it is published',
    source: at('https://github.com/pnpm/pnpm/blob/main/pnpm/package.json', '`scripts` has no preinstall/install/postinstall; `prepublishOnly` packs the dependencies into dist with publish-packed'),
  },
  {
    name: 'esbuild', compiles: 'none', prebuilds: ['glibc', 'musl'],
    note: 'postinstall checks the platform binary that an optional dependency (@esbuild/linux-x64) brings',
    source: at('https://github.com/evanw/esbuild/blob/main/lib/npm/node-install.ts', 'validates the binary; no compiler'),
  },
  {
    name: 'core-js', compiles: 'none', prebuilds: ['glibc', 'musl'],
    note: 'postinstall prints a message',
    source: at('https://github.com/zloirock/core-js/blob/master/packages/core-js/postinstall.js', 'a banner only'),
  },
  {
    name: 'bcrypt', compiles: 'without-prebuild', prebuilds: ['glibc', 'musl'],
    note: 'node-pre-gyp downloads a prebuilt binding (glibc and musl) and compiles only when none fits',
    source: at('https://github.com/kelektiv/node.bcrypt.js#readme', 'prebuilt binaries for linux glibc and musl since 5.0'),
  },
  {
    name: 'canvas', compiles: 'without-prebuild', prebuilds: ['glibc'],
    note: 'prebuilds for glibc only; on musl it compiles and needs cairo, pango and a C++ toolchain',
    source: at('https://github.com/Automattic/node-canvas/issues/1814', 'no musl prebuilds'),
  },
  {
    name: 'sqlite3', compiles: 'without-prebuild', prebuilds: ['glibc', 'musl'],
    note: 'prebuild-install fetches a glibc or musl binding; compiles otherwise',
    source: at('https://github.com/TryGhost/node-sqlite3#prebuilt-binaries', 'linux x64 glibc and musl prebuilds'),
  },
  {
    name: 'better-sqlite3', compiles: 'without-prebuild', prebuilds: ['glibc', 'musl'],
    note: 'prebuild-install fetches a binding for the Node ABI; compiles otherwise',
    source: at('https://github.com/WiseLibs/better-sqlite3/blob/master/docs/compilation.md', 'prebuilt binaries for LTS Node on linux glibc and musl'),
  },
  {
    name: 'node-sass', compiles: 'without-prebuild', prebuilds: ['glibc', 'musl'],
    note: 'downloads a libsass binding for the Node ABI (linux and linux_musl); deprecated, compiles otherwise',
    source: at('https://github.com/sass/node-sass#supported-environments', 'binaries for linux and alpine per Node version'),
  },
];

/** The entry for an npm package name, or null when unknown. */
export function npmInstallScript(name: string): NpmInstallScript | null {
  return NPM_INSTALL_SCRIPTS.find((e) => e.name === name) ?? null;
}
