/**
 * collapse-run against random RUN sequences: bodies drawn from a grammar of harmless
 * commands (cd, export, umask, set -e, failures, background jobs, subshells, lists …)
 * are merged, and the original and merged files must build the same way under /bin/sh
 * (one process per RUN, as Docker does): same status, same output, same files.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runPipeline } from '../src/engine/pipeline.js';
import { configure } from '../src/engine/select.js';
import { compareBuilds } from './helpers/semantics.js';

const SEED = Number(process.env.DOCKSHIFT_FUZZ_SEED ?? 7_310);
const RUNS = Number(process.env.DOCKSHIFT_SEMANTIC_RUNS ?? 150);

const atom = fc.constantFrom(
  'mkdir -p d1',
  'mkdir -p d2/sub',
  'cd d1',
  'cd d2/sub',
  'cd ..',
  'touch f1',
  'echo x > f2',
  'echo y >> f2',
  'export V=1',
  'V=2',
  'unset V',
  'echo "v=${V:-none}" >> out',
  'pwd >> out',
  'umask 077',
  'umask 022',
  'touch "m$(umask)"',
  'set -e',
  'set +e',
  'set -o errexit',
  'false',
  'true',
  'chmod 600 f1',
  'test -d d1',
  'sleep 0 &',
  'printf "%s\\n" a b >> out',
  'exit 3',
  '! false',
  'echo a | tee -a out',
  "trap 'echo t >> out' EXIT",
  'echo "export W=1" > s.sh',
  '. ./s.sh',
  'echo "w=${W:-none}" >> out',
  'f() { echo f >> out; }',
  'f',
  'set -u',
  'echo "$UNSET_VAR" >> out',
);

/** A body: atoms joined by shell operators, sometimes grouped. */
const body: fc.Arbitrary<string> = fc
  .tuple(
    fc.array(atom, { minLength: 1, maxLength: 4 }),
    fc.array(fc.constantFrom(' && ', ' || ', '; ', ' && '), { minLength: 3, maxLength: 3 }),
    fc.constantFrom('plain', 'plain', 'subshell', 'group', 'if'),
  )
  .map(([atoms, ops, shape]) => {
    let text = atoms[0]!;
    for (let i = 1; i < atoms.length; i++) text += ops[i - 1]! + atoms[i]!;
    if (shape === 'subshell') return `( ${text} )`;
    if (shape === 'group') return `{ ${text}; }`;
    if (shape === 'if') return `if test -e f1; then ${text}; fi`;
    return text;
  });

/** A Dockerfile of 2 to 5 adjacent RUNs, sometimes split over continuation lines. */
const dockerfile = fc
  .tuple(
    fc.array(fc.tuple(body, fc.boolean()), { minLength: 2, maxLength: 5 }),
    // The stage's SHELL decides errexit and pipefail for every RUN.
    fc.constantFrom('', 'SHELL ["/bin/bash", "-c"]', 'SHELL ["/bin/bash", "-eo", "pipefail", "-c"]', 'SHELL ["/bin/sh", "-e", "-c"]'),
  )
  .map(([runs, shell]) =>
    [
      'FROM alpine:3.20',
      ...(shell === '' ? [] : [shell]),
      ...runs.map(([b, split]) => `RUN ${split ? b.replace(' && ', ' \\\n    && ') : b}`),
    ].join('\n') + '\n',
  );

const collapse = configure({ names: ['collapse-run'], options: {} });

describe('collapse-run on random RUN sequences', () => {
  it('builds the same files, output and status as the original', () => {
    let merged = 0;
    fc.assert(
      fc.property(dockerfile, (input) => {
        const result = runPipeline(input, collapse);
        expect(result.ok).toBe(true);
        if (!result.ok || result.output === input) return;
        merged++;
        expect(compareBuilds(input, result.output), `${input}\n--- merged ---\n${result.output}`).toEqual([]);
      }),
      { seed: SEED, numRuns: RUNS },
    );
    // The property must not pass by never merging.
    expect(merged).toBeGreaterThan(RUNS / 4);
  });
});
