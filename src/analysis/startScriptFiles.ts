/**
 * The scripts a container runs when it starts, read from the build context: what non-root-user
 * scans for privilege switching, and what cleanup-in-layer and install-flags read for package
 * commands run at start.
 */
import * as path from 'node:path';
import type { BuildContext } from '../engine/context.js';
import type { Instruction, ParsedDockerfile, Stage } from '../dockerfile/types.js';
import { stageLineage } from '../dockerfile/stages.js';
import { INIT_WRAPPERS } from '../knowledge/index.js';
import { contextFileAt, workdirOf } from './copiedFiles.js';
import { buildArgumentAtStart, buildArgumentWhy, wordAtStart } from './envWords.js';
import { originInUnknownWorkdir, pathIn, unknownBaseWorkdirWhy } from './paths.js';
import { baseName, commandWords, idleCommand, idleWords, runWords, startCommand, startScripts, wrappedProgram, type CommandPart, type StartCommand } from './startCommand.js';

export { wrappedProgram };
import { folderMove, parseScript, SHELL_PROGRAMS, shellCommandString, SU_PROGRAMS } from '../shell/index.js';
import { fileCopies } from './builds/plan.js';
import { runScripts } from './runScripts.js';
import { FileMemo } from '../memo.js';

/** Folders on the PATH of the images dockshift knows, where a bare program name is looked up. */
const PATH_DIRS = ['/usr/local/sbin', '/usr/local/bin', '/usr/sbin', '/usr/bin', '/sbin', '/bin'];

/**
 * A script the container runs at start: its text from the build context, or why it cannot be read.
 * `absent`: no COPY or ADD puts a file where the command looks for it, so it is the base image's,
 * a RUN's, or mounted when the container runs.
 */
export type StartScriptFile =
  /**
   * `path`: the build context's file, or where in the image a heredoc writes it (\`COPY <<EOF /start.sh\`). `config`: the
   * option the command names it with when its program reads it as its configuration rather than running it
   * (\`haproxy -f /usr/local/etc/haproxy/haproxy.cfg\`: \`-f\`), null for a script.
   */
  | {
      readonly word: string;
      readonly path: string;
      readonly text: string;
      readonly config: string | null;
      /**
       * The word names the file through an ENV that reads a build argument (\`exec $APP\` under \`ARG APP=/app/start.sh\`
       * and \`ENV APP=$APP\`): the text is the file of a plain build, read at the argument's default, and this says so; what
       * must hold for every build cannot rest on it (\`--build-arg\` may name another file). Absent otherwise.
       */
      readonly byDefault?: string;
    }
  | { readonly word: string; readonly text: null; readonly why: string; readonly inst: Instruction; readonly absent?: { readonly run: Instruction | null } };

/**
 * The scripts among the words the container starts with (the program, the one an init wrapper
 * starts, and arguments that name a script), in order, each looked up as the shell would and
 * read from the build context. Binaries, programs looked up on PATH that no COPY puts there (the
 * image's own, or a package's), and files that cannot be traced but do not look like scripts are
 * left out. A script named by its path that no COPY puts there, or found from a working folder
 * only known at build time, cannot be read: it is yielded without its text.
 */
export function startScriptFiles(file: ParsedDockerfile, stage: Stage, ctx: BuildContext | null, command: StartCommand = startCommand(file, stage)): readonly StartScriptFile[] {
  let byContext = found.get(file);
  if (byContext === undefined) found.set(file, (byContext = new Map()));
  let byCommand = byContext.get(ctx);
  if (byCommand === undefined) byContext.set(ctx, (byCommand = new Map()));
  const key = `${stage.index}\0${partKey(command.entrypoint)}\0${partKey(command.cmd)}`;
  let files = byCommand.get(key);
  if (files === undefined) byCommand.set(key, (files = [...readStartScriptFiles(file, stage, ctx, command)]));
  return files;
}

/**
 * The start scripts whose text was read that the container runs, not the files it reads as its configuration
 * (\`haproxy -f haproxy.cfg\`): what a question of the commands run when the container starts reads.
 */
export function startedScriptTexts(file: ParsedDockerfile, stage: Stage, ctx: BuildContext | null, command?: StartCommand): readonly { readonly word: string; readonly path: string; readonly text: string }[] {
  return startScriptFiles(file, stage, ctx, command).flatMap((f) => (f.text === null || f.config !== null ? [] : [f]));
}

/**
 * By file, build context (each pass over a proposed file has its own) and stage and command: five
 * checks of three transforms ask for the same scripts in every pass.
 */
const found = new FileMemo<Map<BuildContext | null, Map<string, readonly StartScriptFile[]>>>();

/** What identifies a part of the command: the instruction, and the words a caller may have read past (an init's). */
function partKey(part: CommandPart | null): string {
  return part === null ? '' : `${part.inst.index}\u0001${part.text}\u0001${part.argv?.join('\u0001') ?? ''}`;
}

function* readStartScriptFiles(file: ParsedDockerfile, stage: Stage, ctx: BuildContext | null, command: StartCommand): Generator<StartScriptFile> {
  const workdir = workdirOf(file, stage);
  const words = commandWords(command);
  // A shell command that changes folder (`cd /srv && ./run.sh`): its relative paths are not the WORKDIR's.
  const moves = words.some((w) => w === 'cd' || w === 'pushd');
  const started = wrappedProgram(words);
  for (const [i, written] of words.entries()) {
    let word = written;
    // A script named through a build argument's default (see byDefault) is read as a plain build names it, and said so.
    let byDefault: string | undefined;
    if (word.startsWith('-') || word.includes('=')) continue;
    if (word.includes('$')) {
      // The program a shell runs named with a variable (\`ENTRYPOINT /usr/bin/$INITSH\`, Oracle's RAC storage server):
      // the container's environment gives its value, which an ENV may set; else what runs is not known.
      // Elsewhere, a word that runs or names a script (\`exec $APP/start.sh\`, \`sh -c "$START"\`) is read by its value too.
      if (i !== 0 && i !== started && !runsWord(words, i) && !looksLikeScript(word, false)) continue;
      // \`exec "$@"\`, \`exec "$0" "$@"\`: the shell's own arguments, the command's later words, each read where it stands.
      if (/^"?\$(?:[@*#?$!0-9-]|\{[@*#?$!0-9-]\})"?$/.test(word)) continue;
      const named = programFromEnv(file, stage, command, word);
      if (named === undefined) continue;
      const inst = (command.entrypoint ?? command.cmd)?.inst;
      if (named === null) {
        if (inst !== undefined && (baseName(word).includes('$') || looksLikeScript(word, true))) {
          yield { word, text: null, why: `it is named with a variable that no ENV of the Dockerfile sets, so which file it is is only known when the container runs`, inst };
        }
        continue;
      }
      // \`ENV START="/app/start.sh --verbose"\`: the shell splits the value into words, or runs it as a command line.
      if (/\s/.test(named)) {
        if (inst !== undefined) yield { word, text: null, why: `it is named with a variable an ENV sets to several words (\`${named}\`), which the shell splits or runs as a command line, as dockshift does not follow`, inst };
        continue;
      }
      word = named;
      const argument = buildArgumentAtStart(file, stage, written);
      if (argument !== null) byDefault = `\`${written}\` is ${named} only with the build arguments at their defaults: ${buildArgumentWhy(argument)}, and \`--build-arg\` may name another file`;
    }
    // The init wrapper itself (\`/usr/bin/dumb-init\`, installed by a package) is a program, not a script: what it starts is read.
    if (i === 0 && Object.hasOwn(INIT_WRAPPERS, baseName(word))) continue;
    const program = i === 0 || i === started || (written !== word && runsWord(words, i));
    if (!program && !word.includes('/') && !/\.(?:sh|bash)$/.test(word)) continue;
    const byPath = !program || word.includes('/');
    // After a `cd`, a relative path is found from where the shell moved: followed as far as it is sure.
    const moved = moves && byPath && !word.startsWith('/') ? movedPath(command, workdir, word) : undefined;
    let candidates = word.startsWith('/')
      ? [word]
      : moved !== undefined
        ? moved === null ? [] : [moved]
        : byPath
          ? workdir === null ? [] : [path.posix.resolve(workdir, word)]
          : PATH_DIRS.map((d) => `${d}/${word}`);
    if (candidates.length === 0) {
      const set = workdirSetter(file, stage);
      const inst = (command.entrypoint ?? command.cmd)?.inst;
      if (byPath && looksLikeScript(word, program) && moved === null && inst !== undefined) {
        yield { word, text: null, why: `the command runs it after a \`cd\` to a folder dockshift does not follow`, inst };
      } else if (byPath && looksLikeScript(word, program) && set !== null) {
        yield { word, text: null, why: `it is looked up from the working folder, which the WORKDIR on line ${set.line} names with a variable only known at build time`, inst: set };
      } else if (program && word.includes('/') && looksLikeScript(word, program) && moved === undefined && inst !== undefined) {
        // No WORKDIR, on a base image whose own is not known (keycloak's init container on ubi8-minimal: \`CMD ["./extensions.sh"]\`):
        // the file a COPY to a relative destination put in that same folder, else unread.
        const same = originInUnknownWorkdir(file, stage, path.posix.normalize(word), ctx);
        if (same !== null) {
          const text = ctx?.read(same.path) ?? null;
          if (text !== null) yield { word, path: same.path, text, config: null, ...(byDefault === undefined ? {} : { byDefault }) };
          continue;
        }
        // A relative WORKDIR (\`WORKDIR app\`) names a folder inside that one, as unknown.
        const why = unknownBaseWorkdirWhy(file, stage);
        const relative = stageLineage(file, stage).flatMap((s) => s.instructions.filter((i) => i.keyword === 'WORKDIR')).sort((a, b) => a.index - b.index).at(-1);
        if (why !== null && relative === undefined) yield { word, text: null, why: `it is looked up from the working folder, ${why}`, inst };
        else if (why !== null) yield { word, text: null, why: `it is looked up from the working folder, which the WORKDIR on line ${relative!.line} names inside ${why.replace(', which the Dockerfile does not set and', ', which')}`, inst };
      }
      continue;
    }
    // A name a RUN links onto the PATH (`ln -s /opt/app/run.sh /usr/bin/app`) runs the file the link leads to.
    const link = linkTarget(file, stage, candidates);
    if (link !== null) candidates = [link];
    let copied = false;
    const config = program ? null : configOption(words, i);
    for (const imagePath of candidates) {
      // A script the container runs (not a configuration its program reads) is replaced by more than a write that names it.
      const origin = contextFileAt(file, stage, ctx, imagePath, config === null);
      if (origin.kind === 'not-copied') continue;
      copied = true;
      if (origin.kind === 'unknown') {
        if (origin.compiled !== true && looksLikeScript(link ?? word, program)) yield { word, text: null, why: link === null ? origin.why : `a link to ${link}: ${origin.why}`, inst: origin.inst };
        break;
      }
      // One written from a heredoc is read from the Dockerfile, and named by where it lands.
      if (origin.kind === 'inline') {
        yield { word, path: imagePath, text: origin.text, config, ...(byDefault === undefined ? {} : { byDefault }) };
        break;
      }
      const text = ctx?.read(origin.path) ?? null;
      // A binary (or a file too large to be a script) is not yielded.
      if (text !== null) yield { word, path: origin.path, text, config, ...(byDefault === undefined ? {} : { byDefault }) };
      break;
    }
    const inst = (command.entrypoint ?? command.cmd)?.inst;
    if (!copied && byPath && looksLikeScript(word, program) && inst !== undefined) {
      const run = namingRun(file, stage, candidates[0]!) ?? namingRun(file, stage, baseName(word));
      const why = `no COPY or ADD puts ${candidates[0]} in the image${run === null ? '' : `: the RUN on line ${run.line} may make it`}`;
      yield { word, text: null, why, inst, absent: { run } };
    }
  }
}

/**
 * A program word of the start command that holds a variable, read with the values the container's environment has
 * from the Dockerfile's ENVs (see wordAtStart); null when one of them is not known; undefined when no shell expands it
 * (a word of an exec-form command is run as written).
 */
function programFromEnv(file: ParsedDockerfile, stage: Stage, command: StartCommand, word: string): string | null | undefined {
  const parts = [command.entrypoint, command.cmd].filter((p) => p !== null);
  // An exec-form word is no shell's, and not expanded; a shell's \`-c\` string is (\`["sh", "-c", "$START"]\`).
  const literal = (argv: readonly string[]) => argv.some((a, k) => a === word && !isCommandString(argv, k));
  if (parts.some((p) => p.inst.form === 'exec' && p.argv !== null && literal(p.argv))) return undefined;
  return wordAtStart(file, stage, word);
}

/** Whether the \`i\`th word is the command \`exec\` hands over to, or a shell's command string: a program it runs. */
function runsWord(words: readonly string[], i: number): boolean {
  return words[i - 1] === 'exec' || isCommandString(words, i);
}

/** Whether the \`k\`th word is the command string of the shell nearest before it (\`sh -c\`, \`bash -lc\`, \`sh -eo pipefail -c\`). */
export function isCommandString(words: readonly string[], k: number): boolean {
  for (let j = k - 1; j >= 0; j--) if (SHELL_PROGRAMS.has(baseName(words[j]!))) return shellCommandString(words.slice(j)) === k - j;
  return false;
}

/** Options that name a file a program reads as its configuration: \`-f\` (haproxy), \`-c\` (nginx, supervisord), \`--config\`, \`-config.file\`. */
const CONFIG_OPTION = /^(?:-[fc]|--?(?:[\w-]+\.)?conf(?:ig)?(?:[.-]?file)?)$/i;

/** Programs whose \`-c\` or \`-f\` is a command they run (\`sh -c\`, \`su -c\`, \`flock -c\`) or a flag (dumb-init's \`-c\`, setsid's \`-f\`). */
const COMMAND_OPTION_PROGRAMS: ReadonlySet<string> = new Set([...SHELL_PROGRAMS, ...SU_PROGRAMS, ...Object.keys(INIT_WRAPPERS), 'flock', 'setsid']);

/**
 * The option that names the \`i\`th of the command's words when its program reads that file as its configuration
 * (\`haproxy -f /usr/local/etc/haproxy/haproxy.cfg\`, \`supervisord -c /etc/supervisord.conf\`), or null: a word named
 * as a script is (\`sh -c /start.sh\`), or given to a program whose option runs it, is run.
 */
function configOption(words: readonly string[], i: number): string | null {
  const option = words[i - 1];
  if (option === undefined || !CONFIG_OPTION.test(option) || looksLikeScript(words[i]!, false)) return null;
  const owner = words[i - 2];
  return owner !== undefined && COMMAND_OPTION_PROGRAMS.has(baseName(owner)) ? null : option;
}

/**
 * How a reason names a start file it found something in: a script by its path (start.sh), a configuration as the file
 * the command reads, with the option that names it (haproxy.cfg, the configuration file the command reads (-f
 * /usr/local/etc/haproxy/haproxy.cfg),): what a configuration names is no command the container runs.
 */
export function startFileNamed(f: Extract<StartScriptFile, { text: string }>): string {
  return f.config === null ? f.path : `${f.path}, the configuration file the command reads (\`${f.config} ${f.word}\`),`;
}

/** How a container waits forever, kept up for \`docker exec\`: the command line, and the start script it ends, if any. */
export interface IdleStart {
  readonly wait: string;
  /** The script whose last command waits (\`nginx; tail -f /dev/null\`), or null when the container's command itself does. */
  readonly script: string | null;
}

/**
 * How the stage's container waits forever, or null: its command (\`sleep infinity\`), or the start script
 * it runs, read from the build context, whose last command waits (\`caddy start; tail -f /dev/null\`): what
 * the script started before runs in the background, and the container stays up for whoever enters it.
 */
export function idleStart(file: ParsedDockerfile, stage: Stage, ctx: BuildContext | null): IdleStart | null {
  const command = startCommand(file, stage);
  const wait = idleCommand(command);
  if (wait !== null) return { wait, script: null };
  const end = startScriptEnd(file, stage, ctx, command);
  return end !== null && idleWords(end.words) ? { wait: end.words.join(' '), script: end.script } : null;
}

/**
 * The last command of the start script the container runs (its program, read from the build context), as
 * literal words without its assignments (\`LANG=C.utf8 bash\` is \`bash\`), with the script's word; null when the
 * program is no script that can be read, or its last command runs in the background or is not literal.
 */
export function startScriptEnd(
  file: ParsedDockerfile,
  stage: Stage,
  ctx: BuildContext | null,
  command: StartCommand = startCommand(file, stage),
): { readonly words: readonly string[]; readonly script: string } | null {
  const program = runWords(command)?.[0];
  if (program === undefined) return null;
  const started = startScriptFiles(file, stage, ctx, command).find((f) => f.word === program);
  if (started === undefined || started.text === null) return null;
  const script = parseScript(started.text);
  const last = script.ok ? script.statements.at(-1) : undefined;
  if (!script.ok || last === undefined || last.separator === '&') return null;
  const final = script.commands.filter((c) => c.start >= last.start && c.end <= last.end).at(-1);
  const words = final?.args.every((a) => a !== null) === true && final.name !== null ? [final.name, ...(final.args as string[])] : null;
  return words === null ? null : { words, script: program };
}

/**
 * Where the last symbolic link a RUN of the stage (or what it builds on) makes at one of `paths` leads,
 * when that is an absolute path (a relative one is found from the link's folder); null when no RUN links there.
 */
function linkTarget(file: ParsedDockerfile, stage: Stage, paths: readonly string[]): string | null {
  let target: string | null = null;
  for (const s of [...stageLineage(file, stage)].reverse()) {
    for (const { located, copies } of fileCopies(file, runScripts(file, s))) {
      if (located.words[0]?.value !== 'ln' || !located.words.some((w) => w.value !== null && /^-[a-zA-Z]*s/.test(w.value))) continue;
      const link = copies?.find((c) => paths.includes(c.to));
      if (link === undefined) continue;
      // A relative target is read from the link's folder, not the RUN's (\`ln -s usr/local/bin/entry.sh /entry.sh\`).
      const operands = located.words.slice(1).filter((w) => w.value === null || !w.value.startsWith('-'));
      const written = operands.length === 2 ? operands[0]!.value : null;
      target =
        written !== null && !written.startsWith('/') && !located.words.some((w) => w.value === '-t' || w.value?.startsWith('--target-directory') === true)
          ? path.posix.join(path.posix.dirname(link.to), written)
          : located.words.some((w) => w.value === link.from) ? link.from : null;
    }
  }
  return target;
}

/**
 * Where the command's shell runs relative `word` (a script, or a script an interpreter is given)
 * after its `cd`s (`cd /app && ./start.sh`): the path, as every command naming it finds it; null
 * when a `cd` before one is not followed, the commands disagree, or no command of a script it
 * can read names it.
 */
function movedPath(command: StartCommand, workdir: string | null, word: string): string | null {
  let found: string | null = null;
  for (const { script } of startScripts(command)) {
    const parsed = parseScript(script);
    if (!parsed.ok) return null;
    for (const c of parsed.commands) {
      // As the words were split: by value, or as written (`sh "./start.sh"` splits to `"./start.sh"`).
      const named = c.words.find((w) => w.value === word || w.raw === word);
      if (named === undefined) continue;
      const at = named.value === null ? null : pathIn(workdir, folderMove(parsed, c), named.value);
      if (at === null || (found !== null && found !== at)) return null;
      found = at;
    }
  }
  return found;
}

/**
 * The last WORKDIR of the stage (or what it builds on) that names its folder with a variable, which
 * makes the working folder unknown; null when none does (a folder unknown for its length alone).
 */
function workdirSetter(file: ParsedDockerfile, stage: Stage): Instruction | null {
  for (const s of stageLineage(file, stage)) {
    const last = s.instructions.filter((i) => i.keyword === 'WORKDIR' && i.argsSpan !== null && file.text.slice(i.argsSpan.start, i.argsSpan.end).includes('$')).at(-1);
    if (last !== undefined) return last;
  }
  return null;
}

/** The last RUN of the stage (or what it builds on) that names the file (its path, or its name), which may make it; or null. */
function namingRun(file: ParsedDockerfile, stage: Stage, name: string): Instruction | null {
  for (const s of stageLineage(file, stage)) {
    const run = s.instructions.filter((i) => i.keyword === 'RUN' && file.text.slice(i.span.start, i.span.end).includes(name)).at(-1);
    if (run !== undefined) return run;
  }
  return null;
}

/**
 * A name a start script has: a shell extension, or none and a word such as entrypoint or start.
 * Another extension names a file some other program reads (\`quarkus-run.jar\`, \`runner.dll\`),
 * except where the file is the program run: there Python's, Perl's and Ruby's name a script its
 * \`#!\` line hands to the interpreter (\`ENTRYPOINT ["/start.py"]\`), which may switch users as a shell's may.
 */
function looksLikeScript(word: string, program: boolean): boolean {
  const name = baseName(word);
  if (/\.(?:sh|bash)$/i.test(name)) return true;
  if (program && /\.(?:py|pl|rb)$/i.test(name)) return true;
  return !/\.[A-Za-z][A-Za-z0-9]*$/.test(name) && /entrypoint|docker-|start|run|boot|init/i.test(name);
}
