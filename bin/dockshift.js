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

// V8 lets a heap grow to up to four times what the last full collection kept before it collects
// again, and a fleet run allocates fast: each thread's heap settles at about four times its live
// data some way into the run, so a long run peaked higher than a short one with the same live data.
// Twice is enough: on two threads, 40,000 files peaked at 447 MiB against 575 without it (5,620 files:
// 416 either way); in band, 5,620 files at 190 against 259 MiB. CPU time, paired, moved within the
// machine's noise. Set after loading and undone before the cache is saved, as above.
setFlagsFromString('--heap-growing-percent=100');

bundle.exports
  .run()
  .then(() =>
    bundle.save(async () => {
      await bundle.exports.warmUp();
      setFlagsFromString('--turbo-inlining');
      setFlagsFromString('--heap-growing-percent=0');
    }),
  )
  .catch((err) => {
    process.stderr.write(`dockshift: internal error: ${err?.stack ?? err}\n`);
    process.exitCode = 2;
  });
