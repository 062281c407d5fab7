/** Readers for the account commands transforms care about: shadow's useradd and groupadd, busybox's and Debian's adduser. */
import { grammar, splitArgs, type SplitArgs } from './argv.js';
import type { ShellWord } from './types.js';

/**
 * shadow-utils useradd(8): the options that take a value; getopt bundles (\`-rm\`) allowed, and
 * getopt_long's unambiguous prefix \`--home\` of --home-dir.
 */
export const USERADD = grammar(
  ['-b', '-c', '-d', '-e', '-f', '-g', '-G', '-k', '-K', '-p', '-P', '-R', '-s', '-u', '-Z',
    '--base-dir', '--comment', '--home-dir', '--home', '--expiredate', '--inactive', '--gid', '--groups', '--skel', '--key',
    '--password', '--prefix', '--root', '--shell', '--uid', '--selinux-user', '--selinux-range'],
  true,
);

/** shadow-utils groupadd(8): the options that take a value. */
export const GROUPADD = grammar(['-g', '--gid', '-K', '--key', '-p', '--password', '-R', '--root', '-P', '--prefix'], true);

/** busybox adduser: the options that take a value (its -G names the primary group). */
export const BUSYBOX_ADDUSER = grammar(['-h', '-g', '-s', '-G', '-u', '-k'], true);

/** busybox addgroup: the option that takes a value. */
export const BUSYBOX_ADDGROUP = grammar(['-g', '--gid'], true);

/** Debian's adduser(8) script: its long options that take a value. */
export const DEBIAN_ADDUSER = grammar(
  ['--uid', '--gid', '--home', '--shell', '--gecos', '--comment', '--ingroup', '--firstuid', '--lastuid', '--firstgid', '--lastgid', '--conf', '--add-extra-groups', '--extrausers'],
  false,
);

export interface UseraddArgs extends SplitArgs {
  /** The login name: the last operand, when there is one. */
  login: ShellWord | null;
}

export function readUseradd(words: readonly ShellWord[]): UseraddArgs {
  const split = splitArgs(words, USERADD);
  return { options: split.options, positionals: split.positionals, login: split.positionals.at(-1) ?? null };
}
