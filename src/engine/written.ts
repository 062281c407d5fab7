import { countBefore } from '../sorted.js';
import type { EditMap } from './edits.js';

/**
 * The parts of a pass's text that earlier passes wrote, as sorted ranges, none touching another:
 * what `EditMap.written` says offset by offset, walked back through every pass, kept as ranges
 * carried forward once a pass. A refusal's reason asks of every line it names and every character
 * of the instruction it quotes; asked per character through the history, that was a scan of the
 * file per refusal.
 */
export class WrittenRanges {
  static readonly NONE = new WrittenRanges([], []);

  private constructor(
    private readonly starts: readonly number[],
    private readonly ends: readonly number[],
  ) {}

  /** The ranges of the text after `map`'s edits, given this text's: what they wrote, and what they moved or kept of what was written. */
  after(map: EditMap): WrittenRanges {
    const starts: number[] = [];
    const ends: number[] = [];
    const add = (start: number, end: number) => {
      if (start >= end) return;
      if (ends.length > 0 && ends[ends.length - 1]! >= start) ends[ends.length - 1] = Math.max(ends[ends.length - 1]!, end);
      else {
        starts.push(start);
        ends.push(end);
      }
    };
    let j = 0; // the first range not wholly before the piece in hand
    for (const piece of map.pieces()) {
      if (piece.from === null) {
        add(piece.start, piece.end);
        continue;
      }
      const from = piece.from;
      const to = from + (piece.end - piece.start);
      while (j < this.starts.length && this.ends[j]! <= from) j++;
      for (let k = j; k < this.starts.length && this.starts[k]! < to; k++) {
        add(Math.max(this.starts[k]!, from) - from + piece.start, Math.min(this.ends[k]!, to) - from + piece.start);
      }
    }
    return new WrittenRanges(starts, ends);
  }

  /** Whether the character at `offset` was written. */
  has(offset: number): boolean {
    const k = this.firstEndingAfter(offset);
    return k < this.starts.length && this.starts[k]! <= offset;
  }

  /** Whether any character of [start, end) was written. */
  meets(start: number, end: number): boolean {
    if (start >= end) return false;
    const k = this.firstEndingAfter(start);
    return k < this.starts.length && this.starts[k]! < end;
  }

  /** Whether every character of [start, end) was written. */
  covers(start: number, end: number): boolean {
    const k = this.firstEndingAfter(start);
    return k < this.starts.length && this.starts[k]! <= start && this.ends[k]! >= end;
  }

  /** The written ranges, in order. */
  *ranges(): Generator<{ readonly start: number; readonly end: number }> {
    for (let k = 0; k < this.starts.length; k++) yield { start: this.starts[k]!, end: this.ends[k]! };
  }

  private firstEndingAfter(offset: number): number {
    return countBefore(this.ends, (end) => end <= offset);
  }
}
