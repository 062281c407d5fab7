import type { ParsedDockerfile, Span } from '../dockerfile/types.js';
import type { BuildContext, ContextDockerfiles } from './context.js';

/** Replace [start, end) of the current text with `text`. start === end inserts. */
export interface Edit {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/**
 * The two kinds of change dockshift makes, never mixed up:
 * - `safe`: the build means what it meant (same commands, same installed packages, same runtime);
 * - `review`: it changes what is installed or how the container runs (`--no-install-recommends`,
 *   an ENTRYPOINT in exec form, a base image switch, a new USER). Such a change is labelled in
 *   every report with the reason a reviewer should look at it.
 */
export type Tier = 'safe' | 'review';

/** What a change is expected to save in image size: always an estimate, with where the figure comes from. */
export interface SizeEffect {
  /** Megabytes saved (negative: the image grows). */
  readonly savedMb: number;
  /** What both sizes measured: the unpacked image or the compressed download; only figures of one measure add up. */
  readonly measure: 'uncompressed' | 'compressed';
  /** `node:20 → node:20-slim, about 776 MB smaller (Docker Hub sizes, 2024; an estimate)`. */
  readonly note: string;
}

export type ChangeFinding = {
  readonly kind: 'change';
  readonly at: number;
  readonly message: string;
  readonly edits: readonly Edit[];
  /** Set for a `review` change: what it alters and what to check. Null: a `safe` change. */
  readonly review: string | null;
  readonly size?: SizeEffect;
  /**
   * Ranges of the text the change was worked out from without editing them (the FROM
   * whose image decides which user to add): when an earlier change of the same pass
   * edits one of them, this change waits for the next pass and is worked out again.
   */
  readonly dependsOn?: readonly { readonly start: number; readonly end: number }[];
  /** What the change leaves as written but relies on (`keeping`). */
  readonly kept?: Kept;
  /**
   * The hadolint rules this change answers, when not all of the transform's (`forRules`): an
   * ignore comment naming only another of them leaves it be, and reports name these.
   */
  readonly hadolint?: readonly string[];
};

/**
 * Ranges a change leaves as written but relies on (the bodies of the RUNs a merge joins):
 * another change of the same pass may edit inside them only where `admits` says so, and inside
 * one of them at most; otherwise the later of the two waits for the next pass.
 */
export interface Kept {
  readonly ranges: readonly Span[];
  readonly admits: (edit: Edit) => boolean;
}

export type RefusalFinding = { readonly kind: 'refusal'; readonly at: number; readonly code: string; readonly reason: string };

/**
 * A file to create in the build context: `path` is relative to the context root, `/`-separated,
 * and must name a file the transform declares in `meta.touches.newFiles`. Never overwrites.
 */
export type NewFileFinding = {
  readonly kind: 'new-file';
  readonly path: string;
  readonly content: string;
  readonly message: string;
  /** Set when the file changes what is built (a .dockerignore leaves files out): what to check. */
  readonly review: string | null;
};

/**
 * An edit to a file of the build context that exists: `before` is its whole text as the
 * transform read it (`buildContext.read`), `after` the whole new text. `path` is relative to
 * the context root and must name a file the transform declares in `meta.touches.editFiles`.
 * It is shown as a diff; `--write` replaces the file atomically, and only while it still
 * reads `before`.
 */
export type FileEditFinding = {
  readonly kind: 'file-edit';
  readonly path: string;
  readonly before: string;
  readonly after: string;
  readonly message: string;
  /** As for a new file. */
  readonly review: string | null;
};

/**
 * What a transform reports about one file. Offsets (`at`) are into the text the
 * transform was given; the engine turns them into lines of the original file.
 */
export type Finding = ChangeFinding | RefusalFinding | NewFileFinding | FileEditFinding;

export type OptionValue = boolean | number | string;

export interface OptionSpec<V extends OptionValue = OptionValue> {
  readonly default: V;
  readonly description: string;
  /**
   * A number option: a whole number, at least `min`, at most `max`. Unsaid, they follow the
   * default: whole when it is, and `min` is 0 or the default when that is lower.
   */
  readonly integer?: boolean;
  readonly min?: number;
  readonly max?: number;
}

/**
 * Why `value` is not a value of the option `spec` declares, or null. A number option is a whole
 * number of 0 or more unless it says otherwise, or its default is not one (a default of -1 or
 * 0.5 must pass its own check): built-in ones are counts or ids, where -3 or 2.5 mean nothing.
 */
export function optionProblem(value: unknown, spec: OptionSpec): string | null {
  const like = spec.default;
  if (typeof value !== typeof like || (typeof value === 'number' && !Number.isFinite(value))) return `expected a ${typeof like}, got ${JSON.stringify(value)}`;
  if (typeof value !== 'number' || typeof like !== 'number') return null;
  const integer = spec.integer ?? Number.isInteger(like);
  const min = spec.min ?? Math.min(0, like);
  if ((integer && !Number.isInteger(value)) || value < min || (spec.max !== undefined && value > spec.max)) {
    const range = spec.max === undefined ? `of ${min} or more` : `from ${min} to ${spec.max}`;
    return `expected ${integer ? 'a whole number' : 'a number'} ${range}, got ${value}`;
  }
  return null;
}

/** Dockerfile instruction keywords, upper case. */
export type Keyword =
  | 'ADD' | 'ARG' | 'CMD' | 'COPY' | 'ENTRYPOINT' | 'ENV' | 'EXPOSE' | 'FROM' | 'HEALTHCHECK' | 'LABEL'
  | 'MAINTAINER' | 'ONBUILD' | 'RUN' | 'SHELL' | 'STOPSIGNAL' | 'USER' | 'VOLUME' | 'WORKDIR';

/** What may happen to instructions of one keyword: rewritten in place, added, or removed. */
export type InstructionOp = 'edit' | 'add' | 'remove';

/**
 * What the running container does, as the final stage defines it. A rewrite must leave each
 * of these as it was unless the transform declares that it changes it (and the change is then
 * reported).
 */
export type RuntimeFact = 'command' | 'user' | 'workdir' | 'env' | 'expose';

/** What a transform may change; the engine checks every pass against it. */
export interface Touches {
  /**
   * Instruction keywords and what may happen to them. Anything not listed must stay byte-identical.
   * With none, the transform runs only in a pass with no change before it (see runPipeline).
   */
  readonly instructions: { readonly [K in Keyword]?: readonly InstructionOp[] };
  /** It may add stages or rename them (stage references must still resolve). */
  readonly stages?: boolean;
  /** Files it may propose, relative to the build context root (`.dockerignore`). */
  readonly newFiles?: readonly string[];
  /** Files of the build context that exist and it may propose to edit, relative to its root. */
  readonly editFiles?: readonly string[];
  /** Runtime facts of the final stage it may change. */
  readonly runtime?: readonly RuntimeFact[];
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
  /** What it may change. */
  readonly touches: Touches;
  /** Every refusal code it can report, with what it means (shown by `--list -t NAME`). */
  readonly refusals: Readonly<Record<string, string>>;
  /** It reads files of the build context: without one (`--stdin`) it refuses with `no-build-context`. */
  readonly needsBuildContext?: boolean;
  /**
   * The `review` changes it can make, and why a reviewer must look at them (shown by `--list`).
   * Absent: it only makes `safe` changes, and the engine fails a file on which it reports a
   * review change.
   */
  readonly review?: string;
}

/** What a transform is given besides the parsed file. */
export interface TransformContext<O extends Record<string, OptionValue> = Record<string, OptionValue>> {
  /** The Dockerfile's path as shown to the user, or null (`--stdin` without `--stdin-path`). */
  readonly path: string | null;
  readonly options: O;
  /** The files a build would see, read-only; null when there is none (`--stdin`). */
  readonly buildContext: BuildContext | null;
  /** The other Dockerfiles the run builds with the same context (see ContextDockerfiles); null or absent when it does not say. */
  readonly contextDockerfiles?: ContextDockerfiles | null;
  /**
   * hadolint rules the file or its `.hadolint.yaml` ignores for the whole file. A transform
   * whose rules are all in it does not run; one that addresses several leaves alone the part
   * whose rule is (install-flags adds no --no-install-recommends under DL3015).
   */
  readonly ignoredRules: ReadonlySet<string>;
  /** The file as the run read it, before any pass changed it (in the first pass, the file itself). */
  readonly input?: ParsedDockerfile;
}

export interface Transform<O extends Record<string, OptionValue> = Record<string, OptionValue>> {
  readonly meta: TransformMeta<O>;
  /** Pure: looks at the parsed file, returns what it would do. Must not throw on valid input. */
  run(file: ParsedDockerfile, ctx: TransformContext<O>): readonly Finding[];
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

/** A change that keeps the build's meaning. */
export const change = (at: number, message: string, edits: readonly Edit[]): ChangeFinding => changeFinding(at, message, edits, null);

/** A change that alters what is installed or how the container runs; `why` tells the reviewer what to check. */
export const reviewChange = (at: number, message: string, edits: readonly Edit[], why: string, size?: SizeEffect): ChangeFinding => changeFinding(at, message, edits, why, size);

/** `finding`, which leaves `kept.ranges` as written but relies on them: see `Kept`. */
export const keeping = (f: ChangeFinding, kept: Kept): ChangeFinding => changeFinding(f.at, f.message, f.edits, f.review, f.size, f.dependsOn, kept, f.hadolint);

/** `finding`, which answers only these of the transform's hadolint rules (none: only its name turns it off). */
export const forRules = (f: ChangeFinding, rules: readonly string[]): ChangeFinding => changeFinding(f.at, f.message, f.edits, f.review, f.size, f.dependsOn, f.kept, rules);

/** `finding`, to be worked out again when an earlier change of the pass edits one of `ranges`. */
export const dependingOn = (f: ChangeFinding, ranges: readonly { readonly start: number; readonly end: number }[]): ChangeFinding =>
  changeFinding(f.at, f.message, f.edits, f.review, f.size, ranges, f.kept, f.hadolint);

/**
 * Every change finding has every field, in this order (those not given are undefined): an
 * object spread followed by a key its source lacks (`{ ...finding, kept }`) takes V8's slow
 * path, about 0.7 µs each, and findings of one shape keep the engine's reads of them fast.
 */
function changeFinding(
  at: number,
  message: string,
  edits: readonly Edit[],
  review: string | null,
  size?: SizeEffect,
  dependsOn?: ChangeFinding['dependsOn'],
  kept?: Kept,
  hadolint?: readonly string[],
): ChangeFinding {
  return { kind: 'change', at, message, edits, review, size, dependsOn, kept, hadolint };
}

export const refusal = (at: number, code: string, reason: string): RefusalFinding => ({ kind: 'refusal', at, code, reason });
export const newFile = (path: string, content: string, message: string, review: string | null = null): NewFileFinding => ({ kind: 'new-file', path, content, message, review });
export const fileEdit = (path: string, before: string, after: string, message: string, review: string | null = null): FileEditFinding => ({
  kind: 'file-edit',
  path,
  before,
  after,
  message,
  review,
});

/** Reported in original-file lines (1-based) and columns (1-based, in UTF-16 code units). */
export interface AppliedChange {
  readonly transform: string;
  readonly line: number;
  readonly column: number;
  readonly message: string;
  readonly tier: Tier;
  /** For a `review` change: why it needs a reviewer. */
  readonly review?: string;
  readonly hadolint: readonly string[];
  /** The size effect the knowledge base expects, labelled as an estimate. */
  readonly size?: SizeEffect;
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
  /** Relative to the build context root, `/`-separated. */
  readonly path: string;
  readonly content: string;
  readonly message: string;
  readonly tier: Tier;
  readonly review?: string;
}

export interface ProposedEdit {
  readonly transform: string;
  /** Relative to the build context root, `/`-separated. */
  readonly path: string;
  /** The file's text the edit was made against, and the text it proposes. */
  readonly before: string;
  readonly after: string;
  readonly message: string;
  readonly tier: Tier;
  readonly review?: string;
}

/** A change to what the final image (or a published target's) does at run time, reported with the transform that made it. */
export interface RuntimeChange {
  readonly transform: string;
  /** The published target (\`--target\`) whose image changes; absent for the final image. */
  readonly image?: string;
  readonly fact: RuntimeFact;
  readonly before: string;
  readonly after: string;
}

/** An error is a value with a place: the file's line when one is known. */
export interface FileError {
  readonly line: number | null;
  readonly message: string;
}
