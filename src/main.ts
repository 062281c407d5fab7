import { main, type Io } from './cli.js';

/** The process-facing entry: real streams, real exit code. */
export async function run(): Promise<void> {
  const io: Io = {
    cwd: process.cwd(),
    env: process.env,
    stdout: (s) => process.stdout.write(s),
    stderr: (s) => process.stderr.write(s),
    stdoutIsTTY: process.stdout.isTTY === true,
    readStdin: async () => {
      const chunks: Buffer[] = [];
      for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks);
    },
  };
  process.exitCode = await main(process.argv.slice(2), io);
}
