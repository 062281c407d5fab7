// The package's entry first: its modules require each other in a cycle that only resolves in that order.
import 'dockerfile-ast';
import type { Dockerfile } from 'dockerfile-ast';
import { Argument } from 'dockerfile-ast/lib/argument.js';
import { Instruction } from 'dockerfile-ast/lib/instruction.js';
import { From } from 'dockerfile-ast/lib/instructions/from.js';
import { JSONInstruction } from 'dockerfile-ast/lib/jsonInstruction.js';
import { ModifiableInstruction } from 'dockerfile-ast/lib/modifiableInstruction.js';
import { Parser } from 'dockerfile-ast/lib/parser.js';
import { Util } from 'dockerfile-ast/lib/util.js';
import { argumentsEnd, firstArgument, tokeniseArguments, type FirstArgument, type TokenisedInstruction } from './astTokeniser.js';
import { readHeredocs, type HeredocRead } from './heredocs.js';

/**
 * dockerfile-ast's own parser, less five of its costs (the first two were a
 * sixth of a whole pipeline run, the third a tenth of its garbage):
 * - after every RUN, COPY and ADD it tokenises the arguments again to look for
 *   heredocs. An instruction whose text has no `<` cannot open one (a heredoc
 *   argument starts with `<<`, and an escaped line break between the two still
 *   leaves a `<` in the text), so the search is skipped there;
 * - an instruction tokenises its arguments anew on every `getArguments()`, and
 *   its constructor alone asks several times. The instructions of this parser
 *   tokenise once and hand out copies of the array (callers change what
 *   they get: `getArguments` shifts flags off it, FROM moves ranges);
 * - the tokeniser itself builds values a character at a time: every
 *   instruction uses `tokeniseArguments`, the same reading with less garbage;
 * - every RUN, COPY, ADD, CMD, … tokenises its arguments as it is made, to
 *   read them as a JSON array, and asks for them again for its arguments'
 *   range, though most callers want nothing else. Where the text cannot
 *   start a JSON array (no `[`, or a first argument that starts otherwise)
 *   the constructor is told there is no text and ends as it would have; the
 *   range is read without making the arguments when the first one says there
 *   are no flags to leave out, and parse.ts reads only the first argument where
 *   none can end past the instruction's content (`argumentsSpan`). The arguments
 *   are made when first asked for;
 * - every parse asks twice whether the text starts with a byte order mark by
 *   encoding its first character into a new Buffer and copying that into a
 *   Uint8Array (2% of a run over short files). The first three bytes of UTF-8
 *   are EF BB BF exactly when the first code unit is U+FEFF, so that is
 *   compared instead.
 * The tree is the same: test/ast-parser.test.ts compares it with dockerfile-ast's
 * on the corpus and on generated files.
 *
 * One thing it reads otherwise, on purpose: which heredocs an instruction opens and where
 * they end, which dockerfile-ast reads unlike BuildKit (it takes `"a <<EOF"`, `\<<EOF` and a
 * JSON array's `<<EOF"]` for heredocs, not `2<<EOF` nor `<< EOF`, and strips tabs before every
 * closing line when one heredoc of the line is `<<-`). heredocs.ts reads them as BuildKit does;
 * the instruction ends where that reading ends it, and `heredocsOf` gives what it found.
 *
 * dockerfile-ast is pinned to an exact version because this reaches into its
 * private methods.
 */
interface ParserInternals {
  buffer: string;
  parse(text: string): Dockerfile;
  createInstruction(dockerfile: unknown, instruction: string, start: number, instructionEnd: number, end: number): unknown;
  processArguments(dockerfile: unknown, instruction: string, instructionEnd: number, start: number, offset: number): number;
  processHeredocs(instruction: unknown, offset: number): number;
  escapeChar: string;
}

interface FastParserState extends ParserInternals {
  /** Start of the instruction whose arguments are being read. */
  argumentsOf: number;
  /** Where the last search for each character found it in this parse's text (-1: nowhere after; -2: not searched). */
  found?: { '[': number; '<': number };
  /** The heredocs read for the instruction starting at each offset, for the instruction made there. */
  heredocsAt?: Map<number, readonly HeredocRead[]>;
}

/**
 * Whether `char` occurs in the buffer within [start, end). Instructions come in
 * order, so a character is searched for again only once an instruction starts
 * past where it was last found: one pass over the text, not one per instruction.
 */
function occurs(parser: FastParserState, char: '[' | '<', start: number, end: number): boolean {
  parser.found ??= { '[': -2, '<': -2 };
  let at = parser.found[char];
  if (at === -2 || (at !== -1 && at < start)) parser.found[char] = at = parser.buffer.indexOf(char, start);
  return at !== -1 && at < end;
}

const base = Parser.prototype as unknown as ParserInternals;

class HeredocCheckingParser extends Parser {}
const fast = HeredocCheckingParser.prototype as unknown as ParserInternals;

// Each parse searches its own text from the start (a parser may be asked to parse again).
fast.parse = function (this: FastParserState, text) {
  this.found = undefined;
  this.heredocsAt = undefined;
  return base.parse.call(this, text);
};

fast.processArguments = function (this: FastParserState, dockerfile, instruction, instructionEnd, start, offset) {
  this.argumentsOf = start;
  const end = base.processArguments.call(this, dockerfile, instruction, instructionEnd, start, offset);
  // An instruction on the file's last line, with no line ending: dockerfile-ast looks for no
  // heredoc there, and BuildKit fails on any it opens (no line can close it).
  if (end === this.buffer.length && !(this.heredocsAt?.has(start) ?? false) && occurs(this, '<', start, end)) readFor(this, start, end);
  return end;
};

fast.processHeredocs = function (this: FastParserState, _instruction, offset) {
  if (!occurs(this, '<', this.argumentsOf, offset)) return offset;
  return readFor(this, this.argumentsOf, offset);
};

const HEREDOCS = Symbol('heredocs');

/** Reads the heredocs of the instruction at `start` whose first logical line ends at `lineEnd`, keeps them for it, and returns where it ends. */
function readFor(parser: FastParserState, start: number, lineEnd: number): number {
  const read = readHeredocs(parser.buffer, start, lineEnd, parser.escapeChar);
  if (read.docs.length > 0) (parser.heredocsAt ??= new Map()).set(start, read.docs);
  return read.end;
}

/** The heredocs BuildKit reads in an instruction of a tree `parseAst` made, at offsets of the text it parsed. */
export function heredocsOf(node: unknown): readonly HeredocRead[] {
  return (node as { [HEREDOCS]?: readonly HeredocRead[] })[HEREDOCS] ?? [];
}

/** dockerfile-ast is pinned, but a change to what this reaches into must fail loudly, not parse wrong. */
function expectMethods(target: object, what: string, names: readonly string[]): void {
  for (const name of names) {
    if (typeof (target as Record<string, unknown>)[name] !== 'function') throw new Error(`dockerfile-ast changed its ${what}: src/dockerfile/astParser.ts needs a look`);
  }
}

expectMethods(base, 'parser', ['parse', 'processArguments', 'processHeredocs', 'createInstruction']);
expectMethods(Util, 'Util', ['isUTF8BOM']);

Util.isUTF8BOM = (char: string): boolean => char.charCodeAt(0) === 0xfeff;

/**
 * Instructions made by this parser keep their tokenised arguments here: null
 * until first asked. Other instructions (dockerfile-ast's own, an ONBUILD
 * trigger) do not have it and tokenise on every call, as shipped.
 */
const ARGUMENTS = Symbol('arguments');
/** The first argument, and where the last one ends, once read without making them. */
const FIRST = Symbol('first');
const END = Symbol('end');
/** True while this parser builds a tree: the instructions it is making are its own. */
let parsing = false;

interface RangeLike {
  readonly start: { readonly line: number; readonly character: number };
  readonly end: { readonly line: number; readonly character: number };
}
interface ArgumentLike {
  getValue(): string;
  getRange(): RangeLike;
}
interface InstructionInternals extends TokenisedInstruction {
  getRawArguments(this: InstructionInternals): ArgumentLike[];
  getArgumentsRange(this: InstructionInternals): RangeLike | null;
  /** ModifiableInstruction's: true when an argument with this value ends the flags. */
  stopSearchingForFlags?(value: string): boolean;
  [ARGUMENTS]?: readonly ArgumentLike[] | null;
  [FIRST]?: FirstArgument | null;
  [END]?: number | null;
}

const instruction = Instruction.prototype as unknown as InstructionInternals;
expectMethods(instruction, 'instructions', ['getRawArguments', 'getArgumentsRange']);
const tokenise = (i: InstructionInternals): ArgumentLike[] => tokeniseArguments(i) as unknown as ArgumentLike[];

instruction.getRawArguments = function (this: InstructionInternals) {
  let args = this[ARGUMENTS];
  if (args === undefined && !parsing) return tokenise(this);
  if (args === undefined || args === null) this[ARGUMENTS] = args = tokenise(this);
  // A new array each time (ModifiableInstruction shifts its flags off it), with
  // the same arguments: nothing changes an argument in place but FROM, whose
  // `getImageNameRange` assigns the `start` and `end` of its first argument's
  // range, so FROM gets new ranges. Positions are never changed in place.
  return this instanceof From ? args.map(copyArgument) : args.slice();
};

const shippedArgumentsRange = instruction.getArgumentsRange;

/**
 * From the first argument's start to the last one's end, less the flags of a
 * ModifiableInstruction: when the first argument ends the flags, there are none.
 */
instruction.getArgumentsRange = function (this: InstructionInternals) {
  const start = unflaggedStart(this);
  if (start === undefined) return shippedArgumentsRange.call(this);
  if (start === null) return null;
  return { start: this.document.positionAt(start), end: this.document.positionAt(endOf(this)!) };
};

/**
 * Where the arguments start when that can be read without making them: null when
 * there are none; undefined when they are made already, or flags may come first
 * (then the range leaves them out, as shipped).
 */
function unflaggedStart(i: InstructionInternals): number | null | undefined {
  if (i[ARGUMENTS] !== null) return undefined;
  const first = firstOf(i);
  if (first === null) return null;
  if ((i as unknown) instanceof ModifiableInstruction && i.stopSearchingForFlags?.(first.value) !== true) return undefined;
  return first.start;
}

/**
 * The arguments' range as offsets in the text (as the range's positions read back),
 * with the end taken as at least `contentEnd`, as parse.ts stretches the arguments to
 * the instruction's content. The end is the last argument's, which takes every
 * argument to read; but an argument ends just after a character the tokeniser does
 * not count as a blank (a space, tab, CR or LF), so when only blanks follow
 * `contentEnd` to the instruction's end none ends past it, and the first argument
 * is all that is read.
 */
export function argumentsSpan(node: unknown, contentEnd: number, instructionEnd: number): { start: number; end: number } | null {
  const i = node as InstructionInternals;
  const start = unflaggedStart(i);
  const readBack = (offset: number) => i.document.offsetAt(i.document.positionAt(offset));
  if (start === undefined) {
    const range = i.getArgumentsRange();
    if (range === null) return null;
    return { start: i.document.offsetAt(range.start), end: Math.max(i.document.offsetAt(range.end), contentEnd) };
  }
  if (start === null) return null;
  if (/^[ \t\r\n]*$/.test(i.document.getText().slice(contentEnd, instructionEnd))) return { start: readBack(start), end: contentEnd };
  return { start: readBack(start), end: Math.max(readBack(endOf(i)!), contentEnd) };
}

/**
 * Set while the parser makes an instruction: whether its text holds a `[`.
 * A JSONInstruction's constructor asks for its arguments' text once and reads
 * it as a JSON array. That reading skips blanks, `]` and backslash line
 * continuations, and stops at any other character but `[` with nothing found:
 * no brackets, no strings. So when the text has no `[`, or the first argument
 * (with no flags before it) starts with a character the reading stops at, the
 * constructor is told there is no text, and ends as it would have.
 */
let making: 'bracket' | 'no-bracket' | null = null;

fast.createInstruction = function (this: FastParserState, dockerfile, instruction, start, instructionEnd, end) {
  making = occurs(this, '[', start, end) ? 'bracket' : 'no-bracket';
  try {
    const made = base.createInstruction.call(this, dockerfile, instruction, start, instructionEnd, end);
    const docs = this.heredocsAt?.get(start);
    if (docs !== undefined) (made as { [HEREDOCS]?: readonly HeredocRead[] })[HEREDOCS] = docs;
    return made;
  } finally {
    making = null;
  }
};

const json = JSONInstruction.prototype as unknown as { getRawArgumentsContent(this: InstructionInternals): string | null };
expectMethods(json, 'JSON instructions', ['getRawArgumentsContent']);
const shippedArgumentsContent = json.getRawArgumentsContent;

json.getRawArgumentsContent = function (this: InstructionInternals) {
  const made = making;
  making = null; // only the constructor's own first question
  if (made === 'no-bracket' || (made === 'bracket' && !mayReadJson(this))) return null;
  return shippedArgumentsContent.call(this);
};

/** Whether the constructor's JSON reading could find anything in the instruction's arguments. */
function mayReadJson(i: InstructionInternals): boolean {
  const first = firstOf(i);
  if (first === null) return false;
  if (i.stopSearchingForFlags?.(first.value) !== true) return true; // flags come first: read as shipped
  // An argument never starts with a blank; it may start with the escape character, which its value drops.
  const char = i.document.getText().charAt(first.start);
  return char === '[' || char === ']' || char === '\\' || char === i.escapeChar;
}

function firstOf(i: InstructionInternals): FirstArgument | null {
  if (i[FIRST] === undefined) i[FIRST] = firstArgument(i);
  return i[FIRST];
}

function endOf(i: InstructionInternals): number | null {
  if (i[END] === undefined) i[END] = argumentsEnd(i);
  return i[END];
}

function copyArgument(a: ArgumentLike): ArgumentLike {
  const { start, end } = a.getRange();
  return new Argument(a.getValue(), { start, end }) as unknown as ArgumentLike;
}

/** The same tree as `DockerfileParser.parse(text)`. */
export function parseAst(text: string): Dockerfile {
  parsing = true;
  try {
    const ast = new HeredocCheckingParser().parse(text);
    // Instructions whose constructor did not ask for their arguments (FROM, ENV, …) are ours too.
    for (const i of ast.getInstructions() as unknown as InstructionInternals[]) i[ARGUMENTS] ??= null;
    return ast;
  } finally {
    parsing = false;
  }
}

/** Offsets of LSP positions in the text, as the parse's own document reads them. */
export interface PositionIndex {
  offsetAt(position: { readonly line: number; readonly character: number }): number;
}

/**
 * The text document the tree was parsed from (a field of dockerfile-ast's
 * Dockerfile): its line table is already built, and its `offsetAt` is the one
 * the tree's ranges were made with.
 */
export function positionsOf(ast: Dockerfile): PositionIndex {
  const document = (ast as unknown as { document?: PositionIndex }).document;
  if (typeof document?.offsetAt !== 'function') throw new Error('dockerfile-ast changed its Dockerfile: src/dockerfile/astParser.ts needs a look');
  return document;
}

/** The text document an instruction was parsed from: its ranges' positions are in that text. */
export function nodeDocument(node: unknown): PositionIndex {
  return (node as InstructionInternals).document;
}
