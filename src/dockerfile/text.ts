/** Facts about a Dockerfile's raw text that every writer must preserve. */

export type LineEnding = '\n' | '\r\n';

export interface TextFacts {
  readonly bom: boolean;
  /** The file's dominant line ending; new lines we write use it. */
  readonly eol: LineEnding;
  readonly finalNewline: boolean;
}

export function textFacts(text: string): TextFacts {
  const crlf = countOf(text, '\r\n');
  const lf = countOf(text, '\n') - crlf;
  return {
    bom: text.charCodeAt(0) === 0xfeff,
    eol: crlf > lf ? '\r\n' : '\n',
    finalNewline: text.endsWith('\n'),
  };
}

function countOf(text: string, needle: string): number {
  let n = 0;
  for (let i = text.indexOf(needle); i !== -1; i = text.indexOf(needle, i + needle.length)) n++;
  return n;
}

/** Maps offsets to 1-based line numbers and back, in O(log n). */
export class LineIndex {
  private readonly starts: number[];

  constructor(readonly text: string) {
    const starts = [0];
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    this.starts = starts;
  }

  get lineCount(): number {
    return this.starts.length;
  }

  /** 1-based line of an offset. */
  lineOf(offset: number): number {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  }

  /** Offset of the first character of a 1-based line. */
  startOf(line: number): number {
    return this.starts[Math.min(Math.max(line, 1), this.starts.length) - 1]!;
  }

  /** Offset just past the line's content (before its line ending). */
  endOf(line: number): number {
    const next = line < this.starts.length ? this.starts[line]! : this.text.length + 1;
    let end = next - 1;
    if (end > 0 && this.text[end - 1] === '\r' && next <= this.text.length) end--;
    return Math.min(end, this.text.length);
  }

  /** The whitespace that starts the line holding `offset`. */
  indentOf(offset: number): string {
    const start = this.startOf(this.lineOf(offset));
    const m = /^[ \t]*/.exec(this.text.slice(start, start + 200));
    return m ? m[0] : '';
  }
}
