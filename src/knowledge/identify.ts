import { parseImageRef, type ImageRef } from '../dockerfile/imageRef.js';
import { RecentMap } from '../engine/recentMap.js';
import { DEBIAN_CODENAMES, debianCodename, distroRelease, FAMILY_FACTS, packagesArchived, UBUNTU_CODENAMES, ubuntuCodename } from './distros.js';
import { DISTROLESS } from './distroless.js';
import { DOTNET } from './dotnet.js';
import { parseTag } from './grammar.js';
import { OFFICIAL } from './official.js';
import { unprivilegedNginx, VENDORS } from './vendors.js';
import type {
  AxisOption,
  DefaultReleaseRule,
  DistroFamily,
  DistroRelease,
  FactsPatch,
  IdentifiedImage,
  ImageFacts,
  LineHistory,
  ReleaseFact,
  DefaultRelease,
  RepositoryEntry,
} from './types.js';

/** Every repository the base knows. */
export const REPOSITORIES: readonly RepositoryEntry[] = [...OFFICIAL, ...DOTNET, ...DISTROLESS, ...VENDORS, ...unprivilegedNginx(OFFICIAL.find((e) => e.name === 'nginx')!)];

/** Docker Hub's spellings: no registry, `docker.io`, `index.docker.io`. */
const DOCKER_HUB = new Set(['docker.io', 'index.docker.io']);

const byRegistryPath = new Map<string, RepositoryEntry>(REPOSITORIES.map((r) => [`${r.registry ?? ''}/${r.path}`, r]));

/** The distro family a release is of, named or the repository's default. */
export function releaseFamily(r: ReleaseFact): DistroFamily {
  return r.kind === 'named' ? r.release.family : r.family;
}

/** Docker Hub's path of a reference (`library/redis`, `bitnami/redis`), or null for another registry. */
export function dockerHubPath(ref: Pick<ImageRef, 'registry' | 'name'>): string | null {
  const registry = ref.registry === null ? null : ref.registry.toLowerCase();
  if (registry !== null && !DOCKER_HUB.has(registry)) return null;
  return ref.name.includes('/') ? ref.name : `library/${ref.name}`;
}

/** The repository a reference names, or null for unknown ones (private registries, mirrors, other images). */
export function findRepository(ref: Pick<ImageRef, 'registry' | 'name'>): RepositoryEntry | null {
  const registry = ref.registry === null ? null : ref.registry.toLowerCase();
  if (registry === null || DOCKER_HUB.has(registry)) {
    // Official images (`library/…`) and the few other Docker Hub repositories the base records (`oven/bun`).
    const path = ref.name.includes('/') ? ref.name : `library/${ref.name}`;
    return byRegistryPath.get(`/${path}`) ?? null;
  }
  return byRegistryPath.get(`${registry}/${ref.name}`) ?? null;
}

/**
 * What an image reference is: repository, version, variant, release and facts;
 * null when the reference has build arguments (resolve them first), names an
 * image the base does not know, or has a tag outside the repository's grammar
 * (Windows tags included).
 */
export function identifyImage(ref: ImageRef): IdentifiedImage | null {
  if (ref.hasVariables) return null;
  // Several transforms ask about each FROM, in every pass: a fleet names few distinct images.
  const key = `${ref.raw}\0${ref.registry}\0${ref.name}\0${ref.tag}\0${ref.digest}`;
  let known = identified.get(key);
  if (known === undefined) identified.set(key, (known = identifyUncached(ref)));
  return known;
}

/** Identified images by every field of the reference the answer reads (the answer is immutable data). */
const identified = new RecentMap<string, IdentifiedImage | null>(1024);

function identifyUncached(ref: ImageRef): IdentifiedImage | null {
  const repository = findRepository(ref);
  if (repository === null) return null;
  const parsed = parseTag(repository, ref.tag ?? 'latest');
  if (parsed === null) return null;

  const resolvedVersion = parsed.version === null ? null : (repository.versionAliases[parsed.version] ?? parsed.version);
  if (!optionsExistFor(repository, parsed.options, resolvedVersion)) return null;
  const line = resolvedVersion ?? repository.latest;
  const release = releaseOf(repository, parsed.version === null ? repository.latest : resolvedVersion!, line, parsed.options, parsed.tokens);
  if (release === null) return null;

  const chosen = repository.axes.flatMap((axis) => {
    const option = axis.options.find((o) => o.id === parsed.options[axis.name]);
    return option === undefined ? [] : [{ axis: axis.name, option }];
  });
  const variant = variantName(chosen);
  const family = releaseFamily(release);
  const facts = mergeFacts([
    FAMILY_FACTS[family].facts,
    repository.facts,
    ...(repository.versionFacts ?? []).filter((v) => v.versions.some((l) => inVersionLine(line, l))).map((v) => v.facts),
    ...chosen.map((c) => c.option.facts ?? {}),
    { size: repository.facts.size ?? repository.sizes[variant] ?? null },
  ]);

  return {
    repository,
    raw: ref.raw,
    registry: ref.registry,
    name: ref.name,
    tag: ref.tag,
    digest: ref.digest,
    version: parsed.version,
    resolvedVersion,
    options: parsed.options,
    tokens: parsed.tokens,
    variant,
    release,
    facts,
  };
}

/**
 * Why a reference names no image of a repository the knowledge base records, when the reason is its
 * tag: it names none, or \`latest\`, and the repository has no \`latest\` (Oracle's registry, nvidia/cuda).
 * A clause after the reference, for a refusal's reason; null for any other reference.
 */
export function missingTagWhy(ref: ImageRef): string | null {
  if (ref.hasVariables || ref.digest !== null || (ref.tag !== null && ref.tag !== 'latest')) return null;
  const repository = findRepository(ref);
  if (repository === null || parseTag(repository, 'latest') !== null) return null;
  const names = ref.tag === null ? 'names no tag' : 'names the tag `latest`';
  return `${names}, and the repository has no \`latest\` tag (each of its tags names a version): the reference cannot be pulled as written, and which image it means is unknown`;
}

/** Does every option the tag names exist for its version (an option kept to some lines needs a tag naming one)? */
function optionsExistFor(repository: RepositoryEntry, options: Readonly<Record<string, string>>, version: string | null): boolean {
  return repository.axes.every((axis) => {
    const lines = axis.options.find((o) => o.id === options[axis.name])?.versions;
    return lines === undefined || (version !== null && lines.some((l) => inVersionLine(version, l)));
  });
}

/**
 * Why an image's release is not known, for a refusal's reason: its tag was rebuilt on a newer
 * release (an image pulled or cached under it may be either), or the release is not recorded.
 */
export function unknownReleaseWhy(image: IdentifiedImage): string {
  const r = image.release;
  if (r.kind === 'repository-default' && r.moved !== undefined) {
    return `${image.raw} was built on ${r.moved.from}, then rebuilt on ${r.moved.to} (${r.moved.date}), so an image pulled or cached under that tag may be either`;
  }
  return `${image.raw} names no ${releaseFamily(r) === 'alpine' ? 'Alpine' : releaseFamily(r) === 'debian' ? 'Debian' : 'distro'} release the knowledge base records`;
}

/**
 * The release of the image when its packages have left the repositories it names (distros.ts
 * packagesArchived), so its package manager installs nothing; null otherwise. A tag rebuilt on a
 * newer release counts as the older one, which an image pulled or cached under it may be.
 */
export function archivedRelease(image: IdentifiedImage): DistroRelease | null {
  const r = image.release;
  const moved = r.kind === 'repository-default' && r.moved !== undefined ? distroRelease(releaseFamily(r), r.moved.from) : null;
  const release = moved ?? r.release;
  return release !== null && packagesArchived(release) ? release : null;
}

/** The same, from reference text such as `python:3.12-slim`. */
export function identify(reference: string): IdentifiedImage | null {
  const ref = parseImageRef(reference);
  return ref === null ? null : identifyImage(ref);
}

/** Axes whose tokens do not make a different image: build dates and architectures. */
const NOT_A_VARIANT = new Set(['date', 'arch']);

function variantName(chosen: readonly { axis: string; option: AxisOption }[]): string {
  const parts = chosen.filter((c) => !NOT_A_VARIANT.has(c.axis) && c.option.silent !== true).map((c) => c.option.id);
  return parts.length === 0 ? 'default' : parts.join('-');
}

/** Does a version (`3.12.4`, `21.0.12_8`, `8u502-b07`, `tip-20260815`) belong to a line (`3.12`, `21`, `8`, `tip`)? */
export function inVersionLine(version: string, line: string): boolean {
  if (line === '*' || version === line) return true;
  return version.startsWith(line) && /^[.\-u_]/.test(version.slice(line.length));
}

function releaseOf(
  repo: RepositoryEntry,
  version: string,
  line: string,
  options: Readonly<Record<string, string>>,
  tokens: Readonly<Record<string, string>>,
): ReleaseFact | null {
  if (repo.versionRelease !== undefined) return versionAsRelease(repo.versionRelease, version);
  const osAxis = repo.axes.find((a) => a.name === 'os');
  const optionId = osAxis === undefined ? undefined : options['os'];
  const option = osAxis?.options.find((o) => o.id === optionId);
  const token = tokens['os'] ?? '';
  // A tag without an OS is the repository's non-Alpine image, unless it builds on Alpine only (composer).
  const alpineOnly = repo.defaults.length > 0 && repo.defaults.every((d) => d.family === 'alpine');
  if (option?.release === undefined) return defaultRelease(repo, line, options, (f) => alpineOnly || f !== 'alpine');
  const how = option.release;
  switch (how.from) {
    case 'codename': {
      // The codename is one of the token's parts: `bookworm`, `bookworm-slim`, `debian-trixie`.
      const names: readonly string[] = how.family === 'debian' ? DEBIAN_CODENAMES : UBUNTU_CODENAMES;
      const name = token.split('-').find((part) => names.includes(part));
      if (name === undefined) return defaultRelease(repo, line, options, (f) => f === how.family);
      const release = distroRelease(how.family, name);
      return release === null ? null : { kind: 'named', release };
    }
    case 'alpine': {
      const m = /^alpine-?(3\.\d+)$/.exec(token);
      if (m === null) return defaultRelease(repo, line, options, (f) => f === 'alpine');
      const release = distroRelease('alpine', m[1]!);
      return release === null ? null : { kind: 'named', release };
    }
    case 'fixed': {
      const release = distroRelease(how.family, how.name);
      return release === null ? null : { kind: 'named', release };
    }
    case 'token': {
      const release = distroRelease(how.family, how.aliases[token] ?? token);
      return release === null ? null : { kind: 'named', release };
    }
  }
}

/** `debian:12.5`, `ubuntu:22.04`, `alpine:3.20.3`: the version is the release. */
function versionAsRelease(family: DistroFamily | 'debian-or-ubuntu', version: string): ReleaseFact | null {
  if (family === 'debian-or-ubuntu') return versionAsRelease('debian', version) ?? versionAsRelease('ubuntu', version);
  let name = version;
  if (family === 'debian' && /^\d+(?:\.\d+)?$/.test(version)) name = debianCodename(version.split('.')[0]!) ?? '';
  if (family === 'ubuntu' && /^\d\d\.\d\d$/.test(version)) name = ubuntuCodename(version) ?? '';
  if (family === 'alpine') name = /^\d{8}$/.test(version) ? 'edge' : version.split('.').slice(0, 2).join('.');
  const release = distroRelease(family, name);
  return release === null ? null : { kind: 'named', release };
}

function defaultRelease(repo: RepositoryEntry, line: string, options: Readonly<Record<string, string>>, family: (f: DistroFamily) => boolean): ReleaseFact {
  const applies = (r: { readonly when?: DefaultReleaseRule['when'] }) => Object.entries(r.when ?? {}).every(([axis, ids]) => ids.includes(options[axis] ?? ''));
  const history = repo.history?.find((h) => family(h.family) && applies(h) && inVersionLine(line, h.line));
  const past = history === undefined ? null : historyRelease(repo, history, line);
  if (past !== null) return past;
  const rules = repo.defaults.filter((r) => family(r.family) && applies(r));
  const rule: DefaultReleaseRule | undefined = rules.find((r) => r.versions.some((v) => inVersionLine(line, v)));
  const chosenFamily = rule?.family ?? rules[0]?.family ?? 'debian';
  const release = rule?.release == null ? null : distroRelease(chosenFamily, rule.release);
  return { kind: 'repository-default', family: chosenFamily, release, source: repo.sources[0]! };
}

/**
 * Numeric versions only (`20`, `3.12.4`, Java's `8u302-b08` and `17.0.3_7`); others (`3.15.0rc1`,
 * `tip`, `19-ea-5`) take the repository's default.
 */
const NUMERIC = /^\d+(?:(?:\.|u|-b)\d+)*(?:_\d+)?$/;

/**
 * A version's numbers: `3.12.4` → 3, 12, 4; Java 8's `8u302-b08` → 8, 302, 8 (update, build);
 * `17.0.3_7` → 17, 0, 3, 0, 7: the build follows four version numbers, so `17_35` (17's first
 * build) comes before `17.0.1_12` and `11.0.16_8` before `11.0.16.1_1`.
 */
function versionParts(v: string): number[] {
  const build = /^([\d.]+)_(\d+)$/.exec(v);
  if (build !== null) {
    const numbers = build[1]!.split('.').map(Number);
    return [...numbers, ...Array<number>(Math.max(0, 4 - numbers.length)).fill(0), Number(build[2])];
  }
  return v.split(/\.|u|-b/).map(Number);
}

/** Compares versions as numbers, a missing part being 0 (`1.20` = `1.20.0`). */
export function compareVersions(a: string, b: string): number {
  const x = versionParts(a);
  const y = versionParts(b);
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    const d = (x[i] ?? 0) - (y[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/** Is `version` one of the versions a tag of `prefix` covers (`1.89.0` under `1.89`)? */
const underPrefix = (version: string, prefix: string): boolean => {
  const p = versionParts(prefix);
  return versionParts(version).slice(0, p.length).every((n, i) => n === p[i]);
};

/**
 * The release a version's tag was last built on, from the line's history; null when the
 * history does not apply (a version that is not numbers). The line's own tag is its last build
 * (today's when still built); a full version is the step it falls in; a tag of a few versions
 * (`20.3`, `rust:1.77`) is a step only when all of them fall in it.
 */
function historyRelease(repo: RepositoryEntry, history: LineHistory, version: string): ReleaseFact | null {
  if (!NUMERIC.test(version)) return null;
  const { steps } = history;
  const found = (i: number): DefaultRelease => ({ kind: 'repository-default', family: history.family, release: distroRelease(history.family, steps[i]!.release), source: steps[i]!.source });
  const moved = (i: number): ReleaseFact => {
    const step = steps[i]!;
    if (i === 0) return unrecorded;
    return { kind: 'repository-default', family: history.family, release: null, source: step.source, moved: { from: steps[i - 1]!.release, to: step.release, date: step.date } };
  };
  const unrecorded: ReleaseFact = { kind: 'repository-default', family: history.family, release: null, source: repo.sources[0]! };
  // Still built: today's tag list says the same (a test checks it), so cite that.
  if (version === history.line && history.last === null) return { ...found(steps.length - 1), source: repo.sources[0]! };
  const at = version === history.line ? history.last! : version;
  const last = steps.findLastIndex((s) => compareVersions(s.since, at) <= 0);
  if (last === -1) return unrecorded;
  if (at !== version || versionParts(at).length >= 3) return steps[last]!.rebuilt && compareVersions(steps[last]!.since, at) === 0 ? moved(last) : found(last);
  // A tag of several versions: its builds moved when a step starts inside it, or its first version was rebuilt.
  const inside = steps.findIndex((s) => underPrefix(s.since, at) && (compareVersions(s.since, at) > 0 || s.rebuilt));
  return inside === -1 ? found(last) : moved(inside);
}

const BASE_FACTS: ImageFacts = {
  libc: 'glibc',
  packageManager: 'none',
  shell: null,
  bash: false,
  userTools: 'none',
  user: { name: 'root', uid: 0 },
  nonRootUser: null,
  entrypoint: null,
  entrypointRunsCommand: false,
  entrypointExecsCommand: false,
  cmd: null,
  launchers: [],
  env: {},
  mustStartAsRoot: null,
  nginx: null,
  writtenAtRun: [],
  workdir: null,
  buildTools: false,
  debianPackages: [],
  noIcu: false,
  gemNoDocument: false,
  gemHome: null,
  upgradedInPlace: [],
  size: null,
  notes: [],
};

/** Later patches win; notes add up. */
function mergeFacts(patches: readonly FactsPatch[]): ImageFacts {
  let facts: ImageFacts = BASE_FACTS;
  for (const p of patches) {
    const defined = Object.fromEntries(Object.entries(p).filter(([, v]) => v !== undefined)) as FactsPatch;
    facts = { ...facts, ...defined, notes: [...facts.notes, ...(p.notes ?? [])] };
  }
  return facts;
}
