/**
 * Rewrites that touch what RUNs do must keep doing it. For every `sem-*` fixture of the
 * transforms that merge or move shell code, the input and the transform's actual output are
 * both run (test/helpers/semantics.ts) and must stop at the same point with the same status,
 * print the same and leave the same files with the same modes.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runPipeline } from '../src/engine/pipeline.js';
import { configure, findTransform } from '../src/engine/select.js';
import type { OptionValue } from '../src/engine/types.js';
import { compareBuilds, runBuild } from './helpers/semantics.js';

const ROOT = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '__testfixtures__');
const TRANSFORMS = ['collapse-run', 'cleanup-in-layer'];

interface SemanticCase {
  readonly transform: string;
  readonly name: string;
  readonly input: string;
  readonly options: Record<string, OptionValue>;
}

function semanticCases(): SemanticCase[] {
  return TRANSFORMS.flatMap((transform) => {
    const dir = path.join(ROOT, transform);
    if (!fs.existsSync(dir)) return [];
    return fs
      .readdirSync(dir)
      .filter((f) => f.startsWith('sem-') && f.endsWith('.input.Dockerfile'))
      .sort()
      .map((f) => {
        const name = f.slice(0, -'.input.Dockerfile'.length);
        const options = path.join(dir, `${name}.options.json`);
        return {
          transform,
          name,
          input: fs.readFileSync(path.join(dir, f), 'utf8'),
          options: fs.existsSync(options) ? (JSON.parse(fs.readFileSync(options, 'utf8')) as Record<string, OptionValue>) : {},
        };
      });
  });
}

function transformed(c: SemanticCase): string {
  if (findTransform(c.transform) === undefined) throw new Error(`${c.transform} is not registered`);
  const result = runPipeline(c.input, configure({ names: [c.transform], options: { [c.transform]: c.options } }));
  if (!result.ok) throw new Error(`${c.transform}/${c.name}: ${result.error.message}`);
  return result.output;
}

const cases = semanticCases();

describe('semantic fixtures', () => {
  it('exist for collapse-run, and most of them are rewritten', () => {
    const own = cases.filter((c) => c.transform === 'collapse-run');
    expect(own.length).toBeGreaterThanOrEqual(10);
    expect(own.filter((c) => transformed(c) !== c.input).length).toBeGreaterThanOrEqual(10);
  });

  it.each(cases.map((c) => [`${c.transform}/${c.name}`, c] as const))('%s does the same after the rewrite', (_, c) => {
    const output = transformed(c);
    expect(compareBuilds(c.input, output)).toEqual([]);
  });
});

/** The harness must see each kind of damage, or a green run above proves nothing. */
describe('the semantic harness', () => {
  const differ = (before: string, after: string) => compareBuilds(`FROM scratch\n${before}`, `FROM scratch\n${after}`);

  it('runs each RUN in its own shell, in one folder, and records files with their modes', () => {
    const run = runBuild('FROM scratch\nRUN mkdir sub && printf hi > sub/f && chmod 600 sub/f\nRUN cd sub && echo "$PWD" | sed "s|.*/||"\n');
    expect(run).toMatchObject({ runs: 2, failedWith: null, stdout: 'sub\n' });
    expect(run.files.get(path.join('sub', 'f'))).toBe('file 600 "hi"');
  });

  it('stops at the first failing RUN', () => {
    const run = runBuild('FROM scratch\nRUN true\nRUN exit 3\nRUN touch never\n');
    expect(run).toMatchObject({ runs: 2, failedWith: 3 });
    expect(run.files.has('never')).toBe(false);
  });

  it('notices a `cd` that leaks into the commands after it', () => {
    expect(differ('RUN mkdir sub\nRUN cd sub\nRUN touch f\n', 'RUN mkdir sub && cd sub && touch f\n')).toEqual([
      'f: file 644 "" → missing',
      `${path.join('sub', 'f')}: missing → file 644 ""`,
    ]);
    expect(differ('RUN mkdir sub\nRUN cd sub\nRUN pwd\n', 'RUN mkdir sub && cd sub && pwd\n')).toEqual(['stdout: "$WORKDIR\\n" → "$WORKDIR/sub\\n"']);
  });

  it('notices `set -e` that is ignored on the left of &&', () => {
    const diffs = differ('RUN touch a\nRUN set -e; false; touch b\nRUN touch c\n', 'RUN touch a && (set -e; false; touch b) && touch c\n');
    expect(diffs).toContain('stopped: failed with status 1 → ran to the end');
    expect(diffs).toContain('b: missing → file 644 ""');
  });

  it('notices an exported variable, a umask and a failure that no longer stops the build', () => {
    expect(differ('RUN export X=1\nRUN printf "$X" > x\n', 'RUN export X=1 && printf "$X" > x\n')).toEqual(['x: file 644 "" → file 644 "1"']);
    expect(differ('RUN umask 077\nRUN touch f\n', 'RUN umask 077 && touch f\n')).toEqual(['f: file 644 "" → file 600 ""']);
    expect(differ('RUN true; false\nRUN touch f\n', 'RUN true; false; touch f\n')).toEqual([
      'stopped: failed with status 1 → ran to the end',
      'f: missing → file 644 ""',
    ]);
    expect(differ('RUN false\nRUN touch f\n', 'RUN false || touch f\n')).toContain('stopped: failed with status 1 → ran to the end');
  });

  it('notices a program path the shell remembered from before it was replaced', () => {
    const write = `RUN mkdir -p bin && printf '#!/bin/sh\\necho new\\n' > bin/seq && chmod +x bin/seq`;
    const diffs = differ(`RUN seq 1\n${write}\nRUN seq 1\n`, `RUN seq 1 && ${write.slice(4)} && seq 1\n`);
    expect(diffs).toEqual(['stdout: "1\\nnew\\n" → "1\\n1\\n"']);
  });

  it('follows the stage SHELL', () => {
    const run = runBuild('FROM scratch\nSHELL ["/bin/sh", "-e", "-c"]\nRUN false; touch f\n');
    expect(run).toMatchObject({ failedWith: 1 });
    expect(run.files.has('f')).toBe(false);
  });
});
