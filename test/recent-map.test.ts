import { describe, expect, it } from 'vitest';
import { RecentMap } from '../src/engine/recentMap.js';

/** The reference: a least-recently-used list that finds its oldest key, and sums its weights, afresh each time. */
class Reference {
  readonly entries = new Map<number, number>();
  constructor(
    private readonly limit: number,
    private readonly weigh: (key: number) => number = () => 0,
    private readonly maxWeight = Number.POSITIVE_INFINITY,
  ) {}
  private total(): number {
    return [...this.entries.keys()].reduce((sum, k) => sum + this.weigh(k), 0);
  }
  get(key: number): number | undefined {
    const value = this.entries.get(key);
    if (value !== undefined) {
      this.entries.delete(key);
      this.entries.set(key, value);
    }
    return value;
  }
  set(key: number, value: number): void {
    this.entries.delete(key);
    if (this.weigh(key) > this.maxWeight) return;
    if (this.entries.size >= this.limit) this.entries.delete(this.entries.keys().next().value!);
    while (this.entries.size > 0 && this.total() + this.weigh(key) > this.maxWeight) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(key, value);
  }
}

describe('RecentMap', () => {
  it('keeps the most recently used entries up to its limit', () => {
    const m = new RecentMap<string, number>(2);
    m.set('a', 1);
    m.set('b', 2);
    expect(m.get('a')).toBe(1); // a is now the most recent
    m.set('c', 3); // b goes
    expect(m.get('b')).toBeUndefined();
    expect(m.get('a')).toBe(1);
    expect(m.get('c')).toBe(3);
    m.set('c', 4); // replacing does not evict
    expect(m.get('a')).toBe(1);
    expect(m.get('c')).toBe(4);
  });

  it('evicts exactly as a least-recently-used list would, over random gets, sets and clears', () => {
    let seed = 7;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    for (let trial = 0; trial < 200; trial++) {
      const limit = random(20); // 0 too: an eviction from an empty map ends a walk
      const m = new RecentMap<number, number>(limit);
      let ref = new Reference(limit);
      for (let step = 0; step < 2000; step++) {
        const key = random(3 * limit + 2);
        const op = random(100);
        if (op === 0) {
          m.clear();
          ref = new Reference(limit);
        } else if (op < 50) {
          m.set(key, step);
          ref.set(key, step);
        } else {
          expect(m.get(key)).toBe(ref.get(key));
        }
      }
      for (const [key, value] of ref.entries) expect(m.get(key)).toBe(value);
    }
  });

  it('bounds the total weight too: the oldest go until a new entry fits, one too heavy alone is not kept', () => {
    const weigh = (key: number) => (key % 7) + 1;
    let seed = 11;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    for (let trial = 0; trial < 200; trial++) {
      const limit = 1 + random(20);
      const maxWeight = random(40);
      const m = new RecentMap<number, number>(limit, weigh, maxWeight);
      const ref = new Reference(limit, weigh, maxWeight);
      for (let step = 0; step < 2000; step++) {
        const key = random(3 * limit + 2);
        if (random(2) === 0) {
          m.set(key, step);
          ref.set(key, step);
        } else {
          expect(m.get(key)).toBe(ref.get(key));
        }
      }
      for (const [key, value] of ref.entries) expect(m.get(key)).toBe(value);
    }
  });
});
