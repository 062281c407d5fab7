/**
 * The real binary on real (temporary) trees with hostile entries. For each: one
 * clear `path: error: message` line (or, for entries that are not Dockerfiles,
 * none), every other file still completes, the hostile file's bytes are kept,
 * no temporary file remains, and the exit code says what happened.
 *
 * Tests run as root here, and root ignores file permissions. Permission cases
 * therefore run the binary as the unprivileged `nobody` user (uid 65534) when
 * we are root, and as ourselves otherwise: either way the kernel enforces the
 * permissions for real. The full-disk case mounts a 64 KiB tmpfs when allowed;
 * a unit test of writeAtomic with a simulated ENOSPC/EIO covers it everywhere.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { MAX_FILE_BYTES, writeAtomic } from '../src/engine/files.js';
import { NewFileLedger, processFile } from '../src/engine/processFile.js';
import { count, emptyTally } from '../src/engine/report.js';
import { configure } from '../src/engine/select.js';

/** Faults injected into node:fs for the unit tests of writeAtomic; off unless a test sets them. */
const faults = vi.hoisted(() => ({ write: null as string | null, rename: null as string | null }));
vi.mock('node:fs', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:fs')>();
  const fail = (code: string) => Object.assign(new Error(`${code}: simulated failure`), { code });
  return {
    ...real,
    default: real,
    writeFileSync: (...args: Parameters<typeof real.writeFileSync>) => {
      if (faults.write !== null && typeof args[0] === 'number') throw fail(faults.write);
      return real.writeFileSync(...args);
    },
    renameSync: (...args: Parameters<typeof real.renameSync>) => {
      if (faults.rename !== null) throw fail(faults.rename);
      return real.renameSync(...args);
    },
  };
});

const BIN = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../bin/dockshift.js');
// Already non-root, so the default transforms only rewrite the CMD.
const NEEDS_CHANGE = 'FROM alpine:3.20\nUSER nobody\nCMD node server.js\n';
const CHANGED = 'FROM alpine:3.20\nUSER nobody\nCMD ["node", "server.js"]\n';
const isRoot = process.getuid?.() === 0;
/** Who runs the binary in permission cases: someone the kernel applies permissions to. */
const unprivileged = isRoot ? { uid: 65534, gid: 65534 } : {};

const made: string[] = [];
afterAll(() => {
  for (const dir of made) {
    spawnSync('chattr', ['-R', '-i', dir], { stdio: 'ignore' });
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
afterEach(() => {
  faults.write = null;
  faults.rename = null;
});

/** A temporary tree anyone may enter and write, with `ok/Dockerfile` needing a change. */
function tree(files: Record<string, string | Buffer> = {}): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'dockshift-fs-'));
  made.push(root);
  fs.chmodSync(root, 0o777);
  for (const [rel, content] of Object.entries({ 'ok/Dockerfile': NEEDS_CHANGE, ...files })) {
    fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true, mode: 0o777 });
    fs.chmodSync(path.dirname(path.join(root, rel)), 0o777);
    fs.writeFileSync(path.join(root, rel), content);
    fs.chmodSync(path.join(root, rel), 0o666);
  }
  return root;
}

interface Run {
  readonly status: number | null;
  readonly stdout: string;
  readonly errors: string[];
  readonly summary: string;
}

function dockshift(cwd: string, args: readonly string[], as: { uid?: number; gid?: number } = {}): Run {
  // The time limit only guards against a hang (a FIFO opened for reading would block forever).
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', timeout: 60_000, env: { ...process.env, NO_COLOR: '1' }, ...as });
  if (r.error !== undefined) throw r.error;
  const lines = r.stderr.split('\n').filter(Boolean);
  return { status: r.status, stdout: r.stdout, errors: lines.filter((l) => l.includes(': error: ')), summary: lines.at(-1) ?? '' };
}

function temps(root: string): string[] {
  return (fs.readdirSync(root, { recursive: true }) as string[]).filter((p) => path.basename(p).startsWith('.dockshift-tmp-'));
}

function read(root: string, rel: string): string {
  return fs.readFileSync(path.join(root, rel), 'utf8');
}

describe('entries that are not Dockerfiles', () => {
  it('searches a folder named Dockerfile instead of reading it, given or found', () => {
    const root = tree({ 'svc/Dockerfile/Dockerfile': NEEDS_CHANGE, 'svc/Dockerfile/notes.txt': 'x' });
    const found = dockshift(root, ['--write', '.']);
    expect(found.errors).toEqual([]);
    expect(found.status).toBe(0);
    expect(read(root, 'ok/Dockerfile')).toBe(CHANGED);
    expect(read(root, 'svc/Dockerfile/Dockerfile')).toBe(CHANGED);
    expect(dockshift(root, ['--check', 'svc/Dockerfile']).status).toBe(0);
  });

  it('skips FIFOs, dangling links, link loops and links leaving the folder when searching', () => {
    const outside = tree({ 'Dockerfile': NEEDS_CHANGE });
    const root = tree();
    fs.mkdirSync(path.join(root, 'odd'));
    spawnSync('mkfifo', [path.join(root, 'odd/fifo.Dockerfile')]);
    fs.symlinkSync('missing', path.join(root, 'odd/dangling.Dockerfile'));
    fs.symlinkSync('loop-b.Dockerfile', path.join(root, 'odd/loop-a.Dockerfile'));
    fs.symlinkSync('loop-a.Dockerfile', path.join(root, 'odd/loop-b.Dockerfile'));
    fs.symlinkSync(path.join(outside, 'Dockerfile'), path.join(root, 'odd/outside.Dockerfile'));
    const r = dockshift(root, ['--write', '.']);
    expect(r.errors).toEqual([]);
    expect(r.summary).toMatch(/^1 file: 1 changed, 0 unchanged, 0 errors/);
    expect(r.status).toBe(0);
    expect(read(outside, 'Dockerfile')).toBe(NEEDS_CHANGE);
    expect(read(root, 'ok/Dockerfile')).toBe(CHANGED);
  });
});

describe('files that cannot be used, named explicitly', () => {
  /** `shown`: how messages name the file when not as given (a symlink is named by its target). */
  const cases: { name: string; setup: (root: string) => void; path: string; message: string; shown?: RegExp }[] = [
    { name: 'a dangling symlink', path: 'gone.Dockerfile', message: 'no such file or folder', setup: (r) => fs.symlinkSync('missing', path.join(r, 'gone.Dockerfile')) },
    {
      name: 'a symlink loop',
      path: 'loop.Dockerfile',
      message: 'cannot read: too many levels of symbolic links',
      setup: (r) => {
        fs.symlinkSync('loop2.Dockerfile', path.join(r, 'loop.Dockerfile'));
        fs.symlinkSync('loop.Dockerfile', path.join(r, 'loop2.Dockerfile'));
      },
    },
    { name: 'a FIFO (never opened, so no hang)', path: 'fifo.Dockerfile', message: 'is not a regular file', setup: (r) => void spawnSync('mkfifo', [path.join(r, 'fifo.Dockerfile')]) },
    { name: 'a file that is not UTF-8', path: 'latin1.Dockerfile', message: 'file is not valid UTF-8; left unchanged', setup: (r) => fs.writeFileSync(path.join(r, 'latin1.Dockerfile'), Buffer.from('FROM alpine\n# caf\xe9\nCMD node server.js\n', 'latin1')) },
    { name: 'a binary file', path: 'bin.Dockerfile', message: 'file is binary (contains NUL bytes); skipped', setup: (r) => fs.writeFileSync(path.join(r, 'bin.Dockerfile'), Buffer.from('FROM alpine\nCMD node\0server.js\n')) },
    {
      name: 'a file over 1 MiB',
      path: 'huge.Dockerfile',
      message: `file is larger than ${MAX_FILE_BYTES} bytes (${MAX_FILE_BYTES + 1 + NEEDS_CHANGE.length}); skipped`,
      setup: (r) => fs.writeFileSync(path.join(r, 'huge.Dockerfile'), `${NEEDS_CHANGE}${'#'.repeat(MAX_FILE_BYTES)}\n`),
    },
  ];
  if (process.platform === 'linux') {
    // /proc/self/mem is a regular file whose read at offset 0 fails with EIO: a real read error, even for root.
    cases.push({
      name: 'a file whose read fails (EIO)',
      path: 'mem.Dockerfile',
      message: 'cannot read: EIO: i/o error, read',
      shown: /^(\.\.\/)+proc\/\d+\/mem$/,
      setup: (r) => fs.symlinkSync('/proc/self/mem', path.join(r, 'mem.Dockerfile')),
    });
  }

  for (const c of cases) {
    it(`reports ${c.name} on one line, keeps its bytes, and finishes the other files`, () => {
      const root = tree();
      c.setup(root);
      const target = path.join(root, c.path);
      const before = fs.lstatSync(target).isFile() ? fs.readFileSync(target) : null;
      const r = dockshift(root, ['--write', c.path, 'ok']);
      expect(r.errors).toEqual([c.shown === undefined ? `${c.path}: error: ${c.message}` : expect.stringMatching(new RegExp(`${c.shown.source.slice(1, -1)}: error: ${c.message}$`))]);
      expect(r.status).toBe(2);
      expect(read(root, 'ok/Dockerfile')).toBe(CHANGED);
      if (before !== null) expect(fs.readFileSync(target).equals(before)).toBe(true);
      expect(temps(root)).toEqual([]);
    });
  }
});

describe('permissions, enforced by the kernel', () => {
  it('reports an unreadable file and finishes the others', () => {
    const root = tree({ 'secret/Dockerfile': NEEDS_CHANGE });
    fs.chmodSync(path.join(root, 'secret/Dockerfile'), 0o000);
    const r = dockshift(root, ['--write', '.'], unprivileged);
    expect(r.errors).toEqual(['secret/Dockerfile: error: cannot read: permission denied']);
    expect(r.status).toBe(2);
    expect(read(root, 'ok/Dockerfile')).toBe(CHANGED);
    fs.chmodSync(path.join(root, 'secret/Dockerfile'), 0o644);
    expect(read(root, 'secret/Dockerfile')).toBe(NEEDS_CHANGE);
  });

  it('reports a folder it cannot read, found or named, and finishes the others', () => {
    const root = tree({ 'locked/Dockerfile': NEEDS_CHANGE, 'volume/Dockerfile': NEEDS_CHANGE, '.gitignore': 'volume/\n' });
    fs.chmodSync(path.join(root, 'locked'), 0o000);
    // An ignored folder (a database volume owned by another user) is not searched, so not reported.
    fs.chmodSync(path.join(root, 'volume'), 0o000);
    try {
      const r = dockshift(root, ['--write', '.'], unprivileged);
      expect(r.errors).toEqual(['locked: error: cannot read folder: permission denied']);
      expect(r.status).toBe(2);
      expect(r.summary).toMatch(/^2 files: 1 changed, 0 unchanged, 1 error /);
      expect(read(root, 'ok/Dockerfile')).toBe(CHANGED);
      const warned = dockshift(root, ['--check', '--on-error=warn', '--json', '.'], unprivileged);
      expect(warned.status).toBe(0);
      expect(JSON.parse(warned.stdout.split('\n')[0]!)).toMatchObject({ path: 'locked', status: 'warning', error: { kind: 'unreadable', message: 'cannot read folder: permission denied' } });
      // Named, it says it cannot be read, not that it holds no Dockerfile.
      const named = dockshift(root, ['-l', 'locked'], unprivileged);
      expect([named.status, named.errors]).toEqual([2, ['locked: error: cannot read folder: permission denied']]);
    } finally {
      fs.chmodSync(path.join(root, 'locked'), 0o755);
      fs.chmodSync(path.join(root, 'volume'), 0o755);
    }
    expect(read(root, 'locked/Dockerfile')).toBe(NEEDS_CHANGE);
  });

  it('does not replace a read-only file under --write, though its folder is writable', () => {
    const root = tree({ 'ro/Dockerfile': NEEDS_CHANGE });
    fs.chmodSync(path.join(root, 'ro/Dockerfile'), 0o444);
    const r = dockshift(root, ['--write', '.'], unprivileged);
    expect(r.errors).toEqual(['ro/Dockerfile: error: cannot write: permission denied']);
    expect(r.status).toBe(2);
    expect(read(root, 'ro/Dockerfile')).toBe(NEEDS_CHANGE);
    expect(fs.statSync(path.join(root, 'ro/Dockerfile')).mode & 0o777).toBe(0o444);
    expect(read(root, 'ok/Dockerfile')).toBe(CHANGED);
    expect(temps(root)).toEqual([]);
  });

  it('writes a Dockerfile only once the context files it proposes are written: nothing is left half-applied', () => {
    const NODE = 'FROM node:20\nWORKDIR /app\nCOPY . .\nUSER node\nCMD node server.js\n';
    const root = tree({ 'app/Dockerfile': NODE, 'app/.dockerignore': '*.log\n', 'app/.git/HEAD': 'ref: refs/heads/main\n', 'web/Dockerfile': NODE, 'web/.git/HEAD': 'ref: refs/heads/main\n' });
    // The .dockerignore may not be written, the Dockerfile may.
    fs.chmodSync(path.join(root, 'app/.dockerignore'), 0o444);
    const r = dockshift(root, ['--write', '--json', '-t', 'exec-form,dockerignore', 'app', 'ok'], unprivileged);
    expect(r.status).toBe(2);
    const record = JSON.parse(r.stdout.split('\n')[0]!);
    expect(record).toMatchObject({ path: 'app/Dockerfile', status: 'error', written: false, diff: '', error: { kind: 'write', message: 'app/.dockerignore: cannot write: permission denied; app/Dockerfile left unchanged' } });
    expect(record.fileEdits).toMatchObject([{ path: 'app/.dockerignore', status: 'failed' }]);
    expect(r.summary).toMatch(/^2 files: 1 changed, 0 unchanged, 1 error /);
    expect([read(root, 'app/Dockerfile'), read(root, 'app/.dockerignore')]).toEqual([NODE, '*.log\n']);
    expect(read(root, 'ok/Dockerfile')).toBe(CHANGED);

    // The other way round: a Dockerfile that cannot be replaced keeps its .dockerignore from being made.
    fs.chmodSync(path.join(root, 'web/Dockerfile'), 0o444);
    const web = dockshift(root, ['--write', '--json', '-t', 'exec-form,dockerignore', 'web'], unprivileged);
    expect(web.errors).toEqual(['web/Dockerfile: error: cannot write: permission denied']);
    expect(JSON.parse(web.stdout.split('\n')[0]!).newFiles).toMatchObject([{ path: 'web/.dockerignore', status: 'failed' }]);
    expect(fs.existsSync(path.join(root, 'web/.dockerignore'))).toBe(false);
    expect(temps(root)).toEqual([]);
  });

  it('keeps a second Dockerfile relying on the same .dockerignore edit as it was when that edit fails', () => {
    const root = tree({ ...nodeApp(), 'app/.dockerignore': '*.log\n' });
    fs.chmodSync(path.join(root, 'app/.dockerignore'), 0o444);
    const r = dockshift(root, ['--write', '--json', '-t', 'deps-first,dockerignore', 'app'], unprivileged);
    expect(r.status).toBe(2);
    const records = fileRecords(r.stdout);
    // The edit the first could not make is no one's: the second tries it too, and fails the same way.
    expect(records.map((x) => [x.path, x.status, x.written, x.fileEdits.map((e: { status: string }) => e.status)])).toEqual([
      ['app/Dockerfile', 'error', false, ['failed']],
      ['app/Dockerfile.dev', 'error', false, ['failed']],
    ]);
    expect(records[1].error.message).toBe('app/.dockerignore: cannot write: permission denied; app/Dockerfile.dev left unchanged');
    expect([read(root, 'app/Dockerfile'), read(root, 'app/Dockerfile.dev'), read(root, 'app/.dockerignore')]).toEqual([NODE_APP, NODE_APP, '*.log\n']);

    // Writable, the first proposer makes the edit and both Dockerfiles are written.
    fs.chmodSync(path.join(root, 'app/.dockerignore'), 0o666);
    const ok = dockshift(root, ['--write', '-t', 'deps-first,dockerignore', 'app'], unprivileged);
    expect([ok.status, ok.errors]).toEqual([0, []]);
    expect(read(root, 'app/.dockerignore')).toContain('node_modules');
    expect(read(root, 'app/Dockerfile.dev')).toBe(read(root, 'app/Dockerfile'));
    expect(read(root, 'app/Dockerfile')).toContain('COPY package.json package-lock.json ./\n');
    expect(temps(root)).toEqual([]);
  });

  it('lets the next Dockerfile write a context file the first could not, because the first itself is read-only', () => {
    const root = tree(nodeApp());
    fs.chmodSync(path.join(root, 'app/Dockerfile'), 0o444);
    const r = dockshift(root, ['--write', '--json', '-t', 'deps-first,dockerignore', 'app'], unprivileged);
    expect(r.status).toBe(2);
    const records = fileRecords(r.stdout);
    expect(records.map((x) => [x.path, x.status, x.written, x.newFiles.map((f: { status: string }) => f.status)])).toEqual([
      ['app/Dockerfile', 'error', false, ['failed']],
      ['app/Dockerfile.dev', 'changed', true, ['created']],
    ]);
    expect(read(root, 'app/Dockerfile')).toBe(NODE_APP);
    expect(read(root, 'app/.dockerignore')).toContain('node_modules');
    expect(read(root, 'app/Dockerfile.dev')).toContain('COPY package.json package-lock.json ./\n');
    expect(temps(root)).toEqual([]);
  });

  it('reports a file in a folder it may not write to (the temp file cannot be made) and leaves nothing behind', () => {
    const root = tree({ 'locked/Dockerfile': NEEDS_CHANGE });
    fs.chmodSync(path.join(root, 'locked'), 0o555);
    const r = dockshift(root, ['--write', '.'], unprivileged);
    expect(r.errors).toEqual(['locked/Dockerfile: error: cannot write: permission denied']);
    expect(r.status).toBe(2);
    expect(read(root, 'locked/Dockerfile')).toBe(NEEDS_CHANGE);
    expect(read(root, 'ok/Dockerfile')).toBe(CHANGED);
    expect(temps(root)).toEqual([]);
  });

  it('reports an immutable file (chattr +i), which even root cannot replace', (ctx) => {
    const root = tree({ 'frozen/Dockerfile': NEEDS_CHANGE });
    const frozen = path.join(root, 'frozen/Dockerfile');
    if (spawnSync('chattr', ['+i', frozen], { stdio: 'ignore' }).status !== 0) return ctx.skip('chattr +i is not available here');
    try {
      const r = dockshift(root, ['--write', '.']);
      expect(r.errors).toEqual(['frozen/Dockerfile: error: cannot write: permission denied']);
      expect(r.status).toBe(2);
      expect(read(root, 'frozen/Dockerfile')).toBe(NEEDS_CHANGE);
      expect(read(root, 'ok/Dockerfile')).toBe(CHANGED);
      expect(temps(root)).toEqual([]);
    } finally {
      spawnSync('chattr', ['-i', frozen], { stdio: 'ignore' });
    }
  });
});

describe('a full disk', () => {
  it('on a real 64 KiB tmpfs: the write fails part-way, the original stays whole, no temp file remains', (ctx) => {
    const root = tree();
    const disk = path.join(root, 'disk');
    fs.mkdirSync(disk);
    if (spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=64k,mode=0777', 'tmpfs', disk], { stdio: 'ignore' }).status !== 0) {
      return ctx.skip('cannot mount a tmpfs here (needs root with CAP_SYS_ADMIN); the unit test below covers ENOSPC');
    }
    try {
      // Bigger than one page, so the temp file's write starts, then runs out of space.
      const original = `FROM alpine:3.20\n${'# padding\n'.repeat(1_200)}CMD node server.js\n`;
      fs.writeFileSync(path.join(disk, 'Dockerfile'), original);
      const { bavail, bsize } = fs.statfsSync(disk);
      fs.writeFileSync(path.join(disk, 'filler'), Buffer.alloc(Math.max(0, bavail * bsize - 4096)));
      const r = dockshift(root, ['--write', '.']);
      expect(r.errors).toEqual(['disk/Dockerfile: error: cannot write: no space left on device']);
      expect(r.status).toBe(2);
      expect(read(root, 'disk/Dockerfile')).toBe(original);
      expect(read(root, 'ok/Dockerfile')).toBe(CHANGED);
      expect(temps(root)).toEqual([]);
    } finally {
      spawnSync('umount', [disk], { stdio: 'ignore' });
    }
  });

  it('writeAtomic: a failing write (ENOSPC) or rename (EIO) leaves the original and no temp file', () => {
    const root = tree({ 'Dockerfile': NEEDS_CHANGE });
    const file = path.join(root, 'Dockerfile');
    faults.write = 'ENOSPC';
    expect(() => writeAtomic(file, CHANGED, 0o644)).toThrow('cannot write: no space left on device');
    faults.write = null;
    faults.rename = 'EIO';
    expect(() => writeAtomic(file, CHANGED, 0o644)).toThrow('cannot write: EIO: simulated failure');
    faults.rename = null;
    expect(read(root, 'Dockerfile')).toBe(NEEDS_CHANGE);
    expect(temps(root)).toEqual([]);
    writeAtomic(file, CHANGED, 0o644);
    expect(read(root, 'Dockerfile')).toBe(CHANGED);
  });

  it('a Dockerfile whose write fails after its context files were written keeps its changes and names those files', () => {
    const NODE = 'FROM node:20\nWORKDIR /app\nCOPY . .\nUSER node\nCMD node server.js\n';
    const root = tree({ 'app/Dockerfile': NODE, 'app/.git/HEAD': 'ref: refs/heads/main\n' });
    const proposed = processFile({ path: path.join(root, 'app/Dockerfile'), display: 'app/Dockerfile' }, configure({ names: ['exec-form', 'dockerignore'], options: {} }), 'write');
    // The .dockerignore is linked into place; the Dockerfile's rename is what fails.
    faults.rename = 'EIO';
    const r = new NewFileLedger('write').settle(proposed);
    faults.rename = null;
    expect(r).toMatchObject({ status: 'error', written: false, diff: '', error: { kind: 'write', line: null, message: 'cannot write: EIO: simulated failure; app/.dockerignore was written before it' } });
    expect(r.changes.map((c) => c.transform)).toEqual(['exec-form']);
    expect(r.newFiles.map((f) => [f.path, f.status])).toEqual([['app/.dockerignore', 'created']]);
    expect(read(root, 'app/Dockerfile')).toBe(NODE);
    expect(read(root, 'app/.dockerignore')).toContain('.git');
    // Counted as an error, its changes save nothing.
    const tally = emptyTally();
    count(tally, 'error', [{ ...r.changes[0]!, size: { savedMb: 5, measure: 'compressed', note: 'n' } }]);
    expect([tally.errors, tally.sized]).toEqual([1, 0]);
    expect(temps(root)).toEqual([]);
  });

  it('processFile turns a failing write into a per-file error, not an exception', () => {
    const root = tree();
    faults.write = 'ENOSPC';
    const r = processFile({ path: path.join(root, 'ok/Dockerfile'), display: 'ok/Dockerfile' }, configure({ names: ['exec-form'], options: {} }), 'write');
    expect(r).toMatchObject({ status: 'error', written: false, error: { line: null, message: 'cannot write: no space left on device' } });
    faults.write = null;
    expect(read(root, 'ok/Dockerfile')).toBe(NEEDS_CHANGE);
    expect(temps(root)).toEqual([]);
  });
});

/** A Node app in app/ with two Dockerfiles that copy it whole, node_modules beside them: deps-first and dockerignore both act. */
const NODE_APP = 'FROM node:20-alpine\nWORKDIR /app\nCOPY . .\nRUN npm ci\nCMD ["node", "server.js"]\n';
function nodeApp(): Record<string, string> {
  return { 'app/Dockerfile': NODE_APP, 'app/Dockerfile.dev': NODE_APP, 'app/package.json': '{"name":"x","version":"1.0.0"}\n', 'app/package-lock.json': '{}\n', 'app/server.js': '1\n', 'app/node_modules/left-pad/index.js': 'module.exports=1\n' };
}

/** The file records of a `--json` run's output. */
function fileRecords(stdout: string): any[] {
  return stdout.split('\n').filter(Boolean).map((l) => JSON.parse(l)).filter((x) => x.type === 'file');
}
