import { availableParallelism } from 'node:os';
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
 * loads the engine and warms up the shell parser again (about a second), while
 * one thread handles roughly 200-300 files a second, and an in-band run already
 * keeps a second core busy collecting garbage. Measured with npm run bench on 2
 * cores: 562 files were no faster with two threads, 5,620 varied files were
 * 1.2-1.3x faster, at twice the memory.
 */
const MIN_FILES_FOR_WORKERS = 2000;

export function defaultConcurrency(): number {
  return Math.max(1, availableParallelism());
}

/**
 * Runs every task (until `options.signal` stops it) and hands results to
 * `onResult` in task order, whatever order the workers finish in, so output is
 * stable across concurrency settings. Resolves with the number of files processed.
 */
export async function runTasks(
  tasks: readonly FileTask[],
  selections: readonly Selection[],
  mode: WriteMode,
  options: RunnerOptions,
  onResult: (result: FileResult) => void,
): Promise<number> {
  const threads = Math.max(1, Math.min(options.concurrency ?? defaultConcurrency(), tasks.length));
  // An explicit --concurrency is honoured as given; the default only uses threads when they pay off.
  const worthThreads = options.concurrency !== undefined || tasks.length >= MIN_FILES_FOR_WORKERS;
  // Compiled workers exist only in dist/; from sources (tests) everything runs in band.
  const compiled = import.meta.url.endsWith('.js');
  if (options.inBand || threads === 1 || !worthThreads || !compiled) return runInBand(tasks, selections, mode, options.signal, onResult);
  // Loaded only when threads are used: most runs are in band.
  const { Tinypool } = await import('tinypool');

  const chunkSize = Math.max(1, Math.min(64, Math.ceil(tasks.length / (threads * 8))));
  const chunks: FileTask[][] = [];
  for (let i = 0; i < tasks.length; i += chunkSize) chunks.push(tasks.slice(i, i + chunkSize));

  // Workers check this between files; chunks queued after a stop return at once, empty.
  const stop = new Int32Array(new SharedArrayBuffer(4));
  const onAbort = () => Atomics.store(stop, 0, 1);
  options.signal?.addEventListener('abort', onAbort, { once: true });
  if (options.signal?.aborted) onAbort();

  // From dist/src/engine/ (this module) and from dist/src/bundle/ (the bundled CLI) alike.
  const pool = new Tinypool({ filename: new URL('../engine/worker.js', import.meta.url).href, minThreads: threads, maxThreads: threads });
  const done = new Map<number, FileResult[]>();
  let next = 0;
  let processed = 0;
  const flush = () => {
    while (done.has(next)) {
      for (const r of done.get(next)!) onResult(r);
      done.delete(next);
      next++;
    }
  };
  try {
    await Promise.all(
      chunks.map(async (chunk, i) => {
        const results = (await pool.run({ tasks: chunk, selections, mode, stop } satisfies Batch)) as FileResult[];
        processed += results.length;
        done.set(i, results);
        flush();
      }),
    );
  } finally {
    options.signal?.removeEventListener('abort', onAbort);
    await pool.destroy();
  }
  return processed;
}

async function runInBand(
  tasks: readonly FileTask[],
  selections: readonly Selection[],
  mode: WriteMode,
  signal: AbortSignal | undefined,
  onResult: (result: FileResult) => void,
): Promise<number> {
  let processed = 0;
  for (const task of tasks) {
    if (signal?.aborted) break;
    for (const r of await processBatch({ tasks: [task], selections, mode })) onResult(r);
    processed++;
    // Processing is synchronous: let a signal, or stdout closing, be noticed between files.
    await new Promise((resolve) => setImmediate(resolve));
  }
  return processed;
}
