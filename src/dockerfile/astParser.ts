import type { Dockerfile } from 'dockerfile-ast';
import { Parser } from 'dockerfile-ast/lib/parser.js';

/**
 * dockerfile-ast's own parser, less one cost: after every RUN, COPY and ADD it
 * tokenises the arguments a second time to look for heredocs, which was a sixth
 * of a whole pipeline run. An instruction whose text has no `<` cannot open a
 * heredoc (every heredoc argument starts with `<<`, and an escaped line break
 * between the two still leaves a `<` in the text), so the search is skipped for
 * it and the tree is the same: test/dockerfile/astParser.test.ts compares both
 * parsers on the corpus and on generated files.
 *
 * dockerfile-ast is pinned to an exact version because this reaches into two
 * of its private methods.
 */
interface ParserInternals {
  buffer: string;
  processArguments(dockerfile: unknown, instruction: string, instructionEnd: number, start: number, offset: number): number;
  processHeredocs(instruction: unknown, offset: number): number;
}

interface FastParserState extends ParserInternals {
  /** Start of the instruction whose arguments are being read. */
  argumentsOf: number;
  /** The first `<` at or after some earlier start: instructions come in order, so one scan serves the file. */
  nextAngle: number;
}

const base = Parser.prototype as unknown as ParserInternals;

class HeredocCheckingParser extends Parser {}
const fast = HeredocCheckingParser.prototype as unknown as ParserInternals;

fast.processArguments = function (this: FastParserState, dockerfile, instruction, instructionEnd, start, offset) {
  this.argumentsOf = start;
  return base.processArguments.call(this, dockerfile, instruction, instructionEnd, start, offset);
};

fast.processHeredocs = function (this: FastParserState, instruction, offset) {
  if (this.nextAngle === undefined || (this.nextAngle !== -1 && this.nextAngle < this.argumentsOf)) {
    this.nextAngle = this.buffer.indexOf('<', this.argumentsOf);
  }
  if (this.nextAngle === -1 || this.nextAngle >= offset) return offset;
  return base.processHeredocs.call(this, instruction, offset);
};

if (typeof base.processArguments !== 'function' || typeof base.processHeredocs !== 'function') {
  throw new Error('dockerfile-ast changed its parser: src/dockerfile/astParser.ts needs a look');
}

/** The same tree as `DockerfileParser.parse(text)`. */
export function parseAst(text: string): Dockerfile {
  return new HeredocCheckingParser().parse(text);
}
