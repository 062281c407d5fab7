import { describe, expect, it } from 'vitest';
import { RecentMap } from '../src/engine/recentMap.js';

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
});
