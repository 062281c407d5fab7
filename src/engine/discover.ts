import ignore from 'ignore';
import * as fs from 'node:fs';
import { availableParallelism } from 'node:os';
import * as path from 'node:path';
import { importModule } from '../importModule.js';
import { DOCKERFILE_NAME_GLOBS, isDockerfileName } from './dockerfileName.js';
import { describeFsError } from './files.js';
import { findRepository } from './gitRepository.js';
import { IGNORE_FILE_NAMES, IgnoreRules } from './ignoreRules.js';
import { ListedFolders } from './listedFolders.js';

// In a module of its own so that the pipeline can use it without loading folder search.
export { isDockerfileName };

/** A file to process, by its real path: a symlink and its target are one file. */
export interface DiscoveredFile {
  /** Absolute, symlinks resolved. */
  readonly path: string;
  /** Named on the command line (rather than found in a folder). */
  readonly explicit: boolean;
}

export type PathProblemKind = 'missing' | 'unreadable' | 'no-dockerfile';

/** A path from the command line that gave nothing to process. */
export interface PathProblem {
  /** As given. */
  readonly path: string;
  readonly kind: PathProblemKind;
  readonly message: string;
}

export interface Discovered {
  /** Sorted by path, each real file once. */
  readonly files: DiscoveredFile[];
  readonly problems: PathProblem[];
}

export interface DiscoverOptions {
  readonly cwd: string;
  /** Extra gitignore-style patterns (`--ignore-pattern`), relative to each folder searched. */
  readonly ignorePatterns?: readonly string[];
  /** More files to leave out of folder searches (a configuration file's `ignore:`), by absolute path. */
  readonly ignores?: (file: string) => boolean;
  /** Told what the folder searches list, so that later questions about those folders need no stat. */
  readonly listed?: ListedFolders;
}

const ALWAYS_SKIPPED = ['**/.git/**', '**/node_modules/**'];

/**
 * Folders of test inputs, by the conventions of Go (\`testdata\`, which its tools skip), Jest and Renovate
 * (\`__fixtures__\`) and jscodeshift (\`__testfixtures__\`): a linter's or a codemod's tests compare their
 * Dockerfiles as written (hadolint's testdata), so a rewrite there breaks the tests it feeds. Searched only
 * when named.
 */
const TEST_INPUTS = ['**/testdata/**', '**/__fixtures__/**', '**/__testfixtures__/**'];

/** The folders a search does not enter, by name: it lists neither them nor anything below them. */
const SKIPPED_FOLDERS: ReadonlySet<string> = new Set([...ALWAYS_SKIPPED, ...TEST_INPUTS].map((glob) => glob.split('/')[1]!));

/**
 * A record for \`discover\` to fill with what its folder searches list: the names the search itself asks
 * about in every folder (\`.git\`, the ignore files) and \`names\` besides.
 */
export function listedFolders(names: readonly string[] = []): ListedFolders {
  return new ListedFolders(['.git', ...IGNORE_FILE_NAMES, ...names], SKIPPED_FOLDERS);
}

/**
 * Files named explicitly are always processed; folders are searched for
 * Dockerfiles, skipping .git, node_modules, Go modules' vendor folders, folders of test inputs (TEST_INPUTS), what the ignore rules exclude (see
 * IgnoreRules: .gitignore files from the repository's top down, info/exclude,
 * .dockshiftignore) and --ignore-pattern, and symlinks that lead outside the
 * folder. A folder that holds no Dockerfile is a problem, as in prettier.
 */
export async function discover(paths: readonly string[], options: DiscoverOptions): Promise<Discovered> {
  const files = new Map<string, boolean>();
  const problems: PathProblem[] = [];
  const add = (real: string, explicit: boolean) => files.set(real, (files.get(real) ?? false) || explicit);
  for (const given of paths) {
    const abs = path.resolve(options.cwd, given);
    let stat: fs.Stats;
    let real: string;
    try {
      stat = fs.statSync(abs);
      real = fs.realpathSync(abs);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      const missing = code === 'ENOENT' || code === 'ENOTDIR';
      problems.push({ path: given, kind: missing ? 'missing' : 'unreadable', message: missing ? 'no such file or folder' : describeFsError(err, 'cannot read') });
      continue;
    }
    if (!stat.isDirectory()) {
      add(real, true);
      continue;
    }
    const found = await searchFolder(real, options.ignorePatterns ?? [], options.ignores, options.listed);
    // A folder that cannot be listed may hold Dockerfiles: each is an error of its own, and
    // nothing found beside one does not mean there is no Dockerfile.
    const shown = given.split(path.sep).join('/');
    for (const u of found.unreadable) problems.push({ path: u.rel === '' ? given : path.posix.join(shown, u.rel), kind: 'unreadable', message: describeFsError(u.error, 'cannot read folder') });
    if (found.files.length === 0 && found.unreadable.length === 0) {
      const why = found.ignored > 0 ? ` (${found.ignored} ignored by .gitignore, .dockshiftignore, info/exclude, --ignore-pattern or a configuration file)` : '';
      problems.push({ path: given, kind: 'no-dockerfile', message: `no Dockerfile found${why}` });
    }
    for (const f of found.files) add(f, false);
  }
  const sorted = [...files.keys()].sort();
  return { files: sorted.map((p) => ({ path: p, explicit: files.get(p)! })), problems };
}

interface Searched {
  /** Real paths of the Dockerfiles found. */
  readonly files: string[];
  /** How many the ignore rules left out. */
  readonly ignored: number;
  /** Folders that could not be listed (not ignored ones), by `/`-separated path below the root (`''`: the root). */
  readonly unreadable: { readonly rel: string; readonly error: unknown }[];
}

/** The Dockerfiles below `root` (a real path), how many the ignore rules left out, and the folders that could not be read. */
async function searchFolder(root: string, extraIgnores: readonly string[], ignores?: (file: string) => boolean, listed = listedFolders()): Promise<Searched> {
  // fast-glob is loaded only when a folder is searched: files named on the command line do not need it.
  const { default: fg } = (await importModule('fast-glob')) as { default: typeof import('fast-glob') };
  // fast-glob would stop at the first folder it cannot read, or (suppressErrors) skip it without a
  // word; its listings go through this one instead, which notes the folder and goes on.
  const failed: { dir: string; error: unknown }[] = [];
  listed.searching(root);
  const readdir = (dir: string, options: { withFileTypes: true }, callback: (error: NodeJS.ErrnoException | null, entries: fs.Dirent[]) => void) =>
    fs.readdir(dir, options, (error, entries) => {
      if (error === null) listed.listed(dir, entries);
      else listed.unreadable(dir);
      // A folder removed since it was listed is simply gone.
      if (error !== null && error.code !== 'ENOENT') {
        failed.push({ dir, error });
        callback(null, []);
      } else callback(error, entries);
    });
  // Only the names that matter are listed, as a stream: an entry object per file of a tree of a hundred
  // thousand, all held until the search ends, was most of what a fleet run's planning kept.
  const stream = fg.stream([`**/{${[...DOCKERFILE_NAME_GLOBS, ...VENDOR_MARKERS].join(',')}}`], {
    cwd: root,
    dot: true,
    onlyFiles: false,
    followSymbolicLinks: false,
    suppressErrors: true,
    fs: { readdir: readdir as unknown as typeof fs.readdir },
    ignore: [...ALWAYS_SKIPPED, ...TEST_INPUTS],
    objectMode: true,
    // No symlinks followed, and an entry is tested against every alternative at once: no entry comes
    // twice, so no index of every path seen.
    unique: false,
    // fast-glob reads as many folders at once as there are cores; libuv reads them on 4 threads,
    // and with 2 at a time they and the main thread wait on each other (200 repositories of 2,042
    // entries: 497 ms at 2, 356 ms at 8, no better beyond).
    concurrency: Math.max(8, availableParallelism()),
  });
  /** The Dockerfiles' `/`-separated paths below the root; `links` marks those that are symlinks. */
  const candidates: string[] = [];
  const links = new Set<string>();
  const markers: { readonly path: string; readonly name: string }[] = [];
  for await (const entry of stream as AsyncIterable<import('fast-glob').Entry>) {
    if (VENDOR_MARKERS.includes(entry.name)) markers.push({ path: entry.path, name: entry.name });
    if (!isDockerfileName(entry.name) || entry.dirent.isDirectory()) continue;
    if (entry.dirent.isSymbolicLink()) links.add(entry.path);
    else if (!entry.dirent.isFile()) continue;
    candidates.push(entry.path);
  }
  const top = findRepository(root)?.top ?? root;
  const rules = new IgnoreRules(top, listed);
  const searched = path.relative(top, root).split(path.sep).join('/');
  // An ignore set keeps a verdict for every path it is asked about: none is made for no patterns.
  const extra = extraIgnores.length === 0 ? null : ignore().add([...extraIgnores]);
  const vendored = vendorFolders(markers);
  const found: string[] = [];
  let ignored = 0;
  for (const rel of candidates) {
    if (vendored.some((v) => rel.startsWith(v))) continue;
    if (extra?.ignores(rel) === true || rules.ignores(searched === '' ? rel : `${searched}/${rel}`, false)) {
      ignored++;
      continue;
    }
    const abs = path.join(root, rel);
    if (ignores?.(abs) === true) {
      ignored++;
      continue;
    }
    if (!links.has(rel)) found.push(abs);
    else {
      const target = symlinkTargetInside(abs, root);
      if (target !== null) found.push(target);
    }
  }
  const unreadable: Searched['unreadable'] = [];
  for (const { dir, error } of failed.sort((a, b) => (a.dir < b.dir ? -1 : a.dir > b.dir ? 1 : 0))) {
    const rel = path.relative(root, dir).split(path.sep).join('/');
    // An ignored folder is not searched (a database volume's data, owned by another user).
    if (rel !== '' && (extra?.ignores(`${rel}/`) === true || rules.ignores(searched === '' ? rel : `${searched}/${rel}`, true) || ignores?.(dir) === true)) continue;
    unreadable.push({ rel, error });
  }
  return { files: found, ignored, unreadable };
}

/**
 * The folders among the entries that a package manager fills with other projects' code, as `/`-ended paths:
 * a Go module's `vendor` folder, which holds the `modules.txt` that `go mod vendor` writes, and Composer's
 * `vendor` folder, which holds the `autoload.php` and `composer/installed.json` that `composer install` writes.
 * That command rewrites the whole folder from the packages' sources, so a change there is undone by the next
 * run and belongs upstream. Only folders named `vendor`: a project's own folder may hold an autoload.php (a
 * `vendor-dir` of another name is rare, and a search from above would skip what one from inside finds).
 */
function vendorFolders(entries: readonly { readonly path: string; readonly name: string }[]): string[] {
  const folders: string[] = [];
  const paths = new Set(entries.map((e) => e.path));
  for (const e of entries) {
    if (e.name === 'modules.txt' && (e.path === 'vendor/modules.txt' || e.path.endsWith('/vendor/modules.txt'))) folders.push(e.path.slice(0, -'modules.txt'.length));
    if (e.name === 'installed.json' && (e.path === 'vendor/composer/installed.json' || e.path.endsWith('/vendor/composer/installed.json'))) {
      const folder = e.path.slice(0, -'composer/installed.json'.length);
      if (paths.has(`${folder}autoload.php`)) folders.push(folder);
    }
  }
  return folders;
}

/** The names of the files vendorFolders reads the folders by (listed by the folder search beside the Dockerfiles). */
const VENDOR_MARKERS = ['modules.txt', 'installed.json', 'autoload.php'];

/** The real file a symlink leads to, when it is a regular file inside the root; null otherwise. */
function symlinkTargetInside(abs: string, realRoot: string): string | null {
  try {
    const real = fs.realpathSync(abs);
    const rel = path.relative(realRoot, real);
    return !rel.startsWith('..') && !path.isAbsolute(rel) && fs.statSync(real).isFile() ? real : null;
  } catch {
    return null; // dangling link or loop
  }
}
