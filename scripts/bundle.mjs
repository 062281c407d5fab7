#!/usr/bin/env node
/**
 * Bundles the CLI into one script, dist/src/bundle/cli.cjs, which bin/dockshift.js
 * runs. A run of the compiled modules spent most of its cold start finding,
 * reading and compiling about 180 small files; one file starts in about half
 * the time. The library entry (dist/src/index.js) and the worker threads keep
 * the compiled modules. Packages a run loads only when it needs them stay
 * outside the bundle, so they are still loaded only then.
 *
 * A CommonJS script, not a module: Node 20 gives a script V8's code cache
 * (src/codeCache.ts), which a module has only from Node 22. The caches of
 * earlier builds go with the folder.
 */
import { build } from 'esbuild';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * yargs, cliui and wrap-ansi import string-width, which only help and usage
 * output call. Evaluating it costs about a fifth of a cold start (V8 checks its
 * Unicode property regexes as it compiles the module, and it builds an
 * Intl.Segmenter), so each import gets a stand-in that requires the real
 * module the first time it is called: esbuild then bundles the real one as a
 * module initialised on that first require.
 */
const lazyStringWidth = {
  name: 'lazy-string-width',
  setup(b) {
    b.onResolve({ filter: /^string-width$/ }, async (args) => {
      if (args.pluginData?.real) return undefined;
      const real = await b.resolve(args.path, { kind: args.kind, resolveDir: args.resolveDir, importer: args.importer, pluginData: { real: true } });
      if (real.errors.length > 0) return { errors: real.errors };
      // Relative to the package: the path names the stand-in inside the bundle.
      return { path: path.relative(root, real.path), namespace: 'lazy-string-width' };
    });
    b.onLoad({ filter: /.*/, namespace: 'lazy-string-width' }, (args) => ({
      resolveDir: root,
      contents: `let width;
export default function stringWidth(text, options) {
  width ??= require(${JSON.stringify(`./${args.path}`)});
  return (width.default ?? width)(text, options);
}`,
    }));
  },
};

/**
 * yargs imports two functions of node:assert to check its own state, and one check fails in
 * ordinary runs: where no package.json is found above the working folder, as it guesses a version
 * it is then not asked for (and catches the error). Loading the built-in (and the modules it loads
 * in turn) was some 6 ms of a cold start, so yargs gets stand-ins that make the same test
 * (Object.is) and throw what node:assert would: its message, or the Error given, code ERR_ASSERTION.
 */
const lazyAssert = {
  name: 'lazy-assert',
  setup(b) {
    b.onResolve({ filter: /^assert$/ }, (args) => (/[\\/]yargs[\\/]/.test(args.importer) ? { path: 'assert', namespace: 'lazy-assert' } : undefined));
    b.onLoad({ filter: /.*/, namespace: 'lazy-assert' }, () => ({
      contents: `const fail = (message, otherwise) => {
  if (message instanceof Error) throw message;
  throw Object.assign(new Error(message ?? otherwise), { code: 'ERR_ASSERTION' });
};
export const strictEqual = (actual, expected, message) => {
  if (!Object.is(actual, expected)) fail(message, 'Expected values to be strictly equal');
};
export const notStrictEqual = (actual, expected, message) => {
  if (Object.is(actual, expected)) fail(message, 'Expected "actual" to be strictly unequal to: ' + String(expected));
};`,
    }));
  },
};

/**
 * The bundle's `import()`: its launcher's (src/codeCache.ts passes it in), since Node 20 runs no
 * `import()` in a script compiled from V8's code cache (src/importModule.ts).
 */
const launcherImport = {
  name: 'launcher-import',
  setup(b) {
    b.onResolve({ filter: /[\\/]importModule\.js$/ }, () => ({ path: 'importModule', namespace: 'launcher-import' }));
    b.onLoad({ filter: /.*/, namespace: 'launcher-import' }, () => ({
      contents: 'export const importModule = (specifier) => __importModule(specifier);',
    }));
  },
};

const root = fileURLToPath(new URL('..', import.meta.url));

const folder = path.join(root, 'dist/src/bundle');
const result = await build({
  absWorkingDir: root,
  entryPoints: ['dist/src/main.js'],
  outfile: path.join(folder, 'cli.cjs'),
  write: false,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  // Loaded on demand (test/lazy-loading.test.ts): discovery, threads, user transforms, the shell parser, diffs, YAML.
  external: ['fast-glob', 'tinypool', 'jiti', 'mvdan-sh', 'diff', 'yaml'],
  // The modules find their packages and files from their own address.
  define: { 'import.meta.url': '__importMetaUrl' },
  banner: { js: "var __importMetaUrl=require('node:url').pathToFileURL(__filename).href;" },
  // Smaller to read and compile; names are kept, so stack traces still say where.
  minifyWhitespace: true,
  minifySyntax: true,
  legalComments: 'eof',
  logLevel: 'warning',
  plugins: [lazyStringWidth, lazyAssert, launcherImport],
});

const [bundle] = result.outputFiles;
fs.rmSync(folder, { recursive: true, force: true });
fs.mkdirSync(folder, { recursive: true });
fs.writeFileSync(bundle.path, bundle.contents);
