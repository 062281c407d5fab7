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
  /** This memo's place in every object's slots. */
  private readonly slot = Memo.count++;

  get(key: K): V | undefined {
    return slotsOf(key)?.[this.slot] as V | undefined;
  }

  set(key: K, value: V): void {
    let slots = slotsOf(key);
    if (slots === undefined) {
      slots = [];
      // Not enumerable: a copy made by spreading the object must not share what was worked out about it.
      Object.defineProperty(key, SLOTS, { value: slots, enumerable: false });
    }
    slots[this.slot] = value;
  }
}

const SLOTS = Symbol('memo');

function slotsOf(key: object): unknown[] | undefined {
  return (key as { [SLOTS]?: unknown[] })[SLOTS];
}
