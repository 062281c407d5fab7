import { axis, option } from './axes.js';
import { sizes } from './sizes.js';
import { SOURCES } from './sources.js';
import type { DistrolessImage, DistrolessKind, FactsPatch, RepositoryEntry, Source } from './types.js';

/**
 * gcr.io/distroless: what exists per Debian release, with entrypoints and users.
 * Language images on Debian 12 were removed from the build in 2026 (they stay on
 * the registry, no longer updated); static, base and cc are built for both.
 */

const image = (
  kind: DistrolessKind,
  runtimeVersion: string | null,
  debian: '12' | '13',
  entrypoint: readonly string[] | null,
  status: DistrolessImage['status'],
  source: Source,
): DistrolessImage => {
  const name = kind === 'nodejs' || kind === 'java' ? `${kind}${runtimeVersion}` : kind;
  const size = kind === 'static' ? sizes.distroless.static : kind === 'base' ? sizes.distroless.base : kind === 'nodejs' ? sizes.distroless.nodejs : null;
  return {
    kind, runtimeVersion, debian, repository: `gcr.io/distroless/${name}-debian${debian}`, entrypoint,
    libc: kind === 'static' ? 'none' : 'glibc', status, size, source,
  };
};

const NODE = ['/nodejs/bin/node'] as const;
const JAVA = ['/usr/bin/java', '-jar'] as const;

export const DISTROLESS_IMAGES: readonly DistrolessImage[] = [
  ...(['12', '13'] as const).flatMap((debian) =>
    (['static', 'base', 'base-nossl', 'cc'] as const).map((kind) => image(kind, null, debian, null, 'built', SOURCES.distrolessReadme)),
  ),
  ...['22', '24', '26'].map((major) => image('nodejs', major, '13', NODE, 'built', SOURCES.distrolessNodejs)),
  ...['20', '22', '24'].map((major) => image('nodejs', major, '12', NODE, 'no-longer-built', SOURCES.distrolessNodejsDebian12)),
  ...['17', '21', '25'].map((major) => image('java', major, '13', JAVA, 'built', SOURCES.distrolessJava)),
  ...['17', '21'].map((major) => image('java', major, '12', JAVA, 'no-longer-built', SOURCES.distrolessJavaDebian12)),
  image('python3', '3.13', '13', ['/usr/bin/python3.13'], 'built', SOURCES.distrolessPython),
  image('python3', '3.11', '12', ['/usr/bin/python3.11'], 'no-longer-built', SOURCES.distrolessPythonDebian12),
];

/**
 * Packages every distroless image already carries (base/README.md at the cited commit:
 * static has "ca-certificates", "tzdata", an /etc/passwd and /tmp; base-nossl and base add glibc,
 * base libssl; cc/README.md: cc is base with libgcc; the language images build on cc), so a runtime
 * stage on distroless need not install them: distroless-runtime drops a RUN that only does that.
 */
export const DISTROLESS_CARRIES: readonly string[] = ['ca-certificates', 'tzdata'];

/** Users distroless images have in /etc/passwd, by name and uid. */
export const DISTROLESS_USERS: ReadonlySet<string> = new Set(['root', 'nonroot', 'nobody', '0', '65532', '65534']);

/**
 * Groups they have in /etc/group (GoogleContainerTools/distroless base/testdata/base.yaml: root, nonroot,
 * nobody, tty, staff): `USER nobody:nogroup`, right on Debian, names no group there. NOBODY_GROUPS
 * (distros.ts) says which of them nobody runs with.
 */
export const DISTROLESS_GROUPS: ReadonlySet<string> = new Set(['root', 'nonroot', 'nobody', 'tty', 'staff']);

/** Today's Debian for names without a `-debianN` suffix (`gcr.io/distroless/static`). */
export const DISTROLESS_DEFAULT_DEBIAN = '13';

const NO_OS: FactsPatch = { packageManager: 'none', shell: null, bash: false, userTools: 'none', buildTools: false };

/** One repository entry per image name, so references resolve like any other repository. */
function entry(img: DistrolessImage, name: string, defaultDebian: boolean): RepositoryEntry {
  const codename = img.debian === '12' ? 'bookworm' : 'trixie';
  return {
    name: `distroless/${name}`,
    registry: 'gcr.io',
    path: `distroless/${name}`,
    kind: 'runtime',
    version: '(?!)',
    versionAliases: {},
    axes: [
      axis('tag', 'latest', [
        { ...option('latest', { workdir: '/' }), silent: true },
        option('nonroot', { user: { name: 'nonroot', uid: 65532 }, workdir: '/home/nonroot' }),
        // busybox in /busybox alone: no /bin/sh, so a RUN must name /busybox/sh (exec form, or a SHELL) to run.
        option('debug', { shell: '/busybox/sh', workdir: '/' }),
        option('debug-nonroot', { shell: '/busybox/sh', user: { name: 'nonroot', uid: 65532 }, workdir: '/home/nonroot' }),
      ]),
      axis('arch', '', ['amd64', 'arm64', 'arm', 's390x', 'ppc64le', 'riscv64'].map((a) => option(a))),
    ],
    defaults: [{ versions: ['*'], family: 'debian', release: codename }],
    siblings: [],
    facts: {
      ...NO_OS,
      libc: img.libc,
      entrypoint: img.entrypoint,
      nonRootUser: { name: 'nonroot', uid: 65532, gid: 65532 },
      size: img.size,
      notes: img.status === 'no-longer-built' ? ['no longer rebuilt: it gets no security updates'] : [],
    },
    sizes: img.size === null ? {} : { default: img.size },
    latest: '',
    sources: [img.source, SOURCES.distrolessUsers, SOURCES.distrolessWorkdir, SOURCES.distrolessDebug],
    notes: defaultDebian ? [`without -debianN the name means Debian ${img.debian} today; it moves with new Debian releases`] : [],
  };
}

const baseName = (img: DistrolessImage): string =>
  img.kind === 'nodejs' || img.kind === 'java' ? `${img.kind}${img.runtimeVersion}` : img.kind;

export const DISTROLESS: readonly RepositoryEntry[] = [
  ...DISTROLESS_IMAGES.map((img) => entry(img, `${baseName(img)}-debian${img.debian}`, false)),
  ...DISTROLESS_IMAGES.filter((img) => img.debian === DISTROLESS_DEFAULT_DEBIAN).map((img) => entry(img, baseName(img), true)),
];
