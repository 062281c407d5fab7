import { processFile, type FileResult, type FileTask, type WriteMode } from './processFile.js';
import { configure, type Selection } from './select.js';

export interface Batch {
  readonly tasks: readonly FileTask[];
  readonly selection: Selection;
  readonly mode: WriteMode;
}

/**
 * One chunk of files. The pool runs this in worker threads; `--run-in-band`
 * calls it directly, so both paths share one protocol (as jscodeshift's Worker).
 */
export default function processBatch(batch: Batch): FileResult[] {
  const transforms = configure(batch.selection);
  return batch.tasks.map((task) => processFile(task, transforms, { mode: batch.mode, tier: batch.selection.tier }));
}
