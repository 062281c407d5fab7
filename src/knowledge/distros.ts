import { officialLibrary, SOURCES } from './sources.js';
import { own } from '../own.js';
import type { DistroFamily, DistroRelease, FactsPatch, Source } from './types.js';

/** Debian releases by codename; `sid` is unstable and never ends. */
export const DEBIAN_RELEASES = {
  wheezy: '7',
  jessie: '8',
  stretch: '9',
  buster: '10',
  bullseye: '11',
  bookworm: '12',
  trixie: '13',
  forky: '14',
  sid: 'unstable',
} as const;

/**
 * Install helpers that Debian-based images put on the PATH, which run \`apt-get update\`, install and then remove apt's
 * lists themselves: Kubernetes' debian-base (registry.k8s.io/build-image/debian-base, its clean-install script) and
 * Bitnami's minideb (install_packages). Lists an earlier \`apt update\` of the RUN filled are gone after them.
 */
export const APT_LIST_CLEANING_HELPERS: ReadonlySet<string> = new Set(['clean-install', 'install_packages']);

/** Debian releases still supported (regular or LTS) on 2026-12-02: bullseye's LTS ended on 2026-08-31. */
const DEBIAN_SUPPORTED = new Set(['bookworm', 'trixie', 'forky', 'sid']);

/** Ubuntu releases by codename. */
export const UBUNTU_RELEASES = {
  precise: '12.04',
  trusty: '14.04',
  vivid: '15.04',
  wily: '15.10',
  xenial: '16.04',
  yakkety: '16.10',
  zesty: '17.04',
  artful: '17.10',
  bionic: '18.04',
  cosmic: '18.10',
  disco: '19.04',
  eoan: '19.10',
  focal: '20.04',
  groovy: '20.10',
  hirsute: '21.04',
  impish: '21.10',
  jammy: '22.04',
  kinetic: '22.10',
  lunar: '23.04',
  mantic: '23.10',
  noble: '24.04',
  oracular: '24.10',
  plucky: '25.04',
  questing: '25.10',
  resolute: '26.04',
  stonking: '26.10',
} as const;

const UBUNTU_SUPPORTED = new Set(['jammy', 'noble', 'resolute', 'stonking']);

/** Alpine branches from this one on are supported (each lives two years). */
const ALPINE_OLDEST_SUPPORTED = [3, 21] as const;

export type DebianCodename = keyof typeof DEBIAN_RELEASES;
export type UbuntuCodename = keyof typeof UBUNTU_RELEASES;

export const DEBIAN_CODENAMES = Object.keys(DEBIAN_RELEASES) as DebianCodename[];
export const UBUNTU_CODENAMES = Object.keys(UBUNTU_RELEASES) as UbuntuCodename[];

/** Regex sources for the codenames, for tag grammars. */
export const DEBIAN_PATTERN = `(?:${DEBIAN_CODENAMES.join('|')})`;
export const UBUNTU_PATTERN = `(?:${UBUNTU_CODENAMES.join('|')})`;

/** Releases of the other families, by the name their tags use. */
const OTHER_RELEASES: Readonly<Record<string, { family: DistroFamily; version: string; endOfLife: boolean }>> = {
  '2': { family: 'amazonlinux', version: '2', endOfLife: false },
  '2023': { family: 'amazonlinux', version: '2023', endOfLife: false },
  'ubi9-minimal': { family: 'ubi', version: '9', endOfLife: false },
  'ubi10-minimal': { family: 'ubi', version: '10', endOfLife: false },
  ubi8: { family: 'ubi', version: '8', endOfLife: false },
  ubi9: { family: 'ubi', version: '9', endOfLife: false },
  ubi10: { family: 'ubi', version: '10', endOfLife: false },
  oraclelinux9: { family: 'oraclelinux', version: '9', endOfLife: false },
  oraclelinux10: { family: 'oraclelinux', version: '10', endOfLife: false },
  oraclelinux8: { family: 'oraclelinux', version: '8', endOfLife: false },
  oraclelinux7: { family: 'oraclelinux', version: '7', endOfLife: true },
  centos7: { family: 'centos', version: '7', endOfLife: true },
  centos8: { family: 'centos', version: '8', endOfLife: true },
  rockylinux8: { family: 'rockylinux', version: '8', endOfLife: false },
  rockylinux9: { family: 'rockylinux', version: '9', endOfLife: false },
  rockylinux10: { family: 'rockylinux', version: '10', endOfLife: false },
  almalinux8: { family: 'almalinux', version: '8', endOfLife: false },
  almalinux9: { family: 'almalinux', version: '9', endOfLife: false },
  almalinux10: { family: 'almalinux', version: '10', endOfLife: false },
  'azurelinux3.0': { family: 'azurelinux', version: '3.0', endOfLife: false },
  'cbl-mariner2.0': { family: 'cbl-mariner', version: '2.0', endOfLife: true },
};

/**
 * Debian releases whose packages have left deb.debian.org for archive.debian.org (buster in July
 * 2025, https://github.com/debuerreotype/docker-debian-artifacts/issues/245): their images' apt
 * sources answer 404, so `apt-get update` fails there.
 */
const DEBIAN_ARCHIVED = new Set(['wheezy', 'jessie', 'stretch', 'buster']);

/**
 * Whether the release's packages have left the repositories its images name, so that their package
 * manager can install nothing: an archived Debian release, or an Ubuntu release past its end that is
 * not an LTS (those move to old-releases.ubuntu.com; an LTS stays on archive.ubuntu.com), or a CentOS
 * Linux release, whose packages moved to vault.centos.org while its images still name mirrorlist.centos.org.
 */
export function packagesArchived(release: DistroRelease): boolean {
  if (release.family === 'centos') return true;
  if (release.family === 'debian') return DEBIAN_ARCHIVED.has(release.name);
  if (release.family === 'ubuntu') return release.endOfLife && !/^\d*[02468]\.04$/.test(release.version);
  return false;
}

/** The release a family calls `name`, or null when the base does not know it. */
export function distroRelease(family: DistroFamily, name: string): DistroRelease | null {
  switch (family) {
    case 'debian': {
      const version = (DEBIAN_RELEASES as Record<string, string>)[name];
      return version === undefined ? null : { family, name, version, endOfLife: !DEBIAN_SUPPORTED.has(name) };
    }
    case 'ubuntu': {
      const version = (UBUNTU_RELEASES as Record<string, string>)[name];
      return version === undefined ? null : { family, name, version, endOfLife: !UBUNTU_SUPPORTED.has(name) };
    }
    case 'alpine': {
      const m = /^3\.(\d+)$/.exec(name);
      if (m === null) return name === 'edge' ? { family, name, version: 'edge', endOfLife: false } : null;
      const minor = Number(m[1]);
      return { family, name, version: name, endOfLife: minor < ALPINE_OLDEST_SUPPORTED[1] };
    }
    default: {
      const other = own(OTHER_RELEASES, name);
      return other !== undefined && other.family === family ? { family, name, version: other.version, endOfLife: other.endOfLife } : null;
    }
  }
}

/** Debian's number for a codename (`bookworm` → `12`), or null for sid and unknown names. */
export function debianNumber(codename: string): string | null {
  const v = (DEBIAN_RELEASES as Record<string, string>)[codename];
  return v === undefined || v === 'unstable' ? null : v;
}

/** The codename of an Ubuntu version (`22.04` → `jammy`). */
export function ubuntuCodename(version: string): UbuntuCodename | null {
  return UBUNTU_CODENAMES.find((c) => UBUNTU_RELEASES[c] === version) ?? null;
}

/** The codename of a Debian number (`12` → `bookworm`). */
export function debianCodename(version: string): DebianCodename | null {
  const hit = DEBIAN_CODENAMES.find((c) => DEBIAN_RELEASES[c] === version);
  return hit ?? null;
}

/**
 * The first release of each family whose package named yum is dnf's (its /usr/bin/yum runs dnf): RHEL 8 with UBI, its
 * rebuilds and CentOS 8, Fedora 31 (dnf-yum before), Amazon Linux 2023. An image with microdnf alone has no yum until a
 * RUN installs that package (\`microdnf install yum\`), and then its yum is dnf.
 */
export const YUM_IS_DNF: { readonly from: Readonly<Partial<Record<DistroFamily, number>>>; readonly source: Source } = {
  from: { ubi: 8, oraclelinux: 8, rockylinux: 8, almalinux: 8, centos: 8, fedora: 31, amazonlinux: 2023 },
  source: SOURCES.dnfYum,
};

/** Whether the release's package named yum is dnf's (\`YUM_IS_DNF\`). */
export function yumIsDnfIn(release: DistroRelease): boolean {
  const first = YUM_IS_DNF.from[release.family];
  return first !== undefined && Number(release.version) >= first;
}

/** Each family as its distribution calls itself, for messages: `UBI 8`, `Oracle Linux 9`. */
export const FAMILY_LABELS: Readonly<Record<DistroFamily, string>> = {
  debian: 'Debian',
  ubuntu: 'Ubuntu',
  alpine: 'Alpine',
  busybox: 'BusyBox',
  amazonlinux: 'Amazon Linux',
  ubi: 'UBI',
  fedora: 'Fedora',
  opensuse: 'openSUSE',
  oraclelinux: 'Oracle Linux',
  centos: 'CentOS',
  rockylinux: 'Rocky Linux',
  almalinux: 'AlmaLinux',
  azurelinux: 'Azure Linux',
  'cbl-mariner': 'CBL-Mariner',
};

/**
 * The groups the \`nobody\` account can run with by name (\`USER nobody:nogroup\`), per family, from
 * each /etc/group: Debian and Ubuntu call gid 65534 nogroup and have no nobody group (base-passwd's
 * group.master); Alpine has nobody (65534) and nogroup (65533) (aports main/alpine-baselayout/group);
 * distroless has nobody and no nogroup (GoogleContainerTools/distroless base/testdata/base.yaml).
 */
export const NOBODY_GROUPS: Readonly<Partial<Record<DistroFamily | 'distroless', readonly string[]>>> = {
  debian: ['nogroup'],
  ubuntu: ['nogroup'],
  alpine: ['nobody', 'nogroup'],
  distroless: ['nobody'],
};

/** An account whose uid and gid a family fixes: the same on every image of it. */
export interface FixedAccount {
  readonly uid: number;
  readonly gid: number;
}

/**
 * Accounts whose numbers a family fixes, by name: base-passwd's static users on Debian and Ubuntu
 * (passwd.master; uids 0-99 are allocated globally, Debian Policy 9.2.2), and Alpine's nobody
 * (aports main/alpine-baselayout/passwd). A stage that gives its files to one of them (\`COPY
 * --chown=www-data\`) can run as its number, which Kubernetes' runAsNonRoot can verify. Accounts a
 * package makes (nginx, unit, postgres) get a uid picked at install time, and are not here.
 */
export const FIXED_ACCOUNTS: Readonly<Partial<Record<DistroFamily, Readonly<Record<string, FixedAccount>>>>> = {
  debian: { daemon: { uid: 1, gid: 1 }, bin: { uid: 2, gid: 2 }, sys: { uid: 3, gid: 3 }, proxy: { uid: 13, gid: 13 }, 'www-data': { uid: 33, gid: 33 }, backup: { uid: 34, gid: 34 }, nobody: { uid: 65534, gid: 65534 } },
  ubuntu: { daemon: { uid: 1, gid: 1 }, bin: { uid: 2, gid: 2 }, sys: { uid: 3, gid: 3 }, proxy: { uid: 13, gid: 13 }, 'www-data': { uid: 33, gid: 33 }, backup: { uid: 34, gid: 34 }, nobody: { uid: 65534, gid: 65534 } },
  alpine: { nobody: { uid: 65534, gid: 65534 } },
};

/** What every image of a family has unless its repository or variant says otherwise. */
export interface FamilyFacts {
  readonly facts: FactsPatch;
  readonly source: Source;
}

const ROOT = { name: 'root', uid: 0 } as const;

export const FAMILY_FACTS: Readonly<Record<DistroFamily, FamilyFacts>> = {
  debian: {
    facts: { libc: 'glibc', packageManager: 'apt', shell: '/bin/sh', bash: true, userTools: 'shadow', user: ROOT },
    source: SOURCES.debianMinbase,
  },
  ubuntu: {
    facts: {
      libc: 'glibc', packageManager: 'apt', shell: '/bin/sh', bash: true, userTools: 'shadow', user: ROOT,
      notes: ['Ubuntu 23.04 and later images also carry a user `ubuntu` (uid 1000)'],
    },
    source: officialLibrary('ubuntu'),
  },
  alpine: {
    facts: { libc: 'musl', packageManager: 'apk', shell: '/bin/sh', bash: false, userTools: 'busybox', user: ROOT },
    source: SOURCES.nodeAlpine,
  },
  busybox: {
    facts: { libc: 'glibc', packageManager: 'none', shell: '/bin/sh', bash: false, userTools: 'busybox', user: ROOT },
    source: officialLibrary('busybox'),
  },
  amazonlinux: {
    facts: {
      libc: 'glibc', packageManager: 'dnf', shell: '/bin/sh', bash: true, userTools: 'none', user: ROOT,
      notes: ['the amazonlinux images have no useradd (shadow-utils): install it with yum or dnf before creating a user'],
    },
    source: SOURCES.amazonlinuxShadow,
  },
  ubi: {
    facts: {
      libc: 'glibc', packageManager: 'microdnf', shell: '/bin/sh', bash: true, userTools: 'none', user: ROOT,
      notes: ['ubi-minimal has no useradd: install shadow-utils with microdnf first'],
    },
    source: SOURCES.ubiMinimalShadow,
  },
  fedora: {
    facts: {
      libc: 'glibc', packageManager: 'dnf', shell: '/bin/sh', bash: true, userTools: 'none', user: ROOT, cmd: ['/bin/bash'],
      notes: ['the container base kickstart does not list shadow-utils: install it with dnf before creating a user'],
    },
    source: SOURCES.fedoraKickstart,
  },
  opensuse: {
    facts: {
      libc: 'glibc', packageManager: 'zypper', shell: '/bin/sh', bash: true, userTools: 'none', user: ROOT,
      notes: ['useradd and groupadd come with the shadow package, which the image lacks: install it with zypper first'],
    },
    source: SOURCES.opensuseShadow,
  },
  oraclelinux: {
    facts: {
      libc: 'glibc', packageManager: 'microdnf', shell: '/bin/sh', bash: true, userTools: 'none', user: ROOT,
      notes: ['oraclelinux slim images have no useradd: install shadow-utils with microdnf first'],
    },
    source: officialLibrary('openjdk'),
  },
  centos: {
    facts: {
      libc: 'glibc', packageManager: 'yum', shell: '/bin/sh', bash: true, userTools: 'shadow', user: ROOT, cmd: ['/bin/bash'],
      notes: ['CentOS Linux has ended: its packages are on vault.centos.org, which the image\'s repositories do not name, so yum installs nothing'],
    },
    source: SOURCES.centos7Kickstart,
  },
  rockylinux: {
    facts: {
      libc: 'glibc', packageManager: 'dnf', shell: '/bin/sh', bash: true, userTools: 'none', user: ROOT, cmd: ['/bin/bash'],
      notes: ['the container kickstart does not list shadow-utils: install it before creating a user'],
    },
    source: SOURCES.rockyContainerBase,
  },
  almalinux: {
    facts: {
      libc: 'glibc', packageManager: 'dnf', shell: '/bin/sh', bash: true, userTools: 'none', user: ROOT, cmd: ['/bin/bash'],
      notes: ['the image\'s Dockerfile does not install shadow-utils: install it before creating a user'],
    },
    source: SOURCES.almalinuxDefault,
  },
  azurelinux: {
    facts: {
      libc: 'glibc', packageManager: 'tdnf', shell: '/bin/sh', bash: true, userTools: 'none', user: ROOT,
      notes: ['the .NET images remove shadow-utils after creating `app`: install it with tdnf before creating a user'],
    },
    source: SOURCES.dotnetAzureLinux,
  },
  'cbl-mariner': {
    facts: {
      libc: 'glibc', packageManager: 'tdnf', shell: '/bin/sh', bash: true, userTools: 'none', user: ROOT,
      notes: ['install shadow-utils with tdnf before creating a user'],
    },
    source: SOURCES.dotnetAzureLinux,
  },
};

/**
 * Images of Red Hat's family by repository path (`centos`, `library/fedora`, `rockylinux/rockylinux`,
 * `ubi9/ubi-minimal`, `redhat/ubi8`), for those the knowledge base does not identify by release.
 */
const RED_HAT_PATH = /(?:^|\/)(?:centos|fedora|rockylinux|almalinux|amazonlinux|oraclelinux)$|(?:^|\/)ubi\d+(?:\/|$)|(?:^|\/)ubi\d*(?:-minimal|-micro|-init)?$/;

/** Red Hat's family among the releases the knowledge base identifies (`amazoncorretto`, `openjdk:…-oracle`, `eclipse-temurin:…-ubi9-minimal`). */
const RED_HAT_FAMILIES: ReadonlySet<DistroFamily> = new Set(['fedora', 'ubi', 'amazonlinux', 'oraclelinux', 'centos', 'rockylinux', 'almalinux']);

/** Whether /bin/sh is bash (not dash, as on Debian and Ubuntu), so a shell-form RUN reads `a &>f` as a redirection: Red Hat's family, by repository path. */
export function shIsBash(repositoryPath: string): boolean {
  return RED_HAT_PATH.test(repositoryPath);
}

/**
 * Whether `adduser` is shadow-utils' symbolic link to `useradd` (the same program, with its options:
 * `-l`, `-u`, `-r`), as in Red Hat's family, by the image's repository path and, when the knowledge
 * base identifies it, its family. Elsewhere adduser is another program: Debian's Perl script
 * (`--disabled-password`, `--gecos`) or busybox's applet (`-D`, `-S`, `-G` naming the primary group).
 * Fedora's shadow-utils.spec makes the link (`ln -s useradd $RPM_BUILD_ROOT%{_sbindir}/adduser`,
 * https://src.fedoraproject.org/rpms/shadow-utils/blob/rawhide/f/shadow-utils.spec), which RHEL and its rebuilds keep.
 */
export function adduserIsUseradd(repositoryPath: string, family: DistroFamily | null): boolean {
  return (family !== null && RED_HAT_FAMILIES.has(family)) || RED_HAT_PATH.test(repositoryPath);
}
