import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileModeOf, gitDiff, newFileDiff } from './diff.js';
import { createExclusive, readDockerfile, writeAtomic } from './files.js';
import { runPipeline } from './pipeline.js';
import { pipelineFailureKind, type FailureKind, type FileFailure } from './failures.js';
import type { AppliedChange, ConfiguredTransform, FileError, ReportedRefusal } from './types.js';

export interface FileTask {
  /** Absolute path. */
  readonly path: string;
  /** Path as shown in messages: relative to the working folder, `/`-separated. */
  readonly display: string;
  /** Path as named in the patch (see patchPaths.ts); defaults to `display`. */
  readonly patchPath?: string;
}

export type WriteMode = 'dry-run' | 'write';

export interface NewFileResult {
  readonly path: string;
  readonly transform: string;
  readonly message: string;
  /** proposed: dry run; created: written; exists: left alone, never overwritten. */
  readonly status: 'proposed' | 'created' | 'exists';
  readonly diff: string;
}

export interface FileResult {
  readonly path: string;
  readonly status: 'changed' | 'unchanged' | 'error';
  readonly changes: readonly AppliedChange[];
  readonly refusals: readonly ReportedRefusal[];
  readonly newFiles: readonly NewFileResult[];
  readonly diff: string;
  readonly error: FileFailure | null;
  readonly written: boolean;
}

/** Reads, transforms, diffs and (with `write`) replaces one file. Never throws. */
export function processFile(task: FileTask, transforms: readonly ConfiguredTransform[], mode: WriteMode): FileResult {
  const failed = (kind: FailureKind, error: FileError): FileResult => ({
    path: task.display,
    status: 'error',
    changes: [],
    refusals: [],
    newFiles: [],
    diff: '',
    error: { kind, ...error },
    written: false,
  });
  let stage: FailureKind = 'transform'; // what an exception means
  try {
    const read = readDockerfile(task.path);
    if (!read.ok) return failed(read.kind, { line: null, message: read.message });
    const result = runPipeline(read.text, transforms);
    if (!result.ok) return failed(pipelineFailureKind(read.text), result.error);

    const changed = result.output !== read.text;
    stage = 'write';
    if (changed && mode === 'write') writeAtomic(task.path, result.output, read.mode);
    const patchPath = task.patchPath ?? task.display;
    const newFiles = result.newFiles.map((f): NewFileResult => {
      const display = path.posix.join(path.posix.dirname(task.display), f.path);
      const target = path.join(path.dirname(task.path), f.path);
      const exists = fs.existsSync(target);
      const status = exists ? 'exists' : mode === 'write' ? createExclusive(target, f.content) : 'proposed';
      const diff = status === 'exists' ? '' : newFileDiff(path.posix.join(path.posix.dirname(patchPath), f.path), f.content);
      return { path: display, transform: f.transform, message: f.message, status, diff };
    });
    return {
      path: task.display,
      status: changed || newFiles.some((f) => f.status !== 'exists') ? 'changed' : 'unchanged',
      changes: result.changes,
      refusals: result.refusals,
      newFiles,
      diff: gitDiff(patchPath, read.text, result.output, fileModeOf(read.mode)),
      error: null,
      written: changed && mode === 'write',
    };
  } catch (err) {
    return failed(stage, { line: null, message: (err as Error).message });
  }
}
