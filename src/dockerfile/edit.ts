/**
 * Instruction-level edits in the file's own style: its line endings, the
 * indentation of the lines around, its keyword case and padding, and its escape character.
 * Each helper returns engine `Edit`s on the current text; none crosses a line
 * inside an instruction, so they compose with RUN-body edits of other transforms.
 */
import { editProblem } from '../engine/edits.js';
import type { Edit, Keyword } from '../engine/types.js';
import type { Comment, Instruction, ParsedDockerfile, Stage } from './types.js';
import { FileMemo } from '../memo.js';

/** The comment lines right above an instruction (no blank line between), top first. */
export function attachedComments(file: ParsedDockerfile, inst: Instruction): Comment[] {
  const byLine = commentsByLine(file);
  const out: Comment[] = [];
  for (let line = inst.line - 1; line >= 1; line--) {
    const c = byLine.get(line);
    if (c === undefined) break;
    out.unshift(c);
  }
  // Parser directives are comments dockerfile-ast does not list; nothing above them counts.
  return out;
}

const commentLines = new FileMemo<Map<number, Comment>>();

function commentsByLine(file: ParsedDockerfile): Map<number, Comment> {
  let m = commentLines.get(file);
  if (m === undefined) {
    m = new Map();
    // Comments and instructions are both in file order: one walk over the two.
    const instructions = file.instructions;
    let k = 0;
    for (const c of file.comments) {
      while (k < instructions.length && instructions[k]!.span.end <= c.span.start) k++;
      // Only whole-line comments between instructions (not comment lines inside a continuation).
      const inst = instructions[k];
      const inside = inst !== undefined && c.span.start > inst.span.start && c.span.start < inst.span.end;
      if (!inside) m.set(c.line, c);
    }
    commentLines.set(file, m);
  }
  return m;
}

const keywordCases = new FileMemo<'upper' | 'lower'>();

/** Upper-case keywords unless most of the file's are written in lower case (counted once per file). */
export function keywordCase(file: ParsedDockerfile): 'upper' | 'lower' {
  let known = keywordCases.get(file);
  if (known === undefined) {
    let lower = 0;
    for (const inst of file.instructions) {
      const written = file.text.slice(inst.keywordSpan.start, inst.keywordSpan.end);
      if (written === written.toLowerCase()) lower++;
    }
    keywordCases.set(file, (known = lower * 2 > file.instructions.length ? 'lower' : 'upper'));
  }
  return known;
}

/** A keyword as this file writes keywords. */
export function keyword(file: ParsedDockerfile, kw: Keyword): string {
  return keywordCase(file) === 'lower' ? kw.toLowerCase() : kw;
}

const keywordColumns = new FileMemo<number | null>();

/**
 * The width a file pads its keywords to when it lines their arguments up in one column
 * (\`RUN     apk add\`, \`COPY    . .\`, \`WORKDIR /app\`): the column, counted from the keyword, at which
 * at least two thirds of the instructions whose keyword is shorter start their arguments, spaces
 * only. Null when the file separates keyword and arguments otherwise (one space, a tab, no rule).
 */
function keywordColumn(file: ParsedDockerfile): number | null {
  return keywordColumns.of(file, () => {
    const length = (i: Instruction) => i.keywordSpan.end - i.keywordSpan.start;
    // Each instruction's keyword and the spaces after it, on its first line (0 when no space follows).
    const widths = file.instructions.map((i) => {
      const gap = /^ */.exec(file.text.slice(i.keywordSpan.end, i.keywordSpan.end + 40))![0].length;
      return gap === 0 ? 0 : length(i) + gap;
    });
    const counts = new Map<number, number>();
    for (const w of widths) if (w > 0) counts.set(w, (counts.get(w) ?? 0) + 1);
    const best = [...counts].sort(([wa, na], [wb, nb]) => nb - na || wb - wa)[0]?.[0];
    if (best === undefined) return null;
    // Padded: two keywords or more take more than one space to reach it (not a run of aligned ENVs alone), and
    // the shorter keywords mostly keep to the column.
    const padded = new Set(file.instructions.filter((i, k) => widths[k] === best && best - length(i) > 1).map((i) => i.keyword));
    const shorter = file.instructions.filter((i) => length(i) < best).length;
    return padded.size >= 2 && counts.get(best)! * 3 >= shorter * 2 ? best : null;
  });
}

/**
 * A new instruction's keyword, as this file writes keywords, with what separates it from its
 * arguments: one space, or the padding that lines arguments up where the file does so.
 */
export function instructionHead(file: ParsedDockerfile, kw: Keyword): string {
  const word = keyword(file, kw);
  const column = keywordColumn(file);
  return column === null || word.length >= column ? `${word} ` : word.padEnd(column);
}

/** The first line of a new instruction or comment block's position: above `inst`'s attached comments, or right at `inst`. */
function lineStartAbove(file: ParsedDockerfile, inst: Instruction, aboveComments: boolean): number {
  const comments = aboveComments ? attachedComments(file, inst) : [];
  const line = comments[0]?.line ?? inst.line;
  return file.lines.startOf(line);
}

/**
 * Inserts whole lines (instructions, comments, blank lines) before `inst`: above the
 * comments attached to it by default, so they keep describing it. Each line gets the
 * anchor's indentation and the file's line ending.
 */
export function insertLinesBefore(file: ParsedDockerfile, inst: Instruction, lines: readonly string[], options: { aboveComments?: boolean } = {}): Edit {
  const at = lineStartAbove(file, inst, options.aboveComments ?? true);
  const indent = file.lines.indentOf(at);
  return { start: at, end: at, text: lines.map((l) => (l === '' ? '' : indent + l) + file.eol).join('') };
}

/** Inserts whole lines after `inst`, each with `inst`'s indentation and the file's line ending. */
export function insertLinesAfter(file: ParsedDockerfile, inst: Instruction, lines: readonly string[]): Edit {
  const at = file.lines.endOf(inst.endLine);
  const indent = file.lines.indentOf(inst.span.start);
  return { start: at, end: at, text: lines.map((l) => file.eol + (l === '' ? '' : indent + l)).join('') };
}

/**
 * Inserts whole lines at the top of a stage, after its FROM. Comment lines right under the FROM that a blank line
 * closes describe the FROM (\`FROM erikvl87/languagetool:6.5⏎# https://github.com/Erikvl87/docker-languagetool⏎⏎\`):
 * the new lines go below that paragraph, at the top of the next instruction's (above the comments that lead into
 * it), so that they neither part the comments from the FROM nor sit under them as what they describe.
 */
export function insertLinesAfterFrom(file: ParsedDockerfile, from: Instruction, lines: readonly string[]): Edit {
  const commentLines = new Set(file.comments.map((c) => c.line));
  let last = from.endLine;
  while (commentLines.has(last + 1)) last++;
  const next = file.instructions[from.index + 1];
  if (last === from.endLine || next === undefined) return insertLinesAfter(file, from, lines);
  const closed = file.text.slice(file.lines.startOf(last + 1), file.lines.endOf(last + 1)).trim() === '';
  return closed ? insertLinesBefore(file, next, lines) : insertLinesAfter(file, from, lines);
}

/**
 * As insertLinesAfter, the same text, but put at the start of the line below `inst` rather than
 * at the end of its last line: a change of the same pass that appends to `inst` (a cleanup at the
 * end of a RUN) edits there, and two edits at one place wait for each other's pass. Where no line
 * follows, or `inst` runs on past its last line (a continuation at the end of the file), it is
 * insertLinesAfter's place. A change that also edits the start of the next line must not use it.
 */
export function insertLinesBelow(file: ParsedDockerfile, inst: Instruction, lines: readonly string[]): Edit {
  const below = inst.endLine + 1;
  if (below > file.lines.lineCount || inst.span.end > file.lines.endOf(inst.endLine)) return insertLinesAfter(file, inst, lines);
  const at = file.lines.startOf(below);
  const indent = file.lines.indentOf(inst.span.start);
  return { start: at, end: at, text: lines.map((l) => (l === '' ? '' : indent + l) + file.eol).join('') };
}

/** Inserts lines at the end of the file (a new stage, say), after a blank line when `separate`. */
export function appendLines(file: ParsedDockerfile, lines: readonly string[], options: { separate?: boolean } = {}): Edit {
  const end = file.text.length;
  const needsBreak = !file.finalNewline && end > 0;
  const body = [...(options.separate ? [''] : []), ...lines];
  if (needsBreak) return { start: end, end, text: body.map((l) => file.eol + l).join('') };
  return { start: end, end, text: body.map((l) => l + file.eol).join('') };
}

/**
 * Removes an instruction with its line ending. When blank lines surround it, one of
 * them goes too. Its attached comments stay (`keepComments`, the default) or go with it.
 * Null when the instruction shares a line with something else.
 */
export function removeInstruction(file: ParsedDockerfile, inst: Instruction, options: { keepComments?: boolean } = {}): Edit | null {
  const { lines, text } = file;
  const keep = options.keepComments ?? true;
  const comments = keep ? [] : attachedComments(file, inst);
  const firstLine = comments[0]?.line ?? inst.line;
  const lineStart = lines.startOf(firstLine);
  const lineEnd = lines.endOf(inst.endLine);
  if (text.slice(lineStart, comments.length > 0 ? comments[0]!.span.start : inst.span.start).trim() !== '' || text.slice(inst.span.end, lineEnd).trim() !== '') return null;
  if (inst.endLine >= lines.lineCount || lineEnd === text.length) {
    // The last line, with no line ending: take the line ending before it instead.
    if (firstLine === 1) return null;
    return { start: lines.endOf(firstLine - 1), end: text.length, text: '' };
  }
  let end = lines.startOf(inst.endLine + 1);
  const blank = (line: number) => line >= 1 && line < lines.lineCount && text.slice(lines.startOf(line), lines.endOf(line)).trim() === '';
  if (blank(firstLine - 1) && blank(inst.endLine + 1)) end = lines.startOf(inst.endLine + 2);
  return { start: lineStart, end, text: '' };
}

/**
 * Removes an instruction whose work moves into another one, `into`: its attached comments describe
 * that work, so they go with it rather than stay to head whatever follows. Into a later instruction
 * (an ADD whose download a RUN now does) the work comes first, and the comments go above `into`'s
 * own; with only blank lines between the two, that is removing the instruction and those lines.
 * Into an earlier one (a cleanup appended to the RUN that installs) the work comes last, and they go
 * below `into`'s own, just above its first line. Null as removeInstruction.
 */
export function removeInstructionInto(file: ParsedDockerfile, inst: Instruction, into: Instruction): Edit[] | null {
  const removal = removeInstruction(file, inst);
  const comments = attachedComments(file, inst);
  if (removal === null || comments.length === 0 || (into.line <= inst.endLine && into.endLine >= inst.line)) return removal === null ? null : [removal];
  const { lines, text } = file;
  const earlier = into.endLine < inst.line;
  const block = earlier ? lines.startOf(into.line) : lineStartAbove(file, into, true);
  const after = lines.startOf(inst.endLine + 1);
  if (!earlier && text.slice(after, block).trim() === '') return [{ start: removal.start, end: block, text: '' }];
  // Only from a line of its own: the comments land on lines of their own.
  if (earlier && text.slice(block, into.span.start).trim() !== '') return [removal];
  const withComments = removeInstruction(file, inst, { keepComments: false });
  if (withComments === null) return [removal];
  const moved = text.slice(lines.startOf(comments[0]!.line), lines.startOf(inst.line));
  return [withComments, { start: block, end: block, text: moved }];
}

/**
 * Moves an instruction (with its attached comments) to just before `anchor`:
 * two edits, a removal and an insertion of the same bytes.
 */
export function moveBefore(file: ParsedDockerfile, inst: Instruction, anchor: Instruction): Edit[] | null {
  const comments = attachedComments(file, inst);
  const from = file.lines.startOf(comments[0]?.line ?? inst.line);
  const lastLineEnd = file.lines.endOf(inst.endLine);
  if (file.text.slice(inst.span.end, lastLineEnd).trim() !== '' || lastLineEnd === file.text.length) return null;
  const to = file.lines.startOf(inst.endLine + 1);
  // A commented block the author set apart with a blank line keeps one above it where it lands.
  const setApart = comments.length > 0 && comments[0]!.line > 1 && file.text.slice(file.lines.startOf(comments[0]!.line - 1), from).trim() === '';
  const block = (setApart ? file.eol : '') + file.text.slice(from, to);
  const at = lineStartAbove(file, anchor, true);
  if (at >= from && at <= to) return null;
  return [
    { start: at, end: at, text: block },
    { start: from, end: to, text: '' },
  ];
}

/**
 * Moves an instruction (with its attached comments) to just after `anchor`, a later
 * instruction: two edits, the removal of its lines and their insertion after the anchor's
 * last line. The removal's `text` may be set to put something in its place.
 */
export function moveAfter(file: ParsedDockerfile, inst: Instruction, anchor: Instruction): Edit[] | null {
  const comments = attachedComments(file, inst);
  const from = file.lines.startOf(comments[0]?.line ?? inst.line);
  const lastLineEnd = file.lines.endOf(inst.endLine);
  if (anchor.span.start < inst.span.end || file.text.slice(inst.span.end, lastLineEnd).trim() !== '' || lastLineEnd === file.text.length) return null;
  if (file.text.slice(anchor.span.end, file.lines.endOf(anchor.endLine)).trim() !== '') return null;
  const to = file.lines.startOf(inst.endLine + 1);
  // A commented block the author set apart with a blank line keeps one above it where it lands.
  const setApart = comments.length > 0 && comments[0]!.line > 1 && file.text.slice(file.lines.startOf(comments[0]!.line - 1), from).trim() === '';
  const block = (setApart ? file.eol : '') + file.text.slice(from, to);
  const anchorEnd = file.lines.endOf(anchor.endLine);
  const insertion: Edit =
    anchorEnd === file.text.length
      ? // The anchor ends the file without a line ending: the block goes after one, and loses its own.
        { start: anchorEnd, end: anchorEnd, text: file.eol + block.replace(/\r?\n$/, '') }
      : { start: file.lines.startOf(anchor.endLine + 1), end: file.lines.startOf(anchor.endLine + 1), text: block };
  return [{ start: from, end: to, text: '' }, insertion];
}

/** A piece of a replacement text: new text, or a range of the file kept as it is. */
export type Piece = string | { readonly from: number; readonly to: number };

/** The text the pieces make. */
export function piecesText(file: ParsedDockerfile, pieces: readonly Piece[]): string {
  return pieces.map((p) => (typeof p === 'string' ? p : file.text.slice(p.from, p.to))).join('');
}

/**
 * Replaces [start, end) by the pieces in order, as edits of the new text between the
 * kept ranges: their bytes stay where they are, so another transform's edit inside one
 * can be made in the same pass instead of waiting for the next. Where an edit alone
 * would cross a line inside an instruction without rewriting it whole, it takes in its
 * neighbours and the kept bytes between (at worst, the whole range: one edit).
 */
export function replaceKeeping(file: ParsedDockerfile, start: number, end: number, pieces: readonly Piece[]): Edit[] {
  const gaps: Edit[] = [];
  let at = start;
  let text = '';
  for (const p of pieces) {
    if (typeof p === 'string') {
      text += p;
      continue;
    }
    if (p.from < at || p.to < p.from || p.to > end) throw new Error(`kept range [${p.from}, ${p.to}) is not in order inside [${start}, ${end})`);
    if (p.from === p.to) continue; // keeps nothing: edits on both sides would touch
    if (p.from > at || text !== '') gaps.push({ start: at, end: p.from, text });
    at = p.to;
    text = '';
  }
  if (at < end || text !== '') gaps.push({ start: at, end, text });
  const join = (a: Edit, b: Edit): Edit => ({ start: a.start, end: b.end, text: a.text + file.text.slice(a.end, b.start) + b.text });
  const atEnd: Edit = { start: end, end, text: '' };
  const atStart: Edit = { start, end: start, text: '' };
  // A crossing at an edit's end is mended by taking in what follows, up to the next edit or
  // the range's end; one at its start, by what comes before.
  const forward: Edit[] = [];
  for (const e of [...gaps, atEnd]) {
    const last = forward.at(-1);
    if (last !== undefined && editProblem(file, last) !== null) forward[forward.length - 1] = join(last, e);
    else if (e !== atEnd) forward.push(e);
  }
  const edits: Edit[] = [];
  for (let i = forward.length - 1; i >= 0; i--) {
    let e = forward[i]!;
    while (editProblem(file, e) !== null && e.start > start) e = join(i > 0 ? forward[--i]! : atStart, e);
    edits.push(e);
  }
  return edits.reverse();
}

/**
 * Replaces a FROM's image reference, keeping everything else as written: flags,
 * `--platform`, `AS name` and its case, spacing. `reference` is the new text.
 */
export function replaceFromImage(stage: Stage, reference: string): Edit | null {
  if (stage.imageSpan === null) return null;
  return { start: stage.imageSpan.start, end: stage.imageSpan.end, text: reference };
}
