import { constants } from 'node:os';
import type { Io } from './cli.js';

const SIGNALS = ['SIGINT', 'SIGTERM'] as const;

/**
 * The process-facing entry: real streams, real exit code. The first SIGINT or
 * SIGTERM asks the run to stop after the files in progress (so no write is cut
 * short and every file written is reported); a second one quits at once. A
 * reader that goes away (`dockshift . | head`) is not an error.
 */
export async function run(): Promise<void> {
  const interrupt = new AbortController();
  const stdoutClosed = new AbortController();
  const onSignal = (signal: NodeJS.Signals) => {
    if (interrupt.signal.aborted) process.exit(128 + (constants.signals[signal] ?? 0));
    interrupt.abort(signal);
  };
  for (const s of SIGNALS) process.on(s, onSignal);
  const onStdoutError = (err: NodeJS.ErrnoException) => {
    if (err.code !== 'EPIPE' && err.code !== 'ERR_STREAM_DESTROYED') throw err;
    stdoutClosed.abort();
  };
  process.stdout.on('error', onStdoutError);
  // If stderr is gone too there is no one left to tell.
  process.stderr.on('error', () => {});

  let stdinRead = false;
  const io: Io = {
    cwd: process.cwd(),
    env: process.env,
    stdout: (s) => {
      if (!stdoutClosed.signal.aborted) process.stdout.write(s);
    },
    stderr: (s) => {
      if (!process.stderr.destroyed) process.stderr.write(s);
    },
    stdoutIsTTY: process.stdout.isTTY === true,
    stderrIsTTY: process.stderr.isTTY === true,
    stderrColumns: process.stderr.columns ?? 80,
    readStdin: async () => {
      stdinRead = true;
      const chunks: Buffer[] = [];
      for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks);
    },
    interrupt: interrupt.signal,
    stdoutClosed: stdoutClosed.signal,
  };
  try {
    // Loaded after the handlers are in place, so a signal while the engine loads is not fatal either.
    const { main } = await import('./cli.js');
    process.exitCode = await main(process.argv.slice(2), io);
  } finally {
    for (const s of SIGNALS) process.off(s, onSignal);
  }
  // A signal can end a run still waiting on stdin: do not let it keep the process alive.
  if (stdinRead) process.stdin.destroy();
}

/** Compiles the pipeline's code before the launcher saves V8's code cache of the bundle (src/warmUp.ts). */
export async function warmUp(): Promise<void> {
  (await import('./warmUp.js')).warmUp();
}
