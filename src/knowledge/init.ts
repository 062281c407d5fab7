import { archivedRelease, findRepository, releaseFamily, unknownReleaseWhy } from './identify.js';
import { distroRelease } from './distros.js';
import { SOURCES } from './sources.js';
import type { DistroFamily, IdentifiedImage, Source } from './types.js';

/**
 * tini, the init `docker run --init` also uses: which package brings it on each
 * distribution, where it lands, and the static build a stage without a
 * package for it can copy in.
 */

export interface TiniPackage {
  readonly manager: 'apt' | 'apk';
  /** A RUN body that installs it and leaves no package cache in the layer. */
  readonly install: string;
  /** Where the package puts the program. */
  readonly path: string;
  readonly sources: readonly Source[];
}

interface TiniRule extends TiniPackage {
  /** The first release of each family that has the package, as the family numbers them. */
  readonly since: Partial<Record<DistroFamily, string>>;
}

const TINI_RULES: readonly TiniRule[] = [
  {
    manager: 'apt',
    install: 'apt-get update && apt-get install -y --no-install-recommends tini && rm -rf /var/lib/apt/lists/*',
    path: '/usr/bin/tini',
    since: { debian: '10', ubuntu: '20.04' },
    sources: [SOURCES.tiniDebian, SOURCES.tiniUbuntu],
  },
  {
    manager: 'apk',
    install: 'apk add --no-cache tini',
    path: '/sbin/tini',
    since: { alpine: '3.7' },
    // The image's repositories include community, where tini is.
    sources: [SOURCES.tiniAports, SOURCES.alpineRootfs],
  },
];

const ALPINE = findRepository({ registry: null, name: 'alpine' })!;

/** A static tini to copy into a stage that has no package for it: built in a stage of its own. */
export const TINI_STATIC = {
  /** Today's Alpine, as the knowledge base records it. */
  image: `alpine:${ALPINE.latest}`,
  install: 'apk add --no-cache tini-static',
  path: '/sbin/tini-static',
  sources: [SOURCES.tiniAports, SOURCES.alpineRootfs],
} as const;

/** The tini package of an image's distribution, or why there is none to install. */
export function tiniPackage(image: IdentifiedImage): TiniPackage | { readonly unavailable: string } {
  const family = releaseFamily(image.release);
  const rule = TINI_RULES.find((r) => r.manager === image.facts.packageManager);
  if (rule === undefined) {
    return { unavailable: image.facts.packageManager === 'none' ? `${image.raw} has no package manager` : `${image.facts.packageManager} has no tini package in the default repositories of ${image.raw}` };
  }
  const since = rule.since[family];
  const fact = image.release;
  // A tag rebuilt on a newer release is one of two: the older one decides (releases only move forward).
  const moved = fact.kind === 'repository-default' && fact.moved !== undefined ? distroRelease(family, fact.moved.from) : null;
  const release = fact.release ?? moved;
  if (since === undefined) return { unavailable: `no ${family} release is recorded as packaging tini` };
  if (release === null) return { unavailable: `${unknownReleaseWhy(image)}, and only ${family} ${since} and later package tini` };
  const which = fact.release === null ? `${image.raw} may be ${family} ${release.version} (it was built on ${release.name}, then rebuilt on ${fact.kind === 'repository-default' ? fact.moved?.to : ''}), which` : `${family} ${release.version} (${image.raw})`;
  if (!releaseAtLeast(release.version, since)) return { unavailable: `${which} does not package tini; ${since} and later do` };
  if (archivedRelease(image) !== null) return { unavailable: `${which} has ended, and its packages have left the repositories its ${rule.manager} reads, so it installs nothing there` };
  return { manager: rule.manager, install: rule.install, path: rule.path, sources: rule.sources };
}

/** `12`, `24.04`, `3.20`, `edge`, `unstable` against a first release (`10`, `20.04`, `3.7`). */
function releaseAtLeast(version: string, first: string): boolean {
  if (version === 'edge' || version === 'unstable') return true;
  const [major, minor] = numbers(version);
  const [firstMajor, firstMinor] = numbers(first);
  if (Number.isNaN(major)) return false;
  return major > firstMajor || (major === firstMajor && minor >= firstMinor);
}

function numbers(version: string): [number, number] {
  const m = /^(\d+)(?:\.(\d+))?/.exec(version);
  return m === null ? [Number.NaN, Number.NaN] : [Number(m[1]), Number(m[2] ?? 0)];
}

/**
 * Inits that start the command given after their options (`tini -s -- cmd`, `dumb-init cmd`), looking
 * it up on PATH, with their options that take a value (`tini -e 143 cmd`, `dumb-init -r 15:2 cmd`):
 * tini's usage (-p SIGNAL, -e EXIT_CODE), dumb-init's (-r/--rewrite s:r); catatonit's take none.
 */
const TINI_VALUED: readonly string[] = ['-p', '-e'];
export const INIT_WRAPPERS: Readonly<Record<string, readonly string[]>> = {
  tini: TINI_VALUED,
  'tini-static': TINI_VALUED,
  'docker-init': TINI_VALUED,
  'dumb-init': ['-r', '--rewrite'],
  catatonit: [],
};

/**
 * Whether an ENTRYPOINT's program starts the command it is given as its child, as given, and stays
 * PID 1 to reap it and pass signals on: one of INIT_WRAPPERS by name or in a bin folder, or
 * s6-overlay's /init (by that path: /sbin/init is a system's init, which reads its arguments
 * otherwise). Under one, a CMD in shell form (\`/bin/sh -c "node x"\`) and in exec form
 * (\`node x\`) run the same program, minus the shell.
 */
export function runsArgumentsAsChild(program: string): boolean {
  if (program === '/init') return true;
  const name = /^(?:\/(?:usr\/)?(?:local\/)?s?bin\/)?([^/]+)$/.exec(program)?.[1];
  return name !== undefined && Object.hasOwn(INIT_WRAPPERS, name);
}

/**
 * Programs that run as PID 1 to reap zombies and pass signals on, by the name
 * they are started with: when one is already in the command, a container does
 * not need another.
 */
export const INIT_PROGRAMS: Readonly<Record<string, string>> = {
  tini: 'tini',
  'tini-static': 'tini',
  'docker-init': 'the tini that `docker run --init` mounts',
  'dumb-init': 'dumb-init',
  catatonit: 'catatonit',
  init: "an init system (s6-overlay's /init, /sbin/init)",
  's6-svscan': 's6',
  supervisord: 'supervisord',
  runsvdir: 'runit',
  my_init: "phusion baseimage's my_init",
  systemd: 'systemd',
};
