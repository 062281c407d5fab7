import { describe, expect, it } from 'vitest';
import { threadsFor } from '../src/engine/runner.js';

describe('threadsFor', () => {
  it('runs in band by default below 2,000 files, on one core, or on 2 cores below 10,000 files', () => {
    expect(threadsFor(1999, undefined, 8)).toBe(1);
    expect(threadsFor(9999, undefined, 2)).toBe(1);
    expect(threadsFor(100_000, undefined, 1)).toBe(1);
  });

  it('uses both cores of a 2-core machine from 10,000 files', () => {
    expect(threadsFor(10_000, undefined, 2)).toBe(2);
    expect(threadsFor(100_000, undefined, 2)).toBe(2);
  });

  it('uses one thread per core by default from 2,000 files on 3 cores or more', () => {
    expect(threadsFor(2000, undefined, 3)).toBe(3);
    expect(threadsFor(50_000, undefined, 8)).toBe(8);
  });

  it('honours an explicit concurrency whatever the size, never above the number of files', () => {
    expect(threadsFor(10, 2, 2)).toBe(2);
    expect(threadsFor(1, 4, 8)).toBe(1);
    expect(threadsFor(5000, 1, 8)).toBe(1);
    expect(threadsFor(5000, 0, 8)).toBe(1);
  });

  it('caps an explicit concurrency at two threads per core', () => {
    expect(threadsFor(5000, 16, 8)).toBe(16);
    expect(threadsFor(5000, 17, 8)).toBe(16);
    expect(threadsFor(5000, 5000, 2)).toBe(4);
    expect(threadsFor(5000, Number('99999999999999999999'), 2)).toBe(4);
    expect(threadsFor(3, Number('99999999999999999999'), 2)).toBe(3);
  });
});
