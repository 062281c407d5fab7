import MagicString from 'magic-string';
import type { ParsedDockerfile } from '../dockerfile/types.js';
import type { Edit } from './types.js';

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
  if (start > 0 && start < file.text.length && isSurrogateSplit(file.text, start)) return 'edit splits a character';
  for (const inst of file.instructions) {
    const { span } = inst;
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
