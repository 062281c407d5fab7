import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gitDiff, newFileDiff } from '../src/engine/diff.js';

const header = (p: string) => `diff --git a/${p} b/${p}\n--- a/${p}\n+++ b/${p}\n`;

interface Case {
  readonly name: string;
  readonly before: string;
  readonly after: string;
  readonly patch: string;
}

const cases: Case[] = [
  {
    name: 'a one-line change',
    before: 'FROM node:20\nWORKDIR /app\nCMD node server.js\n',
    after: 'FROM node:20\nWORKDIR /app\nCMD ["node", "server.js"]\n',
    patch: `${header('app/Dockerfile')}@@ -1,3 +1,3 @@\n FROM node:20\n WORKDIR /app\n-CMD node server.js\n+CMD ["node", "server.js"]\n`,
  },
  {
    name: 'three lines of context around a change in the middle',
    before: 'FROM a\nRUN 1\nRUN 2\nRUN 3\nRUN 4\nCMD x y\nRUN 6\nRUN 7\nRUN 8\nRUN 9\n',
    after: 'FROM a\nRUN 1\nRUN 2\nRUN 3\nRUN 4\nCMD ["x", "y"]\nRUN 6\nRUN 7\nRUN 8\nRUN 9\n',
    patch: `${header('app/Dockerfile')}@@ -3,7 +3,7 @@\n RUN 2\n RUN 3\n RUN 4\n-CMD x y\n+CMD ["x", "y"]\n RUN 6\n RUN 7\n RUN 8\n`,
  },
  {
    name: 'a line inserted and one removed',
    before: 'FROM a\nUSER root\nCMD ["x"]\n',
    after: 'FROM a\nLABEL v=1\nCMD ["x"]\n',
    patch: `${header('app/Dockerfile')}@@ -1,3 +1,3 @@\n FROM a\n-USER root\n+LABEL v=1\n CMD ["x"]\n`,
  },
  {
    name: 'CRLF line endings',
    before: 'FROM node:20\r\nWORKDIR /app\r\nCMD node server.js\r\n',
    after: 'FROM node:20\r\nWORKDIR /app\r\nCMD ["node", "server.js"]\r\n',
    patch: `${header('app/Dockerfile')}@@ -1,3 +1,3 @@\n FROM node:20\r\n WORKDIR /app\r\n-CMD node server.js\r\n+CMD ["node", "server.js"]\r\n`,
  },
  {
    name: 'no final newline',
    before: 'FROM node:20\nCMD node server.js',
    after: 'FROM node:20\nCMD ["node", "server.js"]',
    patch:
      `${header('app/Dockerfile')}@@ -1,2 +1,2 @@\n FROM node:20\n-CMD node server.js\n\\ No newline at end of file\n` +
      `+CMD ["node", "server.js"]\n\\ No newline at end of file\n`,
  },
  {
    name: 'a final newline added',
    before: 'FROM node:20\nCMD node server.js',
    after: 'FROM node:20\nCMD ["node", "server.js"]\n',
    patch: `${header('app/Dockerfile')}@@ -1,2 +1,2 @@\n FROM node:20\n-CMD node server.js\n\\ No newline at end of file\n+CMD ["node", "server.js"]\n`,
  },
  {
    name: 'a BOM',
    before: '\ufeffFROM node:20\nCMD node server.js\n',
    after: '\ufeffFROM node:20\nCMD ["node", "server.js"]\n',
    patch: `${header('app/Dockerfile')}@@ -1,2 +1,2 @@\n \ufeffFROM node:20\n-CMD node server.js\n+CMD ["node", "server.js"]\n`,
  },
  {
    name: 'a change on the line holding the BOM',
    before: '\ufeffFROM node:20\nCMD ["node"]\n',
    after: '\ufeffFROM node:22\nCMD ["node"]\n',
    patch: `${header('app/Dockerfile')}@@ -1,2 +1,2 @@\n-\ufeffFROM node:20\n+\ufeffFROM node:22\n CMD ["node"]\n`,
  },
];

describe('gitDiff', () => {
  it.each(cases.map((c) => [c.name, c] as const))('%s', (_, c) => {
    expect(gitDiff('app/Dockerfile', c.before, c.after)).toBe(c.patch);
  });

  it('is empty when nothing changed', () => {
    expect(gitDiff('Dockerfile', 'FROM a\n', 'FROM a\n')).toBe('');
  });

  it('writes an emptied side as git does', () => {
    expect(gitDiff('f', 'A\n', '')).toBe(`${header('f')}@@ -1 +0,0 @@\n-A\n`);
    expect(gitDiff('f', '', 'A\n')).toBe(`${header('f')}@@ -0,0 +1 @@\n+A\n`);
  });
});

describe('newFileDiff', () => {
  it('creates a file', () => {
    expect(newFileDiff('app/.dockerignore', 'node_modules\n.git\n')).toBe(
      'diff --git a/app/.dockerignore b/app/.dockerignore\nnew file mode 100644\n--- /dev/null\n+++ b/app/.dockerignore\n@@ -0,0 +1,2 @@\n+node_modules\n+.git\n',
    );
  });

  it('marks a missing final newline', () => {
    expect(newFileDiff('x', '.git')).toBe('diff --git a/x b/x\nnew file mode 100644\n--- /dev/null\n+++ b/x\n@@ -0,0 +1 @@\n+.git\n\\ No newline at end of file\n');
  });
});

describe('patches apply with git', () => {
  let repo = '';
  const git = (...args: string[]) => {
    const r = spawnSync('git', args, { cwd: repo, encoding: 'utf8' });
    if (r.error) throw r.error;
    return { status: r.status, out: r.stdout + r.stderr };
  };

  beforeAll(() => {
    repo = fs.mkdtempSync(path.join(os.tmpdir(), 'dockshift-diff-'));
    const init = git('init', '-q', '.');
    expect(init).toMatchObject({ status: 0 });
    expect(git('config', 'core.autocrlf', 'false')).toMatchObject({ status: 0 });
  });
  afterAll(() => {
    if (repo !== '') fs.rmSync(repo, { recursive: true, force: true });
  });

  function apply(patch: string): void {
    const patchFile = path.join(repo, '..', `${path.basename(repo)}.patch`);
    fs.writeFileSync(patchFile, patch);
    try {
      const check = git('apply', '--check', patchFile);
      expect(check.out).toBe('');
      expect(check.status).toBe(0);
      expect(git('apply', patchFile)).toMatchObject({ status: 0 });
    } finally {
      fs.rmSync(patchFile, { force: true });
    }
  }

  it.each(cases.map((c) => [c.name, c] as const))('%s', (_, c) => {
    const file = path.join(repo, 'app', 'Dockerfile');
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, c.before);
    apply(gitDiff('app/Dockerfile', c.before, c.after));
    expect(fs.readFileSync(file, 'utf8')).toBe(c.after);
  });

  it.each([
    ['with a final newline', 'node_modules\n.git\n'],
    ['without a final newline', 'node_modules\n.git'],
    ['with CRLF', 'node_modules\r\n.git\r\n'],
  ])('a new file %s', (name, content) => {
    const rel = `new/${name.replace(/\W+/g, '-')}/.dockerignore`;
    apply(newFileDiff(rel, content));
    expect(fs.readFileSync(path.join(repo, rel), 'utf8')).toBe(content);
  });
});
