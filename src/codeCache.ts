/**
 * Runs the bundled CLI (dist/src/bundle/cli.cjs, scripts/bundle.mjs) with V8's code cache. Most
 * of a cold start is compiling the bundle's 2 MB; V8 can instead read back the code an earlier
 * run compiled. Node 20 keeps no such cache for modules (`module.enableCompileCache` came with
 * Node 22), so the bundle is a CommonJS script compiled here through node:vm, and its cache is
 * a file beside it: one write after the first run, and whoever may write the bundle's folder
 * may change the bundle itself. V8 takes the cache only from the same V8 version and flags and
 * a source of the same length; the build puts a hash of the bundle in its first line and in
 * the cache's name, so a cache never meets another build's code. `NODE_DISABLE_COMPILE_CACHE`
 * (Node's own switch for its cache) turns it off.
 */
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import * as vm from 'node:vm';

/** The first line scripts/bundle.mjs writes: `// dockshift bundle <hash>`. */
const BUILD_LINE = /^\/\/ dockshift bundle ([0-9a-f]{16})\n/;

export interface LoadedBundle<T> {
  readonly exports: T;
  /** Whether V8 compiled the bundle from the cache. */
  readonly cached: boolean;
  /**
   * Writes the code compiled so far to the cache when V8 had none it took, so that the next
   * start reads what this run compiled. Call it with the V8 flags the bundle was loaded under.
   * A folder that cannot be written (a read-only install) leaves the next start to compile.
   */
  save(): void;
}

export function loadBundle<T>(file: string, env: NodeJS.ProcessEnv = process.env): LoadedBundle<T> {
  const source = fs.readFileSync(file, 'utf8');
  const build = BUILD_LINE.exec(source)?.[1];
  const cacheFile = build === undefined || env.NODE_DISABLE_COMPILE_CACHE ? null : path.join(path.dirname(file), `${path.basename(file, '.cjs')}.${build}.cache`);
  const cachedData = cacheFile === null ? undefined : readIfPresent(cacheFile);
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
    save() {
      if (cacheFile === null || cached) return;
      // Another run may write it at the same time: each writes its own file and renames it over.
      const partial = `${cacheFile}.${process.pid}`;
      try {
        fs.writeFileSync(partial, script.createCachedData());
        fs.renameSync(partial, cacheFile);
      } catch {
        try {
          fs.rmSync(partial, { force: true });
        } catch {
          // Nothing was written.
        }
      }
    },
  };
}

function readIfPresent(file: string): Buffer | undefined {
  try {
    return fs.readFileSync(file);
  } catch {
    return undefined;
  }
}
