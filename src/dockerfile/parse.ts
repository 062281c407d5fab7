import type { Dockerfile, Instruction as AstInstruction } from 'dockerfile-ast';
import { argumentsSpan, heredocsOf, nodeDocument, parseAst, positionsOf } from './astParser.js';
import { parseImageRef, type ImageRef } from './imageRef.js';
import { logicalText } from './logical.js';
import { unquoteWord } from './words.js';
import { LineIndex, textFacts } from './text.js';
import type {
  Comment,
  HeredocSpan,
  Instruction,
  InstructionFlag,
  InstructionForm,
  ParsedDockerfile,
  ParserDirective,
  Span,
  Stage,
  StageBase,
} from './types.js';
import { Memo } from '../memo.js';

/** Keywords whose arguments may be a JSON array (exec form). */
const EXEC_CAPABLE = new Set(['RUN', 'CMD', 'ENTRYPOINT', 'SHELL', 'ADD', 'COPY', 'VOLUME']);

interface RangeLike {
  start: { line: number; character: number };
  end: { line: number; character: number };
}

/**
 * Parses a Dockerfile with dockerfile-ast and turns its LSP ranges into exact
 * string offsets. Never throws on odd input: validity is `validate`'s job.
 */
export function parseDockerfile(text: string): ParsedDockerfile {
  const ast = parseAst(text);
  const lines = new LineIndex(text);
  const escape = ast.getEscapeCharacter();
  const list = new InstructionList(escape);
  const comments = placeTree(ast, ast.getInstructions(), { text, lines, escape, shift: 0 }, list);
  const directives = buildkitDirectives(ast);
  return { text, ast, escape, directives, instructions: list.instructions, stages: list.stages, comments, lines, ...textFacts(text) };
}

/** The parser directives BuildKit knows; a comment naming any other ends the directives (buildkit: parser/directives.go). */
const DIRECTIVE_NAMES = new Set(['syntax', 'escape', 'check']);

/**
 * The directives as BuildKit reads them: dockerfile-ast also lists a comment such as
 * `#checkov:skip=CKV_DOCKER_2`, where BuildKit's directives end (a name of letters and digits, one
 * it knows), so a second such comment is no repeated directive.
 */
function buildkitDirectives(ast: Dockerfile): ParserDirective[] {
  const out: ParserDirective[] = [];
  for (const d of ast.getDirectives()) {
    const name = d.getName();
    if (!/^[a-zA-Z][a-zA-Z0-9]*$/.test(name) || !DIRECTIVE_NAMES.has(name.toLowerCase())) break;
    out.push({ name: name.toLowerCase(), value: d.getValue(), line: d.getRange().start.line + 1 });
  }
  return out;
}

/** Where a tree's text sits: in `text`, `shift` characters on from where it sits in the tree's own. */
export interface Placement {
  readonly text: string;
  readonly lines: LineIndex;
  readonly escape: string;
  readonly shift: number;
}

/**
 * Adds `nodes` (instructions of `ast`, in order) to `list` as instructions of the
 * placement's text, and returns the tree's comments there.
 */
export function placeTree(ast: Dockerfile, nodes: readonly AstInstruction[], at: Placement, list: InstructionList): Comment[] {
  const doc = positionsOf(ast);
  const spanOf = (r: RangeLike): Span => ({ start: doc.offsetAt(r.start) + at.shift, end: doc.offsetAt(r.end) + at.shift });
  for (const node of nodes) {
    const keyword = node.getKeyword().toUpperCase();
    list.add(keyword, (index, stage) => toInstruction(node, keyword, index, stage, at, spanOf));
  }
  return ast.getComments().map((c) => {
    const span = spanOf(c.getRange());
    return { span, line: at.lines.lineOf(span.start), text: c.getContent() };
  });
}

/** The instructions of a file in order, each told its index and stage as it comes, and the stages they open. */
export class InstructionList {
  readonly instructions: Instruction[] = [];
  readonly stages: Stage[] = [];
  private readonly ofStage: Instruction[][] = [];
  private readonly stageNames = new Map<string, number>();

  constructor(private readonly escape: string) {}

  add(keyword: string, make: (index: number, stage: number) => Instruction): void {
    const isFrom = keyword === 'FROM';
    const stage = isFrom ? this.stages.length : this.stages.length - 1;
    const instruction = make(this.instructions.length, stage);
    this.instructions.push(instruction);
    if (isFrom) {
      const from = describeFrom(instruction, this.stageNames, this.escape);
      if (from.name !== null && !this.stageNames.has(from.name.toLowerCase())) this.stageNames.set(from.name.toLowerCase(), stage);
      const own: Instruction[] = [];
      this.ofStage.push(own);
      this.stages.push({ index: stage, from: instruction, ...from, instructions: own });
    } else if (stage >= 0) {
      this.ofStage[stage]!.push(instruction);
    }
  }
}

/** A range of `inst.node`, as offsets in the file `inst` is part of. */
export function nodeSpan(inst: Instruction, range: RangeLike): Span {
  const doc = nodeDocument(inst.node);
  return { start: doc.offsetAt(range.start) + inst.nodeShift, end: doc.offsetAt(range.end) + inst.nodeShift };
}

function toInstruction(node: AstInstruction, keyword: string, index: number, stage: number, at: Placement, spanOf: (r: RangeLike) => Span): Instruction {
  const { text, escape, lines, shift } = at;
  const keywordSpan = spanOf(node.getInstructionRange());
  const whole = spanOf(node.getRange());
  // dockerfile-ast re-tokenises the arguments on every getFlags call: ask only when the text can hold a flag.
  const after = text.slice(keywordSpan.end, whole.end);
  const flags = startsWithFlag(after) ? flagsOf(node, spanOf) : [];
  const heredocs = heredocsOf(node).map(({ start, end, wordEnd, bodyStart, ...word }) => ({ ...word, span: { start: start + shift, end: end + shift }, wordEnd: wordEnd + shift, bodyStart: bodyStart + shift }));
  const span = withoutTrailingLines(text, whole, heredocs.length > 0);
  // dockerfile-ast ends the arguments early when a comment line inside a continuation
  // holds the escape character (`# strip the \r`); they run to the instruction's end.
  // Such a comment before the first argument also makes it start inside the comment.
  const args = argumentsSpan(node, span.end - shift, whole.end - shift);
  const argsSpan = args === null ? null : { start: argumentsStart(text, flags.at(-1)?.span.end ?? keywordSpan.end, args.start + shift, escape), end: args.end + shift };
  const { form, execArgs } = formOf(keyword, argsSpan, heredocs, text, escape);
  return {
    index,
    keyword,
    span,
    keywordSpan,
    argsSpan,
    flags,
    form,
    execArgs,
    heredocs,
    stage,
    line: lines.lineOf(span.start),
    endLine: lines.lineOf(span.end),
    node,
    nodeShift: shift,
  };
}

/**
 * dockerfile-ast stretches an instruction that ends in a continuation (or an
 * unterminated heredoc) at the end of the file over the line ending and any
 * blank or comment lines after it. The span ends at the instruction's last
 * content instead, so an edit that replaces the instruction keeps the file's
 * final newline and those comments.
 */
function withoutTrailingLines(text: string, span: Span, heredoc: boolean): Span {
  let end = span.end;
  const dropLineEnding = () => {
    if (end > span.start && text[end - 1] === '\n') {
      end--;
      if (end > span.start && text[end - 1] === '\r') end--;
      return true;
    }
    return false;
  };
  if (heredoc) {
    dropLineEnding();
    return { start: span.start, end };
  }
  for (;;) {
    if (dropLineEnding()) continue;
    const lineStart = text.lastIndexOf('\n', end - 1) + 1;
    if (lineStart <= span.start || !/^[ \t]*(#.*)?$/.test(text.slice(lineStart, end))) break;
    end = lineStart;
  }
  return { start: span.start, end };
}

/**
 * Where the arguments start when continuation, blank and comment lines come
 * before them (`RUN \⏎    # note⏎    cmd`): the first character BuildKit keeps.
 * `reported` is dockerfile-ast's answer, right whenever no line break precedes it.
 */
function argumentsStart(text: string, from: number, reported: number, escape: string): number {
  if (!text.slice(from, reported).includes('\n')) return reported;
  let i = from;
  for (;;) {
    while (text[i] === ' ' || text[i] === '\t') i++;
    if (text[i] !== escape) return i;
    let j = i + 1;
    while (text[j] === ' ' || text[j] === '\t') j++;
    if (text[j] === '\r') j++;
    if (text[j] !== '\n') return i;
    i = j + 1;
    // Blank and comment lines inside a continuation are dropped.
    for (;;) {
      const nl = text.indexOf('\n', i);
      if (nl === -1 || !/^[ \t]*(?:#.*)?\r?$/.test(text.slice(i, nl))) break;
      i = nl + 1;
    }
  }
}

/**
 * Whether the text after the keyword starts with a flag, as BuildKit reads it: comment lines inside the
 * continuation are dropped first (\`RUN \\⏎  # keep pip's cache⏎  --mount=type=cache,…\`).
 */
function startsWithFlag(after: string): boolean {
  if (/^[\s\\`]*--/.test(after)) return true;
  return after.includes('#') && /^[\s\\`]*--/.test(after.replace(/(?<=\n)[ \t]*#[^\n]*(?:\n|$)/g, ''));
}

function flagsOf(node: AstInstruction, spanOf: (r: RangeLike) => Span): InstructionFlag[] {
  const withFlags = node as unknown as { getFlags?: () => { getName(): string; getValue(): string | null; getRange(): RangeLike }[] };
  if (typeof withFlags.getFlags !== 'function') return [];
  return withFlags.getFlags().map((f) => ({ name: f.getName(), value: f.getValue(), span: spanOf(f.getRange()) }));
}

/**
 * BuildKit treats arguments as exec form when they parse as a JSON array of
 * strings, and as shell form otherwise. The JSON is read from the source text
 * (after joining continuations) because dockerfile-ast drops inner whitespace.
 */
function formOf(
  keyword: string,
  argsSpan: Span | null,
  heredocs: readonly HeredocSpan[],
  text: string,
  escape: string,
): { form: InstructionForm; execArgs: string[] | null } {
  if (argsSpan === null) return { form: 'none', execArgs: null };
  if (heredocs.length > 0) return { form: 'heredoc', execArgs: null };
  const execKeyword = EXEC_CAPABLE.has(keyword) || keyword === 'HEALTHCHECK';
  if (!execKeyword) return { form: 'shell', execArgs: null };
  // Most arguments start with neither `[` nor what joining lines or trimming would remove before one.
  const first = text[argsSpan.start]!;
  if (keyword !== 'HEALTHCHECK' && first !== '[' && first !== escape && !/\s/.test(first)) return { form: 'shell', execArgs: null };
  let argsText = logicalText(text, argsSpan.start, argsSpan.end, escape).text;
  if (keyword === 'HEALTHCHECK') {
    const m = /^CMD\s+/i.exec(argsText);
    if (!m) return { form: 'shell', execArgs: null };
    argsText = argsText.slice(m[0].length);
  }
  const execArgs = parseJsonArray(argsText.trim());
  return execArgs === null ? { form: 'shell', execArgs: null } : { form: 'exec', execArgs };
}

export function parseJsonArray(s: string): string[] | null {
  if (!s.startsWith('[')) return null;
  try {
    const value: unknown = JSON.parse(s);
    if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return value as string[];
  } catch {
    // Not JSON: BuildKit falls back to shell form.
  }
  return null;
}

/** What a FROM's words say, kept with its node: the same wherever a later parse moves the instruction. */
interface FromWords {
  /** The image as BuildKit reads the word (quotes removed). */
  readonly raw: string;
  readonly ref: ImageRef | null;
  readonly name: string | null;
  readonly imageRange: RangeLike | null;
  readonly nameRange: RangeLike | null;
}

const fromWords = new Memo<AstInstruction, FromWords>();

function wordsOfFrom(node: AstInstruction, escape: string): FromWords {
  let words = fromWords.get(node);
  if (words === undefined) {
    const nodes = node.getArguments();
    const args = nodes.map((a) => a.getValue());
    const named = args.length >= 3 && args[1]!.toUpperCase() === 'AS';
    // BuildKit reads the image as a shell word: `FROM "$BASE" AS deps` names $BASE.
    const raw = unquoteWord(args[0] ?? '', escape);
    words = { raw, ref: parseImageRef(raw), name: named ? args[2]! : null, imageRange: nodes[0]?.getRange() ?? null, nameRange: named ? nodes[2]!.getRange() : null };
    fromWords.set(node, words);
  }
  return words;
}

function describeFrom(
  instruction: Instruction,
  stageNames: ReadonlyMap<string, number>,
  escape: string,
): Pick<Stage, 'name' | 'nameSpan' | 'base' | 'imageSpan' | 'platform'> {
  const words = wordsOfFrom(instruction.node, escape);
  return {
    name: words.name,
    nameSpan: words.nameRange === null ? null : nodeSpan(instruction, words.nameRange),
    base: baseOf(words, stageNames),
    imageSpan: words.imageRange === null ? null : nodeSpan(instruction, words.imageRange),
    platform: instruction.flags.find((f) => f.name === 'platform')?.value ?? null,
  };
}

function baseOf({ raw, ref }: FromWords, stageNames: ReadonlyMap<string, number>): StageBase {
  const stage = stageNames.get(raw.toLowerCase());
  if (stage !== undefined) return { kind: 'stage', stage };
  if (raw.toLowerCase() === 'scratch') return { kind: 'scratch' };
  return ref === null ? { kind: 'unknown', raw } : { kind: 'image', ref };
}
