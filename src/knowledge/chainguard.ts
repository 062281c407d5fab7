/**
 * Chainguard's images on cgr.dev/chainguard (Wolfi, built with apko): the user each runs as. The
 * knowledge base does not identify them otherwise (their tools, their variants), but who they run as
 * is in each image's configuration: \`accounts.run-as\`, root when it is not set.
 */
import type { ImageRef } from '../dockerfile/imageRef.js';
import { own } from '../own.js';
import { SOURCES } from './sources.js';
import type { Source, UserFacts } from './types.js';

/** The account most of them run as: \`nonroot\`, uid and gid 65532, Chainguard's default. */
const NONROOT = { name: 'nonroot', uid: 65532, gid: 65532 } as const;
/** An image that runs as an account of its software's own name (node, nginx, redis), with the same ids. */
const named = (name: string) => ({ name, uid: 65532, gid: 65532 }) as const;

/**
 * The images whose \`run-as\` is a non-root account, by repository under cgr.dev/chainguard. Those that run
 * as root (wolfi-base, bash, go, postgres, gcc-glibc, apko, melange, docker-dind, k3s, min-toolkit-debug)
 * are not listed: what a user could be made with there is not known here either.
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
