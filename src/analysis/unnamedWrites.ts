/**
 * Which commands of a RUN may write files their words do not name (UNNAMED_WRITERS): what multi-stage asks of a
 * go.mod a COPY brought no such file for, and what the start-script readers ask of a script a COPY put in the image.
 */
import * as path from 'node:path';
import { GIT_CLONE_VALUED, IN_PLACE_EDITORS, MODE_CHANGERS, RSYNC_OPTIONS, UNNAMED_WRITERS, WGET_OVERWRITING } from '../knowledge/programs.js';
import type { Instruction, ParsedDockerfile } from '../dockerfile/types.js';
import { own } from '../own.js';
import { globRegExp } from './copiedFiles.js';
import { commandText, programWords, readInstall, recognise, SHELL_PROGRAMS, shellString, type ShellScript, type ShellWord, type SimpleCommand } from '../shell/index.js';
import { argsOf, findCommands, optionOf, resolveIn, type Located } from './builds/plan.js';
import { short } from './pidOne.js';
import { runScriptsOf } from './runScripts.js';

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
    if (program === 'find') return findWrites(words);
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

/** Whether \`find\` with these words may write a file: an action runs a program that may (\`-exec sh -c …\`), or writes a list. */
function findWrites(words: readonly (string | null)[]): boolean {
  return words.some((w, k) => {
    if (w !== null && /^-(?:fprint0?|fprintf|fls)$/.test(w)) return true;
    if (w === null || !/^-(?:exec|execdir|ok|okdir)$/.test(w)) return false;
    const run = words[k + 1];
    return run == null || !MODE_CHANGERS.has(path.posix.basename(run));
  });
}

/**
 * How the RUN \`inst\` may write \`imagePath\` (absolute) over what a COPY put there, beyond the redirections and the
 * copies to that very path copiedFiles follows, as a reason says it after \`the RUN on line N\` (\`writes it (…)\`,
 * \`may write it (…)\`, \`, which is not read, may write it\`); null when it may not. It may when it is not read; when
 * a command names the path as what it writes (\`sed -i … start.sh\`, IN_PLACE_EDITORS; \`curl -o start.sh\`; \`wget
 * -N\` of it, not a plain \`wget\`, which saves \`start.sh.1\`), or copies into its folder a file of that name or a
 * folder above it; when an editor's file is a pattern that may match it (\`sed -i … /app/*.sh\`) or only known when
 * it runs (\`"$f"\`); or when one may write files its words do not name (unnamedWriter): a copy of a folder's
 * contents (\`cp -r /tmpl/. /app/\`) or of what a glob finds (\`cp /opt/scripts/* .\`) into a folder above it, a
 * \`git clone\` or \`rsync\` into one (or a clone given no folder, run in one), an archive unpacked there (tar and
 * unzip into the folder they are given, or they run in), a download whose file is not known, a fetch, a build, an
 * interpreter, a shell running a file. A copy that lands elsewhere (\`cp a.conf /etc/\`, \`install -m 755 a
 * /usr/local/bin/a\`, \`rsync -a /opt/src/ /opt/dest/\`, \`git clone URL /opt/app\`), an archive unpacked elsewhere,
 * and what only changes a file's mode (\`chmod +x start.sh\`) may not.
 */
export function replacingRun(file: ParsedDockerfile, inst: Instruction, imagePath: string): string | null {
  const scripts = runScriptsOf(file, inst);
  if (scripts.length === 0 || scripts.some((r) => r.parsed === null)) return ', which is not read, may write it';
  for (const r of scripts) {
    const located = new Map(findCommands(file, [r], () => true).map((c) => [c.command, c] as const));
    let kind = false as Write;
    const command = unnamedWriter(r.parsed!, (c, words) => {
      const at = located.get(c);
      kind = pathWrite(c, words[0]!, at, imagePath);
      return kind === undefined ? undefined : kind !== false;
    });
    if (command === null) continue;
    return kind === 'named' ? `writes it (\`${short(command)}\`)` : `may write it (\`${short(command)}\`, which may write files its words do not name)`;
  }
  return null;
}

/** Whether a command writes a path: by its name (\`cp /tmp/start.sh /app/\`), without it (\`cp -r /tmpl/. /app/\`), or not; undefined: not known here. */
type Write = 'named' | 'unnamed' | false | undefined;

/** The programs that copy or link files from the paths their words name to the one they end with (\`-t\` aside). */
const COPIERS: ReadonlySet<string> = new Set(['cp', 'mv', 'ln', 'install']);

/** How the command \`c\` (found at \`at\`, unless inside a shell string), whose program is \`program\`, may write \`imagePath\`. */
function pathWrite(c: SimpleCommand, program: string, at: Located | undefined, imagePath: string): Write {
  const cwd = at?.cwd ?? null;
  const under = (folder: string | null) => holds(folder, imagePath);
  if (COPIERS.has(program)) return at === undefined ? 'unnamed' : copyWrite(at, program, imagePath);
  if (at !== undefined && program === 'git' && at.words[1]?.value === 'clone') return cloneWrite(at, imagePath);
  if (at !== undefined && program === 'rsync') return rsyncWrite(at, imagePath);
  const editor = own(IN_PLACE_EDITORS, program);
  if (editor !== undefined) {
    const words = (at?.words ?? programWords(c)).slice(1);
    const values = words.map((w) => w.value);
    const on = editor.length === 0 || values.some((v) => v !== null && editor.some((o) => v === o || v.startsWith(`${o}=`) || (!o.startsWith('--') && new RegExp(`^-[A-Za-z]*${o.slice(1)}`).test(v))));
    if (!on) return false;
    const files = program === 'sed' ? sedFiles(words) : words.filter((w) => w.value === null || !w.value.startsWith('-'));
    if (files.some((w) => w.value !== null && names(cwd, w.value, imagePath))) return 'named';
    // A file the shell names when it runs (\`"$f"\`, \`"$ENTRY"\`) or a pattern that may match it (\`/app/*.sh\`).
    return files.some((w) => w.value === null || (w.pattern && mayMatch(cwd, w.value, imagePath))) && 'unnamed';
  }
  const known = recognise(c);
  if (known?.kind === 'download') {
    if (known.tool === 'wget') {
      // wget's -n takes the rest of its word as its value (\`-nc\`, \`-qnv\`): the letters after it are no options.
      const options = known.options.filter((o) => {
        const v = o.word.value ?? '';
        const n = v.startsWith('--') ? -1 : v.indexOf('n');
        return n === -1 || v.indexOf(o.name.slice(1)) < n;
      });
      // wget saves anew as \`start.sh.1\` beside the file the COPY put there, unless told to write over it.
      if (options.some((o) => WGET_OVERWRITING.recursive.includes(o.name))) return under(cwd) && 'unnamed';
      if (!options.some((o) => WGET_OVERWRITING.named.includes(o.name))) return false;
    }
    if (known.output !== null) return names(cwd, known.output, imagePath) && 'named';
    // A file named after a URL only known at build time, in the folder the command runs in.
    return !known.toStdout && known.sink === 'file' && (cwd === null || path.posix.dirname(imagePath) === cwd) && 'unnamed';
  }
  // tar and unzip write below the folder they are given, or the one they run in.
  if (known?.kind === 'extract') return under(trimmed(resolveIn(cwd, known.directory ?? '.'))) && 'unnamed';
  // A package manager writes its own folders (site-packages, node_modules), as apt-get does, unless it builds a
  // project of the image's (\`pip install -e .\`, \`pip install /opt/app\`), whose build may write anything.
  if (known?.kind === 'package') return known.action === 'other' || known.operands.some((w) => w.value === null || /^[./~]/.test(w.value)) || known.options.some((o) => o.name === '-e' || o.name === '--editable') ? undefined : false;
  // \`python -m venv /venv\` makes the environment in the folders it names.
  const values = (at?.words ?? programWords(c)).map((w) => w.value);
  if (/^python[\d.]*$/.test(program) && values[1] === '-m' && (values[2] === 'venv' || values[2] === 'virtualenv')) {
    const folders = values.slice(3).filter((v) => v === null || !v.startsWith('-'));
    return folders.some((v) => v === null || under(trimmed(resolveIn(cwd, v)))) && 'unnamed';
  }
  return undefined;
}

/**
 * The words of \`sed\` that name the files it reads: its operands but the script, which is the first unless an \`-e\` or
 * \`-f\` gives it (\`-e\`'s and \`-f\`'s values, \`-ne\` too; not \`-ie\`, whose \`e\` is -i's suffix, as GNU sed reads it).
 */
function sedFiles(words: readonly ShellWord[]): ShellWord[] {
  const operands: ShellWord[] = [];
  let scripted = false;
  for (let k = 0; k < words.length; k++) {
    const v = words[k]!.value;
    if (v !== null && /^(?:--expression|--file)$|^-[^-i]*[ef]$/.test(v)) {
      scripted = true;
      k++;
    } else if (v !== null && /^(?:--expression|--file)=|^-[^-i]*[ef]./.test(v)) scripted = true;
    else if (v === null || !v.startsWith('-')) operands.push(words[k]!);
  }
  return scripted ? operands : operands.slice(1);
}

/**
 * Whether the shell pattern \`pattern\` (as a command in \`cwd\` names it) may match \`imagePath\`: a glob resolved from
 * the folder, matched as the shell does but with dotfiles too; a relative one where the folder is not known, a tilde
 * or a brace may.
 */
function mayMatch(cwd: string | null, pattern: string, imagePath: string): boolean {
  if (/[{~]/.test(pattern)) return true;
  const at = trimmed(resolveIn(cwd, pattern));
  return at === null || globRegExp(at).test(imagePath);
}

/** A resolved path without the slash it may end with (\`/app/\`: /app), which resolveIn keeps. */
function trimmed(p: string | null): string | null {
  return p === null || p === '/' ? p : p.replace(/\/+$/, '');
}

/** Whether \`written\`, a path a command names, is \`imagePath\`: by its name alone where the command's folder is not known. */
function names(cwd: string | null, written: string, imagePath: string): boolean {
  if (written.includes('$')) return false;
  const at = trimmed(resolveIn(cwd, written));
  return at === null ? path.posix.basename(written) === path.posix.basename(imagePath) : at === imagePath;
}

/** Whether \`folder\` (resolved; null when not known) is the folder of \`imagePath\` or one above it. */
function holds(folder: string | null, imagePath: string): boolean {
  return folder === null || imagePath.startsWith(folder === '/' ? '/' : `${folder}/`);
}

/**
 * How \`git clone\` may write \`imagePath\`: below the folder it is given (\`git clone URL /opt/app\`), or a folder it
 * names after the repository in the one it runs in, which may be the script's when that one holds it.
 */
function cloneWrite(at: Located, imagePath: string): Write {
  const args = argsOf(at.words, GIT_CLONE_VALUED, 2);
  if (args.positionals.length > 2 || args.positionals.length === 0) return 'unnamed';
  const dest = args.positionals[1];
  if (dest === undefined) return holds(at.cwd, imagePath) && 'unnamed';
  if (dest.value === null || dest.value.includes(':')) return 'unnamed';
  return holds(trimmed(resolveIn(at.cwd, dest.value)), imagePath) && 'unnamed';
}

/** How \`rsync\` may write \`imagePath\`: below its last operand, as cp does; one writing its own files may anywhere. */
function rsyncWrite(at: Located, imagePath: string): Write {
  const args = argsOf(at.words, RSYNC_OPTIONS.valued);
  if (args.options.some((o) => RSYNC_OPTIONS.writing.includes(o.name))) return 'unnamed';
  // One operand lists it; a destination on another host (\`host:/path\`) writes nothing here.
  if (args.positionals.length < 2) return false;
  const dest = args.positionals.at(-1)!.value;
  if (dest !== null && /^[^/]*:/.test(dest)) return false;
  const to = trimmed(resolveIn(at.cwd, dest));
  return to === imagePath ? 'named' : holds(to, imagePath) && 'unnamed';
}

/** How a \`cp\`, \`mv\`, \`ln\` or \`install\` may write \`imagePath\`; a word it does not read may write anything. */
function copyWrite(at: Located, program: string, imagePath: string): Write {
  let sources: readonly ShellWord[];
  let dest: string | null | undefined;
  if (program === 'install') {
    const args = readInstall(at.words.slice(1));
    if (args.directories) return false;
    sources = args.sources;
    dest = args.dest?.value;
  } else {
    const args = argsOf(at.words, ['-t', '--target-directory', '-S', '--suffix']);
    const target = optionOf(args, '-t', '--target-directory');
    sources = target === undefined ? args.positionals.slice(0, -1) : args.positionals;
    dest = target === undefined ? args.positionals.at(-1)?.value : target;
  }
  if (dest === undefined || sources.length === 0) return false;
  const to = trimmed(resolveIn(at.cwd, dest));
  if (to === null) return 'unnamed';
  if (to === imagePath) return 'named';
  if (!holds(to, imagePath)) return false;
  const below = imagePath.slice(to.length).replace(/^\/+/, '').split('/');
  // A folder goes in whole: \`cp -r\`, \`cp -a\`, \`mv\`, a link to it.
  const folders = program === 'mv' || program === 'ln' || (program === 'cp' && at.words.some((w) => w.value !== null && (/^-[A-Za-z]*[rRa]/.test(w.value) || w.value === '--recursive' || w.value === '--archive')));
  for (const s of sources) {
    if (s.value === null || s.pattern || /(?:^|\/)\.\/?$/.test(s.value)) return 'unnamed';
    if (path.posix.basename(s.value) !== below[0]) continue;
    if (below.length === 1) return 'named';
    if (folders) return 'unnamed';
  }
  return false;
}
