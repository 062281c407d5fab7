import MagicString from 'magic-string';
import type { Instruction, ParsedDockerfile, Span } from '../dockerfile/types.js';
import { countBefore } from '../sorted.js';
import type { Edit, Kept } from './types.js';

/** Two edits conflict when their ranges share a byte, or an insertion touches the other. */
export function overlaps(a: Edit, b: Edit): boolean {
  if (a.start === a.end || b.start === b.end) return a.start <= b.end && b.start <= a.end;
  return a.start < b.end && b.start < a.end;
}

/**
 * Why an edit may not be applied to this file, or null when it is safe. An edit
 * that crosses a line inside an instruction (a continuation or a heredoc) must
 * rewrite that whole instruction: partial rewrites there are how layouts break.
 */
export function editProblem(file: ParsedDockerfile, edit: Edit): string | null {
  const { start, end } = edit;
  if (!(Number.isInteger(start) && Number.isInteger(end) && start >= 0 && start <= end && end <= file.text.length)) {
    return `edit range [${start}, ${end}) is outside the file`;
  }
  if ((start > 0 && start < file.text.length && isSurrogateSplit(file.text, start)) || (end > start && end < file.text.length && isSurrogateSplit(file.text, end))) return 'edit splits a character';
  for (let i = firstEndingAfter(file, start); i < file.instructions.length; i++) {
    const inst = file.instructions[i]!;
    const { span } = inst;
    if (span.start > end) break;
    if (span.end <= start || span.start >= end) continue;
    const covered = start <= span.start && end >= span.end;
    if (covered) continue;
    const from = Math.max(start, span.start);
    const to = Math.min(end, span.end);
    if (file.text.slice(from, to).includes('\n')) {
      return `edit crosses a line inside the instruction at line ${inst.line} without rewriting it whole`;
    }
  }
  return null;
}

/**
 * The instruction an edit's text would join: one that ends in its escape character, blanks after
 * it allowed as BuildKit allows them (a line continuation with nothing after it, at the end of the
 * file), when the edit writes after it with only blanks between, or right at its end in a file
 * with no final line ending. BuildKit reads the written line as the continuation's next.
 */
export function continuationJoined(file: ParsedDockerfile, edit: Edit): Instruction | null {
  // The last instruction that ends at or before the edit.
  const before = firstEndingAfter(file, edit.start + 1) - 1;
  const inst = before < 0 ? null : file.instructions[before]!;
  if (inst === null || edit.text.trim() === '') return null;
  const { start, end } = inst.span;
  let last = end;
  while (last > start && (file.text[last - 1] === ' ' || file.text[last - 1] === '\t')) last--;
  if (last === start || file.text[last - 1] !== file.escape) return null;
  return /^[ \t\r\n]*$/.test(file.text.slice(end, edit.start)) ? inst : null;
}

/**
 * Index of the first instruction whose span ends at or after `offset` (spans
 * are in file order and do not overlap): where a search for the instructions
 * an edit touches starts, in O(log n).
 */
export function firstEndingAfter(file: ParsedDockerfile, offset: number): number {
  return countBefore(file.instructions, (i) => i.span.end < offset);
}

/**
 * The changes accepted in one pass: their edits, kept sorted and pairwise non-overlapping, so
 * that asking whether a new edit overlaps one of them costs O(log n); and the ranges they keep
 * as written and rely on (`ChangeFinding.kept`), few per pass, so a list to scan.
 */
export class EditSet {
  private readonly edits: Edit[] = [];
  /** Each edit's change, numbered in the order they were added. */
  private readonly changeOf = new Map<Edit, number>();
  private readonly kept: Kept[] = [];
  private changes = 0;

  get size(): number {
    return this.edits.length;
  }

  /** The edits in file order. */
  sorted(): readonly Edit[] {
    return this.edits;
  }

  overlapsAny(e: Edit): boolean {
    // Non-overlapping edits sorted by start have non-decreasing ends too.
    let lo = 0;
    let hi = this.edits.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.edits[mid]!.end < e.start) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < this.edits.length && this.edits[i]!.start <= e.end; i++) if (overlaps(this.edits[i]!, e)) return true;
    return false;
  }

  /**
   * Whether a change with these edits (and these kept ranges) may join the set as far as kept
   * ranges go: what the accepted changes keep admits its edits, and what it keeps admits theirs.
   */
  admitsKept(edits: readonly Edit[], kept: Kept | undefined): boolean {
    if (!this.kept.every((k) => keptAdmits(k, edits))) return false;
    if (kept === undefined) return true;
    const byChange = new Map<number, Edit[]>();
    for (const r of kept.ranges) {
      for (let i = countBefore(this.edits, (e) => e.end < r.start); i < this.edits.length && this.edits[i]!.start <= r.end; i++) {
        const e = this.edits[i]!;
        const c = this.changeOf.get(e)!;
        const list = byChange.get(c);
        if (list === undefined) byChange.set(c, [e]);
        else if (!list.includes(e)) list.push(e);
      }
    }
    for (const theirs of byChange.values()) if (!keptAdmits(kept, theirs)) return false;
    return true;
  }

  /** Adds a change whose edits overlap none of the set (check with `overlapsAny` and `admitsKept` first). */
  addChange(edits: readonly Edit[], kept: Kept | undefined): void {
    const change = this.changes++;
    for (const e of edits) {
      this.add(e);
      this.changeOf.set(e, change);
    }
    if (kept !== undefined) this.kept.push(kept);
  }

  private add(e: Edit): void {
    const list = this.edits;
    const last = list.at(-1);
    if (last === undefined || last.start < e.start || (last.start === e.start && last.end <= e.end)) {
      list.push(e); // the usual case: a transform reports in file order
      return;
    }
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const m = list[mid]!;
      if (m.start < e.start || (m.start === e.start && m.end <= e.end)) lo = mid + 1;
      else hi = mid;
    }
    list.splice(lo, 0, e);
  }
}

/**
 * Whether `edits`, all of one change, may be made inside what `kept` keeps: each edit that
 * overlaps or touches a kept range is admitted, and they reach into one range at most (the
 * ranges may become one instruction, which the change would then have rewritten twice).
 */
function keptAdmits(kept: Kept, edits: readonly Edit[]): boolean {
  let reached: Span | null = null;
  for (const e of edits) {
    for (const r of kept.ranges) {
      if (r.end < e.start || e.end < r.start) continue;
      if (!kept.admits(e) || (reached !== null && reached !== r)) return false;
      reached = r;
    }
  }
  return true;
}

/**
 * One pass's edits, sorted once with their positions in the new text, so that
 * every mapping `mapBack`, `mapEndBack` and `mapForward` do is a binary search:
 * a run that makes many changes maps each of them in O(log n), not O(n).
 */
export class EditMap {
  /** The edits in file order (a pass's edits do not overlap, so their starts differ). */
  readonly edits: readonly Edit[];
  /** Where each edit's replacement starts in the new text. */
  private readonly newStarts: readonly number[];

  /** `before`: the text the edits applied to, for `back` to map into what a replacement kept. */
  constructor(
    edits: readonly Edit[],
    private readonly before: string | null = null,
  ) {
    this.edits = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
    const starts: number[] = [];
    let delta = 0;
    for (const e of this.edits) {
      starts.push(e.start + delta);
      delta += e.text.length - (e.end - e.start);
    }
    this.newStarts = starts;
  }

  /** As `mapBack(offset, edits, before)`. */
  back(offset: number): number {
    const i = this.lastStartingAtOrBefore(offset);
    if (i < 0) return offset;
    const e = this.edits[i]!;
    const newStart = this.newStarts[i]!;
    if (offset < newStart + e.text.length) return this.before === null ? e.start : insideReplacement(offset - newStart, e, this.before);
    // Past edit i: shift by the deltas up to and including it.
    return offset - (newStart + e.text.length - e.end);
  }

  /**
   * The text after the edits, piece by piece in order: each either written by them (`from` null) or
   * the same characters as the text before them from `from` on, as `back` maps them (text between
   * edits, and what a replacement kept at its ends). The last piece runs to the end of the text.
   */
  *pieces(): Generator<{ readonly start: number; readonly end: number; readonly from: number | null }> {
    let oldAt = 0;
    let newAt = 0;
    for (let i = 0; i < this.edits.length; i++) {
      const e = this.edits[i]!;
      const newStart = this.newStarts[i]!;
      yield { start: newAt, end: newStart, from: oldAt };
      const { prefix, suffix } = this.before === null ? { prefix: 0, suffix: 0 } : this.keptOf(i);
      const newEnd = newStart + e.text.length;
      yield { start: newStart, end: newStart + prefix, from: e.start };
      yield { start: newStart + prefix, end: newEnd - suffix, from: null };
      yield { start: newEnd - suffix, end: newEnd, from: e.end - suffix };
      oldAt = e.end;
      newAt = newEnd;
    }
    yield { start: newAt, end: Infinity, from: oldAt };
  }

  /** What edit i's replacement shares with the text it replaced, at its start and its end; worked out once per edit. */
  private keptOf(i: number): { readonly prefix: number; readonly suffix: number } {
    const known = (this.kept ??= new Array(this.edits.length))[i];
    if (known !== undefined) return known;
    const e = this.edits[i]!;
    const old = this.before!.slice(e.start, e.end);
    let prefix = 0;
    while (prefix < old.length && prefix < e.text.length && old[prefix] === e.text[prefix]) prefix++;
    let suffix = 0;
    while (suffix < old.length - prefix && suffix < e.text.length - prefix && old[old.length - 1 - suffix] === e.text[e.text.length - 1 - suffix]) suffix++;
    return (this.kept[i] = { prefix, suffix });
  }

  /** keptOf's answers by edit, as they are asked for: a long replacement is compared once, not per offset. */
  private kept: ({ readonly prefix: number; readonly suffix: number } | undefined)[] | undefined;

  /** As `mapBack(offset, edits)`: an offset inside a replacement maps to its start. */
  startBack(offset: number): number {
    const i = this.lastStartingAtOrBefore(offset);
    if (i < 0) return offset;
    const e = this.edits[i]!;
    const newStart = this.newStarts[i]!;
    return offset < newStart + e.text.length ? e.start : offset - (newStart + e.text.length - e.end);
  }

  /** As `mapEndBack(offset, edits)`. */
  endBack(offset: number): number {
    // The first edit whose replacement ends at or after the offset (those ends do not decrease).
    let lo = 0;
    let hi = this.edits.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.newStarts[mid]! + this.edits[mid]!.text.length < offset) lo = mid + 1;
      else hi = mid;
    }
    if (lo === this.edits.length) return offset - this.deltaThrough(lo - 1);
    const e = this.edits[lo]!;
    const newStart = this.newStarts[lo]!;
    return offset <= newStart ? offset - (newStart - e.start) : e.end;
  }

  /** As `mapForward(offset, edits, side)`: from the text before the edits to the text after them. */
  forward(offset: number, side: 'start' | 'end'): number {
    // The edits wholly before the offset, and one that starts before it and may span it.
    let lo = 0;
    let hi = this.edits.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.edits[mid]!.start < offset) lo = mid + 1;
      else hi = mid;
    }
    const at = this.edits[lo];
    // An insertion exactly at the offset lands before an end and after a start.
    if (at !== undefined && at.start === offset && at.end === offset && side === 'end') lo++;
    const last = lo - 1;
    if (last >= 0 && this.edits[last]!.end > offset) {
      const e = this.edits[last]!;
      return side === 'start' ? this.newStarts[last]! : this.newStarts[last]! + e.text.length;
    }
    return offset + this.deltaThrough(last);
  }

  private lastStartingAtOrBefore(offset: number): number {
    let lo = 0;
    let hi = this.edits.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.newStarts[mid]! <= offset) lo = mid + 1;
      else hi = mid;
    }
    return lo - 1;
  }

  /** How much the edits up to and including index `i` lengthen the text (0 for i < 0). */
  private deltaThrough(i: number): number {
    if (i < 0) return 0;
    const e = this.edits[i]!;
    return this.newStarts[i]! + e.text.length - e.end;
  }
}

function isSurrogateSplit(text: string, at: number): boolean {
  const code = text.charCodeAt(at);
  return code >= 0xdc00 && code <= 0xdfff;
}

/** Applies non-overlapping edits; every byte outside them stays as it was. */
export function applyEdits(text: string, edits: readonly Edit[]): string {
  const s = new MagicString(text);
  for (const e of edits) {
    if (e.start === e.end) {
      if (e.text !== '') s.appendLeft(e.start, e.text);
    } else if (e.text === '') {
      s.remove(e.start, e.end);
    } else {
      s.update(e.start, e.end, e.text);
    }
  }
  return s.toString();
}

/**
 * Maps an offset in the text after `edits` back to the text before them. With
 * `before` (the text the edits applied to), an offset inside a replacement that
 * kept a prefix or suffix of what it replaced maps into that kept part, so a
 * line inside a rewritten instruction is still reported where it was.
 */
export function mapBack(offset: number, edits: readonly Edit[], before?: string): number {
  let delta = 0;
  for (const e of [...edits].sort((a, b) => a.start - b.start)) {
    const newStart = e.start + delta;
    const newEnd = newStart + e.text.length;
    if (offset < newStart) return offset - delta;
    if (offset < newEnd) return before === undefined ? e.start : insideReplacement(offset - newStart, e, before);
    delta += e.text.length - (e.end - e.start);
  }
  return offset - delta;
}

function insideReplacement(at: number, e: Edit, before: string): number {
  const old = before.slice(e.start, e.end);
  let prefix = 0;
  while (prefix < old.length && prefix < e.text.length && old[prefix] === e.text[prefix]) prefix++;
  if (at < prefix) return e.start + at;
  let suffix = 0;
  while (suffix < old.length - prefix && suffix < e.text.length - prefix && old[old.length - 1 - suffix] === e.text[e.text.length - 1 - suffix]) suffix++;
  const fromEnd = e.text.length - at;
  if (fromEnd <= suffix) return e.end - fromEnd;
  return e.start + prefix;
}

/**
 * Where the end of a range in the text after `edits` comes from in the text before them:
 * an end inside (or at the end of) a replacement widens to the end of what it replaced.
 * With `mapBack` for the start, a range maps back to the smallest range that holds it.
 */
export function mapEndBack(offset: number, edits: readonly Edit[]): number {
  let delta = 0;
  for (const e of [...edits].sort((a, b) => a.start - b.start)) {
    const newStart = e.start + delta;
    const newEnd = newStart + e.text.length;
    if (offset <= newStart) return offset - delta;
    if (offset <= newEnd) return e.end;
    delta += e.text.length - (e.end - e.start);
  }
  return offset - delta;
}

/**
 * Maps an offset that no edit spans to the text after `edits`. An insertion exactly at
 * the offset lands after it for `start` and before it for `end`, so a range that starts
 * or ends there keeps what was inserted at its edge.
 */
export function mapForward(offset: number, edits: readonly Edit[], side: 'start' | 'end'): number {
  let delta = 0;
  for (const e of [...edits].sort((a, b) => a.start - b.start || a.end - b.end)) {
    if (e.start > offset || (e.start === offset && (e.end > offset || side === 'start'))) break;
    if (e.end > offset) return side === 'start' ? e.start + delta : e.start + delta + e.text.length; // spanned: to its edge
    delta += e.text.length - (e.end - e.start);
  }
  return offset + delta;
}
