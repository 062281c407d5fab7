import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { discover, isDockerfileName } from '../src/engine/discover.js';
import { git, removeTempFolders, tempFolder } from './helpers/cli.js';

describe('isDockerfileName', () => {
  // Renovate's patterns, applied to a base name:
  //   (^|/|\.)([Dd]ocker|[Cc]ontainer)file$   and   (^|/)([Dd]ocker|[Cc]ontainer)file[^/]*$
  // minus BuildKit's per-Dockerfile ignore file and names ending in a program's, script's or
  // document's extension, except `Dockerfile.<ext>` with the word capitalised.
  it.each([
    'Dockerfile',
    'dockerfile',
    'Containerfile',
    'containerfile',
    'Dockerfile.dev',
    'Dockerfile-prod',
    'Dockerfile_ci',
    'Dockerfile-3.11',
    'Dockerfile_py3.8',
    'dockerfile.prod',
    'Dockerfile.template',
    'Dockerfile.alpine.arm64',
    'Containerfile.fedora',
    'app.Dockerfile',
    'app.dockerfile',
    'x.containerfile',
    'web.api.Containerfile',
    '.dockerfile',
    // variant suffixes after a '-' or '_' name
    'Dockerfile-alpine.onbuild',
    'Dockerfile-alpine.prod',
    'Dockerfile-12.alpine',
    'Dockerfile_arm.v7',
    'Dockerfile-py3.rhel8',
    'Dockerfile-ubuntu.focal',
    'Dockerfile-debian.template',
    'Dockerfile_prod.template',
    'Dockerfile-dev.tmpl',
    'Dockerfile.test',
    'Dockerfile.bak',
    // the word followed by anything, as Renovate's second pattern
    'Dockerfile2',
    'DockerfileDev',
    'Dockerfiles',
    'containerfile-builder',
    // images named after a language, and Dockerfiles an editor saved as text
    'Dockerfile.go',
    'Dockerfile.py',
    'Dockerfile.java',
    'Dockerfile.sh',
    'Containerfile.rs',
    'Dockerfile.txt',
    'dockerfile.txt',
    'Dockerfile-windows.txt',
  ])('%s is a Dockerfile', (name) => {
    expect(isDockerfileName(name)).toBe(true);
  });

  it.each([
    'Dockerfile.dockerignore',
    'app.Dockerfile.dockerignore',
    '.dockerignore',
    'README.md',
    'notDockerfile',
    'my-dockerfile',
    'app_Dockerfile',
    'DOCKERFILE',
    'Makefile',
    'docker-compose.yml',
    'docker.yml',
    'file',
    '',
    // programs about Dockerfiles, their tests, scripts, documents and data
    'DockerfileParser.java',
    'dockerfileName.ts',
    'dockerfile_test.go',
    'Dockerfile_test.go',
    'dockerfile-parser.js',
    'Containerfile_builder.py',
    'dockerfile.go',
    'dockerfile.ts',
    'dockerfile.py',
    'dockerfile.test.ts',
    'dockerfile.test.ts.snap',
    'containerfile.rs',
    'dockerfile.sh',
    'Dockerfile-build.sh',
    'dockerfile.yml',
    'Dockerfile-lint.yaml',
    'dockerfile.json',
    'Dockerfile_guide.md',
    'dockerfile.R',
    'Dockerfile_to_generic.mli',
    'dockerfile_lexer.mll',
    'dockerfile_parser.mly',
    'dockerfile.hrl',
    // a bundler's chunk of an editor's Dockerfile mode, its source map, and the copies a build precompresses
    'dockerfile-knGOOxt4.js.map',
    'dockerfile.js.map',
    'dockerfile-knGOOxt4.js.gz',
    'dockerfile-knGOOxt4.js.br',
  ])('%j is not a Dockerfile', (name) => {
    expect(isDockerfileName(name)).toBe(false);
  });
});

describe('discover', () => {
  const made: string[] = [];
  afterEach(() => {
    for (const dir of made.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
  });

  /** A temp folder holding `files` (path → content; content `null` makes a folder). */
  function tree(files: Record<string, string | null>): string {
    const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'dockshift-discover-')));
    made.push(root);
    for (const [rel, content] of Object.entries(files)) {
      const abs = path.join(root, rel);
      if (content === null) {
        fs.mkdirSync(abs, { recursive: true });
      } else {
        fs.mkdirSync(path.dirname(abs), { recursive: true });
        fs.writeFileSync(abs, content);
      }
    }
    return root;
  }

  const from = 'FROM alpine:3.20\n';

  /** discover() from `root`, as paths relative to it. */
  async function found(root: string, paths: string[] = ['.'], ignorePatterns: string[] = []) {
    const result = await discover(paths, { cwd: root, ignorePatterns });
    return { files: result.files.map((f) => path.relative(root, f.path).split(path.sep).join('/')), problems: result.problems };
  }

  it('finds Dockerfiles by name at any depth, sorted, and nothing else', async () => {
    const root = tree({
      'Dockerfile': from,
      'README.md': '# hi\n',
      'Dockerfile.dockerignore': 'node_modules\n',
      'services/web/Dockerfile.dev': from,
      'services/web/app.dockerfile': from,
      'services/api/Containerfile': from,
      'services/api/main.go': 'package main\n',
      'b/Dockerfile-prod': from,
      'a/Dockerfile': from,
      'folder.Dockerfile/inner.txt': 'not a Dockerfile\n',
      // Names that fit two of the search's patterns, a dot name, and the shapes isDockerfileName decides.
      'c/dockerfile.Dockerfile': from,
      'c/.dockerfile': from,
      'c/containerfile.prod': from,
      'c/Dockerfile.go': from,
      'c/dockerfile.go': 'package dockerfile\n',
      'c/DOCKERFILE': from,
    });
    const { files, problems } = await found(root);
    expect(problems).toEqual([]);
    expect(files).toEqual([
      'Dockerfile',
      'a/Dockerfile',
      'b/Dockerfile-prod',
      'c/.dockerfile',
      'c/Dockerfile.go',
      'c/containerfile.prod',
      'c/dockerfile.Dockerfile',
      'services/api/Containerfile',
      'services/web/Dockerfile.dev',
      'services/web/app.dockerfile',
    ]);
  });

  it('returns absolute paths sorted as strings', async () => {
    const root = tree({ 'z/Dockerfile': from, 'm/Dockerfile': from, 'A/Dockerfile': from, 'Dockerfile': from });
    const result = await discover(['.'], { cwd: root });
    const paths = result.files.map((f) => f.path);
    expect(paths.every((f) => path.isAbsolute(f))).toBe(true);
    expect(paths).toEqual([...paths].sort());
    expect(paths.map((f) => path.relative(root, f))).toEqual(['A/Dockerfile', 'Dockerfile', 'm/Dockerfile', 'z/Dockerfile']);
  });

  it('skips .git and node_modules at any depth', async () => {
    const root = tree({
      'Dockerfile': from,
      '.git/Dockerfile': from,
      'node_modules/pkg/Dockerfile': from,
      'packages/x/node_modules/dep/Dockerfile': from,
      'packages/x/Dockerfile': from,
    });
    expect((await found(root)).files).toEqual(['Dockerfile', 'packages/x/Dockerfile']);
  });

  it("skips a Go module's vendor folder, which go mod vendor rewrites, and no other vendor folder", async () => {
    const root = tree({
      'Dockerfile': from,
      'vendor/modules.txt': '# github.com/buger/jsonparser v1.1.1\n',
      'vendor/github.com/buger/jsonparser/Dockerfile': from,
      'tools/vendor/modules.txt': '',
      'tools/vendor/github.com/x/y/Dockerfile': from,
      // Without modules.txt a folder named vendor is the project's own.
      'docker/vendor/Dockerfile': from,
      'vendor-images/modules.txt': '',
      'vendor-images/Dockerfile': from,
    });
    expect((await found(root)).files).toEqual(['Dockerfile', 'docker/vendor/Dockerfile', 'vendor-images/Dockerfile']);
  });

  it("skips Composer's vendor folder, which composer install rewrites", async () => {
    const root = tree({
      'Dockerfile': from,
      // mailcow-dockerized keeps its PHP dependencies in data/web/inc/lib/vendor, a library's Dockerfile among them.
      'data/web/inc/lib/vendor/autoload.php': '<?php\n',
      'data/web/inc/lib/vendor/composer/installed.json': '{"packages": []}\n',
      'data/web/inc/lib/vendor/matthiasmullie/minify/Dockerfile': from,
      // A folder of another name is the project's own, whatever it holds.
      'lib/autoload.php': '<?php\n',
      'lib/composer/installed.json': '{}\n',
      'lib/Dockerfile': from,
      // Without autoload.php beside it, composer/ is a folder of the project's own.
      'tools/composer/installed.json': '{}\n',
      'tools/composer/Dockerfile': from,
    });
    expect((await found(root)).files).toEqual(['Dockerfile', 'lib/Dockerfile', 'tools/composer/Dockerfile']);
  });

  it('skips folders of test inputs, unless named', async () => {
    const root = tree({
      'Dockerfile': from,
      'testdata/DL3008.Dockerfile': from,
      'pkg/lint/testdata/Dockerfile': from,
      'src/__fixtures__/Dockerfile': from,
      '__testfixtures__/collapse/in.Dockerfile': from,
      'tests/Dockerfile': from,
      'testdata-tools/Dockerfile': from,
    });
    expect((await found(root)).files).toEqual(['Dockerfile', 'testdata-tools/Dockerfile', 'tests/Dockerfile']);
    expect((await found(root, ['pkg/lint/testdata'])).files).toEqual(['pkg/lint/testdata/Dockerfile']);
  });

  it('finds dot folders other than .git', async () => {
    const root = tree({ '.devcontainer/Dockerfile': from, '.github/docker/Dockerfile.ci': from });
    expect((await found(root)).files).toEqual(['.devcontainer/Dockerfile', '.github/docker/Dockerfile.ci']);
  });

  it('respects the root .gitignore, including directory patterns', async () => {
    const root = tree({
      '.gitignore': '# build output\nbuild/\n*.generated.Dockerfile\n',
      'Dockerfile': from,
      'build/Dockerfile': from,
      'src/build/Dockerfile': from,
      'x.generated.Dockerfile': from,
      'deep/y.generated.Dockerfile': from,
      'building/Dockerfile': from,
    });
    expect((await found(root)).files).toEqual(['Dockerfile', 'building/Dockerfile']);
  });

  it('applies a nested .gitignore only below its own folder', async () => {
    const root = tree({
      'Dockerfile.dev': from,
      'other/Dockerfile.dev': from,
      'sub/.gitignore': 'Dockerfile.dev\n/Dockerfile.local\n',
      'sub/Dockerfile': from,
      'sub/Dockerfile.dev': from,
      'sub/Dockerfile.local': from,
      'sub/deeper/Dockerfile.dev': from,
      'sub/deeper/Dockerfile.local': from,
    });
    expect((await found(root)).files).toEqual([
      'Dockerfile.dev',
      'other/Dockerfile.dev',
      'sub/Dockerfile',
      'sub/deeper/Dockerfile.local',
    ]);
  });

  it('lets a deeper .gitignore re-include what a shallower one ignores, as git does', async () => {
    const root = tree({
      '.gitignore': 'Dockerfile.*\n!Dockerfile.keep\n',
      'Dockerfile.dev': from,
      'Dockerfile.keep': from,
      'sub/.gitignore': '!Dockerfile.dev\n',
      'sub/Dockerfile.dev': from,
      'sub/Dockerfile.local': from,
      'sub/deeper/Dockerfile.dev': from,
    });
    expect((await found(root)).files).toEqual(['Dockerfile.keep', 'sub/Dockerfile.dev', 'sub/deeper/Dockerfile.dev']);
  });

  it('never re-includes a file inside an ignored folder', async () => {
    const root = tree({
      '.gitignore': 'out/\n',
      'sub/.gitignore': '!Dockerfile\n',
      'sub/out/Dockerfile': from,
      'out/.gitignore': '!Dockerfile\n',
      'out/Dockerfile': from,
      'sub/Dockerfile': from,
    });
    expect((await found(root)).files).toEqual(['sub/Dockerfile']);
  });

  it('does not let a folder whose name starts like an ignored one inherit its rules', async () => {
    const root = tree({
      'sub/.gitignore': 'Dockerfile\n',
      'sub/Dockerfile': from,
      'subway/Dockerfile': from,
    });
    expect((await found(root)).files).toEqual(['subway/Dockerfile']);
  });

  it('skips what --ignore-pattern matches, in gitignore syntax', async () => {
    const root = tree({
      'Dockerfile': from,
      'vendor/Dockerfile': from,
      'test/fixtures/Dockerfile': from,
      'app/Dockerfile.test': from,
      'app/Dockerfile': from,
    });
    expect((await found(root, ['.'], ['vendor/', 'fixtures', '*.test'])).files).toEqual(['Dockerfile', 'app/Dockerfile']);
  });

  it('always includes files named explicitly, even ignored or oddly named ones', async () => {
    const root = tree({
      '.gitignore': 'ignored/\nDockerfile.local\n',
      'ignored/Dockerfile': from,
      'Dockerfile.local': from,
      'docker/build.txt': from,
      'node_modules/x/Dockerfile': from,
    });
    const { files, problems } = await found(
      root,
      ['ignored/Dockerfile', 'Dockerfile.local', 'docker/build.txt', 'node_modules/x/Dockerfile'],
      ['*.txt'],
    );
    expect(problems).toEqual([]);
    expect(files).toEqual(['Dockerfile.local', 'docker/build.txt', 'ignored/Dockerfile', 'node_modules/x/Dockerfile']);
  });

  it('lists a file named twice, or named and also found in a folder, once', async () => {
    const root = tree({ 'Dockerfile': from, 'sub/Dockerfile': from });
    const { files } = await found(root, ['Dockerfile', './Dockerfile', '.', 'sub', 'sub/../sub/Dockerfile']);
    expect(files).toEqual(['Dockerfile', 'sub/Dockerfile']);
  });

  it('lists a symlink to a Dockerfile inside the folder as its target, once', async () => {
    const root = tree({ 'real/Dockerfile': from, 'only-linked/Dockerfile.txt': from });
    fs.symlinkSync('real/Dockerfile', path.join(root, 'Dockerfile'));
    fs.symlinkSync('../only-linked/Dockerfile.txt', path.join(root, 'real', 'Dockerfile.alias'));
    expect((await found(root)).files).toEqual(['only-linked/Dockerfile.txt', 'real/Dockerfile']);
    // Named, the link is its target; searched alone, `real` holds a link that leads out of it.
    const named = await discover(['Dockerfile', 'real', 'real/Dockerfile.alias'], { cwd: root });
    expect(named.files).toEqual([
      { path: path.join(root, 'only-linked/Dockerfile.txt'), explicit: true },
      { path: path.join(root, 'real/Dockerfile'), explicit: true },
    ]);
  });

  it('skips a symlink that leads outside the folder, and a dangling one', async () => {
    const outside = tree({ 'Dockerfile': from });
    const root = tree({ 'Dockerfile': from });
    fs.symlinkSync(path.join(outside, 'Dockerfile'), path.join(root, 'Dockerfile.outside'));
    fs.symlinkSync(path.join(root, 'missing'), path.join(root, 'Dockerfile.dangling'));
    fs.symlinkSync(outside, path.join(root, 'linked-folder'));
    expect((await found(root)).files).toEqual(['Dockerfile']);
  });

  it('does not follow a symlinked folder, even one inside the root', async () => {
    const root = tree({ 'real/Dockerfile': from });
    fs.symlinkSync('real', path.join(root, 'alias'));
    expect((await found(root)).files).toEqual(['real/Dockerfile']);
  });

  it('enters a folder whose name looks like a Dockerfile, without listing the folder', async () => {
    const root = tree({ 'Dockerfile.d/Dockerfile': from, 'docker/app.dockerfile/notes.txt': 'x\n' });
    expect((await found(root)).files).toEqual(['Dockerfile.d/Dockerfile']);
  });

  it('finds a Dockerfile 1,000 folders deep', async () => {
    const deep = Array.from({ length: 1000 }, () => 'd').join('/');
    const root = tree({ [`${deep}/Dockerfile`]: from, Dockerfile: from });
    expect((await found(root)).files).toEqual(['Dockerfile', `${deep}/Dockerfile`]);
  });

  it('terminates on symlink loops', async () => {
    const root = tree({ 'a/Dockerfile': from });
    fs.symlinkSync('..', path.join(root, 'a', 'up'));
    fs.symlinkSync('.', path.join(root, 'a', 'self'));
    fs.symlinkSync('Dockerfile.loop2', path.join(root, 'Dockerfile.loop1'));
    fs.symlinkSync('Dockerfile.loop1', path.join(root, 'Dockerfile.loop2'));
    expect((await found(root)).files).toEqual(['a/Dockerfile']);
  });

  it('reports a path that does not exist as a problem, and still searches the rest', async () => {
    const root = tree({ 'Dockerfile': from });
    const { files, problems } = await found(root, ['missing/Dockerfile', '.', 'nope']);
    expect(files).toEqual(['Dockerfile']);
    expect(problems).toEqual([
      { path: 'missing/Dockerfile', kind: 'missing', message: 'no such file or folder' },
      { path: 'nope', kind: 'missing', message: 'no such file or folder' },
    ]);
  });

  it('reports a folder with no Dockerfile, saying how many the ignore rules left out', async () => {
    const root = tree({ 'empty': null, 'docs/README.md': '# x\n', 'gen/.gitignore': '*\n', 'gen/Dockerfile': from, 'gen/a/dockerfile.Dockerfile': from, 'ok/Dockerfile': from });
    expect(await found(root, ['empty', 'docs', 'gen', 'ok'])).toEqual({
      files: ['ok/Dockerfile'],
      problems: [
        { path: 'empty', kind: 'no-dockerfile', message: 'no Dockerfile found' },
        { path: 'docs', kind: 'no-dockerfile', message: 'no Dockerfile found' },
        { path: 'gen', kind: 'no-dockerfile', message: 'no Dockerfile found (2 ignored by .gitignore, .dockshiftignore, info/exclude, --ignore-pattern or a configuration file)' },
      ],
    });
  });

  it('marks the files named on the command line as explicit', async () => {
    const root = tree({ 'Dockerfile': from, 'sub/Dockerfile': from });
    const result = await discover(['sub/Dockerfile', '.'], { cwd: root });
    expect(result.files).toEqual([
      { path: path.join(root, 'Dockerfile'), explicit: false },
      { path: path.join(root, 'sub/Dockerfile'), explicit: true },
    ]);
  });
});

/**
 * Ignore rules compared with git's own answer: for untracked files, `git ls-files
 * --others --exclude-standard` lists exactly those git does not ignore (.gitignore
 * files from the top down, info/exclude; the global excludes file is off in `git`).
 */
describe('ignore rules as git sees them', () => {
  afterEach(removeTempFolders);
  const from = 'FROM alpine:3.20\n';

  /** Paths found by discover() in `folder`, relative to `root`. */
  async function found(root: string, folder: string): Promise<string[]> {
    const result = await discover([folder], { cwd: root });
    expect(result.problems).toEqual([]);
    return result.files.map((f) => path.relative(root, f.path).split(path.sep).join('/'));
  }

  /** What git lists in `folder` (untracked, not ignored), with Dockerfile names, relative to `root`. */
  function gitSees(root: string, folder: string): string[] {
    const out = git(path.join(root, folder), ['ls-files', '--others', '--exclude-standard']);
    return out
      .split('\n')
      .filter((p) => p !== '' && isDockerfileName(path.posix.basename(p)))
      .map((p) => path.posix.normalize(path.posix.join(folder, p)))
      .sort();
  }

  function repo(files: Record<string, string>): string {
    const root = tempFolder(files);
    git(root, ['init', '-q']);
    return root;
  }

  const monorepo = {
    '.gitignore': '*.generated.Dockerfile\n/svc/tmp/\nbuild/\n',
    'Dockerfile': from,
    'svc/.gitignore': 'Dockerfile.local\n!keep.generated.Dockerfile\n',
    'svc/Dockerfile': from,
    'svc/a.generated.Dockerfile': from,
    'svc/keep.generated.Dockerfile': from,
    'svc/tmp/Dockerfile': from,
    'svc/build/Dockerfile': from,
    'svc/Dockerfile.local': from,
    'svc/Dockerfile.mine': from,
    'svc/api/Dockerfile': from,
    'svc/api/Dockerfile.mine': from,
    'svc/api/build.Dockerfile': from,
    'svc/deep/x/.gitignore': '!Dockerfile.local\n',
    'svc/deep/x/Dockerfile.local': from,
  };

  it('applies the .gitignore files from the top of the repository down to a subfolder searched', async () => {
    const root = repo(monorepo);
    fs.writeFileSync(path.join(root, '.git/info/exclude'), 'Dockerfile.mine\n');
    for (const folder of ['svc', 'svc/api', '.']) {
      const expected = gitSees(root, folder);
      expect(expected.length).toBeGreaterThan(0);
      expect(await found(root, folder), folder).toEqual(expected);
    }
    expect(await found(root, 'svc')).toEqual(['svc/Dockerfile', 'svc/api/Dockerfile', 'svc/api/build.Dockerfile', 'svc/deep/x/Dockerfile.local', 'svc/keep.generated.Dockerfile']);
  });

  it('reads them the same when run from inside the subfolder', async () => {
    const root = repo(monorepo);
    const result = await discover(['.'], { cwd: path.join(root, 'svc') });
    expect(result.files.map((f) => path.relative(root, f.path))).toEqual(gitSees(root, 'svc'));
  });

  it('takes info/exclude from the shared git folder of a linked worktree', async () => {
    const main = repo({ 'README.md': 'x\n' });
    git(main, ['add', '-A']);
    git(main, ['commit', '-q', '-m', 'init']);
    const linked = path.join(tempFolder(), 'wt');
    git(main, ['worktree', 'add', '-q', linked]);
    expect(fs.statSync(path.join(linked, '.git')).isFile()).toBe(true);
    fs.writeFileSync(path.join(main, '.git/info/exclude'), 'Dockerfile.mine\n');
    for (const [rel, text] of Object.entries({ 'a/Dockerfile': from, 'a/Dockerfile.mine': from, 'Dockerfile.mine': from })) {
      fs.mkdirSync(path.dirname(path.join(linked, rel)), { recursive: true });
      fs.writeFileSync(path.join(linked, rel), text);
    }
    expect(await found(linked, 'a')).toEqual(['a/Dockerfile']);
    expect(await found(linked, '.')).toEqual(gitSees(linked, '.'));
  });

  it('starts afresh in a nested repository: outer rules stay out, its own info/exclude applies', async () => {
    const root = repo({ '.gitignore': 'Dockerfile.dev\n', 'Dockerfile.dev': from, 'inner/Dockerfile': from, 'inner/Dockerfile.dev': from, 'inner/Dockerfile.x': from });
    git(path.join(root, 'inner'), ['init', '-q']);
    fs.writeFileSync(path.join(root, 'inner/.git/info/exclude'), 'Dockerfile.x\n');
    expect(gitSees(root, 'inner')).toEqual(['inner/Dockerfile', 'inner/Dockerfile.dev']);
    expect(await found(root, '.')).toEqual(['inner/Dockerfile', 'inner/Dockerfile.dev']);
    expect(await found(root, 'inner')).toEqual(['inner/Dockerfile', 'inner/Dockerfile.dev']);
  });

  it('finds nothing in a folder that is itself ignored, even when it is named, and says so', async () => {
    const root = repo({ '.gitignore': 'build/\n', 'build/Dockerfile': from, 'build/sub/Dockerfile': from, 'Dockerfile': from });
    expect(await discover(['build', 'build/sub/Dockerfile'], { cwd: root })).toEqual({
      files: [{ path: path.join(root, 'build/sub/Dockerfile'), explicit: true }],
      problems: [{ path: 'build', kind: 'no-dockerfile', message: 'no Dockerfile found (2 ignored by .gitignore, .dockshiftignore, info/exclude, --ignore-pattern or a configuration file)' }],
    });
  });

  it('reads no ignore file above a folder that is in no repository, as git does not', async () => {
    const root = tempFolder({ '.gitignore': 'Dockerfile.x\n', 'sub/Dockerfile.x': from, 'sub/in/.gitignore': 'Dockerfile\n', 'sub/in/Dockerfile': from });
    expect(await found(root, 'sub')).toEqual(['sub/Dockerfile.x']);
  });

  describe('.dockshiftignore', () => {
    it('ignores what it lists, scoped to its folder like .gitignore, in and out of a repository', async () => {
      const files = {
        '.dockshiftignore': 'legacy/\n# comment\n*.old.Dockerfile\n',
        'Dockerfile': from,
        'legacy/Dockerfile': from,
        'svc/legacy/Dockerfile': from,
        'svc/a.old.Dockerfile': from,
        'svc/.dockshiftignore': '/Dockerfile.ci\n',
        'svc/Dockerfile.ci': from,
        'svc/sub/Dockerfile.ci': from,
        'other/Dockerfile.ci': from,
      };
      const expected = ['Dockerfile', 'other/Dockerfile.ci', 'svc/sub/Dockerfile.ci'];
      expect(await found(tempFolder(files), '.')).toEqual(expected);
      const root = repo(files);
      expect(await found(root, '.')).toEqual(expected);
      expect(await found(root, 'svc')).toEqual(['svc/sub/Dockerfile.ci']);
      // git itself does not read it.
      expect(gitSees(root, '.')).toContain('legacy/Dockerfile');
    });

    it('is read after the .gitignore beside it, so its !pattern can re-include a file', async () => {
      const root = repo({ '.gitignore': 'Dockerfile.*\n', '.dockshiftignore': '!Dockerfile.prod\n', 'Dockerfile.prod': from, 'Dockerfile.dev': from, 'sub/Dockerfile.prod': from });
      expect(await found(root, '.')).toEqual(['Dockerfile.prod', 'sub/Dockerfile.prod']);
    });
  });
});
