import type { ParsedDockerfile } from './dockerfile/types.js';

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
    const values = Values.of(key);
    if (values !== undefined) {
      for (let i = 0; i < values.length; i += 2) if (values[i] === this.id) return values[i + 1] as V;
    }
    return undefined;
  }

  set(key: K, value: V): void {
    const values = Values.of(key);
    if (values === undefined) {
      new Values(key, [this.id, value]);
      return;
    }
    for (let i = 0; i < values.length; i += 2) {
      if (values[i] === this.id) {
        values[i + 1] = value;
        return;
      }
    }
    // A new list of exactly the right length (push would give it spare room for a dozen more), copied by
    // index: a spread runs the iterator protocol, and this is done for every command of every script.
    const grown = new Array<unknown>(values.length + 2);
    for (let i = 0; i < values.length; i++) grown[i] = values[i];
    grown[values.length] = this.id;
    grown[values.length + 1] = value;
    Values.replace(key, grown);
  }
}

/**
 * A Memo keyed by parsed files. A file collects values from most of the thirty
 * or so memos keyed by it, and each is asked for many times a pass, so its values
 * sit in one list indexed by memo: a lookup is one read, where a list of pairs was
 * searched, and copied whole to add each value (one file a pass: the empty slots
 * cost nothing that matters).
 */
export class FileMemo<V> {
  private static count = 0;
  /** This memo's slot in every file's list. */
  private readonly slot = FileMemo.count++;

  get(file: ParsedDockerfile): V | undefined {
    return slotsOf(file)?.[this.slot] as V | undefined;
  }

  /** The value for the file, made by \`make\` when first asked for (\`undefined\` is never kept: null is). */
  of(file: ParsedDockerfile, make: (file: ParsedDockerfile) => V): V {
    const known = this.get(file);
    if (known !== undefined) return known;
    const value = make(file);
    this.set(file, value);
    return value;
  }

  set(file: ParsedDockerfile, value: V): void {
    let slots = slotsOf(file);
    if (slots === undefined) {
      slots = new Array<unknown>(FileMemo.count);
      Object.defineProperty(file, SLOTS, { value: slots, enumerable: false });
    }
    slots[this.slot] = value;
  }
}

const SLOTS = Symbol('file memo');

function slotsOf(file: object): unknown[] | undefined {
  return (file as { [SLOTS]?: unknown[] })[SLOTS];
}

/** Returns the object it is given, so that a subclass's private field is added to that object. */
class Carrier {
  constructor(target: object) {
    return target;
  }
}

/**
 * Each object's values as a flat list of (memo tag, value) pairs. Most objects have a
 * value from one to four memos, and there are dozens of memos: a list indexed by memo
 * made every instruction, script and command of a file carry hundreds of bytes of
 * empty slots through the pass (a fifth of the live heap of a file of one-line RUNs).
 *
 * The list is a private field added to the object. No spread, JSON, key listing or
 * deep equality sees a private field, as none sees a property that is not enumerable;
 * but adding one is an ordinary store, where Object.defineProperty called into the
 * runtime for each of a file's instructions, scripts and commands (half of the memos'
 * time, 1.5% of a run's).
 */
class Values extends Carrier {
  #list: unknown[];

  constructor(target: object, list: unknown[]) {
    super(target);
    this.#list = list;
  }

  static of(key: object): unknown[] | undefined {
    return #list in key ? (key as Values).#list : undefined;
  }

  static replace(key: object, list: unknown[]): void {
    (key as Values).#list = list;
  }
}
