/**
 * In a list sorted so that `isBefore` holds for a leading run of elements and
 * for none after it, the length of that run: the index of the first element
 * for which it does not hold. A binary search, for the many "what holds just
 * before this point of the file?" questions.
 */
export function countBefore<T>(list: readonly T[], isBefore: (item: T) => boolean): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (isBefore(list[mid]!)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * countBefore for things in source order, of those that start before \`offset\`: asked for
 * every pair of commands of a script, where a closure made per ask was most of the cost.
 */
export function countStartingBefore(list: readonly { readonly start: number }[], offset: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]!.start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** countBefore of the things in source order that end before \`offset\` (see countStartingBefore). */
export function countEndingBefore(list: readonly { readonly end: number }[], offset: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]!.end < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Adds position `j` to the list of `key`, once: positions are added in increasing order. */
export function addPosition<K>(lists: Map<K, number[]>, key: K, j: number): void {
  const list = lists.get(key);
  if (list === undefined) lists.set(key, [j]);
  else if (list.at(-1) !== j) list.push(j);
}

/**
 * For lists of positions in increasing order, a function from a position to the first
 * position at or after it in any of them (Infinity when none): a walk that only has to
 * stop where one of several kinds of instruction stands jumps from one to the next.
 */
export function nextInAny(lists: readonly (readonly number[])[]): (from: number) => number {
  const nonEmpty = lists.filter((l) => l.length > 0);
  return (from) => {
    let first = Infinity;
    for (const list of nonEmpty) {
      const k = countBefore(list, (j) => j < from);
      if (k < list.length && list[k]! < first) first = list[k]!;
    }
    return first;
  };
}
