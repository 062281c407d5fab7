import type { ParsedDockerfile } from '../dockerfile/types.js';

/** Replace [start, end) of the current text with `text`. start === end inserts. */
export interface Edit {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/**
 * What a transform reports about one file. Offsets (`at`) are into the text the
 * transform was given; the engine turns them into lines of the original file.
 */
export type Finding =
  /** One logical change: its edits are applied together or not at all. */
  | { readonly kind: 'change'; readonly at: number; readonly message: string; readonly edits: readonly Edit[] }
  /** A place the transform would have acted on but did not, and why. */
  | { readonly kind: 'refusal'; readonly at: number; readonly code: string; readonly reason: string }
  /** A file to create beside the Dockerfile (path relative to its folder); never overwrites. */
  | { readonly kind: 'new-file'; readonly path: string; readonly content: string; readonly message: string };

export type OptionValue = boolean | number | string;

export interface OptionSpec<V extends OptionValue = OptionValue> {
  readonly default: V;
  readonly description: string;
}

export interface TransformMeta<O extends Record<string, OptionValue> = Record<string, OptionValue>> {
  /** kebab-case, unique: how users select it. */
  readonly name: string;
  /** One line, for `--list`. */
  readonly summary: string;
  /** What it does, when it refuses, and what users should know before enabling it. */
  readonly docs: string;
  /** hadolint rules it addresses (DL3025…), or none. */
  readonly hadolint: readonly string[];
  /** In the set that runs when no `--transform` is given. */
  readonly defaultEnabled: boolean;
  readonly options: { readonly [K in keyof O]: OptionSpec<O[K]> };
}

export interface Transform<O extends Record<string, OptionValue> = Record<string, OptionValue>> {
  readonly meta: TransformMeta<O>;
  /** Pure: looks at the parsed file, returns what it would do. Must not throw on valid input. */
  run(file: ParsedDockerfile, options: O): readonly Finding[];
}

/** A transform as the engine runs it: with its options resolved. */
export interface ConfiguredTransform {
  readonly transform: Transform<any>;
  readonly options: Record<string, OptionValue>;
}

/** Declares a transform with typed options; the single way transforms are written. */
export function defineTransform<O extends Record<string, OptionValue>>(t: Transform<O>): Transform<O> {
  return t;
}

export const change = (at: number, message: string, edits: readonly Edit[]): Finding => ({ kind: 'change', at, message, edits });
export const refusal = (at: number, code: string, reason: string): Finding => ({ kind: 'refusal', at, code, reason });
export const newFile = (path: string, content: string, message: string): Finding => ({ kind: 'new-file', path, content, message });

/** Reported in original-file lines. */
export interface AppliedChange {
  readonly transform: string;
  readonly line: number;
  /** 1-based, in characters from the start of the line (a BOM is not one). */
  readonly column: number;
  readonly message: string;
}

export interface ReportedRefusal {
  readonly transform: string;
  readonly line: number;
  readonly column: number;
  readonly code: string;
  readonly reason: string;
}

export interface ProposedFile {
  readonly transform: string;
  readonly path: string;
  readonly content: string;
  readonly message: string;
}

/** An error is a value with a place: the file's line when one is known. */
export interface FileError {
  readonly line: number | null;
  readonly message: string;
}
