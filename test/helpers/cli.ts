import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Helpers for tests that run the real `bin/dockshift.js` on temp folders. */

export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const BIN = path.join(REPO_ROOT, 'bin', 'dockshift.js');

/** The bin runs dist/; `npm test` builds it first. */
export function assertBuilt(): void {
  const main = path.join(REPO_ROOT, 'dist', 'src', 'main.js');
  if (!fs.existsSync(main)) throw new Error(`${main} is missing: run \`npm run build\` first (npm test does)`);
}

export interface CliRun {
  readonly status: number | null;
  readonly stdout: string;
  readonly stdoutBytes: Buffer;
  readonly stderr: string;
}

export interface CliOptions {
  readonly cwd: string;
  readonly input?: string | Buffer;
  /** Added to the environment; `undefined` removes a variable. NO_COLOR=1 unless overridden. */
  readonly env?: Readonly<Record<string, string | undefined>>;
}

/** Runs `node bin/dockshift.js ...args` to completion. */
export function dockshift(args: readonly string[], options: CliOptions): CliRun {
  const env: NodeJS.ProcessEnv = { ...process.env };
  delete env.FORCE_COLOR;
  delete env.NO_COLOR;
  env.NO_COLOR = '1';
  for (const [key, value] of Object.entries(options.env ?? {})) {
    if (value === undefined) delete env[key];
    else env[key] = value;
  }
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd: options.cwd,
    env,
    input: options.input ?? '',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.error) throw result.error;
  return {
    status: result.status,
    stdout: result.stdout.toString('utf8'),
    stdoutBytes: result.stdout,
    stderr: result.stderr.toString('utf8'),
  };
}

/** stderr without its closing summary line. */
export function messages(run: CliRun): string[] {
  return run.stderr.split('\n').filter((line) => line !== '' && !SUMMARY.test(line));
}

/** The closing summary line: `1 file: …, 1 error`, `3 files: …, 0 errors`, then optional counts. */
export const SUMMARY = /^\d+ files?: \d+ changed, \d+ unchanged, \d+ errors?(, \d+ warnings?)?(, \d+ skipped)?(, \d+ not processed)? \(\d+\.\d+ s\)$/;

export interface SummaryCounts {
  files: number;
  changed: number;
  unchanged: number;
  errors: number;
  /** Present only when the line has them. */
  warnings?: number;
  skipped?: number;
  notProcessed?: number;
}

/** The counts from the summary line, or null when there is none. */
export function summary(run: CliRun): SummaryCounts | null {
  const line = run.stderr.split('\n').find((l) => SUMMARY.test(l));
  if (line === undefined) return null;
  const m = /^(\d+) files?: (\d+) changed, (\d+) unchanged, (\d+) errors?(?:, (\d+) warnings?)?(?:, (\d+) skipped)?(?:, (\d+) not processed)?/.exec(line)!;
  const counts: SummaryCounts = { files: Number(m[1]), changed: Number(m[2]), unchanged: Number(m[3]), errors: Number(m[4]) };
  if (m[5] !== undefined) counts.warnings = Number(m[5]);
  if (m[6] !== undefined) counts.skipped = Number(m[6]);
  if (m[7] !== undefined) counts.notProcessed = Number(m[7]);
  return counts;
}

/** The JSON lines of a `--json` run: file records, then the summary record last. */
export function jsonRecords(run: CliRun): Record<string, unknown>[] {
  const lines = run.stdout.split('\n');
  if (lines.pop() !== '') throw new Error('--json output must end with a newline');
  return lines.map((l) => JSON.parse(l) as Record<string, unknown>);
}

const made: string[] = [];

/**
 * A fresh folder under the OS temp folder holding `files` (relative path → content).
 * Removed by `removeTempFolders`.
 */
export function tempFolder(files: Readonly<Record<string, string | Buffer>> = {}): string {
  const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'dockshift-cli-')));
  made.push(root);
  writeFiles(root, files);
  return root;
}

export function writeFiles(root: string, files: Readonly<Record<string, string | Buffer>>): void {
  for (const [rel, content] of Object.entries(files)) {
    const abs = path.join(root, rel);
    fs.mkdirSync(path.dirname(abs), { recursive: true });
    fs.writeFileSync(abs, content);
  }
}

export function removeTempFolders(): void {
  for (const dir of made.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
}

/** Every file below `root` (not .git), by `/`-separated relative path, sorted. */
export function listFiles(root: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      if (entry.name === '.git') continue;
      const abs = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(abs);
      else out.push(path.relative(root, abs).split(path.sep).join('/'));
    }
  };
  walk(root);
  return out.sort();
}

export interface FileState {
  readonly bytes: string;
  readonly mtimeMs: number;
  readonly mode: number;
  readonly symlink: string | null;
}

/** Bytes (hex), mtime, mode and link target of every file below `root`. */
export function snapshot(root: string): Record<string, FileState> {
  const out: Record<string, FileState> = {};
  for (const rel of listFiles(root)) {
    const abs = path.join(root, rel);
    const lstat = fs.lstatSync(abs);
    const symlink = lstat.isSymbolicLink() ? fs.readlinkSync(abs) : null;
    out[rel] = {
      bytes: symlink === null ? fs.readFileSync(abs).toString('hex') : '',
      mtimeMs: lstat.mtimeMs,
      mode: lstat.mode & 0o7777,
      symlink,
    };
  }
  return out;
}

/** Contents of every file below `root`, as text. */
export function contents(root: string): Record<string, string> {
  return Object.fromEntries(listFiles(root).map((rel) => [rel, fs.readFileSync(path.join(root, rel), 'utf8')]));
}

/** Sets every file's mtime to a fixed past date, so any rewrite is visible in its mtime. */
export function agePast(root: string): void {
  const past = new Date('2001-02-03T04:05:06Z');
  for (const rel of listFiles(root)) fs.utimesSync(path.join(root, rel), past, past);
}

export function copyFolder(from: string): string {
  const to = tempFolder();
  fs.cpSync(from, to, { recursive: true, verbatimSymlinks: true });
  return to;
}

/** Runs git in `cwd` with no user or system configuration; throws on failure. */
export function git(cwd: string, args: readonly string[], input?: string): string {
  // An empty file of our own rather than /dev/null, which some sandboxes replace.
  const emptyConfig = path.join(tempFolder({ 'gitconfig': '' }), 'gitconfig');
  const result = spawnSync('git', [...args], {
    cwd,
    input,
    env: {
      ...process.env,
      GIT_CONFIG_NOSYSTEM: '1',
      GIT_CONFIG_GLOBAL: emptyConfig,
      GIT_AUTHOR_NAME: 'test',
      GIT_AUTHOR_EMAIL: 'test@example.com',
      GIT_COMMITTER_NAME: 'test',
      GIT_COMMITTER_EMAIL: 'test@example.com',
    },
  });
  if (result.error) throw result.error;
  if (result.status !== 0) throw new Error(`git ${args.join(' ')} failed (${result.status}): ${result.stderr.toString()}`);
  return result.stdout.toString();
}
