import type { Dockerfile, Instruction as AstInstruction } from 'dockerfile-ast';
import { parseAst, positionsOf } from './astParser.js';
import { InstructionList, parseDockerfile, placeTree } from './parse.js';
import { LineIndex, textFacts, type TextFacts } from './text.js';
import type { Edit } from '../engine/types.js';
import type { Comment, Instruction, ParsedDockerfile, Span } from './types.js';

/**
 * The parse of `text`, which is `file.text` after `edits` (sorted, none
 * overlapping), reading again only the instructions the edits touch: the same
 * result as `parseDockerfile(text)`, for a fraction of its cost after a pass
 * that changed one RUN of twenty.
 *
 * The file is cut at the lines where its instructions start. dockerfile-ast
 * reads a file from such a line knowing nothing but the escape character, so an
 * instruction no edit touches (from its first line up to the next instruction's)
 * reads as before, moved by what the edits before it added or removed. Each run
 * of touched instructions is read again on its own, followed by the first line
 * of the instruction after it: if that line still starts an instruction, nothing
 * the edits wrote runs on into it (a continuation or a heredoc left open), and
 * the run reads as it would in the whole file. An edit before the first
 * instruction (where the parser directives are), one that makes the first
 * instruction's line a comment, a run that runs on, or a lone CR takes the whole
 * parse. test/reparse.test.ts compares the two on generated edits.
 */
export function reparse(file: ParsedDockerfile, edits: readonly Edit[], text: string): ParsedDockerfile {
  const runs = touchedRuns(file, edits);
  // dockerfile-ast ends a line at a lone CR, where the cut between instructions is made at LF only
  // (such a file is invalid, and validation says so).
  if (runs === null || LONE_CR.test(file.text) || LONE_CR.test(text)) return parseDockerfile(text);
  const lines = new LineIndex(text);
  const list = new InstructionList(file.escape);
  const comments: Comment[] = [];
  const old = file.instructions;
  let next = 0; // the first instruction not yet placed
  let comment = 0; // the first comment not yet placed
  let shift = 0; // what the edits before `next` added to the text's length
  let edit = 0;
  // Untouched instructions and comments before `to` (an old offset) move by `shift`.
  const keepUntil = (index: number, to: number) => {
    for (; next < index; next++) keep(list, old[next]!, shift, lines);
    for (; comment < file.comments.length && file.comments[comment]!.span.start < to; comment++) comments.push(movedComment(file.comments[comment]!, shift, lines));
  };
  for (const run of runs) {
    keepUntil(run.first, run.start);
    let added = 0;
    for (; edit < edits.length && edits[edit]!.start <= run.end; edit++) added += edits[edit]!.text.length - (edits[edit]!.end - edits[edit]!.start);
    const start = run.start + shift;
    // The first instruction's line may follow nothing but parser directives: an edit that turns
    // it into a comment could make it one more.
    if (run.first === 0 && commentFirst(text, start)) return parseDockerfile(text);
    const read = readRun(file.escape, text, start, run.end + shift + added);
    if (read === null) return parseDockerfile(text);
    comments.push(...placeTree(read.ast, read.nodes, { text, lines, escape: file.escape, shift: read.shift }, list));
    next = run.last + 1;
    while (comment < file.comments.length && file.comments[comment]!.span.start < run.end) comment++;
    shift += added;
  }
  keepUntil(old.length, Infinity);
  return withTreeOnDemand(text, { escape: file.escape, directives: file.directives, instructions: list.instructions, stages: list.stages, comments, lines });
}

/**
 * The parse, with dockerfile-ast's tree of the whole text made only if asked for: nothing in
 * the engine reads it. A class rather than an object literal with an `ast` getter: such a literal
 * gets a hidden class of its own in the old generation, whose getter kept the text and the tree
 * alive through young collections.
 */
class ReparsedDockerfile implements ParsedDockerfile {
  #ast: ParsedDockerfile['ast'] | undefined;
  readonly escape: string;
  readonly directives: ParsedDockerfile['directives'];
  readonly instructions: ParsedDockerfile['instructions'];
  readonly stages: ParsedDockerfile['stages'];
  readonly comments: ParsedDockerfile['comments'];
  readonly lines: ParsedDockerfile['lines'];
  readonly bom: boolean;
  readonly eol: ParsedDockerfile['eol'];
  readonly finalNewline: boolean;

  constructor(
    readonly text: string,
    parts: Omit<ParsedDockerfile, 'text' | 'ast' | keyof TextFacts>,
  ) {
    this.escape = parts.escape;
    this.directives = parts.directives;
    this.instructions = parts.instructions;
    this.stages = parts.stages;
    this.comments = parts.comments;
    this.lines = parts.lines;
    const facts = textFacts(text);
    this.bom = facts.bom;
    this.eol = facts.eol;
    this.finalNewline = facts.finalNewline;
  }

  get ast(): ParsedDockerfile['ast'] {
    return (this.#ast ??= parseAst(this.text));
  }
}

function withTreeOnDemand(text: string, parts: Omit<ParsedDockerfile, 'text' | 'ast' | keyof TextFacts>): ParsedDockerfile {
  return new ReparsedDockerfile(text, parts);
}

const LONE_CR = /\r(?!\n)/;

/** The line at `at` is a comment: `#` after blanks, as dockerfile-ast reads a parser directive. */
function commentFirst(text: string, at: number): boolean {
  let i = at;
  while (text[i] === ' ' || text[i] === '\t') i++;
  return text[i] === '#';
}

/** Consecutive instructions the edits touch, from the first line of the first to the first line after the last. */
interface TouchedRun {
  readonly first: number;
  readonly last: number;
  readonly start: number;
  readonly end: number;
}

/**
 * Where an instruction's lines start: its own first line. Its extent runs to the
 * next instruction's (the blank and comment lines after it are its own); an edit
 * touches an instruction when it meets its extent, ends included.
 */
function extentStart(file: ParsedDockerfile, index: number): number {
  const inst = file.instructions[index];
  if (inst === undefined) return file.text.length;
  const start = file.lines.startOf(inst.line);
  return start === 0 && file.bom ? 1 : start; // the byte-order mark is the file's, not the line's
}

function touchedRuns(file: ParsedDockerfile, edits: readonly Edit[]): TouchedRun[] | null {
  const count = file.instructions.length;
  if (count === 0 || edits.length === 0 || edits[0]!.start <= extentStart(file, 0)) return null;
  const runs: TouchedRun[] = [];
  let k = 0;
  for (const e of edits) {
    // The first instruction whose extent reaches the edit's start.
    while (k < count - 1 && extentStart(file, k + 1) < e.start) k++;
    let last = k;
    while (last < count - 1 && extentStart(file, last + 1) <= e.end) last++;
    // Edits come in order and apart, so this one's instructions start at or after the last run's
    // last: it joins that run when it touches the same instruction or the next.
    const prev = runs.at(-1);
    if (prev !== undefined && k <= prev.last + 1) {
      runs[runs.length - 1] = { ...prev, last, end: extentStart(file, last + 1) };
    } else {
      runs.push({ first: k, last, start: extentStart(file, k), end: extentStart(file, last + 1) });
    }
  }
  return runs;
}

/**
 * dockerfile-ast's tree of `text[start, end)` read on its own, `shift` characters
 * before its place in `text`, and its instructions; null when they would read
 * otherwise in the whole text.
 */
function readRun(escape: string, text: string, start: number, end: number): { ast: Dockerfile; nodes: readonly AstInstruction[]; shift: number } | null {
  // A blank line ends the parser directives: none of the part's lines reads as one.
  const lead = escape === '\\' ? '\n' : `# escape=${escape}\n\n`;
  const nl = text.indexOf('\n', end);
  const follower = end < text.length ? text.slice(end, nl === -1 ? text.length : nl + 1) : '';
  const part = lead + text.slice(start, end);
  const ast = parseAst(part + follower);
  let nodes = ast.getInstructions();
  if (follower !== '') {
    const sentinel = nodes.at(-1);
    const keywordAt = part.length + (follower.length - follower.trimStart().length);
    if (sentinel === undefined || positionsOf(ast).offsetAt(sentinel.getInstructionRange().start) !== keywordAt) return null;
    nodes = nodes.slice(0, -1);
  }
  return { ast, nodes, shift: start - lead.length };
}

function keep(list: InstructionList, inst: Instruction, by: number, lines: LineIndex): void {
  list.add(inst.keyword, (index, stage) => moved(inst, by, index, stage, lines));
}

/** The instruction `by` later in the file, at its new place in it. */
function moved(inst: Instruction, by: number, index: number, stage: number, lines: LineIndex): Instruction {
  const span = shifted(inst.span, by);
  return {
    index,
    keyword: inst.keyword,
    span,
    keywordSpan: shifted(inst.keywordSpan, by),
    argsSpan: inst.argsSpan === null ? null : shifted(inst.argsSpan, by),
    flags: by === 0 ? inst.flags : inst.flags.map((f) => ({ ...f, span: shifted(f.span, by) })),
    form: inst.form,
    execArgs: inst.execArgs,
    heredocs: by === 0 ? inst.heredocs : inst.heredocs.map((h) => ({ ...h, span: shifted(h.span, by), wordEnd: h.wordEnd + by, bodyStart: h.bodyStart + by })),
    stage,
    line: lines.lineOf(span.start),
    endLine: lines.lineOf(span.end),
    node: inst.node,
    nodeShift: inst.nodeShift + by,
  };
}

function movedComment(c: Comment, by: number, lines: LineIndex): Comment {
  return { ...c, span: shifted(c.span, by), line: lines.lineOf(c.span.start + by) };
}

function shifted(span: Span, by: number): Span {
  return by === 0 ? span : { start: span.start + by, end: span.end + by };
}
