/**
 * The scripts a container runs when it starts, read from the build context: what non-root-user
 * scans for privilege switching, and what cleanup-in-layer and install-flags read for package
 * commands run at start.
 */
import * as path from 'node:path';
import type { BuildContext } from '../engine/context.js';
import type { Instruction, ParsedDockerfile, Stage } from '../dockerfile/types.js';
import { INIT_WRAPPERS } from '../knowledge/index.js';
import { contextFileAt, workdirOf } from './copiedFiles.js';
import { baseName, commandWords, startCommand, type StartCommand } from './startCommand.js';

/** Folders on the PATH of the images dockshift knows, where a bare program name is looked up. */
const PATH_DIRS = ['/usr/local/sbin', '/usr/local/bin', '/usr/sbin', '/usr/bin', '/sbin', '/bin'];

/** A script the container runs at start: its text from the build context, or why it cannot be read. */
export type StartScriptFile =
  | { readonly word: string; readonly path: string; readonly text: string }
  | { readonly word: string; readonly text: null; readonly why: string; readonly inst: Instruction };

/**
 * The scripts among the words the container starts with (the program, the one an init wrapper
 * starts, and arguments that name a script), in order, each looked up as the shell would and
 * read from the build context. Programs that are not copied from it, binaries, and files that
 * cannot be traced but do not look like scripts are left out.
 */
export function* startScriptFiles(file: ParsedDockerfile, stage: Stage, ctx: BuildContext | null, command: StartCommand = startCommand(file, stage)): Generator<StartScriptFile> {
  const workdir = workdirOf(file, stage);
  const words = commandWords(command);
  const started = wrappedProgram(words);
  for (const [i, word] of words.entries()) {
    if (word.startsWith('-') || word.includes('=') || word.includes('$')) continue;
    const program = i === 0 || i === started;
    if (!program && !word.includes('/') && !/\.(?:sh|bash)$/.test(word)) continue;
    const candidates = word.startsWith('/')
      ? [word]
      : word.includes('/') || !program
        ? workdir === null ? [] : [path.posix.resolve(workdir, word)]
        : PATH_DIRS.map((d) => `${d}/${word}`);
    for (const imagePath of candidates) {
      const origin = contextFileAt(file, stage, ctx, imagePath);
      if (origin.kind === 'not-copied') continue;
      if (origin.kind === 'unknown') {
        if (looksLikeScript(word)) yield { word, text: null, why: origin.why, inst: origin.inst };
        break;
      }
      const text = ctx?.read(origin.path) ?? null;
      // A binary (or a file too large to be a script) is not yielded.
      if (text !== null) yield { word, path: origin.path, text };
      break;
    }
  }
}

/**
 * Where the program an init wrapper starts is in the command's words (`tini -- docker-entrypoint.sh`:
 * 2), or -1. The wrapper looks it up on PATH, as the shell looks up the first word.
 */
export function wrappedProgram(words: readonly string[]): number {
  const init = words.length === 0 ? '' : baseName(words[0]!);
  if (!Object.hasOwn(INIT_WRAPPERS, init)) return -1;
  const valued = INIT_WRAPPERS[init]!;
  for (let i = 1; i < words.length; i++) {
    const w = words[i]!;
    if (w === '--') return i + 1;
    if (!w.startsWith('-')) return i;
    if (valued.includes(w)) i++;
  }
  return -1;
}

/**
 * A name a start script has: a shell extension, or none and a word such as entrypoint or start.
 * Another extension names a file some other program reads (\`quarkus-run.jar\`, \`runner.dll\`).
 */
function looksLikeScript(word: string): boolean {
  const name = baseName(word);
  if (/\.(?:sh|bash)$/i.test(name)) return true;
  return !/\.[A-Za-z][A-Za-z0-9]*$/.test(name) && /entrypoint|docker-|start|run|boot|init/i.test(name);
}
