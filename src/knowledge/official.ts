import { alpineOs, axis, debianOrAlpine, debianOs, fixedOs, option, SLIM, slimOnDebian, tokenOs, ubuntuOs } from './axes.js';
import { DEBIAN_PATTERN, UBUNTU_PATTERN } from './distros.js';
import { ERLANG_HISTORY, GOLANG_HISTORY, NODE_HISTORY, OPENJDK_HISTORY, PYTHON_HISTORY, RUBY_HISTORY, RUST_HISTORY, TEMURIN_HISTORY } from './history.js';
import { sizes } from './sizes.js';
import { fedora } from './vendors.js';
import { officialLibrary, SOURCES } from './sources.js';
import type { DefaultReleaseRule, NginxLayout, RepositoryEntry, SiblingRule } from './types.js';

/**
 * Docker Hub's official repositories: tag grammars, default releases and facts,
 * read from docker-library's tag lists (library/<name>) and the images' Dockerfiles.
 * Windows tags are left out on purpose: the base answers null for them.
 */

const ALPINE_TODAY = '3.24';

/**
 * Node.js versions whose images have no ENTRYPOINT (docker-entrypoint.sh came on 2019-05-23, with
 * 8.16.0, 10.15.3, 11.15.0 and 12.3.1): lines that had ended by then, and the older versions of the
 * others. `node:10.15` points at 10.15.3, which has it; `node:10.15.2` does not.
 */
const range = (major: number, below: number): string[] => Array.from({ length: below }, (_, minor) => `${major}.${minor}`);
const NODE_WITHOUT_ENTRYPOINT: readonly string[] = [
  '0', '4', '5', '6', '7', '9',
  ...range(8, 16), ...range(10, 15), '10.15.0', '10.15.1', '10.15.2', ...range(11, 15), ...range(12, 3), '12.3.0',
];

/** Current version lines on one release; older lines resolve to null (not rebuilt). */
const on = (versions: readonly string[], family: DefaultReleaseRule['family'], release: string | null, when?: DefaultReleaseRule['when']): DefaultReleaseRule =>
  when === undefined ? { versions, family, release } : { versions, family, release, when };

/**
 * The official nginx image's files (nginx.org's packages, its Dockerfiles and entrypoint scripts): nginx.conf
 * (\`user nginx;\`, \`pid /run/nginx.pid;\`, /var/run/nginx.pid before 1.27; \`include /etc/nginx/conf.d/*.conf;\`
 * in http), conf.d/default.conf (\`listen 80;\`), the templates 20-envsubst-on-templates.sh renders into conf.d,
 * /var/cache/nginx for the temp files, the logs linked to stdout and stderr; all root's. nginxinc/nginx-unprivileged
 * changes the same things: the port, the pid file and the temp paths moved to /tmp, /var/cache/nginx and /etc/nginx given to 101.
 */
const NGINX_LAYOUT: NginxLayout = {
  config: '/etc/nginx/nginx.conf',
  sites: '/etc/nginx/conf.d',
  defaultSite: { path: '/etc/nginx/conf.d/default.conf', port: 80 },
  templates: { folder: '/etc/nginx/templates', suffix: '.template' },
  ownFiles: ['mime.types', 'fastcgi_params', 'scgi_params', 'uwsgi_params', 'koi-utf', 'koi-win', 'win-utf'],
  pidFile: '/run/nginx.pid',
  tempFolder: '/var/cache/nginx',
  tempDirectives: ['client_body_temp_path', 'proxy_temp_path', 'fastcgi_temp_path', 'uwsgi_temp_path', 'scgi_temp_path'],
  logLinks: ['/var/log/nginx/access.log', '/var/log/nginx/error.log'],
  links: { '/var/run': '/run' },
};

const SLIM_SIBLING: SiblingRule = { kind: 'slim', from: { flavour: [''], os: ['debian', 'default'] }, to: { flavour: 'slim' }, release: 'keep' };
const ALPINE_SIBLING: SiblingRule = { kind: 'alpine', from: { os: ['debian', 'default'] }, to: { os: 'alpine', flavour: '' }, release: 'default' };

/**
 * What every full swift image installs with apt (swiftlang/swift-docker: 6.x/ubuntu/24.04, 22.04 and debian/12);
 * their pkg-config is pkgconf's command (named pkgconf here, as buildTools.ts does).
 */
const SWIFT_PACKAGES = ['binutils', 'git', 'libcurl4-openssl-dev', 'libpython3-dev', 'libxml2-dev', 'pkgconf', 'tzdata'];

/** clojure's tags begin with the JDK they carry; `latest` is none of them. */
const CLOJURE_JDKS = ['temurin-8', 'temurin-11', 'temurin-17', 'temurin-21', 'temurin-25', 'temurin-26'];

/** `-alpine` alone: erlang's and elixir's Alpine tags name no Alpine release. */
const ALPINE_ONLY = axis('os', 'default', [{ ...alpineOs(), pattern: 'alpine' }]);

const DEBIAN_SUITES = {
  stable: 'trixie',
  oldstable: 'bookworm',
  oldoldstable: 'bullseye',
  testing: 'forky',
  unstable: 'sid',
} as const;

const NODE_CODENAMES = {
  argon: '4', boron: '6', carbon: '8', dubnium: '10', erbium: '12', fermium: '14',
  gallium: '16', hydrogen: '18', iron: '20', jod: '22', krypton: '24',
} as const;

const codenameAliases = Object.fromEntries(
  Object.entries(NODE_CODENAMES).flatMap(([name, major]) => [[name, major], [`lts-${name}`, major]]),
);

/**
 * Amazon Linux 2 and 2023 (`latest`), on Docker Hub and Amazon ECR Public: the same images, a rootfs
 * with CMD ["/bin/bash"]. 2 installs with yum, 2023 with dnf (yum is its alias). Amazon Linux 1
 * (`1`, `2018.03`), ended in 2023, and ECR's `-minimal` tags are not known.
 */
function amazonLinux(registry: 'public.ecr.aws' | null): RepositoryEntry {
  return {
    name: registry === null ? 'amazonlinux' : `${registry}/amazonlinux/amazonlinux`,
    registry,
    path: registry === null ? 'library/amazonlinux' : 'amazonlinux/amazonlinux',
    kind: 'os',
    // `2`, `2023`, and their builds: `2.0.20240318.0`, `2023.4.20240319.1`.
    version: '(?:2(?:\\.0\\.\\d{8}\\.\\d+)?|2023(?:\\.\\d+\\.\\d{8}\\.\\d+)?)',
    versionAliases: {},
    axes: [],
    defaults: [on(['2'], 'amazonlinux', '2'), on(['2023'], 'amazonlinux', '2023')],
    versionFacts: [{ versions: ['2'], facts: { packageManager: 'yum' } }],
    siblings: [],
    facts: { workdir: '/', cmd: ['/bin/bash'] },
    sizes: {},
    latest: '2023',
    sources: [officialLibrary('amazonlinux'), SOURCES.amazonlinuxImage, SOURCES.amazonlinuxShadow],
    notes: ['no slim or Alpine sibling: the image is already minimal (no useradd: install shadow-utils first)'],
  };
}

/**
 * Rocky Linux on Docker Hub (the official \`rockylinux\`, last built with 9.3, and the project's own
 * \`rockylinux/rockylinux\`) and quay.io: \`9\`, \`9.3\`, \`9.3.20231119\`, with \`-minimal\` (microdnf, no
 * yum). The \`-ubi\` tags are not known.
 */
function rockyLinux(name: 'rockylinux' | 'rockylinux/rockylinux' | 'quay.io/rockylinux/rockylinux'): RepositoryEntry {
  const registry = name.startsWith('quay.io/') ? 'quay.io' : null;
  return {
    name,
    registry,
    path: name === 'rockylinux' ? 'library/rockylinux' : 'rockylinux/rockylinux',
    kind: 'os',
    version: '(?:(?:8|9|10)(?:\\.\\d+(?:\\.\\d{8})?)?)',
    versionAliases: {},
    axes: [axis('flavour', '', [option('minimal', { packageManager: 'microdnf' })])],
    defaults: [on(['8'], 'rockylinux', 'rockylinux8'), on(['9'], 'rockylinux', 'rockylinux9'), on(['10'], 'rockylinux', 'rockylinux10')],
    siblings: [],
    facts: { workdir: '/' },
    sizes: {},
    latest: '9',
    sources: [officialLibrary('rockylinux'), SOURCES.rockyContainerBase, SOURCES.rockyContainerMinimal],
    notes: ['dnf, and microdnf on -minimal; neither has useradd (shadow-utils is installed first)'],
  };
}

/**
 * Oracle Linux 8 to 10 on Docker Hub (the official \`oraclelinux\`) and on Oracle's own registry
 * (\`container-registry.oracle.com/os/oraclelinux\`, where podman's short name \`oraclelinux\` points):
 * Oracle builds both from the same rootfs tarballs of oracle/container-images, under the same tags:
 * \`9\`, \`8.10\`, \`9-slim\`, \`9-slim-fips\`, and only Oracle Linux 8 named its point releases (8.0 to 8.10).
 * Neither has a \`latest\`: Oracle's registry never had one, and Docker Hub's tag list dropped it in
 * June 2020 (official-images da8fdbf836, "Removing the latest tag from Oracle Linux"), so a tag must
 * name the version. Oracle Linux 7 (yum, even on 7-slim) is not known; nor are tags
 * outside that list (a \`-fips\` without slim is in neither the tag list nor the tarballs, and
 * \`-slim-fips\` is built for 8 and 9 only: 10 has \`10\` and \`10-slim\`).
 */
function oracleLinux(registry: 'container-registry.oracle.com' | null): RepositoryEntry {
  return {
    name: registry === null ? 'oraclelinux' : `${registry}/os/oraclelinux`,
    registry,
    path: registry === null ? 'library/oraclelinux' : 'os/oraclelinux',
    kind: 'os',
    version: '(?:8(?:\\.(?:10|\\d))?|9|10)',
    versionRequired: true,
    versionAliases: {},
    axes: [axis('flavour', '', [option('slim', { packageManager: 'microdnf' }), { ...option('slim-fips', { packageManager: 'microdnf' }), versions: ['8', '9'] }])],
    defaults: [on(['8'], 'oraclelinux', 'oraclelinux8'), on(['9'], 'oraclelinux', 'oraclelinux9'), on(['10'], 'oraclelinux', 'oraclelinux10')],
    siblings: [],
    facts: { workdir: '/', packageManager: 'dnf', cmd: ['/bin/bash'] },
    sizes: {},
    latest: '9',
    sources: registry === null
      ? [officialLibrary('oraclelinux'), SOURCES.oraclelinuxImage, officialLibrary('openjdk')]
      : [SOURCES.oraclelinuxDist, SOURCES.oraclelinuxShortName, SOURCES.oraclelinuxRegistry, SOURCES.oraclelinuxImage],
    notes: ['dnf, and microdnf on -slim; neither has useradd (shadow-utils is installed first)'],
  };
}

export const OFFICIAL: readonly RepositoryEntry[] = [
  {
    name: 'debian', registry: null, path: 'library/debian', kind: 'os',
    version: `(?:\\d+(?:\\.\\d+)?|${DEBIAN_PATTERN}|stable|oldstable|oldoldstable|testing|unstable|experimental|rc-buggy)`,
    versionRelease: 'debian',
    versionAliases: DEBIAN_SUITES,
    axes: [axis('date', 'undated', [option('dated', undefined, '\\d{8}')]), axis('flavour', '', [option('slim', SLIM), option('backports')])],
    defaults: [],
    // The tag list has `bookworm-slim`, `12-slim`, `stable-slim`… and no `slim` alone.
    siblings: [{ kind: 'slim', from: { flavour: [''] }, to: { flavour: 'slim' }, release: 'keep', needsVersion: true }],
    facts: { workdir: '/', notes: ['debian and debian-slim carry the same packages; slim drops documentation, man pages and locales'] },
    sizes: sizes.debian,
    latest: 'trixie',
    sources: [officialLibrary('debian'), SOURCES.debianMinbase],
    notes: ['`debian:12` and `debian:bookworm` name the same release; suites (`stable`) move with Debian releases'],
  },
  {
    name: 'ubuntu', registry: null, path: 'library/ubuntu', kind: 'os',
    version: `(?:\\d\\d\\.\\d\\d|${UBUNTU_PATTERN}|rolling|devel)`,
    versionRelease: 'ubuntu',
    versionAliases: { rolling: 'resolute', devel: 'stonking' },
    axes: [axis('date', 'undated', [option('dated', undefined, '\\d{8}(?:\\.\\d+)?')])],
    defaults: [],
    siblings: [],
    facts: { workdir: '/' },
    sizes: sizes.ubuntu,
    latest: 'resolute',
    sources: [officialLibrary('ubuntu')],
    notes: ['Ubuntu has no slim variant'],
  },
  {
    name: 'alpine', registry: null, path: 'library/alpine', kind: 'os',
    version: '(?:3(?:\\.\\d+){0,2}|edge|\\d{8})',
    versionRelease: 'alpine',
    versionAliases: { '3': ALPINE_TODAY },
    axes: [],
    defaults: [],
    siblings: [],
    facts: { workdir: '/' },
    sizes: sizes.alpine,
    latest: ALPINE_TODAY,
    sources: [officialLibrary('alpine')],
    notes: ['dated tags (`20260805`) are snapshots of edge'],
  },
  amazonLinux(null),
  amazonLinux('public.ecr.aws'),
  {
    // `7`, `7.9.2009`, `centos7`, `8`, `8.4.2105`, `centos8` (latest); CentOS 6 and older are not known.
    name: 'centos', registry: null, path: 'library/centos', kind: 'os',
    version: '(?:[78](?:\\.\\d+\\.\\d{4})?|centos[78])',
    versionAliases: { centos7: '7', centos8: '8' },
    axes: [],
    defaults: [on(['7'], 'centos', 'centos7'), on(['8'], 'centos', 'centos8')],
    versionFacts: [{ versions: ['8'], facts: { packageManager: 'dnf' } }],
    siblings: [],
    facts: { workdir: '/' },
    sizes: {},
    latest: '8',
    sources: [officialLibrary('centos'), SOURCES.centos7Kickstart, SOURCES.centos8Kickstart, SOURCES.centosVault],
    notes: ['ended (7 in 2024, 8 in 2021): yum and dnf find no repository until they are pointed at vault.centos.org'],
  },
  rockyLinux('rockylinux'),
  rockyLinux('rockylinux/rockylinux'),
  rockyLinux('quay.io/rockylinux/rockylinux'),
  {
    // `9`, `9.5`, `9.5-20241118`, `minimal`, `9-minimal`, `9-micro`; `init` and `base` are not known.
    name: 'almalinux', registry: null, path: 'library/almalinux', kind: 'os',
    version: '(?:(?:8|9|10)(?:\\.\\d+)?)',
    versionAliases: {},
    axes: [
      axis('flavour', '', [
        option('minimal', { packageManager: 'microdnf' }),
        // No package manager: nothing can install useradd there.
        option('micro', { packageManager: 'none', cmd: ['/bin/sh', '-c', '/bin/sh'] }),
      ]),
      axis('date', 'undated', [option('dated', undefined, '\\d{8}')]),
    ],
    defaults: [on(['8'], 'almalinux', 'almalinux8'), on(['9'], 'almalinux', 'almalinux9'), on(['10'], 'almalinux', 'almalinux10')],
    siblings: [],
    facts: { workdir: '/' },
    sizes: {},
    latest: '10',
    sources: [officialLibrary('almalinux'), SOURCES.almalinuxTags, SOURCES.almalinuxDefault, SOURCES.almalinuxMinimal, SOURCES.almalinuxMicro],
    notes: ['dnf, microdnf on -minimal and no package manager on -micro; none has useradd (shadow-utils is installed first)'],
  },
  oracleLinux(null),
  oracleLinux('container-registry.oracle.com'),
  {
    name: 'busybox', registry: null, path: 'library/busybox', kind: 'os',
    version: '(?:\\d+(?:\\.\\d+){0,2}|stable|unstable)',
    versionAliases: {},
    axes: [axis('libc', 'glibc', [option('glibc'), option('musl', { libc: 'musl' }), option('uclibc', { libc: 'uclibc' })])],
    defaults: [{ versions: ['*'], family: 'busybox', release: null }],
    siblings: [],
    facts: { workdir: '/', notes: ['a single static busybox binary: no package manager, users via busybox adduser'] },
    sizes: {},
    latest: '1.38',
    sources: [officialLibrary('busybox')],
    notes: ['untagged and numbered tags are the glibc build on amd64'],
  },
  {
    name: 'buildpack-deps', registry: null, path: 'library/buildpack-deps', kind: 'os',
    version: `(?:${DEBIAN_PATTERN}|${UBUNTU_PATTERN}|\\d\\d\\.\\d\\d|stable|oldstable|oldoldstable|testing|unstable)`,
    versionRelease: 'debian-or-ubuntu',
    versionAliases: DEBIAN_SUITES,
    axes: [axis('flavour', '', [option('curl', { buildTools: false }), option('scm', { buildTools: false })])],
    defaults: [],
    siblings: [],
    facts: { workdir: '/', buildTools: true, notes: ['the base of the full language images: compilers, make, git, curl and many -dev headers'] },
    sizes: {},
    latest: 'trixie',
    sources: [officialLibrary('buildpack-deps'), SOURCES.buildpackDeps],
    notes: ['`-curl` has curl, wget, gnupg and ca-certificates; `-scm` adds git, mercurial, subversion, openssh-client, procps'],
  },
  {
    name: 'python', registry: null, path: 'library/python', kind: 'language',
    version: '(?:\\d+(?:\\.\\d+){0,2}(?:(?:a|b|rc)\\d+)?(?:-rc)?)',
    versionAliases: { '3': '3.14' },
    axes: [axis('flavour', '', [slimOnDebian()]), debianOrAlpine()],
    defaults: [on(['3.10', '3.11', '3.12', '3.13', '3.14', '3.15'], 'debian', 'trixie'), on(['3.10', '3.11', '3.12', '3.13', '3.14', '3.15'], 'alpine', ALPINE_TODAY)],
    history: PYTHON_HISTORY,
    siblings: [SLIM_SIBLING, ALPINE_SIBLING],
    // Python is built with prefix /usr/local and ENV PATH puts /usr/local/bin first; pip3 installs its pip there, and
    // \`ln -svT pip3 /usr/local/bin/pip\`: an upgrade as root writes the same files (Dockerfile-linux.template).
    facts: { workdir: '/', buildTools: true, cmd: ['python3'], upgradedInPlace: ['pip'] },
    sizes: sizes.python,
    latest: '3.14',
    sources: [officialLibrary('python'), SOURCES.pythonFull, SOURCES.pythonSlim],
    notes: ['the full image builds on buildpack-deps; slim keeps only ca-certificates, netbase and tzdata besides Python'],
  },
  {
    name: 'node', registry: null, path: 'library/node', kind: 'language',
    version: `(?:\\d+(?:\\.\\d+){0,2}|lts|current|(?:lts-)?(?:${Object.keys(NODE_CODENAMES).join('|')}))`,
    versionAliases: { lts: '24', current: '26', ...codenameAliases },
    axes: [debianOrAlpine(), axis('flavour', '', [slimOnDebian()])],
    defaults: [on(['26'], 'debian', 'trixie'), on(['22', '24'], 'debian', 'bookworm'), on(['22', '24', '26'], 'alpine', ALPINE_TODAY)],
    history: NODE_HISTORY,
    siblings: [SLIM_SIBLING, ALPINE_SIBLING],
    facts: {
      workdir: '/',
      buildTools: true,
      // \`useradd --uid 1000 --gid node --shell /bin/bash --create-home node\` (Alpine: \`adduser -u 1000 -G node -s /bin/sh -D node\`).
      nonRootUser: { name: 'node', uid: 1000, gid: 1000, home: '/home/node' },
      entrypoint: ['docker-entrypoint.sh'],
      // `set -- node "$@"` only when $1 is an option or not a command; then `exec "$@"`.
      entrypointRunsCommand: true,
      cmd: ['node'],
      // Node's release unpacked (or built, on Alpine) into /usr/local: npm's global prefix is /usr/local, so
      // \`npm install -g npm\` as root replaces /usr/local/lib/node_modules/npm and its /usr/local/bin/npm link.
      upgradedInPlace: ['npm'],
    },
    // Images built before docker-entrypoint.sh existed: their tags were never built again.
    versionFacts: [{ versions: NODE_WITHOUT_ENTRYPOINT, facts: { entrypoint: null, entrypointRunsCommand: false } }],
    sizes: sizes.node,
    latest: '26',
    sources: [officialLibrary('node'), SOURCES.nodeFull, SOURCES.nodeSlim, SOURCES.nodeAlpine, SOURCES.nodeEntrypoint],
    notes: ['every variant creates the user `node` (uid 1000) but runs as root', 'node 22 and 24 default to bookworm, node 26 to trixie'],
  },
  {
    name: 'ruby', registry: null, path: 'library/ruby', kind: 'language',
    version: '(?:\\d+(?:\\.\\d+){0,2}(?:-preview\\d+|-rc\\d*)?)',
    versionAliases: { '4': '4.0', '3': '3.4' },
    axes: [axis('flavour', '', [slimOnDebian()]), debianOrAlpine()],
    defaults: [on(['3.3', '3.4', '4.0'], 'debian', 'trixie'), on(['3.3', '3.4', '4.0'], 'alpine', ALPINE_TODAY)],
    history: RUBY_HISTORY,
    siblings: [SLIM_SIBLING, ALPINE_SIBLING],
    facts: {
      workdir: '/', buildTools: true, cmd: ['irb'], gemNoDocument: true, gemHome: '/usr/local/bundle',
      // Bundler's app config is /usr/local/bundle/config, wherever the app is: a .bundle/config copied into it is not read.
      env: { GEM_HOME: '/usr/local/bundle', BUNDLE_SILENCE_ROOT_WARNING: '1', BUNDLE_APP_CONFIG: '/usr/local/bundle' },
    },
    sizes: {},
    latest: '4.0',
    sources: [officialLibrary('ruby')],
    notes: [
      'every variant writes `install: --no-document` and `update: --no-document` to /usr/local/etc/gemrc',
      'every variant sets GEM_HOME=/usr/local/bundle, BUNDLE_SILENCE_ROOT_WARNING=1 and BUNDLE_APP_CONFIG=$GEM_HOME',
    ],
  },
  {
    name: 'rust', registry: null, path: 'library/rust', kind: 'language',
    version: '(?:\\d+(?:\\.\\d+){0,2})',
    versionAliases: { '1': '1.98' },
    axes: [axis('flavour', '', [slimOnDebian()]), debianOrAlpine()],
    defaults: [on(['1.98'], 'debian', 'trixie'), on(['1.98'], 'alpine', ALPINE_TODAY)],
    history: RUST_HISTORY,
    siblings: [SLIM_SIBLING, ALPINE_SIBLING],
    facts: { workdir: '/', buildTools: true },
    sizes: {},
    latest: '1.98',
    sources: [officialLibrary('rust'), SOURCES.rustSlim],
    notes: ['only the newest stable release is built; older version tags keep their last build', 'slim keeps gcc, libc6-dev and ca-certificates (rustc links with cc)'],
  },
  {
    name: 'golang', registry: null, path: 'library/golang', kind: 'language',
    version: '(?:\\d+(?:\\.\\d+){0,2}(?:rc\\d+)?|tip(?:-\\d{8})?)',
    versionAliases: { '1': '1.27' },
    axes: [debianOrAlpine()],
    defaults: [on(['1.26', '1.27', 'tip'], 'debian', 'trixie'), on(['1.26', '1.27', 'tip'], 'alpine', ALPINE_TODAY)],
    history: GOLANG_HISTORY,
    siblings: [{ kind: 'alpine', from: { os: ['debian', 'default'] }, to: { os: 'alpine' }, release: 'default' }],
    facts: { workdir: '/go', buildTools: true },
    sizes: {},
    latest: '1.27',
    sources: [officialLibrary('golang'), SOURCES.golangAlpine],
    notes: ['golang has no slim variant: build in it and ship the binary on distroless or scratch'],
  },
  {
    name: 'eclipse-temurin', registry: null, path: 'library/eclipse-temurin', kind: 'language',
    version: '(?:\\d+(?:u\\d+-b\\d+|(?:\\.\\d+){1,3}(?:_\\d+)?)?)',
    versionAliases: {},
    axes: [
      axis('kind', 'jdk', [option('jdk'), option('jre')]),
      axis('os', 'default', [ubuntuOs(), alpineOs(true), tokenOs('ubi', 'ubi(?:9|10)-minimal', 'ubi')]),
    ],
    defaults: [on(['8', '11', '17', '21', '25', '26'], 'ubuntu', 'resolute'), on(['8', '11', '17', '21', '25', '26'], 'alpine', ALPINE_TODAY)],
    history: TEMURIN_HISTORY,
    // Temurin 16 had JDK tags only; `latest` has no `jre` nor `alpine` beside it (they are `25-jre`, `25-alpine`).
    siblings: [
      { kind: 'jre', from: { kind: ['jdk'] }, to: { kind: 'jre' }, release: 'keep', needsVersion: true, versions: ['8', '11', '17', '18', '19', '20', '21', '22', '23', '24', '25', '26'] },
      { kind: 'alpine', from: { os: ['ubuntu', 'default'] }, to: { os: 'alpine' }, release: 'default', needsVersion: true },
    ],
    // Adds certificates only when USE_SYSTEM_CA_CERTS is set, then `exec "$@"`.
    facts: { workdir: '/', entrypoint: ['/__cacert_entrypoint.sh'], entrypointRunsCommand: true, notes: ['JDK images of Java 9 and later run `jshell` by default'] },
    sizes: {},
    latest: '25',
    sources: [officialLibrary('eclipse-temurin'), SOURCES.temurin, SOURCES.temurinJre, SOURCES.temurinUbi],
    notes: ['a tag without an OS is Ubuntu 26.04 (resolute) today'],
  },
  {
    name: 'openjdk', registry: null, path: 'library/openjdk', kind: 'language',
    version: '(?:\\d+(?:u\\d+(?:-b\\d+)?)?(?:-ea|-rc)?(?:-\\d+)?(?:\\.\\d+)*)',
    versionAliases: {},
    axes: [
      axis('kind', 'jdk', [option('jdk'), option('jre')]),
      axis('flavour', '', [slimOnDebian()]),
      axis('os', 'default', [debianOs(), alpineOs(), tokenOs('oraclelinux', 'oracle(?:linux(?:9|10|8|7))?', 'oraclelinux', { oracle: 'oraclelinux10' })]),
    ],
    // A tag without an OS was Debian up to Java 11; from 12 it was Oracle Linux, but for the
    // slim tags (`openjdk:17` is oraclelinux8, `openjdk:17-slim` Debian bullseye); from 27, Debian.
    defaults: [
      on(['27', '28'], 'debian', 'trixie'),
      on(['12', '13', '14', '15', '16', '17', '18', '19', '20', '21', '22', '23', '24', '25', '26'], 'oraclelinux', null, { flavour: [''] }),
      on(['7', '8', '9', '10', '11', '12', '13', '14', '15', '16', '17', '18', '19', '20', '21', '22', '23', '24', '25', '26'], 'debian', null),
    ],
    history: OPENJDK_HISTORY,
    siblings: [
      { kind: 'slim', from: { flavour: [''], os: ['debian', 'default'] }, to: { flavour: 'slim' }, release: 'keep', needsVersion: true },
      { kind: 'jre', from: { kind: ['jdk'] }, to: { kind: 'jre' }, release: 'keep', versions: ['8', '11'] },
    ],
    facts: { workdir: '/', buildTools: true },
    sizes: {},
    latest: '28',
    sources: [officialLibrary('openjdk')],
    notes: ['deprecated: only early-access builds are published; use eclipse-temurin or amazoncorretto', 'JRE tags exist for Java 8 and 11 only'],
  },
  {
    name: 'amazoncorretto', registry: null, path: 'library/amazoncorretto', kind: 'language',
    version: '(?:\\d+(?:u\\d+|(?:\\.\\d+){1,3})?)',
    versionAliases: {},
    axes: [
      axis('os', 'default', [
        fixedOs('al2023', 'al2023', 'amazonlinux', '2023'),
        // -native: Corretto from Amazon Linux's own packages, which have a JRE; -generic and plain al2 have none.
        fixedOs('al2-native', 'al2-native', 'amazonlinux', '2', { packageManager: 'yum' }),
        fixedOs('al2', 'al2(?:-generic)?', 'amazonlinux', '2', { packageManager: 'yum' }),
        alpineOs(),
      ]),
      axis('kind', 'jdk', [option('jdk'), option('jre'), option('headless'), option('headful'), option('full')]),
    ],
    defaults: [on(['8', '11', '17', '21', '25', '26'], 'amazonlinux', '2023'), on(['8', '11', '17', '21', '25', '26'], 'alpine', ALPINE_TODAY)],
    siblings: [
      // `latest` has no `alpine` beside it: the Alpine tags all name a version (`8-alpine`).
      { kind: 'alpine', from: { os: ['al2023', 'default'] }, to: { os: 'alpine' }, release: 'default', needsVersion: true },
      // `8-jre`, `8-al2023-jre`, `8u504-al2023-jre`, `8-alpine3.24-jre`, `8-al2-native-jre`: no `8u504-jre`, no `8-al2-jre`.
      { kind: 'jre', from: { kind: ['jdk'], os: ['al2023', 'al2-native', 'alpine'] }, to: { kind: 'jre' }, release: 'keep', versions: ['8'] },
      { kind: 'jre', from: { kind: ['jdk'], os: ['default'] }, to: { kind: 'jre' }, release: 'keep', versions: ['8'], lineOnly: true },
    ],
    facts: { workdir: '/' },
    sizes: {},
    latest: '8',
    sources: [officialLibrary('amazoncorretto')],
    notes: ['`latest` is Corretto 8 on Amazon Linux 2023', 'JRE tags exist for Corretto 8 on Amazon Linux 2023, Alpine and al2-native (a tag without an OS: `8-jre` only); later versions have `-headless`'],
  },
  {
    name: 'maven', registry: null, path: 'library/maven', kind: 'build-tool',
    version: '(?:\\d+(?:\\.\\d+){0,2}(?:-(?:rc|alpha|beta)-\\d+)?)',
    versionAliases: { '3': '3.9', '4': '4.0' },
    axes: [
      axis('jdk', 'eclipse-temurin', [
        option('eclipse-temurin', undefined, 'eclipse-temurin(?:-\\d+)?'),
        // FROM amazoncorretto:<java>, on Amazon Linux 2 or 2023: yum is on both (the image's own RUNs use it);
        // the OS options below set their own package manager.
        option('amazoncorretto', { packageManager: 'yum' }, 'amazoncorretto(?:-\\d+)?'),
        option('ibm-semeru', undefined, 'ibm-semeru(?:-\\d+)?'),
        option('ibmjava', undefined, 'ibmjava(?:-\\d+)?'),
        option('sapmachine', undefined, 'sapmachine(?:-\\d+)?'),
        // The openjdk images of Java 6 to 11 were Debian; from 12 a tag without -slim was Oracle Linux (microdnf, no useradd).
        option('openjdk', undefined, '(?:openjdk|jdk)-(?:[6-9]|1[01])'),
        option('openjdk-oraclelinux', undefined, '(?:openjdk|jdk)-(?:1[2-9]|[2-9]\\d)'),
      ]),
      axis('flavour', '', [option('slim', SLIM)]),
      axis('os', 'default', [
        { ...ubuntuOs(), facts: { packageManager: 'apt' } },
        { ...debianOs(), pattern: `(?:debian-)?${DEBIAN_PATTERN}|debian`, facts: { packageManager: 'apt' } },
        alpineOs(false, { packageManager: 'apk' }),
        fixedOs('al2023', 'al2023', 'amazonlinux', '2023', { packageManager: 'dnf' }),
      ]),
    ],
    defaults: [
      // The openjdk tags were last built in 2022, on releases not recorded.
      on(['*'], 'debian', null, { jdk: ['openjdk'] }),
      on(['*'], 'debian', null, { jdk: ['openjdk-oraclelinux'], flavour: ['slim'] }),
      on(['*'], 'oraclelinux', null, { jdk: ['openjdk-oraclelinux'], flavour: [''] }),
      on(['*'], 'alpine', null, { jdk: ['openjdk', 'openjdk-oraclelinux'] }),
      // FROM amazoncorretto:<java>, which moved from Amazon Linux 2 to 2023: which one a tag was built on is not recorded.
      on(['*'], 'amazonlinux', null, { jdk: ['amazoncorretto'] }),
      on(['3.9', '4.0'], 'ubuntu', 'noble'),
      on(['3.9', '4.0'], 'alpine', ALPINE_TODAY),
    ],
    siblings: [],
    // mvn-entrypoint.sh copies the image's settings into MAVEN_CONFIG (/root/.m2), then `exec "$@"`.
    facts: { workdir: '/', buildTools: true, entrypoint: ['/usr/local/bin/mvn-entrypoint.sh'], entrypointRunsCommand: true },
    sizes: {},
    latest: '3.9',
    sources: [officialLibrary('maven'), SOURCES.mavenOpenjdk],
    notes: ['a build image: its runtime is eclipse-temurin:<java>-jre of the same OS', 'without a JDK major the tag means Eclipse Temurin 26 today'],
  },
  {
    name: 'gradle', registry: null, path: 'library/gradle', kind: 'build-tool',
    version: '(?:\\d+(?:\\.\\d+){0,2})',
    versionAliases: { '8': '8.14', '9': '9.7' },
    axes: [
      axis('jdk', 'jdk', [option('jdk', undefined, 'jdk(?:\\d+)?')]),
      // corretto: FROM amazoncorretto:<java>-al2023-jdk, with or without -al2023 in the tag; the image runs useradd itself.
      axis('dist', 'temurin', [option('graal'), option('corretto', { userTools: 'shadow' })]),
      axis('os', 'default', [ubuntuOs(), alpineOs(), fixedOs('al2023', 'al2023', 'amazonlinux', '2023'), tokenOs('ubi', 'ubi(?:9|10)?', 'ubi', { ubi: 'ubi10' })]),
    ],
    defaults: [on(['*'], 'amazonlinux', '2023', { dist: ['corretto'] }), { versions: ['*'], family: 'ubuntu', release: null }, on(['8.14', '9.7'], 'alpine', ALPINE_TODAY)],
    siblings: [],
    // Every variant makes gradle (1000:1000; on noble, Ubuntu's own user renamed) and ends with USER root.
    facts: { workdir: '/home/gradle', buildTools: true, nonRootUser: { name: 'gradle', uid: 1000, gid: 1000 } },
    sizes: {},
    latest: '9.7',
    sources: [officialLibrary('gradle'), SOURCES.gradleCorretto, SOURCES.gradleUser],
    notes: ['a build image: its runtime is eclipse-temurin:<java>-jre', 'the default Ubuntu release depends on the JDK (jdk8/jdk11: jammy); name it in the tag'],
  },
  {
    name: 'php', registry: null, path: 'library/php', kind: 'language',
    version: '(?:\\d+(?:\\.\\d+){0,2}(?:(?:alpha|beta|RC)\\d+)?(?:-rc)?)',
    versionAliases: { '8': '8.5' },
    axes: [
      axis('variant', 'cli', [
        option('cli', { cmd: ['php', '-a'], workdir: '/' }),
        { ...option('apache', { cmd: ['apache2-foreground'], workdir: '/var/www/html', mustStartAsRoot: 'Apache binds port 80 as root, then serves as www-data' }), onlyWith: { os: ['debian', 'default'] } },
        option('fpm', { cmd: ['php-fpm'], workdir: '/var/www/html' }),
        option('zts', { cmd: ['php', '-a'], workdir: '/' }),
      ]),
      // The Alpine variants keep ca-certificates, curl and xz, not $PHPIZE_DEPS.
      axis('os', 'default', [debianOs(), alpineOs(false, { debianPackages: ['ca-certificates', 'curl', 'xz-utils'] })]),
    ],
    defaults: [on(['8.2', '8.3', '8.4', '8.5', '8.6'], 'debian', 'trixie'), on(['8.2', '8.3', '8.4', '8.5', '8.6'], 'alpine', ALPINE_TODAY)],
    siblings: [{ kind: 'alpine', from: { variant: ['cli', 'fpm', 'zts'], os: ['debian', 'default'] }, to: { os: 'alpine' }, release: 'default' }],
    // Prepends `php` only when $1 is an option; then `exec "$@"`. The Debian variants install
    // $PHPIZE_DEPS with ca-certificates, curl and xz-utils, and keep them (the Alpine ones do not).
    facts: {
      entrypoint: ['docker-php-entrypoint'],
      entrypointRunsCommand: true,
      cmd: ['php', '-a'],
      debianPackages: ['autoconf', 'dpkg-dev', 'file', 'g++', 'gcc', 'libc6-dev', 'make', 'pkgconf', 're2c', 'ca-certificates', 'curl', 'xz-utils'],
    },
    sizes: {},
    latest: '8.5',
    sources: [officialLibrary('php'), SOURCES.phpCli, SOURCES.phpApache, SOURCES.phpFpm, SOURCES.phpZts],
    notes: ['no slim variant; apache has no Alpine variant'],
  },
  {
    name: 'nginx', registry: null, path: 'library/nginx', kind: 'server',
    version: '(?:\\d+(?:\\.\\d+){0,2}|mainline|stable)',
    versionAliases: { mainline: '1.31', stable: '1.30', '1': '1.31' },
    axes: [debianOrAlpine(), axis('module', '', [option('perl'), option('otel'), { ...option('slim', SLIM), onlyWith: { os: ['alpine'] } }])],
    defaults: [on(['1.30', '1.31'], 'debian', 'trixie'), on(['1.30', '1.31'], 'alpine', ALPINE_TODAY)],
    siblings: [
      { kind: 'alpine', from: { os: ['debian', 'default'], module: [''] }, to: { os: 'alpine' }, release: 'default' },
      { kind: 'slim', from: { os: ['alpine'], module: [''] }, to: { module: 'slim' }, release: 'keep' },
    ],
    facts: {
      workdir: '/',
      nonRootUser: { name: 'nginx', uid: 101, gid: 101 },
      entrypoint: ['/docker-entrypoint.sh'],
      // Runs the scripts of /docker-entrypoint.d when $1 is nginx or nginx-debug, then \`exec "$@"\` for any command.
      entrypointExecsCommand: true,
      cmd: ['nginx', '-g', 'daemon off;'],
      mustStartAsRoot: 'the master process binds port 80 and switches workers to user nginx (101)',
      nginx: NGINX_LAYOUT,
    },
    sizes: {},
    latest: '1.31',
    sources: [officialLibrary('nginx'), SOURCES.nginx, SOURCES.nginxEntrypoint],
    notes: ['`-slim` exists for Alpine only; nginxinc/nginx-unprivileged is the non-root alternative'],
  },
  {
    name: 'httpd', registry: null, path: 'library/httpd', kind: 'server',
    version: '(?:\\d+(?:\\.\\d+){0,2})',
    versionAliases: { '2': '2.4' },
    axes: [debianOrAlpine()],
    defaults: [on(['2.4'], 'debian', 'trixie'), on(['2.4'], 'alpine', ALPINE_TODAY)],
    siblings: [{ kind: 'alpine', from: { os: ['debian', 'default'] }, to: { os: 'alpine' }, release: 'default' }],
    facts: { workdir: '/usr/local/apache2', cmd: ['httpd-foreground'], mustStartAsRoot: 'httpd binds port 80 as root, then serves as www-data' },
    sizes: {},
    latest: '2.4',
    sources: [officialLibrary('httpd'), SOURCES.httpd],
    notes: [],
  },
  {
    // From 2.5 on: the images of 2.0 to 2.4 declared VOLUME /config and /data, where a later RUN's chown is lost.
    // \`2.11.2\`, \`2.11-alpine\`, \`2.11.0-beta.2\`, \`builder\`, \`2-builder-alpine\`; the Windows tags are not known.
    name: 'caddy', registry: null, path: 'library/caddy', kind: 'server',
    version: '(?:2(?:\\.(?:[5-9]|\\d{2,})(?:\\.\\d+)?(?:-(?:alpha|beta|rc)\\.\\d+)?)?)',
    versionAliases: {},
    axes: [
      // The builder: golang:alpine with xcaddy, which builds caddy with plugins into its WORKDIR.
      axis('flavour', '', [option('builder', { workdir: '/usr/bin', cmd: ['/bin/sh'], env: {}, writtenAtRun: [], notes: ['a build image: xcaddy build writes /usr/bin/caddy, which the caddy image runs'] })]),
      axis('os', 'default', [alpineOs()]),
    ],
    // Alpine only (the tags without an OS are that and the Windows images under one name); which release a tag has is not recorded.
    defaults: [{ versions: ['*'], family: 'alpine', release: null }],
    siblings: [],
    facts: {
      workdir: '/srv',
      // Caddy keeps its certificates and keys in $XDG_DATA_HOME/caddy and its autosaved configuration in $XDG_CONFIG_HOME/caddy.
      env: { XDG_CONFIG_HOME: '/config', XDG_DATA_HOME: '/data' },
      cmd: ['caddy', 'run', '--config', '/etc/caddy/Caddyfile', '--adapter', 'caddyfile'],
    },
    // Before 2.11.1 (and in the first builds of 2.10.2 and 2.11.0-beta.2) both folders were root's, mode 755.
    versionFacts: [
      {
        versions: ['2.5', '2.6', '2.7', '2.8', '2.9', '2.10', '2.11.0'],
        facts: {
          writtenAtRun: [
            { path: '/data/caddy', what: 'Caddy keeps the certificates and keys it obtains there' },
            { path: '/config/caddy', what: 'Caddy saves the configuration it last loaded there' },
          ],
        },
      },
    ],
    sizes: {},
    latest: '2.11',
    sources: [officialLibrary('caddy'), SOURCES.caddy, SOURCES.caddyWritable, SOURCES.caddyBuilder],
    notes: ['runs as root; /config/caddy and /data/caddy are writable by every user from 2.11.1 on (root\'s before); /usr/bin/caddy carries cap_net_bind_service from 2.6.3 on'],
  },
  {
    name: 'haproxy', registry: null, path: 'library/haproxy', kind: 'server',
    // From 2.4 only: the images of 1.x to 2.3 ran as root, with entrypoints and configurations of the
    // time (a chroot, a \`user\` to switch to, a stats socket in /var/run): they stay unknown.
    version: '(?:(?:2\\.(?:[4-9]|[1-9]\\d)|[3-9]\\.\\d+)(?:\\.\\d+)?(?:-dev\\d*)?|lts)',
    versionAliases: { lts: '3.4' },
    axes: [debianOrAlpine()],
    defaults: [on(['2.6', '2.8', '3.0', '3.2', '3.3', '3.4', '3.5'], 'debian', 'trixie'), on(['2.6', '2.8', '3.0', '3.2', '3.3', '3.4', '3.5'], 'alpine', ALPINE_TODAY)],
    siblings: [{ kind: 'alpine', from: { os: ['debian', 'default'] }, to: { os: 'alpine' }, release: 'default' }],
    facts: {
      workdir: '/var/lib/haproxy',
      user: { name: 'haproxy', uid: 99 },
      nonRootUser: { name: 'haproxy', uid: 99, gid: 99 },
      entrypoint: ['docker-entrypoint.sh'],
      // Adds -W -db when $1 is haproxy (prepending haproxy to options), then \`exec "$@"\` for any command.
      entrypointExecsCommand: true,
      cmd: ['haproxy', '-f', '/usr/local/etc/haproxy/haproxy.cfg'],
    },
    sizes: {},
    latest: '3.4',
    sources: [officialLibrary('haproxy'), SOURCES.haproxy, SOURCES.haproxyUser],
    notes: ['runs as haproxy (99) from 2.4 on (older tags, which ran as root, are not known); the Debian variant is built on debian:<release>-slim, so there is no slim tag'],
  },
  {
    // `11.0.25-jdk21-temurin-noble`, `10.1-jre17`, `9.0`: a Java kind and major, Temurin, an Ubuntu release.
    name: 'tomcat', registry: null, path: 'library/tomcat', kind: 'server',
    version: '(?:\\d+(?:\\.\\d+){0,2})',
    versionAliases: {},
    axes: [
      axis('kind', 'jdk', [option('jdk', undefined, 'jdk\\d+'), option('jre', undefined, 'jre\\d+')]),
      axis('vendor', 'temurin', [option('temurin')]),
      axis('os', 'default', [ubuntuOs()]),
    ],
    // noble or jammy, by the Java major: which one a tag without a release has is not recorded.
    defaults: [{ versions: ['*'], family: 'ubuntu', release: null }],
    siblings: [],
    facts: {
      workdir: '/usr/local/tomcat',
      // eclipse-temurin's entrypoint is cleared: the command runs as it is.
      entrypoint: null,
      cmd: ['catalina.sh', 'run'],
      // logs, temp and work are mode 1777; webapps is made by the RUN as root.
      writtenAtRun: [{ path: '/usr/local/tomcat/webapps', what: 'Tomcat unpacks each WAR there into a folder beside it when it deploys it' }],
    },
    sizes: {},
    latest: '11.0',
    sources: [officialLibrary('tomcat'), SOURCES.tomcat, SOURCES.tomcatHost],
    notes: ['runs as root; CATALINA_HOME is /usr/local/tomcat, its logs, temp and work are writable by every user, webapps is root\'s'],
  },
  {
    name: 'perl', registry: null, path: 'library/perl', kind: 'language',
    version: '(?:\\d+(?:\\.\\d+){0,2}|stable|devel)',
    versionAliases: { '5': '5.44', stable: '5.44', devel: '5.45' },
    // `5.44.0-slim-threaded-bookworm`: the full image builds on buildpack-deps, slim on debian:<release>-slim.
    axes: [axis('flavour', '', [slimOnDebian()]), axis('threads', '', [option('threaded')]), axis('os', 'default', [debianOs()])],
    defaults: [on(['5.40', '5.42', '5.44', '5.45'], 'debian', 'trixie')],
    siblings: [],
    facts: { workdir: '/usr/src/app', buildTools: true, notes: ['the command is the versioned perl debugger (`perl5.44.0 -de0`)'] },
    sizes: {},
    latest: '5.44',
    sources: [officialLibrary('perl'), SOURCES.perl],
    notes: ['-threaded builds perl with ithreads'],
  },
  {
    name: 'composer', registry: null, path: 'library/composer', kind: 'build-tool',
    version: '(?:\\d+(?:\\.\\d+){0,2})',
    versionAliases: { '2': '2.10' },
    axes: [],
    // php:8-alpine, rebuilt with it; lines no longer built keep an Alpine release that is not recorded.
    defaults: [on(['2.10', '2.2'], 'alpine', ALPINE_TODAY)],
    siblings: [],
    facts: {
      workdir: '/app',
      bash: true,
      entrypoint: ['/docker-entrypoint.sh'],
      // Runs `tini -- composer …` when $1 is an option or a composer command, else `exec "$@"`.
      entrypointRunsCommand: true,
      cmd: ['composer'],
      // ENV COMPOSER_HOME=/tmp: Composer's cache is /tmp/cache there.
      env: { COMPOSER_ALLOW_SUPERUSER: '1', COMPOSER_HOME: '/tmp' },
    },
    sizes: {},
    latest: '2.10',
    sources: [officialLibrary('composer'), SOURCES.composer],
    notes: ['a build image on php:8-alpine: its runtime is php'],
  },
  fedora(null, [officialLibrary('fedora')], 'the same images as registry.fedoraproject.org/fedora'),
  {
    name: 'gcc', registry: null, path: 'library/gcc', kind: 'build-tool',
    version: '(?:\\d+(?:\\.\\d+){0,2})',
    versionAliases: {},
    axes: [axis('os', 'default', [debianOs()])],
    defaults: [on(['14', '15', '16'], 'debian', 'trixie'), on(['12', '13'], 'debian', 'bookworm')],
    siblings: [],
    facts: { workdir: '/', buildTools: true },
    sizes: {},
    latest: '16',
    sources: [officialLibrary('gcc'), SOURCES.gccTemplate],
    notes: ['a build image on buildpack-deps: its runtime is debian:<release>-slim'],
  },
  {
    // `4.6.0`, `latest`: one tag per R release.
    name: 'r-base', registry: null, path: 'library/r-base', kind: 'language',
    version: '(?:\\d+\\.\\d+\\.\\d+)',
    versionAliases: {},
    axes: [],
    // debian:testing, with R from unstable: the release moves with Debian's testing, so it is not recorded.
    defaults: [{ versions: ['*'], family: 'debian', release: null }],
    siblings: [],
    // r-base-dev brings build-essential; the user docker (`useradd -m docker`, the first: 1000, in group staff) is there, unused.
    facts: { workdir: '/', buildTools: true, nonRootUser: { name: 'docker', uid: 1000, gid: 1000 }, cmd: ['R'] },
    sizes: {},
    latest: '4.6.0',
    sources: [officialLibrary('r-base'), SOURCES.rBase],
    notes: ['runs as root; the user docker (1000) may write /usr/local/lib/R/site-library through the group staff'],
  },
  {
    // `28.5.0.5`, `28`, `28-slim`, `28-alpine`, `slim`, `alpine`: tags name no Debian or Alpine release.
    name: 'erlang', registry: null, path: 'library/erlang', kind: 'language',
    version: '(?:2[4-9](?:\\.\\d+){0,3})',
    versionAliases: {},
    axes: [axis('flavour', '', [slimOnDebian()]), ALPINE_ONLY],
    // Today's tag list; the history says where older versions of each line were built. The Alpine release of a
    // line moved with its Dockerfile (25 and 24 are on 3.22 today): which one a tag has is not recorded.
    defaults: [on(['28', '29'], 'debian', 'trixie'), on(['26', '27'], 'debian', 'bookworm'), on(['24', '25'], 'debian', 'bullseye'), on(['*'], 'alpine', null)],
    history: ERLANG_HISTORY,
    siblings: [SLIM_SIBLING, ALPINE_SIBLING],
    facts: { workdir: '/', buildTools: true, cmd: ['erl'] },
    sizes: {},
    latest: '29',
    sources: [officialLibrary('erlang'), SOURCES.erlang, SOURCES.erlangSlim, SOURCES.erlangAlpine],
    notes: [
      'the full image builds on buildpack-deps and adds rebar (2) and rebar3; slim (on debian:<release>) and alpine have rebar3 only, and no compilers, make or git',
      'a release built with `rebar3 release` or `mix release` (ERTS included) runs on the builder\'s Debian release, slim, or on the same Alpine release',
    ],
  },
  {
    // `1.20.3`, `1.20-otp-28`, `otp-28-slim`, `1.19-alpine`: on erlang:<otp>, -slim and -alpine.
    name: 'elixir', registry: null, path: 'library/elixir', kind: 'language',
    version: '(?:1\\.(?:1[6-9]|20)(?:\\.\\d+)?)',
    versionAliases: {},
    axes: [axis('otp', 'default', [option('otp', undefined, 'otp-2[4-9]')]), axis('flavour', '', [slimOnDebian()]), ALPINE_ONLY],
    // The Debian release is erlang's for the OTP the tag was built with, which moved with both images: not recorded.
    defaults: [on(['*'], 'debian', null), on(['*'], 'alpine', null)],
    siblings: [SLIM_SIBLING, ALPINE_SIBLING],
    facts: { workdir: '/', buildTools: true, cmd: ['iex'], env: { LANG: 'C.UTF-8' } },
    sizes: {},
    latest: '1.20',
    sources: [officialLibrary('elixir'), SOURCES.elixir, SOURCES.erlangSlim],
    notes: [
      'mix builds what mix.exs names: Hex packages, git dependencies, NIFs compiled with make and gcc (bcrypt_elixir, argon2): the full image has those tools, slim and alpine do not',
      'a Phoenix release (`mix release`) built here runs on the same Debian release, slim, with libstdc++6, openssl, libncurses and locales as it needs',
    ],
  },
  {
    // `1.12.7`, `1.12-trixie`, `1-bookworm`, `1.13-rc`, `rc`, `1.10-alpine3.19`; the Windows tags are not known. 1.6, 1.8
    // and 1.9 were last built with docker-entrypoint.sh (added 2022-10-20), but not 1.6.0 to 1.6.6, 1.8.0, 1.8.1 or 1.7.
    name: 'julia', registry: null, path: 'library/julia', kind: 'language',
    version: '(?:1(?:\\.(?:1[0-3]|9)(?:\\.\\d+)?|\\.6(?:\\.7)?|\\.8(?:\\.[2-9])?)?(?:-rc\\d*)?|rc)',
    versionAliases: {},
    // Alpine tags were built for 1.6 to 1.11 (1.10 last, until 2026-03-10): busybox wget fetched Julia, no curl is kept.
    axes: [axis('os', 'default', [debianOs(), alpineOs()])],
    // trixie today; a tag's builds moved from bookworm when the default did, which is not recorded.
    defaults: [on(['*'], 'debian', null), on(['*'], 'alpine', null)],
    siblings: [],
    // Runs `julia "$@"` when $1 is an option or a .jl file, else \`exec "$@"\`.
    facts: { workdir: '/', entrypoint: ['docker-entrypoint.sh'], entrypointRunsCommand: true, cmd: ['julia'], debianPackages: ['ca-certificates', 'curl'] },
    sizes: {},
    latest: '1.12',
    sources: [officialLibrary('julia'), SOURCES.julia, SOURCES.juliaAlpine, SOURCES.juliaEntrypoint, SOURCES.juliaAlpineDropped],
    notes: ['built on debian:<release>-slim, so there is no slim variant; the Alpine tags are no longer built; Julia is in /usr/local/julia'],
  },
  {
    // `3.13.1`, `3-sdk`, `stable`, `sdk`, `beta`, `3.14.0-95.2.beta-sdk`: every tag is the SDK image.
    name: 'dart', registry: null, path: 'library/dart', kind: 'language',
    version: '(?:3(?:\\.\\d+){0,2}(?:-\\d+\\.\\d+\\.beta)?|stable|beta)',
    versionAliases: {},
    axes: [axis('sdk', '', [option('sdk')])],
    // debian:trixie-slim today; older builds were on bookworm, which tag had which is not recorded.
    defaults: [on(['*'], 'debian', null)],
    siblings: [],
    facts: { workdir: '/root', debianPackages: ['ca-certificates', 'curl', 'dnsutils', 'git', 'openssh-client', 'unzip'] },
    sizes: {},
    latest: '3',
    sources: [officialLibrary('dart'), SOURCES.dart],
    notes: [
      'WORKDIR /root, and PATH has /root/.pub-cache/bin: `dart pub global activate` installs there',
      'a program compiled with `dart compile exe` runs on scratch with `COPY --from=<this stage> /runtime/ /` (the loader, glibc, nsswitch.conf and the CA certificates) beside it',
    ],
  },
  {
    // `6.3.3`, `6.3-noble`, `jammy-slim`, `6.2-bookworm-slim`; the amazonlinux, rhel-ubi and Windows tags are not known.
    name: 'swift', registry: null, path: 'library/swift', kind: 'language',
    version: '(?:6\\.[0-3](?:\\.\\d+)?)',
    versionAliases: {},
    // The packages each full variant installs (libgcc-N-dev, libstdc++-N-dev and libz3-dev aside); slim has libcurl4, libxml2 and tzdata.
    axes: [
      axis('os', 'default', [
        { ...ubuntuOs(), pattern: 'noble|jammy', facts: { debianPackages: [...SWIFT_PACKAGES, 'unzip', 'gnupg2', 'libc6-dev', 'libedit2', 'libsqlite3-0', 'zlib1g-dev'] } },
        { ...debianOs(), pattern: 'bookworm', facts: { debianPackages: [...SWIFT_PACKAGES, 'gcc', 'libicu-dev', 'libedit-dev', 'libsqlite3-dev', 'libncurses-dev', 'uuid-dev'] } },
      ]),
      axis('flavour', '', [option('slim', { debianPackages: ['libcurl4', 'libxml2', 'tzdata'] })]),
    ],
    defaults: [on(['6.0', '6.1', '6.2', '6.3'], 'ubuntu', 'noble')],
    // bookworm-slim is listed from 6.2 on.
    siblings: [
      { kind: 'slim', from: { flavour: [''], os: ['ubuntu', 'default'] }, to: { flavour: 'slim' }, release: 'keep' },
      { kind: 'slim', from: { flavour: [''], os: ['debian'] }, to: { flavour: 'slim' }, release: 'keep', versions: ['6.2', '6.3'] },
    ],
    facts: { workdir: '/' },
    sizes: {},
    latest: '6.3',
    sources: [officialLibrary('swift'), SOURCES.swift, SOURCES.swiftSlim],
    notes: [
      'slim is a runtime image: the Swift runtime libraries (/usr/lib/swift/linux) without swift, swiftc, clang or the package manager',
      'a binary built with `swift build -c release` runs on the slim variant of the same OS and release',
    ],
  },
  {
    // `temurin-21-lein`, `temurin-21-lein-2.13.0-bookworm-slim`, `temurin-21-tools-deps-jammy`, `temurin-17-alpine`: the
    // JDK, then the build tool (tools-deps when none is named), the OS and slim.
    name: 'clojure', registry: null, path: 'library/clojure', kind: 'build-tool',
    version: `(?:${CLOJURE_JDKS.join('|')})`,
    versionAliases: {},
    axes: [
      axis('tool', 'tools-deps', [
        // The entrypoint runs lein for its own subcommands; LEIN_ROOT=1 quiets its warning about running as root.
        option('lein', { cmd: ['repl'], env: { JAVA_HOME: '/opt/java/openjdk', LEIN_ROOT: '1' } }, 'lein(?:-\\d+(?:\\.\\d+)+)?'),
        option('tools-deps', undefined, 'tools-deps(?:-\\d+(?:\\.\\d+)+)?'),
      ]),
      axis('os', 'default', [
        { ...ubuntuOs(), pattern: 'jammy|noble' },
        { ...debianOs(), pattern: 'bookworm|bullseye|trixie' },
        // On eclipse-temurin's Alpine JDK, for fewer architectures than the others.
        { ...alpineOs(false, { packageManager: 'apk' }), pattern: 'alpine' },
      ]),
      axis('flavour', '', [slimOnDebian()]),
    ],
    // A tag without an OS is the one on eclipse-temurin's JDK for Ubuntu noble up to JDK 17, and on debian:bookworm from 21
    // (\`temurin-21-lein\` is target/debian-bookworm-21/lein); the Alpine tags name no release. \`latest\` is FROM
    // debian:bookworm with JDK 25, lein and tools-deps.
    defaults: [
      on(['latest', 'temurin-21', 'temurin-25', 'temurin-26'], 'debian', 'bookworm', { os: ['default'] }),
      on(['temurin-8', 'temurin-11', 'temurin-17'], 'ubuntu', 'noble', { os: ['default'] }),
      on(CLOJURE_JDKS, 'alpine', null),
    ],
    // The Debian variants are FROM debian:<release> and debian:<release>-slim with the same RUNs: slim only leaves out documentation.
    siblings: [{ kind: 'slim', from: { flavour: [''], os: ['debian'] }, to: { flavour: 'slim' }, release: 'keep' }],
    facts: { workdir: '/tmp', entrypoint: ['entrypoint'], entrypointRunsCommand: true, cmd: ['-M', '--repl'], env: { JAVA_HOME: '/opt/java/openjdk' } },
    sizes: {},
    latest: 'latest',
    sources: [officialLibrary('clojure'), SOURCES.clojureLein, SOURCES.clojureToolsDeps, SOURCES.clojureAlpine],
    notes: [
      'WORKDIR /tmp: a stage that sets none copies and builds there',
      'the Debian variants copy the JDK from eclipse-temurin:<jdk> onto debian:<release> (not buildpack-deps: no compilers), the Ubuntu ones build on eclipse-temurin:<jdk>-jdk-<release>',
      'an uberjar (`lein uberjar`, tools.build\'s `uber`) runs on eclipse-temurin:<jdk>-jre',
    ],
  },
];
