/**
 * The programmatic API: what the command line does, as values. No printing, no exit:
 * `run` returns a record per input (the records `--format json` prints, with the fixes)
 * and the summary; `transformText` rewrites one text. Reports in any format come from
 * `formatReport`.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { runBatch } from './batch.js';
import { isModulePath } from './config/file.js';
import { SettingsResolver } from './config/resolve.js';
import { memoryBuildContext, openBuildContext } from './engine/context.js';
import { gitDiff } from './engine/diff.js';
import { pipelineFailureKind, type FailureKind } from './engine/failures.js';
import { exitCodeOf, type ErrorPolicy, type Reported } from './engine/outcome.js';
import { runPipeline } from './engine/pipeline.js';
import type { FileResult, WriteMode } from './engine/processFile.js';
import { patchOf, sizeTotals, type RunSummary } from './engine/report.js';
import { allTransforms, configure, findTransform, optionsProblem } from './engine/select.js';
import type { AppliedChange, ConfiguredTransform, OptionValue, ProposedEdit, ProposedFile, ReportedRefusal, RuntimeChange, SizeEffect, Tier, Transform } from './engine/types.js';
import { fixOf, type Fix } from './engine/regions.js';
import { LineIndex } from './dockerfile/text.js';
import { reporterFor } from './report/index.js';
import type { ReportFormat, ReportedFile, ReportedProblem } from './report/types.js';
import { packageVersion } from './version.js';

export interface RunOptions {
  /** Files and folders (default `.`), from `cwd`. */
  readonly paths?: readonly string[];
  /** Default: process.cwd(). */
  readonly cwd?: string;
  /** Rewrite files in place (default: a dry run). */
  readonly write?: boolean;
  /** Run only these: names, or paths of user transform modules (as `-t`). */
  readonly transforms?: readonly string[];
  readonly skip?: readonly string[];
  /** Options by transform name, over any configuration file. */
  readonly options?: Readonly<Record<string, Readonly<Record<string, OptionValue>>>>;
  readonly tier?: Tier;
  /** Build context folder for every Dockerfile (default: each one's folder). */
  readonly context?: string;
  /** A configuration file for every file, or false for none; default: the nearest one above each file. */
  readonly config?: string | false;
  readonly ignorePatterns?: readonly string[];
  /** Name files in patches from this folder (default: the top of the git repository). */
  readonly relativeTo?: string;
  readonly onError?: ErrorPolicy;
  readonly ignoreUnknown?: boolean;
  /** Worker threads, at most two per CPU (default: one per CPU from 2,000 files, where there are 3 CPUs or more); 1 runs in this thread. */
  readonly concurrency?: number;
  /** Stops the run between files. */
  readonly signal?: AbortSignal;
  /** Called with each record as its file completes, in path order. */
  readonly onFile?: (record: FileRecord) => void;
}

/** One input of a run: what `--format json` prints for it, and the fixes. */
export interface FileRecord {
  readonly path: string;
  /** As the patch names it (from the repository's top or `relativeTo`); null for a path that gave no file. */
  readonly patchPath: string | null;
  readonly status: Reported;
  readonly changes: readonly AppliedChange[];
  readonly refusals: readonly ReportedRefusal[];
  readonly newFiles: readonly { readonly path: string; readonly transform: string; readonly message: string; readonly status: string; readonly tier: Tier; readonly review?: string }[];
  /** Edits of files of the build context (an existing .dockerignore). */
  readonly fileEdits: readonly { readonly path: string; readonly transform: string; readonly message: string; readonly status: string; readonly tier: Tier; readonly review?: string }[];
  readonly runtime: readonly RuntimeChange[];
  readonly error: { readonly kind: string; readonly line: number | null; readonly message: string } | null;
  readonly written: boolean;
  /** The patch of this file (and the files it creates), as `git apply` takes it. */
  readonly diff: string;
  /** The changes as replacements of the original file (SARIF fixes). */
  readonly fixes: readonly Fix[];
}

export interface RunSummaryRecord {
  readonly files: number;
  readonly changed: number;
  readonly unchanged: number;
  readonly errors: number;
  readonly warnings: number;
  readonly skipped: number;
  readonly notProcessed: number;
  /** What the command line would exit with (0, 1 never: that needs `check`; 2 on an error). */
  readonly exitCode: number;
  readonly seconds: number;
  /**
   * The size the changes of files counted `changed` expect to save (base-image switches), one
   * entry per measure that has any: the unpacked image (`uncompressed`) or the compressed download
   * (`compressed`), with how many switches and their total in MB (negative: larger), rounded to
   * 0.1 MB. An estimate; the two measures never add up, so there is no grand total.
   */
  readonly sizes: readonly { readonly measure: SizeEffect['measure']; readonly switches: number; readonly mb: number }[];
}

export interface RunResult {
  readonly files: readonly FileRecord[];
  readonly summary: RunSummaryRecord;
  /** The run as one of the command line's report formats (sarif, markdown, ...). */
  format(format: ReportFormat): string;
}

/** A configuration or usage problem that keeps the run from starting. */
export class DockshiftError extends Error {
  override readonly name = 'DockshiftError';
}

/** Runs dockshift over files and folders, as the command line does, and returns what it found. Never exits the process. */
export async function run(options: RunOptions = {}): Promise<RunResult> {
  const started = performance.now();
  const cwd = path.resolve(options.cwd ?? process.cwd());
  if (options.concurrency !== undefined && !(Number.isInteger(options.concurrency) && options.concurrency >= 1)) {
    throw new DockshiftError(`concurrency expects a whole number of threads, 1 or more, got ${String(options.concurrency)}`);
  }
  const optionStrings = Object.entries(options.options ?? {}).flatMap(([name, opts]) => Object.entries(opts).map(([k, v]) => `${name}.${k}=${String(v)}`));
  const created = await SettingsResolver.create({
    only: (options.transforms ?? []).map((t) => (isModulePath(t) ? path.resolve(cwd, t) : t)),
    skip: options.skip ?? [],
    options: optionStrings,
    tier: options.tier ?? null,
    context: options.context === undefined ? null : fs.realpathSync(path.resolve(cwd, options.context)),
    config: options.config === false ? false : options.config === undefined ? null : path.resolve(cwd, options.config),
  });
  if (!created.ok) throw new DockshiftError(created.message);
  const resolver = created.resolver;
  const files: FileRecord[] = [];
  const reported: ReportedFile[] = [];
  const problems: ReportedProblem[] = [];
  let base = cwd;
  const outcome = await runBatch(
    {
      paths: options.paths ?? ['.'],
      cwd,
      mode: (options.write === true ? 'write' : 'dry-run') satisfies WriteMode,
      ignorePatterns: options.ignorePatterns ?? [],
      relativeTo: options.relativeTo === undefined ? null : fs.realpathSync(path.resolve(cwd, options.relativeTo)),
      policy: { onError: options.onError ?? 'fail', ignoreUnknown: options.ignoreUnknown ?? false },
      runner: { ...(options.concurrency === undefined ? {} : { concurrency: options.concurrency }), inBand: options.concurrency === 1 },
      resolver,
      ...(options.signal === undefined ? {} : { signal: options.signal }),
    },
    {
      started: (_, b) => {
        base = b;
      },
      problem: (p) => {
        problems.push(p);
        const record: FileRecord = { path: p.path, patchPath: null, status: p.severity, changes: [], refusals: [], newFiles: [], fileEdits: [], runtime: [], error: { kind: p.kind, line: null, message: p.message }, written: false, diff: '', fixes: [] };
        files.push(record);
        options.onFile?.(record);
      },
      file: (f) => {
        reported.push(f);
        const record = recordOf(f.result, f.status, f.patchPath);
        files.push(record);
        options.onFile?.(record);
      },
    },
  );
  if (!outcome.ok) throw new DockshiftError(outcome.message);
  const t = outcome.tally;
  const seconds = (performance.now() - started) / 1000;
  const notProcessed = outcome.total - outcome.processed;
  const exitCode = exitCodeOf(t, false, null);
  // Field by field: the tally's running totals are the reports' business, not the API's.
  const summary: RunSummaryRecord = { files: t.files, changed: t.changed, unchanged: t.unchanged, errors: t.errors, warnings: t.warnings, skipped: t.skipped, notProcessed, exitCode, seconds, sizes: sizeTotals(t) };
  const runSummary: RunSummary = { tally: t, seconds, notProcessed, interrupted: null, exitCode };
  return {
    files,
    summary,
    format(format) {
      const reporter = reporterFor(format, { transforms: resolver.known().map((k) => k.meta), version: packageVersion(), base, color: false });
      let out = '';
      const order = [...problems.map((p) => ({ p })), ...reported.map((f) => ({ f }))];
      for (const item of order) out += 'p' in item ? reporter.problem(item.p) : reporter.file(item.f);
      return out + reporter.end(runSummary);
    },
  };
}

function recordOf(r: FileResult, status: Reported, patchPath: string): FileRecord {
  return {
    path: r.path,
    patchPath,
    status,
    changes: r.changes,
    refusals: r.refusals,
    newFiles: r.newFiles.map(({ path: p, transform, message, status: s, tier, review }) => ({ path: p, transform, message, status: s, tier, ...(review === undefined ? {} : { review }) })),
    fileEdits: r.fileEdits.map(({ path: p, transform, message, status: s, tier, review }) => ({ path: p, transform, message, status: s, tier, ...(review === undefined ? {} : { review }) })),
    runtime: r.runtime,
    error: r.error,
    written: r.written,
    diff: patchOf(r),
    fixes: r.fixes,
  };
}

export interface TransformTextOptions {
  /** Names of registered transforms, or transforms themselves (a user's, imported); default: the default set. */
  readonly transforms?: readonly (string | Transform<any>)[];
  readonly options?: Readonly<Record<string, Readonly<Record<string, OptionValue>>>>;
  readonly tier?: Tier;
  /** How messages and the diff name the file (default `Dockerfile`). */
  readonly path?: string;
  /** The build context folder, or a map of its files (path → content); default: none, and transforms that need one refuse. */
  readonly context?: string | Readonly<Record<string, string>>;
}

export type TextResult =
  | {
      readonly ok: true;
      readonly output: string;
      readonly changed: boolean;
      readonly changes: readonly AppliedChange[];
      readonly refusals: readonly ReportedRefusal[];
      readonly newFiles: readonly ProposedFile[];
      readonly fileEdits: readonly ProposedEdit[];
      readonly runtime: readonly RuntimeChange[];
      readonly fixes: readonly Fix[];
      readonly diff: string;
    }
  | { readonly ok: false; readonly error: { readonly kind: FailureKind; readonly line: number | null; readonly message: string } };

/** Rewrites one Dockerfile's text, as `--stdin` does, and says what changed. Synchronous; never throws on bad input (a DockshiftError for an unknown transform or a wrong option). */
export function transformText(text: string, options: TransformTextOptions = {}): TextResult {
  const objects = (options.transforms ?? []).filter((t): t is Transform<any> => typeof t !== 'string');
  const names = options.transforms === undefined ? allTransforms().filter((t) => t.meta.defaultEnabled).map((t) => t.meta.name) : options.transforms.map((t) => (typeof t === 'string' ? t : t.meta.name));
  for (const name of names) if (findTransform(name, objects) === undefined) throw new DockshiftError(`unknown transform "${name}"`);
  // A wrong option is the caller's mistake, as on the command line: an error, not a transform run with it.
  for (const [name, opts] of Object.entries(options.options ?? {})) {
    const t = findTransform(name, objects);
    if (t === undefined) throw new DockshiftError(`unknown transform "${name}" in options`);
    const problem = optionsProblem(t, opts);
    if (problem !== null) throw new DockshiftError(problem);
  }
  const transforms: ConfiguredTransform[] = configure({ names, options: options.options ?? {} }, objects);
  const name = options.path ?? 'Dockerfile';
  const context = options.context === undefined ? null : typeof options.context === 'string' ? openBuildContext(path.resolve(options.context), null) : memoryBuildContext(options.context);
  const result = runPipeline(text, transforms, { path: name, buildContext: context, tier: options.tier ?? 'review' });
  if (!result.ok) return { ok: false, error: { kind: pipelineFailureKind(text), ...result.error } };
  const lines = new LineIndex(text);
  return {
    ok: true,
    output: result.output,
    changed: result.output !== text,
    changes: result.changes,
    refusals: result.refusals,
    newFiles: result.newFiles,
    fileEdits: result.fileEdits,
    runtime: result.runtime,
    fixes: result.regions.map((r) => fixOf(r, lines, text.charCodeAt(0) === 0xfeff)),
    diff: gitDiff(name, text, result.output),
  };
}

/** The version in package.json. */
export { packageVersion };

