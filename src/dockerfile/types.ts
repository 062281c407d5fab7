import type { Dockerfile, Instruction as AstInstruction } from 'dockerfile-ast';
import type { HeredocWord } from './heredocs.js';
import type { ImageRef } from './imageRef.js';
import type { LineIndex, TextFacts } from './text.js';

/** A half-open range of offsets into the file's text: [start, end). */
export interface Span {
  readonly start: number;
  readonly end: number;
}

/** How an instruction's arguments are written. */
export type InstructionForm = 'shell' | 'exec' | 'heredoc' | 'none';

export interface InstructionFlag {
  readonly name: string;
  readonly value: string | null;
  readonly span: Span;
}

export interface HeredocSpan extends HeredocWord {
  /**
   * From its word (the file descriptor's digits or `<<`) to the end of the closing delimiter
   * line (to the end of the file when no line closes it).
   */
  readonly span: Span;
  /** Where the word that opens it ends: `RUN <<EOF bash` runs `bash`. */
  readonly wordEnd: number;
  /** A line after it closes it (its name alone, after tabs with `<<-`). */
  readonly closed: boolean;
  /**
   * Where its document's lines start: for the first, after the instruction's first logical line
   * (lines its continuations join included), for each other after the one before it closes.
   */
  readonly bodyStart: number;
}

export interface Instruction {
  readonly index: number;
  /** Upper-case keyword: `RUN`, `FROM`, … (as written it may be lower case). */
  readonly keyword: string;
  /** From the keyword to the last byte of the last argument (no trailing line ending). */
  readonly span: Span;
  readonly keywordSpan: Span;
  /** The arguments after any `--flags`; null when there are none. */
  readonly argsSpan: Span | null;
  readonly flags: readonly InstructionFlag[];
  readonly form: InstructionForm;
  /** For exec form: the JSON array, parsed from the source (not dockerfile-ast's lossy values). */
  readonly execArgs: readonly string[] | null;
  readonly heredocs: readonly HeredocSpan[];
  /** Index into `stages`, or -1 for ARGs before the first FROM. */
  readonly stage: number;
  /** 1-based first and last line. */
  readonly line: number;
  readonly endLine: number;
  /**
   * dockerfile-ast's instruction, for the values it reads (arguments, properties).
   * Its positions are in the text it was parsed from, which after an edit may be
   * an earlier text or a part of this one: `nodeSpan` turns them into this file's offsets.
   */
  readonly node: AstInstruction;
  /** What to add to an offset in `node`'s own text to get the offset in this file. */
  readonly nodeShift: number;
}

export type StageBase =
  | { readonly kind: 'image'; readonly ref: ImageRef }
  | { readonly kind: 'stage'; readonly stage: number }
  | { readonly kind: 'scratch' }
  /** A reference that is not valid or whose value comes only from a build argument. */
  | { readonly kind: 'unknown'; readonly raw: string };

export interface Stage {
  readonly index: number;
  /** The `AS` name as written, or null. */
  readonly name: string | null;
  /** Where the `AS` name is written, or null. */
  readonly nameSpan: Span | null;
  readonly from: Instruction;
  /** The image reference as written (quotes included); null only in a FROM without arguments. */
  readonly imageSpan: Span | null;
  readonly base: StageBase;
  readonly platform: string | null;
  /** Instructions after the FROM, up to the next FROM. */
  readonly instructions: readonly Instruction[];
}

export interface ParserDirective {
  readonly name: string;
  readonly value: string;
  readonly line: number;
}

export interface Comment {
  readonly span: Span;
  readonly line: number;
  readonly text: string;
}

export interface ParsedDockerfile extends TextFacts {
  readonly text: string;
  /** dockerfile-ast's tree of this text (after an edit, parsed only when asked for: the engine reads `instructions`). */
  readonly ast: Dockerfile;
  readonly escape: string;
  readonly directives: readonly ParserDirective[];
  readonly instructions: readonly Instruction[];
  readonly stages: readonly Stage[];
  readonly comments: readonly Comment[];
  readonly lines: LineIndex;
}
