/**
 * The one fixture test. For every `__testfixtures__/<transform>/<case>.input.Dockerfile`:
 * - `<case>.output.Dockerfile` (required) is what running only that transform must produce,
 *   compared byte for byte: BOMs, line endings and the final newline are part of the answer;
 * - `<case>.options.json` (optional) is `{ "key": value }` for that transform;
 * - `<case>.refusals.json` (optional) is `[{ "code", "line" }]`, the refusals it must report.
 *   Without it the case must report none.
 * The output must be a fixpoint: a second run changes nothing.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runPipeline, type PipelineOutput } from '../src/engine/pipeline.js';
import { configure, findTransform } from '../src/engine/select.js';
import type { OptionValue } from '../src/engine/types.js';
import { transforms } from '../transforms/index.js';

const ROOT = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '__testfixtures__');
const SUFFIXES = ['.input.Dockerfile', '.output.Dockerfile', '.options.json', '.refusals.json'] as const;

interface FixtureCase {
  readonly transform: string;
  readonly name: string;
  readonly input: string;
  readonly output: string | null;
  readonly options: Record<string, OptionValue>;
  readonly refusals: { code: string; line: number }[];
}

/** A fixture layout mistake: reported as a failing test, never skipped. */
interface LayoutProblem {
  readonly where: string;
  readonly problem: string;
}

function read(file: string): string {
  return fs.readFileSync(file, 'utf8');
}

function loadFixtures(): { cases: FixtureCase[]; problems: LayoutProblem[] } {
  const cases: FixtureCase[] = [];
  const problems: LayoutProblem[] = [];
  const folders = fs.existsSync(ROOT) ? fs.readdirSync(ROOT, { withFileTypes: true }) : [];
  for (const entry of folders) {
    if (!entry.isDirectory()) {
      problems.push({ where: entry.name, problem: 'only folders named after a transform belong in __testfixtures__' });
      continue;
    }
    const transform = entry.name;
    if (findTransform(transform) === undefined) {
      problems.push({ where: transform, problem: `no registered transform is named "${transform}"` });
      continue;
    }
    const dir = path.join(ROOT, transform);
    const files = fs.readdirSync(dir);
    for (const file of files) {
      const suffix = SUFFIXES.find((s) => file.endsWith(s));
      if (suffix === undefined) {
        problems.push({ where: `${transform}/${file}`, problem: `unexpected file; fixture files end in ${SUFFIXES.join(', ')}` });
      } else if (suffix !== '.input.Dockerfile' && !files.includes(file.slice(0, -suffix.length) + '.input.Dockerfile')) {
        problems.push({ where: `${transform}/${file}`, problem: 'has no matching .input.Dockerfile' });
      }
    }
    for (const file of files.filter((f) => f.endsWith('.input.Dockerfile')).sort()) {
      const name = file.slice(0, -'.input.Dockerfile'.length);
      const at = (suffix: string) => path.join(dir, name + suffix);
      const outputFile = at('.output.Dockerfile');
      cases.push({
        transform,
        name,
        input: read(at('.input.Dockerfile')),
        output: fs.existsSync(outputFile) ? read(outputFile) : null,
        options: fs.existsSync(at('.options.json')) ? (JSON.parse(read(at('.options.json'))) as Record<string, OptionValue>) : {},
        refusals: fs.existsSync(at('.refusals.json')) ? (JSON.parse(read(at('.refusals.json'))) as { code: string; line: number }[]) : [],
      });
    }
  }
  return { cases, problems };
}

function run(c: FixtureCase, text: string): PipelineOutput {
  const result = runPipeline(text, configure({ names: [c.transform], options: { [c.transform]: c.options } }));
  if (!result.ok) throw new Error(`${c.transform}/${c.name}: pipeline failed at line ${result.error.line}: ${result.error.message}`);
  return result;
}

const { cases, problems } = loadFixtures();

describe('fixture layout', () => {
  it('has fixtures for every registered transform', () => {
    const covered = new Set(cases.map((c) => c.transform));
    expect(transforms.map((t) => t.meta.name).filter((n) => !covered.has(n))).toEqual([]);
  });

  it('every transform has cases that change the file and cases it must leave alone', () => {
    for (const t of transforms) {
      const own = cases.filter((c) => c.transform === t.meta.name);
      expect(own.some((c) => c.output !== c.input), `${t.meta.name}: no changing case`).toBe(true);
      expect(own.some((c) => c.output === c.input), `${t.meta.name}: no unchanged case`).toBe(true);
    }
  });

  it.each(problems.map((p) => [p.where, p.problem]))('%s', (where, problem) => {
    throw new Error(`__testfixtures__/${where}: ${problem}`);
  });
});

describe.each([...new Set(cases.map((c) => c.transform))])('%s', (transform) => {
  const own = cases.filter((c) => c.transform === transform);
  it.each(own.map((c) => [`${c.transform}/${c.name}`, c] as const))('%s', (_, c) => {
    if (c.output === null) throw new Error(`${c.transform}/${c.name}.input.Dockerfile has no ${c.name}.output.Dockerfile`);
    const spec = findTransform(c.transform)!.meta.options as Record<string, { default: OptionValue }>;
    for (const [key, value] of Object.entries(c.options)) {
      expect(Object.keys(spec), `options.json names an unknown option "${key}"`).toContain(key);
      expect(typeof value, `option "${key}" has the wrong type`).toBe(typeof spec[key]!.default);
    }

    const first = run(c, c.input);
    expect(first.output).toBe(c.output);
    expect(first.refusals.map((r) => ({ code: r.code, line: r.line }))).toEqual(c.refusals);
    expect(first.changes.length > 0).toBe(c.output !== c.input);

    const second = run(c, first.output);
    expect(second.output).toBe(first.output);
    expect(second.changes).toEqual([]);
  });
});
