import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { pathBelow } from '../src/engine/pathBelow.js';

/** What pathBelow answers, by path.relative alone. */
function byRelative(from: string, to: string): string | null {
  const rel = path.relative(from, to);
  if (rel === '' || rel === '..' || rel.startsWith(`..${path.sep}`) || path.isAbsolute(rel)) return null;
  return rel.split(path.sep).join('/');
}

describe('pathBelow', () => {
  const segments = ['', '.', '..', '...', '..x', 'x..', '.x', 'a', 'b c', 'a/b', '/', '//'];
  const paths = ['/'];
  for (const a of segments) {
    paths.push(`/${a}`);
    for (const b of segments) paths.push(`/${a}/${b}`, `/a/${a}/${b}`, `/${a}${b}`);
  }

  it.skipIf(path.sep !== '/')('answers as path.relative does for every pair of awkward paths', () => {
    let below = 0;
    for (const from of paths) {
      for (const to of paths) {
        expect(pathBelow(from, to), `${from} ${to}`).toBe(byRelative(from, to));
        if (pathBelow(from, to) !== null) below++;
      }
    }
    expect(below).toBeGreaterThan(1000);
  });

  it('takes a folder named like .. for one', () => {
    expect(pathBelow('/r', '/r/..x/Dockerfile')).toBe('..x/Dockerfile');
    expect(pathBelow('/r', '/r/../x')).toBeNull();
    expect(pathBelow('/r', '/r')).toBeNull();
    expect(pathBelow('/', '/r')).toBe('r');
  });
});
