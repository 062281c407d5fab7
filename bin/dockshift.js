#!/usr/bin/env node
// The CLI bundled into one script (scripts/bundle.mjs), compiled through V8's code cache
// (src/codeCache.ts): most of a cold start is loading and compiling code.
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { loadBundle } from '../dist/src/codeCache.js';

const bundle = loadBundle(fileURLToPath(new URL('../dist/src/bundle/cli.cjs', import.meta.url)));

// Most runs end before V8 has optimised the pipeline: its compiler thread (one per worker) works
// through a queue of several hundred functions while the files go through code not yet compiled,
// and inlining is most of what each compile costs. Without it the compiled code arrives sooner:
// over 562 files a run takes a fifth less CPU, in band or on two threads, and warm code runs about
// as fast. Set after the bundle has loaded, so that Node's own code cache still serves the start
// and V8 takes the bundle's, which it keeps only for the flags it was made under (hence the
// flag's return before the bundle's cache is saved).
setFlagsFromString('--no-turbo-inlining');

bundle.exports
  .run()
  .then(() =>
    bundle.save(async () => {
      await bundle.exports.warmUp();
      setFlagsFromString('--turbo-inlining');
    }),
  )
  .catch((err) => {
    process.stderr.write(`dockshift: internal error: ${err?.stack ?? err}\n`);
    process.exitCode = 2;
  });
