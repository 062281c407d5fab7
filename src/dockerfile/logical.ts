/**
 * The "logical line" of an instruction: what BuildKit hands on after it joins
 * continuation lines. An escape character followed by optional blanks and a line
 * ending is removed; lines inside a continuation that are empty or are comments
 * are dropped. `offsets[i]` is the file offset of logical character i, so a
 * position found in the logical text (by the shell parser, say) maps back to
 * the exact byte in the file.
 */
export interface LogicalText {
  readonly text: string;
  /** offsets.length === text.length + 1; the last entry is the span's end. */
  readonly offsets: readonly number[];
}

export function logicalText(source: string, start: number, end: number, escape: string): LogicalText {
  let text = '';
  const offsets: number[] = [];
  let i = start;
  let continuing = false;
  while (i < end) {
    if (continuing) {
      // At the start of a continued line: skip empty and comment lines whole.
      const lineEnd = nextLineEnd(source, i, end);
      const line = source.slice(i, lineEnd.contentEnd);
      if (/^[ \t]*(#.*)?$/.test(line) && lineEnd.next <= end && lineEnd.next > lineEnd.contentEnd) {
        i = lineEnd.next;
        continue;
      }
      continuing = false;
    }
    const ch = source[i]!;
    if (ch === escape) {
      const after = continuationAfter(source, i + 1, end);
      if (after !== -1) {
        i = after;
        continuing = true;
        continue;
      }
      // BuildKit only looks for the escape at a line's end (its regex is
      // `<escape>[ \t]*$`), so `\\` before a line break still continues and
      // an escape anywhere else is left for the shell.
    }
    text += ch;
    offsets.push(i);
    i++;
  }
  offsets.push(end);
  return { text, offsets };
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
