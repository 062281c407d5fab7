/**
 * Exit codes a bot can rely on: a folder with no Dockerfile, --on-error=warn,
 * --ignore-unknown, and what each counts as. Runs the real binary.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, BIN, contents, dockshift, jsonRecords, messages, removeTempFolders, summary, tempFolder } from './helpers/cli.js';

beforeAll(assertBuilt);
afterEach(removeTempFolders);

const NODE = 'FROM node:20-alpine\nCMD node server.js\n';
const NODE_FIXED = 'FROM node:20-alpine\nCMD ["node", "server.js"]\n';
const CLEAN = 'FROM alpine:3.20\nCMD ["app"]\n';
const NO_FROM = 'CMD x\n';
const BAD_IMAGE = 'FROM PHP:8.3-apache\nCMD x\n';
const LATIN1 = Buffer.from('FROM a\nCMD caf\xe9\n', 'latin1');

describe('a folder with no Dockerfile', () => {
  it('exits 2 with a message, as prettier does for a pattern that matches nothing', () => {
    const root = tempFolder({ 'docs/README.md': '# hi\n', 'svc/Dockerfile': NODE });
    const run = dockshift(['-t', 'exec-form', 'docs', 'svc'], { cwd: root });
    expect(run.status).toBe(2);
    expect(messages(run)).toEqual(['docs: error: no Dockerfile found']);
    expect(run.stdout).toContain('diff --git a/svc/Dockerfile b/svc/Dockerfile\n');
    expect(summary(run)).toEqual({ files: 2, changed: 1, unchanged: 0, errors: 1 });
  });

  it('the default folder too, and says when ignore rules left files out', () => {
    const empty = dockshift([], { cwd: tempFolder({ 'main.go': 'package main\n' }) });
    expect([empty.status, empty.stdout, messages(empty)]).toEqual([2, '', ['.: error: no Dockerfile found']]);
    const ignored = dockshift([], { cwd: tempFolder({ '.dockshiftignore': 'legacy/\n', 'legacy/Dockerfile': NODE }) });
    expect(messages(ignored)).toEqual(['.: error: no Dockerfile found (1 ignored by .gitignore, .dockshiftignore, info/exclude, --ignore-pattern or a configuration file)']);
    expect(ignored.status).toBe(2);
  });

  it('is an error even with --on-error=warn: the run did not find what it was pointed at', () => {
    const run = dockshift(['--on-error=warn', 'empty'], { cwd: tempFolder({ 'empty/.keep': '' }) });
    expect(run.status).toBe(2);
  });
});

describe('--on-error', () => {
  const tree = () =>
    tempFolder({ 'ok/Dockerfile': NODE, 'clean/Dockerfile': CLEAN, 'bad/Dockerfile': BAD_IMAGE, 'latin1/Dockerfile': LATIN1, 'bin/Dockerfile': Buffer.from([0x46, 0x00]) });

  it('fail (the default): a file that cannot be processed exits 2', () => {
    const run = dockshift(['-t', 'exec-form'], { cwd: tree() });
    expect(run.status).toBe(2);
    expect(messages(run)).toEqual([
      'bad/Dockerfile:1: error: invalid image reference "PHP:8.3-apache"',
      'bin/Dockerfile: error: file is binary (contains NUL bytes); skipped',
      'latin1/Dockerfile: error: file is not valid UTF-8; left unchanged',
    ]);
  });

  it('warn: the same files are reported as warnings and the run exits 0; --check still exits 1 on a change', () => {
    const root = tree();
    const run = dockshift(['-t', 'exec-form', '--on-error=warn'], { cwd: root });
    expect(run.status).toBe(0);
    expect(messages(run)).toEqual([
      'bad/Dockerfile:1: warning: invalid image reference "PHP:8.3-apache"',
      'bin/Dockerfile: warning: file is binary (contains NUL bytes); skipped',
      'latin1/Dockerfile: warning: file is not valid UTF-8; left unchanged',
    ]);
    expect(summary(run)).toEqual({ files: 5, changed: 1, unchanged: 1, errors: 0, warnings: 3 });
    expect(run.stdout).toContain('diff --git a/ok/Dockerfile b/ok/Dockerfile\n');

    expect(dockshift(['-t', 'exec-form', '--on-error', 'warn', '--check'], { cwd: root }).status).toBe(1);
    fs.rmSync(path.join(root, 'ok'), { recursive: true });
    expect(dockshift(['-t', 'exec-form', '--on-error', 'warn', '--check'], { cwd: root }).status).toBe(0);
  });

  it('warn: --json marks those records as warnings, with the kind of failure', () => {
    const run = dockshift(['-t', 'exec-form', '--on-error=warn', '--json'], { cwd: tree() });
    const records = jsonRecords(run);
    expect(records.filter((r) => r.type === 'file').map((r) => [r.path, r.status, (r.error as { kind: string } | null)?.kind ?? null])).toEqual([
      ['bad/Dockerfile', 'warning', 'invalid'],
      ['bin/Dockerfile', 'warning', 'not-text'],
      ['clean/Dockerfile', 'unchanged', null],
      ['latin1/Dockerfile', 'warning', 'not-text'],
      ['ok/Dockerfile', 'changed', null],
    ]);
    expect(records.at(-1)).toMatchObject({ type: 'summary', errors: 0, warnings: 3, exitCode: 0 });
  });

  it('warn: a path that does not exist, a failed --patch-file and a failed write are still errors', () => {
    const root = tree();
    expect(dockshift(['--on-error=warn', 'missing', 'ok'], { cwd: root }).status).toBe(2);
    const patch = dockshift(['--on-error=warn', '--patch-file', 'no/such/folder/p.diff', 'ok'], { cwd: root });
    expect(patch.status).toBe(2);
    expect(messages(patch)).toEqual([expect.stringMatching(/^no\/such\/folder\/p\.diff: error: /)]);

    // The kernel refuses the write: run as an unprivileged user when we are root.
    fs.chmodSync(root, 0o777);
    fs.chmodSync(path.join(root, 'ok'), 0o555);
    const as = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
    const r = spawnSync(process.execPath, [BIN, '--write', '--on-error=warn', '-t', 'exec-form', 'ok', 'bad'], { cwd: root, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, ...as });
    expect(r.stderr).toContain('ok/Dockerfile: error: cannot write: permission denied\n');
    expect(r.stderr).toContain('bad/Dockerfile:1: warning: invalid image reference');
    expect(r.status).toBe(2);
    fs.chmodSync(path.join(root, 'ok'), 0o755);
  });

  it('warn: a wrong configuration, dockshift\'s or hadolint\'s, stays an error naming its file and line', () => {
    const root = tempFolder({ 'a/Dockerfile': NODE, 'a/.hadolint.yaml': 'ignored: DL3059\n', 'b/Dockerfile': NODE, 'b/.dockshift.yaml': 'bogus: 1\n', 'c/Dockerfile': NODE });
    const run = dockshift(['-t', 'exec-form', '--on-error=warn', '--json'], { cwd: root });
    expect(run.status).toBe(2);
    expect(messages(run)).toEqual([
      'b/Dockerfile: error: not processed: b/.dockshift.yaml:1: bogus: unknown key (known: tier, context, includeGenerated, ignore, transforms, overrides)',
      'a/Dockerfile: error: hadolint configuration a/.hadolint.yaml:1: `ignored:` must be a list of rule codes',
    ]);
    const errors = jsonRecords(run).filter((r) => r.error !== null && r.error !== undefined).map((r) => [r.path, r.status, r.error]);
    expect(errors).toEqual([
      ['b/Dockerfile', 'error', { kind: 'config', line: null, message: 'not processed: b/.dockshift.yaml:1: bogus: unknown key (known: tier, context, includeGenerated, ignore, transforms, overrides)' }],
      ['a/Dockerfile', 'error', { kind: 'config', line: null, message: 'hadolint configuration a/.hadolint.yaml:1: `ignored:` must be a list of rule codes' }],
    ]);
  });

  it('only takes fail or warn', () => {
    const run = dockshift(['--on-error=ignore'], { cwd: tempFolder({ 'Dockerfile': NODE }) });
    expect([run.status, run.stdout, run.stderr]).toEqual([2, '', 'dockshift: --on-error expects fail or warn, got "ignore"\n']);
  });
});

describe('--ignore-unknown', () => {
  const files = {
    'Dockerfile': NODE,
    // Prose whose first word is an instruction's: it does not start with FROM or ARG.
    'README.md': '# Service\n\nRun it with docker.\n',
    'NOTES.md': 'Notes\n=====\n',
    'main.go': 'package main\n\nfunc main() {}\n',
    'logo.png': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01]),
    'notes.txt': LATIN1,
    'empty.txt': '',
    'build/image.txt': NODE,
    'broken.txt': 'FROM PHP:8.3-apache\nCMD x\n',
    'Dockerfile.broken': NO_FROM,
  };
  const named = Object.keys(files);

  it('skips, silently, files named explicitly whose name is not a Dockerfile\'s and that are not Dockerfiles', () => {
    const root = tempFolder(files);
    const run = dockshift(['-u', '-t', 'exec-form', ...named], { cwd: root });
    // A file that starts like a Dockerfile, or has a Dockerfile's name, is still an error.
    expect(messages(run)).toEqual([
      'Dockerfile.broken:1: error: CMD before the first FROM (only ARG may come first)',
      'broken.txt:1: error: invalid image reference "PHP:8.3-apache"',
    ]);
    expect(run.status).toBe(2);
    expect(summary(run)).toEqual({ files: 10, changed: 2, unchanged: 0, errors: 2, skipped: 6 });
    expect(run.stdout).toContain('diff --git a/build/image.txt b/build/image.txt\n');

    const without = dockshift(['-t', 'exec-form', ...named], { cwd: root });
    expect(messages(without)).toHaveLength(8);
    expect(messages(without)).toContain('README.md:3: error: RUN before the first FROM (only ARG may come first)');
  });

  it('exits 0 when only unknown files were skipped, and lists them in --json and --explain', () => {
    const root = tempFolder(files);
    const args = ['--ignore-unknown', '-t', 'exec-form', 'Dockerfile', 'README.md', 'logo.png', 'empty.txt'];
    const run = dockshift(args, { cwd: root });
    expect([run.status, messages(run)]).toEqual([0, []]);
    const json = jsonRecords(dockshift([...args, '--json'], { cwd: root }));
    expect(json.map((r) => [r.path, r.status, (r.error as { kind: string } | null)?.kind ?? null])).toEqual([
      ['Dockerfile', 'changed', null],
      ['README.md', 'skipped', 'not-dockerfile'],
      ['empty.txt', 'skipped', 'not-dockerfile'],
      ['logo.png', 'skipped', 'not-text'],
      [undefined, undefined, null],
    ]);
    const explain = dockshift([...args, '--explain'], { cwd: root });
    expect(messages(explain)).toContain('logo.png: skipped: file is binary (contains NUL bytes); skipped');
  });

  it('does not skip files found in folders, which have Dockerfile names', () => {
    const root = tempFolder({ 'a/Dockerfile': NO_FROM, 'a/README.md': '# x\n' });
    const run = dockshift(['-u', 'a'], { cwd: root });
    expect(run.status).toBe(2);
    expect(messages(run)).toEqual(['a/Dockerfile:1: error: CMD before the first FROM (only ARG may come first)']);
  });

  it('neither finds nor keeps sources named after Dockerfiles: a program\'s files are not Dockerfiles', () => {
    const sources = { 'pkg/dockerfile_test.go': 'package build\n', 'pkg/DockerfileParser.java': 'public class DockerfileParser {}\n', 'pkg/dockerfile-parser.js': 'export {};\n' };
    const root = tempFolder({ 'Dockerfile': NODE, 'Dockerfile-dev': NODE, 'api.Dockerfile': NODE, ...sources });
    const found = dockshift(['--json', '-t', 'exec-form', '.'], { cwd: root });
    expect(found.status).toBe(0);
    expect(jsonRecords(found).map((r) => r.path)).toEqual(['Dockerfile', 'Dockerfile-dev', 'api.Dockerfile', undefined]);
    const named = dockshift(['-u', '--check', ...Object.keys(sources)], { cwd: root });
    expect([named.status, messages(named)]).toEqual([0, []]);
    expect(summary(named)).toEqual({ files: 3, changed: 0, unchanged: 0, errors: 0, skipped: 3 });
  });

  it('finds Dockerfiles with any variant suffix, and skips sources, scripts and documents named after them', () => {
    const dockerfiles = ['Dockerfile-alpine.onbuild', 'Dockerfile-12.alpine', 'Dockerfile_arm.v7', 'Dockerfile-debian.template', 'Dockerfile-dev.tmpl', 'Dockerfile2', 'DockerfileDev', 'Dockerfile.go', 'Dockerfile.txt'];
    const others = { 'pkg/dockerfile.go': 'package build\n', 'pkg/dockerfile.ts': 'export {};\n', 'pkg/dockerfile.py': 'import os\n', 'pkg/dockerfile.test.ts.snap': '// snapshot\n', 'scripts/dockerfile.sh': 'docker build .\n', '.github/workflows/dockerfile.yml': 'on: push\n' };
    const root = tempFolder({ ...Object.fromEntries(dockerfiles.map((name) => [`img/${name}`, NODE])), ...others });
    const run = dockshift(['--json', '-t', 'exec-form', '.'], { cwd: root });
    expect([run.status, messages(run)]).toEqual([0, []]);
    expect(jsonRecords(run).filter((r) => r.path !== undefined).map((r) => r.path)).toEqual(dockerfiles.map((name) => `img/${name}`).sort());
  });

  it('--write leaves skipped files byte for byte', () => {
    const root = tempFolder(files);
    dockshift(['-u', '-w', '-t', 'exec-form', ...named], { cwd: root });
    const after = contents(root);
    expect(after['Dockerfile']).toBe(NODE_FIXED);
    expect(after['README.md']).toBe(files['README.md']);
    expect(fs.readFileSync(path.join(root, 'logo.png')).equals(files['logo.png'])).toBe(true);
  });
});
