import type { Instruction as AstInstruction } from 'dockerfile-ast';
import { argumentsSpan, parseAst, positionsOf } from './astParser.js';
import { parseImageRef } from './imageRef.js';
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
  Span,
  Stage,
  StageBase,
} from './types.js';

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
  const doc = positionsOf(ast);
  const spanOf = (r: RangeLike): Span => ({ start: doc.offsetAt(r.start), end: doc.offsetAt(r.end) });
  const lines = new LineIndex(text);
  const escape = ast.getEscapeCharacter();

  const stages: Stage[] = [];
  const stageInstructions: Instruction[][] = [];
  const instructions: Instruction[] = [];
  const stageNames = new Map<string, number>();

  for (const node of ast.getInstructions()) {
    const keyword = node.getKeyword().toUpperCase();
    const isFrom = keyword === 'FROM';
    const stage = isFrom ? stages.length : stages.length - 1;
    const instruction = toInstruction(node, keyword, instructions.length, stage, text, escape, spanOf, lines);
    instructions.push(instruction);
    if (isFrom) {
      const from = describeFrom(node, instruction, stageNames, escape, spanOf);
      if (from.name !== null && !stageNames.has(from.name.toLowerCase())) stageNames.set(from.name.toLowerCase(), stage);
      const own: Instruction[] = [];
      stageInstructions.push(own);
      stages.push({ index: stage, from: instruction, ...from, instructions: own });
    } else if (stage >= 0) {
      stageInstructions[stage]!.push(instruction);
    }
  }

  const comments: Comment[] = ast.getComments().map((c) => {
    const span = spanOf(c.getRange());
    return { span, line: lines.lineOf(span.start), text: c.getContent() };
  });
  const directives = ast.getDirectives().map((d) => ({
    name: d.getName().toLowerCase(),
    value: d.getValue(),
    line: d.getRange().start.line + 1,
  }));

  return { text, ast, escape, directives, instructions, stages, comments, lines, ...textFacts(text) };
}

function toInstruction(
  node: AstInstruction,
  keyword: string,
  index: number,
  stage: number,
  text: string,
  escape: string,
  spanOf: (r: RangeLike) => Span,
  lines: LineIndex,
): Instruction {
  const keywordSpan = spanOf(node.getInstructionRange());
  const whole = spanOf(node.getRange());
  // dockerfile-ast re-tokenises the arguments on every getFlags/getHeredocs call:
  // ask only when the text can hold a flag or a heredoc.
  const after = text.slice(keywordSpan.end, whole.end);
  const flags = /^[\s\\`]*--/.test(after) ? flagsOf(node, spanOf) : [];
  const heredocs = after.includes('<<') ? heredocsOf(node, spanOf) : [];
  const span = withoutTrailingLines(text, whole, heredocs.length > 0);
  // dockerfile-ast ends the arguments early when a comment line inside a continuation
  // holds the escape character (`# strip the \r`); they run to the instruction's end.
  // Such a comment before the first argument also makes it start inside the comment.
  const args = argumentsSpan(node, span.end, whole.end);
  const argsSpan = args === null ? null : { start: argumentsStart(text, flags.at(-1)?.span.end ?? keywordSpan.end, args.start, escape), end: args.end };
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

function flagsOf(node: AstInstruction, spanOf: (r: RangeLike) => Span): InstructionFlag[] {
  const withFlags = node as unknown as { getFlags?: () => { getName(): string; getValue(): string | null; getRange(): RangeLike }[] };
  if (typeof withFlags.getFlags !== 'function') return [];
  return withFlags.getFlags().map((f) => ({ name: f.getName(), value: f.getValue(), span: spanOf(f.getRange()) }));
}

function heredocsOf(node: AstInstruction, spanOf: (r: RangeLike) => Span): HeredocSpan[] {
  const withHeredocs = node as unknown as {
    getHeredocs?: () => { getName(): string; getStartRange(): RangeLike; getDelimiterRange(): RangeLike | null; getContentRange(): RangeLike | null }[];
  };
  if (typeof withHeredocs.getHeredocs !== 'function') return [];
  return withHeredocs.getHeredocs().map((h) => {
    const start = spanOf(h.getStartRange()).start;
    const endRange = h.getDelimiterRange() ?? h.getContentRange() ?? h.getStartRange();
    return { name: h.getName(), span: { start, end: spanOf(endRange).end } };
  });
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

function describeFrom(
  node: AstInstruction,
  instruction: Instruction,
  stageNames: ReadonlyMap<string, number>,
  escape: string,
  spanOf: (r: RangeLike) => Span,
): Pick<Stage, 'name' | 'nameSpan' | 'base' | 'imageSpan' | 'platform'> {
  const nodes = node.getArguments();
  const args = nodes.map((a) => a.getValue());
  const named = args.length >= 3 && args[1]!.toUpperCase() === 'AS';
  const name = named ? args[2]! : null;
  const platform = instruction.flags.find((f) => f.name === 'platform')?.value ?? null;
  const imageSpan = nodes[0] === undefined ? null : spanOf(nodes[0].getRange());
  const nameSpan = named ? spanOf(nodes[2]!.getRange()) : null;
  // BuildKit reads the image as a shell word: `FROM "$BASE" AS deps` names $BASE.
  const raw = unquoteWord(args[0] ?? '', escape);
  return { name, nameSpan, base: baseOf(raw, stageNames), imageSpan, platform };
}

function baseOf(raw: string, stageNames: ReadonlyMap<string, number>): StageBase {
  const stage = stageNames.get(raw.toLowerCase());
  if (stage !== undefined) return { kind: 'stage', stage };
  if (raw.toLowerCase() === 'scratch') return { kind: 'scratch' };
  const ref = parseImageRef(raw);
  return ref === null ? { kind: 'unknown', raw } : { kind: 'image', ref };
}
