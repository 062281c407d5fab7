/**
 * The stages a project publishes as images of their own with `--target`: a GitHub workflow's
 * docker/build-push-action with `target: arroyo` that pushes (\`push:\`, or \`outputs:\` to a registry), a `docker build --target arroyo` in a
 * workflow step or the Makefile that also pushes (\`--push\`, or a \`docker push\` in the same script),
 * a bake file's `target = "arroyo"` with tags; a workflow's \`\${{ matrix.… }}\` is read for each combination
 * its job's matrix makes. Such a stage ships though it is not the Dockerfile's last, so its
 * layers and what it builds on matter as the last stage's do. A target only built (CI's \`--target test\`)
 * or a compose service's \`build.target\` (most often a development stage) does not count: its layers never ship.
 *
 * Only what the build context shows is read: `.github/workflows/`, a Makefile and a docker-bake.hcl at its
 * root, which is where they are when the context is the repository.
 */
import * as path from 'node:path';
import type { BuildContext } from '../engine/context.js';
import { contextYaml, dockerfileMatch, perDockerfile, type DockerfileMatch } from './compose.js';
import { stageNamed } from '../dockerfile/stages.js';
import type { ParsedDockerfile, Stage } from '../dockerfile/types.js';
import { DEVELOPMENT_STAGE, RELEASE_STAGE } from '../knowledge/index.js';

/** Stage names as the project writes them (BuildKit matches them without case). */
export function publishedTargets(ctx: BuildContext | null, dockerfilePath: string | null, text: string | undefined): ReadonlySet<string> {
  return ctx === null ? NONE : targetsKnown(ctx, dockerfilePath, text);
}

const targetsKnown = perDockerfile(readTargets);

const NONE: ReadonlySet<string> = new Set();

/**
 * The stages that ship in place of the last one, when the last stage's name says it is one to work on or
 * test the code in (\`FROM production AS development\`): the stages the project publishes with
 * \`--target\` (\`published\`), else those named as the image that ships (\`production\`, \`release\`…).
 * Null when the last stage's name says nothing of the kind, the project publishes it too, or no other
 * stage shows: a Dockerfile whose only stage is \`dev\` ships that.
 */
export function releaseStagesElsewhere(file: ParsedDockerfile, ctx: BuildContext | null, dockerfilePath: string | null, text: string | undefined): { readonly stages: readonly Stage[]; readonly published: boolean } | null {
  const last = file.stages.at(-1);
  if (last?.name == null || !DEVELOPMENT_STAGE.test(last.name)) return null;
  const published = new Set<Stage>();
  for (const target of publishedTargets(ctx, dockerfilePath, text)) {
    const stage = stageNamed(file, target);
    if (stage === last) return null;
    if (stage !== undefined) published.add(stage);
  }
  if (published.size > 0) return { stages: [...published].sort((a, b) => a.index - b.index), published: true };
  const named = file.stages.filter((s) => s !== last && s.name !== null && RELEASE_STAGE.test(s.name));
  return named.length > 0 ? { stages: named, published: false } : null;
}


function readTargets(ctx: BuildContext, dockerfilePath: string | null, text: string | undefined): ReadonlySet<string> {
  const isThis = dockerfileMatch(ctx, dockerfilePath, text);
  const out = new Set<string>();
  const add = (target: unknown) => {
    // A target a variable or an expression picks (`${{ matrix.target }}`, `$(TARGET)`) names no stage we can see.
    if (typeof target === 'string' && /^[A-Za-z0-9][A-Za-z0-9_.-]*$/.test(target)) out.add(target);
  };
  for (const workflow of workflowFiles(ctx)) for (const target of workflowTargets(ctx, workflow, isThis)) add(target);
  const makefile = ['Makefile', 'makefile', 'GNUmakefile'].map((f) => ctx.read(f)).find((t) => t !== null);
  if (makefile != null) for (const target of commandTargets(makefile, isThis)) add(target);
  const bake = ctx.read('docker-bake.hcl');
  if (bake !== null) for (const target of bakeTargets(bake, isThis)) add(target);
  return out.size === 0 ? NONE : out;
}

function workflowFiles(ctx: BuildContext): string[] {
  return (ctx.list('.github/workflows') ?? []).filter((e) => e.kind === 'file' && /\.ya?ml$/.test(e.path)).map((e) => e.path);
}

/** The targets a workflow's steps build from this Dockerfile: build-push-action's `with:`, and `docker build` in `run:`. */
function workflowTargets(ctx: BuildContext, workflow: string, isThis: DockerfileMatch): string[] {
  const jobs = contextYaml(ctx, workflow)?.['jobs'];
  if (typeof jobs !== 'object' || jobs === null) return [];
  const out: string[] = [];
  for (const job of Object.values(jobs as Record<string, unknown>)) {
    if (typeof job !== 'object' || job === null) continue;
    const { steps, strategy } = job as { steps?: unknown; strategy?: unknown };
    if (!Array.isArray(steps)) continue;
    // \`file: \${{ matrix.config.dockerfile }}\`, \`target: \${{ matrix.target }}\`: the job builds each combination its matrix makes.
    const combinations = matrixCombinations(typeof strategy === 'object' && strategy !== null ? (strategy as { matrix?: unknown }).matrix : undefined);
    // A job that builds in one step and pushes in another (\`docker push\` in a later \`run:\`) publishes what it built.
    const jobPushes = jobRuns(steps).some((r) => PUSH.test(r));
    for (const step of steps as unknown[]) {
      if (typeof step !== 'object' || step === null) continue;
      const { uses, with: inputs, run } = step as { uses?: unknown; with?: unknown; run?: unknown };
      if (typeof run === 'string') {
        // Each script the combinations make, once: most name no matrix value and are one script.
        const scripts = new Set(combinations.map((c) => withMatrix(run, c) ?? run));
        for (const script of scripts) out.push(...commandTargets(script, isThis, jobPushes));
      }
      if (typeof uses !== 'string' || !/^docker\/build-push-action@/.test(uses) || typeof inputs !== 'object' || inputs === null) continue;
      const { file, context, target, push, outputs } = inputs as { file?: unknown; context?: unknown; target?: unknown; push?: unknown; outputs?: unknown };
      // \`push: \${{ github.event_name != 'pull_request' }}\` pushes on the main branch; \`false\` (the default) only builds.
      const pushes = (push !== undefined && push !== false && push !== 'false') || outputsPush(outputs);
      if (typeof target !== 'string' || !pushes) continue;
      for (const combination of combinations) {
        const built = withMatrix(target, combination);
        const where = typeof context === 'string' ? withMatrix(context, combination) : '.';
        // `file` is the workspace's path; without it, Dockerfile in the context, which is the repository's root by default.
        const named = typeof file === 'string' ? withMatrix(file, combination) : where === null ? null : path.posix.join(where, 'Dockerfile');
        if (built !== null && named !== null && isThis(named)) out.push(built);
      }
    }
  }
  return out;
}

/**
 * Whether build-push-action's \`outputs\` push the image: \`type=registry\`, or \`type=image\` with \`push=true\`
 * (\`type=image,push-by-digest=true,name-canonical=true,push=true\`, as a multi-platform release pushes each
 * platform by digest before a later job makes the manifest list). One output a line, or several in a list.
 */
function outputsPush(outputs: unknown): boolean {
  const lines = typeof outputs === 'string' ? outputs.split('\n') : Array.isArray(outputs) ? outputs.filter((o): o is string => typeof o === 'string') : [];
  return lines.some((line) => {
    const fields = line.split(',').map((f) => f.trim().toLowerCase());
    return fields.includes('type=registry') || (fields.includes('type=image') && fields.includes('push=true'));
  });
}

/** More combinations than any real matrix makes (GitHub allows 256 jobs per workflow run). */
const MAX_COMBINATIONS = 256;

type Combination = Readonly<Record<string, unknown>>;

/**
 * The combinations a job's \`strategy.matrix\` runs, as GitHub makes them: every combination of the values
 * its keys list, less those an \`exclude\` entry matches; an \`include\` entry is added to each combination
 * whose original values it does not change, or is a combination of its own when it fits none. One empty
 * combination without a matrix, or for one built by an expression (\`fromJSON(…)\`), whose values we cannot see.
 */
function matrixCombinations(matrix: unknown): Combination[] {
  if (matrix === undefined || matrix === null) return [{}];
  if (typeof matrix !== 'object' || Array.isArray(matrix)) return [{}];
  const { include, exclude, ...lists } = matrix as Record<string, unknown>;
  let combinations: Record<string, unknown>[] = [{}];
  for (const [key, values] of Object.entries(lists)) {
    if (!Array.isArray(values)) return [{}];
    combinations = combinations.flatMap((c) => values.map((v) => ({ ...c, [key]: v })));
    if (combinations.length > MAX_COMBINATIONS) return [{}];
  }
  const matches = (c: Combination, entry: object) => Object.entries(entry).every(([k, v]) => sameValue(c[k], v));
  if (Array.isArray(exclude)) {
    for (const entry of exclude) if (typeof entry === 'object' && entry !== null) combinations = combinations.filter((c) => !matches(c, entry));
  }
  // A matrix of only \`include\` starts from no combination: each entry is one.
  if (Object.keys(lists).length === 0) combinations = [];
  const original = new Set(Object.keys(lists));
  if (Array.isArray(include)) {
    for (const entry of include) {
      if (typeof entry !== 'object' || entry === null) continue;
      const keeps = (c: Combination) => Object.entries(entry).every(([k, v]) => !original.has(k) || sameValue(c[k], v));
      // With no list of its own, a matrix's entries are combinations each, whatever keys they share.
      const fits = original.size === 0 ? [] : combinations.filter(keeps);
      if (fits.length === 0) combinations.push({ ...entry });
      else for (const c of fits) Object.assign(c, entry);
    }
  }
  return combinations.length === 0 ? [{}] : combinations.slice(0, MAX_COMBINATIONS);
}

function sameValue(a: unknown, b: unknown): boolean {
  return a === b || (typeof a === 'object' && a !== null && typeof b === 'object' && b !== null && JSON.stringify(a) === JSON.stringify(b));
}

/**
 * The text with each \`\${{ matrix.a.b }}\` replaced by the combination's string (or number) there, or null when
 * one names nothing the combination has. Other expressions are left as written.
 */
function withMatrix(text: string, combination: Combination): string | null {
  let missing = false;
  const out = text.replace(/\$\{\{\s*matrix((?:\.[A-Za-z_][\w-]*)+)\s*\}\}/g, (_, keys: string) => {
    let value: unknown = combination;
    for (const key of keys.slice(1).split('.')) value = typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined;
    if (typeof value === 'string' || typeof value === 'number') return String(value);
    missing = true;
    return '';
  });
  return missing ? null : out;
}

const PUSH = /\bdocker\s+(?:image\s+)?push\b/;

function jobRuns(steps: readonly unknown[]): string[] {
  return steps.flatMap((step) => {
    const run = typeof step === 'object' && step !== null ? (step as { run?: unknown }).run : undefined;
    return typeof run === 'string' ? [run] : [];
  });
}

/** The targets of the `docker build` and `docker buildx build` commands of a script or Makefile that build this Dockerfile, when it pushes them. */
function commandTargets(script: string, isThis: DockerfileMatch, pushedElsewhere = false): string[] {
  const out: string[] = [];
  const joined = script.replace(/\\\r?\n/g, ' ');
  const pushes = pushedElsewhere || PUSH.test(joined);
  for (const m of joined.matchAll(/\bdocker\s+(?:buildx\s+)?build\b([^\n;&|]*)/g)) {
    const words = m[1]!.trim().split(/\s+/).map((w) => w.replace(/^(['"])(.*)\1$/, '$2'));
    let target: string | null = null;
    let file: string | null = null;
    let context: string | null = null;
    for (let i = 0; i < words.length; i++) {
      const w = words[i]!;
      const eq = /^(--target|--file|-f)=(.*)$/.exec(w);
      const [name, value] = eq !== null ? [eq[1]!, eq[2]!.replace(/^(['"])(.*)\1$/, '$2')] : [w, words[i + 1]];
      if (name === '--target' || name === '--file' || name === '-f') {
        if (eq === null) i++;
        if (name === '--target') target = value ?? null;
        else file = value ?? null;
      } else if (!w.startsWith('-') && i === words.length - 1) context = w;
    }
    if (target === null || !(pushes || words.includes('--push'))) continue;
    if (isThis(file ?? path.posix.join(context ?? '.', 'Dockerfile'))) out.push(target);
  }
  return out;
}

/** The `target` of a bake file's target blocks that build this Dockerfile (`dockerfile`, from `context`) and tag the image. */
function bakeTargets(hcl: string, isThis: DockerfileMatch): string[] {
  const out: string[] = [];
  for (const m of hcl.matchAll(/^\s*target\s+"[^"]*"\s*\{([^{}]*(?:\{[^{}]*\}[^{}]*)*)\}/gm)) {
    const body = m[1]!;
    const value = (key: string) => new RegExp(`^\\s*${key}\\s*=\\s*"([^"]*)"`, 'm').exec(body)?.[1];
    const target = value('target');
    // A target block with no tags makes no image to publish (a test or lint target).
    if (target === undefined || !/^\s*tags\s*=/m.test(body)) continue;
    if (isThis(path.posix.join(value('context') ?? '.', value('dockerfile') ?? 'Dockerfile'))) out.push(target);
  }
  return out;
}
