import { childProcess } from '../builtins.js';

export interface ExecResult {
  /** Null when the process was killed by a signal or could not start. */
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly timedOut: boolean;
  /** Set when the program could not be started at all (ENOENT…). */
  readonly spawnError: string | null;
  readonly seconds: number;
}

export interface ExecOptions {
  readonly timeoutMs?: number;
  readonly env?: NodeJS.ProcessEnv;
  /** Keep only the last this many characters of each stream (builds print a lot). */
  readonly keepChars?: number;
}

/** How every external tool is run: never throws, never uses a shell. */
export type Exec = (program: string, args: readonly string[], options?: ExecOptions) => Promise<ExecResult>;

export const exec: Exec = (program, args, options = {}) =>
  new Promise((resolve) => {
    const started = performance.now();
    const keep = options.keepChars ?? 1 << 20;
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    let settled = false;
    const child = childProcess().spawn(program, [...args], { env: options.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
    const tail = (s: string) => (s.length > keep ? s.slice(s.length - keep) : s);
    child.stdout.setEncoding('utf8').on('data', (c: string) => (stdout = tail(stdout + c)));
    child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr = tail(stderr + c)));
    const timer =
      options.timeoutMs === undefined
        ? null
        : setTimeout(() => {
            timedOut = true;
            child.kill('SIGKILL');
          }, options.timeoutMs);
    const finish = (code: number | null, spawnError: string | null) => {
      if (settled) return;
      settled = true;
      if (timer !== null) clearTimeout(timer);
      resolve({ code, stdout, stderr, timedOut, spawnError, seconds: (performance.now() - started) / 1000 });
    };
    child.on('error', (e) => finish(null, e.message));
    child.on('close', (code) => finish(code, null));
  });

/** The last `n` non-empty lines of a tool's output, for error messages. */
export function lastLines(text: string, n: number): string {
  return text
    .split('\n')
    .map((l) => l.trimEnd())
    .filter((l) => l !== '')
    .slice(-n)
    .join('\n');
}
