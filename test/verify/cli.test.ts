import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Io } from '../../src/cli.js';
import { runPipeline } from '../../src/engine/pipeline.js';
import { configure, selectTransforms } from '../../src/engine/select.js';
import { verifyMain } from '../../src/verify/cli.js';
import { assertBuilt, dockshift, removeTempFolders, tempFolder } from '../helpers/cli.js';
import { fakeBuilder } from './fakeBuilder.js';
import { aptRecipe, W3M_APP, GCC_APP, SERVER_APP } from './recipe.js';

afterEach(removeTempFolders);

function io(cwd: string) {
  const out: string[] = [];
  const err: string[] = [];
  const value: Io = {
    cwd,
    env: { HOME: cwd },
    stdout: (s) => out.push(typeof s === 'string' ? s : Buffer.from(s).toString('utf8')),
    stderr: (s) => err.push(s),
    stdoutIsTTY: false,
    readStdin: async () => Buffer.alloc(0),
  };
  return { io: value, stdout: () => out.join(''), stderr: () => err.join('') };
}

function rewrite(text: string, options: string[] = [], only: string[] = []): string {
  const s = selectTransforms({ options, only });
  if (!s.ok) throw new Error(s.message);
  const r = runPipeline(text, configure(s.selection));
  if (!r.ok) throw new Error(r.error.message);
  return r.output;
}

describe('dockshift verify (in process, fake builder)', () => {
  it('exits 0 when every rewrite passes and prints the report on stdout, progress on stderr', async () => {
    const root = tempFolder({ 'web/Dockerfile': SERVER_APP });
    const t = io(root);
    const code = await verifyMain([], t.io, { builder: fakeBuilder(aptRecipe) });
    expect(code).toBe(0);
    expect(t.stdout()).toMatch(/^web\/Dockerfile: passed: the rewrite builds and behaves as the original\n/);
    expect(t.stderr()).toContain('dockshift verify: building with podman\n');
    expect(t.stderr()).toContain('web/Dockerfile: building the original\n');
    expect(t.stderr()).toMatch(/\n1 file: 1 passed, 0 broken, 0 unchanged, 0 not verified; 1 measured: 15\.3 MB → 13\.3 MB uncompressed \(−2\.0 MB, −13\.1%\), .* \(\d+\.\d s\)\n$/);
    // The file itself is not touched without --fix.
    expect(fs.readFileSync(path.join(root, 'web/Dockerfile'), 'utf8')).toBe(SERVER_APP);
  });

  it('exits 1 when a rewrite broke, and prints the summary table for several files', async () => {
    const root = tempFolder({ 'c/Dockerfile': GCC_APP, 'web/Dockerfile': SERVER_APP });
    const t = io(root);
    expect(await verifyMain(['.'], t.io, { builder: fakeBuilder(aptRecipe) })).toBe(1);
    const table = t.stdout().split('\n').filter((l) => l.startsWith('file ') || /^(c|web)\/Dockerfile  /.test(l));
    expect(table[0]).toMatch(/^file\s+verdict\s+uncompressed\s+gzip -6\s+layers\s+packages lost\s+smoke\s+stop\s+culprit$/);
    expect(table[1]).toMatch(/^c\/Dockerfile\s+broken-build\s+16\.4 MB → \(no image\).*-o install-flags\.noInstallRecommends=false \(without it: 14\.3 MB, −2\.1 MB, −12\.8%\)$/);
    expect(table[2]).toMatch(/^web\/Dockerfile\s+passed\s+15\.3 MB → 13\.3 MB/);
  });

  it('--fix writes the rewrite without the culprit, and the whole rewrite where it passed', async () => {
    const root = tempFolder({ 'c/Dockerfile': GCC_APP, 'web/Dockerfile': SERVER_APP });
    fs.chmodSync(path.join(root, 'c/Dockerfile'), 0o640);
    const t = io(root);
    expect(await verifyMain(['--fix'], t.io, { builder: fakeBuilder(aptRecipe) })).toBe(1);
    expect(fs.readFileSync(path.join(root, 'c/Dockerfile'), 'utf8')).toBe(rewrite(GCC_APP, ['install-flags.noInstallRecommends=false']));
    expect(fs.statSync(path.join(root, 'c/Dockerfile')).mode & 0o777).toBe(0o640);
    expect(fs.readFileSync(path.join(root, 'web/Dockerfile'), 'utf8')).toBe(rewrite(SERVER_APP));
    expect(t.stdout()).toContain('  --fix: wrote the rewrite with -o install-flags.noInstallRecommends=false\n');
    expect(t.stdout()).toContain('  --fix: wrote the whole rewrite\n');
  });

  it('--fix leaves a file alone when no rewrite of it passed', async () => {
    const root = tempFolder({ 'Dockerfile': W3M_APP });
    const t = io(root);
    expect(await verifyMain(['--fix', '--no-culprit'], t.io, { builder: fakeBuilder(aptRecipe) })).toBe(1);
    expect(fs.readFileSync(path.join(root, 'Dockerfile'), 'utf8')).toBe(W3M_APP);
    expect(t.stdout()).toContain('  --fix: nothing written: no rewrite of this file passed\n');
    const clean = tempFolder({ 'Dockerfile': 'FROM x\nCMD ["y"]\n' });
    const u = io(clean);
    expect(await verifyMain(['--fix'], u.io, { builder: fakeBuilder(aptRecipe) })).toBe(0);
    expect(u.stdout()).toBe('Dockerfile: unchanged: dockshift changes nothing here, nothing to verify\n  --fix: nothing to write: dockshift changes nothing here\n\n');
  });

  it('--json prints one object per file and --markdown writes the table', async () => {
    const root = tempFolder({ 'a/Dockerfile': W3M_APP, 'b/Dockerfile': 'FROM x\nCMD ["y"]\n' });
    const t = io(root);
    expect(await verifyMain(['--json', '--markdown', 'report.md'], t.io, { builder: fakeBuilder(aptRecipe) })).toBe(1);
    const lines = t.stdout().trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((l) => [l.path, l.verdict])).toEqual([['a/Dockerfile', 'broken-behaviour'], ['b/Dockerfile', 'unchanged']]);
    expect(lines[0].packages).toEqual({ lost: ['ca-certificates'], gained: [] });
    const md = fs.readFileSync(path.join(root, 'report.md'), 'utf8');
    expect(md.split('\n')[2]).toMatch(/^\| a\/Dockerfile \| broken-behaviour \| 16\.3 MB → 13\.3 MB/);
  });

  it('passes the transform selection, options and build args to the builds', async () => {
    const root = tempFolder({ 'Dockerfile': GCC_APP });
    const builder = fakeBuilder(aptRecipe);
    const t = io(root);
    expect(await verifyMain(['-t', 'collapse-run,install-flags', '-o', 'install-flags.noInstallRecommends=false', '--build-arg', 'A=1', '--smoke', 'primes 3'], t.io, { builder })).toBe(0);
    const expected = rewrite(GCC_APP, ['install-flags.noInstallRecommends=false'], ['collapse-run', 'install-flags']);
    expect(expected).not.toContain('--no-install-recommends');
    expect(builder.builds).toEqual([GCC_APP, expected]);
    expect(builder.started.map((r) => r.args)).toEqual([['primes', '3'], ['primes', '3']]);
  });

  it('refuses bad usage with exit 2', async () => {
    const root = tempFolder({ 'Dockerfile': SERVER_APP });
    const cases: [string[], RegExp][] = [
      [['--smoke-http', 'eighty'], /--smoke-http: expects PORT\/PATH/],
      [['--smoke', "echo 'a"], /--smoke: unterminated single quote/],
      [['--build-arg', 'NOVALUE'], /--build-arg expects KEY=VALUE/],
      [['-t', 'nope'], /unknown transform "nope"/],
      [['--smoke-timeout', '0'], /--smoke-timeout expects a number of seconds above 0/],
      [['--builder', 'kaniko'], /Invalid values/],
      [['missing-folder'], /no Dockerfiles found/],
    ];
    for (const [args, message] of cases) {
      const t = io(root);
      expect(await verifyMain(args, t.io, { builder: fakeBuilder(aptRecipe) }), args.join(' ')).toBe(2);
      expect(t.stderr(), args.join(' ')).toMatch(message);
    }
  });

  it('says clearly when no builder is usable', async () => {
    const root = tempFolder({ 'Dockerfile': SERVER_APP });
    const t = io(root);
    const missing = async () => ({ code: null, stdout: '', stderr: '', timedOut: false, spawnError: 'spawn ENOENT', seconds: 0 });
    expect(await verifyMain([], t.io, { exec: missing })).toBe(2);
    expect(t.stderr()).toMatch(/^dockshift verify: no usable builder \(docker: not installed; podman: not installed; buildah: not installed\)\. Install one: scripts\/setup-images\.sh/);
  });
});

describe('dockshift verify (the real command)', () => {
  beforeAll(assertBuilt);

  it('is reached through the main command and says when no builder is installed', () => {
    const root = tempFolder({ 'Dockerfile': SERVER_APP, 'bin/.keep': '' });
    const run = dockshift(['verify'], { cwd: root, env: { PATH: path.join(root, 'bin') } });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^dockshift verify: no usable builder \(docker: not installed; podman: not installed; buildah: not installed\)/);
    expect(run.stdout).toBe('');
  });

  it('prints its own help', () => {
    const run = dockshift(['verify', '--help'], { cwd: tempFolder() });
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('dockshift verify [paths..]');
    expect(run.stdout).toContain('--smoke-http');
  });
});
