/**
 * A Map that keeps only the `limit` most recently used entries: the caches a run
 * fills as it goes (parsed RUN bodies, build contexts, hadolint configurations),
 * so that memory does not grow with the number of files. Files come in path
 * order, so what a file needs was mostly used just before. Where entries differ
 * in size, `weigh` and `maxWeight` bound their total too: the oldest go until the
 * new one fits, and one heavier than `maxWeight` alone is not kept.
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
  private weight = 0;

  constructor(
    private readonly limit: number,
    private readonly weigh: (key: K) => number = () => 0,
    private readonly maxWeight = Number.POSITIVE_INFINITY,
  ) {}

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
    this.remove(key);
    const weight = this.weigh(key);
    if (weight > this.maxWeight) return;
    if (this.entries.size >= this.limit) this.remove(this.nextOldest());
    while (this.weight + weight > this.maxWeight && this.entries.size > 0) this.remove(this.nextOldest());
    this.entries.set(key, value);
    this.weight += weight;
  }

  clear(): void {
    this.entries.clear();
    this.oldest = null;
    this.weight = 0;
  }

  private remove(key: K): void {
    if (this.entries.delete(key)) this.weight -= this.weigh(key);
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
