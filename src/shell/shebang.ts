import { posix } from 'node:path';

/** A script's `#!` line: `#!/bin/bash -e`, `#!/usr/bin/env bash`, `#!/usr/bin/env -S bash -e`. */
export interface Shebang {
  /** What follows `#!`, trimmed: `/usr/bin/env -S bash -e`. */
  readonly line: string;
  /** The interpreter the kernel starts, as written: `/usr/bin/env`, `/bin/bash`. */
  readonly path: string;
  /** The program that reads the script, by base name, seen through env: `bash`; '' when not known. */
  readonly program: string;
}

/** Options of env that take a value (`env -u NAME bash`, `env -C /dir bash`). */
const ENV_VALUED = new Set(['-u', '--unset', '-C', '--chdir']);

/** The `#!` line of a script's text, or null when it has none. */
export function shebangOf(text: string): Shebang | null {
  const m = /^#![ \t]*([^\r\n]*)/.exec(text);
  if (m === null) return null;
  const line = m[1]!.trim();
  const words = line.split(/[ \t]+/).filter((w) => w !== '');
  const path = words[0] ?? '';
  let at = 0;
  if (posix.basename(path) === 'env') {
    // `env -S bash -e`, `env -i PATH=/bin sh`: the program is the first word that is no option or assignment.
    at = 1;
    while (at < words.length && (words[at]!.startsWith('-') || /^[A-Za-z_][A-Za-z0-9_]*=/.test(words[at]!))) at += ENV_VALUED.has(words[at]!) ? 2 : 1;
  }
  const program = words[at];
  return { line, path, program: program === undefined ? '' : posix.basename(program) };
}
