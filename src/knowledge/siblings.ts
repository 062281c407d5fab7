import type { ImageRef } from '../dockerfile/imageRef.js';
import { debianNumber, FAMILY_LABELS } from './distros.js';
import { DISTROLESS_IMAGES } from './distroless.js';
import { axisOption, renderTag } from './grammar.js';
import { identify, identifyImage, inVersionLine, releaseFamily } from './identify.js';
import type { DistrolessImage, IdentifiedImage, ReleaseFact, Sibling, SiblingRule } from './types.js';

/**
 * The smaller images an image has per the data (slim, alpine, jre, chiseled,
 * distroless), each as the exact reference to write: the input's registry
 * spelling and repository path, the same version, and the same distro release
 * unless the sibling's kind changes it (alpine, distroless on Ubuntu-based Java).
 * A digest is never carried over: it pins the old image.
 */
export function siblingsOf(ref: ImageRef): readonly Sibling[] {
  const image = identifyImage(ref);
  return image === null ? [] : siblingsOfImage(image);
}

/**
 * Siblings by image. identifyImage keeps what it identified, and base-image transforms ask
 * about each FROM in every pass, so the answer (immutable data) is worked out once per image.
 */
const siblingsByImage = new WeakMap<IdentifiedImage, readonly Sibling[]>();

export function siblingsOfImage(image: IdentifiedImage): readonly Sibling[] {
  let known = siblingsByImage.get(image);
  if (known === undefined) siblingsByImage.set(image, (known = siblingsUncached(image)));
  return known;
}

function siblingsUncached(image: IdentifiedImage): readonly Sibling[] {
  const out: Sibling[] = [];
  for (const rule of image.repository.siblings) {
    const sibling = fromRule(image, rule);
    if (sibling !== null) out.push(sibling);
  }
  const distroless = distrolessSibling(image);
  if (distroless !== null) out.push(distroless);
  return out;
}

/** The sibling of one kind, or null when the data has none. */
export function siblingOfKind(image: IdentifiedImage, kind: Sibling['kind']): Sibling | null {
  return siblingsOfImage(image).find((s) => s.kind === kind) ?? null;
}

/** The image is already a variant of that kind (`python:3.12-slim`, `node:20-bookworm-slim`, `eclipse-temurin:21-jre-alpine`). */
export function onVariant(image: IdentifiedImage, kind: Sibling['kind']): boolean {
  return image.variant.split('-').includes(kind);
}

function fromRule(image: IdentifiedImage, rule: SiblingRule): Sibling | null {
  for (const [axis, allowed] of Object.entries(rule.from)) if (!allowed.includes(image.options[axis] ?? '')) return null;
  if (rule.needsVersion === true && image.version === null) return null;
  const line = image.resolvedVersion ?? image.repository.latest;
  if (rule.versions !== undefined && !rule.versions.some((v) => inVersionLine(line, v))) return null;
  if (rule.lineOnly === true && (image.version === null || !(rule.versions ?? []).includes(image.version))) return null;
  const tokens: Record<string, string> = { ...image.tokens };
  for (const [axisName, id] of Object.entries(rule.to)) {
    const axis = image.repository.axes.find((a) => a.name === axisName);
    if (axis === undefined) return null;
    tokens[axisName] = id === '' ? '' : (axisOption(axis, id)?.render ?? id);
  }
  const tag = renderTag(image.repository, image.version, tokens);
  const reference = referenceText(image, tag);
  const sibling = identify(reference);
  if (sibling === null) return null;
  // A sibling that keeps the release keeps the distro: `openjdk:17` is Oracle Linux, its `-slim` Debian.
  if (rule.release === 'keep' && releaseFamily(sibling.release) !== releaseFamily(image.release)) return null;
  return {
    kind: rule.kind,
    reference,
    image: sibling,
    size: sibling.facts.size,
    sameRelease: sameRelease(image.release, sibling.release),
    notes: rule.release === 'default' ? [`the distro changes: ${describeRelease(image.release)} → ${describeRelease(sibling.release)}`] : [],
  };
}

/** `registry/name:tag` as the input spelled registry and name. */
export function referenceText(image: Pick<IdentifiedImage, 'registry' | 'name'>, tag: string | null): string {
  const repo = image.registry === null ? image.name : `${image.registry}/${image.name}`;
  return tag === null ? repo : `${repo}:${tag}`;
}

/** Both name the same known release (a default whose release is not recorded is never the same). */
export function sameRelease(a: ReleaseFact, b: ReleaseFact): boolean {
  if (a.release === null || b.release === null) return false;
  return a.release.family === b.release.family && a.release.name === b.release.name;
}

export function describeRelease(r: ReleaseFact): string {
  const release = r.release;
  if (release === null) return r.kind === 'repository-default' ? `the repository's default ${r.family} release` : 'unknown';
  const name = release.family === 'debian' || release.family === 'ubuntu' ? ` ${release.name}` : '';
  const label = FAMILY_LABELS[release.family];
  const current = r.kind === 'repository-default' ? ' (the repository default today)' : '';
  return `${label} ${release.version}${name}${current}`;
}

/**
 * The distroless image that runs what this image runs, when one is still built:
 * node:<major> on Debian N → nodejs<major>-debianN; python:<minor> → python3-debianN
 * when Debian N's Python is that minor; eclipse-temurin:<major> → java<major>-debian13.
 */
function distrolessSibling(image: IdentifiedImage): Sibling | null {
  const release = image.release.release;
  if (image.facts.libc !== 'glibc' || release === null) return null;
  const version = image.resolvedVersion ?? image.repository.latest;
  const debian = release.family === 'debian' ? debianNumber(release.name) : null;
  const built = (d: DistrolessImage): boolean => d.status === 'built';
  let target: DistrolessImage | undefined;
  switch (image.repository.name) {
    case 'node':
      target = DISTROLESS_IMAGES.find((d) => built(d) && d.kind === 'nodejs' && d.debian === debian && d.runtimeVersion === version.split('.')[0]);
      break;
    case 'python':
      target = DISTROLESS_IMAGES.find((d) => built(d) && d.kind === 'python3' && d.debian === debian && d.runtimeVersion === version.split('.').slice(0, 2).join('.'));
      break;
    case 'eclipse-temurin':
      target = DISTROLESS_IMAGES.find((d) => built(d) && d.kind === 'java' && d.runtimeVersion === version.split(/[.u]/)[0]);
      break;
    default:
      return null;
  }
  if (target === undefined) return null;
  const sibling = identify(target.repository);
  if (sibling === null) return null;
  const same = sameRelease(image.release, sibling.release);
  return {
    kind: 'distroless',
    reference: target.repository,
    image: sibling,
    size: target.size,
    sameRelease: same,
    notes: [
      'no shell and no package manager: RUN, shell-form CMD and entrypoint scripts cannot work',
      ...(target.entrypoint === null ? [] : [`its ENTRYPOINT is ${JSON.stringify(target.entrypoint)}`]),
      ...(same ? [] : [`the distro changes: ${describeRelease(image.release)} → ${describeRelease(sibling.release)}`]),
    ],
  };
}
