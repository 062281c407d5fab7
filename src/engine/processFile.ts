import * as fs from 'node:fs';
import * as path from 'node:path';
import { openBuildContext } from './context.js';
import { gitDiff, newFileDiff } from './diff.js';
import { createExclusive, readDockerfile, writeAtomic } from './files.js';
import { hadolintConfigFor } from './hadolintConfig.js';
import { runPipeline } from './pipeline.js';
import type { AppliedChange, ConfiguredTransform, FileError, ReportedRefusal, RuntimeChange, Tier } from './types.js';

export interface FileTask {
  /** Absolute path. */
  readonly path: string;
  /** Path as shown to the user and in diffs: relative to the working folder, `/`-separated. */
  readonly display: string;
  /** The build context root (absolute) and how it is shown; default: the Dockerfile's folder. */
  readonly context?: { readonly root: string; readonly display: string };
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
  /**
   * proposed: dry run; created: written; exists: left alone, never overwritten;
   * duplicate: another Dockerfile of the run proposed the same file first.
   */
  readonly status: 'proposed' | 'created' | 'exists' | 'duplicate';
  readonly diff: string;
}

export interface FileResult {
  readonly path: string;
  /** As jscodeshift reports: ok = changed. */
  readonly status: 'ok' | 'unchanged' | 'error';
  readonly changes: readonly AppliedChange[];
  readonly refusals: readonly ReportedRefusal[];
  readonly newFiles: readonly NewFileResult[];
  readonly runtime: readonly RuntimeChange[];
  readonly diff: string;
  readonly error: FileError | null;
  readonly written: boolean;
}

/**
 * Reads, transforms, diffs and (with `write`) replaces one file. Never throws.
 * New files are only proposed here: `NewFileLedger` settles them in the main
 * thread, in path order, so one context gets one proposal whatever the threads do.
 */
export function processFile(task: FileTask, transforms: readonly ConfiguredTransform[], settings: RunSettings | WriteMode): FileResult {
  const { mode, tier } = typeof settings === 'string' ? { mode: settings, tier: undefined } : settings;
  const failed = (error: FileError): FileResult => ({
    path: task.display,
    status: 'error',
    changes: [],
    refusals: [],
    newFiles: [],
    runtime: [],
    diff: '',
    error,
    written: false,
  });
  try {
    const read = readDockerfile(task.path);
    if (!read.ok) return failed({ line: null, message: read.message });
    const context = task.context ?? { root: path.dirname(task.path), display: path.posix.dirname(task.display) };
    const buildContext = openBuildContext(context.root, task.path);
    const hadolint = hadolintConfigFor(path.dirname(task.path));
    if (!hadolint.ok) {
      // Shown where the Dockerfile is shown from, so the message names a path the user can open.
      const shown = path.posix.normalize(path.posix.join(path.posix.dirname(task.display), path.relative(path.dirname(task.path), hadolint.path).split(path.sep).join('/')));
      return failed({ line: null, message: `hadolint configuration ${shown}: ${hadolint.message}` });
    }
    const result = runPipeline(read.text, transforms, { path: task.display, buildContext, tier, ignoredRules: hadolint.config?.ignored ?? [] });
    if (!result.ok) return failed(result.error);

    const changed = result.output !== read.text;
    if (changed && mode === 'write') writeAtomic(task.path, result.output, read.mode);
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
        status: exists ? 'exists' : 'proposed',
        diff: exists ? '' : newFileDiff(display, f.content),
      };
    });
    return {
      path: task.display,
      status: changed || newFiles.some((f) => f.status === 'proposed') ? 'ok' : 'unchanged',
      changes: result.changes,
      refusals: result.refusals,
      newFiles,
      runtime: result.runtime,
      diff: gitDiff(task.display, read.text, result.output),
      error: null,
      written: changed && mode === 'write',
    };
  } catch (err) {
    return failed({ line: null, message: (err as Error).message });
  }
}

/**
 * Settles new-file proposals across a run, in the order results are reported:
 * the first proposal of a path wins (created under --write, shown in a dry run),
 * later ones of the same path are marked `duplicate` and drop out of the patch.
 */
export class NewFileLedger {
  private readonly claimed = new Map<string, string>();

  constructor(private readonly mode: WriteMode) {}

  settle(result: FileResult): FileResult {
    if (result.newFiles.length === 0) return result;
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
    if (failure !== null) return { ...result, newFiles, status: 'error', error: { line: null, message: failure } };
    const textChanged = result.diff !== '';
    const status = result.status === 'error' ? 'error' : textChanged || newFiles.some((f) => f.status === 'proposed' || f.status === 'created') ? 'ok' : 'unchanged';
    return { ...result, newFiles, status };
  }
}
