// The package's entry first: its modules require each other in a cycle that only resolves in that order.
import 'dockerfile-ast';
import type { Dockerfile } from 'dockerfile-ast';
import { Argument } from 'dockerfile-ast/lib/argument.js';
import { Instruction } from 'dockerfile-ast/lib/instruction.js';
import { From } from 'dockerfile-ast/lib/instructions/from.js';
import { Parser } from 'dockerfile-ast/lib/parser.js';
import { tokeniseArguments, type TokenisedInstruction } from './astTokeniser.js';

/**
 * dockerfile-ast's own parser, less three of its costs (the first two were a
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
 *   instruction uses `tokeniseArguments`, the same reading with less garbage.
 * The tree is the same: test/ast-parser.test.ts compares it with dockerfile-ast's
 * on the corpus and on generated files.
 *
 * dockerfile-ast is pinned to an exact version because this reaches into its
 * private methods.
 */
interface ParserInternals {
  buffer: string;
  processArguments(dockerfile: unknown, instruction: string, instructionEnd: number, start: number, offset: number): number;
  processHeredocs(instruction: unknown, offset: number): number;
}

interface FastParserState extends ParserInternals {
  /** Start of the instruction whose arguments are being read. */
  argumentsOf: number;
}

const base = Parser.prototype as unknown as ParserInternals;

class HeredocCheckingParser extends Parser {}
const fast = HeredocCheckingParser.prototype as unknown as ParserInternals;

fast.processArguments = function (this: FastParserState, dockerfile, instruction, instructionEnd, start, offset) {
  this.argumentsOf = start;
  return base.processArguments.call(this, dockerfile, instruction, instructionEnd, start, offset);
};

fast.processHeredocs = function (this: FastParserState, instruction, offset) {
  if (!this.buffer.slice(this.argumentsOf, offset).includes('<')) return offset;
  return base.processHeredocs.call(this, instruction, offset);
};

if (typeof base.processArguments !== 'function' || typeof base.processHeredocs !== 'function') {
  throw new Error('dockerfile-ast changed its parser: src/dockerfile/astParser.ts needs a look');
}

/**
 * Instructions made by this parser keep their tokenised arguments here: null
 * until first asked. Other instructions (dockerfile-ast's own, an ONBUILD
 * trigger) do not have it and tokenise on every call, as shipped.
 */
const ARGUMENTS = Symbol('arguments');
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
  [ARGUMENTS]?: readonly ArgumentLike[] | null;
}

const instruction = Instruction.prototype as unknown as InstructionInternals;
if (typeof instruction.getRawArguments !== 'function') throw new Error('dockerfile-ast changed its instructions: src/dockerfile/astParser.ts needs a look');
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
