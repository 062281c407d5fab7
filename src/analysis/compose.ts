/**
 * Compose files of the build context, and which of their services are built from the Dockerfile: how
 * such a service runs (a volume, a user) is how the image is run, beside what the Dockerfile says.
 */
import * as path from 'node:path';
import { enclosingFolder, type BuildContext, type ContextEntry } from '../engine/context.js';
import { parseProjectYaml } from '../engine/yaml.js';
import { mergeService, parseOverrideYaml, Replacing, Resetting, UnknownTag } from './composeMerge.js';
import { indexOutsideVars } from '../dockerfile/imageRef.js';
import { parseDockerfile } from '../dockerfile/parse.js';
import { stageLineage } from '../dockerfile/stages.js';
import { properties } from '../dockerfile/variables.js';

/** The names compose looks for in a project's folder, first first (compose-go's DefaultFileNames). */
export const COMPOSE_FILES = ['compose.yaml', 'compose.yml', 'docker-compose.yml', 'docker-compose.yaml'];

/**
 * The compose file \`docker compose\` finds by itself in a folder of \`ctx\` (\`.\` for its root): the first of
 * COMPOSE_FILES there. It warns of any other there and reads none of them.
 */
export function projectFileIn(ctx: BuildContext, dir: string): string | undefined {
  return COMPOSE_FILES.map((f) => (dir === '.' ? f : `${dir}/${f}`)).find((f) => ctx.kind(f) === 'file');
}

/** A file of a default name beside the project's file compose finds (\`docker-compose.yml\` beside \`compose.yaml\`): compose never reads it. */
function shadowedDefault(ctx: BuildContext, file: string): boolean {
  const dir = path.posix.dirname(file);
  return COMPOSE_FILES.includes(path.posix.basename(file)) && projectFileIn(ctx, dir) !== file;
}

/** Whether a path of the build context (from its root, as compose or a devcontainer.json resolves it) is this Dockerfile. */
export type DockerfileMatch = (named: string) => boolean;

/**
 * The file a path names is this Dockerfile when it holds this one's text, or, when the context cannot show
 * it, when it is the Dockerfile's place at the context's root, as by default. So a configuration that builds
 * another Dockerfile of the same name (one in `.devcontainer/` beside the service's own) does not count,
 * and under `--context` the Dockerfile is found wherever it lies in the context.
 */
export function dockerfileMatch(ctx: BuildContext, dockerfilePath: string | null, text: string | undefined): DockerfileMatch {
  const name = dockerfilePath === null ? 'Dockerfile' : path.basename(dockerfilePath);
  const own = text?.replace(/^\uFEFF/, '');
  return (named) => {
    const target = path.resolve(ctx.root, named);
    const rel = path.relative(ctx.root, target);
    const there = rel.startsWith('..') || path.isAbsolute(rel) ? null : ctx.read(rel.split(path.sep).join('/'));
    if (there !== null && own !== undefined) return there.replace(/^\uFEFF/, '') === own;
    return target === path.join(ctx.root, name);
  };
}

export interface ComposeService {
  readonly name: string;
  /** The service's entry as the file gives it, or as compose merges the override file's entry over it (overriddenBy). */
  readonly spec: Readonly<Record<string, unknown>>;
  /** The override file merged in, with the keys its entry sets and those the project file's entry sets too. */
  readonly overriddenBy?: { readonly file: string; readonly sets: ReadonlySet<string>; readonly alsoInProject: ReadonlySet<string> };
}

/**
 * The compose file that says a service's \`key\`, for a message: \`file\` (the project's), the override file when only its
 * entry sets the key (or replaces it whole, as a \`command:\`), or both when compose merges the two (\`volumes\`).
 */
export function composeFileSaying(file: string, service: ComposeService, key: string): string {
  const by = service.overriddenBy;
  if (by === undefined || !by.sets.has(key)) return file;
  return by.alsoInProject.has(key) && !REPLACED_KEYS.has(key) ? `${file} with ${by.file}` : by.file;
}

/** The keys of a service an override file's entry replaces whole. */
const REPLACED_KEYS = new Set(['command', 'entrypoint']);

/**
 * A YAML file of the build context (a compose file, an action.yml), parsed; null when it is missing or
 * not a YAML mapping. Kept by context: every file of a run under that context, in every pass, asks.
 */
export function contextYaml(ctx: BuildContext, file: string): Readonly<Record<string, unknown>> | null {
  return yamlOnce(parsedYaml, ctx, file, parseProjectYaml);
}

/** A file of the build context read by \`parse\`, once per context in \`cache\`; null when it is missing, not YAML, or not a mapping. */
function yamlOnce(cache: YamlCache, ctx: BuildContext, file: string, parse: (text: string) => unknown): Readonly<Record<string, unknown>> | null {
  let byFile = cache.get(ctx);
  if (byFile === undefined) cache.set(ctx, (byFile = new Map()));
  if (byFile.has(file)) return byFile.get(file)!;
  const text = ctx.read(file);
  let doc: unknown = null;
  try {
    doc = text === null ? null : parse(text);
  } catch {
    doc = null;
  }
  const value = typeof doc === 'object' && doc !== null && !Array.isArray(doc) ? (doc as Record<string, unknown>) : null;
  byFile.set(file, value);
  return value;
}

type YamlCache = WeakMap<BuildContext, Map<string, Readonly<Record<string, unknown>> | null>>;

/** By build context, which lives as long as the run uses it (and an overlay of proposed files is a context of its own). */
const parsedYaml: YamlCache = new WeakMap();

/**
 * The services of a compose file of the context (its path from the root) that are built from this Dockerfile:
 * their `build.dockerfile` from their `build.context`, or Dockerfile there when `build` names only the context;
 * the context is named from the compose file's folder.
 */
export function servicesBuilding(ctx: BuildContext, composeFile: string, isThis: DockerfileMatch, published: ReadonlySet<string> = NO_IMAGES): ComposeService[] {
  const services = contextYaml(ctx, composeFile)?.['services'];
  if (typeof services !== 'object' || services === null) return [];
  const out: ComposeService[] = [];
  for (const [name, spec] of Object.entries(services as Record<string, unknown>)) {
    if (runsThis(spec, composeFile, isThis, published)) out.push({ name, spec: spec as Record<string, unknown> });
  }
  return out;
}

/**
 * Whether a compose service (of \`composeFile\`) runs the image of this Dockerfile: its \`build\` names the Dockerfile, or it
 * builds nothing and runs an image the Dockerfile is published as (\`published\`, publishedImages), as a project's
 * compose file for its users does (bluesky-social/pds's \`image: ghcr.io/bluesky-social/pds:0.4\`).
 */
function runsThis(spec: unknown, composeFile: string, isThis: DockerfileMatch, published: ReadonlySet<string>): boolean {
  const build = serviceBuild(spec);
  if (build !== null) return isThis(path.posix.join(path.posix.dirname(composeFile), build.context, build.dockerfile));
  const image = typeof spec === 'object' && spec !== null ? (spec as { image?: unknown }).image : undefined;
  return typeof image === 'string' && published.size > 0 && published.has(imageRepository(image));
}

const NO_IMAGES: ReadonlySet<string> = new Set();

/**
 * An image reference without its tag and digest, in lower case: \`ghcr.io/bluesky-social/pds:0.4\` and
 * \`ghcr.io/bluesky-social/pds:\${TAG:-latest}\` are \`ghcr.io/bluesky-social/pds\` (a variable's \`:\` is not the tag's).
 */
function imageRepository(image: string): string {
  const at = indexOutsideVars(image, '@', 'first');
  const name = at === -1 ? image : image.slice(0, at);
  const slash = indexOutsideVars(name, '/', 'last');
  const colon = indexOutsideVars(name.slice(slash + 1), ':', 'first');
  return name.slice(0, colon === -1 ? name.length : slash + 1 + colon).toLowerCase();
}

/**
 * The images a Dockerfile is published as, that a compose service may run in place of building it: the GitHub
 * Container Registry's \`ghcr.io/OWNER/REPO\` of the repository its final stage's \`org.opencontainers.image.source\` label
 * names (\`https://github.com/OWNER/REPO\`), the label by which that registry links a package to its repository.
 * The repository's own name only: a package of another name may be any of the repository's images.
 */
export function publishedImages(labels: readonly { readonly name: string; readonly value: string }[]): ReadonlySet<string> {
  const out = new Set<string>();
  for (const { name, value } of labels) {
    if (name !== 'org.opencontainers.image.source') continue;
    const repo = /^(?:https?:\/\/|git@)?github\.com[/:]([A-Za-z0-9][A-Za-z0-9-]*)\/([A-Za-z0-9._-]+?)(?:\.git)?\/?$/.exec(value.trim());
    if (repo !== null) out.add(`ghcr.io/${repo[1]}/${repo[2]}`.toLowerCase());
  }
  return out;
}

/**
 * What a compose service builds, paths \`/\`-separated as written: \`build: ./api\` names the context, whose
 * Dockerfile it builds; \`build: {context, dockerfile}\`, the Dockerfile from the context (context \`.\` when
 * not named). Null for a service that builds nothing.
 */
export function serviceBuild(spec: unknown): { readonly context: string; readonly dockerfile: string; readonly target: string | null } | null {
  if (typeof spec !== 'object' || spec === null) return null;
  const build = (spec as { build?: unknown }).build;
  const parts = typeof build === 'string' ? { context: build } : typeof build === 'object' && build !== null ? (build as { context?: unknown; dockerfile?: unknown; target?: unknown }) : null;
  if (parts === null) return null;
  const context = typeof parts.context === 'string' ? parts.context : '.';
  const dockerfile = typeof parts.dockerfile === 'string' ? parts.dockerfile : 'Dockerfile';
  // The stage the service runs (\`target: dev\`); without one, the last.
  const target = 'target' in parts && typeof parts.target === 'string' && parts.target !== '' ? parts.target : null;
  return { context: context.replace(/\\/g, '/'), dockerfile: dockerfile.replace(/\\/g, '/'), target };
}

/** The override files compose reads over the project's compose file when it finds that file itself: the first one there. */
export const OVERRIDE_FILES = ['compose.override.yml', 'compose.override.yaml', 'docker-compose.override.yml', 'docker-compose.override.yaml'];

/**
 * The services of the context's compose files that are built from this Dockerfile, each with the file it
 * comes from: the project's own (COMPOSE_FILES, which \`docker compose\` finds by itself), on its own and
 * merged with its entry in the override file beside it, which \`docker compose up\` merges in unasked (where
 * Visual Studio's docker-compose.override.yml mounts the user secrets and certificates): see withOverride;
 * then those a \`-f\` names (namedComposeFiles). An override file is never read on its own: compose only
 * merges it over the project's file beside it.
 */
export function projectServicesBuilding(ctx: BuildContext, isThis: DockerfileMatch, published: ReadonlySet<string> = NO_IMAGES): { readonly file: string; readonly service: ComposeService }[] {
  const out: { file: string; service: ComposeService }[] = [];
  const project = projectFileIn(ctx, '.');
  for (const file of project === undefined ? [] : [project]) {
    for (const service of servicesBuilding(ctx, file, isThis, published)) out.push(...withOverride(ctx, '.', file, service, isThis, undefined, published));
  }
  for (const file of namedComposeFiles(ctx)) {
    for (const service of servicesBuilding(ctx, file, isThis, published)) {
      // A project of a folder below (\`deploy/compose.yaml\`), run from there, has its override beside it.
      out.push(...(COMPOSE_FILES.includes(path.posix.basename(file)) ? withOverride(ctx, path.posix.dirname(file), file, service, isThis, undefined, published) : [{ file, service }]));
      // A service that only says how to build (\`linkwarden: { build: . }\` in docker-compose.dev.yml) is a fragment given with
      // \`-f\` after the project's file, whose service of that name, run from a published image, it builds instead.
      if (Object.keys(service.spec).some((k) => k !== 'build')) continue;
      for (const own of project === undefined ? [] : [project]) {
        const base = contextYaml(ctx, own)?.['services'];
        const same = typeof base === 'object' && base !== null ? (base as Record<string, unknown>)[service.name] : undefined;
        if (typeof same === 'object' && same !== null && !('build' in same)) out.push({ file: own, service: { name: service.name, spec: same as Record<string, unknown> } });
      }
    }
  }
  return out;
}

/**
 * A service of the project's file in \`dir\`, as the two ways it is run: on its own (\`docker compose -f compose.yaml\`, or
 * with another \`-f\` file, as CI and production runs do), and as \`docker compose up\` runs it, with the entry of the
 * override file there (the first of OVERRIDE_FILES, which compose reads over the project's file it finds itself) merged
 * over it by the Compose specification's rules (mergeService): one service, where a \`user:\` or a \`command:\` of the
 * project's file holds beside the volumes the override mounts, and a \`command:\` of the override replaces the project's.
 * Where the merge cannot be read (a tag it does not know, a YAML merge key), the override's entry is seen as a service
 * of its own, with the user and the build it keeps from the project's: whatever either file says is seen. \`shown\`
 * names a file for the caller.
 */
function withOverride(ctx: BuildContext, dir: string, file: string, service: ComposeService, isThis: DockerfileMatch, shown: (f: string) => string = (f) => f, published: ReadonlySet<string> = NO_IMAGES): { file: string; service: ComposeService }[] {
  const override = overrideFileIn(ctx, dir);
  const entry = override === undefined ? undefined : overrideEntry(ctx, override, service.name);
  // A service the override \`!reset\`s runs only from the project's file alone.
  if (override === undefined || entry === undefined || entry instanceof Resetting) return [{ file, service }];
  const merged = mergeService(service.spec, entry);
  if (merged.kind === 'merged') {
    // An override that builds another Dockerfile (its own \`build.dockerfile\`), or runs another image, runs another image.
    if (!runsThis(merged.spec, file, isThis, published)) return [{ file, service }];
    const sets = new Set(Object.keys(isMapping(entry) ? entry : merged.spec));
    const alsoInProject = entry instanceof Replacing ? new Set<string>() : new Set(Object.keys(service.spec).filter((k) => sets.has(k)));
    return [{ file, service }, { file, service: { name: service.name, spec: merged.spec, overriddenBy: { file: shown(override), sets, alsoInProject } } }];
  }
  const plain = contextYaml(ctx, override)?.['services'];
  const over = typeof plain === 'object' && plain !== null ? (plain as Record<string, unknown>)[service.name] : undefined;
  if (typeof over !== 'object' || over === null) return [{ file, service }];
  const kept = Object.fromEntries(['user', 'build'].filter((k) => service.spec[k] !== undefined && !(k in over)).map((k) => [k, service.spec[k]]));
  return [{ file, service }, { file: shown(override), service: { name: service.name, spec: { ...kept, ...(over as Record<string, unknown>) } } }];
}

/**
 * A service's entry in an override file, read with compose's \`!reset\` and \`!override\` tags (parseOverrideYaml): a mapping,
 * Resetting, Replacing, or an UnknownTag; undefined when the file has none for it, or is not YAML (as an unreadable
 * project file, it is then not read).
 */
function overrideEntry(ctx: BuildContext, file: string, name: string): unknown {
  const all = overrideServices(ctx, file);
  // \`services:\` under a tag not read here leaves every service of it unknown.
  const entry = all instanceof UnknownTag ? all : isMapping(all) ? all[name] : undefined;
  return entry === null ? undefined : entry;
}

/** The \`services:\` of a compose file read over another (parseOverrideYaml), a \`!override\` unwrapped; null when it is not YAML. */
function overrideServices(ctx: BuildContext, file: string): unknown {
  const all = yamlOnce(overrideYaml, ctx, file, parseOverrideYaml)?.['services'];
  return all instanceof Replacing ? all.value : all;
}

/** The override file compose reads over the project's file in \`dir\` (\`.\` for the root) when it finds that file itself, if any. */
export function overrideFileIn(ctx: BuildContext, dir: string): string | undefined {
  return OVERRIDE_FILES.map((f) => (dir === '.' ? f : `${dir}/${f}`)).find((f) => ctx.kind(f) === 'file');
}

/**
 * The services of compose files read in order (\`-f compose.yaml -f compose.prod.yaml\`, or a project's file and its override),
 * each later file's entries merged over the earlier ones' as compose merges them (mergeService). The first file's entries are
 * taken as they are. A later entry whose merge cannot be read (a YAML merge key, a tag not read here) lays its keys over the
 * earlier entry's, for that service alone: a file that reads one service so is no reason to read none (a \`docker compose
 * push\` that publishes nothing would let a published stage change). A file that is missing or not YAML adds nothing.
 */
export function mergedComposeServices(ctx: BuildContext, files: readonly string[]): Map<string, Readonly<Record<string, unknown>>> {
  const services = new Map<string, Readonly<Record<string, unknown>>>();
  for (const [i, file] of files.entries()) {
    const plain = contextYaml(ctx, file)?.['services'];
    const tagged = i === 0 ? plain : overrideServices(ctx, file);
    const entries = tagged instanceof UnknownTag ? plain : tagged;
    if (!isMapping(entries)) continue;
    for (const [name, entry] of Object.entries(entries)) {
      if (entry instanceof Resetting) {
        services.delete(name);
        continue;
      }
      if (i === 0) {
        if (isMapping(entry)) services.set(name, entry);
        continue;
      }
      if (entry === null) continue;
      const merged = mergeService(services.get(name) ?? {}, entry);
      if (merged.kind === 'merged') {
        services.set(name, merged.spec);
        continue;
      }
      const over = isMapping(plain) ? plain[name] : undefined;
      if (isMapping(over)) services.set(name, { ...(services.get(name) ?? {}), ...over });
    }
  }
  return services;
}

/** Override files read with compose's tags (parseOverrideYaml), by build context as parsedYaml. */
const overrideYaml: YamlCache = new WeakMap();

function isMapping(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && Object.getPrototypeOf(value) === Object.prototype;
}

/** A host path a service mounts (a bind mount): \`./data:/data/data\`, \`/srv/app:/data:ro\`, or the long form's \`type: bind\`. */
export interface BindMount {
  readonly source: string;
  readonly target: string;
  readonly readOnly: boolean;
}

/** The bind mounts of a service's volumes; named volumes (\`models:/data\`) and anonymous ones are not. */
export function bindMounts(service: ComposeService): BindMount[] {
  const volumes = service.spec['volumes'];
  if (!Array.isArray(volumes)) return [];
  return volumes.flatMap((v: unknown): BindMount[] => {
    if (typeof v === 'string') {
      const [source, target, mode] = v.split(':');
      if (target === undefined || source === undefined || !/^(?:\.|\/|~|\$)/.test(source) || !target.startsWith('/')) return [];
      return [{ source, target: path.posix.normalize(target).replace(/(.)\/$/, '$1'), readOnly: (mode ?? '').split(',').includes('ro') }];
    }
    if (typeof v !== 'object' || v === null) return [];
    const { type, source, target, read_only: ro } = v as { type?: unknown; source?: unknown; target?: unknown; read_only?: unknown };
    if (type !== 'bind' || typeof source !== 'string' || typeof target !== 'string' || !target.startsWith('/')) return [];
    return [{ source, target: path.posix.normalize(target).replace(/(.)\/$/, '$1'), readOnly: ro === true }];
  });
}

/** The names compose files take (\`docker-compose.prod.yml\`, \`compose-dev.yaml\`, \`docker-compose-queue-source.yml\`). */
export const COMPOSE_NAME = /^(?:docker-)?compose(?:[._-].*)?\.ya?ml$/;

/** Folders of a project that hold no compose file of its own. */
export const NOT_PROJECT_FOLDERS = new Set(['.git', 'node_modules']);

/**
 * Compose files of the context that \`docker compose\` does not find by itself, which a \`-f\` names: at the
 * root by another name (\`docker-compose.prod.yml\`), and by any such name in a folder directly below it
 * (\`docker/docker-compose-queue-source.yml\`, \`deploy/compose.yaml\`), where a project keeps them beside its
 * Dockerfiles. A service of one that builds this Dockerfile runs the image as much as one of the project's own.
 */
function namedComposeFiles(ctx: BuildContext): string[] {
  const own = new Set([...COMPOSE_FILES, ...OVERRIDE_FILES]);
  const composeIn = (dir: string) =>
    (ctx.list(dir) ?? []).filter((e) => e.kind === 'file' && COMPOSE_NAME.test(path.posix.basename(e.path))).map((e) => e.path);
  const folders = (ctx.list('.') ?? []).filter((e) => e.kind === 'dir' && !NOT_PROJECT_FOLDERS.has(e.path));
  // An override file below is read over its folder's project file (overriding), not on its own; a default name beside that file is never read.
  return [...composeIn('.').filter((f) => !own.has(f)), ...folders.flatMap((d) => composeIn(d.path).filter((f) => !OVERRIDE_FILES.includes(path.posix.basename(f)) && !shadowedDefault(ctx, f)))];
}

/** The host paths a service's volumes mount (`/var/run/docker.sock:/var/run/docker.sock:ro`, or the long form's `source`). */
export function mountedSources(service: ComposeService): string[] {
  const volumes = service.spec['volumes'];
  if (!Array.isArray(volumes)) return [];
  return volumes.flatMap((v: unknown) => {
    if (typeof v === 'string') return v.includes(':') ? [v.split(':')[0]!] : [];
    const source = typeof v === 'object' && v !== null ? (v as { source?: unknown }).source : undefined;
    return typeof source === 'string' ? [source] : [];
  });
}

/**
 * The container paths a service's volumes are mounted at: the short form's second field
 * (\`ollama:/root/.ollama\`, \`./data:/data:ro\`) or its only one (an anonymous volume), or the long form's \`target\`.
 */
export function mountedTargets(service: ComposeService): string[] {
  const volumes = service.spec['volumes'];
  if (!Array.isArray(volumes)) return [];
  return volumes.flatMap((v: unknown) => {
    if (typeof v === 'string') {
      const parts = v.split(':');
      const target = parts.length === 1 ? parts[0]! : parts[1]!;
      return target.startsWith('/') ? [path.posix.normalize(target).replace(/(.)\/$/, '$1')] : [];
    }
    const target = typeof v === 'object' && v !== null ? (v as { target?: unknown }).target : undefined;
    return typeof target === 'string' && target.startsWith('/') ? [path.posix.normalize(target).replace(/(.)\/$/, '$1')] : [];
  });
}

/** How many folders above the build context are looked in for compose files that build its Dockerfile. */
const ENCLOSING_LEVELS = 3;

/** A service built from this Dockerfile, with the compose file that says so, and where that file is read. */
export interface ServiceOf {
  /** The compose file, from the context's root (\`../docker-compose.yml\` above it). */
  readonly file: string;
  readonly service: ComposeService;
  /** The folder the file is read in, and the file's path there: a relative host path of the service is resolved from it. */
  readonly folder: BuildContext;
  readonly at: string;
}

/**
 * The services that run the image built from this Dockerfile, as the compose files say: those of the context
 * (projectServicesBuilding), and those of the compose files in the folders above it, up to the top of the git work
 * tree and ENCLOSING_LEVELS folders at most, whose \`build\` names this Dockerfile from there (Flowise's
 * docker/docker-compose-queue-source.yml builds docker/worker/Dockerfile with the repository as context, while the
 * Dockerfile's own folder is the context dockshift reads by default). Above the context a Dockerfile is only known
 * by its text, so without the text none is found there.
 */
export const servicesOf: (ctx: BuildContext, dockerfilePath: string | null, text: string | undefined) => readonly ServiceOf[] =
  // Four checks of non-root-user ask, in every pass, and the folders above are read from disk.
  perDockerfile((ctx, dockerfilePath, text) => readServicesOf(ctx, dockerfilePath, text));

/**
 * \`read\`, kept by build context (which lives as long as the run uses it), then by the Dockerfile's path and
 * text: what the context's configuration says of one Dockerfile, which every pass of every transform may ask.
 */
export function perDockerfile<T>(read: (ctx: BuildContext, dockerfilePath: string | null, text: string | undefined) => T): (ctx: BuildContext, dockerfilePath: string | null, text: string | undefined) => T {
  // By path, then by text: a key made of both was a new string at every ask, hashed whole (the file's text) each time.
  const known = new WeakMap<BuildContext, Map<string | null, Map<string | undefined, T>>>();
  return (ctx, dockerfilePath, text) => {
    let byPath = known.get(ctx);
    if (byPath === undefined) known.set(ctx, (byPath = new Map()));
    let byText = byPath.get(dockerfilePath);
    if (byText === undefined) byPath.set(dockerfilePath, (byText = new Map()));
    if (!byText.has(text)) byText.set(text, read(ctx, dockerfilePath, text));
    return byText.get(text)!;
  };
}

/**
 * The compose files at a folder's root, by any name: kept by folder, as the folders above a build context are
 * asked of by every Dockerfile below them (a fleet's folder of hundreds of projects was read through for each).
 */
function composeFilesAtRoot(folder: BuildContext): readonly ContextEntry[] {
  let files = composeAtRoot.get(folder);
  if (files === undefined) composeAtRoot.set(folder, (files = (folder.list('.') ?? []).filter((e) => e.kind === 'file' && COMPOSE_NAME.test(e.path))));
  return files;
}

const composeAtRoot = new WeakMap<BuildContext, readonly ContextEntry[]>();

function readServicesOf(ctx: BuildContext, dockerfilePath: string | null, text: string | undefined): ServiceOf[] {
  const published = publishedImages(finalLabels(text));
  const out: ServiceOf[] = projectServicesBuilding(ctx, dockerfileMatch(ctx, dockerfilePath, text), published).map((s) => ({ ...s, folder: ctx, at: s.file }));
  const own = text?.replace(/^\uFEFF/, '');
  if (own === undefined) return out;
  const above: BuildContext[] = [];
  for (let up = enclosingFolder(ctx); up !== null && above.length < ENCLOSING_LEVELS; up = enclosingFolder(up)) above.push(up);
  const top = above.at(-1);
  if (top === undefined) return out;
  // Every path is read from the highest folder, where a compose file's \`context: ..\` still lands.
  const isThis: DockerfileMatch = (named) => {
    const rel = path.posix.normalize(named);
    return !rel.startsWith('../') && top.read(rel)?.replace(/^\uFEFF/, '') === own;
  };
  for (const folder of above) {
    const from = path.relative(top.root, folder.root).split(path.sep).join('/');
    for (const e of composeFilesAtRoot(folder)) {
      // An override file is no project of its own: compose reads it over the project's file, as overriding does.
      if (OVERRIDE_FILES.includes(e.path) || shadowedDefault(folder, e.path)) continue;
      const at = from === '' ? e.path : `${from}/${e.path}`;
      const file = path.relative(ctx.root, path.join(folder.root, e.path)).split(path.sep).join('/');
      const relative = (f: string) => path.relative(ctx.root, path.join(top.root, f)).split(path.sep).join('/');
      for (const service of servicesBuilding(top, at, isThis, published)) {
        if (!COMPOSE_FILES.includes(e.path)) out.push({ file, service, folder: top, at });
        // The override's paths are read from the project file's folder, as compose reads them.
        else for (const o of withOverride(top, from === '' ? '.' : from, at, service, isThis, relative, published)) out.push({ file: o.file === at ? file : o.file, service: o.service, folder: top, at });
      }
    }
  }
  return out;
}

/**
 * The LABELs of a Dockerfile's final stage and the stages it is built on, values unquoted, each name with the value
 * its last LABEL gives; none without the text.
 */
function finalLabels(text: string | undefined): { name: string; value: string }[] {
  // Most Dockerfiles say nothing of their source: not parsed again for that.
  if (text === undefined || !text.includes('org.opencontainers.image.source')) return [];
  const file = parseDockerfile(text);
  const last = file.stages.at(-1);
  if (last === undefined) return [];
  const lineage = new Set(stageLineage(file, last).map((s) => s.index));
  // In file order, a stage's base before it: a later LABEL of a name replaces the value.
  const values = new Map<string, string>();
  for (const inst of file.instructions) {
    if (inst.keyword !== 'LABEL' || !lineage.has(inst.stage)) continue;
    for (const p of properties(file, inst)) values.set(p.name, (p.raw ?? '').replace(/^(["'])(.*)\1$/s, '$2'));
  }
  return [...values].map(([name, value]) => ({ name, value }));
}

/** What a compose service runs in place of the image's ENTRYPOINT or CMD. */
export interface CommandOverride {
  /** The compose file, from the context's root, and the service. */
  readonly file: string;
  readonly service: string;
  readonly key: 'entrypoint' | 'command';
  /** Its words: a list as written, or a string split at blanks (compose splits it as a shell would, and runs no shell: its first word, and a word naming bash, read the same). */
  readonly words: readonly string[];
}

/**
 * The \`entrypoint:\` and \`command:\` of the compose services (servicesOf) that run the image built from a stage of
 * this Dockerfile, named \`stageName\`, the last one when \`last\`: a service whose \`build.target\` names a stage runs
 * that one, one without a target the last. An empty value (\`entrypoint: ""\`, which clears the image's) is one too,
 * with no words; another that is neither a string nor a list of strings says nothing and is left out.
 */
export function commandOverrides(ctx: BuildContext | null, dockerfilePath: string | null, text: string | undefined, stageName: string | null, last: boolean): CommandOverride[] {
  if (ctx === null) return [];
  const out: CommandOverride[] = [];
  for (const { file, service } of servicesOf(ctx, dockerfilePath, text)) {
    const build = service.spec['build'];
    const target = typeof build === 'object' && build !== null ? (build as Record<string, unknown>)['target'] : undefined;
    if (target === undefined ? !last : typeof target !== 'string' || target.toLowerCase() !== stageName?.toLowerCase()) continue;
    for (const key of ['entrypoint', 'command'] as const) {
      const value = service.spec[key];
      const words = typeof value === 'string' ? value.trim().split(/\s+/).filter((w) => w !== '') : Array.isArray(value) && value.every((w) => typeof w === 'string') ? (value as string[]) : null;
      if (words !== null) out.push({ file: composeFileSaying(file, service, key), service: service.name, key, words });
    }
  }
  return out;
}
