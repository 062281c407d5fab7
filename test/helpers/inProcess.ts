import { main, type Io } from '../../src/cli.js';

export interface InProcessRun {
  readonly status: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the CLI's main() in this process (no spawn): what it prints and the exit code it returns. */
export async function cli(args: readonly string[], cwd: string, extra: Partial<Io> = {}): Promise<InProcessRun> {
  let stdout = '';
  let stderr = '';
  const status = await main(args, {
    cwd,
    env: { NO_COLOR: '1' },
    stdout: (s) => {
      stdout += typeof s === 'string' ? s : Buffer.from(s).toString('utf8');
    },
    stderr: (s) => {
      stderr += s;
    },
    stdoutIsTTY: false,
    readStdin: async () => new Uint8Array(),
    ...extra,
  });
  return { status, stdout, stderr };
}
