import { runPipeline, type PipelineResult } from '../engine/pipeline.js';
import { configure, type Selection } from '../engine/select.js';

/** The Dockerfile being verified and the folder it is built in. */
export interface RewriteTarget {
  /** Absolute path of the Dockerfile. */
  readonly path: string;
  /** Absolute path of its build context. */
  readonly context: string;
}

/**
 * The one place verify runs the engine, with the same pipeline and options as
 * a normal run, so what is built is exactly what `dockshift --write` writes.
 * The target is here for transforms that will read the build context.
 */
export function rewrite(text: string, selection: Selection, _target: RewriteTarget): PipelineResult {
  return runPipeline(text, configure(selection));
}
