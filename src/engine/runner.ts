import { availableParallelism } from 'node:os';
import { importModule } from '../importModule.js';
import type { FileResult, FileTask, WriteMode } from './processFile.js';
import type { Selection } from './select.js';
import processBatch, { type Batch } from './worker.js';

export interface RunnerOptions {
  /** Worker threads; 1 (or inBand) runs in this thread. */
  readonly concurrency?: number;
  readonly inBand?: boolean;
  /**
   * Stops the run between files: a file in progress is finished and reported
   * (so a write is never cut short), files not yet started are left alone.
   */
  readonly signal?: AbortSignal;
}

/**
 * Below this many files, starting threads costs more than it saves: each worker
 * loads the engine and warms up its JIT again (about a second), while one thread
 * handles roughly 200-300 files a second.
 */
const MIN_FILES_FOR_WORKERS = 2000;

/**
 * An in-band run keeps about one and a half cores busy: V8 collects garbage and
 * compiles on threads of its own (the same run with `--single-threaded` takes
 * 1.4x as long). So on 2 cores two JavaScript threads have half a core to gain
 * and pay for a second warm-up and heap: on 5,620 varied files, paired, two
 * threads took 0.93–1.0x the wall time of one, for 1.29x the CPU and 1.9x the peak
 * memory. By default threads are used only where there are cores for them...
 */
const MIN_CORES_FOR_WORKERS = 3;

/**
 * ...or, on 2 cores, where the run is long enough for the second warm-up to be paid back: paired on
 * an idle 2-core machine, 10,000 varied files took 14.1 and 13.9 s on two threads against 19.0 and
 * 16.1 s in band, and 20,000 took 26.8 and 26.2 s against 38.9 and 34.4 s (1.5x the peak memory).
 * Another day measured 20,232 files at 33.4 s on two threads against 32.4 s in band: the machine's
 * second core gives 0.9–1.5x from one day to the next, and a long run loses little when it gives least.
 */
const MIN_FILES_FOR_WORKERS_ON_TWO_CORES = 10_000;

/**
 * An explicit concurrency is capped at this many threads per core. The work is CPU-bound, so
 * threads beyond the cores only take turns; each loads the engine and keeps a heap of its own,
 * and tinypool starts every one up front: `-j 5000` on 5,000 files would start 5,000 threads.
 * Two per core leaves room for the time a thread waits on the disk.
 */
export const MAX_THREADS_PER_CORE = 2;

/**
 * Each worker's young generation, in MiB. V8 sizes its default (48 MiB) for one isolate a process; a pool
 * runs one a thread beside the main thread's, and what a file leaves behind is mostly short-lived. On
 * 5,620 varied files on two threads the run peaked at 418-426 MiB with the default, 346-354 MiB at 8 and
 * 330-333 MiB at 4, for CPU time the same within the machine's noise (runs alternated); 8 leaves the
 * collector room for a large file's live data.
 */
const WORKER_YOUNG_GENERATION_MB = 8;

export function defaultConcurrency(): number {
  return Math.max(1, availableParallelism());
}

/**
 * How many threads a run of `files` files uses; 1 runs in band. An explicit concurrency is
 * honoured up to MAX_THREADS_PER_CORE threads per core (and one per file); the default only
 * uses threads where they pay off.
 */
export function threadsFor(files: number, concurrency: number | undefined, cores = defaultConcurrency()): number {
  if (concurrency === undefined && (files < MIN_FILES_FOR_WORKERS || cores < 2 || (cores < MIN_CORES_FOR_WORKERS && files < MIN_FILES_FOR_WORKERS_ON_TWO_CORES))) return 1;
  return Math.max(1, Math.min(concurrency ?? cores, files, cores * MAX_THREADS_PER_CORE));
}

/**
 * Runs every task (until `options.signal` stops it) and hands results to
 * `onResult` in task order, whatever order the workers finish in, so output is
 * stable across concurrency settings, each with its task and that task's index.
 * Resolves with the number of files processed.
 *
 * Takes the list: it is emptied as the run goes, and a task is let go of once its
 * result is handed on, so that a fleet run does not hold every task (and what the
 * run knows of its build context) to its end.
 */
export async function runTasks(
  tasks: FileTask[],
  selections: readonly Selection[],
  mode: WriteMode,
  options: RunnerOptions,
  onResult: (result: FileResult, task: FileTask, index: number) => void,
): Promise<number> {
  const threads = options.inBand ? 1 : threadsFor(tasks.length, options.concurrency);
  // Compiled workers exist only in dist/; from sources (tests) everything runs in band.
  const compiled = !import.meta.url.endsWith('.ts');
  if (threads === 1 || !compiled) return runInBand(tasks, selections, mode, options.signal, onResult);
  // Loaded only when threads are used: most runs are in band.
  const { Tinypool } = (await importModule('tinypool')) as typeof import('tinypool');

  const chunkSize = Math.max(1, Math.min(64, Math.ceil(tasks.length / (threads * 8))));
  const chunks: FileTask[][] = [];
  for (let i = 0; i < tasks.length; i += chunkSize) chunks.push(tasks.slice(i, i + chunkSize));
  tasks.length = 0;

  // Workers check this between files; chunks queued after a stop return at once, empty.
  const stop = new Int32Array(new SharedArrayBuffer(4));
  const onAbort = () => Atomics.store(stop, 0, 1);
  options.signal?.addEventListener('abort', onAbort, { once: true });
  if (options.signal?.aborted) onAbort();

  // From dist/src/engine/ (this module) and from dist/src/bundle/ (the bundled CLI) alike.
  const pool = new Tinypool({
    filename: new URL('../engine/worker.js', import.meta.url).href,
    minThreads: threads,
    maxThreads: threads,
    resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB },
  });
  const done = new Map<number, { readonly chunk: readonly FileTask[]; readonly results: readonly FileResult[] }>();
  let next = 0;
  let processed = 0;
  const flush = () => {
    for (let d = done.get(next); d !== undefined; d = done.get(next)) {
      d.results.forEach((r, k) => onResult(r, d.chunk[k]!, next * chunkSize + k));
      done.delete(next);
      next++;
    }
  };
  // Each chunk is held by its own call alone, and so let go of once handed on.
  const calls = chunks.map(async (chunk, i) => {
    const results = (await pool.run({ tasks: chunk, selections, mode, stop } satisfies Batch)) as FileResult[];
    processed += results.length;
    done.set(i, { chunk, results });
    flush();
  });
  chunks.length = 0;
  try {
    await Promise.all(calls);
  } finally {
    options.signal?.removeEventListener('abort', onAbort);
    await pool.destroy();
  }
  return processed;
}

async function runInBand(
  tasks: FileTask[],
  selections: readonly Selection[],
  mode: WriteMode,
  signal: AbortSignal | undefined,
  onResult: (result: FileResult, task: FileTask, index: number) => void,
): Promise<number> {
  let processed = 0;
  for (let i = 0; i < tasks.length; i++) {
    if (signal?.aborted) break;
    const task = tasks[i]!;
    delete tasks[i];
    for (const r of await processBatch({ tasks: [task], selections, mode })) onResult(r, task, i);
    processed++;
    // Processing is synchronous: let a signal, or stdout closing, be noticed between files.
    await new Promise((resolve) => setImmediate(resolve));
  }
  return processed;
}
