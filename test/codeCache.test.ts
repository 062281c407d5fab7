import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { cachedDataVersionTag, setFlagsFromString } from 'node:v8';
import { afterAll, describe, expect, it } from 'vitest';
import { loadBundle } from '../src/codeCache.js';
import { REPO_ROOT, removeTempFolders, tempFolder } from './helpers/cli.js';

afterAll(removeTempFolders);

interface Probe {
  readonly answer: () => number;
  readonly strict: boolean;
  readonly platform: () => Promise<string>;
}

/** A bundle as scripts/bundle.mjs writes one: CommonJS, with the launcher's import() as __importModule. */
const BODY = `
exports.answer = () => 42;
exports.strict = (function () { return this === undefined; })();
exports.platform = async () => (await __importModule('node:os')).platform();
`;
const caches = (dir: string) => fs.readdirSync(dir).filter((f) => f.endsWith('.cache'));
const CACHE_NAME = `cli.${cachedDataVersionTag().toString(16)}.cache`;

/** A bundle in a folder of its own, not yet loaded. */
function bundleFolder(body = BODY): { dir: string; file: string } {
  const dir = tempFolder({ 'cli.cjs': body });
  return { dir, file: path.join(dir, 'cli.cjs') };
}

describe('loading the bundled CLI through V8 code cache', () => {
  it('compiles the first time, saves what it compiled after preparing, and the next load reads it', async () => {
    const { dir, file } = bundleFolder();
    const first = loadBundle<Probe>(file, {});
    expect(first.cached).toBe(false);
    expect(first.exports.answer()).toBe(42);
    let prepared = 0;
    await first.save(() => {
      prepared++;
    });
    expect(prepared).toBe(1);
    // Named for V8's version and flags, which V8 checks.
    expect(caches(dir)).toEqual([CACHE_NAME]);

    const second = loadBundle<Probe>(file, {});
    expect(second.cached).toBe(true);
    expect(second.exports.answer()).toBe(42);
    // As the modules it was bundled from: strict, and the launcher's import() reaches code read from the cache.
    expect(second.exports.strict).toBe(true);
    await expect(second.exports.platform()).resolves.toBe(process.platform);
    await second.save(() => {
      prepared++;
    });
    expect(prepared).toBe(1);
    expect(caches(dir)).toEqual([CACHE_NAME]);
  });

  it('never runs the code of a bundle changed since, even at the same length and time', async () => {
    const { file } = bundleFolder();
    await loadBundle<Probe>(file, {}).save();
    const { mtime } = fs.statSync(file);
    fs.writeFileSync(file, BODY.replace('42', '43'));
    fs.utimesSync(file, mtime, mtime);
    const edited = loadBundle<Probe>(file, {});
    expect(edited.cached).toBe(false);
    expect(edited.exports.answer()).toBe(43);
  });

  it('reads no damaged cache (V8 would crash on it) and replaces it', async () => {
    // Enough code that V8's data is large: damage inside it, not its header, is what V8 does not check.
    const body = BODY + Array.from({ length: 400 }, (_, i) => `exports.f${i} = (x) => [x, ${i}].map((y) => y * ${i} + 1).join(',');\n`).join('');
    const { dir, file } = bundleFolder(body);
    const first = loadBundle<Record<string, (x: number) => string>>(file, {});
    for (const name of Object.keys(first.exports).filter((k) => k.startsWith('f'))) first.exports[name]!(1);
    await first.save();
    const cache = path.join(dir, CACHE_NAME);
    const bytes = fs.readFileSync(cache);
    bytes.writeUInt32LE(0xffffffff, Math.floor(bytes.length / 2));
    fs.writeFileSync(cache, bytes);
    const damaged = loadBundle<Probe>(file, {});
    expect(damaged.cached).toBe(false);
    expect(damaged.exports.answer()).toBe(42);
    await damaged.save();
    expect(loadBundle<Probe>(file, {}).cached).toBe(true);
  });

  it('saves nothing V8 would refuse: the flags at the save are not those of the load', async () => {
    const { dir, file } = bundleFolder();
    const loaded = loadBundle<Probe>(file, {});
    try {
      await loaded.save(() => setFlagsFromString('--no-turbo-inlining'));
    } finally {
      setFlagsFromString('--turbo-inlining');
    }
    expect(caches(dir)).toEqual([]);
  });

  it('keeps no cache under NODE_DISABLE_COMPILE_CACHE, set to anything, and makes none under CI', async () => {
    for (const env of [{ NODE_DISABLE_COMPILE_CACHE: '1' }, { NODE_DISABLE_COMPILE_CACHE: '' }, { CI: 'true' }]) {
      const { dir, file } = bundleFolder();
      await loadBundle<Probe>(file, env).save();
      expect(caches(dir), JSON.stringify(env)).toEqual([]);
    }
    // One made before is read under CI (a cache made as an image was built).
    const { file } = bundleFolder();
    await loadBundle<Probe>(file, {}).save();
    expect(loadBundle<Probe>(file, { CI: 'true' }).cached).toBe(true);
  });

  it('a folder it cannot write leaves the run as it was, and prepares nothing', async () => {
    const { dir, file } = bundleFolder();
    const loaded = loadBundle<Probe>(file, {});
    fs.rmSync(dir, { recursive: true });
    let prepared = false;
    await expect(
      loaded.save(() => {
        prepared = true;
      }),
    ).resolves.toBeUndefined();
    expect(prepared).toBe(false);
    expect(fs.existsSync(dir)).toBe(false);
  });
});

describe("the CLI's code cache", () => {
  /**
   * A copy of the launcher and the bundle: other tests start the CLI of dist/ at the same time, and one that
   * started before any cache was there saves its own when it ends.
   */
  function install(): { root: string; folder: string; start: (...args: string[]) => ReturnType<typeof spawnSync> } {
    const root = tempFolder();
    for (const rel of ['package.json', 'bin/dockshift.js', 'dist/src/codeCache.js', 'dist/src/bundle/cli.cjs']) {
      fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
      fs.copyFileSync(path.join(REPO_ROOT, rel), path.join(root, rel));
    }
    fs.symlinkSync(path.join(REPO_ROOT, 'node_modules'), path.join(root, 'node_modules'));
    const env = { ...process.env };
    delete env.CI;
    delete env.NODE_DISABLE_COMPILE_CACHE;
    const start = (...args: string[]) => spawnSync(process.execPath, [path.join(root, 'bin', 'dockshift.js'), ...args], { cwd: root, env, encoding: 'utf8' });
    return { root, folder: path.join(root, 'dist', 'src', 'bundle'), start };
  }

  it('is saved once, and later starts take it', () => {
    const { folder, start } = install();
    expect(start('--version').status).toBe(0);
    const first = caches(folder).map((f) => [f, fs.statSync(path.join(folder, f)).ino] as const);
    expect(first).toHaveLength(1);
    expect(start('--version').stdout).toMatch(/^\d+\.\d+\.\d+/);
    // A cache V8 refused (the launcher's V8 flags not put back before saving) would be written anew.
    expect(caches(folder).map((f) => [f, fs.statSync(path.join(folder, f)).ino] as const)).toEqual(first);
  });

  it("holds the pipeline's code even when the first start only printed the version (the warm-up)", () => {
    const printed = install();
    const ran = install();
    fs.writeFileSync(path.join(ran.root, 'Dockerfile'), 'FROM python:3.12\nRUN apt-get update && apt-get install -y curl\n');
    expect(printed.start('--version').status).toBe(0);
    expect(ran.start('Dockerfile').status).toBe(0);
    const size = (i: { folder: string }) => fs.statSync(path.join(i.folder, caches(i.folder)[0]!)).size;
    // Without the warm-up the first is some 30% smaller: the pipeline's functions were never compiled.
    expect(size(printed)).toBeGreaterThan(0.85 * size(ran));
  });

  it('is not packed', () => {
    const stray = path.join(REPO_ROOT, 'dist', 'src', 'bundle', 'cli.packed.cache');
    fs.writeFileSync(stray, '');
    try {
      const pack = spawnSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: REPO_ROOT, encoding: 'utf8' });
      expect(pack.status).toBe(0);
      const files = (JSON.parse(pack.stdout) as { files: { path: string }[] }[])[0]!.files.map((f) => f.path);
      expect(files).toContain('dist/src/bundle/cli.cjs');
      expect(files.filter((f) => f.includes('.cache'))).toEqual([]);
    } finally {
      fs.rmSync(stray, { force: true });
    }
  });
});
