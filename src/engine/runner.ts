import { availableParallelism } from 'node:os';
import { Tinypool } from 'tinypool';
import type { FileResult, FileTask, WriteMode } from './processFile.js';
import type { Selection } from './select.js';
import processBatch from './worker.js';

export interface RunnerOptions {
  /** Worker threads; 1 (or inBand) runs in this thread. */
  readonly concurrency?: number;
  readonly inBand?: boolean;
}

/**
 * Below this many files, starting threads costs more than it saves: each worker
 * loads the engine and warms up the shell parser again (about a second), while
 * one thread handles roughly 150-350 files a second. Measured with npm run bench
 * on 2 cores: 562 files were faster in band, 5,620 were 1.25x faster with two
 * threads.
 */
const MIN_FILES_FOR_WORKERS = 2000;

export function defaultConcurrency(): number {
  return Math.max(1, availableParallelism());
}

/**
 * Runs every task and hands results to `onResult` in task order, whatever order
 * the workers finish in, so output is stable across concurrency settings.
 */
export async function runTasks(
  tasks: readonly FileTask[],
  selection: Selection,
  mode: WriteMode,
  options: RunnerOptions,
  onResult: (result: FileResult) => void,
): Promise<void> {
  const threads = Math.max(1, Math.min(options.concurrency ?? defaultConcurrency(), tasks.length));
  // An explicit --concurrency is honoured as given; the default only uses threads when they pay off.
  const worthThreads = options.concurrency !== undefined || tasks.length >= MIN_FILES_FOR_WORKERS;
  // Compiled workers exist only in dist/; from sources (tests) everything runs in band.
  const compiled = import.meta.url.endsWith('.js');
  if (options.inBand || threads === 1 || !worthThreads || !compiled) {
    for (const task of tasks) for (const r of processBatch({ tasks: [task], selection, mode })) onResult(r);
    return;
  }

  const chunkSize = Math.max(1, Math.min(64, Math.ceil(tasks.length / (threads * 8))));
  const chunks: FileTask[][] = [];
  for (let i = 0; i < tasks.length; i += chunkSize) chunks.push(tasks.slice(i, i + chunkSize));

  const pool = new Tinypool({ filename: new URL('./worker.js', import.meta.url).href, minThreads: threads, maxThreads: threads });
  const done = new Map<number, FileResult[]>();
  let next = 0;
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
        const results = (await pool.run({ tasks: chunk, selection, mode })) as FileResult[];
        done.set(i, results);
        flush();
      }),
    );
  } finally {
    await pool.destroy();
  }
}
