/**
 * A Map that keeps only the `limit` most recently used entries: the caches a run
 * fills as it goes (parsed RUN bodies, build contexts, hadolint configurations),
 * so that memory does not grow with the number of files. Files come in path
 * order, so what a file needs was mostly used just before.
 */
export class RecentMap<K, V> {
  private readonly entries = new Map<K, V>();

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
    if (this.entries.size >= this.limit) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(key, value);
  }

  clear(): void {
    this.entries.clear();
  }
}
