/**
 * A list to keep while a file is worked on (a file of 70,000 RUNs keeps a shell model and facts
 * for each): made to measure, as an array grown by push keeps room for about 16 more, and an
 * empty one is shared. The caller must not change it.
 */
export function kept<T>(list: readonly T[]): readonly T[] {
  return list.length === 0 ? NONE : list.slice();
}

const NONE: readonly never[] = Object.freeze([]);
