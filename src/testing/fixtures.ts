/**
 * Fixture cases for transforms, as jscodeshift's `__testfixtures__`: the files of one case
 * share a name and differ in suffix. See test/fixtures.test.ts for what each file means.
 * No test framework here: `loadFixtures` reads cases, `runFixture` runs one; tests assert.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { memoryBuildContext, openBuildContext, type BuildContext } from '../engine/context.js';
import { runPipeline, type PipelineOutput } from '../engine/pipeline.js';
import type { OptionValue, Transform } from '../engine/types.js';

export const FIXTURE_SUFFIXES = [
  '.input.Dockerfile',
  '.output.Dockerfile',
  '.options.json',
  '.refusals.json',
  '.changes.json',
  '.context',
  '.context.json',
  '.created',
  '.edited',
] as const;

export interface FixtureCase {
  readonly transform: string;
  readonly name: string;
  readonly input: string;
  readonly output: string | null;
  readonly options: Record<string, OptionValue>;
  readonly refusals: { code: string; line: number }[];
  readonly changes: { line: number; message: string; tier?: string }[] | null;
  readonly context: string | null;
  /**
   * Entries added to the build context (`.context.json`): path → text, a path ending in `/`
   * an empty folder. For what git will not keep in `.context/`: a `.git`, ignored files, empty folders.
   */
  readonly contextEntries: Record<string, string> | null;
  readonly created: Record<string, string> | null;
  /** Files of the context the transform must propose to edit, with their expected new text. */
  readonly edited: Record<string, string> | null;
}

/** A fixture layout mistake: reported as a failing test, never skipped. */
export interface LayoutProblem {
  readonly where: string;
  readonly problem: string;
}

function read(file: string): string {
  return fs.readFileSync(file, 'utf8');
}

/** Every file below `dir`, by `/`-separated path relative to it. */
function filesBelow(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (rel: string) => {
    for (const e of fs.readdirSync(path.join(dir, rel), { withFileTypes: true })) {
      const p = rel === '' ? e.name : `${rel}/${e.name}`;
      if (e.isDirectory()) walk(p);
      else out[p] = read(path.join(dir, p));
    }
  };
  walk('');
  return out;
}

/** Every case under `root/<transform>/`; `find` names the transforms that exist. */
export function loadFixtures(root: string, find: (name: string) => Transform<any> | undefined): { cases: FixtureCase[]; problems: LayoutProblem[] } {
  const cases: FixtureCase[] = [];
  const problems: LayoutProblem[] = [];
  const folders = fs.existsSync(root) ? fs.readdirSync(root, { withFileTypes: true }) : [];
  for (const entry of folders) {
    if (!entry.isDirectory()) {
      problems.push({ where: entry.name, problem: 'only folders named after a transform belong in __testfixtures__' });
      continue;
    }
    const transform = entry.name;
    if (find(transform) === undefined) {
      problems.push({ where: transform, problem: `no registered transform is named "${transform}"` });
      continue;
    }
    const dir = path.join(root, transform);
    const files = fs.readdirSync(dir);
    for (const file of files) {
      const suffix = FIXTURE_SUFFIXES.find((s) => file.endsWith(s));
      if (suffix === undefined) {
        problems.push({ where: `${transform}/${file}`, problem: `unexpected file; fixture files end in ${FIXTURE_SUFFIXES.join(', ')}` });
      } else if (suffix !== '.input.Dockerfile' && !files.includes(file.slice(0, -suffix.length) + '.input.Dockerfile')) {
        problems.push({ where: `${transform}/${file}`, problem: 'has no matching .input.Dockerfile' });
      }
    }
    for (const file of files.filter((f) => f.endsWith('.input.Dockerfile')).sort()) {
      const name = file.slice(0, -'.input.Dockerfile'.length);
      const at = (suffix: string) => path.join(dir, name + suffix);
      const json = <T,>(suffix: string, fallback: T): T => (fs.existsSync(at(suffix)) ? (JSON.parse(read(at(suffix))) as T) : fallback);
      cases.push({
        transform,
        name,
        input: read(at('.input.Dockerfile')),
        output: fs.existsSync(at('.output.Dockerfile')) ? read(at('.output.Dockerfile')) : null,
        options: json('.options.json', {}),
        refusals: json('.refusals.json', []),
        changes: json('.changes.json', null),
        context: fs.existsSync(at('.context')) ? at('.context') : null,
        contextEntries: json<Record<string, string> | null>('.context.json', null),
        created: fs.existsSync(at('.created')) ? filesBelow(at('.created')) : null,
        edited: fs.existsSync(at('.edited')) ? filesBelow(at('.edited')) : null,
      });
    }
  }
  return { cases, problems };
}

/**
 * Where the case's Dockerfile counts as lying: at the context root, named `<case>.Dockerfile`,
 * so a `<case>.Dockerfile.dockerignore` in the context is its own ignore file, as BuildKit reads it.
 */
function dockerfileIn(root: string, c: FixtureCase): string {
  return path.join(root, `${c.name}.Dockerfile`);
}

/** The case's build context, and how to remove what was made for it. */
function contextOf(c: FixtureCase): { ctx: BuildContext; dispose: () => void } {
  const none = () => {};
  if (c.contextEntries === null) {
    if (c.context === null) return { ctx: memoryBuildContext({}), dispose: none };
    const ctx = openBuildContext(c.context, dockerfileIn(c.context, c));
    if (ctx === null) throw new Error(`${c.transform}/${c.name}.context is not a folder`);
    return { ctx, dispose: none };
  }
  // A folder built for the run: the case's .context/ (if any) with the manifest's entries on top.
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'dockshift-fixture-'));
  const dispose = () => fs.rmSync(root, { recursive: true, force: true });
  try {
    if (c.context !== null) fs.cpSync(c.context, root, { recursive: true });
    for (const [rel, text] of Object.entries(c.contextEntries)) {
      const target = path.join(root, ...rel.split('/'));
      if (!target.startsWith(root + path.sep)) throw new Error(`${c.transform}/${c.name}.context.json: ${rel} leaves the context`);
      if (rel.endsWith('/')) fs.mkdirSync(target, { recursive: true });
      else {
        fs.mkdirSync(path.dirname(target), { recursive: true });
        fs.writeFileSync(target, text);
      }
    }
    const ctx = openBuildContext(root, dockerfileIn(root, c));
    if (ctx === null) throw new Error(`${c.transform}/${c.name}: could not open the built context`);
    return { ctx, dispose };
  } catch (err) {
    dispose();
    throw err;
  }
}

/** Runs only the case's transform over `text`, with the case's options and build context. */
export function runFixture(c: FixtureCase, transform: Transform<any>, text: string): PipelineOutput {
  const defaults = Object.fromEntries(Object.entries(transform.meta.options as Record<string, { default: OptionValue }>).map(([k, spec]) => [k, spec.default]));
  const { ctx, dispose } = contextOf(c);
  try {
    const result = runPipeline(text, [{ transform, options: { ...defaults, ...c.options } }], { path: `${c.name}.Dockerfile`, buildContext: ctx });
    if (!result.ok) throw new Error(`${c.transform}/${c.name}: pipeline failed at line ${result.error.line}: ${result.error.message}`);
    return result;
  } finally {
    dispose();
  }
}
