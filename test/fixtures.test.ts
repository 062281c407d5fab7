/**
 * The one fixture test. For every `__testfixtures__/<transform>/<case>.input.Dockerfile`:
 * - `<case>.output.Dockerfile` (required) is what running only that transform must produce,
 *   compared byte for byte: BOMs, line endings and the final newline are part of the answer;
 * - `<case>.options.json` (optional) is `{ "key": value }` for that transform;
 * - `<case>.refusals.json` (optional) is `[{ "code", "line" }]`, the refusals it must report.
 *   Without it the case must report none;
 * - `<case>.changes.json` (optional) is `[{ "line", "message", "tier"? }]`, the changes it must
 *   report (`tier` defaults to "safe");
 * - `<case>.context/` (optional) is the build context (the folder `docker build` would get);
 *   without it the case runs with an empty one;
 * - `<case>.context.json` (optional) is `{ "path": "text" }`, entries added to that context in a
 *   folder built for the run (a path ending in `/` is an empty folder): for what git will not
 *   keep inside a fixture (a `.git`, what the repository's .gitignore leaves out such as `dist`,
 *   `coverage` and logs) and for empty folders;
 * - `<case>.created/` (optional) holds the files the transform must propose in the build
 *   context, at their paths; without it the case must propose none;
 * - `<case>.edited/` (optional) holds the new text of the context files the transform must propose
 *   to edit, at their paths; without it the case must propose none.
 * The output must be a fixpoint: a second run changes nothing. Every refusal code a transform
 * declares must be shown by at least one case.
 */
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { transforms } from '../transforms/index.js';
import { fixtureSuite } from './helpers/fixtures.js';

const ROOT = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '__testfixtures__');

/**
 * Refusal codes no fixture can show, because valid input never produces them: the
 * transform declares them only as a guard in case a helper's own check fails.
 */
const DEFENSIVE: Readonly<Record<string, readonly string[]>> = {
  // Appending to a RUN the shell layer parsed, whose commands it appends itself.
  'cleanup-in-layer': ['no-command', 'multi-line-command', 'empty-body', 'breaks-shell', 'no-body', 'unparsable-shell'],
  // The merged text is built from the bodies; the check guards the builder.
  'collapse-run': ['unsafe-merge'],
};

/**
 * Refusal codes a fixture cannot show because the input they need is too large to keep in
 * the repository; the test named beside each shows it.
 */
const SHOWN_BY_UNIT_TESTS: Readonly<Record<string, readonly string[]>> = {
  // Needs more than 20,000 context entries: test/dockerignore.test.ts makes them in a temporary folder.
  dockerignore: ['context-too-large'],
};

const notByFixtures = Object.fromEntries(
  [...new Set([...Object.keys(DEFENSIVE), ...Object.keys(SHOWN_BY_UNIT_TESTS)])].map((name) => [name, [...(DEFENSIVE[name] ?? []), ...(SHOWN_BY_UNIT_TESTS[name] ?? [])]]),
);

fixtureSuite(ROOT, transforms, notByFixtures);
