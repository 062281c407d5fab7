/**
 * exec-form against /bin/sh: for random command lines, whenever the transform
 * rewrites `CMD <line>` to JSON, the JSON array must be exactly the words the
 * shell would have passed to the program.
 */
import { spawnSync } from 'node:child_process';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { logicalText } from '../src/dockerfile/logical.js';
import { parseDockerfile } from '../src/dockerfile/parse.js';
import { runPipeline } from '../src/engine/pipeline.js';
import { configure } from '../src/engine/select.js';

const SEED = Number(process.env.DOCKSHIFT_FUZZ_SEED ?? 9_157);
const RUNS = Number(process.env.DOCKSHIFT_EXEC_FORM_RUNS ?? 300);

const plainChar = fc.constantFrom(...'abcxyz019._-/=:@%+,'.split(''));
const anyChar = fc.constantFrom(...'ab z9 ._-/=:@%+,$*?[]{}~#!&|;<>()"\\`\t'.split(''));

/** One piece of a word, in one of the ways sh lets you write it. */
const piece = fc.oneof(
  fc.string({ unit: plainChar, minLength: 1, maxLength: 6 }),
  fc.string({ unit: anyChar.filter((c) => c !== "'"), maxLength: 6 }).map((s) => `'${s}'`),
  fc.string({ unit: anyChar, maxLength: 6 }).map((s) => `"${s.replace(/["\\`$]/g, (c) => `\\${c}`)}"`),
  anyChar.map((c) => `\\${c}`),
);

const word = fc.array(piece, { minLength: 1, maxLength: 3 }).map((ps) => ps.join(''));
const line = fc
  .tuple(fc.constantFrom('run', 'node', '/usr/bin/app', 'exec run'), fc.array(word, { maxLength: 5 }), fc.constantFrom(' ', '  ', '\t'))
  .map(([program, words, gap]) => [program, ...words].join(gap));

/** The words sh makes of `line` (what the program would receive as argv). */
function shellWords(text: string): string[] | null {
  const r = spawnSync('/bin/sh', ['-c', `set -- ${text}\nprintf '%s\\0' "$@"`], { encoding: 'utf8', env: { PATH: '/usr/bin:/bin', HOME: '/nonexistent' } });
  if (r.status !== 0) return null;
  return r.stdout.split('\0').slice(0, -1);
}

const execForm = configure({ names: ['exec-form'], options: {} });

describe('exec-form on random command lines', () => {
  it('writes exactly the words the shell would have passed', () => {
    let rewritten = 0;
    fc.assert(
      fc.property(line, (cmd) => {
        const input = `FROM alpine:3.20\nCMD ${cmd}\n`;
        const result = runPipeline(input, execForm);
        if (!result.ok || result.output === input) return;
        rewritten++;
        const json = /^CMD (\[.*\])$/m.exec(result.output)![1]!;
        // What BuildKit hands to `/bin/sh -c`: the line after its continuation rules.
        const file = parseDockerfile(input);
        const args = file.instructions[1]!.argsSpan!;
        const script = logicalText(input, args.start, args.end, file.escape).text;
        const expected = shellWords(script.replace(/^exec\s+/, ''));
        expect(JSON.parse(json), `CMD ${cmd}`).toEqual(expected);
      }),
      { seed: SEED, numRuns: RUNS },
    );
    // The property must not pass by refusing everything.
    expect(rewritten).toBeGreaterThan(RUNS / 5);
  });
});
