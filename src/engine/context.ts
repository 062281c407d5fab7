/**
 * The build context as a transform sees it: the files a `docker build` of this
 * Dockerfile would be sent, read-only. Everything is lazy and cached for the run,
 * bounded (so a huge monorepo folder cannot stall a bulk run), and confined to the
 * context root: a path or symlink that leads outside it reads as missing.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { isFile } from './files.js';
import { RecentMap } from './recentMap.js';
import { parseDockerIgnore, type DockerIgnore } from './dockerignore.js';

/** Larger files are not manifests or sources a transform needs to read. */
export const MAX_READ_BYTES = 512 * 1024;
/** A walk stops after this many entries; `walk` then says it is incomplete. */
export const MAX_WALK_ENTRIES = 20_000;

export type EntryKind = 'file' | 'dir';

export interface ContextEntry {
  /** Relative to the context root, `/`-separated. */
  readonly path: string;
  readonly kind: EntryKind;
}

export interface Walk {
  readonly entries: readonly ContextEntry[];
  /** False when the walk stopped at MAX_WALK_ENTRIES: absence of a file proves nothing then. */
  readonly complete: boolean;
}

export interface BuildContext {
  /** Absolute, real path of the context root. */
  readonly root: string;
  /** `rel` is a file or folder inside the context. */
  exists(rel: string): boolean;
  kind(rel: string): EntryKind | null;
  /** A text file's contents (UTF-8), or null when missing, outside, binary or larger than MAX_READ_BYTES. */
  read(rel: string): string | null;
  /** The first `bytes` bytes of a file (fewer when it is shorter), binary or not; null when missing or outside. */
  head(rel: string, bytes: number): Uint8Array | null;
  /** The entries directly in a folder, sorted; null when it is not a folder of the context. */
  list(rel?: string): readonly ContextEntry[] | null;
  /**
   * Every entry below the root (not following symlinked folders, skipping `.git`), sorted,
   * bounded. Folders for which `prune` is true are listed but not entered (a `node_modules`
   * would otherwise use up the bound).
   */
  walk(prune?: (dir: string) => boolean): Walk;
  /** The ignore file that applies to this Dockerfile (`<Dockerfile>.dockerignore` beside it, else the root's `.dockerignore`), or null. */
  readonly ignoreFile: { readonly path: string; readonly text: string; readonly proposed?: boolean } | null;
  /** Would a `COPY . …` send this path? False for paths the ignore file excludes, and for missing ones. */
  sends(rel: string): boolean;
}

/** A context shared by more Dockerfiles than this is not judged for them all: reading each costs every file of it. */
export const MAX_CONTEXT_DOCKERFILES = 256;

/**
 * What the run knows of the Dockerfiles built with a build context, beside the files in it:
 * `--context DIR` (or a configuration's `context:`) gives several Dockerfiles, wherever they
 * lie, one context. Null for a text given alone (`transformText`, a fixture), where only the
 * files of the context say anything.
 */
export interface ContextDockerfiles {
  /**
   * The run's Dockerfiles built with this context that read its root `.dockerignore` (not
   * those with their own `<name>.dockerignore`), the one being rewritten among them; at most
   * MAX_CONTEXT_DOCKERFILES + 1 of them.
   */
  readonly sharing: readonly SharingDockerfile[];
  /** How many there are in all. */
  readonly count: number;
  /** Files inside the context (context-relative paths) that the run builds with another context. */
  readonly elsewhere: ReadonlySet<string>;
}

export interface SharingDockerfile {
  /** Its path in the context, or as messages show it when it lies outside the context. */
  readonly name: string;
  /** Its text, or null when it cannot be read. */
  read(): string | null;
}

/** A path already as contextPath leaves it: `/`-separated names, none empty, `.` or `..`. */
const NORMAL_PATH = /^(?!\.\.?(?:\/|$))[^/\\\0]+(?:\/(?!\.\.?(?:\/|$))[^/\\\0]+)*$/;

/** Normalises a context-relative path; null when it is absolute or leaves the root. */
export function contextPath(rel: string): string | null {
  // Asked of every path a transform looks up, which is mostly one already normal.
  if (NORMAL_PATH.test(rel)) return rel;
  if (rel.includes('\0')) return null;
  const normal = path.posix.normalize(rel.replace(/\\/g, '/')).replace(/\/+$/, '');
  if (normal === '' || normal === '.') return '.';
  if (path.posix.isAbsolute(normal) || normal === '..' || normal.startsWith('../')) return null;
  return normal;
}

/**
 * Contexts by root and ignore file: many Dockerfiles of a repository share one.
 * Files come in path order, so the Dockerfiles of one context come together and
 * a few recent contexts serve them; keeping every context of a fleet run would
 * keep every folder listing and file read until the end (a memory that grew with
 * the number of folders).
 */
const contexts = new RecentMap<string, BuildContext>(64);

/**
 * The build context rooted at `root` for the Dockerfile at `dockerfile` (absolute paths).
 * Null when the root is not a readable folder.
 */
export function openBuildContext(root: string, dockerfile: string | null): BuildContext | null {
  let real: string;
  try {
    real = fs.realpathSync(root);
    if (!fs.statSync(real).isDirectory()) return null;
  } catch {
    return null;
  }
  const own = dockerfile === null ? null : `${dockerfile}.dockerignore`;
  const ownExists = own !== null && isFile(own);
  const key = `${real}\0${ownExists ? own : ''}`;
  let ctx = contexts.get(key);
  if (ctx === undefined) {
    ctx = new FsBuildContext(real, ownExists ? own : null);
    contexts.set(key, ctx);
  }
  return ctx;
}

/**
 * The folder that holds the context's root, read as a context of its own: the files around the build, which it is
 * not sent (a compose file in a parent folder that builds this Dockerfile, as Flowise's docker/ does for
 * docker/worker). Null at the top of a git work tree (a folder holding \`.git\`), below the filesystem's root, and
 * for a context that is not a folder on disk (one in memory); an overlay's is its base's.
 */
export function enclosingFolder(ctx: BuildContext): BuildContext | null {
  const base = overlayLayer(ctx)?.base ?? ctx;
  if (!(base instanceof FsBuildContext)) return null;
  let found = enclosing.get(base);
  if (found === undefined) {
    const parent = path.dirname(base.root);
    found = parent === base.root || path.dirname(parent) === parent || fs.existsSync(path.join(base.root, '.git')) ? null : openBuildContext(parent, null);
    enclosing.set(base, found);
  }
  return found;
}

/** enclosingFolder's answers: several analyses of each Dockerfile walk up from its context, a folder at a time. */
let enclosing = new WeakMap<BuildContext, BuildContext | null>();

/** Forget cached contexts (tests that change files between runs). */
export function resetBuildContexts(): void {
  contexts.clear();
  enclosing = new WeakMap();
}

class FsBuildContext implements BuildContext {
  private readonly kinds = new Map<string, EntryKind | null>();
  /** Entries a listing showed to be symlinks, and ones it showed were not. */
  private readonly links = new Map<string, boolean>();
  private readonly texts = new Map<string, string | null>();
  private readonly lists = new Map<string, ContextEntry[] | null>();
  /** Folders being listed: their entries' kinds are asked while the listing is incomplete. */
  private readonly reading = new Set<string>();
  private walked: Walk | null = null;
  private readonly prunedWalks = new WeakMap<(dir: string) => boolean, Walk>();
  private ignore: { readonly path: string; readonly text: string } | null | undefined;
  private rules: DockerIgnore | null | undefined;

  constructor(
    readonly root: string,
    /** `<Dockerfile>.dockerignore`, which BuildKit prefers to the root's `.dockerignore`. */
    private readonly ownIgnore: string | null,
  ) {}

  exists(rel: string): boolean {
    return this.kind(rel) !== null;
  }

  kind(rel: string): EntryKind | null {
    const p = contextPath(rel);
    if (p === null) return null;
    if (p === '.') return 'dir';
    let k = this.kinds.get(p);
    if (k === undefined) {
      k = this.listedAbsent(p) ? null : this.resolve(p);
      this.kinds.set(p, k);
    }
    return k;
  }

  /**
   * Whether a folder's listing shows `p` is not there, so that no stat is made for it. Most paths
   * asked of a context are missing: the compose, dev-container and action files looked for beside
   * every Dockerfile, and COPY sources of a context that holds the Dockerfile alone. One listing
   * of the root answers all of its names, and a path below a folder that is not there is not there.
   * Other folders answer only once listed. Where names are not matched exactly (macOS and Windows
   * find `Compose.yaml` as `compose.yaml`), every path is looked up.
   */
  private listedAbsent(p: string): boolean {
    if (!EXACT_NAMES || this.links.has(p)) return false;
    const slash = p.lastIndexOf('/');
    const parent = slash < 0 ? '.' : p.slice(0, slash);
    if (parent !== '.' && this.kind(parent) !== 'dir') return true;
    // A listing notes every entry it saw in `links`, link or not; one under way has not seen them all.
    if (this.reading.has(parent)) return false;
    if (parent === '.' ? this.list('.') === null : this.lists.get(parent) == null) return false;
    return !this.links.has(p);
  }

  read(rel: string): string | null {
    const p = contextPath(rel);
    if (p === null || this.kind(p) !== 'file') return null;
    let text = this.texts.get(p);
    if (text === undefined) {
      text = readText(path.join(this.root, p));
      this.texts.set(p, text);
    }
    return text;
  }

  head(rel: string, bytes: number): Uint8Array | null {
    const p = contextPath(rel);
    if (p === null || this.kind(p) !== 'file') return null;
    return readHead(path.join(this.root, p), bytes);
  }

  list(rel = '.'): readonly ContextEntry[] | null {
    const p = contextPath(rel);
    if (p === null || this.kind(p) !== 'dir') return null;
    let entries = this.lists.get(p);
    if (entries === undefined) {
      entries = this.readDir(p);
      this.lists.set(p, entries);
    }
    return entries;
  }

  walk(prune?: (dir: string) => boolean): Walk {
    if (prune === undefined) return (this.walked ??= this.walkFrom(() => false));
    // By the prune function: a caller that keeps one (a module's constant) walks the context once.
    let walked = this.prunedWalks.get(prune);
    if (walked === undefined) this.prunedWalks.set(prune, (walked = this.walkFrom(prune)));
    return walked;
  }

  private walkFrom(prune: (dir: string) => boolean): Walk {
    const entries: ContextEntry[] = [];
    const queue = ['.'];
    let complete = true;
    while (queue.length > 0) {
      const dir = queue.shift()!;
      for (const e of this.list(dir) ?? []) {
        if (entries.length >= MAX_WALK_ENTRIES) {
          complete = false;
          break;
        }
        entries.push(e);
        if (e.kind === 'dir' && path.posix.basename(e.path) !== '.git' && !this.isLink(e.path) && !prune(e.path)) queue.push(e.path);
      }
      if (!complete) break;
    }
    entries.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    return { entries, complete };
  }

  get ignoreFile(): { readonly path: string; readonly text: string } | null {
    if (this.ignore === undefined) {
      if (this.ownIgnore !== null) {
        const text = readText(this.ownIgnore);
        this.ignore = text === null ? null : { path: this.ownIgnore, text };
      } else {
        const text = this.read('.dockerignore');
        this.ignore = text === null ? null : { path: path.join(this.root, '.dockerignore'), text };
      }
    }
    return this.ignore;
  }

  sends(rel: string): boolean {
    const p = contextPath(rel);
    if (p === null || !this.exists(p)) return false;
    if (p === '.') return true;
    if (this.rules === undefined) {
      const file = this.ignoreFile;
      this.rules = file === null ? null : parseDockerIgnore(file.text);
    }
    return this.rules === null || !this.rules.excludes(p);
  }

  private isLink(p: string): boolean {
    const listed = this.links.get(p);
    if (listed !== undefined) return listed;
    try {
      return fs.lstatSync(path.join(this.root, p)).isSymbolicLink();
    } catch {
      return false;
    }
  }

  /** What `p` is once symlinks are followed, when it stays inside the root. */
  private resolve(p: string): EntryKind | null {
    const full = path.join(this.root, p);
    let stat: fs.Stats | undefined;
    try {
      // Most paths asked about are missing (COPY sources of a context that holds the Dockerfile
      // alone), and realpath builds an error to say so; stat says it without one. Other errors
      // (a loop of more links than the kernel follows, a path near PATH_MAX) are realpath's to judge.
      stat = fs.statSync(full, { throwIfNoEntry: false });
      if (stat === undefined) return null;
    } catch {
      // realpath decides below.
    }
    try {
      const real = fs.realpathSync(full);
      const rel = path.relative(this.root, real);
      if (rel.startsWith('..') || path.isAbsolute(rel)) return null;
      // stat followed the same links to the same file.
      stat ??= fs.statSync(real);
      return stat.isDirectory() ? 'dir' : stat.isFile() ? 'file' : null;
    } catch {
      return null;
    }
  }

  private readDir(p: string): ContextEntry[] | null {
    this.reading.add(p);
    try {
      return this.readDirEntries(p);
    } finally {
      this.reading.delete(p);
    }
  }

  private readDirEntries(p: string): ContextEntry[] | null {
    const dir = path.join(this.root, p);
    let dirents: fs.Dirent[];
    try {
      dirents = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      return null;
    }
    // A listed folder is inside the root, so an entry of it that is no symlink is too, and is what
    // the listing says: no realpath or stat. The long way is kept where it could answer otherwise:
    // a folder that may be read but not searched (its entries cannot be looked at), a path long
    // enough to near PATH_MAX, and a name with a backslash (a separator in a context path).
    const listingSays = dir.length < SHORT_PATH && searchable(dir);
    const out: ContextEntry[] = [];
    for (const d of dirents.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      const child = p === '.' ? d.name : `${p}/${d.name}`;
      const link = d.isSymbolicLink();
      this.links.set(child, link);
      if (listingSays && !link && !d.name.includes('\\') && !this.kinds.has(child)) this.kinds.set(child, d.isDirectory() ? 'dir' : d.isFile() ? 'file' : null);
      // Set just above, under the path as it is (a name without a backslash needs no normalising).
      const known = this.kinds.get(child);
      const kind = known !== undefined ? known : this.kind(child);
      if (kind !== null) out.push({ path: child, kind });
    }
    return out;
  }
}

/** Whether the file system tells names apart only as written: a listing then answers for a lookup. */
const EXACT_NAMES = process.platform !== 'darwin' && process.platform !== 'win32';

/**
 * A folder path short enough that realpath cannot fail on the length of an entry's path:
 * PATH_MAX is 4,096 bytes, a UTF-16 unit is at most 3 bytes, and a name at most 255.
 */
const SHORT_PATH = 1024;

function searchable(dir: string): boolean {
  try {
    fs.accessSync(dir, fs.constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function readHead(file: string, bytes: number): Uint8Array | null {
  let fd: number | null = null;
  try {
    fd = fs.openSync(file, 'r');
    const buffer = Buffer.alloc(Math.max(0, bytes));
    const read = fs.readSync(fd, buffer, 0, buffer.length, 0);
    return buffer.subarray(0, read);
  } catch {
    return null;
  } finally {
    if (fd !== null) fs.closeSync(fd);
  }
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

function readText(file: string): string | null {
  try {
    const stat = fs.statSync(file);
    if (!stat.isFile() || stat.size > MAX_READ_BYTES) return null;
    const bytes = fs.readFileSync(file);
    if (bytes.includes(0)) return null;
    return utf8.decode(bytes);
  } catch {
    return null;
  }
}

/**
 * A build context held in memory, for tests and for callers that have no folder
 * (the programmatic API). Paths are relative, `/`-separated.
 */
export function memoryBuildContext(files: Readonly<Record<string, string>>, ignoreFile: string | null = null): BuildContext {
  const normal = new Map<string, string>();
  for (const [k, v] of Object.entries(files)) {
    const p = contextPath(k);
    if (p !== null && p !== '.') normal.set(p, v);
  }
  const dirs = new Set<string>(['.']);
  for (const p of normal.keys()) {
    for (let d = path.posix.dirname(p); d !== '.'; d = path.posix.dirname(d)) dirs.add(d);
  }
  const kind = (rel: string): EntryKind | null => {
    const p = contextPath(rel);
    if (p === null) return null;
    return normal.has(p) ? 'file' : dirs.has(p) ? 'dir' : null;
  };
  const all: ContextEntry[] = [...[...dirs].filter((d) => d !== '.').map((d) => ({ path: d, kind: 'dir' as const })), ...[...normal.keys()].map((f) => ({ path: f, kind: 'file' as const }))].sort(
    (a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0),
  );
  const ignoreText = ignoreFile ?? normal.get('.dockerignore') ?? null;
  const rules = ignoreText === null ? null : parseDockerIgnore(ignoreText);
  return {
    root: '/context',
    exists: (rel) => kind(rel) !== null,
    kind,
    read: (rel) => {
      const p = contextPath(rel);
      return p === null ? null : (normal.get(p) ?? null);
    },
    head: (rel, bytes) => {
      const p = contextPath(rel);
      const text = p === null ? undefined : normal.get(p);
      return text === undefined ? null : Buffer.from(text, 'utf8').subarray(0, Math.max(0, bytes));
    },
    list: (rel = '.') => {
      const p = contextPath(rel);
      if (p === null || kind(p) !== 'dir') return null;
      return all.filter((e) => path.posix.dirname(e.path) === p);
    },
    walk: (prune) => {
      if (prune === undefined) return { entries: all, complete: true };
      const inPruned = (p: string) => {
        for (let d = path.posix.dirname(p); d !== '.'; d = path.posix.dirname(d)) if (kind(d) === 'dir' && prune(d)) return true;
        return false;
      };
      return { entries: all.filter((e) => !inPruned(e.path)), complete: true };
    },
    ignoreFile: ignoreText === null ? null : { path: ignoreFile === null ? '.dockerignore' : '<Dockerfile>.dockerignore', text: ignoreText },
    sends: (rel) => {
      const p = contextPath(rel);
      if (p === null || kind(p) === null) return false;
      return p === '.' || rules === null || !rules.excludes(p);
    },
  };
}

/**
 * The build context as it will be once `files` (context-relative path → text) are written: the
 * files a run proposes (a new `.dockerignore`, an edit of one) read as there, so a transform
 * judges the context the next run would find. Everything else is `base`'s.
 */
export function overlayBuildContext(base: BuildContext, files: ReadonlyMap<string, string>): BuildContext {
  const { ctx, extend } = makeOverlay(base, files);
  layers.set(ctx, { base, paths: [...files.keys()].map(contextPath).filter((p): p is string => p !== null && p !== '.'), extend });
  return ctx;
}

/** An overlay's base context and the paths it lays over it. */
export interface OverlayLayer {
  readonly base: BuildContext;
  readonly paths: readonly string[];
  /** `walk`, a walk of the base with `prune`, as the overlay's walk with `prune` reads. */
  extend(walk: Walk, prune?: (dir: string) => boolean): Walk;
}

const layers = new WeakMap<BuildContext, OverlayLayer>();

/**
 * The context `ctx` lays files over, and which, when it is an overlay: so what is worked out from
 * the base and does not depend on those files (a walk that does not enter them, parses of other
 * files) can be kept from one to the other rather than done again for every overlay.
 */
export function overlayLayer(ctx: BuildContext): OverlayLayer | null {
  return layers.get(ctx) ?? null;
}

function makeOverlay(base: BuildContext, files: ReadonlyMap<string, string>): { ctx: BuildContext; extend: OverlayLayer['extend'] } {
  const texts = new Map<string, string>();
  const dirs = new Set<string>();
  for (const [k, v] of files) {
    const p = contextPath(k);
    if (p === null || p === '.') continue;
    texts.set(p, v);
    for (let d = path.posix.dirname(p); d !== '.'; d = path.posix.dirname(d)) dirs.add(d);
  }
  const kind = (rel: string): EntryKind | null => {
    const p = contextPath(rel);
    if (p === null) return null;
    if (texts.has(p)) return 'file';
    return base.kind(p) ?? (dirs.has(p) ? 'dir' : null);
  };
  /** The overlaid entries `base` does not list, directly in `dir` or (with `deep`) anywhere below it. */
  const added = (dir: string, deep: boolean): ContextEntry[] => {
    const out: ContextEntry[] = [];
    for (const p of [...dirs, ...texts.keys()]) {
      const parent = path.posix.dirname(p);
      if (deep ? dir !== '.' && parent !== dir && !parent.startsWith(`${dir}/`) : parent !== dir) continue;
      if (base.kind(p) === null) out.push({ path: p, kind: texts.has(p) ? 'file' : 'dir' });
    }
    return out;
  };
  const sorted = (entries: ContextEntry[]) => entries.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const extend = (walk: Walk, prune?: (dir: string) => boolean): Walk => {
    const inPruned = (p: string) => {
      for (let d = path.posix.dirname(p); d !== '.'; d = path.posix.dirname(d)) if (path.posix.basename(d) === '.git' || (prune !== undefined && prune(d))) return true;
      return false;
    };
    const extra = added('.', true).filter((e) => !inPruned(e.path));
    return extra.length === 0 ? walk : { entries: sorted([...walk.entries, ...extra]), complete: walk.complete };
  };
  const baseIgnore = base.ignoreFile;
  // A Dockerfile's own `<name>.dockerignore` wins over the root's, overlaid or not.
  const ownIgnore = baseIgnore !== null && path.posix.basename(baseIgnore.path.replace(/\\/g, '/')) !== '.dockerignore';
  const rootIgnore = texts.get('.dockerignore');
  // `proposed`: the run proposes it and it is not on disk yet, so no message may speak of it as there.
  const ignoreFile = ownIgnore || rootIgnore === undefined ? baseIgnore : { path: path.join(base.root, '.dockerignore'), text: rootIgnore, ...(base.kind('.dockerignore') === null ? { proposed: true } : {}) };
  const rules = ignoreFile === null ? null : parseDockerIgnore(ignoreFile.text);
  const ctx: BuildContext = {
    root: base.root,
    exists: (rel) => kind(rel) !== null,
    kind,
    read: (rel) => {
      const p = contextPath(rel);
      if (p === null) return null;
      return texts.get(p) ?? base.read(p);
    },
    head: (rel, bytes) => {
      const p = contextPath(rel);
      const text = p === null ? undefined : texts.get(p);
      return text === undefined ? base.head(rel, bytes) : Buffer.from(text, 'utf8').subarray(0, Math.max(0, bytes));
    },
    list: (rel = '.') => {
      const p = contextPath(rel);
      if (p === null || kind(p) !== 'dir') return null;
      const extra = added(p, false);
      const listed = base.list(p) ?? [];
      return extra.length === 0 ? listed : sorted([...listed, ...extra]);
    },
    walk: (prune) => extend(base.walk(prune), prune),
    ignoreFile,
    sends: (rel) => {
      const p = contextPath(rel);
      if (p === null || kind(p) === null) return false;
      return p === '.' || rules === null || !rules.excludes(p);
    },
  };
  return { ctx, extend };
}
