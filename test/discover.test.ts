import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { discover, isDockerfileName } from '../src/engine/discover.js';

describe('isDockerfileName', () => {
  // Renovate's patterns, applied to a base name:
  //   (^|/|\.)([Dd]ocker|[Cc]ontainer)file$   and   (^|/)([Dd]ocker|[Cc]ontainer)file[^/]*$
  // minus BuildKit's per-Dockerfile ignore file.
  it.each([
    'Dockerfile',
    'dockerfile',
    'Containerfile',
    'containerfile',
    'Dockerfile.dev',
    'Dockerfile-prod',
    'Dockerfile_ci',
    'Dockerfile.alpine.arm64',
    'Containerfile.fedora',
    'app.Dockerfile',
    'app.dockerfile',
    'x.containerfile',
    'web.api.Containerfile',
    '.dockerfile',
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
    return { files: result.files.map((f) => path.relative(root, f).split(path.sep).join('/')), problems: result.problems };
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
    });
    const { files, problems } = await found(root);
    expect(problems).toEqual([]);
    expect(files).toEqual([
      'Dockerfile',
      'a/Dockerfile',
      'b/Dockerfile-prod',
      'services/api/Containerfile',
      'services/web/Dockerfile.dev',
      'services/web/app.dockerfile',
    ]);
  });

  it('returns absolute paths sorted as strings', async () => {
    const root = tree({ 'z/Dockerfile': from, 'm/Dockerfile': from, 'A/Dockerfile': from, 'Dockerfile': from });
    const result = await discover(['.'], { cwd: root });
    expect(result.files.every((f) => path.isAbsolute(f))).toBe(true);
    expect(result.files).toEqual([...result.files].sort());
    expect(result.files.map((f) => path.relative(root, f))).toEqual(['A/Dockerfile', 'Dockerfile', 'm/Dockerfile', 'z/Dockerfile']);
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

  it('includes a symlink to a Dockerfile inside the folder, once', async () => {
    const root = tree({ 'real/Dockerfile': from });
    fs.symlinkSync('real/Dockerfile', path.join(root, 'Dockerfile'));
    expect((await found(root)).files).toEqual(['Dockerfile', 'real/Dockerfile']);
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
      { path: 'missing/Dockerfile', message: 'no such file or folder' },
      { path: 'nope', message: 'no such file or folder' },
    ]);
  });

  it('finds nothing in an empty folder', async () => {
    const root = tree({ 'empty': null });
    expect(await found(root, ['empty'])).toEqual({ files: [], problems: [] });
  });
});
