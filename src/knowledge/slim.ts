import { BUILDPACK_DEPS_TOOLS, GEM_NATIVE_LIBRARIES, PIP_RUNTIME_LIBRARIES, PIP_SOURCE_BUILD_LIBRARIES, PIP_SOURCE_BUILDS, PIP_UNCERTAIN, SLIM_KEEPS } from './buildTools.js';
import { own } from '../own.js';
import { siblingOfKind } from './siblings.js';
import type { BuildTool, IdentifiedImage } from './types.js';

/**
 * What a slim variant lacks compared with a full one: the buildpack-deps tools
 * the full image carries, less what the slim variant keeps, or for a full image
 * not built on buildpack-deps, the packages it installs that slim does not. Empty
 * when both carry the same tools (debian vs debian-slim differ only in documentation).
 */
export function slimLacks(full: IdentifiedImage, slim: IdentifiedImage): BuildTool[] {
  if (slim.facts.buildTools) return [];
  // An image not built on buildpack-deps (swift's) keeps the packages it installs itself.
  if (!full.facts.buildTools) return BUILDPACK_DEPS_TOOLS.filter((t) => full.facts.debianPackages.includes(t.package) && !slim.facts.debianPackages.includes(t.package));
  const keeps = new Set(SLIM_KEEPS[full.repository.name] ?? []);
  return BUILDPACK_DEPS_TOOLS.filter((t) => !keeps.has(t.package));
}

/**
 * What every Debian slim variant leaves out, even where its full sibling carries no more tools
 * (debian:12 and debian:12-slim): debuerreotype's slimify removes these folders and makes dpkg
 * skip them for packages installed later (debuerreotype/debuerreotype: scripts/.slimify-excludes,
 * scripts/debuerreotype-slimify; copyright files are kept).
 */
export const SLIM_LEAVES_OUT = 'man pages, info pages, /usr/share/doc and translated messages (/usr/share/locale), also of the packages installed later';

/**
 * Debian packages whose only use is to read what slim leaves out (SLIM_LEAVES_OUT), with what they
 * read: installed on slim, dpkg drops the pages they would show, so a stage that installs one wants them.
 */
export const SLIM_DOC_READERS: Readonly<Record<string, string>> = {
  'man-db': 'man pages (`man`)',
  man: 'man pages (`man`)',
  manpages: 'man pages',
  'manpages-dev': 'man pages',
  'manpages-posix': 'man pages',
  'manpages-posix-dev': 'man pages',
  info: 'info pages (`info`)',
  pinfo: 'info pages (`pinfo`)',
};

export interface SlimSiblingLacks {
  readonly reference: string;
  readonly lacks: readonly BuildTool[];
  /** The Debian packages of `lacks`. */
  readonly packages: ReadonlySet<string>;
}

/** Asked of each FROM in every pass; the answer is data about the image, so it is kept with it. */
const lacksByImage = new WeakMap<IdentifiedImage, SlimSiblingLacks | null>();

/** What the image's slim sibling lacks, or null when the data has no slim sibling. */
export function slimSiblingLacks(image: IdentifiedImage): SlimSiblingLacks | null {
  let known = lacksByImage.get(image);
  if (known === undefined) {
    const slim = siblingOfKind(image, 'slim');
    const lacks = slim === null ? [] : slimLacks(image, slim.image);
    known = slim === null ? null : { reference: slim.reference, lacks, packages: new Set(lacks.map((t) => t.package)) };
    lacksByImage.set(image, known);
  }
  return known;
}

const byCommand = new Map<string, BuildTool>(BUILDPACK_DEPS_TOOLS.flatMap((t) => t.commands.map((c) => [c, t] as const)));

/** The full-image tool that provides a command (`gcc`, `pg_config`, `git`), or null. */
export function toolForCommand(command: string): BuildTool | null {
  const base = command.slice(command.lastIndexOf('/') + 1);
  return byCommand.get(base) ?? null;
}

/**
 * Whether an image has a Debian package before anything is installed, as far as BUILDPACK_DEPS_TOOLS tells
 * (a full image has them all) or the image's own list does (php's Debian images keep phpize's compilers).
 */
export function fullImageHas(image: IdentifiedImage, debianPackage: string): boolean {
  return (image.facts.buildTools && toolForPackage(debianPackage) !== null) || image.facts.debianPackages.includes(debianPackage);
}

/** The full-image tool installed by a Debian package (`libpq-dev`), or null. */
export function toolForPackage(debianPackage: string): BuildTool | null {
  return BUILDPACK_DEPS_TOOLS.find((t) => t.package === debianPackage) ?? null;
}

/**
 * Debian packages `pip install <name>` needs on a slim Python image because the
 * project publishes no Linux wheels; null when the base knows of none.
 */
export function pipSourceBuildNeeds(name: string): readonly string[] | null {
  const norm = name.toLowerCase().replace(/[-_.]+/g, '-');
  return own(PIP_SOURCE_BUILDS, norm) ?? null;
}

/**
 * Debian packages a Python package loads at run time (psycopg → libpq5), with why; null when the
 * base knows of none, or the extras asked for bundle the library.
 */
export function pipRuntimeLibraries(name: string, extras: readonly string[] = []): { readonly packages: readonly string[]; readonly note: string } | null {
  const norm = name.toLowerCase().replace(/[-_.]+/g, '-');
  const entry = own(PIP_RUNTIME_LIBRARIES, norm) ?? null;
  if (entry === null || extras.some((e) => entry.unlessExtras?.includes(e) === true)) return null;
  return entry;
}

/** The Debian packages a module compiled from source (psycopg2) loads at run time, with why; null when not known. */
export function pipSourceBuildLibraries(name: string): { readonly packages: readonly string[]; readonly note: string } | null {
  const norm = name.toLowerCase().replace(/[-_.]+/g, '-');
  return own(PIP_SOURCE_BUILD_LIBRARIES, norm) ?? null;
}

/** Why dockshift cannot tell what `pip install <name>` needs on Linux, or null. */
export function pipUncertain(name: string): string | null {
  const norm = name.toLowerCase().replace(/[-_.]+/g, '-');
  return own(PIP_UNCERTAIN, norm) ?? null;
}

/** The -dev packages a gem's native extension compiles against (pg → libpq-dev), for its version when known; null when none is known. */
export function gemBuildNeeds(name: string, version: string | null): { readonly packages: readonly string[]; readonly note: string } | null {
  const entry = own(GEM_NATIVE_LIBRARIES, name) ?? null;
  if (entry === null) return null;
  const parts = (v: string) => v.split('.').map((x) => Number.parseInt(x, 10) || 0);
  const older = (a: string, b: string) => {
    const [x, y] = [parts(a), parts(b)];
    for (let i = 0; i < Math.max(x.length, y.length); i++) if ((x[i] ?? 0) !== (y[i] ?? 0)) return (x[i] ?? 0) < (y[i] ?? 0);
    return false;
  };
  // Without a version the release is whatever resolves at build time: only a rule that holds for every release applies.
  if (entry.before !== undefined && (version === null || !older(version, entry.before))) return null;
  if (entry.from !== undefined && (version === null || older(version, entry.from))) return null;
  return entry;
}
