import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadBundle } from '../src/codeCache.js';
import { removeTempFolders, tempFolder } from './helpers/cli.js';

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
const caches = (dir: string) => fs.readdirSync(dir).filter((f) => f.endsWith('.cache'));

describe('loading the bundled CLI through V8 code cache', () => {
  it('compiles the first time, saves what it compiled, and the next load reads it', async () => {
    const dir = tempFolder({ 'cli.cjs': bundle('0123456789abcdef') });
    const file = path.join(dir, 'cli.cjs');
    const first = loadBundle<Probe>(file, {});
    expect(first.cached).toBe(false);
    expect(first.exports.answer()).toBe(42);
    first.save();
    expect(caches(dir)).toEqual(['cli.0123456789abcdef.cache']);

    const second = loadBundle<Probe>(file, {});
    expect(second.cached).toBe(true);
    expect(second.exports.answer()).toBe(42);
    // As the modules it was bundled from: strict, and `import()` works in code read from the cache.
    expect(second.exports.strict).toBe(true);
    await expect(second.exports.platform()).resolves.toBe(process.platform);
    second.save();
    expect(caches(dir)).toEqual(['cli.0123456789abcdef.cache']);
  });

  it("never reads another build's cache, even of the same length", () => {
    const dir = tempFolder({ 'cli.cjs': bundle('0123456789abcdef') });
    const file = path.join(dir, 'cli.cjs');
    loadBundle<Probe>(file, {}).save();
    fs.writeFileSync(file, bundle('fedcba9876543210', BODY.replace('42', '43')));
    const rebuilt = loadBundle<Probe>(file, {});
    expect(rebuilt.cached).toBe(false);
    expect(rebuilt.exports.answer()).toBe(43);
  });

  it('replaces a cache V8 will not take (another Node, or damaged)', () => {
    const dir = tempFolder({ 'cli.cjs': bundle('0123456789abcdef'), 'cli.0123456789abcdef.cache': 'not a code cache' });
    const file = path.join(dir, 'cli.cjs');
    const damaged = loadBundle<Probe>(file, {});
    expect(damaged.cached).toBe(false);
    expect(damaged.exports.answer()).toBe(42);
    damaged.save();
    expect(loadBundle<Probe>(file, {}).cached).toBe(true);
  });

  it('keeps no cache under NODE_DISABLE_COMPILE_CACHE, nor for a bundle without its build line', () => {
    const dir = tempFolder({ 'cli.cjs': bundle('0123456789abcdef'), 'plain.cjs': BODY });
    loadBundle<Probe>(path.join(dir, 'cli.cjs'), { NODE_DISABLE_COMPILE_CACHE: '1' }).save();
    const plain = loadBundle<Probe>(path.join(dir, 'plain.cjs'), {});
    plain.save();
    expect(plain.exports.answer()).toBe(42);
    expect(caches(dir)).toEqual([]);
  });

  it('a folder it cannot write leaves the run as it was', () => {
    const dir = tempFolder({ 'cli.cjs': bundle('0123456789abcdef') });
    const loaded = loadBundle<Probe>(path.join(dir, 'cli.cjs'), {});
    fs.rmSync(dir, { recursive: true });
    expect(() => loaded.save()).not.toThrow();
    expect(fs.existsSync(dir)).toBe(false);
  });
});
