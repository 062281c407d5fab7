/**
 * Folders inside the image as the Dockerfile names them: the WORKDIR in effect at an
 * instruction, and paths resolved against it. A stage on an image starts in that image's
 * own WORKDIR, which the Dockerfile does not say, so paths keep track of which base they
 * are relative to. A word with a variable is kept as written: two such paths are the same
 * folder only when written the same way under the same variables.
 */
import * as path from 'node:path';
import { countBefore } from '../sorted.js';
import { logicalText } from './logical.js';
import { fromParents } from './stages.js';
import type { Instruction, ParsedDockerfile, Stage } from './types.js';
import { unquoteWord } from './words.js';

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
  if (p.startsWith('/') || p.startsWith('$')) return { base: 'root', path: path.posix.normalize(p).replace(/(.)\/+$/, '$1') };
  const joined = path.posix.normalize(path.posix.join(dir.path, p)).replace(/(.)\/+$/, '$1');
  return { base: dir.base, path: joined };
}

/** The WORKDIR in effect when `inst` runs: the WORKDIRs of its stage and the stages it builds on. */
export function workdirAt(file: ParsedDockerfile, inst: Instruction): ImagePath {
  const stage = file.stages[inst.stage];
  return stage === undefined ? IMAGE_WORKDIR : workdirBefore(file, stage, inst.index);
}

/** The WORKDIR the stage's container starts in: after all its instructions. */
export function workdirAtEnd(file: ParsedDockerfile, stage: Stage): ImagePath {
  return workdirBefore(file, stage, Number.POSITIVE_INFINITY);
}

function workdirBefore(file: ParsedDockerfile, stage: Stage, before: number): ImagePath {
  const { start, changes } = workdirsOf(file)[stage.index]!;
  // The last WORKDIR of the stage before `before` (changes are in file order), else what the stage starts in.
  return changes[countBefore(changes, (c) => c.index < before) - 1]?.dir ?? start;
}

interface StageWorkdirs {
  /** What the stage starts in: where the stage it builds on ends, or its image's own WORKDIR (`/` for scratch). */
  readonly start: ImagePath;
  /** Each WORKDIR of the stage, in order, with the folder in effect after it. */
  readonly changes: readonly { readonly index: number; readonly dir: ImagePath }[];
}

const workdirsByFile = new WeakMap<ParsedDockerfile, readonly StageWorkdirs[]>();

/**
 * Every stage's WORKDIRs, resolved once per parsed file in stage order (a stage
 * builds only on earlier ones): asked for every COPY and path, a walk back over
 * the file each time made a file of many WORKDIRs quadratic.
 */
function workdirsOf(file: ParsedDockerfile): readonly StageWorkdirs[] {
  const known = workdirsByFile.get(file);
  if (known !== undefined) return known;
  const all = fromParents<StageWorkdirs>(file, (stage, parent) => {
    const start = parent !== null ? endOf(parent) : stage.base.kind === 'scratch' ? ROOT : IMAGE_WORKDIR;
    const changes: { index: number; dir: ImagePath }[] = [];
    let dir = start;
    for (const i of stage.instructions) {
      if (i.keyword !== 'WORKDIR' || i.argsSpan === null) continue;
      const word = logicalText(file.text, i.argsSpan.start, i.argsSpan.end, file.escape).text.trim();
      dir = resolveIn(dir, unquoteWord(word, file.escape));
      changes.push({ index: i.index, dir });
    }
    return { start, changes };
  });
  workdirsByFile.set(file, all);
  return all;
}

function endOf(stage: StageWorkdirs): ImagePath {
  return stage.changes.at(-1)?.dir ?? stage.start;
}

/**
 * The folder as an absolute path, taking the base image's own WORKDIR to be `/`
 * (most official images leave it there), or null when it depends on a variable:
 * what an analysis that follows files by absolute path can use.
 */
export function absoluteFolder(dir: ImagePath): string | null {
  if (dir.path.includes('$')) return null;
  return dir.base === 'root' ? dir.path : path.posix.join('/', dir.path);
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
