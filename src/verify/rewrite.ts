import { openBuildContext } from '../engine/context.js';
import { runPipeline, type PipelineResult } from '../engine/pipeline.js';
import { configure, type Selection } from '../engine/select.js';

/** The Dockerfile being verified and the folder it is built in. */
export interface RewriteTarget {
  /** Absolute path of the Dockerfile. */
  readonly path: string;
  /** As shown to the user. */
  readonly display: string;
  /** Absolute path of its build context. */
  readonly context: string;
}

/**
 * The one place verify runs the engine, with the same pipeline, options and
 * build context as a normal run, so what is built is exactly what
 * `dockshift --write` writes.
 */
export function rewrite(text: string, selection: Selection, target: RewriteTarget): PipelineResult {
  return runPipeline(text, configure(selection), { path: target.display, buildContext: openBuildContext(target.context, target.path) });
}
