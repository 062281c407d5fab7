import { countBefore } from '../sorted.js';

/**
 * The "logical line" of an instruction: what BuildKit hands on after it joins
 * continuation lines. An escape character followed by optional blanks and a line
 * ending is removed; lines inside a continuation that are empty or are comments
 * are dropped. `offsetOf(i)` is the file offset of logical character i, so a
 * position found in the logical text (by the shell parser, say) maps back to
 * the exact byte in the file.
 */
export interface LogicalText {
  readonly text: string;
  /** The file offset of logical character `i`; for `i === text.length`, the span's end. */
  offsetOf(i: number): number;
}

export function logicalText(source: string, start: number, end: number, escape: string): LogicalText {
  let text = '';
  const starts = [0];
  const froms = [start];
  let sliceStart = start;
  let i = start;
  // Searched within the span: a search of the whole source from each instruction would be quadratic.
  const span = source.slice(start, end);
  for (;;) {
    const found = span.indexOf(escape, i - start);
    if (found === -1) break;
    const e = start + found;
    const after = continuationAfter(source, e + 1, end);
    // BuildKit only looks for the escape at a line's end (its regex is
    // `<escape>[ \t]*$`), so `\\` before a line break still continues and
    // an escape anywhere else is left for the shell.
    if (after === -1) {
      i = e + 1;
      continue;
    }
    text += source.slice(sliceStart, e);
    i = sliceStart = afterDroppedLines(source, after, end);
    starts.push(text.length);
    froms.push(i);
  }
  text += source.slice(sliceStart, end);
  return { text, offsetOf: (k) => (k >= text.length ? end : fromSlices(starts, froms, k)) };
}

/**
 * The text is a few slices of the source, one per line a continuation joins,
 * so the map back keeps where each slice starts (`starts[k]`, logical, and
 * `froms[k]`, in the file) rather than an offset per character: this runs for
 * every instruction, several times per pass.
 */
function fromSlices(starts: readonly number[], froms: readonly number[], i: number): number {
  // The last slice starting at or before i: an empty slice (a continuation line
  // that holds only another continuation) shares its start with the next one.
  const k = countBefore(starts, (s) => s <= i) - 1;
  return froms[k]! + (i - starts[k]!);
}

/** At the start of a continued line: past the empty and comment lines BuildKit drops. */
function afterDroppedLines(source: string, from: number, end: number): number {
  let i = from;
  while (i < end) {
    const lineEnd = nextLineEnd(source, i, end);
    if (!(lineEnd.next <= end && lineEnd.next > lineEnd.contentEnd && /^[ \t]*(#.*)?$/.test(source.slice(i, lineEnd.contentEnd)))) break;
    i = lineEnd.next;
  }
  return i;
}

/** If blanks and a line ending follow `from`, the offset after that line ending; else -1. */
function continuationAfter(source: string, from: number, end: number): number {
  let j = from;
  while (j < end && (source[j] === ' ' || source[j] === '\t')) j++;
  if (j < end && source[j] === '\r' && source[j + 1] === '\n') return j + 2;
  if (j < end && source[j] === '\n') return j + 1;
  // An escape ending the span's last line (an instruction that ends in a continuation,
  // at EOF or before blank lines): BuildKit removes it like any other continuation.
  if (j >= end) {
    const nl = source.indexOf('\n', end);
    return /^[ \t]*\r?$/.test(source.slice(end, nl === -1 ? source.length : nl)) ? end : -1;
  }
  return -1;
}

function nextLineEnd(source: string, from: number, end: number): { contentEnd: number; next: number } {
  const nl = source.indexOf('\n', from);
  if (nl === -1 || nl >= end) return { contentEnd: end, next: end };
  const contentEnd = nl > from && source[nl - 1] === '\r' ? nl - 1 : nl;
  return { contentEnd, next: nl + 1 };
}
