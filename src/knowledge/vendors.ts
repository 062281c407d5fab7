import { alpineOs, axis, option } from './axes.js';
import { UBUNTU_CODENAMES, UBUNTU_RELEASES } from './distros.js';
import { SOURCES } from './sources.js';
import type { AxisOption, FactsPatch, RepositoryEntry, Source } from './types.js';

/**
 * Images published by their projects outside Docker Hub's official library: Red Hat's UBI and its OpenJDK images,
 * Fedora's and openSUSE's own registries, oven/bun, continuumio/miniconda3, mambaorg/micromamba, the Jupyter Docker Stacks, Kafka's and Airflow's images, LinuxServer.io's base images, sbt's image, Prometheus's and NVIDIA's CUDA images. Each entry says
 * what the image's own Dockerfile or documentation says; release facts are not recorded
 * (their tags do not name a Debian or Alpine release), except UBI's, which its path names, and nvidia/cuda's, which its tags name.
 */

const NO_OS: FactsPatch = { packageManager: 'none', shell: null, bash: false, userTools: 'none', buildTools: false };

type UbiKind = 'ubi' | 'ubi-minimal' | 'ubi-micro';

const UBI_FACTS: Readonly<Record<UbiKind, { facts: FactsPatch; source: Source }>> = {
  // dnf is there; shadow-utils is not checked to be, and installing it again is harmless.
  ubi: { facts: { packageManager: 'dnf', notes: ['the standard UBI image: dnf; useradd comes with shadow-utils, installed before use'] }, source: SOURCES.ubiStandard },
  'ubi-minimal': { facts: {}, source: SOURCES.ubiMinimal },
  // No package manager: nothing can install useradd, so no user can be made there.
  'ubi-micro': { facts: { packageManager: 'none', userTools: 'none', notes: ['no package manager: build in ubi or ubi-minimal and copy the result in'] }, source: SOURCES.ubiMicro },
};

/** `registry.access.redhat.com/ubi9/ubi-minimal` and its short path `ubi9-minimal` (`ubi9` for the standard image). */
const ubi = (registry: string, major: string, kind: UbiKind, short: boolean): RepositoryEntry => {
  const path = short ? (kind === 'ubi' ? `ubi${major}` : `ubi${major}-${kind.slice(4)}`) : `ubi${major}/${kind}`;
  return {
    name: `${registry}/${path}`,
    registry,
    path,
    kind: 'os',
    // `9.4`, `9.4-1194`, `9.4-1194.1715862734`.
    version: `(?:${major}(?:\\.\\d+)?(?:-\\d+(?:\\.\\d+)*)?)`,
    versionAliases: {},
    axes: [],
    defaults: [{ versions: ['*'], family: 'ubi', release: `ubi${major}` }],
    siblings: [],
    facts: UBI_FACTS[kind].facts,
    sizes: {},
    latest: major,
    sources: [UBI_FACTS[kind].source, SOURCES.ubiMinimalShadow],
    notes: ['the path names the RHEL major release; every UBI image runs as root'],
  };
};

/**
 * The same standard and minimal images Red Hat publishes on Docker Hub (\`redhat/ubi9\`, \`redhat/ubi9-minimal\`), which
 * official images build on (eclipse-temurin's ubi variants): the short paths only.
 */
const dockerHubUbi = (major: string, kind: 'ubi' | 'ubi-minimal'): RepositoryEntry => {
  const entry = ubi('redhat', major, kind, true);
  return { ...entry, name: `redhat/${entry.path}`, registry: null, path: `redhat/${entry.path}`, sources: [...entry.sources, SOURCES.ubiDockerHub] };
};

const UBI: readonly RepositoryEntry[] = [
  ...['registry.access.redhat.com', 'registry.redhat.io'].flatMap((registry) =>
    ['8', '9', '10'].flatMap((major) => (['ubi', 'ubi-minimal', 'ubi-micro'] as const).flatMap((kind) => [ubi(registry, major, kind, false), ubi(registry, major, kind, true)])),
  ),
  ...['8', '9', '10'].flatMap((major) => (['ubi', 'ubi-minimal'] as const).map((kind) => dockerHubUbi(major, kind))),
];

/**
 * Red Hat's OpenJDK images (\`ubi9/openjdk-17\`, \`ubi9/openjdk-17-runtime\`), built on ubi-minimal by the
 * jboss-container-images/openjdk descriptors: they make the account jboss (uid 185, group root, HOME
 * /home/jboss, shadow-utils installed) and run as it.
 */
const ubiOpenjdk = (registry: string, major: string, jdk: string, runtime: boolean): RepositoryEntry => ({
  name: `${registry}/ubi${major}/openjdk-${jdk}${runtime ? '-runtime' : ''}`,
  registry,
  path: `ubi${major}/openjdk-${jdk}${runtime ? '-runtime' : ''}`,
  kind: 'language',
  // `1.20`, `1.20-2`, `1.20-2.1721231681`.
  version: '(?:\\d+\\.\\d+(?:-\\d+(?:\\.\\d+)*)?)',
  versionAliases: {},
  axes: [],
  defaults: [{ versions: ['*'], family: 'ubi', release: `ubi${major}` }],
  siblings: [],
  facts: {
    user: { name: 'jboss', uid: 185 },
    nonRootUser: { name: 'jboss', uid: 185, gid: 0 },
    env: { HOME: '/home/jboss' },
    // The runtime images' CMD; the builder images' /usr/local/s2i/run calls it. Both exec java.
    launchers: ['/opt/jboss/container/java/run/run-java.sh', '/usr/local/s2i/run'],
  },
  sizes: {},
  latest: 'latest',
  sources: [SOURCES.ubiOpenjdkUser, SOURCES.ubiOpenjdkRunJava],
  notes: [`ubi${major}/ubi-minimal with OpenJDK ${jdk}${runtime ? ' (the JRE)' : ' and Maven'}; runs as jboss (185) in group root, HOME /home/jboss`],
});

const UBI_OPENJDK: readonly RepositoryEntry[] = ['registry.access.redhat.com', 'registry.redhat.io'].flatMap((registry) =>
  [
    ['8', ['8', '11', '17', '21']],
    ['9', ['11', '17', '21']],
  ].flatMap(([major, jdks]) => (jdks as string[]).flatMap((jdk) => [ubiOpenjdk(registry, major as string, jdk, false), ubiOpenjdk(registry, major as string, jdk, true)])),
);

/**
 * Fedora's image, the same on Docker Hub (`fedora`, library/fedora) and on Fedora's own registry
 * (`registry.fedoraproject.org/fedora`): one entry for each name.
 */
export function fedora(registry: 'registry.fedoraproject.org' | null, sources: readonly Source[], note: string): RepositoryEntry {
  return {
    name: registry === null ? 'fedora' : `${registry}/fedora`,
    registry,
    path: registry === null ? 'library/fedora' : 'fedora',
    kind: 'os',
    version: '(?:\\d+|rawhide)',
    versionAliases: {},
    axes: [],
    defaults: [{ versions: ['*'], family: 'fedora', release: null }],
    siblings: [],
    facts: {},
    sizes: {},
    latest: '44',
    sources: [...sources, SOURCES.fedoraImage, SOURCES.fedoraKickstart],
    notes: [note],
  };
}

const FEDORA_REGISTRY = fedora('registry.fedoraproject.org', [], "the same images as Docker Hub's fedora");

const leap = (registry: string | null): RepositoryEntry => ({
  name: registry === null ? 'opensuse/leap' : `${registry}/opensuse/leap`,
  registry,
  path: 'opensuse/leap',
  kind: 'os',
  version: '(?:\\d+(?:\\.\\d+)?)',
  versionAliases: {},
  axes: [],
  defaults: [{ versions: ['*'], family: 'opensuse', release: null }],
  siblings: [],
  facts: {},
  sizes: {},
  latest: '16.0',
  sources: [SOURCES.opensuseShadow],
  notes: ['zypper; the shadow package (useradd) is installed before creating a user'],
});

const bunOs: readonly AxisOption[] = [
  { id: 'debian', pattern: 'debian', render: 'debian', silent: true, release: { from: 'codename', family: 'debian' } },
  { id: 'slim', pattern: '(?:debian-)?slim', render: 'slim', release: { from: 'codename', family: 'debian' } },
  alpineOs(),
  {
    id: 'distroless', pattern: 'distroless', render: 'distroless', release: { from: 'codename', family: 'debian' },
    // gcr.io/distroless/base-nossl: its passwd has nonroot (65532); bun adds no user there.
    // It sets no WORKDIR, nor does base-nossl (not its nonroot tag).
    facts: { ...NO_OS, nonRootUser: { name: 'nonroot', uid: 65532, gid: 65532 }, workdir: '/', entrypoint: ['/usr/local/bin/bun'], entrypointRunsCommand: false, cmd: null },
  },
];

const BUN: RepositoryEntry = {
  name: 'oven/bun', registry: null, path: 'oven/bun', kind: 'language',
  version: '(?:\\d+(?:\\.\\d+){0,2}|canary)',
  versionAliases: {},
  axes: [axis('os', 'default', bunOs)],
  // The Dockerfiles moved from bullseye to trixie over time: which release a tag has is not recorded.
  defaults: [{ versions: ['*'], family: 'debian', release: null }, { versions: ['*'], family: 'alpine', release: null }],
  siblings: [],
  facts: {
    nonRootUser: { name: 'bun', uid: 1000, gid: 1000 },
    // `WORKDIR /home/bun/app` in debian, slim and alpine: made by the WORKDIR, so root's, inside bun's home.
    workdir: '/home/bun/app',
    entrypoint: ['/usr/local/bin/docker-entrypoint.sh'],
    // Prepends bun when $1 is an option or not a command, then `exec "$@"`.
    entrypointRunsCommand: true,
    cmd: ['/usr/local/bin/bun'],
  },
  sizes: {},
  latest: '1',
  sources: [SOURCES.bunTags, SOURCES.bun, SOURCES.bunDistroless],
  notes: ['every variant but distroless creates the user `bun` (uid 1000) and runs as root'],
};

const MINICONDA: RepositoryEntry = {
  name: 'continuumio/miniconda3', registry: null, path: 'continuumio/miniconda3', kind: 'language',
  // Tags before 4.7 ran tini as ENTRYPOINT (4.6.14 was built both ways): they are not identified.
  version: '(?:4\\.(?:[7-9]|1\\d)\\.\\d+(?:-\\d+)?|(?:2[2-9]|[3-9]\\d)\\.\\d+\\.\\d+(?:-\\d+)?|main)',
  versionAliases: {},
  axes: [],
  defaults: [{ versions: ['*'], family: 'debian', release: null }],
  siblings: [],
  facts: { workdir: '/', cmd: ['/bin/bash'], notes: ['conda lives in /opt/conda, owned by root: a non-root user can run it but not install into it'] },
  sizes: {},
  latest: 'main',
  sources: [SOURCES.miniconda],
  notes: ['debian-slim with conda; older images were on other Debian releases'],
};

const MICROMAMBA_USER = { name: 'mambauser', uid: 57439 };

const MICROMAMBA: RepositoryEntry = {
  name: 'mambaorg/micromamba', registry: null, path: 'mambaorg/micromamba', kind: 'language',
  // Tags that name a base (`1.5.8-bookworm-slim`, `-alpine`, `-jammy-cuda-12.1.1`) are not identified.
  version: '(?:\\d+(?:\\.\\d+){0,2})',
  versionAliases: {},
  axes: [],
  defaults: [{ versions: ['*'], family: 'debian', release: null }],
  siblings: [],
  facts: {
    // The image runs as its own user, which owns the environment in /opt/conda.
    user: MICROMAMBA_USER,
    nonRootUser: { ...MICROMAMBA_USER, gid: 57439 },
    entrypoint: ['/usr/local/bin/_entrypoint.sh'],
    entrypointRunsCommand: true,
    cmd: ['/bin/bash'],
  },
  sizes: {},
  latest: '2',
  sources: [SOURCES.micromamba],
  notes: ['debian-slim with micromamba; runs as mambauser (57439), which owns /opt/conda'],
};

/** The Jupyter Docker Stacks' notebook images (not docker-stacks-foundation, which sets no command). */
const JUPYTER_IMAGES = [
  'base-notebook', 'minimal-notebook', 'scipy-notebook', 'r-notebook', 'julia-notebook', 'tensorflow-notebook',
  'pytorch-notebook', 'datascience-notebook', 'pyspark-notebook', 'all-spark-notebook',
];

const JUPYTER_USER = { name: 'jovyan', uid: 1000 };

/** On quay.io since 2023, and on Docker Hub before (`jupyter/scipy-notebook`), built the same way. */
const jupyter = (registry: 'quay.io' | null, image: string): RepositoryEntry => ({
  name: registry === null ? `jupyter/${image}` : `${registry}/jupyter/${image}`,
  registry,
  path: `jupyter/${image}`,
  // A server image: its command is the Jupyter server (start-notebook.py), not a prompt.
  kind: 'server',
  // `2024-05-27`, a commit (`ec3bd9f2b3d6`), or a version of what it carries (`python-3.11`, `lab-4.1.8`, `ubuntu-22.04`),
  // after an optional architecture or CUDA prefix (`x86_64-`, `cuda12-`).
  version: '(?:(?:x86_64|aarch64|cuda\\d*)-)*(?:\\d{4}-\\d{2}-\\d{2}|[0-9a-f]{12}|(?:python|lab|notebook|hub|ubuntu)-\\d+(?:\\.\\d+){0,2})',
  versionAliases: {},
  axes: [],
  // Ubuntu 22.04 before 2024, 24.04 since: which one a tag has is not recorded.
  defaults: [{ versions: ['*'], family: 'ubuntu', release: null }],
  siblings: [],
  facts: {
    // The images run as jovyan, owner of the conda environment and of its home.
    user: JUPYTER_USER,
    nonRootUser: { ...JUPYTER_USER, gid: 100 },
    // \`WORKDIR "\${HOME}"\`, jovyan's home, where the notebook server starts.
    workdir: '/home/jovyan',
    entrypoint: ['tini', '-g', '--', 'start.sh'],
    entrypointRunsCommand: true,
    cmd: ['start-notebook.py'],
  },
  sizes: {},
  latest: 'latest',
  sources: [SOURCES.jupyterFoundation, SOURCES.jupyterBase],
  notes: ['Ubuntu with conda; runs as jovyan (1000, group users 100) under tini'],
});

const JUPYTER: readonly RepositoryEntry[] = JUPYTER_IMAGES.flatMap((image) => [jupyter('quay.io', image), jupyter(null, image)]);

/** Kafka's images run as an account of their own, which owns the data and configuration folders. */
const APPUSER = { name: 'appuser', uid: 1000 };

const APACHE_KAFKA: RepositoryEntry = {
  name: 'apache/kafka', registry: null, path: 'apache/kafka', kind: 'server',
  version: '(?:\\d+\\.\\d+\\.\\d+(?:-rc\\d+)?)',
  versionAliases: {},
  axes: [],
  defaults: [{ versions: ['*'], family: 'alpine', release: null }],
  siblings: [],
  facts: {
    user: APPUSER,
    nonRootUser: { ...APPUSER, gid: 1000 },
    // Neither it nor eclipse-temurin sets a WORKDIR.
    workdir: '/',
    bash: true,
    // eclipse-temurin's: adds certificates only when USE_SYSTEM_CA_CERTS is set, then `exec "$@"`.
    entrypoint: ['/__cacert_entrypoint.sh'],
    entrypointRunsCommand: true,
    cmd: ['/etc/kafka/docker/run'],
  },
  sizes: {},
  latest: 'latest',
  sources: [SOURCES.apacheKafka],
  notes: ['eclipse-temurin:21-jre-alpine with Kafka in /opt/kafka; runs as appuser (1000)'],
};

/** Bitnami's images run as uid 1001, which has no account: its group is root's, which owns /opt/bitnami's files with write access. */
const BITNAMI_KAFKA: RepositoryEntry = {
  name: 'bitnami/kafka', registry: null, path: 'bitnami/kafka', kind: 'server',
  version: '(?:\\d+(?:\\.\\d+){0,2}(?:-debian-\\d+(?:-r\\d+)?)?)',
  versionAliases: {},
  axes: [],
  defaults: [{ versions: ['*'], family: 'debian', release: null }],
  siblings: [],
  facts: {
    user: { name: '1001', uid: 1001 },
    nonRootUser: { name: '1001', uid: 1001, gid: 0 },
    workdir: '/',
    bash: true,
    env: { HOME: '/' },
    entrypoint: ['/opt/bitnami/scripts/kafka/entrypoint.sh'],
    entrypointRunsCommand: true,
    cmd: ['/opt/bitnami/scripts/kafka/run.sh'],
  },
  sizes: {},
  latest: 'latest',
  sources: [SOURCES.bitnamiKafka],
  notes: ['minideb with Kafka in /opt/bitnami/kafka; runs as uid 1001 in group 0, HOME is /'],
};

const CONFLUENT_KAFKA: RepositoryEntry = {
  name: 'confluentinc/cp-kafka', registry: null, path: 'confluentinc/cp-kafka', kind: 'server',
  // `7.6.1`, `7.6.1-1-ubi8`, `8.0.0`.
  version: '(?:\\d+\\.\\d+\\.\\d+(?:-\\d+-ubi\\d+)?)',
  versionAliases: {},
  axes: [],
  // UBI minimal, 8 or 9 by the release line: which one a tag has is not recorded.
  defaults: [{ versions: ['*'], family: 'ubi', release: null }],
  siblings: [],
  facts: {
    user: APPUSER,
    nonRootUser: { ...APPUSER, gid: 1000 },
    // cp-base-new installs yum with microdnf, and has useradd: it made appuser with it.
    packageManager: 'yum',
    userTools: 'shadow',
    bash: true,
    cmd: ['/etc/confluent/docker/run'],
  },
  sizes: {},
  latest: 'latest',
  sources: [SOURCES.confluentKafka, SOURCES.confluentBase],
  notes: ['cp-base-new (UBI minimal) with Confluent\'s Kafka; runs as appuser (1000)'],
};

/**
 * Apache Airflow's production image (2.x and later; 1.10 is not known): Debian with Airflow installed for the user airflow (50000, group
 * root, HOME /home/airflow), which it runs as. Its /entrypoint (under dumb-init) execs bash and python
 * commands, and runs any other CMD as arguments of airflow. \`2.9.3\`, \`2.9.3-python3.11\`, \`slim-2.9.3\`,
 * \`latest-python3.12\`, \`slim-latest\`.
 */
const AIRFLOW: RepositoryEntry = {
  name: 'apache/airflow', registry: null, path: 'apache/airflow', kind: 'server',
  version: '(?:(?:slim-)?(?:[2-9]\\.\\d+\\.\\d+(?:(?:a|b|rc)\\d+)?|latest)(?:-python3\\.\\d+)?)',
  versionAliases: {},
  axes: [],
  // python:<version>-slim-bookworm, then debian:bookworm-slim: which release a tag has is not recorded.
  defaults: [{ versions: ['*'], family: 'debian', release: null }],
  siblings: [],
  facts: {
    user: { name: '50000', uid: 50000 },
    nonRootUser: { name: 'airflow', uid: 50000, gid: 0 },
    // AIRFLOW_HOME.
    workdir: '/opt/airflow',
    bash: true,
    entrypoint: ['/usr/bin/dumb-init', '--', '/entrypoint'],
    entrypointRunsCommand: false,
    cmd: [],
  },
  sizes: {},
  latest: 'latest',
  sources: [SOURCES.airflow],
  notes: ['Debian slim with Airflow in /home/airflow/.local; runs as airflow (50000, group 0) in /opt/airflow'],
};

/** nginx's user in the official image, which the unprivileged build runs as (\`USER $UID\`, 101 by default). */
const NGINX_USER = { name: 'nginx', uid: 101 };

/**
 * NGINX's own unprivileged build of the official nginx image (\`official\`, passed in: official.ts reads this module),
 * on Docker Hub and Amazon ECR: the same tags (\`stable-alpine\`, \`1.27-alpine-slim\`, \`mainline-bookworm\`), but it
 * runs as nginx (101), listens on 8080 and keeps its pid and temp files in /tmp. No siblings are recorded: its tag
 * list is not read.
 */
export function unprivilegedNginx(official: RepositoryEntry): RepositoryEntry[] {
  return (['nginxinc/nginx-unprivileged', 'public.ecr.aws/nginx/nginx-unprivileged'] as const).map((name) => {
    const registry = name.startsWith('public.ecr.aws/') ? 'public.ecr.aws' : null;
    return {
      name,
      registry,
      path: registry === null ? name : name.slice(registry.length + 1),
      kind: 'server',
      version: official.version,
      versionAliases: official.versionAliases,
      axes: official.axes,
      defaults: official.defaults,
      siblings: [],
      facts: {
        user: { name: String(NGINX_USER.uid), uid: NGINX_USER.uid },
        nonRootUser: { ...NGINX_USER, gid: 101 },
        // No WORKDIR, as in the official image.
        workdir: '/',
        entrypoint: ['/docker-entrypoint.sh'],
        entrypointExecsCommand: true,
        cmd: ['nginx', '-g', 'daemon off;'],
      },
      sizes: {},
      latest: official.latest,
      sources: [SOURCES.nginxUnprivileged, SOURCES.nginxUnprivilegedRegistries, SOURCES.nginxEntrypoint],
      notes: ['the official nginx image run as nginx (101) on port 8080; /var/cache/nginx and /etc/nginx are its, with group 0'],
    };
  });
}

/**
 * LinuxServer.io's base images, on which its application images (and many others) are built: an
 * OS root with s6-overlay, whose /init is the ENTRYPOINT. /init starts as root: it gives the
 * account abc (911) the PUID and PGID the container is run with, fixes the owners of /config, and
 * starts the services of /etc/s6-overlay, which switch to abc themselves; a CMD runs under it.
 */
const LINUXSERVER_BASEIMAGES: Readonly<Record<'alpine' | 'alpine-nginx' | 'ubuntu' | 'debian', { release: string; family: 'alpine' | 'ubuntu' | 'debian'; packageManager: 'apk' | 'apt'; source: Source }>> = {
  alpine: { release: '(?:3\\.\\d+|edge)', family: 'alpine', packageManager: 'apk', source: SOURCES.linuxserverBaseimageAlpine },
  // baseimage-alpine with nginx and PHP-FPM added, for LinuxServer's web applications (nextcloud, bookstack…): the same /init.
  'alpine-nginx': { release: '3\\.\\d+', family: 'alpine', packageManager: 'apk', source: SOURCES.linuxserverBaseimageAlpineNginx },
  ubuntu: { release: '(?:bionic|focal|jammy|noble)', family: 'ubuntu', packageManager: 'apt', source: SOURCES.linuxserverBaseimageUbuntu },
  debian: { release: '(?:buster|bullseye|bookworm|trixie)', family: 'debian', packageManager: 'apt', source: SOURCES.linuxserverBaseimageDebian },
};

const linuxserver = (registry: 'ghcr.io' | 'lscr.io' | null, os: keyof typeof LINUXSERVER_BASEIMAGES): RepositoryEntry => {
  const base = LINUXSERVER_BASEIMAGES[os];
  return {
    name: registry === null ? `linuxserver/baseimage-${os}` : `${registry}/linuxserver/baseimage-${os}`,
    registry,
    path: `linuxserver/baseimage-${os}`,
    kind: 'os',
    // `3.22`, `noble`, with an architecture before it (`arm64v8-3.22`) and a build after it (`3.22-1a2b3c4d-ls12`).
    version: `(?:(?:amd64|arm64v8)-)?${base.release}(?:-[0-9a-f]{7,40})?(?:-ls\\d+)?`,
    versionAliases: {},
    axes: [],
    // The tag names the release, but not as the grammar of the official images does: it is not recorded.
    defaults: [{ versions: ['*'], family: base.family, release: null }],
    siblings: [],
    facts: {
      packageManager: base.packageManager,
      bash: true,
      // shadow's useradd, which made abc.
      userTools: 'shadow',
      entrypoint: ['/init'],
      entrypointRunsCommand: false,
      cmd: null,
      mustStartAsRoot: "its ENTRYPOINT is s6-overlay's /init, which starts as root to give the account abc the container's PUID and PGID and to start the services, which switch to abc themselves",
    },
    sizes: {},
    latest: os === 'alpine' || os === 'alpine-nginx' ? '3.22' : os === 'ubuntu' ? 'noble' : 'trixie',
    sources: [base.source],
    notes: ["s6-overlay's /init as ENTRYPOINT, run as root; the services run as abc (911, set to PUID and PGID)"],
  };
};

const LINUXSERVER: readonly RepositoryEntry[] = (['ghcr.io', 'lscr.io', null] as const).flatMap((registry) =>
  (['alpine', 'alpine-nginx', 'ubuntu', 'debian'] as const).map((os) => linuxserver(registry, os)),
);

/**
 * sbt's image (sbt/docker-sbt): \`eclipse-temurin-21.0.8_9_1.12.11_3.8.4\` (the JDK's version, sbt's and Scala's), the light
 * \`eclipse-temurin-25_1.x\` and \`eclipse-temurin-25.0.1_8_1.x\`, and \`eclipse-temurin-alpine-…\`; on eclipse-temurin's JDK,
 * whose Ubuntu release moved with it (not recorded). The graalvm and amazoncorretto tags, and the older ones that named
 * the OS (\`eclipse-temurin-jammy-…\`), are not known. It runs as root in /root with HOME=/home/sbtuser, the home of the
 * user it makes, sbtuser (1001:1001), which is root's group's to write (chown sbtuser:0, mode 2775).
 */
const SBT: RepositoryEntry = {
  name: 'sbtscala/scala-sbt', registry: null, path: 'sbtscala/scala-sbt', kind: 'build-tool',
  version: '(?:eclipse-temurin)',
  versionAliases: {},
  axes: [
    axis('os', 'default', [{ ...alpineOs(), pattern: 'alpine' }]),
    axis('versions', '', [option('versions', undefined, '\\d+(?:\\.\\d+)*(?:_\\d+)?_(?:\\d+\\.x|\\d+\\.\\d+\\.\\d+_\\d+\\.\\d+\\.\\d+)')]),
  ],
  defaults: [{ versions: ['eclipse-temurin'], family: 'ubuntu', release: null, when: { os: ['default'] } }, { versions: ['eclipse-temurin'], family: 'alpine', release: null }],
  siblings: [],
  facts: {
    nonRootUser: { name: 'sbtuser', uid: 1001, gid: 1001 },
    workdir: '/root',
    cmd: ['sbt'],
    env: { HOME: '/home/sbtuser', JAVA_HOME: '/opt/java/openjdk' },
  },
  sizes: {},
  latest: 'eclipse-temurin',
  sources: [SOURCES.sbtDockerfile, SOURCES.sbtTags],
  notes: ['runs as root in /root, with HOME=/home/sbtuser; sbtuser (1001) may run it (`-u sbtuser -w /home/sbtuser`), or any uid in group 0'],
};

/** The account Prometheus's images run as: busybox's nobody. */
const PROMETHEUS_NOBODY = { name: 'nobody', uid: 65534 };

/**
 * Prometheus's server and the exporters the project publishes (prom/NAME on Docker Hub, the same images as
 * quay.io/prometheus/NAME), on quay.io/prometheus/busybox (busybox:glibc with CA certificates): each Dockerfile ends
 * with \`USER nobody\` (pushgateway's \`USER 65534\`), from the version \`since\` on; older tags ran as root and are
 * not known, nor are the -distroless tags (gcr.io/distroless/static's nonroot). blackbox_exporter's image is left
 * out: it runs as root, which its ICMP probes need (SOURCES.blackboxExporter).
 */
const prometheusImage = (
  registry: 'quay.io' | null,
  image: string,
  since: string,
  facts: Pick<FactsPatch, 'workdir' | 'entrypoint' | 'cmd'>,
  source: Source,
): RepositoryEntry => ({
  name: registry === null ? `prom/${image}` : `${registry}/prometheus/${image}`,
  registry,
  path: registry === null ? `prom/${image}` : `prometheus/${image}`,
  kind: 'server',
  // \`v3.5.0\`, \`v3.5.0-rc.1\` (the major's own \`v3\`, pushed for new releases only, is not known).
  version: `(?:${since}(?:-(?:beta|rc)\\.\\d+)?)`,
  versionAliases: {},
  axes: [],
  defaults: [{ versions: ['*'], family: 'busybox', release: null }],
  siblings: [],
  facts: { user: PROMETHEUS_NOBODY, nonRootUser: { ...PROMETHEUS_NOBODY, gid: 65534 }, entrypointRunsCommand: false, ...facts },
  sizes: {},
  latest: 'latest',
  sources: [source, SOURCES.prometheusBusybox],
  notes: [`busybox with ${image}; runs as nobody (65534)`],
});

const PROMETHEUS: readonly RepositoryEntry[] = (['quay.io', null] as const).flatMap((registry) => [
  prometheusImage(registry, 'prometheus', 'v(?:[2-9]|[1-9]\\d+)\\.\\d+\\.\\d+', {
    workdir: '/prometheus',
    entrypoint: ['/bin/prometheus'],
    cmd: ['--config.file=/etc/prometheus/prometheus.yml', '--storage.tsdb.path=/prometheus'],
  }, SOURCES.prometheus),
  prometheusImage(registry, 'alertmanager', 'v(?:0\\.(?:1[6-9]|[2-9]\\d)|[1-9]\\d*\\.\\d+)\\.\\d+', {
    workdir: '/alertmanager',
    entrypoint: ['/bin/alertmanager'],
    cmd: ['--config.file=/etc/alertmanager/alertmanager.yml', '--storage.path=/alertmanager'],
  }, SOURCES.alertmanager),
  prometheusImage(registry, 'node-exporter', 'v(?:0\\.(?:1[5-9]|[2-9]\\d)|[1-9]\\d*\\.\\d+)\\.\\d+', { workdir: '/', entrypoint: ['/bin/node_exporter'], cmd: null }, SOURCES.nodeExporter),
  prometheusImage(registry, 'pushgateway', 'v(?:0\\.(?:[89]|[1-9]\\d)|[1-9]\\d*\\.\\d+)\\.\\d+', { workdir: '/pushgateway', entrypoint: ['/bin/pushgateway'], cmd: null }, SOURCES.pushgateway),
]);

/**
 * NVIDIA's CUDA images (nvidia/cuda on Docker Hub and nvcr.io): \`12.2.0-runtime-ubuntu22.04\`, \`11.8.0-cudnn8-devel-ubuntu20.04\`,
 * \`12.6.3-cudnn-runtime-ubi9\`. Every tag names the CUDA version, the flavour and the OS it is built on (Ubuntu, UBI, Rocky
 * Linux, CentOS 7), so the grammar requires both; there is no \`latest\` (removed in 2021). base adds the CUDA runtime
 * library to the OS image; runtime adds the libraries and NVIDIA's entrypoint, which only prints a banner and execs the
 * command; devel adds nvcc and the headers; cudnn adds cuDNN to runtime or devel. All run as root with no user of their own.
 * CUDA 11, 12 and 13 are known: 13's tags (from 13.0.0, August 2025) keep 12's grammar and flavours
 * (`13.0.1-cudnn-runtime-ubuntu24.04`, `13.0.0-devel-ubuntu22.04`). The amzn2023 and cm2 tags are not read, nor
 * those before 11, which NVIDIA removed from Docker Hub when their CUDA reached its end of life.
 */
const NVIDIA_ENTRYPOINT: FactsPatch = {
  entrypoint: ['/opt/nvidia/nvidia_entrypoint.sh'],
  entrypointRunsCommand: true,
  // The ENTRYPOINT resets the OS image's CMD; with no command the entrypoint runs /bin/bash.
  cmd: null,
  notes: ["nvidia_entrypoint.sh prints NVIDIA's banner, then execs the command (bash without one); tags last built before December 2022 had no ENTRYPOINT, which runs the same command"],
};

const cudaOs: readonly AxisOption[] = [
  {
    id: 'ubuntu', pattern: 'ubuntu\\d\\d\\.\\d\\d', render: 'ubuntu24.04',
    release: { from: 'token', family: 'ubuntu', aliases: Object.fromEntries(UBUNTU_CODENAMES.map((c) => [`ubuntu${UBUNTU_RELEASES[c]}`, c])) },
    // curl fetched NVIDIA's keyring and was purged; gnupg2 and ca-certificates stay.
    facts: { debianPackages: ['ca-certificates', 'gnupg2'] },
  },
  // FROM registry.access.redhat.com/ubiN/ubi, the standard image, which has dnf (yum is dnf there).
  { id: 'ubi', pattern: 'ubi\\d+', render: 'ubi9', release: { from: 'token', family: 'ubi', aliases: {} }, facts: UBI_FACTS.ubi.facts },
  { id: 'rockylinux', pattern: 'rockylinux\\d+', render: 'rockylinux9', release: { from: 'token', family: 'rockylinux', aliases: {} } },
  { id: 'centos', pattern: 'centos\\d+', render: 'centos7', release: { from: 'token', family: 'centos', aliases: {} } },
];

const cuda = (registry: 'nvcr.io' | null): RepositoryEntry => ({
  name: registry === null ? 'nvidia/cuda' : `${registry}/nvidia/cuda`,
  registry,
  path: 'nvidia/cuda',
  kind: 'runtime',
  version: '(?:1[1-3]\\.\\d+\\.\\d+)',
  versionRequired: true,
  versionAliases: {},
  axes: [
    axis('cudnn', '', [{ ...option('cudnn', undefined, 'cudnn\\d*'), onlyWith: { flavour: ['runtime', 'devel'] } }]),
    { ...axis('flavour', 'base', [option('base'), option('runtime', NVIDIA_ENTRYPOINT), option('devel', NVIDIA_ENTRYPOINT)]), required: true },
    { ...axis('os', 'none', cudaOs), required: true },
  ],
  defaults: [],
  siblings: [],
  // \`WORKDIR\` is set by none of them, nor by the OS images: a stage starts in /.
  facts: { workdir: '/' },
  sizes: {},
  latest: '12.6.3',
  sources: [SOURCES.nvidiaCudaBase, SOURCES.nvidiaCudaRuntime, SOURCES.nvidiaCudaEntrypoint],
  notes: ['the OS image its tag names with CUDA in /usr/local/cuda; runs as root, no user of its own'],
});

export const VENDORS: readonly RepositoryEntry[] = [...UBI, ...UBI_OPENJDK, FEDORA_REGISTRY, leap(null), leap('registry.opensuse.org'), BUN, SBT, MINICONDA, MICROMAMBA, ...JUPYTER, APACHE_KAFKA, BITNAMI_KAFKA, CONFLUENT_KAFKA, AIRFLOW, ...LINUXSERVER, ...PROMETHEUS, cuda(null), cuda('nvcr.io')];
