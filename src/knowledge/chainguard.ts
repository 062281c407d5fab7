/**
 * Chainguard's images on cgr.dev/chainguard (Wolfi, built with apko): the user each runs as. The
 * knowledge base does not identify them otherwise (their tools, their variants), but who they run as
 * is in each image's configuration: \`accounts.run-as\`, root when it is not set.
 */
import type { ImageRef } from '../dockerfile/imageRef.js';
import { own } from '../own.js';
import type { BaseCommand } from './entrypoints.js';
import { SOURCES } from './sources.js';
import type { Source, UserFacts } from './types.js';

/** The account most of them run as: \`nonroot\`, uid and gid 65532, Chainguard's default. */
const NONROOT = { name: 'nonroot', uid: 65532, gid: 65532 } as const;
/** An image that runs as an account of its software's own name (node, nginx, redis), with the same ids. */
const named = (name: string) => ({ name, uid: 65532, gid: 65532 }) as const;

/**
 * The images whose \`run-as\` is a non-root account, by repository under cgr.dev/chainguard. Those that run
 * as root are CHAINGUARD_ROOT's.
 */
export const CHAINGUARD_USERS: Readonly<Record<string, UserFacts & { readonly gid: number }>> = {
  'aspnet-runtime': NONROOT, busybox: NONROOT, chainctl: NONROOT, 'cinc-auditor': NONROOT, cosign: NONROOT, crane: NONROOT,
  curl: NONROOT, dfc: NONROOT, dive: NONROOT, dotnet: NONROOT, git: named('git'), 'glibc-dynamic': NONROOT, gradle: NONROOT,
  grype: NONROOT, haproxy: named('haproxy'), helm: NONROOT, hollywood: NONROOT, hugo: NONROOT, jdk: named('java'),
  jre: named('java'), ko: NONROOT, kubectl: NONROOT, laravel: named('php'), malcontent: NONROOT, mariadb: named('mysql'),
  maven: NONROOT, minio: NONROOT, mongodb: named('mongo'), nginx: named('nginx'), node: named('node'), openscap: NONROOT,
  'opentelemetry-collector-contrib': NONROOT, php: named('php'), python: NONROOT, pytorch: NONROOT, redis: named('redis'),
  ruby: NONROOT, rust: NONROOT, static: NONROOT, stunnel: NONROOT, tomcat: NONROOT, valkey: named('valkey'),
  'wait-for-it': NONROOT, wordpress: named('php'),
};

/** The registry and namespace of the public catalog. */
const CATALOG = 'cgr.dev';
const NAMESPACE = 'chainguard/';

export interface ImageUser {
  readonly user: UserFacts & { readonly gid: number };
  /** The image as a message names it, with how its user is known. */
  readonly what: string;
  readonly source: Source;
  /**
   * Its shell, for a RUN: the -dev tags add busybox's /bin/sh with apk (as busybox itself has it); the others have none.
   */
  readonly shell: string | null;
}

/**
 * The non-root user a Chainguard image runs as when a Dockerfile sets none, or null (another image, one
 * that runs as root, or a tag of a root variant). The -dev tags (\`latest-dev\`: a shell and apk added) keep
 * the image's user: python's README has \`docker run --user root\` on latest-dev to install with apk. Tags
 * with a \`root\` part (git's \`latest-root\`, \`latest-root-dev\`) are the variants that run as root.
 */
export function chainguardUser(ref: ImageRef): ImageUser | null {
  if (ref.hasVariables || ref.registry?.toLowerCase() !== CATALOG || !ref.name.startsWith(NAMESPACE)) return null;
  const repository = ref.name.slice(NAMESPACE.length);
  const user = own(CHAINGUARD_USERS, repository);
  if (user === undefined || (ref.tag !== null && ref.tag.split('-').includes('root'))) return null;
  const shell = repository === 'busybox' || (ref.tag !== null && ref.tag.split('-').includes('dev')) ? '/bin/sh' : null;
  return { user, what: `Chainguard's ${repository} image, which runs as ${user.name} (${user.uid})`, source: SOURCES.chainguardImages, shell };
}

/**
 * The images that run as root (\`run-as\` "0", or none: k3s, min-toolkit-debug), by repository, with what each starts
 * when a stage names no command (its entrypoint and cmd), and the non-root account it carries where a stage may
 * switch to it: wolfi-base's and bash's nonroot (65532), beside busybox's shell and, on wolfi-base, apk. go and
 * melange carry nonroot too, but are toolchains whose caches a build as root leaves in /root; postgres carries
 * postgres (70), whose entrypoint is not read here; docker-dind's account named root has uid 65532.
 */
export const CHAINGUARD_ROOT: Readonly<Record<string, { readonly starts: BaseCommand; readonly carries: boolean }>> = {
  'wolfi-base': { starts: { command: '/bin/sh -l', kind: 'prompt', what: "busybox's shell (\`/bin/sh -l\`)" }, carries: true },
  bash: { starts: { command: '/bin/bash -c', kind: 'prompt', what: 'bash (\`/bin/bash -c\`, given nothing to run)' }, carries: true },
  'min-toolkit-debug': { starts: { command: '/bin/bash -c', kind: 'prompt', what: 'bash (\`/bin/bash -c\`, given nothing to run)' }, carries: false },
  go: { starts: { command: '/usr/bin/go help', kind: 'program', what: "which prints the go tool's help and exits" }, carries: false },
  melange: { starts: { command: '/usr/bin/melange --help', kind: 'program', what: "which prints melange's help and exits" }, carries: false },
  apko: { starts: { command: '/usr/bin/apko --help', kind: 'program', what: "which prints apko's help and exits" }, carries: false },
  'gcc-glibc': { starts: { command: '/usr/bin/gcc --help', kind: 'program', what: "which prints gcc's help and exits" }, carries: false },
  postgres: { starts: { command: '/usr/bin/docker-entrypoint.sh postgres', kind: 'service', what: 'its entrypoint, which sets up and starts the PostgreSQL server' }, carries: false },
  'docker-dind': { starts: { command: '/usr/bin/dockerd-entrypoint.sh', kind: 'service', what: 'the Docker daemon, through its entrypoint' }, carries: false },
  k3s: { starts: { command: '/bin/k3s agent', kind: 'service', what: 'the k3s agent, a Kubernetes node' }, carries: false },
};

/** A Chainguard image that runs as root. */
export interface RootImage {
  /** The image as a message names it, with how it is known. */
  readonly what: string;
  /** What it starts when a stage names no command; null for a root tag of an image otherwise run as its user. */
  readonly starts: BaseCommand | null;
  /** The non-root account it carries that a stage may switch to, with the image's shell. */
  readonly carries: ImageUser | null;
  readonly source: Source;
}

/**
 * The Chainguard image \`ref\` names when it runs as root: one of CHAINGUARD_ROOT, or a \`root\` tag of another
 * (git's \`latest-root\`). Null for another image.
 */
export function chainguardRoot(ref: ImageRef): RootImage | null {
  if (ref.hasVariables || ref.registry?.toLowerCase() !== CATALOG || !ref.name.startsWith(NAMESPACE)) return null;
  const repository = ref.name.slice(NAMESPACE.length);
  const entry = own(CHAINGUARD_ROOT, repository);
  const source = SOURCES.chainguardImages;
  if (entry !== undefined) {
    const what = `Chainguard's ${repository} image, which runs as root`;
    const carries = entry.carries ? { user: NONROOT, what: `${what} and carries ${NONROOT.name} (${NONROOT.uid})`, source, shell: '/bin/sh' } : null;
    return { what: carries?.what ?? what, starts: entry.starts, carries, source };
  }
  if (own(CHAINGUARD_USERS, repository) !== undefined && ref.tag !== null && ref.tag.split('-').includes('root')) {
    return { what: `Chainguard's ${repository} image in a root tag (${ref.tag}), which runs as root`, starts: null, carries: null, source };
  }
  return null;
}
