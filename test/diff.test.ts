import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { diffLines, structuredPatch } from 'diff';
import fc from 'fast-check';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { differingLines, fileModeOf, gitBlobId, gitDiff, linesOf, newFileDiff, quotePath, unmatchedLines } from '../src/engine/diff.js';

/** git's own object id for these bytes. */
function hashObject(bytes: Buffer): string {
  const r = spawnSync('git', ['hash-object', '--stdin'], { input: bytes, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(r.stderr);
  return r.stdout.trim();
}

const id = (text: string) => gitBlobId(Buffer.from(text, 'utf8'));
const header = (p: string, before: string, after: string, mode = '100644') =>
  `diff --git a/${p} b/${p}\nindex ${id(before)}..${id(after)} ${mode}\n--- a/${p}\n+++ b/${p}\n`;

interface Case {
  readonly name: string;
  readonly before: string;
  readonly after: string;
  /** The patch after its header. */
  readonly hunks: string;
}

const cases: Case[] = [
  {
    name: 'a one-line change',
    before: 'FROM node:20\nWORKDIR /app\nCMD node server.js\n',
    after: 'FROM node:20\nWORKDIR /app\nCMD ["node", "server.js"]\n',
    hunks: `@@ -1,3 +1,3 @@\n FROM node:20\n WORKDIR /app\n-CMD node server.js\n+CMD ["node", "server.js"]\n`,
  },
  {
    name: 'three lines of context around a change in the middle',
    before: 'FROM a\nRUN 1\nRUN 2\nRUN 3\nRUN 4\nCMD x y\nRUN 6\nRUN 7\nRUN 8\nRUN 9\n',
    after: 'FROM a\nRUN 1\nRUN 2\nRUN 3\nRUN 4\nCMD ["x", "y"]\nRUN 6\nRUN 7\nRUN 8\nRUN 9\n',
    hunks: `@@ -3,7 +3,7 @@\n RUN 2\n RUN 3\n RUN 4\n-CMD x y\n+CMD ["x", "y"]\n RUN 6\n RUN 7\n RUN 8\n`,
  },
  {
    name: 'a line inserted and one removed',
    before: 'FROM a\nUSER root\nCMD ["x"]\n',
    after: 'FROM a\nLABEL v=1\nCMD ["x"]\n',
    hunks: `@@ -1,3 +1,3 @@\n FROM a\n-USER root\n+LABEL v=1\n CMD ["x"]\n`,
  },
  {
    name: 'CRLF line endings',
    before: 'FROM node:20\r\nWORKDIR /app\r\nCMD node server.js\r\n',
    after: 'FROM node:20\r\nWORKDIR /app\r\nCMD ["node", "server.js"]\r\n',
    hunks: `@@ -1,3 +1,3 @@\n FROM node:20\r\n WORKDIR /app\r\n-CMD node server.js\r\n+CMD ["node", "server.js"]\r\n`,
  },
  {
    name: 'no final newline',
    before: 'FROM node:20\nCMD node server.js',
    after: 'FROM node:20\nCMD ["node", "server.js"]',
    hunks:
      `@@ -1,2 +1,2 @@\n FROM node:20\n-CMD node server.js\n\\ No newline at end of file\n` +
      `+CMD ["node", "server.js"]\n\\ No newline at end of file\n`,
  },
  {
    name: 'a final newline added',
    before: 'FROM node:20\nCMD node server.js',
    after: 'FROM node:20\nCMD ["node", "server.js"]\n',
    hunks: `@@ -1,2 +1,2 @@\n FROM node:20\n-CMD node server.js\n\\ No newline at end of file\n+CMD ["node", "server.js"]\n`,
  },
  {
    name: 'a BOM',
    before: '\ufeffFROM node:20\nCMD node server.js\n',
    after: '\ufeffFROM node:20\nCMD ["node", "server.js"]\n',
    hunks: `@@ -1,2 +1,2 @@\n \ufeffFROM node:20\n-CMD node server.js\n+CMD ["node", "server.js"]\n`,
  },
  {
    name: 'a change on the line holding the BOM',
    before: '\ufeffFROM node:20\nCMD ["node"]\n',
    after: '\ufeffFROM node:22\nCMD ["node"]\n',
    hunks: `@@ -1,2 +1,2 @@\n-\ufeffFROM node:20\n+\ufeffFROM node:22\n CMD ["node"]\n`,
  },
];

// More changed lines than jsdiff is asked to search (1,000): one hunk replaces the changed block.
const rewritten = Array.from({ length: 1200 }, (_, i) => `RUN step ${i}\n`);
const merged = rewritten.map((l) => l.replace('\n', ' && true\n'));
cases.push(
  {
    name: 'a rewrite of most of a large file',
    before: `FROM a\nWORKDIR /w\nENV A=1\nENV B=2\n${rewritten.join('')}USER app\nCMD ["x"]\n`,
    after: `FROM a\nWORKDIR /w\nENV A=1\nENV B=2\n${merged.join('')}USER app\nCMD ["x"]\n`,
    hunks:
      `@@ -2,1205 +2,1205 @@\n WORKDIR /w\n ENV A=1\n ENV B=2\n${rewritten.map((l) => `-${l}`).join('')}` +
      `${merged.map((l) => `+${l}`).join('')} USER app\n CMD ["x"]\n`,
  },
  {
    name: 'a rewrite of a large file up to its last line, which has no newline',
    before: `${rewritten.join('')}CMD x`,
    after: `${merged.join('')}CMD ["x"]`,
    hunks:
      `@@ -1,1201 +1,1201 @@\n${rewritten.map((l) => `-${l}`).join('')}-CMD x\n\\ No newline at end of file\n` +
      `${merged.map((l) => `+${l}`).join('')}+CMD ["x"]\n\\ No newline at end of file\n`,
  },
);

describe('gitDiff', () => {
  it.each(cases.map((c) => [c.name, c] as const))('%s', (_, c) => {
    expect(gitDiff('app/Dockerfile', c.before, c.after)).toBe(header('app/Dockerfile', c.before, c.after) + c.hunks);
  });

  it('is empty when nothing changed', () => {
    expect(gitDiff('Dockerfile', 'FROM a\n', 'FROM a\n')).toBe('');
  });

  it('writes an emptied side as git does', () => {
    expect(gitDiff('f', 'A\n', '')).toBe(`${header('f', 'A\n', '')}@@ -1 +0,0 @@\n-A\n`);
    expect(gitDiff('f', '', 'A\n')).toBe(`${header('f', '', 'A\n')}@@ -0,0 +1 @@\n+A\n`);
  });

  it('names the mode git records: 100755 for a file its owner may run', () => {
    expect(gitDiff('f', 'A\n', 'B\n', '100755')).toBe(`${header('f', 'A\n', 'B\n', '100755')}@@ -1 +1 @@\n-A\n+B\n`);
    expect([0o644, 0o600, 0o444, 0o755, 0o700, 0o744].map(fileModeOf)).toEqual(['100644', '100644', '100644', '100755', '100755', '100755']);
  });

  it('shows a file git stores with LF endings as git diff does: the LF text and its blobs; with no index line when that is unknown', () => {
    const [before, after] = ['FROM a\r\nCMD x\r\n', 'FROM a\r\nCMD ["x"]\r\n'];
    const lf = (t: string) => t.replaceAll('\r\n', '\n');
    expect(gitDiff('f', before, after, '100644', 'lf')).toBe(gitDiff('f', lf(before), lf(after)));
    expect(gitDiff('f', before, after, '100644', 'unknown')).toBe(gitDiff('f', before, after).replace(/^index .*\n/m, ''));
    // Only the line endings changed: git sees no change.
    expect(gitDiff('f', before, lf(before), '100644', 'lf')).toBe('');
  });

  it('quotes a path as git does when it holds a quote, a backslash or a control character', () => {
    expect(quotePath('a/two stages/Dockerfile')).toBe('a/two stages/Dockerfile');
    expect(quotePath('a/caf\u00e9/Dockerfile')).toBe('a/caf\u00e9/Dockerfile');
    expect(quotePath('a/x\ty/"q"\\Dockerfile\x01')).toBe('"a/x\\ty/\\"q\\"\\\\Dockerfile\\001"');
  });
});

/** `unmatchedLines` of the two texts' lines, counted between the lines they share at their ends. */
function unmatchedBetween(before: string, after: string): number {
  const [a, b] = differingLines(before, after);
  return unmatchedLines(linesOf(a), linesOf(b));
}

describe('unmatchedLines', () => {
  // Few distinct lines, so that most repeat; lone and doubled CRs; the last line may lack its newline.
  const text = fc
    .tuple(fc.array(fc.constantFrom('a\n', 'b\n', 'RUN x\n', '\n', 'a\r\n', '\r\n', 'c\r\r\n', 'd\re\n'), { maxLength: 30 }), fc.constantFrom('', 'a', 'RUN x', 'c\r'))
    .map(([lines, last]) => lines.join('') + last);

  it("splits lines as jsdiff does, and never counts more than jsdiff's diff removes and adds", () => {
    fc.assert(
      fc.property(text, text, (before, after) => {
        expect(linesOf(after)).toEqual(diffLines('', after, { oneChangePerToken: true }).map((part) => part.value));
        const edits = diffLines(before, after).reduce((n, part) => n + (part.added || part.removed ? part.count : 0), 0);
        const unmatched = unmatchedLines(linesOf(before), linesOf(after));
        expect(unmatched).toBeLessThanOrEqual(edits);
        // So jsdiff, allowed fewer edits than that, gives up, as gitDiff then expects it to.
        if (unmatched > 0) expect(structuredPatch('a', 'b', before, after, undefined, undefined, { context: 3, maxEditLength: unmatched - 1 })).toBeUndefined();
      }),
      { numRuns: 500 },
    );
  });

  it('counts the same when the lines both texts start and end with are left out first', () => {
    fc.assert(
      fc.property(text, text, text, text, (head, before, after, tail) => {
        // Shared ends, ending or not at a line break, around any two texts.
        const [a, b] = [head + before + tail, head + after + tail];
        expect(unmatchedBetween(a, b)).toBe(unmatchedLines(linesOf(a), linesOf(b)));
      }),
      { numRuns: 2000 },
    );
    expect(unmatchedBetween('\nx\n', 'y\nx\n')).toBe(2);
    expect(unmatchedBetween('a\nb', 'a\nbc\n')).toBe(2);
    expect(unmatchedBetween('RUN x\n', 'RUN x\nRUN x\n')).toBe(1);
  });

  it('counts the lines one side holds more often than the other', () => {
    expect(unmatchedLines(linesOf('a\nb\nb\nc'), linesOf('b\na\nc\nd\n'))).toBe(4); // b once, c without newline; c and d with
    expect(unmatchedLines(linesOf('RUN a\nRUN b\n'), linesOf('RUN a && \\\n    b\n'))).toBe(4);
    expect(unmatchedLines([], [])).toBe(0);
  });
});

describe('gitBlobId', () => {
  it.each([
    ['empty', ''],
    ['one line', 'FROM alpine:3.20\n'],
    ['a BOM, CRLF and no final newline', '\ufeffFROM a\r\nCMD ["x"]'],
    ['non-ASCII', 'FROM a\nLABEL who="Jos\u00e9 \u2603"\n'],
    ['200 KB', 'RUN echo 0123456789\n'.repeat(10_000)],
  ])('is the id git gives %s', (_, text) => {
    const bytes = Buffer.from(text, 'utf8');
    expect(gitBlobId(bytes)).toBe(hashObject(bytes));
  });
});

describe('newFileDiff', () => {
  it('creates a file', () => {
    expect(newFileDiff('app/.dockerignore', 'node_modules\n.git\n')).toBe(
      `diff --git a/app/.dockerignore b/app/.dockerignore\nnew file mode 100644\nindex ${'0'.repeat(40)}..${id('node_modules\n.git\n')}\n` +
        '--- /dev/null\n+++ b/app/.dockerignore\n@@ -0,0 +1,2 @@\n+node_modules\n+.git\n',
    );
  });

  it('marks a missing final newline', () => {
    expect(newFileDiff('x', '.git')).toBe(
      `diff --git a/x b/x\nnew file mode 100644\nindex ${'0'.repeat(40)}..${id('.git')}\n--- /dev/null\n+++ b/x\n@@ -0,0 +1 @@\n+.git\n\\ No newline at end of file\n`,
    );
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

describe('git apply -3', () => {
  let repo = '';
  const git = (args: string[], input?: string) => {
    const r = spawnSync('git', args, {
      cwd: repo,
      input,
      encoding: 'utf8',
      env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: path.join(repo, '.git', 'no-global-config'), GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.com', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.com' },
    });
    if (r.error) throw r.error;
    return { status: r.status, out: r.stdout + r.stderr };
  };
  // Each case makes a repository of its own: remove each, not only the last.
  afterEach(() => {
    if (repo !== '') fs.rmSync(repo, { recursive: true, force: true });
    repo = '';
  });

  it('merges a patch into a file that moved on since, using the blob named by the index line', () => {
    repo = fs.mkdtempSync(path.join(os.tmpdir(), 'dockshift-3way-'));
    git(['init', '-q', '.']);
    const before = 'FROM node:20\nWORKDIR /app\nCOPY . .\nRUN npm ci\nEXPOSE 3000\nCMD node server.js\n';
    const after = before.replace('CMD node server.js', 'CMD ["node", "server.js"]');
    fs.writeFileSync(path.join(repo, 'Dockerfile'), before);
    expect(git(['add', '-A']).status).toBe(0);
    expect(git(['commit', '-q', '-m', 'before']).status).toBe(0);
    const patchFile = path.join(repo, '.git', 'dockshift.patch');
    fs.writeFileSync(patchFile, gitDiff('Dockerfile', before, after));

    // Someone commits an edit of a context line two lines above the change: the patch no longer applies as is.
    const moved = before.replace('RUN npm ci', 'RUN npm ci --omit=dev');
    fs.writeFileSync(path.join(repo, 'Dockerfile'), moved);
    expect(git(['commit', '-q', '-a', '-m', 'moved on']).status).toBe(0);
    expect(git(['apply', '--check', patchFile]).status).not.toBe(0);
    const threeWay = git(['apply', '-3', patchFile]);
    expect(threeWay.out).not.toContain('conflict');
    expect(threeWay.status).toBe(0);
    expect(fs.readFileSync(path.join(repo, 'Dockerfile'), 'utf8')).toBe(moved.replace('CMD node server.js', 'CMD ["node", "server.js"]'));

    // The same patch without its index line cannot fall back to a merge.
    expect(git(['reset', '-q', '--hard']).status).toBe(0);
    fs.writeFileSync(patchFile, gitDiff('Dockerfile', before, after).replace(/^index .*\n/m, ''));
    expect(git(['apply', '-3', patchFile]).status).not.toBe(0);
  });

  it('applies to an executable file without a mode warning, and to a path git must quote', () => {
    repo = fs.mkdtempSync(path.join(os.tmpdir(), 'dockshift-mode-'));
    git(['init', '-q', '.']);
    const names = ['run/Dockerfile', 'tab\there/Dockerfile'];
    for (const name of names) {
      fs.mkdirSync(path.dirname(path.join(repo, name)), { recursive: true });
      fs.writeFileSync(path.join(repo, name), 'FROM a\nCMD x y\n');
    }
    fs.chmodSync(path.join(repo, 'run/Dockerfile'), 0o755);
    git(['add', '-A']);
    git(['commit', '-q', '-m', 'before']);
    const patch = gitDiff('run/Dockerfile', 'FROM a\nCMD x y\n', 'FROM a\nCMD ["x", "y"]\n', '100755') + gitDiff('tab\there/Dockerfile', 'FROM a\nCMD x y\n', 'FROM a\nCMD ["x", "y"]\n');
    expect(patch).toContain('diff --git "a/tab\\there/Dockerfile" "b/tab\\there/Dockerfile"\n');
    const patchFile = path.join(repo, '.git', 'dockshift.patch');
    fs.writeFileSync(patchFile, patch);
    expect(git(['apply', '--check', patchFile])).toEqual({ status: 0, out: '' });
    expect(git(['apply', '-3', patchFile]).status).toBe(0);
    for (const name of names) expect(fs.readFileSync(path.join(repo, name), 'utf8')).toBe('FROM a\nCMD ["x", "y"]\n');
    expect(fs.statSync(path.join(repo, 'run/Dockerfile')).mode & 0o777).toBe(0o755);
  });
});
