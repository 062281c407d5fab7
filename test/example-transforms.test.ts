/**
 * Two transforms written against the public API the way a new author would, each in one
 * file with fixtures: one adds a build stage, the other a USER and a new file. The engine
 * holds them to what they declare like any registered transform.
 */
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import lintStage from './example-transforms/lint-stage.js';
import runAsNonroot from './example-transforms/run-as-nonroot.js';
import { fixtureSuite } from './helpers/fixtures.js';

fixtureSuite(path.join(path.dirname(fileURLToPath(import.meta.url)), 'example-transforms', '__testfixtures__'), [lintStage, runAsNonroot]);
