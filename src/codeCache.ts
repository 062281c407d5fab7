/**
 * Runs the bundled CLI (dist/src/bundle/cli.cjs, scripts/bundle.mjs) with V8's code cache. Most
 * of a cold start is compiling the bundle's 2 MB; V8 can instead read back the code an earlier
 * run compiled. Node 20 keeps no such cache for modules (`module.enableCompileCache` came with
 * Node 22), so the bundle is a CommonJS script compiled here through node:vm, and its cache is
 * a file beside it: one write after the first run, and whoever may write the bundle's folder
 * may change the bundle itself.
 *
 * V8 takes a cache only from its own version and flags (its cachedDataVersionTag, which names
 * the file, so that two ways of starting Node keep a cache each) and for a source of the same
 * length, and checks nothing of either's contents: a damaged cache crashes the process as it
 * is read, and one of an edited bundle runs the old code. So each cache carries a CRC-32 of its
 * data and of the bundle it was made from, checked before V8 is given it.
 *
 * `NODE_DISABLE_COMPILE_CACHE` (Node's own switch for its cache, set to anything) turns it off;
 * under `CI` a cache is read but not made, as a fresh job would pay to make one it never reads.
 */
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { cachedDataVersionTag } from 'node:v8';
import * as vm from 'node:vm';
import { crc32 } from 'node:zlib';

/** A cache file: `DSC2`, the CRC-32 of V8's data, the CRC-32 and length of the bundle, then V8's data. */
const MAGIC = 0x32435344;
const HEADER = 16;

export interface LoadedBundle<T> {
  readonly exports: T;
  /** Whether V8 compiled the bundle from the cache. */
  readonly cached: boolean;
  /**
   * When V8 had no cache it took: runs `prepare` (which should run the code later starts will
   * need, and restore the V8 flags the bundle was loaded under), then writes the code compiled
   * so far to the cache. Does nothing where the cache cannot be written (a read-only install),
   * under `CI`, or when the flags are not those of the load; never throws.
   */
  save(prepare?: () => Promise<void> | void): Promise<void>;
}

export function loadBundle<T>(file: string, env: NodeJS.ProcessEnv = process.env): LoadedBundle<T> {
  const bytes = fs.readFileSync(file);
  const source = bytes.toString('utf8');
  const tag = cachedDataVersionTag();
  const cacheFile = env.NODE_DISABLE_COMPILE_CACHE !== undefined ? null : path.join(path.dirname(file), `${path.basename(file, '.cjs')}.${tag.toString(16)}.cache`);
  const bundleCrc = crc32(bytes);
  const cachedData = cacheFile === null ? undefined : readCache(cacheFile, bundleCrc, bytes.length);
  // Strict, as the modules it was bundled from are.
  const script = new vm.Script(`(function (exports, require, module, __filename, __dirname, __importModule) {'use strict';${source}\n})`, {
    filename: file,
    cachedData,
  });
  const module = { exports: {} as T };
  // The bundle's `import()` (src/importModule.ts): this module's, which resolves packages from the same folders.
  const importModule = (specifier: string): Promise<unknown> => import(specifier);
  (script.runInThisContext() as (...args: unknown[]) => void)(module.exports, createRequire(file), module, file, path.dirname(file), importModule);
  const cached = cachedData !== undefined && script.cachedDataRejected !== true;
  return {
    exports: module.exports,
    cached,
    async save(prepare) {
      if (cacheFile === null || cached || !['', '0', 'false', undefined].includes(env.CI) || !writable(path.dirname(cacheFile))) return;
      // The run is over: a signal now (in the warm-up or the write) would only cut the save short, so it is let go by.
      const ignore = () => {};
      for (const s of HELD) process.on(s, ignore);
      try {
        await prepare?.();
        // Flags that differ from the load's (\`node --no-turbo-inlining\`, then put back on) would make a cache V8 refuses.
        if (cachedDataVersionTag() === tag) write(cacheFile, bundleCrc, bytes.length, script.createCachedData());
      } catch {
        // No cache this time; the next start compiles, as this one did.
      } finally {
        for (const s of HELD) process.off(s, ignore);
      }
    },
  };
}

const HELD = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/** The cache's data, when it was made for this bundle and arrived whole. */
function readCache(cacheFile: string, bundleCrc: number, bundleLength: number): Buffer | undefined {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(cacheFile);
  } catch {
    return undefined;
  }
  if (bytes.length <= HEADER || bytes.readUInt32LE(0) !== MAGIC || bytes.readUInt32LE(8) !== bundleCrc || bytes.readUInt32LE(12) !== bundleLength) return undefined;
  const data = bytes.subarray(HEADER);
  return crc32(data) === bytes.readUInt32LE(4) ? data : undefined;
}

function writable(folder: string): boolean {
  try {
    fs.accessSync(folder, fs.constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/** Another run may write it at the same time: each writes a file of its own and renames it over. */
function write(cacheFile: string, bundleCrc: number, bundleLength: number, data: Buffer): void {
  const header = Buffer.alloc(HEADER);
  header.writeUInt32LE(MAGIC, 0);
  header.writeUInt32LE(crc32(data), 4);
  header.writeUInt32LE(bundleCrc, 8);
  header.writeUInt32LE(bundleLength, 12);
  const partial = `${cacheFile}.${process.pid}`;
  try {
    fs.writeFileSync(partial, Buffer.concat([header, data]));
    fs.renameSync(partial, cacheFile);
  } catch {
    try {
      fs.rmSync(partial, { force: true });
    } catch {
      // Nothing was written.
    }
  }
}
