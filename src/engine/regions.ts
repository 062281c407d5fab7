/**
 * The changes of a run as replacements of the original text: what code-scanning fixes
 * (SARIF `fixes`) and editors need. Changes of later passes edit text an earlier pass
 * wrote, so each change's edits are mapped back to the smallest range of the original
 * that holds them; changes whose ranges overlap or touch make one region, replaced by
 * what the output has there. Applying every region to the input gives the output.
 */
import type { LineIndex } from '../dockerfile/text.js';
import { applyEdits, EditMap } from './edits.js';
import type { Edit } from './types.js';

/** A range of the original text, `[start, end)` in UTF-16 offsets, and what replaces it. */
export interface ChangedRegion {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  /** Indices of the changes (in the pipeline's `changes`) made inside it, in order. */
  readonly changes: readonly number[];
}

/** The range of the original text a change's edits map back to. */
export interface ChangeSpan {
  readonly start: number;
  readonly end: number;
}

/**
 * `passes`: the edits applied by each pass, in order, each in the coordinates of the text
 * that pass started from. `spans[i]`: where change i lies in the input.
 */
export function changedRegions(input: string, output: string, passes: readonly (readonly Edit[])[], spans: readonly ChangeSpan[]): ChangedRegion[] {
  if (input === output) return [];
  const regions = mappedRegions(input, output, passes, spans);
  // The mapping is exact by construction; should it ever not be, one region from the first to the last difference still is.
  return applyEdits(input, regions) === output ? regions : [wholeDifference(input, output, spans.map((_, i) => i))];
}

/** The regions as the passes' edits map them, unchecked (changedRegions checks them). */
export function mappedRegions(input: string, output: string, passes: readonly (readonly Edit[])[], spans: readonly ChangeSpan[]): ChangedRegion[] {
  const order = spans.map((s, i) => ({ start: s.start, end: s.end, i })).sort((a, b) => a.start - b.start || a.end - b.end);
  const groups: { start: number; end: number; changes: number[] }[] = [];
  for (const s of order) {
    const last = groups.at(-1);
    if (last !== undefined && s.start <= last.end) {
      last.end = Math.max(last.end, s.end);
      last.changes.push(s.i);
    } else {
      groups.push({ start: s.start, end: s.end, changes: [s.i] });
    }
  }
  // Each pass sorted once: a run of many changes maps each region in O(passes · log n).
  const maps = passes.map((edits) => new EditMap(edits));
  const forward = (offset: number, side: 'start' | 'end') => maps.reduce((at, map) => map.forward(at, side), offset);
  return groups
    .map((g) => ({ start: g.start, end: g.end, text: output.slice(forward(g.start, 'start'), forward(g.end, 'end')), changes: g.changes.sort((a, b) => a - b) }))
    .filter((r) => input.slice(r.start, r.end) !== r.text);
}

function wholeDifference(input: string, output: string, changes: readonly number[]): ChangedRegion {
  let prefix = 0;
  while (prefix < input.length && prefix < output.length && input[prefix] === output[prefix]) prefix++;
  let suffix = 0;
  while (suffix < input.length - prefix && suffix < output.length - prefix && input[input.length - 1 - suffix] === output[output.length - 1 - suffix]) suffix++;
  return { start: prefix, end: input.length - suffix, text: output.slice(prefix, output.length - suffix), changes };
}

/** A region in lines and columns of the original file (1-based, UTF-16 columns, end exclusive), as SARIF and editors place it. */
export interface Fix {
  readonly startLine: number;
  readonly startColumn: number;
  readonly endLine: number;
  readonly endColumn: number;
  /** UTF-16 offsets in the original text (after a BOM, if any). */
  readonly charOffset: number;
  readonly charLength: number;
  readonly text: string;
  /** Indices of the changes this fix makes. */
  readonly changes: readonly number[];
}

/** Places a region by line and column; a BOM is not a column. */
export function fixOf(region: ChangedRegion, lines: LineIndex, bom: boolean): Fix {
  const place = (offset: number) => {
    const line = lines.lineOf(offset);
    const skip = bom && line === 1 ? 1 : 0;
    return { line, column: offset - lines.startOf(line) - skip + 1 };
  };
  const start = place(region.start);
  const end = place(region.end);
  const skip = bom ? 1 : 0;
  return {
    startLine: start.line,
    startColumn: start.column,
    endLine: end.line,
    endColumn: end.column,
    charOffset: region.start - skip,
    charLength: region.end - region.start,
    text: region.text,
    changes: region.changes,
  };
}
