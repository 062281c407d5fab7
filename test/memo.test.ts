import { describe, expect, it } from 'vitest';
import { FileMemo, Memo } from '../src/memo.js';
import { parseDockerfile } from '../src/dockerfile/parse.js';

describe('Memo', () => {
  it('keeps a value per object, as a WeakMap would', () => {
    const memo = new Memo<object, string>();
    const a = {};
    const b = {};
    expect(memo.get(a)).toBeUndefined();
    memo.set(a, 'a');
    memo.set(b, 'b');
    expect(memo.get(a)).toBe('a');
    expect(memo.get(b)).toBe('b');
    memo.set(a, 'again');
    expect(memo.get(a)).toBe('again');
  });

  it('keeps the values of different memos apart on the same object', () => {
    const first = new Memo<object, number>();
    const second = new Memo<object, number>();
    const key = {};
    first.set(key, 1);
    expect(second.get(key)).toBeUndefined();
    second.set(key, 2);
    expect(first.get(key)).toBe(1);
    expect(second.get(key)).toBe(2);
  });

  it('keeps the values of many memos on one object, whatever the order they are set in', () => {
    const memos = Array.from({ length: 12 }, () => new Memo<object, string>());
    const key = {};
    const order = [5, 0, 11, 3, 7, 1, 9, 2, 10, 4, 8, 6];
    for (const [n, i] of order.entries()) {
      memos[i]!.set(key, `v${i}`);
      // Those set so far keep their values as the list grows; the rest have none.
      for (const j of order.slice(0, n + 1)) expect(memos[j]!.get(key)).toBe(`v${j}`);
      for (const j of order.slice(n + 1)) expect(memos[j]!.get(key)).toBeUndefined();
    }
    memos[3]!.set(key, 'changed');
    expect(memos.map((m) => m.get(key))).toEqual(memos.map((_, i) => (i === 3 ? 'changed' : `v${i}`)));
  });

  it('adds nothing a copy, JSON, a key listing or deep equality sees: a spread copy starts empty', () => {
    const memo = new Memo<{ text: string }, string>();
    const other = new Memo<{ text: string }, string>();
    const key = { text: 'FROM x' };
    memo.set(key, 'worked out');
    const copy = { ...key, text: 'FROM y' };
    expect(memo.get(copy)).toBeUndefined();
    // What is worked out about the copy is its own, and leaves the original's as it was.
    memo.set(copy, 'of the copy');
    other.set(copy, 'other');
    expect(memo.get(copy)).toBe('of the copy');
    expect(memo.get(key)).toBe('worked out');
    expect(other.get(key)).toBeUndefined();
    expect(JSON.stringify(key)).toBe('{"text":"FROM x"}');
    expect(Reflect.ownKeys(key).filter((k) => typeof k === 'string')).toEqual(['text']);
    // Tests of transforms compare parsed files and models that analyses have looked at.
    expect(key).toStrictEqual({ text: 'FROM x' });
  });
});

describe('FileMemo', () => {
  it('keeps each memo\'s value per parsed file, apart from other files and other memos', () => {
    const stages = new FileMemo<number>();
    const names = new FileMemo<string>();
    const a = parseDockerfile('FROM a\n');
    const b = parseDockerfile('FROM b\n');
    expect(stages.get(a)).toBeUndefined();
    stages.set(a, 1);
    names.set(b, 'b');
    expect(stages.get(a)).toBe(1);
    expect(stages.get(b)).toBeUndefined();
    expect(names.get(a)).toBeUndefined();
    expect(names.get(b)).toBe('b');
    stages.set(a, 2);
    expect(stages.get(a)).toBe(2);
  });

  it('takes memos made after a file got its first value', () => {
    const first = new FileMemo<string>();
    const file = parseDockerfile('FROM a\n');
    first.set(file, 'first');
    const later = new FileMemo<string>();
    later.set(file, 'later');
    expect(first.get(file)).toBe('first');
    expect(later.get(file)).toBe('later');
  });

  it('makes a value once per file with of, null included', () => {
    const memo = new FileMemo<string | null>();
    const file = parseDockerfile('FROM a\n');
    let made = 0;
    const make = () => (made++, null);
    expect(memo.of(file, make)).toBeNull();
    expect(memo.of(file, make)).toBeNull();
    expect(made).toBe(1);
  });

  it('adds nothing a copy or deep equality sees', () => {
    const memo = new FileMemo<string>();
    const file = parseDockerfile('FROM a\n');
    const before = { ...file };
    memo.set(file, 'worked out');
    expect({ ...file }).toStrictEqual(before);
    expect(Object.keys(file)).toEqual(Object.keys(before));
  });
});

