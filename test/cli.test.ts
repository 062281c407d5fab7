import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { gitBlobId } from '../src/engine/diff.js';
import {
  agePast,
  assertBuilt,
  type CliRun,
  contents,
  copyFolder,
  dockshift,
  git,
  jsonRecords,
  listFiles,
  messages,
  removeTempFolders,
  REPO_ROOT,
  snapshot,
  summary,
  SUMMARY,
  tempFolder,
} from './helpers/cli.js';

beforeAll(assertBuilt);
afterEach(removeTempFolders);

// Both already run as a non-root user, so the default transforms only rewrite the CMD.
const NODE = 'FROM node:20-alpine\nWORKDIR /app\nCOPY . .\nUSER node\nCMD node server.js\n';
const NODE_FIXED = 'FROM node:20-alpine\nWORKDIR /app\nCOPY . .\nUSER node\nCMD ["node", "server.js"]\n';
const blob = (text: string) => gitBlobId(Buffer.from(text, 'utf8'));
const NODE_DIFF = [
  'diff --git a/Dockerfile b/Dockerfile',
  `index ${blob(NODE)}..${blob(NODE_FIXED)} 100644`,
  '--- a/Dockerfile',
  '+++ b/Dockerfile',
  '@@ -2,4 +2,4 @@',
  ' WORKDIR /app',
  ' COPY . .',
  ' USER node',
  '-CMD node server.js',
  '+CMD ["node", "server.js"]',
  '',
].join('\n');
const CLEAN = 'FROM alpine:3.20\nCOPY app /usr/local/bin/app\nUSER 65532\nCMD ["app"]\n';
const NO_FROM = 'CMD x\n';
const BAD_IMAGE = 'FROM PHP:8.3-apache\nCMD apache2-foreground\n';

describe('dry run (the default)', () => {
  it('prints a git diff on stdout and touches nothing', () => {
    const root = tempFolder({ 'Dockerfile': NODE, 'api/Dockerfile': CLEAN, 'README.md': '# app\n' });
    agePast(root);
    const before = snapshot(root);
    const run = dockshift(['-t', 'exec-form'], { cwd: root });
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(NODE_DIFF);
    expect(snapshot(root)).toEqual(before);
    expect(run.stderr).toMatch(/^2 files: 1 changed, 1 unchanged, 0 errors \(\d+\.\d+ s\)\n$/);
  });

  it('with the default transforms proposes the exec-form rewrite and writes nothing', () => {
    const root = tempFolder({ 'Dockerfile': NODE });
    agePast(root);
    const before = snapshot(root);
    const run = dockshift([], { cwd: root });
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('diff --git a/Dockerfile b/Dockerfile\n');
    expect(run.stdout).toContain('\n-CMD node server.js\n+CMD ["node", "server.js"]\n');
    expect(snapshot(root)).toEqual(before);
    expect(listFiles(root)).toEqual(['Dockerfile']);
  });

  it('names files relative to the working folder, whichever folder is given', () => {
    const root = tempFolder({ 'services/web/Dockerfile': NODE });
    const run = dockshift(['-t', 'exec-form', 'services'], { cwd: root });
    expect(run.stdout).toBe(NODE_DIFF.replaceAll('/Dockerfile', '/services/web/Dockerfile'));
    const inside = dockshift(['-t', 'exec-form', '.'], { cwd: path.join(root, 'services') });
    expect(inside.stdout).toBe(NODE_DIFF.replaceAll('/Dockerfile', '/web/Dockerfile'));
  });

  it('prints the closing summary as the last line of stderr', () => {
    const root = tempFolder({ 'Dockerfile': NODE, 'b/Dockerfile': CLEAN, 'c/Dockerfile': NO_FROM });
    const run = dockshift([], { cwd: root });
    const lines = run.stderr.trimEnd().split('\n');
    expect(lines.at(-1)).toMatch(SUMMARY);
    expect(lines.at(-1)).toMatch(/^3 files: 1 changed, 1 unchanged, 1 error \(\d+\.\d+ s\)$/);
    expect(summary(run)).toEqual({ files: 3, changed: 1, unchanged: 1, errors: 1 });
  });
});

describe('--write and --check', () => {
  it('--write rewrites, then --check finds nothing and prints no diff', () => {
    const root = tempFolder({ 'Dockerfile': NODE, 'api/Dockerfile': CLEAN });
    const write = dockshift(['--write', '-t', 'exec-form'], { cwd: root });
    expect(write.status).toBe(0);
    expect(write.stdout).toBe(NODE_DIFF);
    expect(contents(root)).toEqual({ 'Dockerfile': NODE_FIXED, 'api/Dockerfile': CLEAN });
    expect(summary(write)).toEqual({ files: 2, changed: 1, unchanged: 1, errors: 0 });

    const check = dockshift(['--check', '-t', 'exec-form'], { cwd: root });
    expect(check.status).toBe(0);
    expect(check.stdout).toBe('');
    expect(summary(check)).toEqual({ files: 2, changed: 0, unchanged: 2, errors: 0 });
  });

  it('with the default transforms a second run changes nothing', () => {
    const root = tempFolder({ 'Dockerfile': NODE, 'api/Dockerfile': CLEAN, 'worker/Dockerfile': BAD_IMAGE.replace('PHP:8.3-apache', 'php:8.3-apache') });
    expect(dockshift(['-w'], { cwd: root }).status).toBe(0);
    const written = contents(root);
    const again = dockshift(['--check'], { cwd: root });
    expect(again.status).toBe(0);
    expect(again.stdout).toBe('');
    expect(summary(again)).toEqual({ files: 3, changed: 0, unchanged: 3, errors: 0 });
    expect(contents(root)).toEqual(written);
  });

  it('reaches in one run what a second run would: a proposed .dockerignore counts for the transforms that read the context', () => {
    // Without a .dockerignore, deps-first must refuse (node_modules would land on the installed
    // files); the .dockerignore the same run proposes leaves node_modules out, so deps-first acts.
    const app = {
      'Dockerfile': 'FROM node:20-alpine\nWORKDIR /app\nCOPY . .\nRUN npm ci\nCMD ["node", "server.js"]\n',
      'package.json': '{"name":"x","version":"1.0.0"}\n',
      'package-lock.json': '{}\n',
      'server.js': '1\n',
      'node_modules/left-pad/index.js': 'module.exports = 1\n',
      '.dockshift.yaml': 'transforms:\n  deps-first: true\n',
    };
    const root = tempFolder(app);
    const write = dockshift(['--write', '--json'], { cwd: root });
    expect(write.status).toBe(0);
    const record = jsonRecords(write)[0] as { changes: { transform: string }[]; newFiles: { path: string; status: string }[] };
    expect(record.changes.map((c) => c.transform)).toContain('deps-first');
    expect(record.newFiles).toMatchObject([{ path: '.dockerignore', status: 'created' }]);
    expect(contents(root)['.dockerignore']).toContain('node_modules\n');
    expect(contents(root)['Dockerfile']).toContain('COPY package.json package-lock.json ./\nRUN npm ci');
    const check = dockshift(['--check'], { cwd: root });
    expect([check.status, check.stdout]).toEqual([0, '']);

    // The dry run shows the same end state: the Dockerfile's diff and the new file together.
    const dry = dockshift([], { cwd: tempFolder(app) });
    expect(dry.stdout).toContain('+COPY package.json package-lock.json ./\n');
    expect(dry.stdout).toContain('+++ b/.dockerignore\n');
  });

  it('with every transform on, a second run over the examples and over a build context changes nothing', () => {
    const names = (JSON.parse(dockshift(['--list', '--json'], { cwd: tempFolder() }).stdout) as { name: string }[]).map((m) => m.name).join(',');
    const examples = copyFolder(path.join(REPO_ROOT, 'examples'));
    const app = tempFolder({
      'Dockerfile': 'FROM node:20\nWORKDIR /app\nCOPY . .\nRUN npm ci\nCMD node server.js\n',
      'package.json': '{"name":"x","version":"1.0.0"}\n',
      'package-lock.json': '{}\n',
      'server.js': '1\n',
      'node_modules/left-pad/index.js': 'module.exports = 1\n',
      '.env': 'SECRET=1\n',
    });
    for (const root of [examples, app]) {
      const write = dockshift(['--write', '-q', '-t', names], { cwd: root });
      expect(write.status, write.stderr).toBe(0);
      const written = contents(root);
      const check = dockshift(['--check', '-t', names], { cwd: root });
      expect([check.status, check.stdout], check.stderr).toEqual([0, '']);
      expect(contents(root)).toEqual(written);
    }
  });

  it('under --context, judges a proposed .dockerignore by every Dockerfile built with that context: --write then --check finds nothing', () => {
    // api copies the context and installs nothing, so it may use the copied node_modules; web installs them.
    const root = tempFolder({
      'docker/api.Dockerfile': 'FROM node:20-alpine\nWORKDIR /app\nCOPY . .\nUSER node\nCMD ["node", "server.js"]\n',
      'docker/web.Dockerfile': 'FROM node:20-alpine\nWORKDIR /app\nCOPY . .\nRUN npm ci\nUSER node\nCMD ["node", "web.js"]\n',
      'package.json': '{"name":"x","version":"1.0.0"}\n',
      'package-lock.json': '{}\n',
      'server.js': '1\n',
      'web.js': '1\n',
      'node_modules/left-pad/index.js': 'module.exports = 1\n',
      '.git/HEAD': 'ref: refs/heads/main\n',
    });
    const files = ['--context', '.', 'docker/api.Dockerfile', 'docker/web.Dockerfile'];
    const write = dockshift(['--write', '--json', ...files], { cwd: root });
    expect(write.status, write.stderr).toBe(0);
    const records = jsonRecords(write).filter((r) => r.type === 'file') as { path: string; written: boolean; newFiles: { status: string; content: string }[] }[];
    // One proposal for the context, written first; the other Dockerfile's is the same file.
    expect(records.map((r) => [r.path, r.newFiles.map((f) => f.status)])).toEqual([
      ['docker/api.Dockerfile', ['created']],
      ['docker/web.Dockerfile', ['duplicate']],
    ]);
    expect(records[1]!.newFiles[0]!.content).toBe(records[0]!.newFiles[0]!.content);
    expect(records[1]!.written).toBe(true);
    expect(contents(root)['.dockerignore']).toBe('# Version control\n.git\n');
    const written = contents(root);
    const check = dockshift(['--check', ...files], { cwd: root });
    expect([check.status, check.stdout], check.stderr).toEqual([0, '']);
    expect(contents(root)).toEqual(written);
  });

  it('does not count a Dockerfile below a context that the run builds with its own folder', () => {
    const root = tempFolder({
      'Dockerfile': 'FROM node:20-alpine\nWORKDIR /app\nCOPY . .\nRUN npm ci\nUSER node\nCMD ["node", "server.js"]\n',
      'package.json': '{"name":"x","version":"1.0.0"}\n',
      'node_modules/left-pad/index.js': 'module.exports = 1\n',
      // Built with services/api/ as its context, it says nothing about the root's node_modules.
      'services/api/Dockerfile': 'FROM alpine:3.20\nCOPY . /srv\nUSER 65532\nCMD ["/srv/api"]\n',
    });
    const all = dockshift(['-t', 'dockerignore'], { cwd: root });
    expect(all.stdout).toContain('+node_modules\n');
    // Named alone, the root Dockerfile cannot tell how services/api/Dockerfile is built: it counts.
    const alone = dockshift(['-t', 'dockerignore', '--explain', 'Dockerfile'], { cwd: root });
    expect(alone.stdout).toBe('');
    expect(alone.stderr).toContain('kept in the build context: node_modules (the stage that copies the context on services/api/Dockerfile:2 installs no Node packages');
  });

  it('--check exits 1 when a file would change, prints the diff, and writes nothing', () => {
    const root = tempFolder({ 'Dockerfile': NODE, 'api/Dockerfile': CLEAN });
    agePast(root);
    const before = snapshot(root);
    const run = dockshift(['--check', '-t', 'exec-form'], { cwd: root });
    expect(run.status).toBe(1);
    expect(run.stdout).toBe(NODE_DIFF);
    expect(snapshot(root)).toEqual(before);
  });

  it('--check exits 2, not 1, when a file also fails', () => {
    const root = tempFolder({ 'Dockerfile': NODE, 'bad/Dockerfile': NO_FROM });
    expect(dockshift(['--check'], { cwd: root }).status).toBe(2);
  });

  it('refuses --no-X for an option that takes a value, and keeps --no-config and --no-color', () => {
    const root = tempFolder({ 'Dockerfile': NODE });
    for (const option of ['context', 'patch-file', 'tier']) {
      const run = dockshift([`--no-${option}`], { cwd: root });
      expect(run.status).toBe(2);
      expect(run.stderr).toBe(`dockshift: --no-${option} is not an option: --${option} takes a value\nRun dockshift --help for usage.\n`);
    }
    expect(dockshift(['--no-config', '--no-color'], { cwd: root }).status).toBe(0);
    expect(contents(root)).toEqual({ 'Dockerfile': NODE });
  });

  it('refuses --write with --check or --stdin', () => {
    const root = tempFolder({ 'Dockerfile': NODE });
    const both = dockshift(['--write', '--check'], { cwd: root });
    expect(both.status).toBe(2);
    expect(both.stderr).toBe('dockshift: --write cannot be combined with --check\n');
    const stdin = dockshift(['--write', '--stdin'], { cwd: root, input: NODE });
    expect(stdin.status).toBe(2);
    expect(stdin.stderr).toBe('dockshift: --write cannot be combined with --stdin\n');
    expect(contents(root)).toEqual({ 'Dockerfile': NODE });
  });

  it('the printed patch passes git apply --check and applying it gives exactly what --write writes', () => {
    const files = {
      'Dockerfile': NODE,
      'crlf/Dockerfile': NODE.replaceAll('\n', '\r\n'),
      'bom/Dockerfile': `\uFEFF${NODE}`,
      'no-eol/Dockerfile': NODE.slice(0, -1),
      'long/Dockerfile.prod': 'FROM debian:12\n# one\n# two\n# three\n# four\nEXPOSE 8080\nCMD exec /srv/run --port 8080\n# five\n',
      'clean/app.dockerfile': CLEAN,
      'two stages/Dockerfile': 'FROM golang:1.22 AS build\nRUN go build -o /out/app .\n\nFROM gcr.io/distroless/static\nCOPY --from=build /out/app /app\nCMD /app --serve\n',
    };
    const applied = tempFolder(files);
    git(applied, ['init', '-q']);
    git(applied, ['add', '-A']);
    git(applied, ['commit', '-q', '-m', 'before']);
    const written = copyFolder(applied);

    const dry = dockshift([], { cwd: applied });
    expect(dry.status).toBe(0);
    expect(summary(dry)).toEqual({ files: 7, changed: 6, unchanged: 1, errors: 0 });
    const patchFile = path.join(tempFolder({ 'changes.patch': dry.stdout }), 'changes.patch');
    git(applied, ['apply', '--check', patchFile]);
    git(applied, ['apply', patchFile]);

    const write = dockshift(['--write'], { cwd: written });
    expect(write.status).toBe(0);
    expect(write.stdout).toBe(dry.stdout);
    expect(snapshotBytes(applied)).toEqual(snapshotBytes(written));
    expect(fs.readFileSync(path.join(written, 'crlf/Dockerfile'), 'utf8')).toBe(NODE_FIXED.replaceAll('\n', '\r\n'));
  });
});

describe('patches of CRLF files that git stores with LF endings', () => {
  const CRLF_APP = 'FROM node:20-alpine\r\nWORKDIR /app\r\nCOPY . .\r\nRUN npm ci\r\nUSER node\r\nEXPOSE 3000\r\nCMD node server.js\r\n';

  it.each([
    ['core.autocrlf=true', { 'Dockerfile': CRLF_APP }, ['core.autocrlf', 'true']],
    ['a .gitattributes eol=crlf', { 'Dockerfile': CRLF_APP, '.gitattributes': 'Dockerfile text eol=crlf\n' }, null],
  ] as const)('under %s: the patch names the blobs git holds, so git apply -3 merges it into a file that moved on', (_, files, config) => {
    const repo = tempFolder(files);
    git(repo, ['init', '-q']);
    if (config !== null) git(repo, ['config', ...config]);
    git(repo, ['add', '-A']);
    git(repo, ['commit', '-q', '-m', 'before']);
    const written = copyFolder(repo);

    const dry = dockshift(['-t', 'exec-form'], { cwd: repo });
    expect(dry.status).toBe(0);
    // As `git diff` shows the file: the LF text, and the ids of its blobs.
    expect(dockshift(['-t', 'exec-form', '--write'], { cwd: written }).status).toBe(0);
    expect(fs.readFileSync(path.join(written, 'Dockerfile'), 'utf8')).toBe(CRLF_APP.replace('CMD node server.js', 'CMD ["node", "server.js"]'));
    const gitIndexLine = /^index .*$/m.exec(git(written, ['diff', '--full-index']))![0];
    expect(dry.stdout).toContain(`\n${gitIndexLine}\n`);
    expect(dry.stdout).toContain('\n-CMD node server.js\n+CMD ["node", "server.js"]\n');
    const patchFile = path.join(tempFolder({ 'changes.patch': dry.stdout }), 'changes.patch');
    // Applied as is, it gives what --write writes.
    git(repo, ['apply', patchFile]);
    expect(fs.readFileSync(path.join(repo, 'Dockerfile'), 'utf8')).toBe(fs.readFileSync(path.join(written, 'Dockerfile'), 'utf8'));
    git(repo, ['checkout', '--', 'Dockerfile']);

    // Someone commits an edit of a context line: the patch no longer applies as is, and merges.
    const moved = CRLF_APP.replace('RUN npm ci', 'RUN npm ci --omit=dev');
    fs.writeFileSync(path.join(repo, 'Dockerfile'), moved);
    git(repo, ['commit', '-q', '-a', '-m', 'moved on']);
    expect(() => git(repo, ['apply', '--check', patchFile])).toThrow(/patch does not apply/);
    git(repo, ['apply', '-3', patchFile]);
    expect(fs.readFileSync(path.join(repo, 'Dockerfile'), 'utf8')).toBe(moved.replace('CMD node server.js', 'CMD ["node", "server.js"]'));
  });

  it('leaves the index line out for a CRLF file the index does not record as it is, and the patch still applies', () => {
    const repo = tempFolder({ 'Dockerfile': CRLF_APP });
    git(repo, ['init', '-q']);
    git(repo, ['config', 'core.autocrlf', 'true']);
    git(repo, ['add', '-A']);
    git(repo, ['commit', '-q', '-m', 'before']);
    // Changed since: which blob git would store for it is not known without git's own rules.
    fs.writeFileSync(path.join(repo, 'Dockerfile'), CRLF_APP.replace('EXPOSE 3000', 'EXPOSE 8080'));
    const dry = dockshift(['-t', 'exec-form'], { cwd: repo });
    expect(dry.stdout).toMatch(/^diff --git a\/Dockerfile b\/Dockerfile\n--- a\/Dockerfile\n/);
    expect(dry.stdout).not.toContain('\nindex ');
    const patchFile = path.join(tempFolder({ 'changes.patch': dry.stdout }), 'changes.patch');
    git(repo, ['apply', patchFile]);
    expect(fs.readFileSync(path.join(repo, 'Dockerfile'), 'utf8')).toBe(CRLF_APP.replace('EXPOSE 3000', 'EXPOSE 8080').replace('CMD node server.js', 'CMD ["node", "server.js"]'));
  });
});

/** Bytes only (mtimes differ between two folders). */
function snapshotBytes(root: string): Record<string, string> {
  return Object.fromEntries(Object.entries(snapshot(root)).map(([rel, s]) => [rel, s.bytes]));
}

describe('errors', () => {
  it.each([
    ['no FROM', NO_FROM],
    ['an upper-case image name in FROM', BAD_IMAGE],
  ])('a parse error (%s) in one of three files: the other two are processed, one error line, exit 2', (_, bad) => {
    const root = tempFolder({ 'a/Dockerfile': NODE, 'b/Dockerfile': bad, 'c/Dockerfile': NODE });
    const run = dockshift(['--write'], { cwd: root });
    expect(run.status).toBe(2);
    const errors = messages(run);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^b\/Dockerfile:1: error: \S.*$/);
    expect(summary(run)).toEqual({ files: 3, changed: 2, unchanged: 0, errors: 1 });
    expect(contents(root)).toEqual({ 'a/Dockerfile': expect.stringContaining('CMD ["node", "server.js"]'), 'b/Dockerfile': bad, 'c/Dockerfile': expect.stringContaining('CMD ["node", "server.js"]') });
    expect(run.stdout).toContain('diff --git a/a/Dockerfile b/a/Dockerfile\n');
    expect(run.stdout).toContain('diff --git a/c/Dockerfile b/c/Dockerfile\n');
    expect(run.stdout).not.toContain('b/Dockerfile b/b/Dockerfile');
  });

  it('says what is wrong, where', () => {
    const root = tempFolder({ 'Dockerfile': NO_FROM, 'Dockerfile.php': BAD_IMAGE });
    const run = dockshift([], { cwd: root });
    expect(messages(run)).toEqual([
      'Dockerfile:1: error: CMD before the first FROM (only ARG may come first)',
      'Dockerfile.php:1: error: invalid image reference "PHP:8.3-apache"',
    ]);
  });

  it('a path that does not exist is an error; the others are still processed', () => {
    const root = tempFolder({ 'Dockerfile': NODE });
    const run = dockshift(['-t', 'exec-form', 'missing', 'Dockerfile'], { cwd: root });
    expect(run.status).toBe(2);
    expect(messages(run)).toEqual(['missing: error: no such file or folder']);
    expect(run.stdout).toBe(NODE_DIFF);
    expect(summary(run)).toEqual({ files: 2, changed: 1, unchanged: 0, errors: 1 });
  });

  it('a binary or non-UTF-8 file named explicitly is refused, not mangled', () => {
    const root = tempFolder({ 'Dockerfile.bin': Buffer.from([0x46, 0x52, 0x00, 0x4d]), 'Dockerfile.latin1': Buffer.from('FROM a\nCMD caf\xe9\n', 'latin1') });
    const before = snapshot(root);
    const run = dockshift(['--write', 'Dockerfile.bin', 'Dockerfile.latin1'], { cwd: root });
    expect(run.status).toBe(2);
    expect(messages(run)).toEqual([
      'Dockerfile.bin: error: file is binary (contains NUL bytes); skipped',
      'Dockerfile.latin1: error: file is not valid UTF-8; left unchanged',
    ]);
    expect(snapshot(root)).toEqual(before);
  });
});

describe('--stdin', () => {
  it('prints only the transformed text', () => {
    const root = tempFolder();
    const run = dockshift(['--stdin', '-t', 'exec-form'], { cwd: root, input: NODE });
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(NODE_FIXED);
    expect(run.stderr).toBe('');
  });

  it('with --check, still prints the text and exits 1 only when it changed', () => {
    const changed = dockshift(['--stdin', '--check', '-t', 'exec-form'], { cwd: tempFolder(), input: NODE });
    expect([changed.status, changed.stdout]).toEqual([1, NODE_FIXED]);
    const same = dockshift(['--stdin', '--check', '-t', 'exec-form'], { cwd: tempFolder(), input: CLEAN });
    expect([same.status, same.stdout]).toEqual([0, CLEAN]);
  });

  it.each([
    ['LF', CLEAN],
    ['CRLF', CLEAN.replaceAll('\n', '\r\n')],
    ['a BOM', `\uFEFF${CLEAN}`],
    ['no final newline', CLEAN.slice(0, -1)],
    ['a BOM, CRLF and no final newline', `\uFEFF${CLEAN.replaceAll('\n', '\r\n').slice(0, -2)}`],
    ['comments and odd spacing', '# syntax=docker/dockerfile:1\n\n  from   alpine:3.20 as   base\n\t# note\nCMD   ["sh"]   \n'],
  ])('passes input with %s through byte for byte when nothing applies', (_, text) => {
    const input = Buffer.from(text, 'utf8');
    const run = dockshift(['--stdin', '-t', 'exec-form'], { cwd: tempFolder(), input });
    expect(run.status).toBe(0);
    expect(run.stdoutBytes.equals(input)).toBe(true);
  });

  it('keeps a BOM, CRLF and a missing final newline around a change', () => {
    const input = `\uFEFF${NODE.replaceAll('\n', '\r\n').slice(0, -2)}`;
    const run = dockshift(['--stdin', '-t', 'exec-form'], { cwd: tempFolder(), input });
    expect(run.stdoutBytes.equals(Buffer.from(`\uFEFF${NODE_FIXED.replaceAll('\n', '\r\n').slice(0, -2)}`, 'utf8'))).toBe(true);
  });

  it('reports a parse error on stderr with the --stdin-path name, prints nothing, exits 2', () => {
    const run = dockshift(['--stdin', '--stdin-path', 'svc/Dockerfile'], { cwd: tempFolder(), input: NO_FROM });
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe('svc/Dockerfile:1: error: CMD before the first FROM (only ARG may come first)\n');
    const unnamed = dockshift(['--stdin'], { cwd: tempFolder(), input: BAD_IMAGE });
    expect(unnamed.status).toBe(2);
    expect(unnamed.stdout).toBe('');
    expect(unnamed.stderr).toBe('<stdin>:1: error: invalid image reference "PHP:8.3-apache"\n');
  });

  it('refuses input that is not UTF-8', () => {
    const run = dockshift(['--stdin'], { cwd: tempFolder(), input: Buffer.from('FROM a\nCMD caf\xe9\n', 'latin1') });
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe('<stdin>: error: input is not valid UTF-8\n');
  });
});

describe('generated Dockerfiles', () => {
  // The header docker-library's apply-templates.sh writes, over a file exec-form rewrites.
  const HEADER = '#\n# NOTE: THIS DOCKERFILE IS GENERATED VIA "apply-templates.sh"\n#\n# PLEASE DO NOT EDIT IT DIRECTLY.\n#\n\n';
  const GENERATED = `${HEADER}${NODE}`;
  const NOTE = 'gen/Dockerfile: skipped: generated (line 2: # NOTE: THIS DOCKERFILE IS GENERATED VIA "apply-templates.sh"); edit its template, or pass --include-generated';
  const folder = () => tempFolder({ 'gen/Dockerfile': GENERATED, 'app/Dockerfile': NODE });

  it('a dry run leaves them out of the diff, says so on stderr and counts them skipped', () => {
    const run = dockshift(['-t', 'exec-form'], { cwd: folder() });
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(NODE_DIFF.replaceAll('/Dockerfile', '/app/Dockerfile'));
    expect(messages(run)).toEqual([NOTE]);
    expect(summary(run)).toEqual({ files: 2, changed: 1, unchanged: 0, errors: 0, skipped: 1 });
  });

  it('--write does not write them; --check and --list-different do not count them as changes', () => {
    const root = folder();
    const write = dockshift(['-t', 'exec-form', '--write'], { cwd: root });
    expect(write.status).toBe(0);
    expect(contents(root)).toEqual({ 'gen/Dockerfile': GENERATED, 'app/Dockerfile': NODE_FIXED });
    const check = dockshift(['-t', 'exec-form', '--check'], { cwd: root });
    expect([check.status, check.stdout, messages(check)]).toEqual([0, '', [NOTE]]);
    const names = dockshift(['-t', 'exec-form', '-l', 'gen'], { cwd: root });
    expect([names.status, names.stdout]).toEqual([0, '']);
  });

  it('--json records each as skipped, with why in error, and counts it in the summary', () => {
    const run = dockshift(['-t', 'exec-form', '--json', 'gen'], { cwd: folder() });
    expect(run.status).toBe(0);
    const [file, end] = jsonRecords(run);
    expect(file).toMatchObject({
      type: 'file',
      path: 'gen/Dockerfile',
      status: 'skipped',
      changes: [],
      error: { kind: 'generated', line: 2, message: NOTE.replace('gen/Dockerfile: skipped: ', '') },
      written: false,
      diff: '',
    });
    expect(end).toMatchObject({ type: 'summary', files: 1, changed: 0, skipped: 1, errors: 0, exitCode: 0 });
  });

  it('--quiet drops the note; --explain gives it even then', () => {
    expect(dockshift(['-t', 'exec-form', '--quiet'], { cwd: folder() }).stderr).toBe('');
    expect(dockshift(['-t', 'exec-form', '--quiet', '--explain', 'gen'], { cwd: folder() }).stderr).toBe(`${NOTE}\n`);
  });

  it('--include-generated rewrites them as any other file', () => {
    const root = folder();
    const run = dockshift(['-t', 'exec-form', '--include-generated', '--write'], { cwd: root });
    expect(run.status).toBe(0);
    expect(messages(run)).toEqual([]);
    expect(contents(root)).toEqual({ 'gen/Dockerfile': `${HEADER}${NODE_FIXED}`, 'app/Dockerfile': NODE_FIXED });
  });

  it('a remark further down, or a header that only mentions generating, does not count', () => {
    const root = tempFolder({ 'Dockerfile': `# generates the docs site\n${NODE}# do not edit this line\n`, 'Dockerfile.dev': NODE.replace('CMD', '# Code generated by hand. DO NOT EDIT.\nCMD') });
    const run = dockshift(['-t', 'exec-form', '-l'], { cwd: root });
    expect([run.status, run.stdout, messages(run)]).toEqual([1, 'Dockerfile\nDockerfile.dev\n', []]);
  });

  it('--stdin prints a generated input back unchanged, with the note; --include-generated rewrites it', () => {
    const run = dockshift(['--stdin', '--check', '-t', 'exec-form', '--stdin-path', 'gen/Dockerfile'], { cwd: tempFolder(), input: GENERATED });
    expect([run.status, run.stdout, run.stderr]).toEqual([0, GENERATED, `${NOTE}\n`]);
    expect(dockshift(['--stdin', '--quiet', '-t', 'exec-form'], { cwd: tempFolder(), input: GENERATED }).stderr).toBe('');
    const included = dockshift(['--stdin', '--include-generated', '-t', 'exec-form'], { cwd: tempFolder(), input: GENERATED });
    expect([included.status, included.stdout, included.stderr]).toEqual([0, `${HEADER}${NODE_FIXED}`, '']);
  });

  it('--stdin follows the configuration where --stdin-path puts the file', () => {
    const root = tempFolder({ 'gen/.dockshift.yaml': 'includeGenerated: true\n' });
    const run = dockshift(['--stdin', '-t', 'exec-form', '--stdin-path', 'gen/Dockerfile'], { cwd: root, input: GENERATED });
    expect([run.stdout, run.stderr]).toEqual([`${HEADER}${NODE_FIXED}`, '']);
  });
});

describe('templates', () => {
  // docker-library's jq templates, and the placeholders a script fills in with sed.
  const JQ = '{{\n\tdef is_alpine: env.variant | startswith("alpine");\n-}}\nFROM {{ env.from }}\nCMD node server.js\n';
  const PLACEHOLDER = 'FROM php:%%PHP_VERSION%%-apache\nCMD apache2-foreground\n';
  const JQ_NOTE = 'Dockerfile-linux.template: skipped: a template, not a Dockerfile (line 1: {{); run dockshift on the Dockerfiles made from it';
  const PLACEHOLDER_NOTE = 'php/Dockerfile.template: skipped: a template, not a Dockerfile (line 1: FROM php:%%PHP_VERSION%%-apache); run dockshift on the Dockerfiles made from it';

  it('skips a file that fails on a line of template syntax, says so and leaves the exit code alone', () => {
    const root = tempFolder({ 'Dockerfile-linux.template': JQ, 'php/Dockerfile.template': PLACEHOLDER, 'app/Dockerfile': NODE });
    const run = dockshift(['-t', 'exec-form'], { cwd: root });
    expect(run.status).toBe(0);
    expect(messages(run)).toEqual([JQ_NOTE, PLACEHOLDER_NOTE]);
    expect(summary(run)).toEqual({ files: 3, changed: 1, unchanged: 0, errors: 0, skipped: 2 });
    const json = jsonRecords(dockshift(['-t', 'exec-form', '--json', 'php'], { cwd: root }));
    expect(json[0]).toMatchObject({ path: 'php/Dockerfile.template', status: 'skipped', error: { kind: 'template', line: 1 } });
  });

  it('is an error still when the file fails elsewhere, placeholders or not, and its name is no template\'s', () => {
    // The placeholder is on line 3; the file fails on line 1.
    const root = tempFolder({ 'Dockerfile.prod': 'FROM PHP:8.3\nRUN echo x\nRUN echo %%V%%\n' });
    const run = dockshift(['-t', 'exec-form'], { cwd: root });
    expect(run.status).toBe(2);
    expect(messages(run)).toEqual(['Dockerfile.prod:1: error: invalid image reference "PHP:8.3"']);
  });

  it('skips a file that fails on a bare placeholder, and processes a valid one that has such text', () => {
    const root = tempFolder({
      'php/Dockerfile': 'FROM php:{PHP_TAG}-apache\nCMD apache2-foreground\n',
      'sed/Dockerfile': 'FROM __BASE_IMAGE__\nCMD node server.js\n',
      // Valid as written: COPY takes `{SRC}` as a file name, awk's braces are awk's.
      'app/Dockerfile': "FROM alpine:3.20\nCOPY {SRC} /app\nRUN awk '{print}' /app\nCMD node server.js\n",
    });
    const run = dockshift(['-t', 'exec-form'], { cwd: root });
    expect(run.status).toBe(0);
    expect(messages(run)).toEqual([
      'php/Dockerfile: skipped: a template, not a Dockerfile (line 1: FROM php:{PHP_TAG}-apache, where {PHP_TAG} is a placeholder); run dockshift on the Dockerfiles made from it',
      'sed/Dockerfile: skipped: a template, not a Dockerfile (line 1: FROM __BASE_IMAGE__, where __BASE_IMAGE__ is a placeholder); run dockshift on the Dockerfiles made from it',
    ]);
    expect(summary(run)).toEqual({ files: 3, changed: 1, unchanged: 0, errors: 0, skipped: 2 });
  });

  it('is an error still when an image name is wrong without a placeholder', () => {
    const run = dockshift(['-t', 'exec-form'], { cwd: tempFolder({ 'Dockerfile': 'FROM Ubuntu:20.04\nCMD ["x"]\n' }) });
    expect([run.status, messages(run)]).toEqual([2, ['Dockerfile:1: error: invalid image reference "Ubuntu:20.04"']]);
  });

  it('finds the syntax on a line the failing one continues onto', () => {
    const root = tempFolder({ 'Dockerfile.j2': 'FROM \\\n  {{ base_image }}\nCMD ["x"]\n' });
    const run = dockshift([], { cwd: root });
    expect([run.status, messages(run)]).toEqual([0, ['Dockerfile.j2: skipped: a template, not a Dockerfile (line 2: {{ base_image }}); run dockshift on the Dockerfiles made from it']]);
  });

  it('skips a fragment whose name says it is a template, with the line that fails', () => {
    const root = tempFolder({ '.templates/Dockerfile-extra.template': '# pasted after the FROM by update.sh\nRUN apt-get install -y git\n' });
    const run = dockshift([], { cwd: root });
    expect([run.status, messages(run)]).toEqual([0, ['.templates/Dockerfile-extra.template: skipped: a template, not a Dockerfile (its name ends in .template, and line 2 does not parse: RUN before the first FROM (only ARG may come first)); run dockshift on the Dockerfiles made from it']]);
  });

  it('--stdin prints a template back unchanged, with the note', () => {
    const run = dockshift(['--stdin', '--check', '--stdin-path', 'php/Dockerfile.template'], { cwd: tempFolder(), input: PLACEHOLDER });
    expect([run.status, run.stdout, run.stderr]).toEqual([0, PLACEHOLDER, `${PLACEHOLDER_NOTE}\n`]);
  });
});

describe('reports', () => {
  it('--json prints a record per file (errors too), with status, changes with column and hadolint rules, then a summary', () => {
    const root = tempFolder({
      'Dockerfile': NODE,
      'api/Dockerfile': CLEAN,
      'bad/Dockerfile': NO_FROM,
      'env/Dockerfile': 'FROM alpine:3.20\nCMD echo $HOME\n',
    });
    const run = dockshift(['--json', '-t', 'exec-form', '.', 'missing'], { cwd: root });
    expect(run.status).toBe(2);
    const records = jsonRecords(run);
    expect(records).toEqual([
      {
        type: 'file',
        path: 'missing',
        patchPath: null,
        status: 'error',
        changes: [],
        refusals: [],
        newFiles: [],
        fileEdits: [],
        runtime: [],
        inferredContext: null,
        error: { kind: 'missing', line: null, message: 'no such file or folder' },
        written: false,
        diff: '',
      },
      {
        type: 'file',
        path: 'Dockerfile',
        patchPath: 'Dockerfile',
        status: 'changed',
        changes: [{ transform: 'exec-form', line: 5, column: 1, message: 'CMD to exec form', tier: 'safe', hadolint: ['DL3025'] }],
        runtime: [],
        inferredContext: null,
        refusals: [],
        newFiles: [],
        fileEdits: [],
        error: null,
        written: false,
        diff: NODE_DIFF,
      },
      { type: 'file', path: 'api/Dockerfile', patchPath: 'api/Dockerfile', status: 'unchanged', changes: [], refusals: [], newFiles: [], fileEdits: [], runtime: [], inferredContext: null, error: null, written: false, diff: '' },
      {
        type: 'file',
        path: 'bad/Dockerfile',
        patchPath: 'bad/Dockerfile',
        status: 'error',
        changes: [],
        refusals: [],
        newFiles: [],
        fileEdits: [],
        runtime: [],
        inferredContext: null,
        error: { kind: 'not-dockerfile', line: 1, message: 'CMD before the first FROM (only ARG may come first)' },
        written: false,
        diff: '',
      },
      {
        type: 'file',
        path: 'env/Dockerfile',
        patchPath: 'env/Dockerfile',
        status: 'unchanged',
        changes: [],
        refusals: [{ transform: 'exec-form', line: 2, column: 1, hadolint: ['DL3025'], code: 'shell-feature', reason: 'uses variable expansion, which needs a shell' }],
        newFiles: [],
        fileEdits: [],
        runtime: [],
        inferredContext: null,
        error: null,
        written: false,
        diff: '',
      },
      {
        type: 'summary',
        files: 5,
        changed: 1,
        unchanged: 2,
        errors: 2,
        warnings: 0,
        skipped: 0,
        notProcessed: 0,
        interrupted: null,
        exitCode: 2,
        seconds: expect.any(Number),
      },
    ]);
  });

  it('--json --write says what was written', () => {
    const root = tempFolder({ 'Dockerfile': NODE });
    const run = dockshift(['--json', '--write', '-t', 'exec-form'], { cwd: root });
    expect(jsonRecords(run)[0]).toMatchObject({ path: 'Dockerfile', status: 'changed', written: true, diff: NODE_DIFF });
    expect(contents(root)).toEqual({ 'Dockerfile': NODE_FIXED });
  });

  it('--explain prints each change and refusal on stderr, in line order', () => {
    const root = tempFolder({
      'Dockerfile': 'FROM alpine:3.20 AS base\nENTRYPOINT run-app\nCMD -v\n\nFROM base\nCMD echo $HOME\nCMD exec app --port 80\n',
    });
    const run = dockshift(['--explain', '-t', 'exec-form'], { cwd: root });
    expect(run.status).toBe(0);
    expect(messages(run)).toEqual([
      'Dockerfile:2: exec-form: refused (entrypoint-with-cmd): shell-form ENTRYPOINT ignores CMD; exec form would pass CMD to it as arguments',
      'Dockerfile:3: exec-form: CMD to exec form',
      'Dockerfile:6: exec-form: refused (shell-feature): uses variable expansion, which needs a shell',
      'Dockerfile:7: exec-form: CMD to exec form',
    ]);
    expect(run.stdout).toContain('+CMD ["app", "--port", "80"]\n');
  });

  it('--patch-file writes the whole patch, the same as stdout', () => {
    const root = tempFolder({ 'Dockerfile': NODE, 'api/Dockerfile': CLEAN, 'web/Dockerfile': NODE.replace('server.js', 'web.js') });
    const run = dockshift(['--patch-file', 'out/changes.patch', '-t', 'exec-form'], { cwd: root });
    // The folder for the patch must exist; a failure is reported, not thrown.
    expect(run.status).toBe(2);
    expect(messages(run)).toEqual([expect.stringMatching(/^out\/changes\.patch: error: /)]);

    fs.mkdirSync(path.join(root, 'out'));
    const ok = dockshift(['--patch-file', 'out/changes.patch', '-t', 'exec-form'], { cwd: root });
    expect(ok.status).toBe(0);
    expect(ok.stdout).toContain('diff --git a/web/Dockerfile b/web/Dockerfile\n');
    expect(fs.readFileSync(path.join(root, 'out/changes.patch'), 'utf8')).toBe(ok.stdout);

    const json = dockshift(['--json', '--patch-file', 'json.patch', '-t', 'exec-form'], { cwd: root });
    expect(fs.readFileSync(path.join(root, 'json.patch'), 'utf8')).toBe(ok.stdout);
    expect(jsonRecords(json).map((r) => r.type)).toEqual(['file', 'file', 'file', 'summary']);
  });

  it('colors the diff with FORCE_COLOR=1, and not with NO_COLOR', () => {
    const root = tempFolder({ 'Dockerfile': NODE });
    const colored = dockshift(['-t', 'exec-form'], { cwd: root, env: { NO_COLOR: undefined, FORCE_COLOR: '1' } });
    expect(colored.stdout).toContain('\x1b[1mdiff --git a/Dockerfile b/Dockerfile\x1b[0m\n');
    expect(colored.stdout).toContain('\x1b[31m-CMD node server.js\x1b[0m\n');
    expect(colored.stdout).toContain('\x1b[32m+CMD ["node", "server.js"]\x1b[0m\n');
    expect(colored.stdout.replace(/\x1b\[\d+m/g, '')).toBe(NODE_DIFF);

    for (const env of [{ NO_COLOR: '1' }, { NO_COLOR: '1', FORCE_COLOR: '1' }, { NO_COLOR: undefined }, { NO_COLOR: undefined, FORCE_COLOR: '0' }]) {
      const plain = dockshift(['-t', 'exec-form'], { cwd: root, env });
      expect(plain.stdout).toBe(NODE_DIFF);
    }
    const json = dockshift(['--json', '-t', 'exec-form'], { cwd: root, env: { NO_COLOR: undefined, FORCE_COLOR: '1' } });
    expect(json.stdout).not.toContain('\x1b');
  });
});

describe('choosing transforms', () => {
  it('--list prints every transform with its default state, summary and hadolint rules', () => {
    const run = dockshift(['--list'], { cwd: tempFolder() });
    expect(run.status).toBe(0);
    expect(run.stderr).toBe('');
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines).toContainEqual(expect.stringMatching(/^exec-form +default +review +Rewrite shell-form CMD\/ENTRYPOINT as JSON exec form .*\[DL3025\]$/));
    expect(lines).toContainEqual(expect.stringMatching(/^collapse-run +default +safe +Merge consecutive RUN/));
    for (const line of lines) expect(line).toMatch(/^[a-z][a-z0-9-]* +(default|opt-in) +(safe|review) +\S/);
  });

  it('-t all runs every built-in transform, the opt-in ones too; --skip all is no transform', () => {
    const root = tempFolder();
    fs.writeFileSync(path.join(root, 'Dockerfile'), 'FROM debian:bookworm\nRUN curl https://example.com/x.sh -o /x.sh\nCMD ["/bin/sh", "/x.sh"]\n');
    const run = dockshift(['-t', 'all', '--skip', 'non-root-user', '--explain', 'Dockerfile'], { cwd: root });
    expect(run.status).toBe(0);
    // curl-fail is opt-in: only -t all (or its name) runs it.
    expect(run.stderr).toContain('curl-fail');
    expect(dockshift(['--explain', 'Dockerfile'], { cwd: root }).stderr).not.toContain('curl-fail');
    const listed = dockshift(['--list', '-t', 'all'], { cwd: root });
    const all = dockshift(['--list'], { cwd: root }).stdout.trimEnd().split('\n').length;
    expect(listed.stdout.match(/^[a-z-]+ \((?:default|opt-in)\):/gm)).toHaveLength(all);
    const skipped = dockshift(['--skip', 'all', 'Dockerfile'], { cwd: root });
    expect(skipped.status).toBe(2);
    expect(skipped.stderr).toBe('dockshift: unknown transform "all" (see --list)\n');
  });

  it('--list -t NAME prints that transform\'s documentation; an unknown name exits 2', () => {
    const run = dockshift(['--list', '-t', 'exec-form'], { cwd: tempFolder() });
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^exec-form \(default\): Rewrite shell-form CMD\/ENTRYPOINT .*\nhadolint: DL3025\nchanges: safe, and review ones \(an ENTRYPOINT in exec form .*\)\n\nTurns `CMD node server.js`/);
    expect(run.stdout).toContain('Refuses, leaving the instruction as it is');
    const bad = dockshift(['--list', '-t', 'no-such'], { cwd: tempFolder() });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toBe('dockshift: unknown transform "no-such" (see --list)\n');
  });

  it('--list --json prints the metadata, docs included', () => {
    const run = dockshift(['--list', '--json'], { cwd: tempFolder() });
    expect(run.status).toBe(0);
    const metas = JSON.parse(run.stdout) as { name: string }[];
    expect(Array.isArray(metas)).toBe(true);
    const names = metas.map((m) => m.name);
    expect(new Set(names).size).toBe(names.length);
    expect(metas.find((m) => m.name === 'exec-form')).toEqual({
      name: 'exec-form',
      summary: 'Rewrite shell-form CMD/ENTRYPOINT as JSON exec form when the shell adds nothing.',
      docs: expect.stringContaining('Refuses, leaving the instruction as it is'),
      hadolint: ['DL3025'],
      defaultEnabled: true,
      review: expect.stringContaining('ENTRYPOINT'),
      options: {},
      touches: { instructions: { CMD: ['edit'], ENTRYPOINT: ['edit'] } },
      refusals: expect.objectContaining({ 'shell-feature': expect.any(String) }),
    });
    const text = dockshift(['--list'], { cwd: tempFolder() });
    expect(text.stdout.trimEnd().split('\n').map((l) => l.split(' ')[0])).toEqual(names);
  });

  it('-t runs only the named transform, and paths may follow it', () => {
    const root = tempFolder({ 'Dockerfile': NODE, 'other/Dockerfile': NODE });
    const run = dockshift(['-t', 'exec-form', 'Dockerfile'], { cwd: root });
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(NODE_DIFF);
    const long = dockshift(['--transform=exec-form', '--', 'Dockerfile'], { cwd: root });
    expect(long.stdout).toBe(NODE_DIFF);
  });

  it('takes paths after --, even ones that look like flags', () => {
    const root = tempFolder({ '-j.Dockerfile': NODE, 'other/Dockerfile': NODE });
    const run = dockshift(['-t', 'exec-form', '--', '-j.Dockerfile'], { cwd: root });
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(NODE_DIFF.replaceAll('/Dockerfile', '/-j.Dockerfile'));
    expect(summary(run)).toEqual({ files: 1, changed: 1, unchanged: 0, errors: 0 });
  });

  it('--skip leaves that transform out, and paths may follow it', () => {
    const root = tempFolder({ 'Dockerfile': NODE });
    const skipped = dockshift(['--skip', 'exec-form', 'Dockerfile'], { cwd: root });
    expect(skipped.status).toBe(0);
    expect(skipped.stdout).not.toContain('CMD ["node", "server.js"]');
    expect(summary(skipped)?.files).toBe(1);

    const none = dockshift(['-t', 'exec-form', '--skip', 'exec-form'], { cwd: root });
    expect(none.status).toBe(0);
    expect(none.stdout).toBe('');
    expect(summary(none)).toEqual({ files: 1, changed: 0, unchanged: 1, errors: 0 });
  });

  it.each([
    [['-t', 'no-such-transform'], 'dockshift: unknown transform "no-such-transform" (see --list)'],
    [['--skip', 'exec-form,nope'], 'dockshift: unknown transform "nope" (see --list)'],
    [['-o', 'exec-form.nope=1'], 'dockshift: transform exec-form has no option "nope" (options: none)'],
    [['-o', 'nope.key=1'], 'dockshift: unknown transform "nope" in --option nope.key=1'],
    [['-o', 'exec-form'], 'dockshift: --option expects transform.key=value, got "exec-form"'],
    [['-o', 'collapse-run.maxCommands=-3'], 'dockshift: --option collapse-run.maxCommands=-3: expected a whole number of 0 or more, got -3'],
    [['-o', 'collapse-run.maxCommands=2.5'], 'dockshift: --option collapse-run.maxCommands=2.5: expected a whole number of 0 or more, got 2.5'],
    [['-o', 'collapse-run.maxCommands=many'], 'dockshift: --option collapse-run.maxCommands=many: expected a number, got "many"'],
    [['-o', 'non-root-user.uid=0'], 'dockshift: --option non-root-user.uid=0: expected a whole number from 1 to 2147483646, got 0'],
    [['-o', 'collapse-run.allStages=yes'], 'dockshift: --option collapse-run.allStages=yes: expected a boolean, got "yes"'],
    [['-j', 'many'], 'dockshift: --concurrency expects a whole number of threads, 1 or more, got "many"'],
    [['-j', '0'], 'dockshift: --concurrency expects a whole number of threads, 1 or more, got "0"'],
    [['-j', '1.5'], 'dockshift: --concurrency expects a whole number of threads, 1 or more, got "1.5"'],
    // Read as -o reads a number, not as JavaScript's Number() would.
    [['-j', ' 2'], 'dockshift: --concurrency expects a whole number of threads, 1 or more, got " 2"'],
    [['-j', '1e0'], 'dockshift: --concurrency expects a whole number of threads, 1 or more, got "1e0"'],
    [['-j', '0x2'], 'dockshift: --concurrency expects a whole number of threads, 1 or more, got "0x2"'],
    [['--concurrency='], 'dockshift: --concurrency expects a whole number of threads, 1 or more, got ""'],
  ])('%j is a usage error: exit 2, one message, nothing done', (args, message) => {
    const root = tempFolder({ 'Dockerfile': NODE });
    const run = dockshift(['--write', ...args], { cwd: root });
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(`${message}\n`);
    expect(contents(root)).toEqual({ 'Dockerfile': NODE });
  });

  it('an unknown flag is a usage error', () => {
    const run = dockshift(['--frobnicate'], { cwd: tempFolder({ 'Dockerfile': NODE }) });
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^dockshift: Unknown argument: frobnicate\nRun dockshift --help for usage\.\n$/);
  });
});

describe('--write keeps what it does not mean to change', () => {
  it('keeps the file mode', () => {
    const root = tempFolder({ 'Dockerfile': NODE, 'ro/Dockerfile': NODE });
    fs.chmodSync(path.join(root, 'Dockerfile'), 0o755);
    fs.chmodSync(path.join(root, 'ro/Dockerfile'), 0o640);
    expect(dockshift(['-w', '-t', 'exec-form'], { cwd: root }).status).toBe(0);
    expect(fs.statSync(path.join(root, 'Dockerfile')).mode & 0o7777).toBe(0o755);
    expect(fs.statSync(path.join(root, 'ro/Dockerfile')).mode & 0o7777).toBe(0o640);
    expect(contents(root)).toEqual({ 'Dockerfile': NODE_FIXED, 'ro/Dockerfile': NODE_FIXED });
  });

  it.each([
    ['a BOM', (s: string) => `\uFEFF${s}`],
    ['CRLF line endings', (s: string) => s.replaceAll('\n', '\r\n')],
    ['a missing final newline', (s: string) => s.slice(0, -1)],
    ['all three', (s: string) => `\uFEFF${s.replaceAll('\n', '\r\n').slice(0, -2)}`],
  ])('keeps %s', (_, shape) => {
    const root = tempFolder({ 'Dockerfile': Buffer.from(shape(NODE), 'utf8') });
    expect(dockshift(['-w', '-t', 'exec-form'], { cwd: root }).status).toBe(0);
    expect(fs.readFileSync(path.join(root, 'Dockerfile')).equals(Buffer.from(shape(NODE_FIXED), 'utf8'))).toBe(true);
  });

  it('writes through a symlinked Dockerfile: the link stays a link, its target is rewritten', () => {
    const root = tempFolder({ 'docker/node.dockerfile.txt': NODE });
    const link = path.join(root, 'Dockerfile');
    fs.symlinkSync('docker/node.dockerfile.txt', link);
    const run = dockshift(['-w', '-t', 'exec-form', 'Dockerfile'], { cwd: root });
    expect(run.status).toBe(0);
    expect(fs.lstatSync(link).isSymbolicLink()).toBe(true);
    expect(fs.readlinkSync(link)).toBe('docker/node.dockerfile.txt');
    expect(fs.readFileSync(path.join(root, 'docker/node.dockerfile.txt'), 'utf8')).toBe(NODE_FIXED);
    expect(listFiles(root)).toEqual(['Dockerfile', 'docker/node.dockerfile.txt']);
  });

  it('leaves no temporary files behind', () => {
    const root = tempFolder({ 'Dockerfile': NODE, 'a/Dockerfile': NODE, 'b/Dockerfile': CLEAN, 'c/Dockerfile': NO_FROM });
    dockshift(['-w'], { cwd: root });
    expect(listFiles(root).filter((f) => f.includes('.dockshift-tmp-'))).toEqual([]);
    expect(listFiles(root)).toEqual(['Dockerfile', 'a/Dockerfile', 'b/Dockerfile', 'c/Dockerfile']);
  });
});

describe('concurrency', () => {
  /** 120 files (enough for the worker pool): most change, some are clean, some fail. */
  function manyFiles(): string {
    const files: Record<string, string> = {};
    for (let i = 0; i < 120; i++) {
      const dir = `svc-${String(i).padStart(3, '0')}`;
      if (i % 17 === 5) files[`${dir}/Dockerfile`] = NO_FROM;
      else if (i % 7 === 3) files[`${dir}/Dockerfile`] = CLEAN;
      else files[`${dir}/Dockerfile`] = `FROM node:${18 + (i % 4)}-alpine\nWORKDIR /srv/${i}\nUSER node\nCMD node app-${i}.js --port ${3000 + i}\nHEALTHCHECK CMD wget -q localhost:${3000 + i}\n`;
    }
    return tempFolder(files);
  }

  it('gives the same output with -j 1, -j 2, the default and --run-in-band', () => {
    const root = manyFiles();
    const runs = [['-j', '1'], ['-j', '2'], [], ['--run-in-band']].map((extra) => dockshift(['--json', ...extra], { cwd: root }));
    // The summary record's time differs from run to run.
    const files = (run: CliRun) => jsonRecords(run).filter((r) => r.type === 'file');
    for (const run of runs) {
      expect(run.status).toBe(2);
      expect(files(run)).toEqual(files(runs[0]!));
      expect(jsonRecords(run).at(-1)).toMatchObject({ type: 'summary', files: 120, changed: 97, unchanged: 16, errors: 7 });
      expect(messages(run)).toEqual(messages(runs[0]!));
      expect(summary(run)).toEqual({ files: 120, changed: 97, unchanged: 16, errors: 7 });
    }
    const paths = files(runs[0]!).map((r) => r.path as string);
    expect(paths).toEqual([...paths].sort());
    expect(paths).toHaveLength(120);

    const diffs = [['-j', '1'], ['-j', '3'], ['--run-in-band']].map((extra) => dockshift(extra, { cwd: root }).stdout);
    expect(diffs[1]).toBe(diffs[0]);
    expect(diffs[2]).toBe(diffs[0]);
    expect(diffs[0]).toContain('+CMD ["node", "app-119.js", "--port", "3119"]\n');
  });

  it('lowers a concurrency beyond two threads per CPU and gives the in-band output', () => {
    const root = manyFiles();
    const capped = dockshift(['--json', '-j', '99999999999999999999'], { cwd: root });
    const inBand = dockshift(['--json', '--run-in-band'], { cwd: root });
    expect(capped.stderr).not.toContain('concurrency');
    expect(capped.status).toBe(2);
    expect(jsonRecords(capped).filter((r) => r.type === 'file')).toEqual(jsonRecords(inBand).filter((r) => r.type === 'file'));
  });

  it('writes the same files from worker threads as in band, and leaves no temporary files', () => {
    const pooled = manyFiles();
    const inBand = copyFolder(pooled);
    const a = dockshift(['-w', '-j', '3'], { cwd: pooled });
    const b = dockshift(['-w', '--run-in-band'], { cwd: inBand });
    expect(a.stdout).toBe(b.stdout);
    expect(contents(pooled)).toEqual(contents(inBand));
    expect(listFiles(pooled)).toHaveLength(120);
    expect(contents(pooled)['svc-000/Dockerfile']).toBe('FROM node:18-alpine\nWORKDIR /srv/0\nUSER node\nCMD ["node", "app-0.js", "--port", "3000"]\nHEALTHCHECK CMD wget -q localhost:3000\n');
    expect(dockshift(['--check', '-j', '2', '-t', 'exec-form'], { cwd: pooled }).stdout).toBe('');
  });
});

describe('finding files', () => {
  it('takes --ignore-pattern more than once, with paths after it', () => {
    const root = tempFolder({ 'Dockerfile': NODE, 'vendor/Dockerfile': NODE, 'test/Dockerfile': NODE, '.gitignore': 'tmp/\n', 'tmp/Dockerfile': NODE });
    const run = dockshift(['--ignore-pattern', 'vendor/', '--ignore-pattern', 'test', '-t', 'exec-form', '.'], { cwd: root });
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(NODE_DIFF);
    expect(summary(run)).toEqual({ files: 1, changed: 1, unchanged: 0, errors: 0 });
  });

  it('processes a file named explicitly whatever its name', () => {
    const root = tempFolder({ 'build/image.txt': NODE });
    const run = dockshift(['-t', 'exec-form', 'build/image.txt'], { cwd: root });
    expect(run.stdout).toBe(NODE_DIFF.replaceAll('/Dockerfile', '/build/image.txt'));
  });
});

describe('--help', () => {
  it('prints usage and exits 0', () => {
    const run = dockshift(['--help'], { cwd: tempFolder() });
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('dockshift [paths..]');
    for (const flag of ['--write', '--check', '--transform', '--skip', '--option', '--list', '--json', '--explain', '--patch-file', '--stdin', '--concurrency', '--run-in-band', '--ignore-pattern', '--include-generated']) {
      expect(run.stdout).toContain(flag);
    }
  });
});
