import type { Comment, ParsedDockerfile } from './types.js';

/**
 * The comment lines of the file that start in [start, end), in order. Comments
 * are in file order, so this is a binary search: every instruction asks.
 */
export function commentsBetween(file: ParsedDockerfile, start: number, end: number): readonly Comment[] {
  const { comments } = file;
  let lo = 0;
  let hi = comments.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (comments[mid]!.span.start < start) lo = mid + 1;
    else hi = mid;
  }
  let k = lo;
  while (k < comments.length && comments[k]!.span.start < end) k++;
  return comments.slice(lo, k);
}
