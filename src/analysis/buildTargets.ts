/**
 * The stages a project publishes as images of their own with `--target`: a GitHub workflow's
 * docker/build-push-action (or depot/build-push-action) with `target: arroyo` that pushes (\`push:\`, or \`outputs:\` to a registry), a `docker build --target arroyo` in a
 * workflow step or the Makefile that also pushes (\`--push\`, or a \`docker push\` in the same script),
 * a bake file's `target = "arroyo"` with tags; a workflow's \`\${{ matrix.… }}\` is read for each combination
 * its job's matrix makes. A shell or Python script that a workflow step, the Makefile, a package.json script or
 * another such script runs (\`cd docker && ./build_image.sh\`, \`python scripts/build_docker.py\`) is read the same way, from the
 * folder it runs in: a push in the job or script that runs it publishes what it builds. Such a stage ships
 * though it is not the Dockerfile's last, so its layers and what it builds on matter as the last stage's do. A target only built (CI's \`--target test\`)
 * or a compose service's \`build.target\` (most often a development stage) does not count: its layers never ship; unless
 * such a step or script runs \`docker compose push\` (or \`build --push\`), which publishes the services with an \`image:\`.
 * A target a variable names counts when the script, or the workflow's \`env:\` for its step, sets it only to literals; so does
 * build-push-action's \`\${{ env.… }}\`. Only code is read: not a Python docstring, nor what a script prints (\`echo\`, \`cat <<EOF\`).
 *
 * Only what the build context shows is read: `.github/workflows/`, a Makefile, package.json's scripts and a
 * docker-bake.hcl at its root, which is where they are when the context is the repository; a compose file when a push reads it.
 */
import * as path from 'node:path';
import type { BuildContext } from '../engine/context.js';
import { contextYaml, mergedComposeServices, overrideFileIn, projectFileIn, dockerfileMatch, perDockerfile, serviceBuild, type DockerfileMatch } from './compose.js';
import { LAST_STAGE, stageNamed } from '../dockerfile/stages.js';
import type { ParsedDockerfile, Stage } from '../dockerfile/types.js';
import { DEVELOPMENT_STAGE, RELEASE_STAGE } from '../knowledge/index.js';

/**
 * Stage names as the project writes them (BuildKit matches them without case), and LAST_STAGE when it pushes a build
 * with no target (\`docker build --push .\`, or a \`docker push\` in the same script; build-push-action, a compose
 * service or a bake target with none): that build is the last stage, whatever its name.
 */
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
    const stage: Stage | undefined = target === LAST_STAGE ? last : stageNamed(file, target);
    if (stage === last) return null;
    if (stage !== undefined) published.add(stage);
  }
  if (published.size > 0) return { stages: [...published].sort((a, b) => a.index - b.index), published: true };
  const named = file.stages.filter((s) => s !== last && s.name !== null && RELEASE_STAGE.test(s.name));
  return named.length > 0 ? { stages: named, published: false } : null;
}


function readTargets(ctx: BuildContext, dockerfilePath: string | null, text: string | undefined): ReadonlySet<string> {
  const isThis = dockerfileMatch(ctx, dockerfilePath, text);
  const caller: Caller = { ctx, isThis, pushedElsewhere: false, via: [], env: NO_ENV };
  const out = new Set<string>();
  const add = (target: unknown) => {
    // A target a variable or an expression picks (`${{ matrix.target }}`, `$(TARGET)`) names no stage we can see.
    if (typeof target === 'string' && (target === LAST_STAGE || /^[A-Za-z0-9][A-Za-z0-9_.-]*$/.test(target))) out.add(target);
  };
  for (const workflow of workflowFiles(ctx)) for (const target of workflowTargets(workflow, caller)) add(target);
  const makefile = ['Makefile', 'makefile', 'GNUmakefile'].map((f) => ctx.read(f)).find((t) => t !== null);
  if (makefile != null) {
    // \`image:\` builds with a script and \`push:\` runs another that pushes: the Makefile publishes what it builds.
    const pushes = commandTargets(makefile, 'make', '.', caller).pushes;
    for (const target of commandTargets(makefile, 'make', '.', { ...caller, pushedElsewhere: pushes }).targets) add(target);
  }
  // A Node project keeps its \`docker buildx build --target base --push\` in package.json's scripts; as in a Makefile,
  // one script that pushes (\`"release": "./build.sh && ./push.sh"\`, \`"docker:push": "docker push …"\`) publishes what the others build.
  const scripts = npmScripts(ctx.read('package.json'));
  const npmPushes = scripts.some((script) => commandTargets(script, 'shell', '.', caller).pushes);
  for (const script of scripts) for (const target of commandTargets(script, 'shell', '.', { ...caller, pushedElsewhere: npmPushes }).targets) add(target);
  const bake = ctx.read('docker-bake.hcl');
  if (bake !== null) for (const target of bakeTargets(bake, isThis)) add(target);
  return out.size === 0 ? NONE : out;
}

/** The commands of a package.json's \`scripts\`, each on its own; none when there is no such file or it is not JSON. */
function npmScripts(text: string | null): string[] {
  if (text === null) return [];
  let scripts: unknown;
  try {
    scripts = (JSON.parse(text) as { scripts?: unknown } | null)?.scripts;
  } catch {
    return [];
  }
  if (typeof scripts !== 'object' || scripts === null) return [];
  return Object.values(scripts as Record<string, unknown>).filter((s): s is string => typeof s === 'string');
}

function workflowFiles(ctx: BuildContext): string[] {
  return (ctx.list('.github/workflows') ?? []).filter((e) => e.kind === 'file' && /\.ya?ml$/.test(e.path)).map((e) => e.path);
}

/**
 * The targets a workflow's steps build from this Dockerfile: build-push-action's `with:`, and `docker build` in `run:`.
 * A job that calls a reusable workflow of the repository (\`uses: ./.github/workflows/docker-build.yml\` with
 * \`target: api\`) builds what that workflow's steps build, its \`\${{ inputs.… }}\` read as the job passes them.
 */
function workflowTargets(workflow: string, caller: Caller, inputs: Inputs | null = null): string[] {
  const { ctx, isThis } = caller;
  const doc = contextYaml(ctx, workflow);
  const jobs = doc?.['jobs'];
  if (typeof jobs !== 'object' || jobs === null) return [];
  const out: string[] = [];
  for (const job of Object.values(jobs as Record<string, unknown>)) {
    if (typeof job !== 'object' || job === null) continue;
    const { steps, strategy, defaults, uses: calls, with: passed, env: jobEnv } = job as { steps?: unknown; strategy?: unknown; defaults?: unknown; uses?: unknown; with?: unknown; env?: unknown };
    // \`file: \${{ matrix.config.dockerfile }}\`, \`target: \${{ matrix.target }}\`: the job builds each combination its matrix makes.
    const combinations = matrixCombinations(typeof strategy === 'object' && strategy !== null ? (strategy as { matrix?: unknown }).matrix : undefined);
    // Only a call from a workflow of its own: a called workflow that calls another is not followed.
    if (inputs === null && typeof calls === 'string' && /^\.\/\.github\/workflows\/[^/]+\.ya?ml$/.test(calls)) {
      const called = calls.slice(2);
      for (const combination of combinations) out.push(...workflowTargets(called, caller, calledInputs(ctx, called, passed, combination)));
      continue;
    }
    if (!Array.isArray(steps)) continue;
    const fill = (text: string, combination: Combination, env: Env) => {
      const filled = withMatrix(text, combination);
      const given = filled === null || inputs === null ? filled : withInputs(filled, inputs);
      return given === null ? null : withEnv(given, env);
    };
    const jobFolder = runFolder(defaults, runFolder(doc?.['defaults'], '.'));
    // A step that writes a variable to \`$GITHUB_ENV\` sets it for the steps after it, to what we do not follow.
    const written = writtenEnv(steps as unknown[]);
    // The variables \`env:\` gives a step (the workflow's, the job's, its own, each over the one before), for a combination.
    const envOf = (step: object, combination: Combination): Env => {
      const env = new Map<string, string | null>();
      for (const level of [doc?.['env'], jobEnv, (step as { env?: unknown }).env]) {
        if (typeof level !== 'object' || level === null) continue;
        for (const [name, value] of Object.entries(level as Record<string, unknown>)) {
          const text = typeof value === 'string' ? value : typeof value === 'number' || typeof value === 'boolean' ? String(value) : null;
          const filled = text === null ? null : fill(text, combination, env);
          env.set(name, filled === null || filled.includes('${{') ? null : filled);
        }
      }
      for (const name of written) env.set(name, null);
      return env;
    };
    // Each step's scripts, one for each combination its matrix values make (most name none and are one script).
    const runs = (steps as unknown[]).map((step) => {
      const run = typeof step === 'object' && step !== null ? (step as { run?: unknown }).run : undefined;
      if (typeof run !== 'string') return null;
      const folder = workingDirectory((step as { 'working-directory'?: unknown })['working-directory'], jobFolder);
      const scripts = new Map<string, { text: string; env: Env }>();
      for (const combination of combinations) {
        const env = envOf(step as object, combination);
        const text = fill(run, combination, env) ?? run;
        scripts.set(`${text}\0${[...env].join('\0')}`, { text, env });
      }
      return { folder, scripts: [...scripts.values()] };
    });
    // A job that builds in one step and pushes in another (\`docker push\` in a later \`run:\`, or in the script it runs) publishes what it built.
    const jobPushes = runs.some((r) => r !== null && r.scripts.some((script) => commandTargets(script.text, 'shell', r.folder, { ...caller, env: script.env }).pushes));
    for (const [i, step] of (steps as unknown[]).entries()) {
      if (typeof step !== 'object' || step === null) continue;
      const { uses, with: options } = step as { uses?: unknown; with?: unknown };
      const run = runs[i];
      if (run != null) for (const script of run.scripts) out.push(...commandTargets(script.text, 'shell', run.folder, { ...caller, pushedElsewhere: jobPushes, env: script.env }).targets);
      // Depot's action takes docker's inputs and builds on Depot's machines.
      if (typeof uses !== 'string' || !/^(?:docker|depot)\/build-push-action@/.test(uses) || typeof options !== 'object' || options === null) continue;
      const { file, context, target, push, outputs } = options as { file?: unknown; context?: unknown; target?: unknown; push?: unknown; outputs?: unknown };
      for (const combination of combinations) {
        // \`target: \${{ env.TARGET }}\` and \`push: \${{ env.PUSH }}\` are read as the workflow's \`env:\` sets them.
        const env = envOf(step, combination);
        // \`push: \${{ github.event_name != 'pull_request' }}\` pushes on the main branch; \`false\` (the default) only builds.
        // \`push: \${{ inputs.push }}\` pushes as the calling job says.
        const pushed = typeof push === 'string' ? fill(push, combination, env) ?? push : push;
        const pushes = (pushed !== undefined && pushed !== false && pushed !== 'false') || outputsPush(outputs);
        if ((typeof target !== 'string' && target !== undefined) || !pushes) continue;
        // Without \`target:\` it builds the last stage.
        const built = target === undefined ? LAST_STAGE : fill(target, combination, env);
        const where = typeof context === 'string' ? fill(context, combination, env) : '.';
        // `file` is the workspace's path; without it, Dockerfile in the context, which is the repository's root by default.
        const named = typeof file === 'string' ? fill(file, combination, env) : where === null ? null : path.posix.join(where, 'Dockerfile');
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

/** What a reusable workflow's \`\${{ inputs.… }}\` stand for, by name. */
type Inputs = Readonly<Record<string, unknown>>;

/**
 * The inputs a job passes to the workflow it calls: its \`with:\` (matrix values filled in), over the defaults
 * the called workflow's \`on.workflow_call.inputs\` declare. A value that names a matrix key the combination
 * lacks is left out, as one no default gives.
 */
function calledInputs(ctx: BuildContext, called: string, passed: unknown, combination: Combination): Inputs {
  const out: Record<string, unknown> = {};
  const on = contextYaml(ctx, called)?.['on'];
  const call = typeof on === 'object' && on !== null ? (on as Record<string, unknown>)['workflow_call'] : undefined;
  const declared = typeof call === 'object' && call !== null ? (call as Record<string, unknown>)['inputs'] : undefined;
  if (typeof declared === 'object' && declared !== null) {
    for (const [name, spec] of Object.entries(declared as Record<string, unknown>)) {
      const given = typeof spec === 'object' && spec !== null ? (spec as { default?: unknown }).default : undefined;
      if (given !== undefined) out[name] = given;
    }
  }
  if (typeof passed === 'object' && passed !== null) {
    for (const [name, value] of Object.entries(passed as Record<string, unknown>)) {
      const filled = typeof value === 'string' ? withMatrix(value, combination) : value;
      if (filled === null) delete out[name];
      else out[name] = filled;
    }
  }
  return out;
}

/**
 * The text with each \`\${{ inputs.name }}\` replaced by the input's value, and \`\${{ !inputs.name }}\` by its
 * negation (\`push: \${{ !inputs.dry-run }}\`), or null when one names an input with none.
 */
function withInputs(text: string, inputs: Inputs): string | null {
  let missing = false;
  const out = text.replace(/\$\{\{\s*(!?)\s*inputs\.([A-Za-z_][\w-]*)\s*\}\}/g, (_, not: string, name: string) => {
    const value = inputs[name];
    if (not !== '' && (typeof value === 'boolean' || value === 'true' || value === 'false')) return String(value !== true && value !== 'true');
    if (not === '' && (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')) return String(value);
    missing = true;
    return '';
  });
  return missing ? null : out;
}

/**
 * The variables the environment gives a script, by name: a literal value, or null for one set to what we cannot
 * see (\`\${{ secrets.… }}\`, \`\${{ steps.meta.outputs.… }}\`, a value a step writes to \`$GITHUB_ENV\`).
 */
type Env = ReadonlyMap<string, string | null>;

const NO_ENV: Env = new Map();

/** The text with each \`\${{ env.NAME }}\` replaced by its value in `env`, or null when one names a variable with none we can see. */
function withEnv(text: string, env: Env): string | null {
  let missing = false;
  const out = text.replace(/\$\{\{\s*env\.([A-Za-z_]\w*)\s*\}\}/g, (_, name: string) => {
    const value = env.get(name);
    if (value != null) return value;
    missing = true;
    return '';
  });
  return missing ? null : out;
}

/** The variables a job's steps write to \`$GITHUB_ENV\` (\`echo "TARGET=prod" >> "$GITHUB_ENV"\`), which later steps get. */
function writtenEnv(steps: readonly unknown[]): Set<string> {
  const out = new Set<string>();
  for (const step of steps) {
    const run = typeof step === 'object' && step !== null ? (step as { run?: unknown }).run : undefined;
    if (typeof run !== 'string' || !run.includes('GITHUB_ENV')) continue;
    for (const line of run.split('\n')) if (line.includes('GITHUB_ENV')) for (const m of line.matchAll(/\b([A-Za-z_]\w*)=/g)) out.add(m[1]!);
  }
  return out;
}

const PUSH = /\bdocker\s+(?:image\s+)?push\b/;

/** A run step's folder, from the repository's root: its `working-directory`, else the defaults'; null when an expression names it. */
function workingDirectory(value: unknown, otherwise: string | null): string | null {
  if (typeof value !== 'string') return otherwise;
  return changedFolder('.', value, null);
}

/** The folder \`defaults.run.working-directory\` of a job or workflow names, else `otherwise`. */
function runFolder(defaults: unknown, otherwise: string | null): string | null {
  const run = typeof defaults === 'object' && defaults !== null ? (defaults as { run?: unknown }).run : undefined;
  return workingDirectory(typeof run === 'object' && run !== null ? (run as Record<string, unknown>)['working-directory'] : undefined, otherwise);
}

type Language = 'shell' | 'make' | 'python';

/** What a text is read with: the context, which Dockerfile counts, and what runs it. */
interface Caller {
  readonly ctx: BuildContext;
  readonly isThis: DockerfileMatch;
  /** A push elsewhere (another step of the job, the script that runs this one) publishes what this text builds. */
  readonly pushedElsewhere: boolean;
  /** The scripts that run this text, outermost first: none for a workflow step or the Makefile. */
  readonly via: readonly string[];
  /** The variables a workflow's \`env:\` gives the step that runs this text, which the scripts it runs inherit. */
  readonly env: Env;
}

/** Scripts run by scripts run by a workflow step: \`python build_upload_release.py\` that runs \`./build_image.sh\`. */
const MAX_SCRIPT_DEPTH = 3;

/**
 * The targets of the `docker build` and `docker buildx build` commands of a script, Makefile or Python script
 * that build this Dockerfile, when it pushes them, and of the scripts it runs; and whether it or a script it runs
 * pushes an image (\`docker push\`). `folder` is where it runs, from
 * the context's root (null when a \`cd\` we cannot follow lost it). A target is a literal, or a variable the
 * text sets only to literals (each of them: a case or an if choosing); anything else names no stage we can see.
 */
function commandTargets(text: string, language: Language, folder: string | null, caller: Caller, self: string | null = null): { targets: string[]; pushes: boolean } {
  const out: string[] = [];
  const { lines, joined } = commandsOf(text, language);
  // A script that pushes some of its builds itself (\`--push\` on one, as pytorch/serve's build_image.sh) says which it
  // publishes: which of its other builds a push by what runs it is for cannot be told (its CI image, its dev one).
  const decides = caller.via.length > 0 && /\s--push\b/.test(joined);
  const pushesHere = PUSH.test(joined);
  const pushes = (caller.pushedElsewhere && !decides) || pushesHere;
  let pushesAny = pushesHere;
  const values = language === 'shell' ? shellValues(text, caller.env) : language === 'python' ? pythonValues(text) : () => null;
  // A Python script that moves (\`os.chdir(…)\`, \`subprocess.run(…, cwd=…)\`) runs its commands where we cannot follow.
  let dir = language === 'python' && /\bchdir\s*\(|\bcwd\s*=/.test(text) ? null : folder;
  for (const line of lines) {
    // Each line of a Makefile's recipe runs in a shell of its own, so a \`cd\` holds for its line.
    if (language === 'make') dir = folder;
    for (const statement of line) {
      const words = [...statement];
      while (words.length > 0 && SHELL_KEYWORDS.has(words[0]!)) words.shift();
      if (words[0] === 'cd' || words[0] === 'pushd' || words[0] === 'popd' || words[0] === '(cd') {
        // \`popd\` returns to a folder we do not keep, and a subshell's \`(cd docker && …)\` to the one before, after its \`)\`.
        dir = words[0] === 'popd' || words[0] === '(cd' ? null : changedFolder(dir, words.slice(1).join(' '), self);
        continue;
      }
      const plain = words.map(unquote);
      const build = plain.findIndex((w, i) => w === 'docker' && (plain[i + 1] === 'build' || (plain[i + 1] === 'buildx' && plain[i + 2] === 'build')));
      if (build >= 0) {
        const args = plain.slice(build + (plain[build + 1] === 'buildx' ? 3 : 2));
        // A workflow step or the Makefile keeps the root when a \`cd\` is lost, as it always read; a script then builds nothing we can place.
        const from = dir ?? (caller.via.length === 0 ? '.' : null);
        if (from !== null && (pushes || args.includes('--push'))) out.push(...builtTargets(args, from, caller.isThis, values, pushesHere || args.includes('--push')));
        continue;
      }
      const compose = plain.findIndex((w, i) => w === 'docker-compose' || (w === 'docker' && plain[i + 1] === 'compose'));
      if (compose >= 0) {
        const from = dir ?? (caller.via.length === 0 ? '.' : null);
        if (from !== null) out.push(...composePushed(plain.slice(compose + (plain[compose] === 'docker' ? 2 : 1)), from, caller, joined));
        continue;
      }
      const own = (name: string) => (language === 'shell' && self !== null ? ownFolderIn(text, name, self) : null);
      const called = dir === null || caller.via.length >= MAX_SCRIPT_DEPTH ? null : scriptCalled(plain, dir, caller, own);
      if (called === null) continue;
      const read = commandTargets(called.text, called.language, dir, { ...caller, pushedElsewhere: pushes, via: [...caller.via, called.path] }, called.path);
      out.push(...read.targets);
      pushesAny ||= read.pushes;
    }
  }
  return { targets: out, pushes: pushesAny };
}

/** A text's commands: its lines, each split into statements of words; and its text without comments, joined. */
interface Commands {
  readonly lines: readonly (readonly (readonly string[])[])[];
  readonly joined: string;
}

/** By text: every Dockerfile of a context reads the same workflows and scripts. A large one (a vendored \`configure\`) is read again. */
const commandsRead = new Map<string, Commands>();
const MAX_COMMANDS_KEPT = 256;
const MAX_KEPT_CHARS = 64 * 1024;

function commandsOf(text: string, language: Language): Commands {
  const key = `${language}\0${text}`;
  let read = commandsRead.get(key);
  if (read !== undefined) return read;
  // A commented-out build (\`# docker buildx build … --push\`) builds nothing.
  const lines = language === 'python' ? pythonCommands(text) : shellLines(text);
  read = { lines: lines.map((l) => l.split(/[;&|]+/).map((st) => st.trim().split(/\s+/).filter((w) => w !== ''))), joined: lines.join('\n') };
  if (text.length > MAX_KEPT_CHARS) return read;
  if (commandsRead.size >= MAX_COMMANDS_KEPT) commandsRead.clear();
  commandsRead.set(key, read);
  return read;
}

/**
 * A shell script's or Makefile's lines, continuations joined, comments out, and the text a script only prints left
 * out: a \`cat <<EOF\` document (a usage message, a file it writes) and the words of \`echo\` and \`printf\`.
 */
function shellLines(text: string): string[] {
  const out: string[] = [];
  let end: RegExp | null = null;
  for (const raw of text.replace(/\\\r?\n/g, ' ').split('\n')) {
    if (end !== null) {
      if (end.test(raw)) end = null;
      out.push('');
      continue;
    }
    const line = raw.replace(/(?:^|\s)#.*$/, '');
    const document = /(?:^\s*[@-]*|[;&|({]\s*|\b(?:then|do|else)\s+)cat\b[^<]*<<(-?)\s*(["']?)([A-Za-z_]\w*)\2/.exec(line);
    if (document !== null) end = new RegExp(`^${document[1] === '-' ? '\\t*' : ''}${document[3]}\\s*$`);
    out.push(line.replace(/(^\s*[@-]*|[;&|]\s*|\b(?:then|do|else)\s+)(?:echo|printf)\b(?:"[^"]*"|'[^']*'|[^;&|"'])*/g, '$1'));
  }
  return out;
}

/** Words before a command that leave it the command it is: \`if cd docker\`, \`then ./build.sh\`. */
const SHELL_KEYWORDS = new Set(['if', 'then', 'else', 'elif', 'do', 'while', 'until', '!', '{', '(']);

function unquote(word: string): string {
  return word.replace(/^(['"])(.*)\1$/, '$2');
}

/** Options of \`docker compose\` (before its command) that take a value, and those of \`docker compose build\`. */
const COMPOSE_VALUE_OPTIONS = new Set(['-f', '--file', '-p', '--project-name', '--project-directory', '--profile', '--env-file', '--ansi', '--progress', '--parallel']);
const COMPOSE_BUILD_VALUE_OPTIONS = new Set(['--build-arg', '--builder', '-m', '--memory', '--ssh', '--progress']);

/**
 * The targets \`docker compose push\` or \`docker compose build --push\` (`words`, after \`compose\`), run from `folder`,
 * publishes from this Dockerfile: the \`build.target\` of each service it names (all, when it names none) that builds
 * this Dockerfile and has an \`image:\` to push, which compose needs (it skips the others). The compose files are
 * those \`-f\` names, merged service by service, else the one compose finds in the folder with the override file it
 * merges in there; none when one is a variable, or \`COMPOSE_FILE\` may name them. A service's \`build.target\` with no
 * such push only runs there.
 */
function composePushed(words: readonly string[], folder: string, caller: Caller, script: string): string[] {
  const files: string[] = [];
  let project: string | null = null;
  let i = 0;
  for (; i < words.length && words[i]!.startsWith('-'); i++) {
    const [option, inline] = words[i]!.split(/=(.*)/s) as [string, string | undefined];
    if (!COMPOSE_VALUE_OPTIONS.has(option)) continue;
    const value = inline ?? words[++i];
    if (value === undefined) return [];
    if (option === '-f' || option === '--file') files.push(value);
    else if (option === '--project-directory') project = value;
  }
  const [command, ...rest] = words.slice(i);
  const pushes = command === 'push' || (command === 'build' && rest.includes('--push'));
  if (!pushes) return [];
  const named: string[] = [];
  for (let j = 0; j < rest.length; j++) {
    const w = rest[j]!;
    if (w.startsWith('-')) {
      if (command === 'build' && COMPOSE_BUILD_VALUE_OPTIONS.has(w)) j++;
    } else named.push(w);
  }
  const { ctx, isThis } = caller;
  const at = (p: string) => (/^[\w./-]+$/.test(p) && !p.startsWith('/') ? path.posix.join(folder, p) : null);
  let paths: (string | null)[];
  if (files.length > 0) paths = files.map(at);
  else if (caller.env.has('COMPOSE_FILE') || /\bCOMPOSE_FILE=/.test(script)) return [];
  else {
    // The file compose finds in the folder, and the override file it merges in there.
    const dir = path.posix.normalize(folder);
    const found = projectFileIn(ctx, dir);
    const override = found === undefined ? undefined : overrideFileIn(ctx, dir);
    paths = [found ?? null, ...(override === undefined ? [] : [override])];
  }
  if (paths.some((p) => p === null) || paths.length === 0) return [];
  const root = project === null ? path.posix.dirname(paths[0]!) : at(project);
  if (root === null) return [];
  // \`-f docker-compose.yml -f docker-compose.prod.yml\`: a later file's service merged over an earlier one's, as compose merges them.
  const services = mergedComposeServices(ctx, paths as string[]);
  const out: string[] = [];
  for (const [name, spec] of services) {
    if (named.length > 0 && !named.includes(name)) continue;
    const built = serviceBuild(spec);
    const target = (spec['build'] as { target?: unknown } | undefined)?.target;
    if (built === null || (typeof target !== 'string' && target !== undefined) || typeof spec['image'] !== 'string' || spec['image'] === '') continue;
    if (isThis(path.posix.join(root, built.context, built.dockerfile))) out.push(target ?? LAST_STAGE);
  }
  return out;
}

/**
 * The targets of one build's arguments, when its Dockerfile (\`--file\`, else Dockerfile in its context, both from `folder`) is this one;
 * LAST_STAGE for one with no \`--target\` that `pushed` says is pushed by its own script, not only by another step of the job.
 */
function builtTargets(words: readonly string[], folder: string, isThis: DockerfileMatch, values: (name: string) => readonly string[] | null, pushed: boolean): string[] {
  let target: string | null = null;
  let file: string | null = null;
  let context: string | null = null;
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    const eq = /^(--target|--file|-f)=(.*)$/.exec(w);
    const [name, value] = eq !== null ? [eq[1]!, unquote(eq[2]!)] : [w, words[i + 1]];
    if (name === '--target' || name === '--file' || name === '-f') {
      if (eq === null) i++;
      if (name === '--target') target = value ?? null;
      else file = value ?? null;
    } else if (!w.startsWith('-') && i === words.length - 1) context = w;
  }
  if ((target === null && !pushed) || !isThis(path.posix.join(folder, file ?? path.posix.join(context ?? '.', 'Dockerfile')))) return [];
  if (target === null) return [LAST_STAGE];
  const variable = /^\$(?:([A-Za-z_]\w*)|\{([A-Za-z_]\w*)\})$/.exec(target);
  return variable === null ? [target] : [...(values(variable[1] ?? variable[2]!) ?? [])];
}

/**
 * The folder a \`cd\` moves to from `folder`: a plain relative path, or the script's own folder
 * (\`cd "$(dirname "$0")"\`, and \`/..\` above it); null for anything else (a variable, \`cd -\`, an absolute path).
 */
function changedFolder(folder: string | null, to: string, self: string | null): string | null {
  const bare = to.replace(/["']/g, '');
  const own = /^\$\(dirname\s+(?:\$0|\$\{0\}|\$\{?BASH_SOURCE(?:\[0\])?\}?)\)((?:\/\.\.)*)\/?$/.exec(bare);
  let moved: string | null = null;
  if (own !== null) moved = self === null ? null : path.posix.join(path.posix.dirname(self), own[1]!);
  else if (/^[\w./-]+$/.test(bare) && !bare.startsWith('/') && folder !== null) moved = path.posix.join(folder, bare);
  return moved === null || moved === '..' || moved.startsWith('../') ? null : moved;
}

/**
 * The shell or Python script a command runs (\`./docker/build_image.sh -t x\`, \`bash build.sh\`,
 * \`python3 scripts/build_docker.py\`), from `folder`, when it is a file of the context, or the command of the
 * package.json script that \`npm run\` (pnpm's, yarn's) names there; null otherwise.
 */
function scriptCalled(words: readonly string[], folder: string, caller: Caller, ownFolder: (name: string) => string | null): { path: string; text: string; language: Language } | null {
  let i = 0;
  while (i < words.length && (/^[A-Za-z_]\w*=/.test(words[i]!) || ['sudo', 'exec', 'time', 'env', 'nohup'].includes(words[i]!))) i++;
  const first = words[i];
  if (first === undefined) return null;
  // \`npm run build-docker\` in a step whose working-directory holds the package.json: that script's command.
  if ((first === 'npm' || first === 'pnpm' || first === 'yarn') && (words[i + 1] === 'run' || words[i + 1] === 'run-script')) {
    const name = words[i + 2];
    const file = path.posix.join(folder, 'package.json');
    const scripts = name === undefined ? undefined : contextYaml(caller.ctx, file)?.['scripts'];
    const text = typeof scripts === 'object' && scripts !== null ? (scripts as Record<string, unknown>)[name!] : undefined;
    const at = `${file}#${name}`;
    return typeof text === 'string' && !file.startsWith('../') && !caller.via.includes(at) ? { path: at, text, language: 'shell' } : null;
  }
  let language: Language | null = null;
  let script = first;
  if (/^(?:ba|da|z)?sh$/.test(first) || /^python(?:3(?:\.\d+)?)?$/.test(first)) {
    language = first.startsWith('python') ? 'python' : 'shell';
    const rest = words.slice(i + 1);
    // \`python -m module\` and \`bash -c '…'\` run no file of the context.
    if (rest.some((w) => w === '-m' || w === '-c')) return null;
    const named = rest.find((w) => !w.startsWith('-'));
    if (named === undefined) return null;
    script = named;
  } else if (!first.includes('/')) return null; // a bare name is a command the PATH finds
  // \`"$SCRIPT_DIR/build-image.sh"\`, with SCRIPT_DIR the calling script's own folder.
  const beside = /^\$(?:([A-Za-z_]\w*)|\{([A-Za-z_]\w*)\})\/([\w./-]+)$/.exec(script);
  const base = beside === null ? folder : ownFolder(beside[1] ?? beside[2]!);
  if (beside !== null) script = beside[3]!;
  if (base === null || !/^[\w./-]+$/.test(script) || script.startsWith('/')) return null;
  const file = path.posix.join(base, script);
  if (file.startsWith('../') || caller.via.includes(file)) return null;
  const text = caller.ctx.read(file);
  if (text === null) return null;
  const shebang = /^#!([^\n]*)/.exec(text)?.[1] ?? '';
  language ??= /\.py$/.test(file) || /python/.test(shebang) ? 'python' : /\.(?:sh|bash)$/.test(file) || /\b(?:ba|da|z)?sh\b/.test(shebang) ? 'shell' : null;
  return language === null ? null : { path: file, text, language };
}

/** \`$(cd "$(dirname "\${BASH_SOURCE[0]}")" && pwd)\`, \`$(dirname "$0")\`, \`"$(dirname "$0")/.."\`, quotes taken out: the script's own folder. */
const OWN_FOLDER = /^\$\( ?(?:cd (?:-- )?)?\$\( ?dirname (?:-- )?(?:\$0|\$\{0\}|\$\{?BASH_SOURCE(?:\[[0@]\])?\}?|\$\((?:realpath|readlink -f) \$0\)) ?\)(?: ?(?:&> ?\/dev\/null|>\/dev\/null 2>&1)? ?&& pwd(?: -P)?)? ?\)((?:\/\.\.)*)\/?$/;

/** The folder a shell script's variable names, when every assignment of it is its own folder's idiom and comes before any use. */
function ownFolderIn(text: string, name: string, self: string): string | null {
  const assignments = [...text.matchAll(new RegExp(String.raw`(?<![\w$.-])(?:(?:export|local|readonly)\s+)?${name}=(.*)$`, 'gm'))];
  const use = new RegExp(String.raw`\$\{?${name}\b`).exec(text);
  if (assignments.length === 0 || (use !== null && use.index < assignments[0]!.index)) return null;
  const folders = new Set(assignments.map((a) => OWN_FOLDER.exec(a[1]!.replace(/["']/g, '').replace(/\s+/g, ' ').trim())?.[1] ?? null));
  const [up] = folders;
  if (folders.size !== 1 || up == null) return null;
  const folder = path.posix.join(path.posix.dirname(self), up);
  return folder === '..' || folder.startsWith('../') ? null : folder;
}

const LITERAL_VALUE = /^[A-Za-z0-9_.-]*$/;

/**
 * The values a shell script sets a variable to, when every assignment of it is a literal and one comes before any
 * use, or the environment (a workflow's \`env:\`, `env`) gives it a literal; null otherwise (\`TARGET=$1\`,
 * \`read TARGET\`, \`for TARGET in …\`, a variable only the environment of a run we cannot see gives).
 */
function shellValues(text: string, env: Env): (name: string) => readonly string[] | null {
  return (name) => {
    const assignments = [...text.matchAll(new RegExp(String.raw`(?<![\w$.-])(?:(?:export|local|readonly|declare(?:\s+-\w+)*)\s+)?${name}(\+?)=("[^"\n]*"|'[^'\n]*'|[^\s;&|)]*)`, 'g'))];
    const use = new RegExp(String.raw`\$\{?[#!]?${name}\b`).exec(text);
    const inherited = assignments.length === 0 || (use !== null && use.index < assignments[0]!.index);
    const given = env.get(name);
    if (inherited && given == null) return null;
    if (new RegExp(String.raw`\b(?:for|select)\s+${name}\b|\b(?:read|getopts|mapfile|readarray)\b[^\n]*\s${name}\b|\$\{${name}:?=`).test(text)) return null;
    const values = [...(inherited ? [given!] : []), ...assignments.map((a) => (a[1] === '' ? unquote(a[2]!) : null))];
    return values.every((v): v is string => v !== null && LITERAL_VALUE.test(v)) ? values : null;
  };
}

/**
 * The values a Python script sets a name to, when every assignment of it is a plain string literal; null when
 * it is also a parameter, a loop's variable, or set to anything else.
 */
function pythonValues(text: string): (name: string) => readonly string[] | null {
  return (name) => {
    const assignments = [...text.matchAll(new RegExp(String.raw`^[ \t]*${name}[ \t]*(?::[^=\n]+)?=(?!=)[ \t]*(.*?)[ \t]*(?:#.*)?$`, 'gm'))];
    if (assignments.length === 0) return null;
    if (new RegExp(String.raw`\bfor\b[^\n]*\b${name}\b[^\n]*\bin\b|\bdef\s+\w+\s*\([^)]*\b${name}\b|\bas\s+${name}\b|\b${name}\s*(?:\+=|:=)|\bglobal\b[^\n]*\b${name}\b`).test(text)) return null;
    const values = assignments.map((a) => /^(['"])([^'"\\{}]*)\1$/.exec(a[1]!)?.[2] ?? null);
    return values.every((v): v is string => v !== null && LITERAL_VALUE.test(v)) ? values : null;
  };
}

const PYTHON_TOKEN = /(#[^\n]*)|((?:[rRbBuUfF]{1,2})?(?:"""[\s\S]*?"""|'''[\s\S]*?'''|"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'))|([A-Za-z_][\w.]*)|([[\],])|\s+|./g;

/**
 * The commands a Python script holds, one a line, as a shell would read them: each list of strings and names
 * (\`["docker", "build", "--target", target, "."]\`) and each other string (adjacent ones joined). A name is
 * \`$name\`, an f-string's \`{name}\` is \`${name}\`, any other expression a word no build reads. A string that is a
 * statement of its own (a docstring, a block of text standing for a comment) is no command: the script only holds it.
 */
function pythonCommands(text: string): string[] {
  const tokens = [...text.matchAll(PYTHON_TOKEN)].filter((t) => t[1] === undefined && t[0].trim() !== '');
  const word = (t: RegExpMatchArray): string | null => (t[2] !== undefined ? pythonString(t[2]) : t[3] !== undefined ? (/^[A-Za-z_]\w*$/.test(t[3]) ? `$${t[3]}` : UNKNOWN) : null);
  const out: string[] = [];
  // Brackets open around a token: a line break inside them does not end the statement.
  let depth = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (/^[([{]$/.test(t[0])) depth++;
    else if (/^[)\]}]$/.test(t[0])) depth = Math.max(0, depth - 1);
    if (t[2] !== undefined && depth === 0 && statementStarts(text, t.index!)) {
      let j = i;
      while (tokens[j + 1]?.[2] !== undefined) j++;
      const last = tokens[j]!;
      if (statementEnds(text, last.index! + last[0].length)) {
        i = j;
        continue;
      }
    }
    if (t[4] === '[') {
      const items: string[] = [];
      let j = i + 1;
      for (; j < tokens.length; j++) {
        const u = tokens[j]!;
        if (u[4] === ']' || (u[4] !== ',' && word(u) === null)) break;
        if (u[4] !== ',') items.push(word(u)!);
      }
      if (tokens[j]?.[4] === ']' && items.length > 0) {
        out.push(items.map((w) => (/\s/.test(w) || w === '' ? UNKNOWN : w)).join(' '));
        // The list's own \`]\`, read with it, closes the bracket its \`[\` opened.
        i = j;
        depth--;
      }
    } else if (t[2] !== undefined) {
      let line = pythonString(t[2]);
      while (tokens[i + 1]?.[2] !== undefined) line += pythonString(tokens[++i]![2]!);
      out.push(...line.replace(/\\\r?\n/g, ' ').split('\n'));
    }
  }
  return out;
}

/** Whether only indentation (or a \`;\`) comes before `at` on its line, and no \`\\\` continues the line before into it. */
function statementStarts(text: string, at: number): boolean {
  const lineStart = text.lastIndexOf('\n', at - 1) + 1;
  const before = text.slice(lineStart, at);
  if (/;[ \t]*$/.test(before)) return true;
  return /^[ \t]*$/.test(before) && !/\\\r?\n$/.test(text.slice(Math.max(0, lineStart - 3), lineStart));
}

/** Whether only blanks and a comment (or a \`;\`) follow `at` on its line, with no \`\\\` continuing it. */
function statementEnds(text: string, at: number): boolean {
  return /^[ \t]*(?:#[^\n]*)?(?:\r?\n|$)|^[ \t]*;/.test(text.slice(at, at + 400)) && !/^[ \t]*\\/.test(text.slice(at));
}

/** A word that stands for what the script computes: no build, folder or script reads it as anything. */
const UNKNOWN = '$?';

/** A Python string literal's text; an f-string's \`{name}\` becomes \`${name}\` and any other replacement field an unknown word. */
function pythonString(literal: string): string {
  const prefix = /^[rRbBuUfF]*/.exec(literal)![0];
  const rest = literal.slice(prefix.length);
  const quote = rest.startsWith('"""') || rest.startsWith("'''") ? 3 : 1;
  const body = rest.slice(quote, rest.length - quote);
  if (!/f/i.test(prefix)) return body;
  return body.replace(/\{\{|\}\}|\{([^{}]*)\}/g, (m, expr: string | undefined) => (m === '{{' ? '{' : m === '}}' ? '}' : /^\s*[A-Za-z_]\w*\s*$/.test(expr!) ? `\${${expr!.trim()}}` : UNKNOWN));
}

/** The `target` of a bake file's target blocks that build this Dockerfile (`dockerfile`, from `context`) and tag the image. */
function bakeTargets(hcl: string, isThis: DockerfileMatch): string[] {
  const out: string[] = [];
  for (const m of hcl.matchAll(/^\s*target\s+"[^"]*"\s*\{([^{}]*(?:\{[^{}]*\}[^{}]*)*)\}/gm)) {
    const body = m[1]!;
    const value = (key: string) => new RegExp(`^\\s*${key}\\s*=\\s*"([^"]*)"`, 'm').exec(body)?.[1];
    const target = value('target');
    // A target block with no tags makes no image to publish (a test or lint target); one with no \`target\` builds the last stage.
    if (!/^\s*tags\s*=/m.test(body)) continue;
    if (isThis(path.posix.join(value('context') ?? '.', value('dockerfile') ?? 'Dockerfile'))) out.push(target ?? LAST_STAGE);
  }
  return out;
}
