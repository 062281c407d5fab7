#!/usr/bin/env node
/**
 * Bundles the CLI into one module, dist/src/bundle/cli.js, which bin/dockshift.js
 * runs. A run of the compiled modules spent most of its cold start finding,
 * reading and compiling about 180 small files; one file starts in about half
 * the time. The library entry (dist/src/index.js) and the worker threads keep
 * the compiled modules. Packages a run loads only when it needs them stay
 * outside the bundle, so they are still loaded only then.
 */
import { build } from 'esbuild';
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

const root = fileURLToPath(new URL('..', import.meta.url));

await build({
  absWorkingDir: root,
  entryPoints: ['dist/src/main.js'],
  outfile: 'dist/src/bundle/cli.js',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  // Loaded on demand (test/lazy-loading.test.ts): discovery, threads, user transforms, the shell parser, diffs, YAML.
  external: ['fast-glob', 'tinypool', 'jiti', 'mvdan-sh', 'diff', 'yaml'],
  // Bundled CommonJS packages call require(); an ES module has none of its own.
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  // Smaller to read and compile; names are kept, so stack traces still say where.
  minifyWhitespace: true,
  minifySyntax: true,
  legalComments: 'eof',
  logLevel: 'warning',
  plugins: [lazyStringWidth],
});
