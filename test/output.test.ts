/**
 * What scripts read: the summary line, --version and --help, --color, --stdin's
 * contract with the other options, and a reader that goes away (EPIPE).
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, BIN, contents, dockshift, REPO_ROOT, removeTempFolders, tempFolder } from './helpers/cli.js';

beforeAll(assertBuilt);
afterEach(removeTempFolders);

const NODE = 'FROM node:20-alpine\nCMD node server.js\n';
const CLEAN = 'FROM alpine:3.20\nCMD ["app"]\n';
const NO_FROM = 'CMD x\n';

const lastLine = (s: string) => s.trimEnd().split('\n').at(-1);

describe('the summary line', () => {
  it.each([
    [{ 'Dockerfile': NODE }, /^1 file: 1 changed, 0 unchanged, 0 errors \(\d+\.\d\d s\)$/],
    [{ 'Dockerfile': NO_FROM }, /^1 file: 0 changed, 0 unchanged, 1 error \(\d+\.\d\d s\)$/],
    [{ 'a/Dockerfile': NO_FROM, 'b/Dockerfile': NO_FROM, 'c/Dockerfile': CLEAN }, /^3 files: 0 changed, 1 unchanged, 2 errors \(\d+\.\d\d s\)$/],
  ])('is grammatical (%#)', (files, expected) => {
    expect(lastLine(dockshift(['-t', 'exec-form'], { cwd: tempFolder(files) }).stderr)).toMatch(expected);
  });

  it('adds warnings and skipped files only when there are some', () => {
    const root = tempFolder({ 'Dockerfile': NO_FROM, 'notes.txt': 'hello\n', 'x/Dockerfile': NO_FROM });
    expect(lastLine(dockshift(['--on-error=warn', '-u', 'Dockerfile', 'notes.txt'], { cwd: root }).stderr)).toMatch(/^2 files: 0 changed, 0 unchanged, 0 errors, 1 warning, 1 skipped \(/);
    expect(lastLine(dockshift(['--on-error=warn', '.'], { cwd: root }).stderr)).toMatch(/^2 files: 0 changed, 0 unchanged, 0 errors, 2 warnings \(/);
  });
});

describe('--version and --help', () => {
  it('--version prints the version from package.json', () => {
    const version = (JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
    const run = dockshift(['--version'], { cwd: tempFolder() });
    expect([run.status, run.stdout, run.stderr]).toEqual([0, `${version}\n`, '']);
  });

  it('-h is --help, and documents every exit code and the new options', () => {
    const short = dockshift(['-h'], { cwd: tempFolder() });
    const long = dockshift(['--help'], { cwd: tempFolder() });
    expect(short.status).toBe(0);
    expect(short.stdout).toBe(long.stdout);
    expect(short.stdout).toMatch(/^Exit codes:$/m);
    for (const code of ['0', '1', '2', '130']) expect(short.stdout).toMatch(new RegExp(`^  ${code} +\\S`, 'm'));
    expect(short.stdout).toContain('143 by SIGTERM');
    for (const flag of ['--on-error', '--ignore-unknown', '--relative-to', '--color', '--version', '--json', '--stdin']) expect(short.stdout).toContain(flag);
  });
});

describe('--color', () => {
  const root = () => tempFolder({ 'Dockerfile': NODE });
  const colored = (run: { stdout: string }) => run.stdout.includes('\x1b[');

  it('always and never win over NO_COLOR and FORCE_COLOR; auto follows them', () => {
    const dir = root();
    const run = (args: string[], env: Record<string, string | undefined>) => dockshift(['-t', 'exec-form', ...args], { cwd: dir, env });
    expect(colored(run(['--color=always'], { NO_COLOR: '1' }))).toBe(true);
    expect(colored(run(['--color', 'always'], { NO_COLOR: '1' }))).toBe(true);
    expect(colored(run(['--color=never'], { NO_COLOR: undefined, FORCE_COLOR: '1' }))).toBe(false);
    expect(colored(run(['--no-color'], { NO_COLOR: undefined, FORCE_COLOR: '1' }))).toBe(false);
    expect(colored(run(['--color=auto'], { NO_COLOR: undefined, FORCE_COLOR: '1' }))).toBe(true);
    expect(colored(run(['--color=auto'], { NO_COLOR: '1', FORCE_COLOR: '1' }))).toBe(false);
    expect(colored(run([], { NO_COLOR: undefined, FORCE_COLOR: undefined }))).toBe(false); // not a terminal
    expect(run(['--color=always'], {}).stdout).toContain('\x1b[31m-CMD node server.js\x1b[0m\n');
  });

  it('is never applied to --json', () => {
    expect(colored(dockshift(['--json', '--color=always'], { cwd: root() }))).toBe(false);
  });

  it('takes only auto, always or never', () => {
    const run = dockshift(['--color=rainbow'], { cwd: root() });
    expect([run.status, run.stdout, run.stderr]).toEqual([2, '', 'dockshift: --color expects auto, always or never, got "rainbow"\n']);
  });
});

describe('--stdin with other options', () => {
  it('honours --explain on stderr, naming the input with --stdin-path', () => {
    const run = dockshift(['--stdin', '--explain', '--stdin-path', 'svc/Dockerfile', '-t', 'exec-form'], { cwd: tempFolder(), input: 'FROM archlinux\nCMD echo $HOME\nCMD node x.js\n' });
    expect(run.status).toBe(0);
    expect(run.stdout).toBe('FROM archlinux\nCMD echo $HOME\nCMD ["node", "x.js"]\n');
    expect(run.stderr).toBe('svc/Dockerfile:2: exec-form: refused (shell-feature): uses variable expansion, which needs a shell\nsvc/Dockerfile:3: exec-form: CMD to exec form\n');
  });

  it.each([
    [['--json'], 'dockshift: --stdin prints only the resulting text; --json cannot be combined with it'],
    [['--patch-file', 'x.patch'], 'dockshift: --stdin prints only the resulting text; --patch-file cannot be combined with it'],
    [['--relative-to', '.'], 'dockshift: --stdin prints only the resulting text; --relative-to cannot be combined with it'],
    [['--ignore-pattern', 'x'], 'dockshift: --stdin prints only the resulting text; --ignore-pattern cannot be combined with it'],
    [['-u'], 'dockshift: --stdin prints only the resulting text; --ignore-unknown cannot be combined with it'],
    [['Dockerfile'], 'dockshift: --stdin reads the Dockerfile from stdin; paths cannot be given with it'],
  ])('rejects %j rather than ignore it', (extra, message) => {
    const root = tempFolder({ 'Dockerfile': NODE });
    const run = dockshift(['--stdin', ...extra], { cwd: root, input: NODE });
    expect([run.status, run.stdout, run.stderr]).toEqual([2, '', `${message}\n`]);
    expect(contents(root)).toEqual({ 'Dockerfile': NODE });
  });

  it('--stdin-path without --stdin is a usage error', () => {
    const run = dockshift(['--stdin-path', 'x'], { cwd: tempFolder({ 'Dockerfile': NODE }) });
    expect([run.status, run.stderr]).toEqual([2, 'dockshift: --stdin-path names the input of --stdin; use it with --stdin\n']);
  });

  it('with --on-error=warn, prints an input it cannot process back unchanged, with a warning, and exits 0', () => {
    const run = dockshift(['--stdin', '--on-error=warn'], { cwd: tempFolder(), input: NO_FROM });
    expect([run.status, run.stdout, run.stderr]).toEqual([0, NO_FROM, '<stdin>:1: warning: CMD before the first FROM (only ARG may come first)\n']);
    const latin1 = Buffer.from('FROM a\nCMD caf\xe9\n', 'latin1');
    const bytes = dockshift(['--stdin', '--on-error=warn'], { cwd: tempFolder(), input: latin1 });
    expect(bytes.stdoutBytes.equals(latin1)).toBe(true);
    expect(bytes.status).toBe(0);
  });
});

describe('a reader that goes away (EPIPE)', () => {
  /** Runs `dockshift ARGS [<input] | head -n 1` in bash; returns dockshift's stderr and exit code. */
  function intoHead(cwd: string, args: string[], input?: string): { stderr: string; status: number; head: string } {
    const dir = tempFolder();
    const err = path.join(dir, 'stderr');
    const status = path.join(dir, 'status');
    const quoted = [process.execPath, BIN, ...args].map((a) => `'${a}'`).join(' ');
    const from = input === undefined ? '' : ` <'${input}'`;
    const r = spawnSync('bash', ['-c', `${quoted}${from} 2>'${err}' | head -n 1; echo "\${PIPESTATUS[0]}" >'${status}'`], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    if (r.status !== 0) throw new Error(r.stderr);
    return { stderr: fs.readFileSync(err, 'utf8'), status: Number(fs.readFileSync(status, 'utf8')), head: r.stdout };
  }

  /** Enough changed files that stdout fills the pipe long after head has gone. */
  function many(): string {
    const files: Record<string, string> = {};
    for (let i = 0; i < 400; i++) files[`svc-${String(i).padStart(3, '0')}/Dockerfile`] = `FROM node:20\n${'# padding line\n'.repeat(40)}CMD node app-${i}.js\n`;
    return tempFolder(files);
  }

  it('a dry run stops quietly: no stack trace, exit 0, the summary says what was not processed', () => {
    const root = many();
    const run = intoHead(root, ['-t', 'exec-form', '.']);
    expect(run.head).toBe('diff --git a/svc-000/Dockerfile b/svc-000/Dockerfile\n');
    expect(run.stderr).not.toMatch(/Error|EPIPE|at /);
    expect(run.stderr).toMatch(/^\d+ files: \d+ changed, 0 unchanged, 0 errors, \d+ not processed \(\d+\.\d\d s\)\n$/);
    expect(run.status).toBe(0);
  });

  it('--write still writes every file, and --json and --check still finish', () => {
    const root = many();
    const write = intoHead(root, ['-w', '-t', 'exec-form', '.']);
    expect(write.stderr).toMatch(/^400 files: 400 changed, 0 unchanged, 0 errors \(/);
    expect(write.status).toBe(0);
    expect(fs.readFileSync(path.join(root, 'svc-399/Dockerfile'), 'utf8')).toContain('CMD ["node", "app-399.js"]');

    const check = intoHead(many(), ['--check', '--json', '-t', 'exec-form', '.']);
    expect(check.stderr).toMatch(/^400 files: 400 changed/);
    expect(check.status).toBe(1);
  });

  it('--stdin too', () => {
    const input = `FROM a\n${'# line\n'.repeat(20_000)}CMD node x.js\n`;
    const dir = tempFolder({ 'in.Dockerfile': input });
    const run = intoHead(dir, ['--stdin', '-t', 'exec-form'], path.join(dir, 'in.Dockerfile'));
    expect(run.head).toBe('FROM a\n');
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
  });
});
