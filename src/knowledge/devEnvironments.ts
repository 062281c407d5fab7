import { SOURCES } from './sources.js';
import type { Source } from './types.js';

/**
 * Images made to be worked in: at a terminal, from an editor attached to the container, or in an
 * editor the image serves. A Dockerfile built on one makes a development environment, whose users
 * run what the packages only recommend (git's less, a man page reader) and pick their own user.
 */
export type DevelopmentImage = KnownImage;

/** An image known by its repository. */
export interface KnownImage {
  /** The repository, as `canonicalName` writes it (`library/…` for Docker Hub's official images). */
  readonly repository: RegExp;
  /** What it is, as a refusal says it. */
  readonly what: string;
  readonly source: Source;
}

/** A program known by the address a Dockerfile downloads it from. */
export interface KnownDownload {
  readonly url: RegExp;
  /** What it is, as a refusal says it. */
  readonly what: string;
  readonly source: Source;
}

export const DEVELOPMENT_IMAGES: readonly DevelopmentImage[] = [
  { repository: /^mcr\.microsoft\.com\/(?:vscode\/)?devcontainers\/[a-z0-9._/-]+$/, what: 'a dev container image', source: SOURCES.devcontainerImages },
  { repository: /^gitpod\/workspace-[a-z0-9-]+$/, what: "a Gitpod workspace image", source: SOURCES.gitpodWorkspace },
  // Published in each Artifact Registry region (us-central1-docker.pkg.dev, europe-west4-docker.pkg.dev…).
  { repository: /^[a-z0-9-]+-docker\.pkg\.dev\/cloud-workstations-images\/predefined\/[a-z0-9._-]+$/, what: 'a Cloud Workstations image', source: SOURCES.cloudWorkstationsImages },
  { repository: /^codercom\/code-server$/, what: 'code-server, VS Code served to a browser', source: SOURCES.codeServer },
  { repository: /^(?:(?:lscr\.io|ghcr\.io)\/)?linuxserver\/code-server$/, what: "LinuxServer's code-server, VS Code served to a browser", source: SOURCES.linuxserverCodeServer },
];

/** The development image a repository is, if it is one. */
export function developmentImage(repository: string): DevelopmentImage | null {
  return DEVELOPMENT_IMAGES.find((d) => d.repository.test(repository)) ?? null;
}

/**
 * Editors served to a browser that a Dockerfile installs itself, by the address it downloads them
 * from: the image it makes is one to be worked in, as an image built on one is.
 */
export type DevelopmentServerDownload = KnownDownload;

export const DEVELOPMENT_SERVER_DOWNLOADS: readonly DevelopmentServerDownload[] = [
  // Its release archives and packages, or its install script.
  { url: /github\.com\/coder\/code-server\/releases\/|code-server\.dev\/install\.sh/, what: 'code-server, VS Code served to a browser', source: SOURCES.linuxserverCodeServer },
];

/** The editor served to a browser that a script downloads, if it downloads one. */
export function developmentServerDownload(script: string): DevelopmentServerDownload | null {
  return DEVELOPMENT_SERVER_DOWNLOADS.find((d) => d.url.test(script)) ?? null;
}

/**
 * Development tools of a language that a Dockerfile installs into the image it ships: a step debugger
 * that connects to the developer's editor has no use where nobody develops, so the image is one to be
 * worked in. By the package that installs one (Debian's, Ubuntu PPAs' and Alpine's names), and by the
 * programs that build or enable it with its name as an argument (\`pecl install xdebug\`,
 * \`docker-php-ext-enable xdebug\`, \`install-php-extensions xdebug\`).
 */
export interface DevelopmentTool {
  readonly packages: RegExp;
  readonly programs: ReadonlySet<string>;
  /** The argument that names it (a version may follow: \`xdebug-3.3.2\`). */
  readonly argument: RegExp;
  /** What it is, as a refusal says it. */
  readonly what: string;
  readonly source: Source;
}

export const DEVELOPMENT_TOOLS: readonly DevelopmentTool[] = [
  {
    packages: /^php[\d.]*-(?:pecl-)?xdebug$/,
    programs: new Set(['pecl', 'docker-php-ext-enable', 'install-php-extensions']),
    argument: /^xdebug(?:-[\d.]+\w*)?$/,
    what: "Xdebug, PHP's step debugger, which connects to the developer's editor",
    source: SOURCES.xdebugInstall,
  },
];

/**
 * CI agents a Dockerfile downloads into its image, by the address it downloads them from: the image is
 * the one the agent runs its jobs in (a self-hosted GitHub Actions runner runs a workflow's steps in its
 * own container), and what a job runs (git over ssh, a pager, a compiler) is in the workflow, not the
 * Dockerfile.
 */
export type CiAgentDownload = KnownDownload;

export const CI_AGENT_DOWNLOADS: readonly CiAgentDownload[] = [
  // Its release archives: actions-runner-linux-x64-2.330.0.tar.gz and the like.
  { url: /github\.com\/actions\/runner\/releases\/download\//, what: 'the GitHub Actions runner', source: SOURCES.actionsRunnerImage },
];

/** The CI agent that a script downloads, if it downloads one. */
export function ciAgentDownload(script: string): CiAgentDownload | null {
  return CI_AGENT_DOWNLOADS.find((d) => d.url.test(script)) ?? null;
}

/** Images CI jobs run in, by repository (as \`canonicalName\` writes it): a Dockerfile built on one adds to what its jobs have. */
export type CiJobImage = KnownImage;

export const CI_JOB_IMAGES: readonly CiJobImage[] = [
  { repository: /^ghcr\.io\/actions\/actions-runner$/, what: "the GitHub Actions runner's image", source: SOURCES.actionsRunnerImage },
  { repository: /^myoung34\/github-runner$/, what: 'a GitHub Actions runner image', source: SOURCES.githubRunnerMyoung34 },
  { repository: /^cimg\/[a-z0-9._-]+$/, what: 'a CircleCI convenience image', source: SOURCES.circleciConvenienceImages },
];

/** The image CI jobs run in that a repository is, if it is one. */
export function ciJobImage(repository: string): CiJobImage | null {
  return CI_JOB_IMAGES.find((d) => d.repository.test(repository)) ?? null;
}

/**
 * Debuggers and tracers, by package name (the same in Debian, Alpine and Fedora), for people who work
 * in a running container through \`docker exec\`: a final image that installs two of them is a debug
 * image (fluent-bit's \`debug\` target ships gdb, valgrind, strace and tcpdump beside the service),
 * whose users attach to the service's processes and capture its packets as root. One alone may be
 * the image's own tool (a packet capture image runs tcpdump).
 */
export const DEBUGGING_TOOLS: ReadonlySet<string> = new Set(['gdb', 'lldb', 'strace', 'ltrace', 'valgrind', 'tcpdump', 'bpftrace', 'linux-perf', 'perf', 'sysdig']);
