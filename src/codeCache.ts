/**
 * Runs the bundled CLI (dist/src/bundle/cli.cjs, scripts/bundle.mjs) with V8's code cache. Most
 * of a cold start is compiling the bundle's 2 MB; V8 can instead read back the code an earlier
 * run compiled. Node 20 keeps no such cache for modules (`module.enableCompileCache` came with
 * Node 22), so the bundle is a CommonJS script compiled here through node:vm, and its cache is
 * a file beside it: one write after the first run, and whoever may write the bundle's folder
 * may change the bundle itself.
 *
 * V8 checks a cache's version, flags and source length, not its contents: a damaged cache
 * crashes the process as it is read. So each cache carries a checksum of its data and the
 * bundle's size and time of change, read before V8 is given it, and is named for the bundle's
 * build (the hash scripts/bundle.mjs writes on its first line) and for the Node and the V8
 * flags it was made under, so that two ways of starting Node do not replace each other's.
 * `NODE_DISABLE_COMPILE_CACHE=1` (Node's own switch for its cache) turns it off.
 */
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import * as vm from 'node:vm';
import { crc32 } from 'node:zlib';

/** The first line scripts/bundle.mjs writes: `// dockshift bundle <hash>`. */
const BUILD_LINE = /^\/\/ dockshift bundle ([0-9a-f]{16})\n/;

/** A cache file: `DSC1`, the CRC-32 of the data, the bundle's size and mtime (ms), then V8's data. */
const MAGIC = 0x31435344;
const HEADER = 24;

export interface LoadedBundle<T> {
  readonly exports: T;
  /** Whether V8 compiled the bundle from the cache. */
  readonly cached: boolean;
  /**
   * When V8 had no cache it took: runs `prepare` (which should run the code later starts will
   * need, and restore the V8 flags the bundle was loaded under), then writes the code compiled
   * so far to the cache. Does nothing where the cache cannot be written (a read-only install),
   * and never throws.
   */
  save(prepare?: () => Promise<void> | void): Promise<void>;
}

export function loadBundle<T>(file: string, env: NodeJS.ProcessEnv = process.env): LoadedBundle<T> {
  const source = fs.readFileSync(file, 'utf8');
  const build = BUILD_LINE.exec(source)?.[1];
  const disabled = env.NODE_DISABLE_COMPILE_CACHE !== undefined && env.NODE_DISABLE_COMPILE_CACHE !== '' && env.NODE_DISABLE_COMPILE_CACHE !== '0';
  const cacheFile = build === undefined || disabled ? null : path.join(path.dirname(file), `${path.basename(file, '.cjs')}.${build}.${startKey(env)}.cache`);
  const stat = cacheFile === null ? null : fs.statSync(file);
  const cachedData = cacheFile === null ? undefined : readCache(cacheFile, stat!);
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
      if (cacheFile === null || cached) return;
      // Another run may write it at the same time: each writes its own file and renames it over.
      const partial = `${cacheFile}.${process.pid}`;
      let fd: number;
      try {
        fd = fs.openSync(partial, 'w');
      } catch {
        return;
      }
      // A signal now would cut the write short; the run is over, so it can wait the few ms.
      const wait = () => {};
      process.on('SIGINT', wait).on('SIGTERM', wait);
      try {
        await prepare?.();
        const data = script.createCachedData();
        const header = Buffer.alloc(HEADER);
        header.writeUInt32LE(MAGIC, 0);
        header.writeUInt32LE(crc32(data), 4);
        header.writeDoubleLE(stat!.size, 8);
        header.writeDoubleLE(stat!.mtimeMs, 16);
        fs.writeSync(fd, header);
        fs.writeSync(fd, data);
        fs.closeSync(fd);
        fs.renameSync(partial, cacheFile);
      } catch {
        try {
          fs.closeSync(fd);
        } catch {
          // Closed already.
        }
        fs.rmSync(partial, { force: true });
      } finally {
        process.off('SIGINT', wait).off('SIGTERM', wait);
      }
    },
  };
}

/** The cache's data, when it was made for this bundle as it is and arrived whole. */
function readCache(cacheFile: string, bundle: fs.Stats): Buffer | undefined {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(cacheFile);
  } catch {
    return undefined;
  }
  if (bytes.length <= HEADER || bytes.readUInt32LE(0) !== MAGIC) return undefined;
  if (bytes.readDoubleLE(8) !== bundle.size || bytes.readDoubleLE(16) !== bundle.mtimeMs) return undefined;
  const data = bytes.subarray(HEADER);
  return crc32(data) === bytes.readUInt32LE(4) ? data : undefined;
}

/** What sets V8's flags as Node starts (its version, its options), as 8 hex digits (FNV-1a). */
function startKey(env: NodeJS.ProcessEnv): string {
  const text = [process.version, process.arch, ...process.execArgv, env.NODE_OPTIONS ?? ''].join('\0');
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(16).padStart(8, '0');
}
