import fg from 'fast-glob';
import ignore, { type Ignore } from 'ignore';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describeFsError } from './files.js';

/**
 * Renovate's Dockerfile names: `Dockerfile`, `Containerfile`, `Dockerfile.*`,
 * `Dockerfile-prod`, `*.Dockerfile`, `*.dockerfile` (either case on the first
 * letter). BuildKit's per-Dockerfile `Dockerfile.dockerignore` is not one.
 */
export function isDockerfileName(base: string): boolean {
  if (/\.dockerignore$/i.test(base)) return false;
  // writeAtomic's temp files (`.dockshift-tmp-<pid>-<hex>-<name>`), left behind only if a run is killed.
  if (base.startsWith('.dockshift-tmp-')) return false;
  return /^[Dd]ockerfile|^[Cc]ontainerfile/.test(base) || /\.[Dd]ockerfile$|\.[Cc]ontainerfile$/.test(base);
}

export interface Discovered {
  /** Absolute paths, sorted, without duplicates. */
  readonly files: string[];
  /** Paths that could not be used, with why. */
  readonly problems: { path: string; message: string }[];
}

export interface DiscoverOptions {
  readonly cwd: string;
  /** Extra gitignore-style patterns (`--ignore-pattern`). */
  readonly ignorePatterns?: readonly string[];
}

const ALWAYS_SKIPPED = ['**/.git/**', '**/node_modules/**'];

/**
 * Files named explicitly are always processed; folders are searched for
 * Dockerfiles, skipping .git, node_modules, whatever .gitignore files and
 * --ignore-pattern exclude, and symlinks that lead outside the folder.
 */
export async function discover(paths: readonly string[], options: DiscoverOptions): Promise<Discovered> {
  const files = new Set<string>();
  const problems: { path: string; message: string }[] = [];
  for (const given of paths) {
    const abs = path.resolve(options.cwd, given);
    let stat: fs.Stats;
    try {
      stat = fs.statSync(abs);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      problems.push({ path: given, message: code === 'ENOENT' || code === 'ENOTDIR' ? 'no such file or folder' : describeFsError(err, 'cannot read') });
      continue;
    }
    if (!stat.isDirectory()) {
      files.add(abs);
      continue;
    }
    for (const f of await searchFolder(abs, options.ignorePatterns ?? [])) files.add(f);
  }
  return { files: [...files].sort(), problems };
}

async function searchFolder(root: string, extraIgnores: readonly string[]): Promise<string[]> {
  const realRoot = fs.realpathSync(root);
  const entries = await fg(['**/*'], {
    cwd: root,
    dot: true,
    onlyFiles: false,
    followSymbolicLinks: false,
    suppressErrors: true,
    ignore: ALWAYS_SKIPPED,
    objectMode: true,
  });
  const ignorers = gitignores(root, entries.filter((e) => e.name === '.gitignore').map((e) => e.path));
  const extra = ignore().add([...extraIgnores]);
  const found: string[] = [];
  for (const entry of entries) {
    if (!isDockerfileName(entry.name) || entry.dirent.isDirectory()) continue;
    const rel = entry.path;
    if (extra.ignores(rel) || isIgnored(rel, ignorers)) continue;
    const abs = path.join(root, rel);
    if (entry.dirent.isSymbolicLink() && !symlinkStaysInside(abs, realRoot)) continue;
    if (!entry.dirent.isFile() && !entry.dirent.isSymbolicLink()) continue;
    found.push(abs);
  }
  return found;
}

/** A symlinked file is used only when it resolves to a regular file inside the root. */
function symlinkStaysInside(abs: string, realRoot: string): boolean {
  try {
    const real = fs.realpathSync(abs);
    const rel = path.relative(realRoot, real);
    return !rel.startsWith('..') && !path.isAbsolute(rel) && fs.statSync(real).isFile();
  } catch {
    return false; // dangling link or loop
  }
}

interface ScopedIgnore {
  readonly dir: string;
  readonly rules: Ignore;
}

function gitignores(root: string, files: readonly string[]): ScopedIgnore[] {
  const depth = (dir: string) => (dir === '.' ? 0 : dir.split('/').length);
  return files
    .flatMap((rel) => {
      try {
        const text = fs.readFileSync(path.join(root, rel), 'utf8');
        return [{ dir: path.posix.dirname(rel), rules: ignore().add(text) }];
      } catch {
        return [];
      }
    })
    .sort((a, b) => depth(a.dir) - depth(b.dir));
}

/**
 * As git decides: each .gitignore applies to paths below its own folder, a deeper
 * one overrides a shallower one (so its `!pattern` re-includes), and nothing
 * inside an ignored folder comes back.
 */
function isIgnored(rel: string, ignorers: readonly ScopedIgnore[]): boolean {
  const parts = rel.split('/');
  for (let i = 1; i <= parts.length; i++) {
    const prefix = parts.slice(0, i).join('/') + (i < parts.length ? '/' : '');
    if (ignoredHere(prefix, ignorers)) return true;
  }
  return false;
}

/** The verdict for one path (a folder ends in `/`) from the .gitignore files above it, shallowest first. */
function ignoredHere(rel: string, ignorers: readonly ScopedIgnore[]): boolean {
  let ignored = false;
  for (const { dir, rules } of ignorers) {
    const local = dir === '.' ? rel : rel.startsWith(`${dir}/`) ? rel.slice(dir.length + 1) : '';
    if (local === '') continue;
    const verdict = rules.test(local);
    if (verdict.unignored) ignored = false;
    else if (verdict.ignored) ignored = true;
  }
  return ignored;
}
