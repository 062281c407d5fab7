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
