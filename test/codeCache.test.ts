import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadBundle } from '../src/codeCache.js';
import { REPO_ROOT, removeTempFolders, tempFolder } from './helpers/cli.js';

afterAll(removeTempFolders);

interface Probe {
  readonly answer: () => number;
  readonly strict: boolean;
  readonly platform: () => Promise<string>;
}

/** A bundle as scripts/bundle.mjs writes one: its build's hash on the first line, then CommonJS. */
const BODY = `
exports.answer = () => 42;
exports.strict = (function () { return this === undefined; })();
exports.platform = async () => (await __importModule('node:os')).platform();
`;
const bundle = (hash: string, body = BODY) => `// dockshift bundle ${hash}\n${body}`;
const caches = (dir: string) => fs.readdirSync(dir).filter((f) => f.includes('.cache'));

/** A bundle in a folder of its own, not yet loaded. */
function bundleFolder(body = BODY): { dir: string; file: string } {
  const dir = tempFolder({ 'cli.cjs': bundle('0123456789abcdef', body) });
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
    expect(caches(dir)).toEqual([expect.stringMatching(/^cli\.0123456789abcdef\.[0-9a-f]{8}\.cache$/)]);

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
    expect(caches(dir)).toHaveLength(1);
  });

  it("never reads another build's cache, nor one of a bundle changed since, even at the same length", async () => {
    const { file } = bundleFolder();
    await loadBundle<Probe>(file, {}).save();
    fs.writeFileSync(file, bundle('fedcba9876543210', BODY.replace('42', '43')));
    expect(loadBundle<Probe>(file, {}).exports.answer()).toBe(43);

    const { file: edited } = bundleFolder();
    await loadBundle<Probe>(edited, {}).save();
    const later = new Date(fs.statSync(edited).mtimeMs + 2000);
    fs.writeFileSync(edited, bundle('0123456789abcdef', BODY.replace('42', '44')));
    fs.utimesSync(edited, later, later);
    const reloaded = loadBundle<Probe>(edited, {});
    expect(reloaded.cached).toBe(false);
    expect(reloaded.exports.answer()).toBe(44);
  });

  it('reads no damaged cache (V8 would crash on it) and replaces it', async () => {
    // Enough code that V8's data is large: damage inside it, not its header, is what V8 does not check.
    const body = BODY + Array.from({ length: 400 }, (_, i) => `exports.f${i} = (x) => [x, ${i}].map((y) => y * ${i} + 1).join(',');\n`).join('');
    const { file } = bundleFolder(body);
    const first = loadBundle<Probe>(file, {});
    for (const name of Object.keys(first.exports).filter((k) => k.startsWith('f'))) (first.exports as unknown as Record<string, (x: number) => string>)[name]!(1);
    await first.save();
    const cache = path.join(path.dirname(file), caches(path.dirname(file))[0]!);
    const bytes = fs.readFileSync(cache);
    bytes.writeUInt32LE(0xffffffff, Math.floor(bytes.length / 2));
    fs.writeFileSync(cache, bytes);
    const damaged = loadBundle<Probe>(file, {});
    expect(damaged.cached).toBe(false);
    expect(damaged.exports.answer()).toBe(42);
    await damaged.save();
    expect(loadBundle<Probe>(file, {}).cached).toBe(true);
  });

  it('keeps a cache for each way of starting Node, so that neither replaces the other', async () => {
    const { dir, file } = bundleFolder();
    await loadBundle<Probe>(file, {}).save();
    await loadBundle<Probe>(file, { NODE_OPTIONS: '--max-old-space-size=4096' }).save();
    expect(caches(dir)).toHaveLength(2);
    expect(loadBundle<Probe>(file, {}).cached).toBe(true);
  });

  it('keeps no cache under NODE_DISABLE_COMPILE_CACHE=1, nor for a bundle without its build line', async () => {
    const dir = tempFolder({ 'cli.cjs': bundle('0123456789abcdef'), 'plain.cjs': BODY });
    await loadBundle<Probe>(path.join(dir, 'cli.cjs'), { NODE_DISABLE_COMPILE_CACHE: '1' }).save();
    const plain = loadBundle<Probe>(path.join(dir, 'plain.cjs'), {});
    await plain.save();
    expect(plain.exports.answer()).toBe(42);
    expect(caches(dir)).toEqual([]);
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

  it('the CLI saves its cache once and later starts take it', () => {
    // A copy of the launcher and the bundle: other tests start the CLI of dist/ at the same time, and one that
    // started before any cache was there saves its own when it ends.
    const root = tempFolder();
    for (const rel of ['package.json', 'bin/dockshift.js', 'dist/src/codeCache.js', 'dist/src/bundle/cli.cjs']) {
      fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
      fs.copyFileSync(path.join(REPO_ROOT, rel), path.join(root, rel));
    }
    fs.symlinkSync(path.join(REPO_ROOT, 'node_modules'), path.join(root, 'node_modules'));
    const folder = path.join(root, 'dist', 'src', 'bundle');
    const start = () => spawnSync(process.execPath, [path.join(root, 'bin', 'dockshift.js'), '--version'], { cwd: root, encoding: 'utf8' });
    expect(start().status).toBe(0);
    const first = caches(folder).map((f) => [f, fs.statSync(path.join(folder, f)).ino] as const);
    expect(first).toHaveLength(1);
    expect(start().stdout).toMatch(/^\d+\.\d+\.\d+/);
    // A cache V8 refused (the launcher's V8 flags not put back before saving) would be written anew.
    expect(caches(folder).map((f) => [f, fs.statSync(path.join(folder, f)).ino] as const)).toEqual(first);
  });
});
