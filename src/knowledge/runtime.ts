import { debianNumber } from './distros.js';
import { DISTROLESS_DEFAULT_DEBIAN, DISTROLESS_IMAGES } from './distroless.js';
import { renderTag } from './grammar.js';
import { identify, releaseFamily } from './identify.js';
import { referenceText, siblingOfKind } from './siblings.js';
import type { DistrolessImage, DistrolessKind, DistrolessTag, IdentifiedImage, RuntimeChoice } from './types.js';

/**
 * Builder → runtime facts for multi-stage builds: for an image a stage builds
 * in, the images its artefact can run on with the same libc and distro release.
 */

/** The distroless image of a kind for a Debian release (and runtime version for nodejs/java/python3), or null. */
export function distrolessImage(kind: DistrolessKind, debian: '12' | '13', runtimeVersion: string | null = null): DistrolessImage | null {
  return DISTROLESS_IMAGES.find((d) => d.kind === kind && d.debian === debian && (runtimeVersion === null || d.runtimeVersion === runtimeVersion)) ?? null;
}

/** `gcr.io/distroless/nodejs22-debian13:nonroot`, or null when no such image exists. */
export function distrolessReference(kind: DistrolessKind, debian: '12' | '13', tag: DistrolessTag = 'latest', runtimeVersion: string | null = null): string | null {
  const image = distrolessImage(kind, debian, runtimeVersion);
  if (image === null) return null;
  return tag === 'latest' ? image.repository : `${image.repository}:${tag}`;
}

export interface RuntimeOptions {
  /** Go: the binary links against libc (cgo); it then needs glibc at run time. */
  readonly cgo?: boolean;
  /** Rust: the binary is static (built for a musl target), so distroless static runs it too. */
  readonly staticBinary?: boolean;
}

/** The runtime images for a builder image, best first; empty when the base knows none. */
export function runtimeFor(builder: IdentifiedImage, options: RuntimeOptions = {}): RuntimeChoice[] {
  switch (builder.repository.name) {
    case 'golang':
      return golang(builder, options.cgo === true);
    case 'node':
    case 'python':
      return [sibling(builder, 'slim', 'the slim variant of the same version and release'), sibling(builder, 'distroless', 'distroless of the same major and Debian release')].filter(
        (c): c is RuntimeChoice => c !== null,
      );
    case 'eclipse-temurin':
      return [sibling(builder, 'jre', 'the JRE of the same Java and OS')].filter((c): c is RuntimeChoice => c !== null);
    case 'maven':
    case 'gradle':
      return javaBuildTool(builder);
    case 'rust':
    case 'gcc':
      return nativeBinary(builder, options.staticBinary === true);
    case 'dotnet/sdk':
      return dotnet(builder);
    case 'debian':
    case 'ubuntu':
    case 'alpine':
    case 'buildpack-deps':
      return osImage(builder);
    default:
      return [];
  }
}

function choice(kind: RuntimeChoice['kind'], reference: string, why: string): RuntimeChoice {
  return { kind, reference, image: identify(reference), why };
}

function sibling(image: IdentifiedImage, kind: 'slim' | 'distroless' | 'jre', why: string): RuntimeChoice | null {
  const s = siblingOfKind(image, kind);
  return s === null ? null : { kind, reference: s.reference, image: s.image, why };
}

/** Docker Hub references in the builder's spelling: `debian:…`, `library/debian:…`, `docker.io/library/debian:…`. */
function hubReference(builder: IdentifiedImage, repo: string, tag: string): string {
  const name = builder.name.includes('/') ? `library/${repo}` : repo;
  return referenceText({ registry: builder.registry, name }, tag);
}

function debianOf(image: IdentifiedImage): { codename: string; number: string | null } | null {
  const r = image.release.release;
  return r === null || r.family !== 'debian' ? null : { codename: r.name, number: debianNumber(r.name) };
}

const distrolessDebian = (n: string | null): '12' | '13' | null => (n === '12' || n === '13' ? n : null);

function golang(builder: IdentifiedImage, cgo: boolean): RuntimeChoice[] {
  const release = builder.release.release;
  if (release?.family === 'alpine') {
    return cgo
      ? [choice('slim', hubReference(builder, 'alpine', release.name), 'a cgo binary built on Alpine needs musl: the same Alpine release')]
      : [choice('static', distrolessReference('static', DISTROLESS_DEFAULT_DEBIAN)!, 'a static binary (CGO_ENABLED=0) needs no libc')];
  }
  const debian = debianOf(builder);
  const n = distrolessDebian(debian?.number ?? null);
  if (!cgo) {
    return [choice('static', distrolessReference('static', n ?? DISTROLESS_DEFAULT_DEBIAN)!, 'a static binary (CGO_ENABLED=0) needs no libc')];
  }
  const out: RuntimeChoice[] = [];
  if (n !== null) out.push(choice('distroless', distrolessReference('base', n)!, `glibc of Debian ${n}, as the builder`));
  if (debian !== null) out.push(choice('slim', hubReference(builder, 'debian', `${debian.codename}-slim`), `the builder's Debian release, slim`));
  return out;
}

function nativeBinary(builder: IdentifiedImage, staticBinary: boolean): RuntimeChoice[] {
  const release = builder.release.release;
  const debian = debianOf(builder);
  const n = distrolessDebian(debian?.number ?? null);
  const out: RuntimeChoice[] = [];
  if (release?.family === 'alpine') out.push(choice('slim', hubReference(builder, 'alpine', release.name), staticBinary ? 'the builder\'s Alpine release' : 'musl of the same Alpine release'));
  else if (debian !== null) {
    out.push(choice('slim', hubReference(builder, 'debian', `${debian.codename}-slim`), `the builder's Debian release (${debian.codename}), slim`));
    if (n !== null && builder.repository.name === 'rust') out.push(choice('distroless', distrolessReference('cc', n)!, `glibc and libgcc of Debian ${n}, as the builder`));
  }
  if (staticBinary && out.length > 0) out.push(choice('static', distrolessReference('static', n ?? DISTROLESS_DEFAULT_DEBIAN)!, 'a static binary needs no C library'));
  return out;
}

/**
 * A native binary built on an OS image (compilers installed into debian, ubuntu, alpine or
 * buildpack-deps): the same release without the compilers. Debian has a slim variant of the
 * same release; Ubuntu and Alpine images are already minimal, so the runtime is the same image.
 */
function osImage(builder: IdentifiedImage): RuntimeChoice[] {
  const release = builder.release.release;
  if (release === null) return [];
  const same = (why: string) => [choice('slim', referenceText(builder, builder.tag), why)];
  switch (builder.repository.name) {
    case 'debian': {
      if (builder.options['flavour'] === 'slim') return same(`the builder's own image (${release.name}), already slim`);
      const slim = siblingOfKind(builder, 'slim');
      return slim === null ? [] : [{ kind: 'slim', reference: slim.reference, image: slim.image, why: `the builder's Debian release (${release.name}), slim` }];
    }
    case 'ubuntu':
      return same(`the builder's Ubuntu release (${release.name}): Ubuntu has no slim variant`);
    case 'alpine':
      return same(`the builder's Alpine release (${release.name}), without the compilers`);
    default:
      // buildpack-deps:<codename>: the plain OS image of that release.
      if (release.family === 'debian') return [choice('slim', hubReference(builder, 'debian', `${release.name}-slim`), `the builder's Debian release (${release.name}), slim`)];
      if (release.family === 'ubuntu') return [choice('slim', hubReference(builder, 'ubuntu', release.name), `the builder's Ubuntu release (${release.name})`)];
      return [];
  }
}

/** Maven and Gradle on Eclipse Temurin: eclipse-temurin:<java>-jre on the same OS. */
function javaBuildTool(builder: IdentifiedImage): RuntimeChoice[] {
  const jdkToken = builder.tokens['jdk'] ?? '';
  const onTemurin = builder.repository.name === 'maven' ? builder.options['jdk'] === 'eclipse-temurin' : builder.options['dist'] === 'temurin';
  if (!onTemurin) return [];
  const major = /(\d+)$/.exec(jdkToken)?.[1] ?? DEFAULT_JDK[builder.repository.name];
  if (major === undefined) return [];
  const release = builder.release.release;
  let os: string | null;
  // An Alpine tag of a line no longer built (`gradle:8.5-jdk21-alpine`) names no release, but names Alpine.
  if (releaseFamily(builder.release) === 'alpine') os = 'alpine';
  else if (release === null) os = null;
  else if (release.family === 'ubuntu') os = release.name;
  else return [];
  const tag = os === null ? `${major}-jre` : `${major}-jre-${os}`;
  const why = os === null ? `Java ${major}; the builder's Ubuntu release is not recorded, so the JRE takes its repository default` : `Java ${major} on the builder's OS (${os})`;
  return [choice('jre', hubReference(builder, 'eclipse-temurin', tag), why)];
}

/** The JDK a tag without one means today (maven `3.9-eclipse-temurin`, gradle `9`). */
const DEFAULT_JDK: Readonly<Record<string, string>> = { maven: '26', gradle: '25' };

/** dotnet/sdk:<v>[-os] → aspnet and runtime of the same version and OS. */
function dotnet(builder: IdentifiedImage): RuntimeChoice[] {
  const tokens = { ...builder.tokens, aot: '' };
  // SDK versions (10.0.400) are not runtime versions (10.0.11): keep the major.minor line.
  const line = builder.version === null ? null : /^(\d+\.\d+)(?:\.\d+)?(-preview|-rc)?/.exec(builder.version);
  const version = line === null ? null : `${line[1]}${line[2] ?? ''}`;
  const tag = renderTag(builder.repository, version, tokens);
  const base = builder.registry === null ? '' : `${builder.registry}/`;
  const ref = (image: string): string => (tag === null ? `${base}dotnet/${image}` : `${base}dotnet/${image}:${tag}`);
  return [
    choice('aspnet', ref('aspnet'), 'ASP.NET Core runtime of the same .NET version and OS'),
    choice('runtime', ref('runtime'), '.NET runtime of the same version and OS (no ASP.NET Core)'),
  ];
}

