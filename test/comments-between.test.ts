import { describe, expect, it } from 'vitest';
import { commentsBetween } from '../src/dockerfile/comments.js';
import { parseDockerfile } from '../src/dockerfile/parse.js';

describe('commentsBetween', () => {
  const text = '# a\nFROM debian\n# b\nRUN x \\\n  # c\n  && y\n# d\n';
  const file = parseDockerfile(text);
  const texts = (start: number, end: number) => commentsBetween(file, start, end).map((c) => c.text.trim());

  it('gives the comment lines that start in the range, in order', () => {
    const run = file.instructions[1]!;
    expect(texts(run.span.start + 1, run.span.end)).toEqual(['c']);
    expect(texts(0, text.length)).toEqual(['a', 'b', 'c', 'd']);
    expect(texts(file.instructions[0]!.span.end, run.span.start)).toEqual(['b']);
  });

  it('counts a comment at the start and not one at the end', () => {
    const b = text.indexOf('# b');
    expect(texts(b, b + 1)).toEqual(['b']);
    expect(texts(0, b)).toEqual(['a']);
    expect(texts(b + 1, b + 1)).toEqual([]);
  });
});
