import type { CacheKind, ShellWord } from './types.js';

/** Most specific first: `~/.cache/pip` is pip's before it is the user cache. */
const CACHE_DIRS: readonly (readonly [CacheKind, RegExp])[] = [
  ['apt-lists', /^\/var\/lib\/apt\/lists(?:\/|$)/],
  ['apt-archives', /^\/var\/cache\/apt(?:\/|$)/],
  // /etc/apk/cache is where apk looks for its cache (a link to /var/cache/apk when enabled); a cache mount there is used as one.
  ['apk', /^\/(?:var\/cache\/apk|etc\/apk\/cache)(?:\/|$)/],
  ['yum', /^\/var\/cache\/yum(?:\/|$)/],
  ['dnf', /^\/var\/cache\/dnf(?:\/|$)/],
  ['zypper', /^\/var\/cache\/zypp(?:\/|$)/],
  ['pip', /^~\/\.cache\/pip(?:\/|$)/],
  ['yarn', /^(?:~\/\.cache\/yarn|~\/\.yarn\/cache|\/usr\/local\/share\/\.cache\/yarn)(?:\/|$)/],
  ['pnpm', /^(?:~\/\.cache\/pnpm|~\/\.local\/share\/pnpm\/store|~\/\.pnpm-store)(?:\/|$)/],
  ['npm', /^~\/\.npm(?:\/|$)/],
  // conda's package cache: pkgs in the install's root (the images' /opt/conda, a home's miniconda3 or miniforge3), or ~/.conda/pkgs.
  ['conda', /^(?:\/opt\/(?:conda|miniconda3?|miniforge3?|mambaforge)\/pkgs|~\/(?:\.conda|\.mamba|micromamba|miniconda3?|miniforge3?|mambaforge|anaconda3)\/pkgs)(?:\/|$)/],
  ['gem', /^(?:~\/\.gem|\/usr\/local\/bundle\/cache|\/usr\/local\/lib\/ruby\/gems\/[^/]+\/cache)(?:\/|$)/],
  ['user-cache', /^~\/\.cache(?:\/|$)/],
  ['tmp', /^\/(?:var\/)?tmp(?:\/|$)/],
];

/**
 * Which cache a path (possibly a glob such as `/var/lib/apt/lists/*`) lies in.
 * `~`, `$HOME` and `/root` are read as the same home: RUN runs as root unless
 * a USER says otherwise.
 */
export function cacheKind(path: string): CacheKind | null {
  const normal = path
    .replace(/^(?:~|\$HOME|\$\{HOME\}|\/root)(?=\/|$)/, '~')
    .replace(/\/{2,}/g, '/')
    .replace(/\/+$/, '');
  for (const [kind, re] of CACHE_DIRS) if (re.test(normal)) return kind;
  return null;
}

/**
 * Which cache a path lies in for commands whose HOME is \`home\` (null: not known): under that home as under \`~\`
 * (\`/home/node/.npm\` is npm's cache for a RUN as node), and not under /root unless that is the home (root's
 * cache is not another user's).
 */
export function cacheKindIn(path: string, home: string | null): CacheKind | null {
  const normal = path.replace(/\/{2,}/g, '/').replace(/(?<=.)\/+$/, '');
  if (home !== null) {
    const prefix = home === '/' ? '' : home;
    const kind = normal === home || normal.startsWith(`${prefix}/`) ? cacheKind(`~${normal.slice(prefix.length)}`) : null;
    if (kind !== null) return kind;
  }
  if (home !== '/root' && /^\/root(?:\/|$)/.test(normal)) return null;
  return cacheKind(normal);
}

/** A word's cache: its value, or for `"$HOME"/.cache` style words the text with quotes dropped. */
export function cacheOfWord(word: ShellWord): CacheKind | null {
  return cacheKind(word.value ?? word.raw.replace(/["']/g, ''));
}
