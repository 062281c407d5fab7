/**
 * The command lines of Python's project tools, Poetry, uv and pipenv, read one way for every
 * reader: what a stage installs (analysis), what an install reads (deps-first), what it downloads
 * into a cache (cleanup-in-layer).
 */
import { grammar, splitArgs, type Grammar } from './argv.js';
import { PIP_VALUED } from './packages.js';
import type { CommandOption, ShellWord } from './types.js';

export type PythonTool = 'poetry' | 'uv' | 'pipenv';

/**
 * The options that take a value, global and the subcommands' own, so that a value is never read as
 * the subcommand or a package (`poetry -C app install`, `uv --python 3.12 sync`). An option not
 * listed reads as an operand, which callers take as a command line they do not know.
 */
const GRAMMARS: Readonly<Record<PythonTool, Grammar>> = {
  poetry: grammar(['-C', '--directory', '-P', '--project', '--with', '--without', '--only', '-E', '--extras'], false),
  uv: grammar(
    [
      '--directory', '--project', '--package', '--config-file', '--cache-dir', '--python', '-p', '--extra', '--group', '--no-group', '--only-group',
      '--index', '--default-index', '--index-url', '-i', '--extra-index-url', '--find-links', '-f', '--link-mode', '--index-strategy',
      '--keyring-provider', '--resolution', '--prerelease', '--exclude-newer', '--python-preference', '--color', '--no-install-package',
      '--upgrade-package', '-P', '--reinstall-package', '--refresh-package', '--no-build-package', '--no-binary-package', '--only-binary',
    ],
    false,
  ),
  pipenv: grammar(['--python', '--pypi-mirror', '--categories', '--extra-pip-args', '-r', '--requirements'], false),
};

export interface PythonToolArgs {
  /** The first word that is no option: the subcommand (`install`, `sync`, Poetry's `self`), or null when there is none. */
  readonly subcommand: ShellWord | null;
  /** The words after it that are no options: packages, or the subcommand of `poetry self`. */
  readonly operands: readonly ShellWord[];
  readonly options: readonly CommandOption[];
  has(...names: string[]): boolean;
}

/** A command line of `tool`, from the words after the program (after `python -m poetry`, for Poetry run as a module). */
export function readPythonTool(tool: PythonTool, words: readonly ShellWord[]): PythonToolArgs {
  const { options, positionals } = splitArgs(words, GRAMMARS[tool]);
  return {
    subcommand: positionals[0] ?? null,
    operands: positionals.slice(1),
    options,
    has: (...names) => options.some((o) => names.includes(o.name)),
  };
}

/** \`uv pip install\` and \`uv pip sync\`: pip's arguments, with uv's own options and file options. */
const UV_PIP = grammar(
  [
    ...PIP_VALUED, ...GRAMMARS.uv.valued, '--requirements', '--constraints', '--override', '--overrides', '-b', '--build-constraint',
    '--build-constraints', '--python-platform', '--torch-backend', '--config-setting',
  ],
  true,
);

export interface UvPipArgs {
  /** \`uv pip sync\`: its operands are requirements files. */
  readonly sync: boolean;
  readonly options: readonly CommandOption[];
  /** What follows \`install\` or \`sync\` that is no option: packages and paths, or sync's requirements files. */
  readonly operands: readonly ShellWord[];
}

/** \`uv pip install …\`/\`uv pip sync …\` from the words after the program (uv's own options may come first); null for another command. */
export function readUvPip(words: readonly ShellWord[]): UvPipArgs | null {
  const { positionals } = splitArgs(words, GRAMMARS.uv);
  const action = positionals[1];
  if (positionals[0]?.value !== 'pip' || (action?.value !== 'install' && action?.value !== 'sync')) return null;
  const { options, positionals: operands } = splitArgs(words.slice(words.indexOf(action) + 1), UV_PIP);
  return { sync: action.value === 'sync', options, operands };
}
