/**
 * Folders inside the image as the Dockerfile names them: the WORKDIR in effect at an
 * instruction, and paths resolved against it. A stage on an image starts in that image's
 * own WORKDIR, which the Dockerfile does not say, so paths keep track of which base they
 * are relative to. A WORKDIR's variables are expanded where every build gives them the same
 * value (an ENV of a literal); a word with any other variable is kept as written: two such paths
 * are the same folder only when written the same way under the same variables.
 */
import * as path from 'node:path';
import { countBefore } from '../sorted.js';
import { logicalText } from './logical.js';
import { fromParents } from './stages.js';
import type { Instruction, ParsedDockerfile, Stage } from './types.js';
import { fixedValues, variablesAt } from './variables.js';
import { expandWord, unquoteWord } from './words.js';
import { FileMemo } from '../memo.js';

export interface ImagePath {
  /** `root`: an absolute path; `image`: relative to the base image's WORKDIR. */
  readonly base: 'root' | 'image';
  /** Normalised, `/`-separated, no trailing slash; `.` for the base itself (`/` for the root). */
  readonly path: string;
}

const IMAGE_WORKDIR: ImagePath = { base: 'image', path: '.' };
const ROOT: ImagePath = { base: 'root', path: '/' };

/**
 * `p` (as a Dockerfile writes it: quotes removed, variables kept) resolved against `dir`.
 * A path that starts with a variable (`$APP_HOME/x`) is taken as absolute, as such paths are.
 */
export function resolveIn(dir: ImagePath, p: string): ImagePath {
  if (isAbsolute(p)) return { base: 'root', path: path.posix.normalize(p).replace(/(.)\/+$/, '$1') };
  return join(dir, p);
}

function isAbsolute(p: string): boolean {
  return p.startsWith('/') || p.startsWith('$');
}

/** A relative path resolved against `dir`. */
function join(dir: ImagePath, relative: string): ImagePath {
  // One plain name below a normal folder: nothing to normalise (most WORKDIRs and COPY targets).
  if (relative !== '' && relative !== '.' && relative !== '..' && !relative.includes('/')) {
    return { base: dir.base, path: dir.path === '.' ? relative : dir.path === '/' ? `/${relative}` : `${dir.path}/${relative}` };
  }
  return { base: dir.base, path: path.posix.normalize(path.posix.join(dir.path, relative)).replace(/(.)\/+$/, '$1') };
}

/** The WORKDIR in effect when `inst` runs: the WORKDIRs of its stage and the stages it builds on. */
export function workdirAt(file: ParsedDockerfile, inst: Instruction): ImagePath {
  const stage = file.stages[inst.stage];
  return stage === undefined ? IMAGE_WORKDIR : workdirBefore(file, stage, inst.index);
}

/** The folder a WORKDIR instruction makes current: what the instructions after it run in. */
export function workdirSetBy(file: ParsedDockerfile, inst: Instruction): ImagePath {
  const stage = file.stages[inst.stage];
  return stage === undefined ? IMAGE_WORKDIR : workdirBefore(file, stage, inst.index + 1);
}

/** The WORKDIR the stage's container starts in: after all its instructions. */
export function workdirAtEnd(file: ParsedDockerfile, stage: Stage): ImagePath {
  return workdirBefore(file, stage, Number.POSITIVE_INFINITY);
}

/**
 * As workdirAtEnd, but with each build argument at its default (`ARG APP=/qdrant` then `WORKDIR
 * ${APP}` gives /qdrant): the folder a build without `--build-arg` starts in. For a check that
 * refuses when that build would fail, never for a path a transform writes.
 */
export function workdirAtEndByDefault(file: ParsedDockerfile, stage: Stage): ImagePath {
  const workdirs = workdirsOf(file, true)[stage.index]!;
  return endOf(workdirs);
}

function workdirBefore(file: ParsedDockerfile, stage: Stage, before: number): ImagePath {
  const workdirs = workdirsOf(file)[stage.index]!;
  // The last WORKDIR of the stage before `before` (changes are in file order), else what the stage starts in.
  const last = countBefore(workdirs.changes, (c) => c.index < before) - 1;
  return last < 0 ? workdirs.start : dirAfter(workdirs, last);
}

interface StageWorkdirs {
  /** What the stage starts in: where the stage it builds on ends, or its image's own WORKDIR (`/` for scratch). */
  readonly start: ImagePath;
  /** Each WORKDIR of the stage, in order, with its argument (quotes removed, variables kept) and line. */
  readonly changes: readonly { readonly index: number; readonly word: string; readonly line: number }[];
  /** The folder in effect after some WORKDIRs, once worked out (see dirAfter). */
  readonly dirs: (ImagePath | undefined)[];
}

/** Linux's PATH_MAX: a longer folder is not one a build can be relied on to reach. */
export const PATH_MAX = 4096;

/** Of the folders worked out on the way to another, one in this many is kept. */
const CHECKPOINT = 256;

/**
 * The folder in effect after the stage's k-th WORKDIR, resolving the WORKDIRs in turn
 * from the last folder known (or the last absolute one). A chain of relative WORKDIRs
 * makes folders that grow with it: keeping each of thousands, or rebuilding each from
 * the start, grew with the square of the chain. So only some are kept, and a folder
 * longer than PATH_MAX becomes an unknown one, named after its WORKDIR (a `$` marks it,
 * as a variable would), below which the chain goes on.
 */
function dirAfter(workdirs: StageWorkdirs, k: number): ImagePath {
  const { start, changes, dirs } = workdirs;
  const known = dirs[k];
  if (known !== undefined) return known;
  let from = k;
  while (from >= 0 && dirs[from] === undefined && !isAbsolute(changes[from]!.word)) from--;
  let dir = from < 0 ? start : (dirs[from] ?? limited(resolveIn(ROOT, changes[from]!.word), changes[from]!.line));
  for (let j = from + 1; j <= k; j++) {
    const next = join(dir, changes[j]!.word);
    // `..` may climb out of an unknown folder: it is then another unknown one.
    const unknownLeft = dir.path.startsWith(UNKNOWN) && !next.path.startsWith(dir.path.slice(0, dir.path.indexOf('>') + 1));
    dir = unknownLeft ? unknownFolder(changes[j]!.line) : limited(next, changes[j]!.line);
    if (j % CHECKPOINT === 0) dirs[j] = dir;
  }
  dirs[k] = dir;
  return dir;
}

const UNKNOWN = '$<';

function unknownFolder(line: number): ImagePath {
  return { base: 'root', path: `${UNKNOWN}folder of the WORKDIR on line ${line}, longer than PATH_MAX>` };
}

function limited(dir: ImagePath, line: number): ImagePath {
  return dir.path.length > PATH_MAX ? unknownFolder(line) : dir;
}

const workdirsByFile = new FileMemo<readonly StageWorkdirs[]>();
const defaultWorkdirsByFile = new FileMemo<readonly StageWorkdirs[]>();

/**
 * Every stage's WORKDIRs, resolved once per parsed file in stage order (a stage
 * builds only on earlier ones): asked for every COPY and path, a walk back over
 * the file each time made a file of many WORKDIRs quadratic.
 */
function workdirsOf(file: ParsedDockerfile, byDefault = false): readonly StageWorkdirs[] {
  const memo = byDefault ? defaultWorkdirsByFile : workdirsByFile;
  const known = memo.get(file);
  if (known !== undefined) return known;
  const all = fromParents<StageWorkdirs>(file, (stage, parent) => {
    const start = parent !== null ? endOf(parent) : stage.base.kind === 'scratch' ? ROOT : IMAGE_WORKDIR;
    const changes: { index: number; word: string; line: number }[] = [];
    for (const i of stage.instructions) {
      if (i.keyword !== 'WORKDIR' || i.argsSpan === null) continue;
      const word = logicalText(file.text, i.argsSpan.start, i.argsSpan.end, file.escape).text.trim();
      changes.push({ index: i.index, word: workdirWord(file, i, word, byDefault), line: i.line });
    }
    return { start, changes, dirs: [] };
  });
  memo.set(file, all);
  return all;
}

/**
 * A WORKDIR's folder as BuildKit expands it, where every build gives the same value
 * (`ENV APP_HOME=/app` then `WORKDIR $APP_HOME`). Otherwise the word is kept as written,
 * variables and all: a name the Dockerfile does not set may come from the base image's
 * environment, and one a `--build-arg` can change names another folder in another build, so a
 * transform that writes the path (a COPY from a build stage) must not write its default.
 */
function workdirWord(file: ParsedDockerfile, inst: Instruction, word: string, byDefault: boolean): string {
  const written = unquoteWord(word, file.escape);
  if (!word.includes('$')) return written;
  const vars = variablesAt(file, inst);
  return expandWord(word, byDefault ? (name) => vars.get(name)?.value ?? null : fixedValues(vars), file.escape).value ?? written;
}

function endOf(stage: StageWorkdirs): ImagePath {
  return stage.changes.length === 0 ? stage.start : dirAfter(stage, stage.changes.length - 1);
}

/**
 * The folder as an absolute path, with `image` (the base image's own WORKDIR, as the knowledge
 * base records it) for a folder relative to it, or null when it depends on a variable or on a
 * WORKDIR of the image not known: what an analysis that follows files by absolute path can use.
 */
export function absoluteFolder(dir: ImagePath, image: string | null): string | null {
  if (dir.path.includes('$')) return null;
  if (dir.base === 'root') return dir.path;
  return image === null ? null : path.posix.join(image, dir.path);
}

export function samePath(a: ImagePath, b: ImagePath): boolean {
  return a.base === b.base && a.path === b.path;
}

/** Where `inner` lies below `outer` (`.` when they are the same), or null when it does not. */
export function pathBelow(outer: ImagePath, inner: ImagePath): string | null {
  if (outer.base !== inner.base) return null;
  const rel = path.posix.relative(outer.path, inner.path);
  if (rel === '') return '.';
  return rel === '..' || rel.startsWith('../') || path.posix.isAbsolute(rel) ? null : rel;
}
