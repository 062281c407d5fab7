/**
 * Which commands of a RUN may write files their words do not name (UNNAMED_WRITERS): what multi-stage asks of a
 * go.mod a COPY brought no such file for, and what the start-script readers ask of a script a COPY put in the image.
 */
import * as path from 'node:path';
import { UNNAMED_WRITERS } from '../knowledge/programs.js';
import { commandText, programWords, SHELL_PROGRAMS, shellString, type ShellScript, type SimpleCommand } from '../shell/index.js';

/**
 * A program-specific answer for a command, given its program words' values (the program's base name first): true when
 * it may write, false when it may not, undefined to let UNNAMED_WRITERS decide.
 */
export type WriterRule = (command: SimpleCommand, words: readonly (string | null)[]) => boolean | undefined;

/**
 * A command of the script, or of a shell string it runs (\`sh -c "cp -r /tmpl/. ."\`), that may write files its words
 * do not name, as written (the shell string's text when it does not parse); null when none may: \`rule\` first, then
 * a program UNNAMED_WRITERS names (\`git\` but for its gitKeeps), a shell running a file, an interpreter, a program run
 * by a path, or one only known at build time (a prefix not read: \`sudo -u "$USER" …\`).
 */
export function unnamedWriter(script: ShellScript, rule: WriterRule = () => undefined): string | null {
  const writes = (c: SimpleCommand): boolean => {
    if (c.words.length === 0) return false;
    const words = programWords(c).map((w) => w.value);
    const program = words[0];
    if (program == null) return true;
    const own = rule(c, [path.posix.basename(program), ...words.slice(1)]);
    if (own !== undefined) return own;
    if (program.includes('/') || SHELL_PROGRAMS.has(program) || /^python[\d.]*$/.test(program)) return true;
    if (program === 'git') return words[1] === undefined || words[1] === null || !UNNAMED_WRITERS.gitKeeps.includes(words[1]);
    return UNNAMED_WRITERS.programs.has(program);
  };
  for (const c of script.commands) {
    const string = shellString(c);
    if (string === null) {
      if (writes(c)) return commandText(script, c);
      continue;
    }
    if (!string.parsed.ok) return string.text;
    const inner = unnamedWriter(string.parsed, rule);
    if (inner !== null) return inner;
  }
  return null;
}
