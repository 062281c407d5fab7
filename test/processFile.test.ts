import * as fs from 'node:fs';
import * as path from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterEach, describe, expect, it } from 'vitest';
import { openBuildContext, resetBuildContexts } from '../src/engine/context.js';
import { gitBlobId } from '../src/engine/diff.js';
import { NewFileLedger, processFile, type FileResult, type FileTask } from '../src/engine/processFile.js';
import { configure } from '../src/engine/select.js';
import { defineTransform, fileEdit, newFile, type ConfiguredTransform } from '../src/engine/types.js';
import { removeTempFolders, tempFolder } from './helpers/cli.js';

/** A transform that proposes a .dockerignore beside every Dockerfile, as the planned one will. */
const proposesIgnore: ConfiguredTransform = {
  transform: defineTransform({
    meta: {
      name: 'test-ignore-file',
      summary: 's',
      docs: 'd',
      hadolint: [],
      defaultEnabled: false,
      options: {},
      touches: { instructions: {}, newFiles: ['.dockerignore'] },
      refusals: {},
    },
    run: () => [newFile('.dockerignore', '.git\nnode_modules\n', 'keep .git and node_modules out of the build context')],
  }),
  options: {},
};

const tree = tempFolder;
afterEach(() => {
  removeTempFolders();
  resetBuildContexts();
});

const task = (root: string, name = 'svc/Dockerfile'): FileTask => ({ path: path.join(root, name), display: name });

/** What the CLI does: process each file, then settle its new files in order. */
function runAll(root: string, names: readonly string[], mode: 'dry-run' | 'write'): FileResult[] {
  const ledger = new NewFileLedger(mode);
  return names.map((n) => ledger.settle(processFile(task(root, n), [proposesIgnore], mode)));
}

describe('new files proposed by a transform', () => {
  it('are shown as a new-file diff in a dry run and not created', () => {
    const root = tree({ 'svc/Dockerfile': 'FROM alpine\n' });
    const [r] = runAll(root, ['svc/Dockerfile'], 'dry-run');
    expect(r!.status).toBe('changed');
    expect(r!.diff).toBe('');
    expect(r!.newFiles).toEqual([
      {
        path: 'svc/.dockerignore',
        target: path.join(root, 'svc/.dockerignore'),
        content: '.git\nnode_modules\n',
        tier: 'safe',
        transform: 'test-ignore-file',
        message: 'keep .git and node_modules out of the build context',
        status: 'proposed',
        diff:
          `diff --git a/svc/.dockerignore b/svc/.dockerignore\nnew file mode 100644\nindex ${'0'.repeat(40)}..${gitBlobId(Buffer.from('.git\nnode_modules\n'))}\n` +
          '--- /dev/null\n+++ b/svc/.dockerignore\n@@ -0,0 +1,2 @@\n+.git\n+node_modules\n',
      },
    ]);
    expect(fs.existsSync(path.join(root, 'svc/.dockerignore'))).toBe(false);
  });

  it('are created by --write', () => {
    const root = tree({ 'svc/Dockerfile': 'FROM alpine\n' });
    const [r] = runAll(root, ['svc/Dockerfile'], 'write');
    expect(r!.newFiles.map((f) => f.status)).toEqual(['created']);
    expect(fs.readFileSync(path.join(root, 'svc/.dockerignore'), 'utf8')).toBe('.git\nnode_modules\n');
    expect(fs.readdirSync(path.join(root, 'svc')).sort()).toEqual(['.dockerignore', 'Dockerfile']);
  });

  it('never overwrite a file that exists', () => {
    const root = tree({ 'svc/Dockerfile': 'FROM alpine\n', 'svc/.dockerignore': 'mine\n' });
    for (const mode of ['dry-run', 'write'] as const) {
      const [r] = runAll(root, ['svc/Dockerfile'], mode);
      expect(r!.status).toBe('unchanged');
      expect(r!.newFiles.map((f) => [f.status, f.diff])).toEqual([['exists', '']]);
      expect(fs.readFileSync(path.join(root, 'svc/.dockerignore'), 'utf8')).toBe('mine\n');
    }
  });

  it('are proposed once per build context when several Dockerfiles share it', () => {
    const root = tree({ 'svc/Dockerfile': 'FROM alpine\n', 'svc/Dockerfile.prod': 'FROM alpine\n' });
    for (const mode of ['dry-run', 'write'] as const) {
      const results = runAll(root, ['svc/Dockerfile', 'svc/Dockerfile.prod'], mode);
      expect(results.map((r) => r.newFiles.map((f) => f.status))).toEqual([[mode === 'write' ? 'created' : 'proposed'], ['duplicate']]);
      expect(results[1]!.newFiles[0]!.diff).toBe('');
      expect(results[1]!.newFiles[0]!.message).toContain('also proposed for svc/Dockerfile');
      expect(results[1]!.newFiles[0]!.first).toEqual({ by: 'svc/Dockerfile', same: true });
      expect(results[1]!.status).toBe('unchanged');
      if (mode === 'write') fs.rmSync(path.join(root, 'svc/.dockerignore'));
    }
  });

  it('are placed at the build context root, not beside the Dockerfile, when a context is given', () => {
    const root = tree({ 'docker/app/Dockerfile': 'FROM alpine\n' });
    const r = processFile({ path: path.join(root, 'docker/app/Dockerfile'), display: 'docker/app/Dockerfile', context: { root, display: '.' } }, [proposesIgnore], 'dry-run');
    expect(r.newFiles.map((f) => [f.path, f.target])).toEqual([['.dockerignore', path.join(root, '.dockerignore')]]);
  });
});

describe('diffs', () => {
  it('name the file and its new files by the patch path, with the mode git records', () => {
    const root = tree({ 'svc/Dockerfile': 'FROM alpine\nCMD run it\n' });
    fs.chmodSync(path.join(root, 'svc/Dockerfile'), 0o755);
    const execForm = configure({ names: ['exec-form'], options: {} });
    const r = processFile({ ...task(root), patchPath: 'repo/svc/Dockerfile' }, [...execForm, proposesIgnore], 'dry-run');
    expect(r.path).toBe('svc/Dockerfile');
    expect(r.diff).toMatch(/^diff --git a\/repo\/svc\/Dockerfile b\/repo\/svc\/Dockerfile\nindex [0-9a-f]{40}\.\.[0-9a-f]{40} 100755\n/);
    expect(r.newFiles.map((f) => [f.path, f.diff.split('\n')[0]])).toEqual([['svc/.dockerignore', 'diff --git a/repo/svc/.dockerignore b/repo/svc/.dockerignore']]);
  });

  it('a failed file says what kind of failure it was', () => {
    const root = tree({ 'svc/Dockerfile': 'FROM alpine\nENV X\n', 'a/Dockerfile': 'hello world\n', 'b/Dockerfile': 'FROM a\n' });
    fs.writeFileSync(path.join(root, 'c.bin'), Buffer.from([0x46, 0x00]));
    const kinds = ['svc/Dockerfile', 'a/Dockerfile', 'c.bin', 'missing'].map((rel) => processFile({ path: path.join(root, rel), display: rel }, [], 'dry-run').error?.kind ?? null);
    expect(kinds).toEqual(['invalid', 'not-dockerfile', 'not-text', 'unreadable']);
  });
});

/** A transform that adds `.git` to an existing .dockerignore, as the dockerignore transform does. */
const extendsIgnore: ConfiguredTransform = {
  transform: defineTransform({
    meta: {
      name: 'test-extend-ignore',
      summary: 's',
      docs: 'd',
      hadolint: [],
      defaultEnabled: false,
      options: {},
      touches: { instructions: {}, editFiles: ['.dockerignore'] },
      refusals: {},
    },
    run: (_, { buildContext }) => {
      const before = buildContext?.read('.dockerignore') ?? null;
      // Once .git is listed there is nothing to add: a second run (or the pass over the proposed text) leaves it.
      return before === null || before.includes('.git') ? [] : [fileEdit('.dockerignore', before, `${before}.git\n`, 'keep .git out of the build context')];
    },
  }),
  options: {},
};

function settleAll(root: string, names: readonly string[], mode: 'dry-run' | 'write'): FileResult[] {
  const ledger = new NewFileLedger(mode);
  return names.map((n) => ledger.settle(processFile(task(root, n), [extendsIgnore], mode)));
}

describe('edits of context files proposed by a transform', () => {
  it('are shown as a diff in a dry run and not made', () => {
    const root = tree({ 'svc/Dockerfile': 'FROM alpine\n', 'svc/.dockerignore': 'node_modules\n' });
    const [r] = settleAll(root, ['svc/Dockerfile'], 'dry-run');
    expect(r!.status).toBe('changed');
    expect(r!.fileEdits).toEqual([
      {
        path: 'svc/.dockerignore',
        target: path.join(root, 'svc/.dockerignore'),
        transform: 'test-extend-ignore',
        message: 'keep .git out of the build context',
        before: 'node_modules\n',
        after: 'node_modules\n.git\n',
        tier: 'safe',
        status: 'proposed',
        diff: `diff --git a/svc/.dockerignore b/svc/.dockerignore\nindex ${gitBlobId(Buffer.from('node_modules\n'))}..${gitBlobId(Buffer.from('node_modules\n.git\n'))} 100644\n--- a/svc/.dockerignore\n+++ b/svc/.dockerignore\n@@ -1 +1,2 @@\n node_modules\n+.git\n`,
      },
    ]);
    expect(fs.readFileSync(path.join(root, 'svc/.dockerignore'), 'utf8')).toBe('node_modules\n');
  });

  it('are written by --write, in place, keeping the mode', () => {
    const root = tree({ 'svc/Dockerfile': 'FROM alpine\n', 'svc/.dockerignore': 'node_modules\n' });
    fs.chmodSync(path.join(root, 'svc/.dockerignore'), 0o600);
    const [r] = settleAll(root, ['svc/Dockerfile'], 'write');
    expect(r!.fileEdits.map((e) => e.status)).toEqual(['written']);
    expect(r!.status).toBe('changed');
    expect(fs.readFileSync(path.join(root, 'svc/.dockerignore'), 'utf8')).toBe('node_modules\n.git\n');
    expect(fs.statSync(path.join(root, 'svc/.dockerignore')).mode & 0o777).toBe(0o600);
    expect(fs.readdirSync(path.join(root, 'svc')).sort()).toEqual(['.dockerignore', 'Dockerfile']);
  });

  it('leave a file alone that changed after the transform read it', () => {
    const root = tree({ 'svc/Dockerfile': 'FROM alpine\n', 'svc/.dockerignore': 'node_modules\n' });
    const proposed = processFile(task(root), [extendsIgnore], 'write');
    fs.writeFileSync(path.join(root, 'svc/.dockerignore'), 'node_modules\nvendor\n');
    const r = new NewFileLedger('write').settle(proposed);
    expect(r.fileEdits.map((e) => [e.status, e.diff])).toEqual([['stale', '']]);
    expect(r.status).toBe('unchanged');
    expect(fs.readFileSync(path.join(root, 'svc/.dockerignore'), 'utf8')).toBe('node_modules\nvendor\n');
  });

  it('keep a Dockerfile whose context edit could not be made as it was, and say so', () => {
    const root = tree({ 'svc/Dockerfile': 'FROM alpine\nCMD node server.js\n', 'svc/.dockerignore': 'node_modules\n' });
    const transforms = [...configure({ names: ['exec-form'], options: {} }), extendsIgnore];
    const proposed = processFile(task(root), transforms, 'write');
    // Nothing is written before the ledger settles the context edit.
    expect([proposed.written, fs.readFileSync(path.join(root, 'svc/Dockerfile'), 'utf8')]).toEqual([false, 'FROM alpine\nCMD node server.js\n']);
    fs.writeFileSync(path.join(root, 'svc/.dockerignore'), 'node_modules\nvendor\n');
    const r = new NewFileLedger('write').settle(proposed);
    expect([r.status, r.written, r.diff, r.error]).toEqual(['error', false, '', { kind: 'write', line: null, message: 'svc/.dockerignore: changed since it was read, so the edit it needs was not made; svc/Dockerfile left unchanged' }]);
    expect(fs.readFileSync(path.join(root, 'svc/Dockerfile'), 'utf8')).toBe('FROM alpine\nCMD node server.js\n');

    // Settled as read, both are written, the context file first.
    fs.writeFileSync(path.join(root, 'svc/.dockerignore'), 'node_modules\n');
    resetBuildContexts();
    const ok = new NewFileLedger('write').settle(processFile(task(root), transforms, 'write'));
    expect([ok.status, ok.written, ok.fileEdits.map((e) => e.status)]).toEqual(['changed', true, ['written']]);
    expect(fs.readFileSync(path.join(root, 'svc/Dockerfile'), 'utf8')).toBe('FROM alpine\nCMD ["node", "server.js"]\n');
  });

  it('are made once per build context when several Dockerfiles share it', () => {
    const root = tree({ 'svc/Dockerfile': 'FROM alpine\n', 'svc/Dockerfile.prod': 'FROM alpine\n', 'svc/.dockerignore': 'node_modules\n' });
    const results = settleAll(root, ['svc/Dockerfile', 'svc/Dockerfile.prod'], 'write');
    expect(results.map((r) => r.fileEdits.map((e) => e.status))).toEqual([['written'], ['duplicate']]);
    expect(results[1]!.fileEdits[0]!.message).toContain('also proposed for svc/Dockerfile');
    expect(results[1]!.status).toBe('unchanged');
    expect(fs.readFileSync(path.join(root, 'svc/.dockerignore'), 'utf8')).toBe('node_modules\n.git\n');
  });

  it('write a second Dockerfile relying on the same edit once the first proposer made it', () => {
    const root = tree({ 'svc/Dockerfile': 'FROM alpine\nCMD node server.js\n', 'svc/Dockerfile.prod': 'FROM alpine\nCMD node server.js\n', 'svc/.dockerignore': 'node_modules\n' });
    const transforms = [...configure({ names: ['exec-form'], options: {} }), extendsIgnore];
    const ledger = new NewFileLedger('write');
    const results = ['svc/Dockerfile', 'svc/Dockerfile.prod'].map((n) => ledger.settle(processFile(task(root, n), transforms, 'write')));
    expect(results.map((r) => [r.status, r.written, r.fileEdits.map((e) => e.status)])).toEqual([['changed', true, ['written']], ['changed', true, ['duplicate']]]);
    expect(fs.readFileSync(path.join(root, 'svc/Dockerfile.prod'), 'utf8')).toBe('FROM alpine\nCMD ["node", "server.js"]\n');
  });

  it('keep a second Dockerfile relying on the same edit as it was when the first proposer could not make it', () => {
    const original = 'FROM alpine\nCMD node server.js\n';
    const root = tree({ 'svc/Dockerfile': original, 'svc/Dockerfile.prod': original, 'svc/.dockerignore': 'node_modules\n' });
    const transforms = [...configure({ names: ['exec-form'], options: {} }), extendsIgnore];
    const proposed = ['svc/Dockerfile', 'svc/Dockerfile.prod'].map((n) => processFile(task(root, n), transforms, 'write'));
    fs.writeFileSync(path.join(root, 'svc/.dockerignore'), 'node_modules\nvendor\n');
    const ledger = new NewFileLedger('write');
    const [first, second] = proposed.map((r) => ledger.settle(r));
    expect(first!.error?.message).toBe('svc/.dockerignore: changed since it was read, so the edit it needs was not made; svc/Dockerfile left unchanged');
    expect([second!.status, second!.written, second!.fileEdits.map((e) => e.status)]).toEqual(['error', false, ['duplicate']]);
    expect(second!.error).toEqual({ kind: 'write', line: null, message: 'svc/.dockerignore: changed since it was read, so the edit svc/Dockerfile proposed first was not made, and this rewrite relies on it; svc/Dockerfile.prod left unchanged' });
    expect(fs.readFileSync(path.join(root, 'svc/Dockerfile.prod'), 'utf8')).toBe(original);
  });

  it('keep a second Dockerfile as it was when the first proposer made a different edit of the file', () => {
    const original = 'FROM alpine\nCMD node server.js\n';
    const root = tree({ 'svc/Dockerfile': original, 'svc/Dockerfile.prod': original, 'svc/.dockerignore': 'node_modules\n' });
    const differently: ConfiguredTransform = { transform: defineTransform({ ...extendsIgnore.transform, run: (_, { buildContext }) => [fileEdit('.dockerignore', buildContext!.read('.dockerignore')!, 'node_modules\n.git\n*.log\n', 'keep .git and logs out')] }), options: {} };
    const exec = configure({ names: ['exec-form'], options: {} });
    const ledger = new NewFileLedger('write');
    const first = ledger.settle(processFile(task(root, 'svc/Dockerfile'), [...exec, differently], 'write'));
    const second = ledger.settle(processFile(task(root, 'svc/Dockerfile.prod'), [...exec, extendsIgnore], 'write'));
    expect([first.written, second.written]).toEqual([true, false]);
    expect(second.error?.message).toBe('svc/.dockerignore: does not read as this rewrite relies on (svc/Dockerfile proposed it first, otherwise); svc/Dockerfile.prod left unchanged');
    expect(fs.readFileSync(path.join(root, 'svc/Dockerfile.prod'), 'utf8')).toBe(original);
  });
});

describe('memory over a run', () => {
  it('lets a build context go once the recent contexts do, though the task list that names its Dockerfiles lives on', async () => {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    const root = tree({ Dockerfile: 'FROM alpine:3.20\nRUN apk add curl\n' });
    const dockerfile = path.join(root, 'Dockerfile');
    // As batch.ts gives it: every task of a context shares one object, kept for the whole run.
    const task: FileTask = { path: dockerfile, display: 'Dockerfile', contextDockerfiles: { sharing: [{ path: dockerfile, display: 'Dockerfile', rel: 'Dockerfile' }], count: 1, elsewhere: [] } };
    expect(processFile(task, [proposesIgnore], 'dry-run').status).not.toBe('error');
    const context = new WeakRef(openBuildContext(root, dockerfile)!);
    resetBuildContexts();
    // A WeakRef's target is kept until the current job ends.
    await new Promise((resolve) => setTimeout(resolve, 0));
    gc();
    expect(context.deref()).toBeUndefined();
    expect(task.contextDockerfiles!.count).toBe(1);
  });
});
