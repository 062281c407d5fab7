/**
 * The patch dockshift prints, applied by real git in temporary repositories: paths
 * relative to the repository's top (or --relative-to), one diff per real file,
 * and `index` lines so `git apply -3` can merge into files that moved on.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, contents, copyFolder, dockshift, git, removeTempFolders, summary, tempFolder } from './helpers/cli.js';

beforeAll(assertBuilt);
afterEach(removeTempFolders);

const NODE = 'FROM node:20-alpine\nWORKDIR /app\nCOPY . .\nCMD node server.js\n';
const NODE_FIXED = 'FROM node:20-alpine\nWORKDIR /app\nCOPY . .\nCMD ["node", "server.js"]\n';

/** A committed repository holding `files`. */
function repo(files: Record<string, string>): string {
  const root = tempFolder(files);
  git(root, ['init', '-q']);
  git(root, ['add', '-A']);
  git(root, ['commit', '-q', '-m', 'before']);
  return root;
}

/** Writes `patch` outside any repository and returns its path. */
function patchFile(patch: string): string {
  return path.join(tempFolder({ 'changes.patch': patch }), 'changes.patch');
}

/** `diff --git` header paths of a patch. */
function headers(patch: string): string[] {
  return patch.split('\n').filter((l) => l.startsWith('diff --git '));
}

describe('patch paths', () => {
  it('run from a subfolder, names files from the repository top, so git apply there changes them', () => {
    const root = repo({ 'Dockerfile': NODE, 'svc/api/Dockerfile': NODE, 'svc/web/Dockerfile': NODE });
    const svc = path.join(root, 'svc');
    const run = dockshift(['-t', 'exec-form', '.'], { cwd: svc });
    expect(run.status).toBe(0);
    expect(headers(run.stdout)).toEqual(['diff --git a/svc/api/Dockerfile b/svc/api/Dockerfile', 'diff --git a/svc/web/Dockerfile b/svc/web/Dockerfile']);
    // Messages still name files from where the run was.
    const explain = dockshift(['-t', 'exec-form', '--explain', '.'], { cwd: svc });
    expect(explain.stderr).toContain('api/Dockerfile:4: exec-form: CMD to exec form\n');

    const file = patchFile(run.stdout);
    git(svc, ['apply', '--check', file]);
    git(svc, ['apply', file]);
    expect(contents(root)).toEqual({ 'Dockerfile': NODE, 'svc/api/Dockerfile': NODE_FIXED, 'svc/web/Dockerfile': NODE_FIXED });
  });

  it('is the same patch from the top, from a subfolder and from a folder of its own', () => {
    const root = repo({ 'svc/api/Dockerfile': NODE, 'svc/api/deep/Dockerfile': NODE });
    const fromTop = dockshift(['-t', 'exec-form', 'svc/api'], { cwd: root }).stdout;
    expect(dockshift(['-t', 'exec-form', '.'], { cwd: path.join(root, 'svc/api') }).stdout).toBe(fromTop);
    expect(dockshift(['-t', 'exec-form', 'api'], { cwd: path.join(root, 'svc') }).stdout).toBe(fromTop);
    expect(dockshift(['-t', 'exec-form', '..'], { cwd: path.join(root, 'svc/api/deep') }).stdout).toBe(fromTop);
    git(root, ['apply', '--check', patchFile(fromTop)]);
  });

  it('names a file outside the repository by its absolute path, which applies from /', () => {
    const root = repo({ 'Dockerfile': NODE });
    const elsewhere = tempFolder({ 'other/Dockerfile': NODE });
    const run = dockshift(['-t', 'exec-form', path.relative(root, path.join(elsewhere, 'other'))], { cwd: root });
    expect(run.status).toBe(0);
    const abs = path.join(elsewhere, 'other/Dockerfile').slice(1);
    expect(headers(run.stdout)).toEqual([`diff --git a/${abs} b/${abs}`]);
    expect(run.stdout).not.toContain('/../');
    git('/', ['apply', '--check', patchFile(run.stdout)]);
    git('/', ['apply', patchFile(run.stdout)]);
    expect(contents(elsewhere)).toEqual({ 'other/Dockerfile': NODE_FIXED });
  });

  it('outside any repository, names files from the working folder', () => {
    const root = tempFolder({ 'a/Dockerfile': NODE });
    const run = dockshift(['-t', 'exec-form', '.'], { cwd: path.join(root, 'a') });
    expect(headers(run.stdout)).toEqual(['diff --git a/Dockerfile b/Dockerfile']);
  });

  it('--relative-to names files from that folder', () => {
    const root = repo({ 'svc/api/Dockerfile': NODE, 'svc/web/Dockerfile.prod': NODE });
    const run = dockshift(['-t', 'exec-form', '--relative-to', 'svc', 'svc'], { cwd: root });
    expect(run.status).toBe(0);
    expect(headers(run.stdout)).toEqual(['diff --git a/api/Dockerfile b/api/Dockerfile', 'diff --git a/web/Dockerfile.prod b/web/Dockerfile.prod']);
    git(root, ['apply', '--directory=svc', patchFile(run.stdout)]);
    expect(contents(root)).toEqual({ 'svc/api/Dockerfile': NODE_FIXED, 'svc/web/Dockerfile.prod': NODE_FIXED });
  });

  it('--relative-to must be a folder', () => {
    const root = tempFolder({ 'Dockerfile': NODE });
    for (const given of ['missing', 'Dockerfile']) {
      const run = dockshift(['--relative-to', given], { cwd: root });
      expect(run.status).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr).toBe(`dockshift: --relative-to expects a folder; ${given} is not one\n`);
    }
  });
});

describe('one diff per real file', () => {
  it('a symlinked Dockerfile and its target are one file, named where git keeps its text', () => {
    const root = tempFolder({ 'docker/base.Dockerfile': NODE, 'svc/x': '' });
    fs.symlinkSync('docker/base.Dockerfile', path.join(root, 'Dockerfile'));
    fs.symlinkSync('../docker/base.Dockerfile', path.join(root, 'svc/Dockerfile'));
    git(root, ['init', '-q']);
    git(root, ['add', '-A']);
    git(root, ['commit', '-q', '-m', 'before']);
    const written = copyFolder(root);

    const run = dockshift(['-t', 'exec-form', '.', 'Dockerfile'], { cwd: root });
    expect(run.status).toBe(0);
    expect(headers(run.stdout)).toEqual(['diff --git a/docker/base.Dockerfile b/docker/base.Dockerfile']);
    expect(summary(run)).toEqual({ files: 1, changed: 1, unchanged: 0, errors: 0 });
    git(root, ['apply', '--check', patchFile(run.stdout)]);
    git(root, ['apply', patchFile(run.stdout)]);

    const write = dockshift(['-w', '-t', 'exec-form', '.'], { cwd: written });
    expect(write.stdout).toBe(run.stdout);
    expect(fs.readFileSync(path.join(written, 'docker/base.Dockerfile'), 'utf8')).toBe(NODE_FIXED);
    expect(fs.readFileSync(path.join(root, 'docker/base.Dockerfile'), 'utf8')).toBe(NODE_FIXED);
    expect(fs.readlinkSync(path.join(root, 'Dockerfile'))).toBe('docker/base.Dockerfile');
  });
});

describe('git apply -3', () => {
  it('merges the printed patch into files that were changed and committed since', () => {
    const root = repo({
      'svc/Dockerfile': 'FROM node:20\nWORKDIR /app\nCOPY . .\nRUN npm ci\nEXPOSE 3000\nCMD node server.js\n',
      'crlf/Dockerfile': 'FROM node:20\r\nRUN npm ci\r\nEXPOSE 80\r\nCMD node a.js\r\n',
    });
    const run = dockshift(['-t', 'exec-form', '--patch-file', '../changes.patch', '.'], { cwd: root });
    expect(run.status).toBe(0);
    const patch = path.join(root, '../changes.patch');
    expect(fs.readFileSync(patch, 'utf8')).toMatch(/^index [0-9a-f]{40}\.\.[0-9a-f]{40} 100644$/m);

    // The branch moves on: context lines of both hunks change.
    fs.writeFileSync(path.join(root, 'svc/Dockerfile'), 'FROM node:20\nWORKDIR /app\nCOPY . .\nRUN npm ci --omit=dev\nEXPOSE 3000\nCMD node server.js\n');
    fs.writeFileSync(path.join(root, 'crlf/Dockerfile'), 'FROM node:22\r\nRUN npm ci\r\nEXPOSE 80\r\nCMD node a.js\r\n');
    git(root, ['commit', '-q', '-a', '-m', 'moved on']);
    expect(() => git(root, ['apply', '--check', patch])).toThrow(/patch does not apply/);
    git(root, ['apply', '-3', patch]);
    expect(contents(root)).toEqual({
      'svc/Dockerfile': 'FROM node:20\nWORKDIR /app\nCOPY . .\nRUN npm ci --omit=dev\nEXPOSE 3000\nCMD ["node", "server.js"]\n',
      'crlf/Dockerfile': 'FROM node:22\r\nRUN npm ci\r\nEXPOSE 80\r\nCMD ["node", "a.js"]\r\n',
    });
  });
});
