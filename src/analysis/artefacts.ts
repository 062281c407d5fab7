/**
 * What a stage copies in from other stages, and what the copied files need at
 * run time: a Go binary built without `CGO_ENABLED=0` or a Rust binary not built
 * for a musl target links the builder's C library; npm or pip packages built in
 * a stage may hold native modules for its C library.
 */
import * as posix from 'node:path/posix';
import { descendantStages, rootStage, stageLineage, stageNamed } from '../dockerfile/stages.js';
import type { Instruction, ParsedDockerfile, Stage } from '../dockerfile/types.js';
import { AUTOMATIC_ARGS, globalArgs, resolveBase, variablesAt } from '../dockerfile/variables.js';
import { expandWord } from '../dockerfile/words.js';
import { canonicalName, parseImageRef } from '../dockerfile/imageRef.js';
import type { BuildContext } from '../engine/context.js';
import { bringsCCompiler, identifyImage, IMAGE_FILES, NATIVE_COMPILERS, SLIM_LACKS_PROGRAMS, pipRuntimeLibraries, pipSourceBuildLibraries, pipSourceBuildNeeds, type DownloadLibc } from '../knowledge/index.js';
import type { IdentifiedImage, Libc } from '../knowledge/types.js';
import { invokedProgram, mounts, recognise } from '../shell/index.js';
import { stageCommands } from './commands.js';
import { runsBefore, systemInstalls } from './installs.js';
import { olderThan, short, wheelFits } from './needs.js';
import { nodeInstall, pipRequirements, pythonPackageInstall, type PipRequirement } from './dependencies.js';
import { contextNeedsCgo, downloadedGoInstall } from './builds/go.js';
import { cargoLinkages } from './builds/rust.js';
import { projectRuntimeIdentifiers } from './builds/dotnet.js';
import { readPackageJson } from '../deps/packageJson.js';
import { absolutePath, commandPath, copyArgs, originAtEnd, originOf } from './paths.js';
import type { Need, StageCommand, Unknown } from './types.js';
import { FileMemo } from '../memo.js';
import { own } from '../own.js';
import { packageOperandName } from '../knowledge/packageNames.js';

export type Linkage =
  /** Needs no C library (a static binary). */
  | { readonly kind: 'static'; readonly why: string }
  /** Linked against this C library. */
  | { readonly kind: 'dynamic'; readonly libc: Libc; readonly why: string }
  /** Built files that hold no native code we know of (scripts, assets, jars). */
  | { readonly kind: 'none'; readonly why: string }
  | { readonly kind: 'unknown'; readonly why: string };

export interface CopiedArtefact {
  readonly inst: Instruction;
  /** The stage copied from, or null for an image (`COPY --from=alpine:3`). */
  readonly stage: number | null;
  readonly from: string;
  readonly sources: readonly string[];
  readonly dest: string | null;
  /** What built it: `go`, `rust`, `c` (gcc/make/cmake, or another native compiler: zig, swift, crystal…), `packages` (npm/pip installs), or `none`. */
  readonly build: 'go' | 'rust' | 'c' | 'packages' | 'none';
  readonly linkage: Linkage;
  /** The image the source stage is built on, when known. */
  readonly builder: IdentifiedImage | null;
}

/**
 * Every COPY --from (or ADD --from) of the stage, and every bind mount of a RUN from another stage or
 * an image (\`RUN --mount=type=bind,from=build,source=/wheels,target=/wheels pip install …\`): what the RUN
 * reads there (wheels, a program it runs) crosses from that stage as a copy does.
 */
export function copiedArtefacts(file: ParsedDockerfile, stage: Stage, ctx: BuildContext | null): CopiedArtefact[] {
  const out: CopiedArtefact[] = [];
  for (const inst of stage.instructions) {
    for (const taken of takenFrom(file, inst)) {
      const { from, sources, dest } = taken;
      const source = stageNamed(file, from) ?? (/^\d+$/.test(from) ? file.stages[Number(from)] : undefined);
      if (source === undefined || source.index >= stage.index) {
        out.push({ inst, stage: null, from, sources, dest, build: 'none', linkage: { kind: 'unknown', why: `files copied from the image ${from}` }, builder: null });
        continue;
      }
      const built = classify(file, source, ctx);
      // Files that are data by their names (`out_loki.rb`, `/etc/app/config.json`) hold no native code, whatever the stage built.
      const data = sources.length > 0 ? sources.map(dataFile) : [];
      const named = data.length > 0 && data.every((d) => d !== null) ? `${[...new Set(data)].join(' and ')}: no native code` : null;
      // What a RUN does with a mounted folder is its commands' business: only a copy's destination is read.
      const output = named ?? (built.build === 'packages' && taken.copy && dest !== null ? buildOutputOnly(file, source, stage, inst, sources, dest, ctx) : null);
      out.push({ inst, stage: source.index, from, sources, dest, ...built, ...(output === null ? {} : { linkage: { kind: 'none', why: output } }) });
    }
  }
  return out;
}

/** How an instruction takes what it does, as a reason says it: \`copies from build\`, \`copies /app from build\`, \`mounts /wheels of build\`. */
export function takesFrom(a: CopiedArtefact, path?: string): string {
  if (a.inst.keyword === 'RUN') return `mounts ${path ?? a.sources[0] ?? '/'} of ${a.from}`;
  return path === undefined ? `copies from ${a.from}` : `copies ${path} from ${a.from}`;
}

/** What an instruction takes from another stage or an image: a COPY's or ADD's --from, a RUN's bind mounts with a `from`. */
function takenFrom(file: ParsedDockerfile, inst: Instruction): { from: string; sources: readonly string[]; dest: string | null; copy: boolean }[] {
  if (inst.keyword === 'RUN') {
    return mounts(inst)
      .filter((m) => m.type.toLowerCase() === 'bind' && m.from !== null)
      .map((m) => ({ from: m.from!, sources: [m.source ?? '/'], dest: m.target, copy: false }));
  }
  if (inst.keyword !== 'COPY' && inst.keyword !== 'ADD') return [];
  const from = inst.flags.find((f) => f.name.toLowerCase() === 'from')?.value;
  if (from == null) return [];
  const args = copyArgs(file, inst);
  return typeof args === 'string' ? [{ from, sources: [], dest: null, copy: true }] : [{ from, sources: args.sources, dest: args.dest, copy: true }];
}

/**
 * What the Python packages copied into the stages from a build stage load at run time: a module
 * compiled there (psycopg2 links libpq) or one that loads a library (psycopg 3) needs the system's
 * library where it runs, which the build stage had and the stages copying it may not.
 */
export function copiedPackageNeeds(file: ParsedDockerfile, stages: readonly Stage[], ctx: BuildContext | null): { needs: Need[]; unknowns: Unknown[] } {
  const needs: Need[] = [];
  const unknowns: Unknown[] = [];
  const shipped = new Set(stages.map((s) => s.index));
  // What each build stage installs with pip, read once however many COPYs take from it.
  const installed = new Map<number, readonly PipRequirement[]>();
  const pipOf = (stage: number): readonly PipRequirement[] => {
    let known = installed.get(stage);
    if (known === undefined) {
      const commands = stageLineage(file, file.stages[stage]!).flatMap((l) => stageCommands(file, l, ctx).commands);
      installed.set(stage, (known = pipRequirements(file, commands, ctx).items));
    }
    return known;
  };
  for (const s of stages) {
    for (const a of copiedArtefacts(file, s, ctx)) {
      if (a.stage === null || shipped.has(a.stage) || a.build !== 'packages' || a.linkage.kind === 'none' || a.linkage.kind === 'static') continue;
      for (const r of pipOf(a.stage)) {
        if (r.name === null) continue;
        const copies = `from ${a.from}, where \`${short(r.at.text)}\` installs ${r.name}`;
        const loads = pipRuntimeLibraries(r.name, r.extras);
        if (loads !== null) for (const pkg of loads.packages) needs.push({ inst: a.inst, order: 0, package: pkg, because: `${copies}: ${loads.note}` });
        const compiled = pipSourceBuildNeeds(r.name) !== null && !(r.wheels?.some((w) => wheelFits(w, 'glibc')) ?? false);
        if (!compiled) continue;
        const links = pipSourceBuildLibraries(r.name);
        if (links === null) unknowns.push({ inst: a.inst, what: `${r.name} (copied from ${a.from})`, why: 'it is compiled from source there, and dockshift does not know which libraries of the system it links' });
        else for (const pkg of links.packages) needs.push({ inst: a.inst, order: 0, package: pkg, because: `${copies}: ${links.note}` });
      }
    }
  }
  return { needs, unknowns };
}

/** The C library's headers and the kernel's: what they link every image has. */
const C_LIBRARY_HEADERS: ReadonlySet<string> = new Set(['libc6-dev', 'linux-libc-dev', 'libc-dev']);

/**
 * Native code copied into the stages from a build stage that compiled C (gcc, make, cmake) on an image with
 * buildpack-deps' -dev headers (python:3.12, node:20, ruby:3.3): what it links (libcurl, libxml2, libpq…)
 * the full images have, and which of those libraries it needs no command says. On another full image (swift's),
 * the same for the -dev packages it installs whose library its slim sibling lacks (SLIM_LACKS_PROGRAMS), and for
 * those the build stage installs. The files a stage of
 * `stages` builds itself, and those that are data by their names, do not count.
 */
export function copiedNativeUnknowns(file: ParsedDockerfile, stages: readonly Stage[], ctx: BuildContext | null): Unknown[] {
  const shipped = new Set(stages.map((s) => s.index));
  const unknowns: Unknown[] = [];
  for (const s of stages) {
    for (const a of copiedArtefacts(file, s, ctx)) {
      // A program of an image dockshift does not know (\`FROM onerahmet/ffmpeg AS ffmpeg\`, then its /usr/local/bin/ffmpeg):
      // which libraries it links, and whether the full image is where they come from, is not known either.
      const image = a.stage === null ? a.from : shipped.has(a.stage) ? null : imageOnly(file, file.stages[a.stage]!);
      const program = image === null || a.inst.keyword === 'RUN' ? null : copiedProgram(file, image, programPaths(file, a));
      if (program !== null) {
        unknowns.push({ inst: a.inst, what: `${program.path} (copied from ${a.from})`, why: `${program.libc.what}: a program there may link libraries the full image has` });
        continue;
      }
      if (a.stage === null || shipped.has(a.stage) || a.build !== 'c' || a.linkage.kind !== 'dynamic' || a.builder === null) continue;
      const what = a.sources.length === 1 ? `${a.sources[0]} (copied from ${a.from})` : `the files copied from ${a.from}`;
      if (a.builder.facts.buildTools) {
        unknowns.push({ inst: a.inst, what, why: `${a.linkage.why} on ${a.builder.raw}, which has the -dev headers of buildpack-deps (libcurl, libxml2, libpq…): it may link libraries the full image has, and which it links is not known` });
        continue;
      }
      // A full image not built on buildpack-deps (swift's) has the -dev packages it installs; the build stage, those it adds.
      const source = file.stages[a.stage]!;
      const keeps = SLIM_LACKS_PROGRAMS[a.builder.repository.name]?.keepsLibraryOf ?? [];
      const own = a.builder.facts.debianPackages.filter((p) => p.endsWith('-dev') && !keeps.includes(p));
      const added = stageLineage(file, source).flatMap((s) => systemInstalls(file, s, ctx)).flatMap((i) => i.packages).filter((p) => /-dev(?:[:=].*)?$/.test(p) && !C_LIBRARY_HEADERS.has(p.replace(/[:=].*$/, '')));
      if (own.length === 0 && added.length === 0) continue;
      const headers = [...new Set([...own, ...added])];
      unknowns.push({ inst: a.inst, what, why: `${a.linkage.why} on ${a.builder.raw}${added.length > 0 ? ' in a stage that installs' : ', which has'} ${headers.join(', ')}: it may link (or load) their libraries, which the full image may carry and its slim sibling lack, and which it links is not known` });
    }
  }
  return unknowns;
}

/**
 * A program a stage that compiles nothing holds and another stage copies (\`COPY --from=fetch /usr/local/bin/yt-dlp …\`):
 * downloaded or installed by its RUNs, or part of its image, on an image that is not known to be musl's or to have no C
 * library. Only paths that are programs by where they lie (a bin folder, on either side of the copy) or by name (a
 * \`.so\`) count, and not what the stage copied in from the build context. Null when none is.
 */
export function copiedStageProgram(file: ParsedDockerfile, a: CopiedArtefact, ctx: BuildContext | null): { path: string; what: string } | null {
  if (a.stage === null || a.build !== 'none' || (a.inst.keyword !== 'COPY' && a.inst.keyword !== 'ADD')) return null;
  const source = file.stages[a.stage]!;
  const root = rootImage(file, source);
  const libc = root?.facts.libc ?? null;
  if (libc === 'musl' || libc === 'none') return null;
  for (const path of programPaths(file, a)) {
    if (originAtEnd(file, source, path, ctx) !== null) continue;
    const image = root === null ? 'an image whose C library dockshift does not know' : `${root.raw}, a glibc image`;
    return { path, what: `made by the RUNs of stage ${source.name ?? source.index} or part of its image, on ${image}` };
  }
  return null;
}

/** The image a stage is, as written, when it adds no file to it (no RUN, COPY or ADD); else null. */
export function imageOnly(file: ParsedDockerfile, stage: Stage): string | null {
  if (stage.base.kind !== 'image' || stage.imageSpan === null) return null;
  if (stage.instructions.some((i) => i.keyword === 'RUN' || i.keyword === 'COPY' || i.keyword === 'ADD')) return null;
  return file.text.slice(stage.imageSpan.start, stage.imageSpan.end);
}

/**
 * The paths a copy takes that are programs by where they lie (a bin folder, on either side of the copy) or by
 * name (a \`.so\`), normalised; paths with a variable or a glob are left out.
 */
function programPaths(file: ParsedDockerfile, a: CopiedArtefact): string[] {
  const to = a.dest === null || a.dest.includes('$') ? null : absolutePath(file, a.inst, a.dest);
  const intoBin = to !== null && BIN_FOLDERS.some((b) => to.replace(/\/$/, '') === b || to.startsWith(`${b}/`));
  return a.sources
    .filter((raw) => !/[$*?[]/.test(raw))
    .map((raw) => posix.normalize(posix.join('/', raw)).replace(/(?<=.)\/$/, ''))
    .filter((path) => NATIVE_FILE.test(path) || BIN_FOLDERS.some((b) => path.startsWith(`${b}/`)) || (intoBin && dataFile(path) === null));
}

/** The first of \`paths\` that is a program of the image \`from\`, with what is known of it, or null. */
function copiedProgram(file: ParsedDockerfile, from: string, paths: readonly string[]): { readonly path: string; readonly libc: DownloadLibc } | null {
  for (const path of paths) {
    const libc = imageFileLibc(file, from, path);
    if (libc.kind === 'program') return { path, libc };
  }
  return null;
}

/** Folders of an image that hold configuration and data, not programs. */
const DATA_FOLDERS = ['/etc/', '/usr/share/'];
/** Native code whatever else it is called: shared libraries. */
const NATIVE_FILE = /\.so(?:\.\d+)*$/;

/**
 * What a file copied out of an image (`COPY --from=oven/bun:1 /usr/local/bin/bun …`, not from a
 * stage) needs of the C library, by what is known of the image: built on Alpine (the knowledge
 * base says musl, or its tag names alpine), without a C library (only static programs run
 * there), or a file IMAGE_FILES lists; configuration and data (under /etc or /usr/share, or
 * with a data file's extension) hold no native code. Anything else copied from a glibc image is
 * `glibc`, and from an image dockshift does not know a `program` of unknown C library.
 */
export function imageFileLibc(file: ParsedDockerfile, from: string, path: string): DownloadLibc {
  const globals = globalArgs(file);
  const expanded = expandWord(from, (name) => (AUTOMATIC_ARGS.has(name) ? null : globals.get(name)?.value), file.escape).value;
  const ref = expanded === null ? null : parseImageRef(expanded);
  const image = ref === null ? null : identifyImage(ref);
  const libc = image?.facts.libc ?? null;
  // What the knowledge base says of the file itself is the most specific.
  const p = posix.normalize(posix.join('/', path)).replace(/(?<=.)\/$/, '');
  const known = ref === null ? undefined : IMAGE_FILES.find((f) => f.repositories.includes(canonicalName(ref)) && f.paths.includes(p));
  if (known !== undefined) return { kind: known.kind, what: known.what };
  if (libc === 'musl') return { kind: 'musl-or-static', what: `a file of ${expanded}, built on Alpine` };
  if (libc === 'none') return { kind: 'musl-or-static', what: `a file of ${expanded}, which has no C library: its programs are static` };
  if (ref !== null && image === null && ref.tag !== null && ref.tag.split(/[-_]/).some((t) => /^alpine[\d.]*$/.test(t))) {
    return { kind: 'musl-or-static', what: `a file of ${expanded}, an Alpine tag` };
  }
  const data = dataFile(p);
  if (data !== null) return { kind: 'not-native', what: data };
  if (libc === 'glibc') return { kind: 'glibc', what: `a file of ${expanded}, a glibc image` };
  return { kind: 'program', what: `a file of ${expanded ?? from}, an image whose C library dockshift does not know` };
}

/**
 * What a copied path is when its name says it holds no native code: configuration and data (under
 * /etc or /usr/share), or a file with a data file's or a script's extension; null when it may be a
 * program or a shared library (no extension, a glob, a `.so`).
 */
function dataFile(path: string): string | null {
  const p = posix.normalize(posix.join('/', path)).replace(/(?<=.)\/$/, '');
  if (/[*?[]/.test(p) || NATIVE_FILE.test(p)) return null;
  if (DATA_FOLDERS.some((d) => p.startsWith(d))) return 'configuration or data';
  const ext = /\.([A-Za-z][A-Za-z0-9]*)$/.exec(posix.basename(p))?.[1];
  return ext !== undefined && DATA_EXTENSIONS.test(ext) ? `a .${ext} file` : null;
}

const DATA_EXTENSIONS = /^(?:json|ya?ml|toml|ini|conf|cfg|txt|md|html?|css|js|mjs|cjs|map|xml|properties|pem|crt|key|pub|phar|jar|war|py|rb|php|sh|bash|sql|csv)$/i;

/** Programs that load native modules (`.node`) from the files they run. */
const JS_RUNTIMES = new Set(['node', 'nodejs', 'npm', 'npx', 'yarn', 'pnpm', 'corepack', 'bun', 'deno']);

/** Commands that change files without running them (`chown -R nginx /usr/share/nginx/html`). */
const FILE_ONLY = new Set(['chown', 'chmod', 'chgrp', 'ls', 'mkdir', 'rm', 'touch']);

/** Folders on the default PATH: a file copied there is a program. */
const BIN_FOLDERS = ['/usr/local/sbin', '/usr/local/bin', '/usr/sbin', '/usr/bin', '/sbin', '/bin'];

/**
 * Why files copied from a stage whose only native code comes from Node project installs hold none
 * (the output of a build script, such as /app/dist), or null when they may. A package install puts
 * native modules in node_modules (or Yarn's .yarn), so the copied paths must lie inside a project
 * folder whose installs are known, and outside those trees; a workspaces project may have more of
 * them, so it does not count. Built files may still be programs (a bundler can write `.node` files or
 * an executable), so they count only as files: not copied to a bin folder, not named by a command of
 * the stages that receive them, and not where Node.js, which loads `.node` files, runs (by the image,
 * or by a command). Unknown stays null.
 */
function buildOutputOnly(file: ParsedDockerfile, source: Stage, stage: Stage, inst: Instruction, sources: readonly string[], dest: string, ctx: BuildContext | null): string | null {
  const commands = stageLineage(file, source).flatMap((s) => [...stageCommands(file, s, ctx).commands]).filter((c) => !c.runtime);
  const projects: string[] = [];
  for (const c of commands) {
    const node = nodeInstall(c);
    if (node === null) {
      if (pythonPackageInstall(c) || c.name === 'gem' || c.name === 'bundle') return null;
      continue;
    }
    if (node.hasFlag('-g', '--global') || node.optionValue('--location') === 'global') return null;
    const dir = node.options.some((o) => ['--prefix', '--cwd', '-C', '--dir'].includes(o.name)) ? node.optionValue('--prefix', '--cwd', '-C', '--dir') : '.';
    const project = dir == null ? null : commandPath(file, c, dir);
    if (project === null || project === '/') return null;
    const manifest = originOf(file, c.inst, posix.join(project, 'package.json'), ctx);
    const text = manifest?.kind === 'context' ? (ctx?.read(manifest.path) ?? null) : null;
    const pkg = text === null ? null : readPackageJson(text);
    if (pkg === null || /"workspaces"\s*:/.test(text!)) return null;
    if (manifest?.kind === 'context' && ctx?.exists(posix.join(posix.dirname(manifest.path), 'pnpm-workspace.yaml')) === true) return null;
    projects.push(project);
  }
  if (projects.length === 0) return null;
  const within = (p: string, folder: string) => p === folder || p.startsWith(`${folder}/`);
  const paths: string[] = [];
  for (const raw of sources) {
    if (/[*?[$]/.test(raw)) return null;
    const p = posix.normalize(posix.join('/', raw)).replace(/\/$/, '');
    const project = projects.find((f) => within(p, f) && p !== f);
    if (project === undefined) return null;
    const inside = posix.relative(project, p).split('/');
    if (inside.some((seg) => seg === 'node_modules' || seg === '.yarn' || seg.startsWith('.pnp') || seg === 'bin' || seg === '.bin')) return null;
    paths.push(p);
  }
  const to = dest.includes('$') ? null : absolutePath(file, inst, dest);
  if (to === null || BIN_FOLDERS.some((b) => within(to.replace(/\/$/, '') || '/', b))) return null;
  const target = to.replace(/\/$/, '') || '/';
  // What the receiving stages (and those built on them) run: none may be Node.js or name the copied files.
  // A Node.js image by name, or one whose own entrypoint or command is Node.js (distroless nodejs runs /nodejs/bin/node).
  const root = rootImage(file, stage);
  const imageRuns = root === null ? [] : [root.facts.entrypoint?.[0], root.facts.cmd?.[0]].filter((p) => p !== undefined).map((p) => posix.basename(p));
  if (root === null || JS_RUNTIMES.has(root.repository.name) || imageRuns.some((p) => JS_RUNTIMES.has(p))) return null;
  const receiving = [...stageLineage(file, stage), ...descendantStages(file, stage)];
  for (const s of receiving) {
    for (const c of stageCommands(file, s, ctx).commands) {
      if (JS_RUNTIMES.has(c.name) || (target !== '/' && c.text.includes(target) && !FILE_ONLY.has(c.name))) return null;
      const program = c.argv[0] ?? null;
      if (program === null || (program.includes('/') && !program.startsWith('/'))) return null;
    }
  }
  const named = (s: Stage) => `stage ${s.name ?? s.index}`;
  return `${paths.join(', ')} ${paths.length === 1 ? 'is' : 'are'} what ${named(source)} built, outside node_modules, and ${named(stage)} does not run ${paths.length === 1 ? 'it' : 'them'}`;
}

/** The image a stage is ultimately built on, when the knowledge base knows it. */
export function rootImage(file: ParsedDockerfile, stage: Stage): IdentifiedImage | null {
  const root = rootStage(file, stage);
  const resolved = resolveBase(file, root);
  return resolved?.ref == null ? null : identifyImage(resolved.ref);
}

type Built = Pick<CopiedArtefact, 'build' | 'linkage' | 'builder'>;

/** Per file, per build context, per source stage: a stage copied from many times is read once. */
const classified = new FileMemo<Map<BuildContext | null, Map<number, Built>>>();

function classify(file: ParsedDockerfile, source: Stage, ctx: BuildContext | null): Built {
  let perFile = classified.get(file);
  if (perFile === undefined) classified.set(file, (perFile = new Map()));
  let perContext = perFile.get(ctx);
  if (perContext === undefined) perFile.set(ctx, (perContext = new Map()));
  let built = perContext.get(source.index);
  if (built === undefined) perContext.set(source.index, (built = classifyStage(file, source, ctx)));
  return built;
}

/** go, and xx-go (tonistiigi/xx), which runs go with the target platform's GOOS and GOARCH set. */
const GO_COMMANDS: ReadonlySet<string> = new Set(['go', 'xx-go']);

/** The one earlier stage a lineage on scratch copies all its files from, when it copies from no other place. */
function relayedStage(file: ParsedDockerfile, lineage: readonly Stage[]): Stage | null {
  if (lineage.at(-1)!.base.kind !== 'scratch') return null;
  const copies = lineage.flatMap((s) => s.instructions).filter((i) => i.keyword === 'COPY' || i.keyword === 'ADD');
  const from = new Set(copies.map((i) => i.flags.find((f) => f.name.toLowerCase() === 'from')?.value ?? null));
  if (copies.length === 0 || from.size !== 1) return null;
  const name = [...from][0];
  if (name == null) return null;
  const source = stageNamed(file, name) ?? (/^\d+$/.test(name) ? file.stages[Number(name)] : undefined);
  return source !== undefined && source.index < lineage[0]!.index ? source : null;
}

function classifyStage(file: ParsedDockerfile, source: Stage, ctx: BuildContext | null): Built {
  const builder = rootImage(file, source);
  const libc: Libc | null = builder?.facts.libc ?? null;
  const lineage = stageLineage(file, source);
  const commands = lineage.flatMap((s) => [...stageCommands(file, s, ctx).commands]).filter((c) => !c.runtime);
  const dynamic = (why: string): Linkage => (libc === null ? { kind: 'unknown', why: `${why}, on an image dockshift does not know` } : { kind: 'dynamic', libc, why });
  // A stage that runs nothing and only copies from one earlier stage (`FROM scratch AS binary`
  // then `COPY --from=build …`) hands on what that stage built.
  const relayed = commands.length === 0 ? relayedStage(file, lineage) : null;
  if (relayed !== null) return classify(file, relayed, ctx);

  const goBuilds = commands.filter((c) => GO_COMMANDS.has(c.name) && (c.argv[1] === 'build' || c.argv[1] === 'install'));
  if (goBuilds.length > 0) {
    const exports = commands.filter((o) => o.name === 'export' && o.argv.includes('CGO_ENABLED=0'));
    if (goBuilds.every((c) => cgoDisabled(file, c, exports))) return { build: 'go', builder, linkage: { kind: 'static', why: 'Go built with CGO_ENABLED=0' } };
    if (goBuilds.every((c) => withoutCompiler(file, c, builder, lineage, ctx))) {
      // A module \`go install\` downloads is not the build context's: the context's cgo need is not its.
      const cgo = ctx === null || goBuilds.every((c) => downloadedGoInstall(c.argv) !== null) ? null : contextNeedsCgo(ctx);
      // Built without cgo all the same, but a cgo package then fails to build or to run: not a program to move.
      if (cgo !== null) return { build: 'go', builder, linkage: { kind: 'unknown', why: `${cgo}, and ${builder!.raw} has no C compiler, so Go builds it without cgo` } };
      return { build: 'go', builder, linkage: { kind: 'static', why: `Go built on ${builder!.raw}, which has no C compiler, so Go (1.20 and later) builds without cgo` } };
    }
    return { build: 'go', builder, linkage: dynamic(`Go built without CGO_ENABLED=0 (cgo links ${libc ?? 'the builder\'s C library'})`) };
  }
  const cargo = commands.filter((c) => c.name === 'cargo' && (c.argv[1] === 'build' || c.argv[1] === 'install'));
  if (cargo.length > 0) {
    // The target, the builder's host (musl on rust:*-alpine) or --target, and RUSTFLAGS decide, as for multi-stage.
    const config = ctx === null ? null : (ctx.read('.cargo/config.toml') ?? ctx.read('.cargo/config'));
    const linkages = builder === null ? [] : cargoLinkages({ file, stage: source, builder }, config);
    if (linkages.length === 0) return { build: 'rust', builder, linkage: dynamic('Rust built for a target dockshift cannot tell') };
    const shared = linkages.find((l) => l.kind === 'dynamic');
    if (shared === undefined) return { build: 'rust', builder, linkage: { kind: 'static', why: `Rust: ${linkages[0]!.why}` } };
    return { build: 'rust', builder, linkage: { kind: 'dynamic', libc: shared.libc, why: `Rust: ${shared.why}` } };
  }
  if (commands.some((c) => ['gcc', 'g++', 'cc', 'c++', 'make', 'cmake', 'clang'].includes(c.name))) {
    const stat = commands.some((c) => c.argv.includes('-static'));
    return { build: 'c', builder, linkage: stat ? { kind: 'static', why: 'compiled with -static' } : dynamic('compiled with the builder\'s C toolchain') };
  }
  // Zig, Swift, Crystal, Nim, Dart, Haskell: a native program, linked as the builder's toolchain links.
  const native = commands.find((c) => {
    const subcommands = own(NATIVE_COMPILERS, c.name);
    return subcommands !== undefined && (subcommands.length === 0 || subcommands.includes(c.argv[1] ?? ''));
  });
  if (native !== undefined) {
    // rebar3's \`as <profile> <task>\` runs the task under a profile: name all of it.
    const words = NATIVE_COMPILERS[native.name]!.length === 0 ? 1 : native.argv[1] === 'as' ? 4 : 2;
    return { build: 'c', builder, linkage: dynamic(`compiled with \`${[native.name, ...native.argv.slice(1, words).filter((w) => w !== null)].join(' ')}\``) };
  }
  const dotnet = commands.filter((c) => c.name === 'dotnet' && (c.argv[1] === 'publish' || c.argv[1] === 'build'));
  // A project file's <RuntimeIdentifier> makes a plain `dotnet publish` as native as `-r` would.
  const project = dotnet.length === 0 || ctx === null ? [] : projectRuntimeIdentifiers(ctx).map((p) => `${p.rid} (${p.file} sets <RuntimeIdentifier>)`);
  // Once each: a restore, a build and a publish often name the same one.
  const rid = [...new Set([...dotnet.flatMap(nativeDotnetWords), ...project])];
  if (rid.length > 0) {
    // A runtime identifier makes the output native for that OS and C library (linux-x64 is glibc, linux-musl-x64 musl).
    return { build: 'c', builder, linkage: rid.some((r) => r?.includes('musl') === true) ? { kind: 'dynamic', libc: 'musl', why: '.NET published for linux-musl' } : dynamic(`.NET published for ${rid.join(' ')}`) };
  }
  if (commands.some((c) => nodeInstall(c) !== null || pythonPackageInstall(c) || c.name === 'gem' || c.name === 'bundle')) {
    return { build: 'packages', builder, linkage: dynamic('a package installed there (npm, pip, poetry, uv, gem…) may hold a native module') };
  }
  return { build: 'none', builder, linkage: { kind: 'none', why: 'no compiler or package install runs there' } };
}

/**
 * The program a container starts from what a framework-dependent `dotnet publish` (or `build`) wrote:
 * beside `App.dll` the SDK writes an apphost, an executable `App` for its own runtime identifier
 * (linux-x64 or linux-arm64 on the Debian and Ubuntu SDK images: glibc), unless UseAppHost=false.
 * `dotnet App.dll` runs anywhere; `./App` only where the SDK's C library is. The command of `stage`
 * that starts a program copied by `copy` from such a build on a glibc SDK, why, and the portable
 * command, or null.
 */
export function runsDotnetAppHost(file: ParsedDockerfile, stage: Stage, copy: CopiedArtefact, ctx: BuildContext | null): { command: StageCommand; why: string; portable: string } | null {
  if (copy.stage === null || copy.dest === null || copy.builder?.facts.libc !== 'glibc') return null;
  const source = file.stages[copy.stage]!;
  const commands = stageLineage(file, source).flatMap((s) => [...stageCommands(file, s, ctx).commands]).filter((c) => !c.runtime);
  const dotnet = commands.filter((c) => c.name === 'dotnet' && (c.argv[1] === 'publish' || c.argv[1] === 'build'));
  if (dotnet.length === 0 || dotnet.some((c) => c.argv.some((a) => a !== null && /UseAppHost=false$/i.test(a)))) return null;
  // Published for a runtime identifier, the output is native all through: classifyStage's business.
  if (dotnet.some((c) => nativeDotnetWords(c).length > 0) || (ctx !== null && projectRuntimeIdentifiers(ctx).length > 0)) return null;
  for (const s of [stage, ...descendantStages(file, stage)]) {
    for (const c of stageCommands(file, s, ctx).commands) {
      const program = c.argv[0];
      // An apphost is named as the project, without an extension (`entrypoint.sh` is not one).
      if (!c.runtime || c.name === 'dotnet' || program == null || !program.includes('/') || posix.basename(program).includes('.')) continue;
      const path = commandPath(file, c, program);
      // The file the command starts is the one this copy put there, not a later COPY's.
      if (path === null || originOf(file, c.inst, path, ctx)?.inst !== copy.inst) continue;
      return { command: c, why: `the apphost \`dotnet ${dotnet[0]!.argv[1]}\` writes on ${copy.builder.raw} for the SDK's own runtime identifier, linked against glibc`, portable: `dotnet ${posix.basename(path)}.dll` };
    }
  }
  return null;
}

/**
 * A `go build` of these stages whose project needs cgo (a Go file imports C, go.mod requires a cgo
 * module) but that would run on `image` without a C compiler, so Go would build it without cgo:
 * the command and why, or null. What a stage moving to `image` (golang's Alpine variant) must install.
 */
export function cgoWithoutCompiler(file: ParsedDockerfile, stages: readonly Stage[], image: IdentifiedImage, ctx: BuildContext | null): { command: StageCommand; why: string } | null {
  if (ctx === null) return null;
  for (const s of stages) {
    const lineage = stageLineage(file, s);
    for (const c of stageCommands(file, s, ctx).commands) {
      if (c.runtime || c.name !== 'go' || (c.argv[1] !== 'build' && c.argv[1] !== 'install')) continue;
      if (!withoutCompiler(file, c, image, lineage, ctx)) continue;
      // A module it downloads is not the build context's: whether it needs cgo is not known.
      if (downloadedGoInstall(c.argv) !== null) return { command: c, why: 'which builds a module go downloads and may use cgo: the build context does not show what it imports' };
      const why = contextNeedsCgo(ctx);
      if (why !== null) return { command: c, why };
    }
  }
  return null;
}

/**
 * A `go build` with no C compiler to run: Go 1.20 and later turn cgo off when CGO_ENABLED and CC are
 * unset and no gcc or clang is on PATH (go1.20 release notes), as on the golang images without build
 * tools (`golang:*-alpine`) when the stage installs no compiler before it. Before 1.20 cgo stayed on.
 */
function withoutCompiler(file: ParsedDockerfile, c: StageCommand, builder: IdentifiedImage | null, lineage: readonly Stage[], ctx: BuildContext | null): boolean {
  if (builder?.repository.name !== 'golang' || builder.facts.buildTools) return false;
  const version = builder.resolvedVersion;
  if (version !== null && (!/^\d+\.\d+/.test(version) || olderThan(version, '1.20'))) return false;
  const vars = variablesAt(file, c.inst);
  const exported = (name: string) => c.script?.commands.some((o) => o.start < (c.command?.start ?? 0) && o.declaration && o.assigns.some((a) => a.name === name)) === true;
  const set = (name: string) => c.command?.assigns.some((a) => a.name === name) === true || c.argv.some((a) => a?.startsWith(`${name}=`) === true) || vars.has(name) || exported(name);
  if (set('CGO_ENABLED') || set('CC')) return false;
  for (const s of lineage) {
    for (const other of stageCommands(file, s, ctx).commands) {
      if (other.command === null || !runsBefore(file, other, c)) continue;
      const r = recognise(other.command);
      if (r?.kind !== 'package' || r.action !== 'install') continue;
      if (r.operands.some((w) => w.value === null || bringsCCompiler(packageOperandName(w.value)))) return false;
    }
  }
  return true;
}

/** `CGO_ENABLED=0` set for a `go build`: on the command, exported before it, or by ENV/ARG. */
function cgoDisabled(file: ParsedDockerfile, c: StageCommand, exports: readonly StageCommand[]): boolean {
  // `CGO_ENABLED=0 go build`, `env CGO_ENABLED=0 go build`.
  const program = c.command === null ? null : invokedProgram(c.command);
  const assign = program?.env.get('CGO_ENABLED') ?? c.command?.assigns.find((a) => a.name === 'CGO_ENABLED')?.value;
  if (assign !== undefined) return assign === '0';
  if (c.argv.includes('CGO_ENABLED=0')) return true;
  const exported = exports.some((o) => o.inst === c.inst && o.order < c.order);
  if (exported) return true;
  const exportLine = c.script?.commands.some((o) => o.start < (c.command?.start ?? 0) && o.declaration && o.assigns.some((a) => a.name === 'CGO_ENABLED' && a.value === '0'));
  if (exportLine === true) return true;
  return variablesAt(file, c.inst).get('CGO_ENABLED')?.value === '0';
}
/**
 * The words of a `dotnet publish`/`build` that make its output native: a runtime identifier
 * (`-r`, `--runtime`, `--os`, `-a`/`--arch`, which pairs the SDK's OS with an architecture),
 * self-contained output (`--self-contained`, alone or `true`; `false` and `--no-self-contained`
 * leave it framework-dependent, portable), native AOT or a single file.
 */
function nativeDotnetWords(c: StageCommand): string[] {
  const out: string[] = [];
  // A value only known at build time (`-a $TARGETARCH`) still makes the output native: kept as written.
  const words = c.command?.words.slice(c.command.words.length - c.argv.length) ?? [];
  c.argv.forEach((a, i) => {
    const prev = c.argv[i - 1] ?? '';
    const raw = words[i]?.raw;
    if (a === null && i > 0 && raw !== undefined && (/^(?:-r|--runtime|--os|-a|--arch)$/.test(prev) || /^--(?:runtime|os|arch)=/.test(raw))) out.push(/^-/.test(raw) ? raw : `${prev} ${raw}`);
    if (a === null || i === 0) return;
    if (/^(?:-r|--runtime|--os|-a|--arch)$/.test(prev) || /^--(?:runtime|os|arch)=/.test(a) || /PublishAot|PublishSingleFile/.test(a)) out.push(a);
    else if (a === '--self-contained' && c.argv[i + 1] !== 'false') out.push(a);
    else if (/^--self-contained=(?:true)?$/i.test(a)) out.push(a);
  });
  return out;
}

