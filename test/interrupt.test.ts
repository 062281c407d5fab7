/**
 * `--write` killed at random moments (SIGKILL: no cleanup runs) must leave every
 * file either exactly as it was or exactly as a complete run writes it, never
 * half of one: writeAtomic writes a temp file beside the original, fsyncs it
 * and renames it over the original.
 *
 * What a kill can leave behind is that temp file, named
 * `.dockshift-tmp-<pid>-<hex>-<original name>`. Discovery ignores such names
 * (even `.dockshift-tmp-…-app.Dockerfile`, which otherwise matches `*.Dockerfile`),
 * so a later run neither rewrites nor reports them, and a normal run leaves none
 * of its own. They are safe to delete.
 *
 * The kill moments come from a seeded generator (DOCKSHIFT_INTERRUPT_SEED to
 * vary them); most are triggered by progress (after the k-th file's diff is
 * printed), so they land mid-run whatever the machine's speed.
 */
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { isDockerfileName } from '../src/engine/discover.js';
import { runPipeline } from '../src/engine/pipeline.js';
import { configure, selectTransforms } from '../src/engine/select.js';

const BIN = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../bin/dockshift.js');
const FILES = 300;
const SEED = Number(process.env.DOCKSHIFT_INTERRUPT_SEED ?? 7);

const made: string[] = [];
afterAll(() => {
  for (const dir of made) fs.rmSync(dir, { recursive: true, force: true });
});

/** mulberry32: a small seeded generator, so failures can be replayed. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const NAMES = ['Dockerfile', 'app.Dockerfile', 'Dockerfile.prod'];

/** File i: needs a change; some CRLF, some with a BOM, some without a final newline, some multi-stage. */
function content(i: number): string {
  const padding = Array.from({ length: 60 }, (_, k) => `# service ${i}, note ${k}: kept byte for byte`).join('\n');
  let text = `FROM node:20-alpine AS build\n${padding}\nWORKDIR /app\nRUN npm ci\n`;
  if (i % 5 === 0) text += 'FROM node:20-alpine\nCOPY --from=build /app /app\n';
  text += `EXPOSE ${3000 + i}\nCMD node server.js --port ${3000 + i}\n`;
  if (i % 7 === 0) text = text.replace(/\n/g, '\r\n');
  if (i % 11 === 0) text = `\ufeff${text}`;
  if (i % 13 === 0) text = text.replace(/\r?\n$/, '');
  return text;
}

interface Tree {
  readonly root: string;
  /** Relative path → [original, rewritten]. */
  readonly files: Map<string, [string, string]>;
}

function makeTree(): Tree {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'dockshift-kill-'));
  made.push(root);
  const selected = selectTransforms({});
  if (!selected.ok) throw new Error(selected.message);
  const transforms = configure(selected.selection);
  const files = new Map<string, [string, string]>();
  for (let i = 0; i < FILES; i++) {
    const rel = `svc-${String(Math.floor(i / NAMES.length)).padStart(3, '0')}/${NAMES[i % NAMES.length]}`;
    const original = content(i);
    const result = runPipeline(original, transforms);
    if (!result.ok || result.output === original) throw new Error(`generated file ${rel} does not need a change`);
    fs.mkdirSync(path.join(root, path.dirname(rel)), { recursive: true });
    fs.writeFileSync(path.join(root, rel), original);
    files.set(rel, [original, result.output]);
  }
  return { root, files };
}

function temps(root: string): string[] {
  return (fs.readdirSync(root, { recursive: true }) as string[]).filter((p) => path.basename(p).startsWith('.dockshift-tmp-')).sort();
}

/** Starts `--write`, SIGKILLs it after `afterDiffs` diffs plus `delayMs`, and resolves once it is gone. */
function writeAndKill(root: string, args: readonly string[], afterDiffs: number, delayMs: number): Promise<{ killed: boolean }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, '--write', ...args, '.'], { cwd: root, stdio: ['ignore', 'pipe', 'ignore'] });
    let diffs = 0;
    let armed = false;
    const arm = () => {
      if (armed) return;
      armed = true;
      setTimeout(() => child.kill('SIGKILL'), delayMs);
    };
    if (afterDiffs === 0) arm();
    child.stdout.on('data', (chunk: Buffer) => {
      diffs += chunk.toString('utf8').split('diff --git ').length - 1;
      if (diffs >= afterDiffs) arm();
    });
    child.on('error', reject);
    child.on('exit', (_code, signal) => resolve({ killed: signal === 'SIGKILL' }));
  });
}

describe('killing --write at random moments', () => {
  const rng = random(SEED);
  const plans = [
    { mode: 'in band', args: ['--run-in-band'], afterDiffs: 1 + Math.floor(rng() * 60), delayMs: Math.floor(rng() * 5) },
    { mode: 'in band', args: ['--run-in-band'], afterDiffs: 100 + Math.floor(rng() * 150), delayMs: 0 },
    { mode: 'worker pool', args: ['-j', '2'], afterDiffs: 0, delayMs: 300 + Math.floor(rng() * 600) },
    { mode: 'worker pool', args: ['-j', '2'], afterDiffs: 1, delayMs: Math.floor(rng() * 5) },
    { mode: 'worker pool', args: ['-j', '2'], afterDiffs: 60 + Math.floor(rng() * 150), delayMs: 0 },
  ];
  const interrupted: number[] = [];

  for (const plan of plans) {
    it(`${plan.mode}, killed after ${plan.afterDiffs} diffs + ${plan.delayMs} ms: every file is whole, old or new`, async () => {
      const { root, files } = makeTree();
      // A leftover from an earlier killed run, under a name that matches `*.Dockerfile`.
      const planted = 'svc-000/.dockshift-tmp-999-deadbeef-app.Dockerfile';
      fs.writeFileSync(path.join(root, planted), files.get('svc-000/app.Dockerfile')![0]);

      const { killed } = await writeAndKill(root, plan.args, plan.afterDiffs, plan.delayMs);
      let rewritten = 0;
      for (const [rel, [original, expected]] of files) {
        const now = fs.readFileSync(path.join(root, rel), 'utf8');
        if (now === expected) rewritten++;
        else expect(now, `${rel} is neither its original nor its rewritten form`).toBe(original);
      }
      if (killed && rewritten > 0 && rewritten < files.size) interrupted.push(rewritten);
      const leftovers = temps(root);

      // A normal run finishes the job, ignores the leftovers and leaves none of its own.
      const r = spawnSync(process.execPath, [BIN, '--write', '.'], { cwd: root, encoding: 'utf8' });
      expect(r.status).toBe(0);
      expect(r.stderr).toMatch(new RegExp(`^${files.size} files: ${files.size - rewritten} changed, ${rewritten} unchanged, 0 errors`, 'm'));
      expect(r.stdout).not.toContain('.dockshift-tmp-');
      for (const [rel, [, expected]] of files) expect(fs.readFileSync(path.join(root, rel), 'utf8'), rel).toBe(expected);
      expect(temps(root)).toEqual(leftovers);
      expect(fs.readFileSync(path.join(root, planted), 'utf8')).toBe(files.get('svc-000/app.Dockerfile')![0]);
      console.log(`${plan.mode}: killed=${killed}, ${rewritten}/${files.size} files rewritten before the kill, ${leftovers.length - 1} temp files left by it`);
    });
  }

  it('interrupted at least one run part-way (the kills above are not all before or after the work)', () => {
    expect(interrupted.length).toBeGreaterThan(0);
  });
});

describe('temp file names', () => {
  it('are never taken for Dockerfiles by discovery', () => {
    for (const name of NAMES) {
      expect(isDockerfileName(name)).toBe(true);
      expect(isDockerfileName(`.dockshift-tmp-12345-0a1b2c3d-${name}`)).toBe(false);
    }
  });
});

/**
 * SIGINT (Ctrl-C) and SIGTERM during `--write`: the run finishes the files in
 * progress and stops, so no temp file is left and every file written is on
 * stdout; stderr says so with a partial summary; the exit code is 128 + the
 * signal's number.
 */
describe('SIGINT and SIGTERM during --write', () => {
  interface Stopped {
    readonly code: number | null;
    readonly signal: NodeJS.Signals | null;
    readonly stdout: string;
    readonly stderr: string;
  }

  /** Starts `--write`, sends `signal` once `afterDiffs` diffs are out, and resolves when it exits. */
  function writeAndSignal(root: string, args: readonly string[], signal: NodeJS.Signals, afterDiffs: number): Promise<Stopped> {
    return new Promise((resolve, reject) => {
      const child = spawn(process.execPath, [BIN, '--write', ...args, '.'], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
      let stdout = '';
      let stderr = '';
      let sent = false;
      child.stdout.on('data', (chunk: Buffer) => {
        stdout += chunk.toString('utf8');
        const seen = args.includes('--json') ? stdout.split('"written":true').length - 1 : stdout.split('diff --git ').length - 1;
        if (!sent && seen >= afterDiffs) {
          sent = true;
          child.kill(signal);
        }
      });
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
      child.on('error', reject);
      child.on('close', (code, sig) => resolve({ code, signal: sig, stdout, stderr }));
    });
  }

  /** Files whose bytes on disk are their rewritten form. */
  function rewrittenOnDisk(tree: Tree): string[] {
    return [...tree.files].filter(([rel, [, expected]]) => fs.readFileSync(path.join(tree.root, rel), 'utf8') === expected).map(([rel]) => rel).sort();
  }

  // `finish`: run again afterwards and check it does exactly the rest (once is enough: it is slow).
  const plans = [
    { mode: 'in band', args: ['--run-in-band'], signal: 'SIGINT' as const, afterDiffs: 3, code: 130, finish: true },
    { mode: 'worker pool', args: ['-j', '2'], signal: 'SIGINT' as const, afterDiffs: 1, code: 130, finish: false },
    { mode: 'worker pool', args: ['-j', '2'], signal: 'SIGTERM' as const, afterDiffs: 30, code: 143, finish: false },
  ];

  for (const plan of plans) {
    it(`${plan.mode}, ${plan.signal} after ${plan.afterDiffs} diffs: stops cleanly and lists every file it wrote`, async () => {
      const tree = makeTree();
      const run = await writeAndSignal(tree.root, plan.args, plan.signal, plan.afterDiffs);
      expect(run.signal).toBeNull();
      expect(run.code).toBe(plan.code);

      const written = rewrittenOnDisk(tree);
      const listed = run.stdout.split('\n').filter((l) => l.startsWith('diff --git a/')).map((l) => l.split(' ')[2]!.slice(2)).sort();
      expect(listed).toEqual(written);
      expect(written.length).toBeGreaterThanOrEqual(plan.afterDiffs);
      expect(written.length).toBeLessThan(tree.files.size);
      for (const [rel, [original, expected]] of tree.files) {
        const now = fs.readFileSync(path.join(tree.root, rel), 'utf8');
        if (now !== expected) expect(now, rel).toBe(original);
      }
      expect(temps(tree.root)).toEqual([]);

      const notProcessed = tree.files.size - written.length;
      expect(run.stderr).toBe(
        `dockshift: stopped by ${plan.signal} after finishing the files in progress\n` +
          `${written.length} files: ${written.length} changed, 0 unchanged, 0 errors, ${notProcessed} not processed (${/\((\d+\.\d\d) s\)/.exec(run.stderr)?.[1]} s)\n`,
      );

      if (plan.finish) {
        const rest = spawnSync(process.execPath, [BIN, '--write', '.'], { cwd: tree.root, encoding: 'utf8' });
        expect(rest.status).toBe(0);
        expect(rest.stderr).toMatch(new RegExp(`^${tree.files.size} files: ${notProcessed} changed, ${written.length} unchanged, 0 errors`, 'm'));
      }
      console.log(`${plan.mode}, ${plan.signal}: ${written.length}/${tree.files.size} files written before stopping`);
    });
  }

  it('--json: a record for each file written, and a summary record that says it was interrupted', async () => {
    const tree = makeTree();
    const run = await writeAndSignal(tree.root, ['--json', '-j', '2'], 'SIGINT', 5);
    expect(run.code).toBe(130);
    const records = run.stdout.trimEnd().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    const summary = records.pop()!;
    expect(records.filter((r) => r.written === true).map((r) => r.path).sort()).toEqual(rewrittenOnDisk(tree));
    expect(summary).toMatchObject({ type: 'summary', changed: records.length, interrupted: 'SIGINT', exitCode: 130, notProcessed: tree.files.size - records.length });
    expect(temps(tree.root)).toEqual([]);
  });

  it('a signal while --stdin waits for input exits at once with 130', async () => {
    const child = spawn(process.execPath, [BIN, '--stdin'], { stdio: ['pipe', 'pipe', 'pipe'] });
    child.stdin.write('FROM a\n');
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const exited = new Promise<[number | null, NodeJS.Signals | null]>((resolve) => child.on('close', (code, sig) => resolve([code, sig])));
    child.kill('SIGINT');
    expect(await exited).toEqual([130, null]);
  });
});
