/**
 * Variables the shell itself reads, so that setting one changes what the shell does with the commands after
 * it (where it looks for programs, how it splits words, what it traces): POSIX's shell variables (XCU 2.5.3),
 * those bash and dash read besides, and the locale's (LC_*), whose collation and character classes globs and
 * `[ ]` use. A RUN that sets one, merged with the next, changes that RUN too.
 */
export const SHELL_VARIABLES: ReadonlySet<string> = new Set([
  // POSIX
  'ENV', 'HOME', 'IFS', 'LANG', 'LINENO', 'MAIL', 'MAILCHECK', 'MAILPATH', 'NLSPATH', 'OPTARG', 'OPTIND', 'PATH', 'PPID',
  'PS1', 'PS2', 'PS4', 'PWD', 'OLDPWD', 'CDPATH', 'FCEDIT', 'HISTFILE', 'HISTSIZE',
  // bash (and dash, where it reads them too)
  'BASH_ENV', 'BASH_COMPAT', 'BASH_XTRACEFD', 'BASHOPTS', 'SHELLOPTS', 'CHILD_MAX', 'COLUMNS', 'LINES', 'EXECIGNORE',
  'FIGNORE', 'FUNCNEST', 'GLOBIGNORE', 'GLOBSORT', 'HISTCONTROL', 'HISTFILESIZE', 'HISTIGNORE', 'HISTTIMEFORMAT', 'HOSTFILE',
  'INPUTRC', 'POSIXLY_CORRECT', 'PROMPT_COMMAND', 'PS0', 'PS3', 'RANDOM', 'SRANDOM', 'SECONDS', 'TIMEFORMAT', 'TMOUT', 'TMPDIR',
]);

/** Whether the shell itself reads `name` (SHELL_VARIABLES, or a locale category's LC_*). */
export function shellReads(name: string): boolean {
  return SHELL_VARIABLES.has(name) || /^LC_[A-Z]+$/.test(name);
}
