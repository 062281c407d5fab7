import { DISTROLESS_CARRIES } from './distroless.js';
import { releaseFamily } from './identify.js';
import { SOURCES } from './sources.js';
import type { DistroFamily, IdentifiedImage, Source } from './types.js';

/**
 * Which programs that fetch a URL an image has before anything is installed,
 * and whether it trusts the public certificate authorities (without them an
 * https download fails to verify). What this data does not list, the image is
 * not known to have.
 */
export interface DownloadTools {
  readonly curl: boolean;
  readonly wget: boolean;
  /** A CA bundle is installed, so curl and wget can verify https servers. */
  readonly caCertificates: boolean;
  /** Where each listed fact was read; empty when the image is known to have none of them. */
  readonly sources: readonly Source[];
}

type Tools = Pick<DownloadTools, 'curl' | 'wget' | 'caCertificates'>;

const NONE: Tools = { curl: false, wget: false, caCertificates: false };
const FULL: Tools = { curl: true, wget: true, caCertificates: true };

/** Tools a repository's variants add to what their distribution has; `options` as in sibling rules (any of each list). */
interface RepositoryTools {
  readonly repository: string;
  readonly options?: Readonly<Record<string, readonly string[]>>;
  readonly tools: Partial<Tools>;
  readonly source: Source;
}

const ON_DEBIAN = ['debian', 'default'];

/**
 * The full language images build on buildpack-deps, whose `curl` layer installs
 * curl, wget and ca-certificates (and every later layer keeps them); php installs
 * curl and ca-certificates as runtime dependencies.
 */
export const REPOSITORY_DOWNLOAD_TOOLS: readonly RepositoryTools[] = [
  { repository: 'buildpack-deps', tools: FULL, source: SOURCES.buildpackDepsCurl },
  { repository: 'python', options: { flavour: [''], os: ON_DEBIAN }, tools: FULL, source: SOURCES.pythonFull },
  { repository: 'node', options: { flavour: [''], os: ON_DEBIAN }, tools: FULL, source: SOURCES.nodeFull },
  { repository: 'ruby', options: { flavour: [''], os: ON_DEBIAN }, tools: FULL, source: SOURCES.buildpackDepsCurl },
  { repository: 'rust', options: { flavour: [''], os: ON_DEBIAN }, tools: FULL, source: SOURCES.buildpackDepsCurl },
  { repository: 'golang', options: { os: ON_DEBIAN }, tools: FULL, source: SOURCES.buildpackDepsCurl },
  { repository: 'openjdk', options: { flavour: [''], os: ON_DEBIAN }, tools: FULL, source: SOURCES.buildpackDepsCurl },
  { repository: 'gcc', tools: FULL, source: SOURCES.buildpackDepsCurl },
  // slim keeps ca-certificates, netbase and tzdata (SLIM_KEEPS); curl and wget are purged.
  { repository: 'python', options: { flavour: ['slim'] }, tools: { caCertificates: true }, source: SOURCES.pythonSlim },
  // rust's slim keeps ca-certificates too; wget fetched rustup and was removed.
  { repository: 'rust', options: { flavour: ['slim'] }, tools: { caCertificates: true }, source: SOURCES.rustSlim },
  // ruby's slim installs ca-certificates before compiling Ruby and keeps it.
  { repository: 'ruby', options: { flavour: ['slim'] }, tools: { caCertificates: true }, source: SOURCES.rubySlim },
  { repository: 'php', options: { os: ON_DEBIAN }, tools: { curl: true, caCertificates: true }, source: SOURCES.phpCli },
  // eclipse-temurin's Ubuntu images install ca-certificates (and p11-kit) and keep it, JDK and JRE alike; curl and wget
  // only up to Java 21 (25 installs wget to download the JDK and purges it).
  { repository: 'eclipse-temurin', options: { os: ['ubuntu', 'default'] }, tools: { caCertificates: true }, source: SOURCES.temurinJre },
  // erlang's full image is on buildpack-deps, and elixir's on it; their slim images purge the curl and
  // ca-certificates that fetched the sources (Debian's none). Alpine's keep ca-certificates in .erlang-rundeps,
  // which elixir's \`apk del .build-deps\` leaves (its own ca-certificates was in that group too).
  { repository: 'erlang', options: { flavour: [''], os: ['default'] }, tools: FULL, source: SOURCES.erlang },
  { repository: 'elixir', options: { flavour: [''], os: ['default'] }, tools: FULL, source: SOURCES.elixir },
  { repository: 'erlang', options: { os: ['alpine'] }, tools: { caCertificates: true }, source: SOURCES.erlangAlpine },
  { repository: 'elixir', options: { os: ['alpine'] }, tools: { caCertificates: true }, source: SOURCES.elixirAlpine },
  // julia keeps the curl and ca-certificates its first RUN installs (Pkg downloads with curl); dart keeps them with git and unzip.
  { repository: 'julia', options: { os: ON_DEBIAN }, tools: { curl: true, caCertificates: true }, source: SOURCES.julia },
  { repository: 'dart', tools: { curl: true, caCertificates: true }, source: SOURCES.dart },
  // sbt's image installs curl (with git and rpm) on eclipse-temurin's Ubuntu JDK and keeps it; its Alpine one does not.
  { repository: 'sbtscala/scala-sbt', options: { os: ['default'] }, tools: { curl: true, caCertificates: true }, source: SOURCES.sbtDockerfile },
  // nvidia/cuda's Ubuntu images install curl and ca-certificates to fetch NVIDIA's keyring, then purge curl; on the Red Hat
  // family it fetches NVIDIA's key over https with the curl the OS image has, which nothing removes.
  ...['nvidia/cuda', 'nvcr.io/nvidia/cuda'].flatMap((repository) => [
    { repository, options: { os: ['ubuntu'] }, tools: { caCertificates: true }, source: SOURCES.nvidiaCudaBase },
    { repository, options: { os: ['ubi', 'rockylinux', 'centos'] }, tools: { curl: true, caCertificates: true }, source: SOURCES.nvidiaCudaBase },
  ]),
];

/** Alpine releases from which busybox wget fetches https out of the box (ssl_client and the CA bundle are in the image). */
const ALPINE_TLS_SINCE = [3, 8] as const;

/** What every image of a family has; Debian and Ubuntu images (minbase) have none of the three. */
function familyTools(family: DistroFamily, image: IdentifiedImage): { tools: Tools; sources: Source[] } {
  if (family === 'alpine') {
    // A version line no longer built names no release: which Alpine its last build used is not recorded.
    const release = image.release.release;
    const tls = release !== null && (release.version === 'edge' || atLeast(release.version, ALPINE_TLS_SINCE));
    if (tls) return { tools: { curl: false, wget: true, caCertificates: true }, sources: [SOURCES.alpineSslClient, SOURCES.alpineWgetTls] };
    return { tools: { ...NONE, wget: true }, sources: [SOURCES.alpineWgetTls] };
  }
  if (family === 'busybox') return { tools: { ...NONE, wget: true }, sources: [SOURCES.busyboxImage] };
  // Amazon Linux 2023 carries curl-minimal (a full curl conflicts with it) and the CA bundle dnf fetches its https repositories with.
  if (family === 'amazonlinux' && image.release.release?.version === '2023') return { tools: { curl: true, wget: false, caCertificates: true }, sources: [SOURCES.al2023CurlMinimal, SOURCES.al2023CurlConflict] };
  return { tools: NONE, sources: [] };
}

function atLeast(version: string, min: readonly [number, number]): boolean {
  const m = /^(\d+)\.(\d+)/.exec(version);
  if (m === null) return false;
  const [major, minor] = [Number(m[1]), Number(m[2])];
  return major > min[0] || (major === min[0] && minor >= min[1]);
}

function matches(image: IdentifiedImage, rule: RepositoryTools): boolean {
  if (image.repository.name !== rule.repository) return false;
  return Object.entries(rule.options ?? {}).every(([axis, ids]) => ids.includes(image.options[axis] ?? ''));
}

/**
 * The download tools an image has, from its distribution and its repository.
 * Distroless and other images without a package manager or shell have none.
 */
export function downloadToolsOf(image: IdentifiedImage): DownloadTools {
  if (image.facts.shell === null) return { ...NONE, sources: [] };
  const family = releaseFamily(image.release);
  const base = familyTools(family, image);
  let tools = base.tools;
  const sources = [...base.sources];
  for (const rule of REPOSITORY_DOWNLOAD_TOOLS) {
    if (!matches(image, rule)) continue;
    tools = { curl: tools.curl || rule.tools.curl === true, wget: tools.wget || rule.tools.wget === true, caCertificates: tools.caCertificates || rule.tools.caCertificates === true };
    sources.push(rule.source);
  }
  return { ...tools, sources };
}

/**
 * Whether an image has a CA bundle before anything is installed, so a program that verifies TLS
 * servers against the system's store (Go's crypto/x509 reads /etc/ssl/certs) can: distroless images
 * carry one (DISTROLESS_CARRIES), the others as downloadToolsOf says (Debian's slim images have none).
 */
export function hasCaCertificates(image: IdentifiedImage): boolean {
  if (image.repository.name.startsWith('distroless/')) return DISTROLESS_CARRIES.includes('ca-certificates');
  return downloadToolsOf(image).caCertificates;
}

/**
 * Installing these packages also installs the CA bundle: with apt through
 * Recommends (so not with `--no-install-recommends`), with apk as a dependency.
 */
export const INSTALL_BRINGS_CA_CERTIFICATES: Readonly<Record<'apt' | 'apk', { readonly packages: readonly string[]; readonly throughRecommends: boolean; readonly source: Source }>> = {
  apt: { packages: ['curl', 'wget'], throughRecommends: true, source: SOURCES.debianCurlWget },
  apk: { packages: ['curl'], throughRecommends: false, source: SOURCES.alpineCurl },
};
