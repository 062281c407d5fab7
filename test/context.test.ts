import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { contextPath, MAX_READ_BYTES, memoryBuildContext, openBuildContext, overlayBuildContext, overlayLayer, resetBuildContexts } from '../src/engine/context.js';
import { parseDockerIgnore } from '../src/engine/dockerignore.js';
import { removeTempFolders, tempFolder } from './helpers/cli.js';

const tree = tempFolder;
afterEach(() => {
  removeTempFolders();
  resetBuildContexts();
});

describe('contextPath', () => {
  it('normalises relative paths and refuses ones that leave the root', () => {
    expect(contextPath('./a/../b/')).toBe('b');
    expect(contextPath('.')).toBe('.');
    expect(contextPath('a\\b')).toBe('a/b');
    expect(contextPath('../x')).toBeNull();
    expect(contextPath('/etc/passwd')).toBeNull();
    expect(contextPath('a/../../x')).toBeNull();
  });

  it('gives what path.posix.normalize gives for every shape of path', () => {
    const parts = ['a', 'b.c', '.', '..', '', '.x', '..y', 'z..', '\\', 'a\\b', '\0'];
    const slow = (rel: string): string | null => {
      if (rel.includes('\0')) return null;
      const normal = path.posix.normalize(rel.replace(/\\/g, '/')).replace(/\/+$/, '');
      if (normal === '' || normal === '.') return '.';
      if (path.posix.isAbsolute(normal) || normal === '..' || normal.startsWith('../')) return null;
      return normal;
    };
    for (const a of parts) for (const b of parts) for (const c of parts) for (const sep of ['/', '//']) {
      for (const rel of [a, `${a}${sep}${b}`, `${a}${sep}${b}${sep}${c}`, `/${a}${sep}${b}`, `${a}${sep}${b}/`]) expect(contextPath(rel), JSON.stringify(rel)).toBe(slow(rel));
    }
  });
});

describe('the contexts a run keeps', () => {
  it('shares one context among the Dockerfiles of a folder, and keeps only recent ones', () => {
    const first = tree({ Dockerfile: 'FROM alpine\n' });
    const ctx = openBuildContext(first, path.join(first, 'Dockerfile'));
    const other = tree({ Dockerfile: 'FROM alpine\n' });
    openBuildContext(other, path.join(other, 'Dockerfile'));
    expect(openBuildContext(first, path.join(first, 'Dockerfile'))).toBe(ctx);
    // A fleet run opens a context per folder: older ones are let go, and reopened fresh when asked again.
    const many = tree(Object.fromEntries(Array.from({ length: 80 }, (_, i) => [`f${i}/Dockerfile`, 'FROM alpine\n'])));
    for (let i = 0; i < 80; i++) openBuildContext(path.join(many, `f${i}`), path.join(many, `f${i}`, 'Dockerfile'));
    const again = openBuildContext(first, path.join(first, 'Dockerfile'));
    expect(again).not.toBe(ctx);
    expect(again!.root).toBe(ctx!.root);
  });
});

describe('a build context on disk', () => {
  it('lists, reads and walks what is there, lazily and sorted', () => {
    const root = tree({ 'go.mod': 'module x\n', 'cmd/main.go': 'package main\n', '.git/HEAD': 'ref\n', 'README.md': '# x\n' });
    const ctx = openBuildContext(root, path.join(root, 'Dockerfile'))!;
    expect(ctx.root).toBe(fs.realpathSync(root));
    expect(ctx.read('go.mod')).toBe('module x\n');
    expect(ctx.kind('cmd')).toBe('dir');
    expect(ctx.exists('missing')).toBe(false);
    expect(ctx.list()!.map((e) => e.path)).toEqual(['.git', 'README.md', 'cmd', 'go.mod']);
    const walk = ctx.walk();
    expect(walk.complete).toBe(true);
    // .git is listed but not entered.
    expect(walk.entries.map((e) => e.path)).toEqual(['.git', 'README.md', 'cmd', 'cmd/main.go', 'go.mod']);
  });

  it('walks around the folders it is told to prune, still listing them', () => {
    const root = tree({ 'package.json': '{}', 'node_modules/a/index.js': '', 'node_modules/b/index.js': '', 'src/node_modules/c.js': '', 'src/app.js': '' });
    const ctx = openBuildContext(root, null)!;
    const pruned = ctx.walk((dir) => path.posix.basename(dir) === 'node_modules');
    expect(pruned).toEqual({
      complete: true,
      entries: [
        { path: 'node_modules', kind: 'dir' },
        { path: 'package.json', kind: 'file' },
        { path: 'src', kind: 'dir' },
        { path: 'src/app.js', kind: 'file' },
        { path: 'src/node_modules', kind: 'dir' },
      ],
    });
    expect(ctx.walk().entries).toHaveLength(10);
    const memory = memoryBuildContext({ 'package.json': '{}', 'node_modules/a/index.js': '', 'src/node_modules/c.js': '', 'src/app.js': '' });
    expect(memory.walk((dir) => path.posix.basename(dir) === 'node_modules').entries.map((e) => e.path)).toEqual(['node_modules', 'package.json', 'src', 'src/app.js', 'src/node_modules']);
  });

  it('never reads outside the root, through `..` or a symlink', () => {
    const outside = tree({ 'secret.txt': 'no\n' });
    const root = tree({ 'a.txt': 'yes\n' });
    fs.symlinkSync(path.join(outside, 'secret.txt'), path.join(root, 'link.txt'));
    fs.symlinkSync(outside, path.join(root, 'linkdir'));
    fs.symlinkSync(path.join(root, 'a.txt'), path.join(root, 'inside.txt'));
    const ctx = openBuildContext(root, null)!;
    expect(ctx.read('../' + path.basename(outside) + '/secret.txt')).toBeNull();
    expect(ctx.read('link.txt')).toBeNull();
    expect(ctx.kind('linkdir')).toBeNull();
    expect(ctx.read('inside.txt')).toBe('yes\n');
    expect(ctx.list()!.map((e) => e.path)).toEqual(['a.txt', 'inside.txt']);
  });

  it('says the same of an entry whether a listing or the path alone tells it', () => {
    const outside = tree({ 'secret.txt': 'no\n', 'sub/x.txt': '' });
    const root = tree({ 'a.txt': '', 'src/b.go': '', 'src/deep/c.go': '', 'back\\slash.txt': '' });
    fs.symlinkSync(path.join(root, 'a.txt'), path.join(root, 'src/link.txt'));
    fs.symlinkSync(path.join(root, 'src'), path.join(root, 'linked-src'));
    fs.symlinkSync(outside, path.join(root, 'out'));
    fs.symlinkSync(path.join(root, 'gone'), path.join(root, 'dangling'));
    const paths = ['a.txt', 'src', 'src/b.go', 'src/deep', 'src/deep/c.go', 'src/link.txt', 'linked-src', 'linked-src/b.go', 'linked-src/deep/c.go', 'linked-src/link.txt', 'out', 'out/secret.txt', 'dangling', 'back\\slash.txt', 'back/slash.txt', 'missing.txt', 'src/missing.go', 'src/deep/gone/c.go', 'gone/x.go', 'a.txt/x', 'out/sub/x.txt', 'linked-src/deep/gone'];
    const asked = openBuildContext(root, null)!;
    const byPath = paths.map((p) => asked.kind(p));
    resetBuildContexts();
    const listed = openBuildContext(root, null)!;
    const walked = listed.walk().entries;
    for (const dir of ['src', 'src/deep', 'linked-src', 'linked-src/deep', 'out']) listed.list(dir);
    expect(paths.map((p) => listed.kind(p))).toEqual(byPath);
    expect(byPath).toEqual(['file', 'dir', 'file', 'dir', 'file', 'file', 'dir', 'file', 'file', 'file', null, null, null, null, null, null, null, null, null, null, null, null]);
    // A symlinked folder is listed, not entered; a name with a backslash is no context path.
    expect(walked.map((e) => e.path)).toEqual(['a.txt', 'linked-src', 'src', 'src/b.go', 'src/deep', 'src/deep/c.go', 'src/link.txt']);
  });

  it.skipIf(process.platform === 'darwin' || process.platform === 'win32')('answers a missing name from a listing, with no lookup of its own', () => {
    const root = tree({ 'a.txt': '', 'src/b.go': '' });
    const ctx = openBuildContext(root, null)!;
    expect(ctx.kind('a.txt')).toBe('file');
    // Made after the root was listed: the listing answers, as it would for a name never there.
    fs.writeFileSync(path.join(root, 'compose.yaml'), '');
    fs.mkdirSync(path.join(root, 'late'));
    fs.writeFileSync(path.join(root, 'late', 'c.go'), '');
    expect([ctx.kind('compose.yaml'), ctx.kind('late/c.go')]).toEqual([null, null]);
    // A folder not listed is asked path by path.
    fs.writeFileSync(path.join(root, 'src', 'new.go'), '');
    expect(ctx.kind('src/new.go')).toBe('file');
    ctx.list('src');
    fs.writeFileSync(path.join(root, 'src', 'newer.go'), '');
    expect(ctx.kind('src/newer.go')).toBeNull();
  });

  it('says the same by listing where realpath fails on a long path, and through a long chain of symlinks', () => {
    // Entries whose path nears PATH_MAX: realpath fails there, and the entry reads as missing.
    const root = tree({ 'a.txt': '' });
    // A folder whose absolute path is 4,040 bytes long, whatever the temporary folder's length.
    const parts: string[] = [];
    let length = root.length;
    while (length + 251 <= 4040) {
      parts.push('d'.repeat(250));
      length += 251;
    }
    if (length < 4039) parts.push('e'.repeat(4039 - length));
    const deep = parts.join('/');
    fs.mkdirSync(path.join(root, deep), { recursive: true });
    // Made from inside the folder: their absolute paths are too long to name.
    execFileSync('sh', ['-c', 'cd "$1" && : > "$2" && mkdir "$3"', 'sh', path.join(root, deep), 'x'.repeat(60), 'y'.repeat(70)]);
    // 31 symlinked folders then 31 symlinked files: more than the 40 links the C library's realpath follows.
    fs.mkdirSync(path.join(root, 'real'));
    fs.writeFileSync(path.join(root, 'real', 'file'), '');
    fs.symlinkSync('real', path.join(root, 'd0'));
    fs.symlinkSync('file', path.join(root, 'real', 'f0'));
    for (let i = 1; i <= 30; i++) {
      fs.symlinkSync(`d${i - 1}`, path.join(root, `d${i}`));
      fs.symlinkSync(`f${i - 1}`, path.join(root, 'real', `f${i}`));
    }
    try {
      expectListingAgrees(root, deep);
    } finally {
      // rm takes a tree deeper than a path can name; rmSync does not.
      execFileSync('rm', ['-rf', path.join(root, 'd'.repeat(250))]);
    }
  });

  function expectListingAgrees(root: string, deep: string): void {
    const paths = [deep, `${deep}/${'x'.repeat(60)}`, `${deep}/${'y'.repeat(70)}`, 'd30/f30', 'd30/file', 'd10/f30'];
    const asked = openBuildContext(root, null)!;
    const byPath = paths.map((p) => asked.kind(p));
    resetBuildContexts();
    const listed = openBuildContext(root, null)!;
    listed.list(deep);
    listed.list('d30');
    expect(paths.map((p) => listed.kind(p))).toEqual(byPath);
    expect(byPath).toEqual(['dir', null, null, 'file', 'file', 'file']);
  }

  it('does not read large or binary files', () => {
    const root = tree({ 'big.json': 'x'.repeat(MAX_READ_BYTES + 1), 'bin.dat': 'a\0b' });
    const ctx = openBuildContext(root, null)!;
    expect(ctx.read('big.json')).toBeNull();
    expect(ctx.read('bin.dat')).toBeNull();
    expect(ctx.exists('big.json')).toBe(true);
  });

  it('reads the first bytes of any file, binary or large, and nothing outside the root', () => {
    const outside = tree({ 'secret.bin': '\x1f\x8bsecret' });
    const root = tree({ 'big.json': 'x'.repeat(MAX_READ_BYTES + 1), 'bin.dat': 'a\0b', dir: '' });
    fs.rmSync(path.join(root, 'dir'));
    fs.mkdirSync(path.join(root, 'dir'));
    fs.symlinkSync(path.join(outside, 'secret.bin'), path.join(root, 'link.bin'));
    const ctx = openBuildContext(root, null)!;
    expect([...ctx.head('bin.dat', 16)!]).toEqual([0x61, 0, 0x62]);
    expect(ctx.head('big.json', 4)!.length).toBe(4);
    expect(ctx.head('bin.dat', 0)!.length).toBe(0);
    expect(ctx.head('dir', 4)).toBeNull();
    expect(ctx.head('missing', 4)).toBeNull();
    expect(ctx.head('link.bin', 4)).toBeNull();
    expect(ctx.head('../' + path.basename(outside) + '/secret.bin', 4)).toBeNull();
  });

  it('answers "would COPY . send this?" with the .dockerignore, or the Dockerfile\'s own ignore file', () => {
    const root = tree({
      '.dockerignore': 'node_modules\n*.log\n!keep.log\n**/secret\n',
      'Dockerfile.prod.dockerignore': '*.md\n',
      'node_modules/x/index.js': '',
      'app.log': '',
      'keep.log': '',
      'src/secret': '',
      'README.md': '',
      'src/main.js': '',
    });
    const ctx = openBuildContext(root, path.join(root, 'Dockerfile'))!;
    expect(ctx.ignoreFile?.path).toBe(path.join(fs.realpathSync(root), '.dockerignore'));
    expect(['node_modules', 'node_modules/x/index.js', 'app.log', 'keep.log', 'src/secret', 'README.md', 'src/main.js', 'missing'].map((p) => ctx.sends(p))).toEqual([
      false, false, false, true, false, true, true, false,
    ]);
    const prod = openBuildContext(root, path.join(root, 'Dockerfile.prod'))!;
    expect(prod.ignoreFile?.path).toBe(path.join(root, 'Dockerfile.prod.dockerignore'));
    expect([prod.sends('README.md'), prod.sends('app.log')]).toEqual([false, true]);
  });

  it('is shared by Dockerfiles of one context for the run', () => {
    const root = tree({ 'a.txt': '' });
    expect(openBuildContext(root, path.join(root, 'Dockerfile'))).toBe(openBuildContext(root, path.join(root, 'Dockerfile.dev')));
    expect(openBuildContext(path.join(root, 'a.txt'), null)).toBeNull();
  });
});

describe('.dockerignore semantics', () => {
  // Cases from moby/patternmatcher's tests and Docker's documentation.
  it.each([
    ['*.go', 'main.go', true],
    ['*.go', 'cmd/main.go', false],
    ['**/*.go', 'cmd/main.go', true],
    ['cmd', 'cmd/main.go', true],
    ['/cmd', 'cmd/main.go', true],
    ['temp?', 'temp1', true],
    ['*/temp*', 'somedir/temporary.txt', true],
    ['*/*/temp*', 'somedir/subdir/temporary.txt', true],
    ['Node_Modules', 'node_modules', false],
    ['docs/**/*.md', 'docs/a/b/c.md', true],
    ['docs/**/*.md', 'docs/c.md', true],
    ['.git', '.git/objects/ab', true],
  ])('%s excludes %s: %s', (pattern, file, excluded) => {
    expect(parseDockerIgnore(pattern).excludes(file)).toBe(excluded);
  });

  it('applies exceptions in order', () => {
    const rules = parseDockerIgnore('*.md\n!README*.md\nREADME-secret.md\n');
    expect(['a.md', 'README.md', 'README-secret.md'].map((f) => rules.excludes(f))).toEqual([true, false, true]);
  });
});

describe('a build context in memory', () => {
  it('behaves like the disk one', () => {
    const ctx = memoryBuildContext({ 'package.json': '{}', 'src/index.js': '', '.dockerignore': 'src\n' });
    expect(ctx.kind('src')).toBe('dir');
    expect(ctx.list()!.map((e) => e.path)).toEqual(['.dockerignore', 'package.json', 'src']);
    expect(ctx.read('package.json')).toBe('{}');
    expect(ctx.sends('src/index.js')).toBe(false);
    expect(ctx.sends('package.json')).toBe(true);
    expect(ctx.read('../x')).toBeNull();
    expect([...ctx.head('package.json', 1)!]).toEqual([0x7b]);
    expect(ctx.head('src', 1)).toBeNull();
  });
});

describe('a build context with proposed files', () => {
  it('reads, lists, walks and applies a proposed .dockerignore as though it were written', () => {
    const root = tree({ 'Dockerfile': 'FROM alpine\n', 'node_modules/x/index.js': '1\n', 'src/app.js': '1\n' });
    const base = openBuildContext(root, path.join(root, 'Dockerfile'))!;
    expect(base.sends('node_modules')).toBe(true);
    const ctx = overlayBuildContext(base, new Map([['.dockerignore', 'node_modules\n'], ['conf/new.txt', 'x\n']]));
    expect(ctx.read('.dockerignore')).toBe('node_modules\n');
    expect(ctx.ignoreFile).toEqual({ path: path.join(base.root, '.dockerignore'), text: 'node_modules\n', proposed: true });
    expect([ctx.sends('node_modules'), ctx.sends('node_modules/x/index.js'), ctx.sends('src/app.js'), ctx.sends('conf/new.txt')]).toEqual([false, false, true, true]);
    expect(ctx.kind('conf')).toBe('dir');
    expect(ctx.list()!.map((e) => e.path)).toEqual(['.dockerignore', 'Dockerfile', 'conf', 'node_modules', 'src']);
    expect(ctx.walk((d) => d === 'node_modules').entries.map((e) => e.path)).toEqual(['.dockerignore', 'Dockerfile', 'conf', 'conf/new.txt', 'node_modules', 'src', 'src/app.js']);
    expect(Buffer.from(ctx.head('.dockerignore', 4)!).toString()).toBe('node');
    // The context on disk is untouched.
    expect([base.exists('.dockerignore'), base.sends('node_modules')]).toEqual([false, true]);
  });

  it('names its base and paths, and extends a walk of the base as its own walk reads', () => {
    const root = tree({ 'Dockerfile': 'FROM alpine\n', 'node_modules/x/index.js': '1\n', 'src/app.js': '1\n' });
    const base = openBuildContext(root, path.join(root, 'Dockerfile'))!;
    const ctx = overlayBuildContext(base, new Map([['.dockerignore', 'node_modules\n'], ['node_modules/y.js', 'x\n']]));
    const layer = overlayLayer(ctx)!;
    expect([layer.base === base, layer.paths, overlayLayer(base)]).toEqual([true, ['.dockerignore', 'node_modules/y.js'], null]);
    const prune = (d: string) => d === 'node_modules';
    expect(layer.extend(base.walk(prune), prune)).toEqual(ctx.walk(prune));
    expect(layer.extend(base.walk(), undefined)).toEqual(ctx.walk());
  });

  it("keeps a Dockerfile's own ignore file, which wins over the root's", () => {
    const base = memoryBuildContext({ 'node_modules/x.js': '1\n' }, '# own\n');
    const ctx = overlayBuildContext(base, new Map([['.dockerignore', 'node_modules\n']]));
    expect(ctx.ignoreFile!.text).toBe('# own\n');
    expect(ctx.sends('node_modules')).toBe(true);
  });
});
