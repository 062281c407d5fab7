#!/usr/bin/env node
/**
 * The CLI as bin/dockshift.js runs it, less the V8 flag it sets (`--no-turbo-inlining`):
 * `npm run bench` times the two over the same files, for what the flag gives.
 */
import { run } from '../dist/src/bundle/cli.js';

run().catch((err) => {
  process.stderr.write(`dockshift: internal error: ${err?.stack ?? err}\n`);
  process.exitCode = 2;
});
