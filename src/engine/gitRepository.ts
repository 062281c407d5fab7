import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ListedFolders } from './listedFolders.js';

/** A git working tree, found by looking for `.git` as git itself does (no git binary needed). */
export interface GitRepository {
  /** Real path of the working tree's top folder. */
  readonly top: string;
  /** The git folder shared by all worktrees: where `info/exclude` lives. */
  readonly commonDir: string;
  /** This working tree's own git folder: where its `index` lives. */
  readonly gitDir: string;
}

/** The repository whose working tree holds `dir` (a real path), or null. */
export function findRepository(dir: string): GitRepository | null {
  for (let at = dir; ; at = path.dirname(at)) {
    const repo = repositoryAt(at);
    if (repo !== null) return repo;
    if (path.dirname(at) === at) return null;
  }
}

/**
 * The repository whose top is exactly `dir`, or null. `.git` is a folder, or,
 * in a linked worktree or submodule, a file `gitdir: <path>` whose folder may
 * name the shared one in `commondir`. `listed` may say there is none without a stat.
 */
export function repositoryAt(dir: string, listed?: ListedFolders): GitRepository | null {
  if (listed?.lacks(dir, '.git') === true) return null;
  const dotGit = path.join(dir, '.git');
  let stat: fs.Stats | undefined;
  try {
    // Asked of every folder searched: no thrown error for the usual answer, none.
    stat = fs.statSync(dotGit, { throwIfNoEntry: false });
  } catch {
    return null;
  }
  if (stat === undefined) return null;
  if (stat.isDirectory()) return { top: dir, commonDir: dotGit, gitDir: dotGit };
  if (!stat.isFile()) return null;
  const pointer = /^gitdir:\s*(.+?)\s*$/m.exec(readText(dotGit) ?? '');
  if (pointer === null) return null;
  const gitDir = path.resolve(dir, pointer[1]!);
  const common = readText(path.join(gitDir, 'commondir'))?.trim();
  return { top: dir, commonDir: common ? path.resolve(gitDir, common) : gitDir, gitDir };
}

/** `info/exclude` of a repository: its own ignore rules that are not committed. */
export function excludeFileOf(repo: GitRepository): string {
  return path.join(repo.commonDir, 'info', 'exclude');
}

function readText(file: string): string | null {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return null;
  }
}
