#!/usr/bin/env node
import { run } from '../dist/src/main.js';

run().catch((err) => {
  process.stderr.write(`dockshift: internal error: ${err?.stack ?? err}\n`);
  process.exitCode = 2;
});
