/**
 * What is worked out about an object (a parsed file, one of its instructions),
 * kept on the object itself: the same `get`/`set` as a WeakMap keyed by it, and
 * gone with it.
 *
 * Not a WeakMap: V8's young-generation collector keeps the values of a WeakMap
 * whose keys die young, so every file's analyses, and through them its
 * instructions and syntax tree, were copied and promoted to the old generation
 * and left for a full mark-compact (25,000 five-line files promoted 623 MB).
 * A file is parsed anew in every pass and dies soon after; what hangs off it
 * should die with it. Data that lives as long as the run (identified images,
 * repositories, build contexts) can stay in a WeakMap.
 */
export class Memo<K extends object, V> {
  private static count = 0;
  /** This memo's tag in every object's list of values. */
  private readonly id = Memo.count++;

  get(key: K): V | undefined {
    const values = valuesOf(key);
    if (values !== undefined) {
      for (let i = 0; i < values.length; i += 2) if (values[i] === this.id) return values[i + 1] as V;
    }
    return undefined;
  }

  set(key: K, value: V): void {
    const values = valuesOf(key);
    if (values === undefined) {
      // Not enumerable: a copy made by spreading the object must not share what was worked out about it.
      Object.defineProperty(key, VALUES, { value: [this.id, value], enumerable: false, writable: true });
      return;
    }
    for (let i = 0; i < values.length; i += 2) {
      if (values[i] === this.id) {
        values[i + 1] = value;
        return;
      }
    }
    // A new list of exactly the right length: push would give the list spare room for a dozen more.
    (key as { [VALUES]: unknown[] })[VALUES] = [...values, this.id, value];
  }
}

/**
 * Each object's values as a flat list of (memo tag, value) pairs. Most objects have a
 * value from one to four memos, and there are dozens of memos: a list indexed by memo
 * made every instruction, script and command of a file carry hundreds of bytes of
 * empty slots through the pass (a fifth of the live heap of a file of one-line RUNs).
 */
const VALUES = Symbol('memo');

function valuesOf(key: object): unknown[] | undefined {
  return (key as { [VALUES]?: unknown[] })[VALUES];
}
