#!/usr/bin/env node
// The CLI bundled into one module (scripts/bundle.mjs): most of a cold start is loading modules.
import { run } from '../dist/src/bundle/cli.js';

run().catch((err) => {
  process.stderr.write(`dockshift: internal error: ${err?.stack ?? err}\n`);
  process.exitCode = 2;
});
