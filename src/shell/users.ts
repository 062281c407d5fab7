/** Readers for the account commands transforms care about: shadow's useradd. */
import { grammar, splitArgs, type SplitArgs } from './argv.js';
import type { ShellWord } from './types.js';

/** shadow-utils useradd(8): the options that take a value; getopt bundles (`-rm`) allowed. */
const USERADD = grammar(
  ['-b', '-c', '-d', '-e', '-f', '-g', '-G', '-k', '-K', '-p', '-P', '-R', '-s', '-u', '-Z',
    '--base-dir', '--comment', '--home-dir', '--expiredate', '--inactive', '--gid', '--groups', '--skel', '--key',
    '--password', '--prefix', '--root', '--shell', '--uid', '--selinux-user', '--selinux-range'],
  true,
);

export interface UseraddArgs extends SplitArgs {
  /** The login name: the last operand, when there is one. */
  login: ShellWord | null;
}

export function readUseradd(words: readonly ShellWord[]): UseraddArgs {
  const split = splitArgs(words, USERADD);
  return { options: split.options, positionals: split.positionals, login: split.positionals.at(-1) ?? null };
}
