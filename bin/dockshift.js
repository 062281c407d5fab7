#!/usr/bin/env node
// The CLI bundled into one module (scripts/bundle.mjs): most of a cold start is loading modules.
import { setFlagsFromString } from 'node:v8';
import { run } from '../dist/src/bundle/cli.js';

// Most runs end before V8 has optimised the pipeline: its compiler thread (one per worker) works
// through a queue of several hundred functions while the files go through code not yet compiled,
// and inlining is most of what each compile costs. Without it the compiled code arrives sooner:
// over 562 files a run takes a fifth less CPU, in band or on two threads, and warm code runs about
// as fast. Set after the bundle has loaded, so that Node's own code cache still serves the start.
setFlagsFromString('--no-turbo-inlining');

run().catch((err) => {
  process.stderr.write(`dockshift: internal error: ${err?.stack ?? err}\n`);
  process.exitCode = 2;
});
