import { countBefore } from '../sorted.js';
import type { Comment, ParsedDockerfile } from './types.js';

/**
 * The comment lines of the file that start in [start, end), in order. Comments
 * are in file order, so this is a binary search: every instruction asks.
 */
export function commentsBetween(file: ParsedDockerfile, start: number, end: number): readonly Comment[] {
  const { comments } = file;
  const first = countBefore(comments, (c) => c.span.start < start);
  let k = first;
  while (k < comments.length && comments[k]!.span.start < end) k++;
  return comments.slice(first, k);
}
