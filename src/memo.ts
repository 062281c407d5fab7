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
 *
 * The list is stored with a plain assignment, which keeps it enumerable: a copy made by
 * spreading the object (`{ ...inst, span }`) carries it. So the list names its owner first,
 * and an object holding a list that names another has nothing worked out yet.
 * (`Object.defineProperty`, which can hide the list, made a file of 70,000 one-line RUNs
 * take a tenth longer: it runs once for every instruction, script and command.)
 */
export class Memo<K extends object, V> {
  private static count = 0;
  /** This memo's tag in every object's list of values. */
  private readonly id = Memo.count++;

  get(key: K): V | undefined {
    const values = ownValues(key);
    if (values !== undefined) {
      for (let i = 1; i < values.length; i += 2) if (values[i] === this.id) return values[i + 1] as V;
    }
    return undefined;
  }

  set(key: K, value: V): void {
    const values = ownValues(key);
    if (values === undefined) {
      (key as Keyed)[VALUES] = [key, this.id, value];
      return;
    }
    for (let i = 1; i < values.length; i += 2) {
      if (values[i] === this.id) {
        values[i + 1] = value;
        return;
      }
    }
    // A new list of exactly the right length: push would give the list spare room for a dozen more.
    (key as Keyed)[VALUES] = [...values, this.id, value];
  }
}

/**
 * Each object's values as a flat list: its owner, then (memo tag, value) pairs. Most
 * objects have a value from one to four memos, and there are dozens of memos: a list
 * indexed by memo made every instruction, script and command of a file carry hundreds
 * of bytes of empty slots through the pass (a fifth of the live heap of a file of one-line RUNs).
 */
const VALUES = Symbol('memo');

type Keyed = { [VALUES]?: unknown[] };

/** The object's own list; not one a spread copy brought from its original. */
function ownValues(key: object): unknown[] | undefined {
  const values = (key as Keyed)[VALUES];
  return values !== undefined && values[0] === key ? values : undefined;
}
