import ignore, { type Ignore } from 'ignore';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { excludeFileOf, repositoryAt } from './gitRepository.js';
import type { ListedFolders } from './listedFolders.js';

/** Read in every folder, in this order: a `.dockshiftignore` line can override a `.gitignore` line beside it. */
export const IGNORE_FILE_NAMES = ['.gitignore', '.dockshiftignore'] as const;

// git compares names exactly unless the file system folds case (core.ignorecase is set at init there).
const IGNORE_CASE = process.platform === 'darwin' || process.platform === 'win32';

/**
 * The ignore rules git applies below one top folder (a repository's top, or the
 * searched folder when it is in no repository), plus dockshift's own
 * `.dockshiftignore` files, scoped like `.gitignore`:
 * - a repository's `info/exclude` applies to its whole working tree, with the
 *   lowest precedence;
 * - each ignore file applies below its own folder, and a deeper one overrides a
 *   shallower one (so its `!pattern` re-includes);
 * - nothing inside an ignored folder comes back;
 * - a nested repository (a folder holding `.git`) starts afresh: the rules of the
 *   folders above it do not reach inside, its own `info/exclude` does.
 * Files are read lazily, once per folder.
 */
export class IgnoreRules {
  private readonly folderRules = new Map<string, readonly Ignore[]>();
  private readonly excludeRules = new Map<string, Ignore | null>();
  private readonly folderVerdicts = new Map<string, boolean>();

  /** `top`: a real, absolute path; `listed`: what a search of folders below it saw, which spares a stat per folder. */
  constructor(
    readonly top: string,
    private readonly listed?: ListedFolders,
  ) {}

  /** Whether `rel` (`/`-separated, below the top) is ignored, itself or through a folder above it. */
  ignores(rel: string, isDirectory: boolean): boolean {
    const parts = rel.split('/');
    for (let i = 1; i <= parts.length; i++) {
      const folder = i === parts.length ? isDirectory : true;
      if (folder ? this.folderVerdict(parts.slice(0, i)) : this.verdict(parts, false)) return true;
    }
    return false;
  }

  /** A folder's own verdict, asked again for every file below it: kept. */
  private folderVerdict(parts: readonly string[]): boolean {
    const key = parts.join('/');
    let verdict = this.folderVerdicts.get(key);
    if (verdict === undefined) this.folderVerdicts.set(key, (verdict = this.verdict(parts, true)));
    return verdict;
  }

  /** The verdict of the rules for one path, its parents not considered. */
  private verdict(parts: readonly string[], isDirectory: boolean): boolean {
    let scope = 0; // segments of the innermost repository top strictly above this path
    for (let i = parts.length - 1; i > 0; i--) {
      if (this.exclude(parts.slice(0, i).join('/')) !== null) {
        scope = i;
        break;
      }
    }
    const suffix = isDirectory ? '/' : '';
    let ignored = false;
    const apply = (rules: Ignore, from: number) => {
      const verdict = rules.test(parts.slice(from).join('/') + suffix);
      if (verdict.unignored) ignored = false;
      else if (verdict.ignored) ignored = true;
    };
    const exclude = this.exclude(parts.slice(0, scope).join('/'));
    if (exclude !== null) apply(exclude, scope);
    for (let depth = scope; depth < parts.length; depth++) {
      for (const rules of this.rulesIn(parts.slice(0, depth).join('/'))) apply(rules, depth);
    }
    return ignored;
  }

  private rulesIn(dir: string): readonly Ignore[] {
    let rules = this.folderRules.get(dir);
    if (rules === undefined) {
      const folder = path.join(this.top, dir);
      rules = IGNORE_FILE_NAMES.flatMap((name) => {
        if (this.listed?.lacks(folder, name) === true) return [];
        const text = readIfFile(path.join(folder, name));
        return text === null ? [] : [ignore({ ignorecase: IGNORE_CASE }).add(text)];
      });
      this.folderRules.set(dir, rules);
    }
    return rules;
  }

  /** The `info/exclude` rules of a repository whose top is `dir`; an empty rule set for one without the file; null when `dir` is no repository's top. */
  private exclude(dir: string): Ignore | null {
    let rules = this.excludeRules.get(dir);
    if (rules === undefined) {
      const repo = repositoryAt(path.join(this.top, dir), this.listed);
      rules = repo === null ? null : ignore({ ignorecase: IGNORE_CASE }).add(readIfFile(excludeFileOf(repo)) ?? '');
      this.excludeRules.set(dir, rules);
    }
    return rules;
  }
}

function readIfFile(file: string): string | null {
  try {
    // Most folders have no ignore file: asking first spares a thrown error per folder, the main cost of a large search.
    if (fs.statSync(file, { throwIfNoEntry: false }) === undefined) return null;
    return fs.readFileSync(file, 'utf8');
  } catch {
    return null; // absent, a folder, or unreadable: git skips those too
  }
}
