/**
 * A Map that keeps only the `limit` most recently used entries: the caches a run
 * fills as it goes (parsed RUN bodies, build contexts, hadolint configurations),
 * so that memory does not grow with the number of files. Files come in path
 * order, so what a file needs was mostly used just before.
 */
export class RecentMap<K, V> {
  private readonly entries = new Map<K, V>();
  /**
   * Walks the keys oldest first and is kept between evictions. A fresh
   * `keys().next()` per eviction skips every entry deleted before it (a get moves
   * an entry by deleting it), thousands in a full cache. Keys never go in before
   * the walk's place, so the first live key at or after it is the oldest. A walk
   * ends only on an empty map (a limit of 0); the next starts afresh.
   */
  private oldest: MapIterator<K> | null = null;

  constructor(private readonly limit: number) {}

  get(key: K): V | undefined {
    const value = this.entries.get(key);
    if (value !== undefined) {
      // Most recently used goes last.
      this.entries.delete(key);
      this.entries.set(key, value);
    }
    return value;
  }

  set(key: K, value: V): void {
    this.entries.delete(key);
    if (this.entries.size >= this.limit) this.entries.delete(this.nextOldest());
    this.entries.set(key, value);
  }

  clear(): void {
    this.entries.clear();
    this.oldest = null;
  }

  private nextOldest(): K {
    let next = this.oldest?.next();
    if (next === undefined || next.done === true) {
      this.oldest = this.entries.keys();
      next = this.oldest.next();
    }
    return next.value as K;
  }
}
