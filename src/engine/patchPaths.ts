import * as path from 'node:path';
import { findRepository } from './gitRepository.js';
import { pathBelow } from './pathBelow.js';

/**
 * The folder a patch's paths start from, as `git diff` names them: the folder
 * given with `--relative-to`, else the top of the git repository holding the
 * working folder, else the working folder. Real paths in, real path out.
 */
export function patchBase(cwd: string, relativeTo: string | null): string {
  return relativeTo ?? findRepository(cwd)?.top ?? cwd;
}

/**
 * How a patch names `file` (a real path): relative to the base when it is below
 * it; otherwise by its absolute path without the leading `/` (a patch applied
 * from `/`), since git rejects `a/../x` and a shorter name could be another file.
 */
export function patchPathOf(file: string, base: string): string {
  return pathBelow(base, file) ?? path.relative(path.parse(file).root, file).split(path.sep).join('/');
}

/** How a patch names a folder (a build context): as `patchPathOf` does, and `.` for the base itself. */
export function patchFolderOf(folder: string, base: string): string {
  return path.relative(base, folder) === '' ? '.' : patchPathOf(folder, base);
}

/** How messages name `file`: relative to the working folder (as compilers do), `/`-separated. */
export function displayPathOf(file: string, cwd: string): string {
  const below = pathBelow(cwd, file);
  if (below !== null) return below;
  const rel = path.relative(cwd, file);
  return (path.isAbsolute(rel) ? file : rel).split(path.sep).join('/');
}
