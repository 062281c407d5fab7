/**
 * Node.js: dependencies installed (npm, yarn, pnpm) and maybe built (`npm run build`)
 * in the app folder. The runtime stage gets that folder, with devDependencies pruned in
 * the build stage, on the slim sibling of the builder (the same Node and release), or on
 * distroless nodejs by option. The whole folder is copied: Node runs from files, and
 * which of them a program reads (views, public, config) is not knowable from outside.
 */
import * as path from 'node:path';
import { stageNeeds } from '../needs.js';
import { stageCommands } from '../commands.js';
import { nodeEnv, npmPackages, omitsDevDependencies } from '../dependencies.js';
import { originOf, unknownWorkdirWhy, unreadOrigin } from '../paths.js';
import { cacheMounts, parseScript, programWords, recognise } from '../../shell/index.js';
import type { CacheKind } from '../../shell/types.js';
import { type RunScript } from '../runScripts.js';
import { runtimeFor } from '../../knowledge/runtime.js';
import { sameRelease } from '../../knowledge/siblings.js';
import type { RuntimeChoice } from '../../knowledge/types.js';
import { readPackageJson, scriptRun, scriptsRun, type PackageJson } from '../../deps/packageJson.js';
import { installedPackages, libraryHeaders } from './packages.js';
import { findCommands, NONE, refuse, startedArgv, type Analysis, type BuildInput, type CommandRewrite, type Located } from './plan.js';

/**
 * Commands that serve an app in development (watchers, dev servers, TypeScript run
 * from source): they need devDependencies and the sources, and do not belong in a runtime image.
 */
const DEV_SERVERS: readonly RegExp[] = [
  /\bnodemon\b/, /\bts-node(?:-dev)?\b/, /\btsx\s+watch\b/, /\bnext\s+dev\b/, /\bnuxt\s+dev\b/, /\bvite(?:\s+(?:dev|serve))?\s*$/, /\bvite\s+--/,
  /\bwebpack(?:-dev-server|\s+serve)\b/, /\breact-scripts\s+start\b/, /\bvue-cli-service\s+serve\b/, /\bng\s+serve\b/,
  /\bgatsby\s+develop\b/, /\bnode\s+--watch\b/, /\bremix\s+dev\b/, /\bastro\s+dev\b/,
];

export function readNode(input: BuildInput): Analysis {
  const installs = findCommands(input.file, input.scripts, (w) => isInstall(w));
  if (installs.length === 0) return NONE;
  const at = installs[0]!.run.inst;
  const appDir = input.workdir;
  if (appDir === null) return refuse('no-artefact-path', `the app's folder, the working folder, is ${unknownWorkdirWhy(input.file, input.stage.instructions.at(-1) ?? input.stage.from)}`, at);
  if (appDir === '/') return refuse('no-artefact-path', 'the app is not in a folder of its own (WORKDIR): copying / would copy the toolchain with it', at);
  const elsewhere = installs.find((i) => i.cwd !== appDir);
  if (elsewhere !== undefined) return refuse('no-artefact-path', `dependencies are installed in ${elsewhere.cwd ?? 'a folder only known at build time'}, not in the app folder ${appDir}`, elsewhere.run.inst);
  // The package.json the install reads: the one a COPY put in the app folder (`COPY web/package.json ./`), not the context's root one.
  const origin = originOf(input.file, at, path.posix.join(appDir, 'package.json'), input.ctx);
  if (origin?.kind !== 'context') {
    const why = origin === null ? `no COPY of this Dockerfile puts package.json in ${appDir} before line ${at.line}` : origin.kind === 'stage' ? `package.json comes from ${origin.image}` : origin.kind === 'download' ? `package.json is downloaded from ${origin.url}` : unreadOrigin(origin);
    return refuse('no-sources', `${why}, so the scripts and dependencies cannot be checked`, at);
  }
  const project = path.posix.dirname(origin.path);
  const manifest = readPackageJson(input.ctx.read(origin.path));
  if (manifest === null) return refuse('no-sources', `${origin.path} is not in the build context (or not JSON), so the scripts and dependencies cannot be checked`, at);

  // What the container starts must not need the toolchain, the sources or devDependencies.
  const started = startedArgv(input.command, input.builder);
  const script = started === null ? null : scriptRun(started.argv, manifest);
  const text = script ?? (started === null ? [input.command.entrypoint?.text, input.command.cmd?.text].filter(Boolean).join(' ') : started.argv.join(' '));
  const dev = DEV_SERVERS.find((re) => re.test(text));
  if (dev !== undefined) return refuse('toolchain-at-runtime', `the container runs \`${text}\`, a development server that needs the toolchain and devDependencies`, started?.inst ?? at);
  // The start script's pre and post scripts run too, and the scripts they run (`"prestart": "npm run build"`).
  for (const { name, body } of started === null ? [] : scriptsRun(started.argv, manifest)) {
    const parsed = parseScript(body);
    const programs = parsed.ok ? parsed.commands.map((c) => c.name) : [body.trim().split(/\s+/)[0]];
    const program = programs.find((p) => p != null && manifest.devDependencies.has(p) && !manifest.dependencies.has(p));
    if (program != null) {
      const which = name === 'start' ? 'the start script' : `the ${name} script, which \`${started!.argv.join(' ')}\` runs,`;
      return refuse('toolchain-at-runtime', `${which} runs ${program}, a devDependency the runtime stage would not have`, started!.inst);
    }
  }

  // Headers installed before an install are there for a native addon to compile against: the addon
  // links their library, which the runtime stage (the -dev package stays behind) does not have. Only
  // a package that runs an install script (or the project's own binding.gyp) compiles anything.
  const lastInstall = installs.at(-1)!.run.inst;
  const headers = libraryHeaders(installedPackages(input.scripts.filter((s) => s.inst.index <= lastInstall.index)).ever);
  const compiles = headers.length > 0 ? addonBuild(input, manifest, project) : null;
  if (compiles !== null) {
    const install = installs.at(-1)!.words.map((w) => w.value ?? w.raw).join(' ');
    return refuse('shared-libraries', `the stage installs ${headers.join(', ')} before \`${install}\`, and ${compiles}: a native addon built against ${headers.length > 1 ? 'them links those libraries' : 'it links that library'}, whose runtime packages are not named here`, lastInstall);
  }

  const runtime = chooseRuntime(input);
  if (!('reference' in runtime)) return runtime;
  // What the installs built or downloaded for the builder (install scripts) must run on the runtime
  // image: judged as slim-base judges a move to slim, and refused when it cannot be read.
  if (runtime.reference !== input.builder.raw) {
    const { unknowns } = stageNeeds(input.file, [input.stage], runtime.image?.facts.libc === 'musl' ? 'musl' : 'glibc', input.ctx);
    if (unknowns.length > 0) {
      const u = unknowns[0]!;
      const more = unknowns.length > 1 ? ` (and ${unknowns.length - 1} more)` : '';
      // The line runs in the build stage, on the builder; what it made is what must run on the runtime image.
      return refuse('unknown-needs', `cannot tell whether what line ${u.inst.line} makes on ${input.builder.raw} (the build stage) runs on ${runtime.reference}: ${u.what}: ${u.why}${more}`, u.inst);
    }
  }
  let commandRewrite: CommandRewrite | null = null;
  if (runtime.kind === 'distroless') {
    // distroless nodejs starts `node` itself: the command keeps only node's arguments.
    const cmd = input.command.cmd;
    if (input.command.entrypoint !== null || cmd === null || cmd.argv === null || cmd.argv[0] !== 'node' || cmd.argv.length < 2) {
      return refuse('runtime-program', 'distroless nodejs runs `node` as its entrypoint: only a CMD of the form `node <script>` can run there', (cmd ?? input.command.entrypoint)?.inst ?? at);
    }
    commandRewrite = { inst: cmd.inst, argv: cmd.argv.slice(1) };
  }

  const notes: string[] = [];
  const prune = pruneCommand(input, installs, manifest, project);
  if (prune.note !== null) notes.push(prune.note);
  const builds = findCommands(input.file, input.scripts, (w) => isBuild(w));
  // On the builder itself, a split ships what ships now unless the build leaves something behind.
  if (runtime.reference === input.builder.raw && builds.length === 0 && prune.command === null && input.scripts.every((run) => installsOnly(run, installs))) {
    return refuse(
      'nothing-to-leave',
      `the runtime stage would be ${runtime.reference} again with ${appDir}, which is all the image holds now: nothing is built, no devDependencies would be dropped, and every RUN only installs, keeping no cache in its layer`,
      at,
    );
  }
  const buildStep = (builds.at(-1) ?? installs.at(-1)!).run.inst;
  if (builds.length > 0) notes.push(`the build output stays in ${appDir}`);
  return {
    kind: 'plan',
    plan: {
      toolchain: 'Node.js',
      buildStep,
      artefacts: [{ from: appDir, to: appDir, what: `the app folder ${appDir} with its node_modules` }],
      runtime,
      runtimePrograms: runtime.kind === 'distroless' ? ['node'] : ['node', 'npm', 'npx', 'yarn', 'corepack'],
      buildEdits: [],
      buildTail: prune.command === null ? [] : [`RUN ${prune.command}`],
      runtimeSetup: [],
      commandRewrite,
      notes,
    },
  };
}

/**
 * What may compile a native addon in the stage's installs, as evidence for a refusal; null when the
 * lockfile says no package runs an install script and the project builds none of its own.
 */
function addonBuild(input: BuildInput, manifest: PackageJson, project: string): string | null {
  const own = ['preinstall', 'install', 'postinstall'].find((s) => manifest.scripts[s] !== undefined);
  if (own !== undefined) return `package.json has ${own === 'install' ? 'an' : 'a'} ${own} script (\`${manifest.scripts[own]}\`)`;
  if (input.ctx.read(path.posix.join(project, 'binding.gyp')) !== null) return 'the project has a binding.gyp, which npm builds with node-gyp';
  const npm = npmPackages(input.file, stageCommands(input.file, input.stage, input.ctx).commands, input.ctx);
  const unknown = npm.unknowns[0];
  if (unknown !== undefined) return `what \`${unknown.what}\` installs cannot be read (${unknown.why})`;
  const scripted = npm.items.filter((p) => p.evidence !== 'no-script');
  if (scripted.length === 0) return null;
  const named = scripted.slice(0, 3).map((p) => p.name).join(', ') + (scripted.length > 3 ? ` (and ${scripted.length - 3} more)` : '');
  const recorded = scripted.every((p) => p.evidence === 'lockfile');
  return recorded
    ? `${named} (${path.posix.basename(scripted[0]!.from)}) ${scripted.length > 1 ? 'run install scripts' : 'runs an install script'}`
    : `${path.posix.basename(scripted[0]!.from)} does not record whether ${named} ${scripted.length > 1 ? 'run install scripts' : 'runs an install script'}`;
}

/** The package managers whose own cache (caches.ts names it after them) a cache mount keeps out of the layer. */
const MANAGER_CACHES: ReadonlySet<string> = new Set<CacheKind>(['npm', 'yarn', 'pnpm']);

/**
 * Whether a RUN only installs dependencies and keeps none of the package manager's downloads in its
 * layer: its cache is mounted (\`--mount=type=cache,target=/root/.npm\`) or cleaned after.
 */
function installsOnly(run: RunScript, installs: readonly Located[]): boolean {
  if (run.parsed === null) return false;
  const mine = installs.filter((i) => i.run === run);
  const own = new Set(mine.map((i) => i.command));
  const cleaned = new Set<string>();
  for (const command of run.parsed.commands) {
    if (own.has(command)) continue;
    const [program, a, b] = programWords(command).map((w) => w.value);
    if ((program === 'npm' || program === 'yarn') && a === 'cache' && b === 'clean') cleaned.add(program);
    else if (program === 'pnpm' && a === 'store' && b === 'prune') cleaned.add(program);
    else return false;
  }
  const mounted = new Set(cacheMounts(run.inst).map((m) => m.kind));
  return mine.every((i) => {
    const manager = i.words[0]?.value ?? '';
    return cleaned.has(manager) || (MANAGER_CACHES.has(manager) && mounted.has(manager as CacheKind));
  });
}

function isInstall(w: readonly (string | null)[]): boolean {
  const [program, sub] = w;
  if (w.some((x) => x === '-g' || x === '--global')) return false;
  if (program === 'npm') return sub === 'ci' || sub === 'install' || sub === 'i' || sub === 'clean-install';
  if (program === 'yarn') return sub === undefined || sub === 'install' || (sub ?? '').startsWith('--');
  if (program === 'pnpm') return sub === 'install' || sub === 'i';
  return false;
}

function isBuild(w: readonly (string | null)[]): boolean {
  const [program, a, b] = w;
  if (program === 'npm' || program === 'pnpm') return (a === 'run' || a === 'run-script') ? b === 'build' : program === 'pnpm' && a === 'build';
  if (program === 'yarn') return a === 'build' || (a === 'run' && b === 'build');
  return false;
}

/** How devDependencies leave node_modules before it is copied, or why they stay. */
function pruneCommand(input: BuildInput, installs: readonly Located[], manifest: PackageJson, project: string): { command: string | null; note: string | null } {
  const last = installs.at(-1)!;
  const words = last.words.map((w) => w.value ?? '');
  // Read as slim-base and alpine-base read it: the options the shell layer splits, and NODE_ENV where the install sees it.
  const install = recognise(last.command);
  const env = nodeEnv(input.file, { inst: last.run.inst, command: last.command, script: last.run.parsed });
  if (install?.kind === 'package' && omitsDevDependencies(install, env)) return { command: null, note: 'devDependencies were never installed' };
  if (manifest.devDependencies.size === 0) return { command: null, note: null };
  const major = Number(/^(\d+)/.exec(input.builder.resolvedVersion ?? '')?.[1] ?? NaN);
  switch (words[0]) {
    case 'npm':
      return { command: Number.isFinite(major) && major < 15 ? 'npm prune --production' : 'npm prune --omit=dev', note: 'devDependencies pruned before the copy' };
    case 'pnpm':
      return { command: 'pnpm prune --prod', note: 'devDependencies pruned before the copy' };
    default: {
      const lock = input.ctx.read(path.posix.join(project, 'yarn.lock'));
      if (lock !== null && lock.includes('# yarn lockfile v1')) {
        return { command: 'yarn install --production --frozen-lockfile --ignore-scripts --prefer-offline', note: 'devDependencies pruned before the copy' };
      }
      return { command: null, note: 'devDependencies kept: Yarn 2 and later have no prune command' };
    }
  }
}

function chooseRuntime(input: BuildInput): RuntimeChoice | Analysis {
  const { builder, runtimeOption } = input;
  const at = input.stage.from;
  if (runtimeOption === 'scratch') return refuse('no-runtime', 'scratch has no Node.js', at);
  const choices = runtimeFor(builder);
  if (runtimeOption === 'distroless') {
    const d = choices.find((c) => c.kind === 'distroless');
    return d ?? refuse('no-runtime', `no distroless nodejs image is still built for ${builder.raw}'s Node.js and Debian release`, at);
  }
  const slim = choices.find((c) => c.kind === 'slim');
  // The slim sibling names the same release, or (with no OS in either tag) the same repository default.
  if (slim !== undefined && slim.image !== null && (sameRelease(builder.release, slim.image.release) || (builder.release.kind === 'repository-default' && slim.image.release.kind === 'repository-default'))) return slim;
  if (builder.options['os'] !== 'alpine' && builder.options['flavour'] !== 'slim') return refuse('no-runtime', `the knowledge base has no slim sibling of ${builder.raw} on the same release`, at);
  // Already slim or Alpine: the same image, without what the build left behind.
  return { kind: 'slim', reference: builder.raw, image: builder, why: 'the builder image itself, already without compilers: the runtime stage leaves the build tools, caches and devDependencies behind' };
}
