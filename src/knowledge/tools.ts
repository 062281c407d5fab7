import type { Source } from './types.js';
import { own } from '../own.js';

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
  // g++ depends on libstdc++-N-dev, which depends on libc6-dev.
  'g++': { brings: ['gcc', 'libc6-dev'], source: APT_SHOW },
  'libpq-dev': { brings: ['libssl-dev'], source: APT_SHOW },
  // Debian 12's pkg-config is a transitional package for pkgconf; before, it gave the same command.
  'pkg-config': { brings: ['pkgconf'], source: APT_SHOW },
};

/** The packages an install of `pkg` puts on the system: itself and what it brings, transitively. */
export function aptInstalls(pkg: string): string[] {
  const out = new Set<string>();
  const visit = (p: string): void => {
    if (out.has(p)) return;
    out.add(p);
    for (const b of own(APT_BRINGS, p)?.brings ?? []) visit(b);
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
 * Options of GNU tools that busybox's applet of the same name does not have: on Alpine the command
 * fails (\`grep: unrecognized option: P\`, \`find: unrecognized: -printf\`) unless the stage installs
 * the GNU package, which replaces the applet. \`short\` are the letters of a short option (found in a
 * cluster such as \`-oP\`), \`long\` the words; \`withArgument\` the letters whose argument ends a cluster.
 */
export const BUSYBOX_LACKS_OPTIONS: Readonly<Record<string, { readonly short: string; readonly withArgument: string; readonly long: readonly string[]; readonly what: string; readonly apk: string; readonly source: Source }>> = {
  grep: {
    short: 'P',
    withArgument: 'efmABCdD',
    long: ['--perl-regexp'],
    what: 'Perl regular expressions',
    apk: 'grep',
    source: at('https://git.busybox.net/busybox/tree/findutils/grep.c', 'busybox grep: -HhnlLoqvsrRiwFExzm ABC e f, no -P'),
  },
  find: {
    short: '',
    withArgument: '',
    long: ['-printf', '-fprintf'],
    what: 'its output formats',
    apk: 'findutils',
    source: at('https://git.busybox.net/busybox/tree/findutils/find.c', 'busybox find prints with -print and -print0 only: no -printf or -fprintf'),
  },
};

/**
 * Toolchain images whose Alpine variant has gcc but not the C library's start files and headers
 * (musl-dev, which Alpine's gcc does not depend on), so linking fails (\`cannot find crti.o\`):
 * a Rust build links every binary and proc-macro with gcc. The variants built from \`carriedFrom\`
 * on (and the floating tags, which follow them) install musl-dev.
 */
export const ALPINE_LINKER_LACKS: Readonly<Record<string, { readonly programs: readonly string[]; readonly apk: string; readonly carriedFrom: string; readonly source: Source }>> = {
  rust: {
    programs: ['cargo', 'rustc'],
    apk: 'musl-dev',
    carriedFrom: '1.92',
    source: at('https://github.com/docker-library/official-images/pull/20402', 'rust: Add musl-dev to alpine images, merged 2025-12-03 (rust-lang/docker-rust#259; before it, #68 and #94: the Alpine images install only ca-certificates and gcc)'),
  },
};

/**
 * Commands every Debian or Ubuntu based image has (from the distribution's
 * essential and base packages) that an Alpine image lacks, with the apk package
 * that brings each back. `useradd`/`groupadd` are translated, not installed.
 */
export const ALPINE_LACKS: Readonly<Record<string, { readonly apk: string; readonly source: Source }>> = {
  bash: { apk: 'bash', source: at('https://github.com/alpinelinux/docker-alpine/blob/master/x86_64/Dockerfile', 'the image is the minirootfs: busybox ash as /bin/sh, no bash') },
};

/**
 * The time zone database (tzdata, /usr/share/zoneinfo), which Alpine's base lacks: musl reads a zone
 * named by TZ (\`TZ=Europe/Berlin\`) or linked from /etc/localtime there, and without it keeps UTC
 * with no error; a link made to a zone file there points at nothing, and a copy of one fails.
 * Some official Alpine images install it themselves (\`installedBy\`, by repository).
 */
export const ALPINE_TZDATA: { readonly apk: string; readonly folder: string; readonly installedBy: ReadonlySet<string>; readonly sources: readonly Source[] } = {
  apk: 'tzdata',
  folder: '/usr/share/zoneinfo',
  installedBy: new Set(['python', 'nginx', 'eclipse-temurin']),
  sources: [
    at('https://github.com/alpinelinux/docker-alpine/blob/master/x86_64/Dockerfile', 'the image is the minirootfs, which has no tzdata; gliderlabs/docker-alpine#113: TZ takes effect once tzdata is installed'),
    at('https://github.com/docker-library/python/blob/master/3.13/alpine3.23/Dockerfile', '`apk add --no-cache ca-certificates tzdata`'),
    at('https://github.com/nginx/docker-nginx/blob/master/mainline/alpine-slim/Dockerfile', '"Bring in tzdata so users could set the timezones through the environment variables"'),
    at('https://github.com/adoptium/containers/blob/main/21/jre/alpine/3.24/Dockerfile', 'installs tzdata beside fontconfig and musl-locales'),
    at('https://github.com/nodejs/docker-node/blob/main/22/alpine3.23/Dockerfile', 'installs only libstdc++ (no tzdata); so do ruby, golang, rust, php, httpd and .NET\'s runtime-deps'),
  ],
};

/**
 * Accounts every Debian or Ubuntu based image has (base-passwd's fixed users) that Alpine's
 * alpine-baselayout does not make: a `COPY --chown`, `chown` or USER naming one fails there
 * (`unable to find user www-data`). Alpine has a www-data group (gid 82), not the user.
 */
export const DEBIAN_ONLY_USERS: {
  readonly names: ReadonlySet<string>;
  /** Official images whose Alpine variants make the user themselves, by user. */
  readonly madeOnAlpineBy: Readonly<Record<string, ReadonlySet<string>>>;
  readonly sources: readonly Source[];
} = {
  names: new Set(['sys', 'proxy', 'www-data', 'backup', 'list', 'irc', 'gnats', '_apt']),
  madeOnAlpineBy: { 'www-data': new Set(['php', 'httpd']) },
  sources: [
    at('https://gitlab.alpinelinux.org/alpine/aports/-/blob/master/main/alpine-baselayout/passwd', 'against base-passwd\'s passwd.master (Debian): root, bin, daemon, lp, sync, mail, news, uucp, games and nobody are in both'),
    at('https://github.com/docker-library/php/blob/master/8.4/alpine3.22/cli/Dockerfile', '`adduser -u 82 -D -S -G www-data www-data`; httpd\'s Alpine Dockerfile makes it the same way'),
  ],
};

/**
 * Groups every Debian or Ubuntu based image has (base-passwd's fixed groups) that Alpine's
 * alpine-baselayout does not make: a `COPY --chown`, `chown`, `chgrp` or USER naming one fails
 * there (`invalid group`). Alpine's own are wheel, cron, ftp, sshd, input, netdev, kvm, ntp, ping…
 */
export const DEBIAN_ONLY_GROUPS: { readonly names: ReadonlySet<string>; readonly sources: readonly Source[] } = {
  names: new Set(['man', 'proxy', 'fax', 'voice', 'sudo', 'dip', 'backup', 'operator', 'list', 'irc', 'src', 'gnats', 'sasl', 'plugdev', 'staff']),
  sources: [
    at('https://gitlab.alpinelinux.org/alpine/aports/-/blob/master/main/alpine-baselayout/group', "against base-passwd's group.master (Debian): root, daemon, bin, sys, adm, tty, disk, lp, mail, news, uucp, kmem, dialout, cdrom, floppy, tape, audio, www-data, shadow, utmp, video, games, users and nogroup are in both"),
  ],
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
 * Prebuilt programs known to need no C library: Go programs their projects build without cgo.
 * A download that matches none of these, and whose name does not say musl, Alpine or static,
 * may be linked against glibc.
 */
export const STATIC_DOWNLOADS: readonly { readonly pattern: RegExp; readonly what: string; readonly source: Source }[] = [
  { pattern: /\/go\d+(?:\.\d+)*\.linux-\w+\.tar\.gz$/, what: 'the Go toolchain, statically linked', source: at('https://go.dev/doc/install/source', 'the release binaries are built with cgo off for the go command and its tools') },
  { pattern: /github\.com\/tianon\/gosu\/releases\//, what: 'gosu, a Go program built without cgo', source: at('https://github.com/tianon/gosu/blob/master/Dockerfile', 'CGO_ENABLED=0 in the release build') },
  { pattern: /github\.com\/mikefarah\/yq\/releases\//, what: 'yq, a Go program built without cgo', source: at('https://github.com/mikefarah/yq/blob/master/scripts/xcompile.sh', 'CGO_ENABLED=0 gox … -output=build/yq_{{.OS}}_{{.Arch}}') },
  { pattern: /(?:dl\.k8s\.io|storage\.googleapis\.com\/kubernetes-release)\/.*\/kubectl$/, what: 'kubectl, a Go program built without cgo', source: at('https://github.com/kubernetes/kubernetes/blob/master/hack/lib/golang.sh', 'client binaries are built with CGO_ENABLED=0') },
  { pattern: /get\.helm\.sh\/helm-v[\d.]+-linux-/, what: 'Helm, a Go program built without cgo', source: at('https://github.com/helm/helm/blob/main/Makefile', 'CGO_ENABLED ?= 0') },
  { pattern: /releases\.hashicorp\.com\//, what: 'a HashiCorp release, a Go program built without cgo', source: at('https://releases.hashicorp.com/', 'linux builds are static Go binaries') },
  { pattern: /github\.com\/Yelp\/dumb-init\/releases\//, what: 'dumb-init, released statically linked', source: at('https://github.com/Yelp/dumb-init#option-3-downloading-the-binary-directly', 'the release binaries are statically linked') },
  { pattern: /github\.com\/(?:stedolan|jqlang)\/jq\/releases\//, what: 'jq, released statically linked', source: at('https://github.com/jqlang/jq/releases', 'the linux release binaries are built statically') },
  { pattern: /github\.com\/docker\/compose\/releases\/download\/v2\./, what: 'Docker Compose v2, a Go program built without cgo', source: at('https://github.com/docker/compose/blob/main/Dockerfile', 'CGO_ENABLED=0 in the release build (v1 was a glibc PyInstaller bundle, not listed)') },
  { pattern: /github\.com\/hadolint\/hadolint\/releases\//, what: 'hadolint, released statically linked', source: at('https://github.com/hadolint/hadolint/releases', 'the Linux release binaries are static executables') },
];

/**
 * Files of images that run on musl whatever the image is built on: copied out of it
 * (`COPY --from=ghcr.io/astral-sh/uv:0.5 /uv /uvx /bin/`), they need no glibc. `repositories` are
 * canonical names (`library/composer` for Docker Hub's official images) of the same image.
 */
export const IMAGE_FILES: readonly { readonly repositories: readonly string[]; readonly paths: readonly string[]; readonly kind: 'musl-or-static' | 'not-native'; readonly what: string; readonly source: Source }[] = [
  {
    // Published to GHCR and, the same index, to Docker Hub (.github/workflows/publish-docker-image.yml: UV_DOCKERHUB_IMAGE).
    repositories: ['ghcr.io/astral-sh/uv', 'astral/uv'], paths: ['/uv', '/uvx', '/usr/local/bin/uv', '/usr/local/bin/uvx'], kind: 'musl-or-static',
    what: 'uv, built for a musl target as a static binary',
    source: at('https://github.com/astral-sh/uv/blob/main/Dockerfile', 'rustup target add x86_64-unknown-linux-musl "to build uv as static binary", copied into FROM scratch'),
  },
  {
    repositories: ['library/composer'], paths: ['/usr/bin/composer'], kind: 'not-native',
    what: 'the Composer phar, which PHP runs',
    source: at('https://github.com/composer/docker/blob/main/latest/Dockerfile', 'FROM php:8-alpine; php installer.php --install-dir=/usr/bin --filename=composer'),
  },
];

/** What a downloaded file is, for a stage that moves to musl. */
export type DownloadLibc =
  | { readonly kind: 'glibc'; readonly what: string }
  /** Needs no glibc: named for musl, Alpine or static linking, or a known static program. */
  | { readonly kind: 'musl-or-static'; readonly what: string }
  /** Holds no native code: a script, a Java or Python archive, text, keys, data. */
  | { readonly kind: 'not-native'; readonly what: string }
  /** An archive (tar, zip): programs or sources, which the caller may tell from what the stage does with it. */
  | { readonly kind: 'archive'; readonly what: string }
  /** A program or installer of unknown C library. */
  | { readonly kind: 'program'; readonly what: string };

const ARCHIVE = /\.(?:tar|tar\.gz|tgz|tar\.xz|txz|tar\.bz2|tbz2?|tar\.zst|tzst|zip|7z|gz|xz|bz2|zst)$/i;
/** Files that are programs or installers, whatever else they are called. */
const PROGRAM = /\.(?:bin|run|appimage|exe|so(?:\.\d+)*|elf)$/i;
/** Source archives: GitHub's generated tarballs, and names that say so. */
const SOURCE_ARCHIVE = /\/archive\/|\/tarball\/|\/zipball\/|[-_.](?:src|source|sources)[-_.]/i;

/**
 * What a download holds, from its URL and the file name it is saved as (either may be null
 * when a variable names it). The name decides: a recognised extension says what it is,
 * no extension (or a version number as one) says a program.
 */
export function downloadLibc(url: string | null, saved: string | null): DownloadLibc {
  const glibc = url === null ? null : glibcArtefact(url);
  if (glibc !== null) return { kind: 'glibc', what: glibc.what };
  const urlPath = url === null ? null : url.replace(/^[a-z]+:\/\/[^/]*/i, '').replace(/[?#].*$/, '');
  const names = [saved, urlPath].filter((n): n is string => n !== null && n !== '').map((n) => n.slice(n.lastIndexOf('/') + 1));
  if ([urlPath, ...names].some((n) => n !== null && /musl|alpine|static/i.test(n))) return { kind: 'musl-or-static', what: 'a build named for musl, Alpine or static linking' };
  const known = url === null ? undefined : STATIC_DOWNLOADS.find((d) => d.pattern.test(url));
  if (known !== undefined) return { kind: 'musl-or-static', what: known.what };
  if (names.some((n) => n.endsWith('.apk'))) return { kind: 'musl-or-static', what: 'an Alpine package' };
  for (const name of names) {
    if (ARCHIVE.test(name)) return { kind: 'archive', what: urlPath !== null && SOURCE_ARCHIVE.test(urlPath) ? 'a source archive' : 'an archive of prebuilt files' };
    if (PROGRAM.test(name)) return { kind: 'program', what: 'a prebuilt program or installer' };
    // Any other extension (.sh, .py, .jar, .json, .pem, .phar…): not a native program.
    const ext = /\.([A-Za-z][A-Za-z0-9]*)$/.exec(name)?.[1];
    if (ext !== undefined) return { kind: 'not-native', what: `a .${ext} file` };
  }
  return { kind: 'program', what: 'a prebuilt program' };
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

/**
 * Programs of a language image's full variant that its slim sibling leaves out besides Debian packages (the
 * toolchain itself, a build tool the full image alone installs), with what the slim image lacks in a
 * reason's words: a stage that runs one is refused (slim-base's \`missing-tools\`).
 */
export const SLIM_LACKS_PROGRAMS: Readonly<Record<string, { readonly programs: Readonly<Record<string, string>>; readonly lacks: string; readonly keepsLibraryOf?: readonly string[]; readonly source: Source }>> = {
  swift: {
    programs: Object.fromEntries(
      ['swift', 'swiftc', 'swift-build', 'swift-test', 'swift-run', 'swift-package', 'swift-frontend', 'swift-driver', 'sourcekit-lsp', 'clang', 'clang++', 'lldb', 'lld', 'ld.lld'].map((p) => [p, `the Swift toolchain's ${p}`]),
    ),
    lacks: 'the Swift toolchain (swift, swiftc, clang, lldb: only its runtime libraries), git, binutils and the -dev headers',
    // -dev packages of the full images whose library slim has (libcurl4, libxml2; zlib1g, libuuid1 and libc6 are in every
    // Debian and Ubuntu): what a program built there links through them still loads. Not libpython3-dev, libz3-dev, libicu-dev…
    keepsLibraryOf: ['libcurl4-openssl-dev', 'libxml2-dev', 'zlib1g-dev', 'uuid-dev', 'libc6-dev'],
    source: at(
      'https://github.com/swiftlang/swift-docker/blob/902c2a9efe9762ca3fd477d0ebc14b26d96bc6c4/6.2/ubuntu/24.04/slim/Dockerfile',
      'slim unpacks only usr/lib/swift/linux and usr/libexec/swift/linux of the toolchain, and installs libcurl4, libxml2 and tzdata',
    ),
  },
  erlang: {
    programs: { rebar: 'rebar (rebar 2), which only the full image installs' },
    lacks: 'compilers, make, git, curl, -dev headers and rebar (rebar 2; it keeps rebar3)',
    source: at('https://github.com/erlang/docker-erlang-otp/blob/023b069bdcc139d8b85bead3e93a73b01192a12d/28/slim/Dockerfile', 'slim installs rebar3 only; the full image adds rebar 2.6.4 in its own RUN'),
  },
  elixir: {
    programs: { rebar: 'rebar (rebar 2), which only the full image (erlang:<otp>) installs' },
    lacks: 'compilers, make, git, curl, ca-certificates, -dev headers and rebar (rebar 2; it keeps rebar3)',
    source: at('https://github.com/erlef/docker-elixir/blob/6113c3ed97ed23a71c6a57f61dc9ffce5d1ce82d/1.19/slim/Dockerfile', 'FROM erlang:<otp>-slim; installs ca-certificates, curl and make to build Elixir, then purges them'),
  },
};

