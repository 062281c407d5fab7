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
