import { failedResult, processFile, type FileResult, type FileTask, type WriteMode } from './processFile.js';
import { configureWithModules, type Selection } from './select.js';
import type { ConfiguredTransform } from './types.js';

export interface Batch {
  readonly tasks: readonly FileTask[];
  /**
   * The distinct selections of the run (configuration files and their overrides can give
   * folders different ones); each task names its own by index, 0 when it says nothing.
   * Plain data: user transforms travel as module paths and are loaded here.
   */
  readonly selections: readonly Selection[];
  readonly mode: WriteMode;
  /** Shared with the main thread; non-zero once the run should stop. Checked between files. */
  readonly stop?: Int32Array;
}

/** Configured transforms by selection index, for the life of the thread: a run sends the same table with every chunk. */
const configured = new Map<string, Promise<ConfiguredTransform[]>>();

/**
 * One chunk of files. The pool runs this in worker threads; `--run-in-band`
 * calls it directly, so both paths share one protocol (as jscodeshift's Worker).
 */
export default async function processBatch(batch: Batch): Promise<FileResult[]> {
  const results: FileResult[] = [];
  for (const task of batch.tasks) {
    // A file in progress is finished (and reported); the next one is not started.
    if (batch.stop !== undefined && Atomics.load(batch.stop, 0) !== 0) break;
    const selection = batch.selections[task.selection ?? 0]!;
    let transforms: ConfiguredTransform[];
    try {
      transforms = await transformsFor(selection);
    } catch (err) {
      results.push(failedResult(task, 'transform', { line: null, message: (err as Error).message }));
      continue;
    }
    results.push(processFile(task, transforms, { mode: batch.mode, tier: selection.tier, includeGenerated: selection.includeGenerated ?? false }));
  }
  return results;
}

function transformsFor(selection: Selection): Promise<ConfiguredTransform[]> {
  const key = JSON.stringify(selection);
  let found = configured.get(key);
  if (found === undefined) {
    found = configureWithModules(selection);
    configured.set(key, found);
  }
  return found;
}
