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
import { fileURLToPath } from 'node:url';

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
});
