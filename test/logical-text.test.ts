import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { corpusPresent, loadCorpus } from '../bench/corpus.js';
import { logicalText } from '../src/dockerfile/logical.js';
import { parseDockerfile } from '../src/dockerfile/parse.js';

/**
 * The definition, one character at a time: what `logicalText` computes from
 * slices must be exactly this (the text, and the file offset of every
 * character and of the end).
 */
function reference(source: string, start: number, end: number, escape: string): { text: string; offsets: number[] } {
  let text = '';
  const offsets: number[] = [];
  let i = start;
  let continuing = false;
  while (i < end) {
    if (continuing) {
      const nl = source.indexOf('\n', i);
      const next = nl === -1 || nl >= end ? end : nl + 1;
      const contentEnd = nl === -1 || nl >= end ? end : nl > i && source[nl - 1] === '\r' ? nl - 1 : nl;
      if (/^[ \t]*(#.*)?$/.test(source.slice(i, contentEnd)) && next <= end && next > contentEnd) {
        i = next;
        continue;
      }
      continuing = false;
    }
    if (source[i] === escape) {
      let j = i + 1;
      while (j < end && (source[j] === ' ' || source[j] === '\t')) j++;
      let after = -1;
      if (j < end && source[j] === '\r' && source[j + 1] === '\n') after = j + 2;
      else if (j < end && source[j] === '\n') after = j + 1;
      else if (j >= end) {
        const nl = source.indexOf('\n', end);
        if (/^[ \t]*\r?$/.test(source.slice(end, nl === -1 ? source.length : nl))) after = end;
      }
      if (after !== -1) {
        i = after;
        continuing = true;
        continue;
      }
    }
    text += source[i];
    offsets.push(i);
    i++;
  }
  offsets.push(end);
  return { text, offsets };
}

function agrees(source: string, start: number, end: number, escape: string): void {
  const fast = logicalText(source, start, end, escape);
  const slow = reference(source, start, end, escape);
  const label = JSON.stringify({ source, start, end, escape });
  expect(fast.text, label).toBe(slow.text);
  expect(
    slow.offsets.map((_, i) => fast.offsetOf(i)),
    label,
  ).toEqual(slow.offsets);
}

describe('logicalText against its definition', () => {
  const piece = fc.constantFrom('a', ' ', '\t', '\\', '`', '\n', '\r\n', '#', '# c', '\\\n', '\\ \n', '\\\r\n', '`\n', '\n\n', '\n  # x\n', 'é');

  it('agrees on generated text, ranges and escapes', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), fc.nat(), fc.nat(), fc.constantFrom('\\', '`'), (pieces, a, b, escape) => {
        const source = pieces.join('');
        const start = source.length === 0 ? 0 : a % (source.length + 1);
        const end = start + (source.length === start ? 0 : b % (source.length - start + 1));
        agrees(source, start, end, escape);
      }),
      { numRuns: process.env.CI ? 2000 : 20000 },
    );
  });

  it.skipIf(!corpusPresent())('agrees on every instruction of the corpus', () => {
    let instructions = 0;
    for (const { text } of loadCorpus()) {
      if (text === null) continue; // not UTF-8: never parsed
      const file = parseDockerfile(text);
      for (const inst of file.instructions) {
        agrees(text, inst.span.start, inst.span.end, file.escape);
        if (inst.argsSpan !== null) agrees(text, inst.argsSpan.start, inst.argsSpan.end, file.escape);
        instructions++;
      }
    }
    expect(instructions).toBeGreaterThan(5_000);
  });
});
