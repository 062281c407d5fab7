import * as path from 'node:path';

/** Names separated by single `/`, none `.` or `..`: a path that path.relative would leave as it is. */
const NORMAL_NAMES = /^(?!\.\.?(?:\/|$))[^/\0]+(?:\/(?!\.\.?(?:\/|$))[^/\0]+)*$/;

/**
 * `to` relative to `from` (both absolute), `/`-separated, when it lies below it; null when it is
 * `from` itself or outside it. Asked for every file of a run (how it is shown, how a patch names it,
 * which context or configuration holds it), where the answer is mostly a tail of `to`: that is taken
 * as it is, and anything else goes through path.relative.
 */
export function pathBelow(from: string, to: string): string | null {
  if (path.sep === '/' && to.startsWith(from)) {
    const tail = from.endsWith('/') ? to.slice(from.length) : to[from.length] === '/' ? to.slice(from.length + 1) : null;
    if (tail !== null && NORMAL_NAMES.test(tail) && (from === '/' || NORMAL_NAMES.test(from.slice(1)))) return tail;
  }
  const rel = path.relative(from, to);
  if (rel === '' || rel === '..' || rel.startsWith(`..${path.sep}`) || path.isAbsolute(rel)) return null;
  return rel.split(path.sep).join('/');
}
