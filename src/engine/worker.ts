import { processFile, type FileResult, type FileTask, type WriteMode } from './processFile.js';
import { configure, type Selection } from './select.js';

export interface Batch {
  readonly tasks: readonly FileTask[];
  readonly selection: Selection;
  readonly mode: WriteMode;
  /** Shared with the main thread; non-zero once the run should stop. Checked between files. */
  readonly stop?: Int32Array;
}

/**
 * One chunk of files. The pool runs this in worker threads; `--run-in-band`
 * calls it directly, so both paths share one protocol (as jscodeshift's Worker).
 */
export default function processBatch(batch: Batch): FileResult[] {
  const transforms = configure(batch.selection);
  const results: FileResult[] = [];
  for (const task of batch.tasks) {
    // A file in progress is finished (and reported); the next one is not started.
    if (batch.stop !== undefined && Atomics.load(batch.stop, 0) !== 0) break;
    results.push(processFile(task, transforms, { mode: batch.mode, tier: batch.selection.tier }));
  }
  return results;
}
