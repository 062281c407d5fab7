import * as fs from 'node:fs';
import * as path from 'node:path';
import { openBuildContext } from './context.js';
import { fileModeOf, gitDiff, newFileDiff } from './diff.js';
import { pipelineFailureKind, type FailureKind, type FileFailure } from './failures.js';
import { createExclusive, readDockerfile, replaceIfUnchanged, writeAtomic } from './files.js';
import { hadolintConfigFor } from './hadolintConfig.js';
import { runPipeline } from './pipeline.js';
import { fixOf, type ChangedRegion, type Fix } from './regions.js';
import { LineIndex } from '../dockerfile/text.js';
import type { AppliedChange, ConfiguredTransform, FileError, ReportedRefusal, RuntimeChange, Tier } from './types.js';

export interface FileTask {
  /** Absolute path. */
  readonly path: string;
  /** Path as shown in messages: relative to the working folder, `/`-separated. */
  readonly display: string;
  /** Path as named in the patch (see patchPaths.ts); defaults to `display`. */
  readonly patchPath?: string;
  /**
   * The build context root (absolute), how it is shown and how the patch names it;
   * default: the Dockerfile's folder.
   */
  readonly context?: { readonly root: string; readonly display: string; readonly patchPath?: string };
  /** Which of the run's selections applies (see worker.ts's Batch); default 0. */
  readonly selection?: number;
}

/** What the run allows, the same for every file. */
export interface RunSettings {
  readonly mode: WriteMode;
  readonly tier?: Tier;
}

export type WriteMode = 'dry-run' | 'write';

export interface NewFileResult {
  /** As shown to the user. */
  readonly path: string;
  /** Absolute path of the file to create. */
  readonly target: string;
  readonly transform: string;
  readonly message: string;
  readonly content: string;
  /** `review`: the file changes what is built; `review` says what to check. */
  readonly tier: Tier;
  readonly review?: string;
  /**
   * proposed: dry run; created: written; exists: left alone, never overwritten;
   * duplicate: another Dockerfile of the run proposed the same file first.
   */
  readonly status: 'proposed' | 'created' | 'exists' | 'duplicate';
  readonly diff: string;
}

export interface FileEditResult {
  /** As shown to the user. */
  readonly path: string;
  /** Absolute path of the file to edit. */
  readonly target: string;
  readonly transform: string;
  readonly message: string;
  readonly before: string;
  readonly after: string;
  readonly tier: Tier;
  readonly review?: string;
  /**
   * proposed: dry run; written: replaced; stale: the file no longer reads as the transform
   * saw it, left alone; duplicate: another Dockerfile of the run proposed an edit of it first.
   */
  readonly status: 'proposed' | 'written' | 'stale' | 'duplicate';
  readonly diff: string;
}

export interface FileResult {
  readonly path: string;
  readonly status: 'changed' | 'unchanged' | 'error';
  readonly changes: readonly AppliedChange[];
  readonly refusals: readonly ReportedRefusal[];
  readonly newFiles: readonly NewFileResult[];
  readonly fileEdits: readonly FileEditResult[];
  readonly runtime: readonly RuntimeChange[];
  readonly diff: string;
  /** The changes as replacements of the original file, by line and column (SARIF fixes). */
  readonly fixes: readonly Fix[];
  readonly error: FileFailure | null;
  readonly written: boolean;
}

/** The result of a file that could not be processed: left as it was, with why. */
export function failedResult(task: FileTask, kind: FailureKind, error: FileError): FileResult {
  return { path: task.display, status: 'error', changes: [], refusals: [], newFiles: [], fileEdits: [], runtime: [], diff: '', fixes: [], error: { kind, ...error }, written: false };
}

/**
 * Reads, transforms, diffs and (with `write`) replaces one file. Never throws.
 * New files and edits of context files are only proposed here: `NewFileLedger` settles
 * them in the main thread, in path order, so one context gets one proposal whatever the
 * threads do.
 */
export function processFile(task: FileTask, transforms: readonly ConfiguredTransform[], settings: RunSettings | WriteMode): FileResult {
  const { mode, tier } = typeof settings === 'string' ? { mode: settings, tier: undefined } : settings;
  const failed = (kind: FailureKind, error: FileError) => failedResult(task, kind, error);
  let stage: FailureKind = 'transform'; // what an exception means
  try {
    const read = readDockerfile(task.path);
    if (!read.ok) return failed(read.kind, { line: null, message: read.message });
    const context = task.context ?? { root: path.dirname(task.path), display: path.posix.dirname(task.display) };
    const buildContext = openBuildContext(context.root, task.path);
    const hadolint = hadolintConfigFor(path.dirname(task.path));
    if (!hadolint.ok) {
      // Shown where the Dockerfile is shown from, so the message names a path the user can open.
      const shown = path.posix.normalize(path.posix.join(path.posix.dirname(task.display), path.relative(path.dirname(task.path), hadolint.path).split(path.sep).join('/')));
      return failed('invalid', { line: null, message: `hadolint configuration ${shown}${hadolint.line === null ? '' : `:${hadolint.line}`}: ${hadolint.message}` });
    }
    const result = runPipeline(read.text, transforms, { path: task.display, buildContext, tier, ignoredRules: hadolint.config?.ignored ?? [] });
    if (!result.ok) return failed(pipelineFailureKind(read.text), result.error);

    const changed = result.output !== read.text;
    stage = 'write';
    if (changed && mode === 'write') writeAtomic(task.path, result.output, read.mode);
    const patchPath = task.patchPath ?? task.display;
    const contextPatchPath = task.context === undefined ? path.posix.dirname(patchPath) : (task.context.patchPath ?? task.context.display);
    const newFiles = result.newFiles.map((f): NewFileResult => {
      const display = path.posix.join(context.display, f.path);
      const target = path.join(context.root, ...f.path.split('/'));
      const exists = fs.existsSync(target);
      return {
        path: display,
        target,
        transform: f.transform,
        message: f.message,
        content: f.content,
        tier: f.tier,
        ...(f.review === undefined ? {} : { review: f.review }),
        status: exists ? 'exists' : 'proposed',
        diff: exists ? '' : newFileDiff(path.posix.join(contextPatchPath, f.path), f.content),
      };
    });
    const fileEdits = result.fileEdits.map((e): FileEditResult => {
      const display = path.posix.join(context.display, e.path);
      const target = path.join(context.root, ...e.path.split('/'));
      const current = readDockerfile(target);
      const stale = !current.ok || current.text !== e.before;
      const base = { path: display, target, transform: e.transform, message: e.message, before: e.before, after: e.after, tier: e.tier, ...(e.review === undefined ? {} : { review: e.review }) };
      return stale ? { ...base, status: 'stale', diff: '' } : { ...base, status: 'proposed', diff: gitDiff(path.posix.join(contextPatchPath, e.path), e.before, e.after) };
    });
    return {
      path: task.display,
      status: changed || newFiles.some((f) => f.status === 'proposed') || fileEdits.some((e) => e.status === 'proposed') ? 'changed' : 'unchanged',
      changes: result.changes,
      refusals: result.refusals,
      newFiles,
      fileEdits,
      runtime: result.runtime,
      diff: gitDiff(patchPath, read.text, result.output, fileModeOf(read.mode)),
      fixes: result.regions.length === 0 ? [] : fixesOf(read.text, result.regions),
      error: null,
      written: changed && mode === 'write',
    };
  } catch (err) {
    return failed(stage, { line: null, message: (err as Error).message });
  }
}

function fixesOf(text: string, regions: readonly ChangedRegion[]): Fix[] {
  const lines = new LineIndex(text);
  const bom = text.charCodeAt(0) === 0xfeff;
  return regions.map((r) => fixOf(r, lines, bom));
}

/**
 * Settles new-file and file-edit proposals across a run, in the order results are
 * reported: the first proposal of a path wins (created or edited under --write, shown
 * in a dry run), later ones of the same path are marked `duplicate` and drop out of
 * the patch.
 */
export class NewFileLedger {
  private readonly claimed = new Map<string, string>();

  constructor(private readonly mode: WriteMode) {}

  settle(result: FileResult): FileResult {
    if (result.newFiles.length === 0 && result.fileEdits.length === 0) return result;
    let failure: string | null = null;
    const newFiles = result.newFiles.map((f): NewFileResult => {
      // A file this run created reads as existing to a later Dockerfile processed after it.
      const first = this.claimed.get(f.target);
      if (first !== undefined && first !== result.path) return { ...f, status: 'duplicate', diff: '', message: `${f.message} (also proposed for ${first})` };
      if (f.status !== 'proposed') return f;
      this.claimed.set(f.target, result.path);
      if (this.mode !== 'write') return f;
      try {
        const status = createExclusive(f.target, f.content);
        return { ...f, status, diff: status === 'created' ? f.diff : '' };
      } catch (err) {
        failure ??= `${f.path}: ${(err as Error).message}`;
        return { ...f, status: 'exists', diff: '' };
      }
    });
    const fileEdits = result.fileEdits.map((e): FileEditResult => {
      const first = this.claimed.get(e.target);
      if (first !== undefined && first !== result.path) return { ...e, status: 'duplicate', diff: '', message: `${e.message} (also proposed for ${first})` };
      if (e.status !== 'proposed') return e;
      this.claimed.set(e.target, result.path);
      if (this.mode !== 'write') return e;
      try {
        const status = replaceIfUnchanged(e.target, e.before, e.after);
        return { ...e, status, diff: status === 'written' ? e.diff : '' };
      } catch (err) {
        failure ??= `${e.path}: ${(err as Error).message}`;
        return { ...e, status: 'stale', diff: '' };
      }
    });
    if (failure !== null) return { ...result, newFiles, fileEdits, status: 'error', error: { kind: 'write', line: null, message: failure } };
    const textChanged = result.diff !== '';
    const proposed = newFiles.some((f) => f.status === 'proposed' || f.status === 'created') || fileEdits.some((e) => e.status === 'proposed' || e.status === 'written');
    const status = result.status === 'error' ? 'error' : textChanged || proposed ? 'changed' : 'unchanged';
    return { ...result, newFiles, fileEdits, status };
  }
}
