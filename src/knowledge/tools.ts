import type { Source } from './types.js';

/**
 * What a package install brings besides the package itself, and which commands
 * an image provides without a package: the facts an analysis needs to tell
 * whether a command a RUN runs will be found after a base-image switch.
 */

const CHECKED = '2026-12-02';
const at = (url: string, note: string): Source => ({ url, checked: CHECKED, note });

const APT_SHOW = at('https://packages.debian.org/bookworm/', '`apt-cache show` on Debian 12: the Depends line of each package');

/**
 * Debian packages that bring others by hard dependency (Depends, not Recommends),
 * so `apt-get install build-essential` also installs gcc, g++ and make.
 */
export const APT_BRINGS: Readonly<Record<string, { readonly brings: readonly string[]; readonly source: Source }>> = {
  'build-essential': { brings: ['libc6-dev', 'gcc', 'g++', 'make', 'dpkg-dev'], source: APT_SHOW },
  'g++': { brings: ['gcc'], source: APT_SHOW },
  'libpq-dev': { brings: ['libssl-dev'], source: APT_SHOW },
};

/** The packages an install of `pkg` puts on the system: itself and what it brings, transitively. */
export function aptInstalls(pkg: string): string[] {
  const out = new Set<string>();
  const visit = (p: string): void => {
    if (out.has(p)) return;
    out.add(p);
    for (const b of (Object.hasOwn(APT_BRINGS, p) ? APT_BRINGS[p]!.brings : [])) visit(b);
  };
  visit(pkg);
  return [...out];
}

/**
 * Commands Alpine images have as busybox applets, among those the full Debian
 * images install as packages (buildpack-deps): a RUN that calls them keeps
 * working on the Alpine variant. Only the applets the analysis asks about.
 */
export const BUSYBOX_APPLETS: ReadonlySet<string> = new Set([
  'wget', 'unzip', 'xz', 'unxz', 'xzcat', 'bzip2', 'bunzip2', 'bzcat', 'patch', 'ps', 'top', 'free', 'watch', 'uptime',
  'adduser', 'addgroup', 'hostname', 'tar', 'gzip', 'gunzip', 'sed', 'awk', 'grep', 'find', 'xargs', 'sh', 'ash',
]);

export const BUSYBOX_SOURCE: Source = at(
  'https://gitlab.alpinelinux.org/alpine/aports/-/blob/master/main/busybox/busyboxconfig',
  'Alpine enables these applets (adduser/addgroup: CONFIG_ADDUSER, CONFIG_ADDGROUP); the archive and download applets also checked with `busybox --list`',
);

/**
 * Commands every Debian or Ubuntu based image has (from the distribution's
 * essential and base packages) that an Alpine image lacks, with the apk package
 * that brings each back. `useradd`/`groupadd` are translated, not installed.
 */
export const ALPINE_LACKS: Readonly<Record<string, { readonly apk: string; readonly source: Source }>> = {
  bash: { apk: 'bash', source: at('https://github.com/alpinelinux/docker-alpine/blob/master/x86_64/Dockerfile', 'the image is the minirootfs: busybox ash as /bin/sh, no bash') },
};

/**
 * Downloads of prebuilt programs linked against glibc: they do not run on musl.
 * Go's `linux-amd64` tarballs are static and not listed.
 */
export const GLIBC_ARTEFACTS: readonly { readonly pattern: RegExp; readonly what: string; readonly source: Source }[] = [
  { pattern: /linux-gnu/, what: 'a build for the GNU C library (`*-linux-gnu`)', source: at('https://doc.rust-lang.org/rustc/platform-support.html', 'target triples: `*-linux-gnu` links glibc, `*-linux-musl` musl') },
  {
    pattern: /-linux-(?:x64|arm64|armv7l|ppc64le|s390x)(?!-musl)\b/,
    what: 'a Node.js release tarball (`node-v*-linux-x64`), built for glibc',
    source: at('https://nodejs.org/dist/latest/', 'official linux builds link glibc; musl builds are `linux-x64-musl` on unofficial-builds.nodejs.org'),
  },
  {
    pattern: /(?:x64|aarch64)_linux_hotspot/,
    what: 'an Eclipse Temurin JDK/JRE tarball for glibc Linux (`*_x64_linux_hotspot_*`)',
    source: at('https://adoptium.net/installation/linux/', 'Temurin builds for musl are named `x64_alpine-linux`'),
  },
];

/** The glibc artefact a URL downloads, or null. */
export function glibcArtefact(url: string): (typeof GLIBC_ARTEFACTS)[number] | null {
  if (/musl|alpine/i.test(url)) return null;
  return GLIBC_ARTEFACTS.find((a) => a.pattern.test(url)) ?? null;
}

/**
 * Slim siblings whose difference from the full image is not a list of commands
 * and packages the analysis can check: a switch is refused with this reason.
 */
export const SLIM_UNCHECKED: Readonly<Record<string, { readonly lacks: string; readonly source: Source }>> = {
  nginx: {
    lacks: 'curl, ca-certificates and the njs, xslt, geoip and image-filter modules (a configuration that loads one fails)',
    source: at('https://github.com/nginxinc/docker-nginx/blob/b430becb8f0f6b8d69e68cc73a82ea2873c38639/mainline/alpine/Dockerfile', 'alpine = alpine-slim + the four modules + curl and ca-certificates'),
  },
};
