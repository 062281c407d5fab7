import * as path from 'node:path';

/**
 * What a folder search saw of a few names in every folder it listed: finding a file's settings asks of
 * each folder above it whether it holds `.git` (a repository's top), an ignore file or a configuration
 * file. A stat for each cost some nine system calls a folder, over half of planning a fleet of 100,000
 * files; the search has listed those folders already.
 *
 * It answers only "certainly not there", for a folder the search listed: anywhere else, or where the
 * name may be there, the caller asks the file system as before. Names are kept folded to lower case, so
 * that a name which differs only in case (the same file where the file system folds case) is never
 * said to be absent. Only the folders that hold one of the names are kept, not every folder listed.
 */
export class ListedFolders {
  private readonly names: ReadonlySet<string>;
  /** Folder below a root, folded → the names it holds, folded; only folders that hold any. */
  private readonly held = new Map<string, Set<string>>();
  /** The folders searched, as given. */
  private readonly roots: string[] = [];
  /**
   * Folders, folded, that the search did not list though a folder above them was: those it could not
   * read, and symlinks, which it does not follow. Nothing below one was listed either.
   */
  private readonly unlisted = new Set<string>();

  /**
   * `names`: those to answer for. `skipped`: names of folders the search does not enter, so that
   * nothing at or below one is known.
   */
  constructor(
    names: readonly string[],
    private readonly skipped: ReadonlySet<string>,
  ) {
    this.names = new Set(names.map((n) => n.toLowerCase()));
  }

  /** A folder (absolute, real) is about to be searched, every folder below it listed but for the skipped ones. */
  searching(root: string): void {
    this.roots.push(root);
  }

  /** The entries of a folder the search listed (absolute). */
  listed(dir: string, entries: readonly { readonly name: string; isSymbolicLink(): boolean }[]): void {
    let folder: string | undefined;
    for (const e of entries) {
      const name = e.name.toLowerCase();
      const link = e.isSymbolicLink();
      if (!link && !this.names.has(name)) continue;
      // The search's own path for the folder, as the callers' paths are written.
      folder ??= path.normalize(dir).toLowerCase();
      if (link) this.unlisted.add(path.join(folder, name));
      if (!this.names.has(name)) continue;
      let held = this.held.get(folder);
      if (held === undefined) this.held.set(folder, (held = new Set()));
      held.add(name);
    }
  }

  /** A folder the search could not list (or that was gone). */
  unreadable(dir: string): void {
    this.unlisted.add(path.normalize(dir).toLowerCase());
  }

  /** True only when `dir` (absolute) was listed and holds no entry called `name`. */
  lacks(dir: string, name: string): boolean {
    const folded = name.toLowerCase();
    if (!this.names.has(folded)) return false;
    // Each folder is asked about several names in a row.
    if (dir !== this.last.dir) this.last = { dir, held: this.heldBy(dir) };
    return this.last.held !== null && !this.last.held.has(folded);
  }

  private last: { readonly dir: string; readonly held: ReadonlySet<string> | null } = { dir: '', held: null };

  /** The names a listed folder holds (none: an empty set); null for a folder the search did not list. */
  private heldBy(dir: string): ReadonlySet<string> | null {
    const root = this.roots.find((r) => dir === r || dir.startsWith(r.endsWith(path.sep) ? r : r + path.sep));
    if (root === undefined) return null;
    // Below the root, folders are told apart regardless of case: where the file system tells two apart by
    // case alone, the names of both count as held by each, which only makes "absent" rarer.
    const key = dir.toLowerCase();
    for (let at = key, top = root.toLowerCase(); ; at = path.dirname(at)) {
      if (this.unlisted.has(at)) return null;
      if (at === top || path.dirname(at) === at) break;
      if (this.skipped.has(path.basename(at))) return null;
    }
    return this.held.get(key) ?? NOTHING;
  }
}

const NOTHING: ReadonlySet<string> = new Set();
