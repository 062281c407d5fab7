/**
 * Where Composer keeps its cache on Linux, as Composer 1.0 and later (2.x alike) work it out: Factory::getHomeDir,
 * getCacheDir and useXdg in composer/composer's src/Composer/Factory.php, which getcomposer.org/doc/03-cli.md
 * (COMPOSER_HOME, COMPOSER_CACHE_DIR) and doc/06-config.md (cache-dir) describe.
 *
 * - COMPOSER_CACHE_DIR, when set, is the cache.
 * - Else COMPOSER_HOME, when set: the cache is its `cache/`.
 * - Else the home is $XDG_CONFIG_HOME/composer (~/.config/composer) where the system "uses XDG", or ~/.composer,
 *   whichever of the two exists first, and the cache is ~/.composer/cache when the home is ~/.composer and that
 *   folder exists, else $XDG_CACHE_HOME/composer (~/.cache/composer) where the system uses XDG, else the home's
 *   `cache/` (~/.composer/cache). The system uses XDG when any XDG_ variable is set, or /etc/xdg is a folder:
 *   some images have one (a package puts its desktop files there), most have not, and no Dockerfile says. So a
 *   build whose file moves nothing may fill ~/.composer/cache or ~/.cache/composer: removing ~/.composer alone
 *   (wallabag/docker's `rm -rf /root/.composer/*`) leaves the second.
 */

/** The variables that move Composer's cache, most decisive first, and where each puts it. */
export const COMPOSER_CACHE_VARIABLES: readonly { readonly variable: string; readonly cache: (value: string) => string }[] = [
  { variable: 'COMPOSER_CACHE_DIR', cache: (value) => value },
  { variable: 'COMPOSER_HOME', cache: (value) => `${value}/cache` },
];

/**
 * The folders under the user's home (`~`) that may hold Composer's cache when no variable above is set: the
 * home's `cache/` without XDG, the XDG cache folder with it (XDG_CACHE_HOME's `composer/` when that is set).
 */
export const COMPOSER_HOME_CACHES: readonly { readonly dir: string; readonly when: string }[] = [
  { dir: '~/.composer/cache', when: 'where no XDG_ variable is set and the image has no /etc/xdg' },
  { dir: '~/.cache/composer', when: 'where an XDG_ variable is set or the image has /etc/xdg' },
];

/** A folder that may hold Composer's cache, and when it does. */
export interface ComposerCache {
  readonly dir: string;
  readonly when: string;
}

/**
 * The folders that may hold Composer's cache for a command that sees these variables (`lookup`: the value,
 * null when only known at build time, undefined when not set): one when a variable names it, else each of
 * COMPOSER_HOME_CACHES (XDG_CACHE_HOME's when that is set, under HOME when that is); or why that is not known.
 */
export function composerCacheDirs(lookup: (name: string) => string | null | undefined): { readonly dirs: readonly ComposerCache[] } | { readonly unknown: string } {
  for (const { variable, cache } of COMPOSER_CACHE_VARIABLES) {
    const value = lookup(variable);
    if (value === undefined || value === '') continue;
    if (value === null || !value.startsWith('/')) return { unknown: `${variable} is only known at build time` };
    return { dirs: [{ dir: cache(value.replace(/\/+$/, '')), when: `as ${variable}=${value} says` }] };
  }
  const xdgCache = lookup('XDG_CACHE_HOME');
  const home = lookup('HOME');
  if (xdgCache === null || (xdgCache !== undefined && !xdgCache.startsWith('/'))) return { unknown: 'XDG_CACHE_HOME is only known at build time' };
  if (home === null || (home !== undefined && !home.startsWith('/'))) return { unknown: 'HOME is only known at build time' };
  return {
    dirs: COMPOSER_HOME_CACHES.map((c) => ({
      dir: c.dir === '~/.cache/composer' && xdgCache !== undefined ? `${xdgCache.replace(/\/+$/, '')}/composer` : home !== undefined ? c.dir.replace(/^~/, home.replace(/\/+$/, '')) : c.dir,
      when: c.when,
    })),
  };
}

/**
 * The caches Composer fills on an install, in folders a project's composer.json \`config\` may move, each with the
 * variable that wins over the file and its default: Config::$defaultConfig and Config::get in composer/composer's
 * src/Composer/Config.php (doc/06-config.md: cache-dir, cache-files-dir, cache-repo-dir, cache-vcs-dir).
 */
export const COMPOSER_CACHE_SETTINGS: readonly { readonly key: string; readonly variable: string; readonly fallback: string }[] = [
  { key: 'cache-files-dir', variable: 'COMPOSER_CACHE_FILES_DIR', fallback: '{$cache-dir}/files' },
  { key: 'cache-repo-dir', variable: 'COMPOSER_CACHE_REPO_DIR', fallback: '{$cache-dir}/repo' },
  { key: 'cache-vcs-dir', variable: 'COMPOSER_CACHE_VCS_DIR', fallback: '{$cache-dir}/vcs' },
];

/** The folders a project's composer.json moves Composer's caches to (composerConfigCacheDirs). */
export interface ComposerConfigCaches {
  /** Absolute, each with the setting that puts it there: the cache-dir alone where every cache lies in it. */
  readonly folders: readonly { readonly dir: string; readonly key: string }[];
  /** Some caches stay in Composer's own cache folder, which the file does not move. */
  readonly rest: boolean;
}

/** What a command sees of a variable: its value, null when only known at build time, undefined when not set. */
type Lookup = (name: string) => string | null | undefined;

/** Where a cache goes: a folder (\`moved\`: the project's composer.json puts it there, by \`key\`), Composer's own cache folder, or not known. */
type Placed = { readonly dir: string; readonly moved: boolean; readonly key: string } | { readonly own: true } | { readonly unknown: string };

/** What a setting's value is read against: the variables, the user's home, the project's folder (null: not known). */
interface Surroundings {
  readonly lookup: Lookup;
  readonly home: string | null;
  readonly project: string | null;
}

/**
 * Where the caches go that a project's composer.json \`config\` moves, as Composer reads it (Config::get): the
 * variable COMPOSER_<KEY> wins over the file; \`{$home}\` and \`{$cache-dir}\` name those settings; then a leading \`~/\`
 * is the user's home and a leading \`$NAME\` a variable (Platform::expandPath); a relative path is the project's folder
 * (Config::realpath: the folder composer runs in). Null when the file moves none of the caches; unknown when one it
 * moves is only known at build time.
 */
export function composerConfigCacheDirs(config: Readonly<Record<string, unknown>>, lookup: Lookup, home: string | null, project: string | null): ComposerConfigCaches | { readonly unknown: string } | null {
  const written = (key: string) => (typeof config[key] === 'string' && config[key] !== '' ? (config[key] as string) : undefined);
  if (['cache-dir', ...COMPOSER_CACHE_SETTINGS.map((c) => c.key)].every((key) => written(key) === undefined)) return null;
  const around: Surroundings = { lookup, home, project };
  const byVariable = placedByVariable('COMPOSER_CACHE_DIR', lookup);
  const byFile = byVariable === null ? placedSetting('cache-dir', written('cache-dir'), around, { own: true }) : null;
  const cacheDir = byVariable ?? byFile ?? ownCacheDir(lookup);
  const caches = COMPOSER_CACHE_SETTINGS.map(({ key, variable, fallback }): Placed => {
    const placed = placedByVariable(variable, lookup) ?? placedSetting(key, written(key), around, cacheDir);
    if (placed !== null) return placed;
    // In the cache-dir: one the file sets is followed; Composer's own (or a variable's) is left to \`composer clear-cache\`.
    if (byFile === null) return { own: true };
    return 'dir' in byFile ? { ...byFile, dir: `${byFile.dir}/${fallback.replace('{$cache-dir}/', '')}` } : byFile;
  });
  const unknown = caches.find((c): c is Extract<Placed, { unknown: string }> => 'unknown' in c);
  if (unknown !== undefined) return unknown;
  const moved = caches.filter((c): c is Extract<Placed, { dir: string }> => 'dir' in c && c.moved);
  if (moved.length === 0) return null;
  // The cache-dir the file sets goes as a whole, with any cache it moves elsewhere.
  const wanted = [...(byFile !== null && 'dir' in byFile ? [byFile] : []), ...moved];
  const folders = wanted.filter((c, i) => !wanted.some((o, j) => c.dir.startsWith(`${o.dir}/`) || (c.dir === o.dir && j < i)));
  return { folders: folders.map((c) => ({ dir: c.dir, key: c.key })), rest: moved.length < caches.length };
}

/** A cache a variable places (Composer reads it before the file); null when it is not set. */
function placedByVariable(variable: string, lookup: Lookup): Placed | null {
  const value = lookup(variable);
  if (value === undefined || value === '') return null;
  if (value === null || !value.startsWith('/')) return { unknown: `${variable} is only known at build time` };
  return { dir: normalDir(value), moved: false, key: variable };
}

/** A cache the project's file places by \`key\` (\`value\`); null when the file does not set it. */
function placedSetting(key: string, value: string | undefined, around: Surroundings, cacheDir: Placed): Placed | null {
  if (value === undefined) return null;
  let out = value;
  for (const m of value.matchAll(/\{\$([^}]+)\}/g)) {
    const named = m[1] === 'cache-dir' ? cacheDir : m[1] === 'home' ? composerHome(around.lookup) : { unknown: `{$${m[1]}} names a setting dockshift does not follow` };
    if (!('dir' in named)) return { unknown: `${key} is "${value}": ${'unknown' in named ? named.unknown : "{$cache-dir} is Composer's own cache folder, which is ~/.composer/cache or ~/.cache/composer by whether the image uses XDG"}` };
    out = out.replace(m[0], named.dir);
  }
  const variable = /^\$(\w+)/.exec(out);
  if (/^~\//.test(out)) {
    if (around.home === null) return { unknown: `${key} is "${value}", in the user's home, which is not known` };
    out = `${around.home}${out.slice(1)}`;
  } else if (variable !== null) {
    const v = around.lookup(variable[1]!);
    if (v == null || !v.startsWith('/')) return { unknown: `${key} is "${value}", and $${variable[1]} is only known at build time` };
    out = `${v}${out.slice(variable[0].length)}`;
  }
  if (out.includes('$')) return { unknown: `${key} is "${value}", named by a value only known at build time` };
  if (!out.startsWith('/') && around.project === null) return { unknown: `${key} is "${value}", relative to the project's folder, which is not known` };
  return { dir: normalDir(out.startsWith('/') ? out : `${around.project}/${out}`), moved: true, key };
}

/** Composer's home, \`{$home}\`: COMPOSER_HOME, else ~/.composer or ~/.config/composer by XDG (Factory::getHomeDir). */
function composerHome(lookup: Lookup): Placed {
  const value = lookup('COMPOSER_HOME');
  if (value != null && value.startsWith('/')) return { dir: normalDir(value), moved: false, key: 'COMPOSER_HOME' };
  return { unknown: "{$home} is Composer's home, which with no COMPOSER_HOME is ~/.composer or ~/.config/composer by whether the image uses XDG" };
}

/** Composer's own cache folder, where one (composerCacheDirs). */
function ownCacheDir(lookup: Lookup): Placed {
  const own = composerCacheDirs(lookup);
  return 'dirs' in own && own.dirs.length === 1 && own.dirs[0]!.dir.startsWith('/') ? { dir: normalDir(own.dirs[0]!.dir), moved: false, key: 'cache-dir' } : { own: true };
}

/** A folder as an absolute path with no \`.\`, \`..\`, doubled or trailing slash. */
function normalDir(path: string): string {
  const parts: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') parts.pop();
    else parts.push(part);
  }
  return `/${parts.join('/')}`;
}
