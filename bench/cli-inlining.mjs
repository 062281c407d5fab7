#!/usr/bin/env node
/**
 * The CLI as bin/dockshift.js runs it, less the V8 flag it sets (`--no-turbo-inlining`):
 * `npm run bench` times the two over the same files, for what the flag gives.
 */
import { fileURLToPath } from 'node:url';
import { loadBundle } from '../dist/src/codeCache.js';

const bundle = loadBundle(fileURLToPath(new URL('../dist/src/bundle/cli.cjs', import.meta.url)));
bundle.exports
  .run()
  .then(() => bundle.save(() => bundle.exports.warmUp()))
  .catch((err) => {
    process.stderr.write(`dockshift: internal error: ${err?.stack ?? err}\n`);
    process.exitCode = 2;
  });
