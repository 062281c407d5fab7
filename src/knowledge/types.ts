/**
 * The shapes of the knowledge base: facts about base images and packages,
 * declared once and used by every transform that changes a base image.
 * Everything here is data; lookups over it live beside it as pure functions.
 */

/** Where a fact comes from and when it was last checked against that source. */
export interface Source {
  /** A file at a commit, a documentation page or an article. */
  readonly url: string;
  /** ISO date, `YYYY-MM-DD`. */
  readonly checked: string;
  readonly note?: string;
}

export type Libc = 'glibc' | 'musl' | 'uclibc' | 'none';

/** `none`: the image has no package manager at all (distroless, chiseled, busybox). */
export type PackageManagerName = 'apt' | 'apk' | 'dnf' | 'microdnf' | 'yum' | 'tdnf' | 'zypper' | 'none';

/**
 * How a user is created: shadow's `useradd`/`groupadd`, busybox's
 * `adduser`/`addgroup`, or nothing (the image has neither).
 */
export type UserTools = 'shadow' | 'busybox' | 'none';

export type DistroFamily =
  | 'debian'
  | 'ubuntu'
  | 'alpine'
  | 'busybox'
  | 'amazonlinux'
  | 'ubi'
  | 'fedora'
  | 'opensuse'
  | 'oraclelinux'
  | 'centos'
  | 'rockylinux'
  | 'almalinux'
  | 'azurelinux'
  | 'cbl-mariner';

/** One release of a distribution: `bookworm` = Debian 12, `3.20` = Alpine 3.20, `noble` = Ubuntu 24.04. */
export interface DistroRelease {
  readonly family: DistroFamily;
  /** What tags call it: `bookworm`, `noble`, `3.20`, `2023`, `ubi9-minimal`. */
  readonly name: string;
  /** The release's version: `12`, `24.04`, `3.20`. */
  readonly version: string;
  /** Past its distribution's regular support (images of it are no longer rebuilt). */
  readonly endOfLife: boolean;
}

/**
 * The release of an image whose tag names none: the repository's default for
 * its version when it was built (`source` says where that was read). `release`
 * is null when that is not recorded, or when the tag was built on one release
 * and rebuilt on another (`moved`), so an image pulled or cached under it may be either.
 */
export interface DefaultRelease {
  readonly kind: 'repository-default';
  readonly family: DistroFamily;
  readonly release: DistroRelease | null;
  readonly source: Source;
  readonly moved?: ReleaseMove;
}

/** A tag rebuilt on a newer release: `from`, then `to` from `date` on. */
export interface ReleaseMove {
  readonly from: string;
  readonly to: string;
  readonly date: string;
}

export interface NamedRelease {
  readonly kind: 'named';
  readonly release: DistroRelease;
}

export type ReleaseFact = NamedRelease | DefaultRelease;

export interface UserFacts {
  /** The user the image runs as when the Dockerfile sets none. */
  readonly name: string;
  readonly uid: number;
  /** Its home folder in the image's /etc/passwd, which a RUN as that user sees as HOME (and \`~\`), where known. */
  readonly home?: string;
}

/** A size, always an estimate: images change with every rebuild. */
export interface SizeEstimate {
  readonly mb: number;
  /** What was measured: the unpacked image (`docker images`) or the compressed download. */
  readonly measure: SizeMeasure;
  /** The image the figure was taken from, e.g. `node:22-slim`. */
  readonly measuredOn: string;
  /** The year of the measurement. */
  readonly year: number;
  readonly source: Source;
}

/** Facts about one image variant, merged from its distro, its flavour and its repository. */
export interface ImageFacts {
  readonly libc: Libc;
  readonly packageManager: PackageManagerName;
  /** Path of the POSIX shell, or null when the image has none. */
  readonly shell: string | null;
  readonly bash: boolean;
  readonly userTools: UserTools;
  readonly user: UserFacts;
  /** A non-root user the image ships (node: `node` 1000; distroless: `nonroot` 65532). */
  readonly nonRootUser: (UserFacts & { readonly gid: number }) | null;
  readonly entrypoint: readonly string[] | null;
  /**
   * The ENTRYPOINT ends in `exec "$@"` when its first argument is a command: it runs
   * `CMD ["node", "app.js"]` as `node app.js` (having done only set-up that does not
   * depend on the command), so what the container runs is the CMD.
   */
  readonly entrypointRunsCommand: boolean;
  /**
   * The ENTRYPOINT ends in \`exec "$@"\` whatever its first argument, after set-up that may depend on it
   * (nginx's runs its /docker-entrypoint.d scripts only for \`nginx\`): the command it is given becomes
   * PID 1, and what runs is that command. Implied by entrypointRunsCommand.
   */
  readonly entrypointExecsCommand: boolean;
  readonly cmd: readonly string[] | null;
  /**
   * Scripts the image ships for a Dockerfile's command to start the program with (Red Hat's OpenJDK
   * images' run-java.sh), which run it as the container's user and switch no users themselves.
   */
  readonly launchers: readonly string[];
  /** Variables the image sets that the programs it is made for read (ASP.NET Core's listening addresses). */
  readonly env: Readonly<Record<string, string>>;
  /** Why the image's default command needs to start as root, or null when it does not. */
  readonly mustStartAsRoot: string | null;
  /**
   * Where the image's nginx keeps what must change for it to start as another user (its sites,
   * the port its default site listens on, its pid and temp files); null for an image without one.
   */
  readonly nginx: NginxLayout | null;
  /**
   * Folders of the image, root's, that its program writes while it runs (Tomcat unpacks the WARs
   * in webapps/ when it deploys them), each with what it writes there: a user the container is
   * switched to must own them.
   */
  readonly writtenAtRun: readonly { readonly path: string; readonly what: string }[];
  /**
   * The WORKDIR the image sets: the folder a stage on it starts in, which a relative path of a
   * Dockerfile that sets none is resolved against (golang's \`/go\`, \`/\` for an image that sets
   * none). Null when the knowledge base has not read it from the image's Dockerfile.
   */
  readonly workdir: string | null;
  /** Carries compilers, make, git, curl and headers (buildpack-deps based). */
  readonly buildTools: boolean;
  /**
   * Debian packages the image installs and keeps beyond its distro's own, where buildTools does not
   * cover them (php's Debian images keep the compilers phpize needs). On an Alpine variant, the
   * Debian names of those it keeps too (php's Alpine images keep curl, ca-certificates and xz, not the compilers).
   */
  readonly debianPackages: readonly string[];
  /**
   * Has no ICU and sets DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=true (.NET's Alpine runtime images):
   * a .NET app that turns invariant globalization off itself stops at start there.
   */
  readonly noIcu: boolean;
  /**
   * RubyGems is configured, system-wide, to install no documentation (the official ruby images write
   * \`install: --no-document\` and \`update: --no-document\` to /usr/local/etc/gemrc): \`gem install\` keeps none already.
   */
  readonly gemNoDocument: boolean;
  /**
   * Where \`gem install\` and \`bundle install\` install gems, set by the image (the official ruby images'
   * GEM_HOME=/usr/local/bundle, with BUNDLE_APP_CONFIG there too): the downloaded .gem files stay in its \`cache/\`.
   */
  readonly gemHome: string | null;
  /**
   * Programs, by family (\`pip\` for pip3 and pip3.12 too), that the image puts where an upgrade of themselves run
   * as root puts the new copy: the same path (\`pip install -U pip\` on the official python images, whose pip is
   * /usr/local/bin/pip as the installs of its Python go to /usr/local). Not Debian's python3-pip, in /usr/bin,
   * whose upgrade goes to /usr/local/bin, a new path earlier on PATH.
   */
  readonly upgradedInPlace: readonly string[];
  readonly size: SizeEstimate | null;
  readonly notes: readonly string[];
}

/** The files of an image's nginx that decide whether it can start as another user than root. */
export interface NginxLayout {
  /** The main configuration, which includes \`sites\`/*.conf in its http block. */
  readonly config: string;
  /** The folder of sites, each *.conf of which nginx reads. */
  readonly sites: string;
  /** The site the image ships, and the port it listens on. */
  readonly defaultSite: { readonly path: string; readonly port: number };
  /** Where the entrypoint renders templates from (\`name.conf.template\` becomes \`sites\`/name.conf at start). */
  readonly templates: { readonly folder: string; readonly suffix: string };
  /** The files of the folder of \`config\` that come with the image, which a configuration may include. */
  readonly ownFiles: readonly string[];
  /** The pid file the image's configuration names (and nginx's default without a \`pid\`). */
  readonly pidFile: string;
  /** The folder of nginx's temp files: the default of every \`tempDirectives\`, made when nginx starts. */
  readonly tempFolder: string;
  readonly tempDirectives: readonly string[];
  /** Log files that are links to the container's output, which any user may write. */
  readonly logLinks: readonly string[];
  /** Folders that are links to others in the image (\`/var/run\` to \`/run\`). */
  readonly links: Readonly<Record<string, string>>;
}

/** Facts that an axis option, distro or repository may set; later layers override earlier ones. */
export type FactsPatch = Partial<ImageFacts>;

// ---------------------------------------------------------------------------
// Tag grammars

/**
 * How an option of the OS axis names its release:
 * - `codename`: the token is the release's name (`bookworm`, `noble`);
 * - `alpine`: `alpine`, `alpine3.20` or `alpine-3.20` (no number: the repository's current Alpine);
 * - `fixed`: the token always means one release (`al2023`, `ubi9-minimal`);
 * - `default`: no release in the token (`bookworm-slim` for dotnet names one; `-alpine` alone does not).
 */
export type ReleaseFrom =
  | { readonly from: 'codename'; readonly family: 'debian' | 'ubuntu' }
  | { readonly from: 'alpine' }
  | { readonly from: 'fixed'; readonly family: DistroFamily; readonly name: string }
  /** The token is the release's name (`ubi9-minimal`, `oraclelinux9`), or an alias of one (`oracle`). */
  | { readonly from: 'token'; readonly family: DistroFamily; readonly aliases: Readonly<Record<string, string>> };

export interface AxisOption {
  /** Stable id used by sibling rules and variant names: `slim`, `alpine`, `jre`, `debian`. */
  readonly id: string;
  /** Left out of variant names: the repository's usual OS (`debian` for python). */
  readonly silent?: boolean;
  /** Regex source matching the whole token, without anchors. */
  readonly pattern: string;
  /** Text written when a sibling switches to this option (`slim`, `alpine`). */
  readonly render: string;
  /** For the OS axis: the release the token names. */
  readonly release?: ReleaseFrom;
  /** Exists only with these options of other axes (`slim` only on Debian: no `slim-alpine`). */
  readonly onlyWith?: Readonly<Record<string, readonly string[]>>;
  /** Exists only for these version lines (oraclelinux's \`slim-fips\`: 8 and 9, no 10), so only in a tag that names one of them; absent: every version. */
  readonly versions?: readonly string[];
  readonly facts?: FactsPatch;
}

export interface TagAxis {
  /** `flavour`, `os`, `jdk`, `variant`, `extra`, `arch`. */
  readonly name: string;
  /** Absent token: this option (the full image, the default OS). */
  readonly absent: string;
  /** Every tag of the repository names this axis: a tag without its token is not one of its tags (nvidia/cuda's flavour and OS). */
  readonly required?: true;
  readonly options: readonly AxisOption[];
}

/** The release a tag without an OS token resolves to, per version line. */
export interface DefaultReleaseRule {
  /** Version lines this rule covers (`24`, `3.12`, `*`); a tag's version matches a line when it starts with it. */
  readonly versions: readonly string[];
  readonly family: DistroFamily;
  /** `bookworm`, `noble`, `3.24`, `2023`; null: not built any more, so not recorded. */
  readonly release: string | null;
  /** Only for tags with these axis options (`{ flavour: [''] }`); absent: every tag. */
  readonly when?: Readonly<Record<string, readonly string[]>>;
}

/**
 * Which release a version line's tags without an OS were built on over time, read from the
 * history of docker-library's tag list (`library/<name>`): a tag's image is its last build, and a
 * version's builds used the repository's default of the time.
 */
export interface LineHistory {
  /** `20`, `3.12`; `1` for rust, whose minors are one line (only the newest is built). */
  readonly line: string;
  readonly family: DistroFamily;
  /** Only for tags with these axis options (`{ flavour: ['slim'] }`: openjdk's slim tags moved apart from the others); absent: every tag. */
  readonly when?: Readonly<Record<string, readonly string[]>>;
  /** The version of the line's last build, or null while the line is still built. */
  readonly last: string | null;
  /** Oldest first; versions before the first step are not recorded. */
  readonly steps: readonly ReleaseStep[];
}

export interface ReleaseStep {
  readonly release: string;
  /** The first version built on it. */
  readonly since: string;
  /** `since` was built on the previous release first, then rebuilt on this one. */
  readonly rebuilt: boolean;
  /** When the tag list first lists `since` on this release. */
  readonly date: string;
  /** The commit of the tag list that first lists `since` on this release. */
  readonly source: Source;
}

/** A sibling a variant has, as a change of axis options. */
export interface SiblingRule {
  readonly kind: SiblingKind;
  /** Axis option ids the image must have, any of each list (`flavour: ['']` for the full image). */
  readonly from: Readonly<Record<string, readonly string[]>>;
  /** Version lines the sibling exists for (`8`, `11`); absent: every version. */
  readonly versions?: readonly string[];
  /** The sibling's tags all name a version: a tag without one (`debian`, `debian:latest`) has no sibling (there is no `debian:slim`). */
  readonly needsVersion?: true;
  /**
   * The sibling's tag names one of \`versions\` exactly, not a release in it: amazoncorretto has \`8-jre\` but no
   * \`8u504-jre\` (its full versions name the OS: \`8u504-al2023-jre\`), and no \`jre\` for \`latest\`.
   */
  readonly lineOnly?: true;
  /** Axis options to set; '' removes the axis's token. */
  readonly to: Readonly<Record<string, string>>;
  /**
   * `keep`: the sibling names the same release as the input (or none when the input names none);
   * `default`: the sibling takes the repository's default release of its family.
   */
  readonly release: 'keep' | 'default';
}

export type SiblingKind = 'slim' | 'alpine' | 'jre' | 'distroless' | 'chiseled';

export interface RepositoryEntry {
  /** The name users know: `python`, `eclipse-temurin`, `dotnet/aspnet`, `distroless/static`. */
  readonly name: string;
  /** Registry host, null for Docker Hub. */
  readonly registry: string | null;
  /** Repository path in that registry: `library/python`, `dotnet/aspnet`. */
  readonly path: string;
  readonly kind: 'os' | 'language' | 'build-tool' | 'server' | 'runtime';
  /** Regex source for the version part of a tag (releases, codenames, `lts`…). */
  readonly version: string;
  /** Every tag names a version (nvidia/cuda): one without (\`runtime-ubuntu22.04\`, \`latest\`) is not the repository's. */
  readonly versionRequired?: true;
  /** The version names the distro release itself (`debian:bookworm`, `ubuntu:22.04`, `alpine:3.20`). */
  readonly versionRelease?: DistroFamily | 'debian-or-ubuntu';
  /** Version aliases: `lts` → `24`, `iron` → `20`. */
  readonly versionAliases: Readonly<Record<string, string>>;
  /** The tag's parts after the version, in the order they are written. */
  readonly axes: readonly TagAxis[];
  /** The release a tag without an OS token resolves to, by version line. */
  readonly defaults: readonly DefaultReleaseRule[];
  /** The releases earlier builds used, by version line: for version tags, and lines no longer built. */
  readonly history?: readonly LineHistory[];
  readonly siblings: readonly SiblingRule[];
  /** Facts shared by every variant, before distro and axis facts. */
  readonly facts: FactsPatch;
  /** Facts of some version lines only (`6.0`, `7.0`), over the repository's and under the axis options'. */
  readonly versionFacts?: readonly { readonly versions: readonly string[]; readonly facts: FactsPatch }[];
  /** Size estimates by variant name. */
  readonly sizes: Readonly<Record<string, SizeEstimate>>;
  /** The version line a tag without a version means (`latest`, `slim`, `alpine`). */
  readonly latest: string;
  /** The tag list first, then the Dockerfiles the facts were read from. */
  readonly sources: readonly Source[];
  readonly notes: readonly string[];
}

// ---------------------------------------------------------------------------
// Lookups' answers

export interface IdentifiedImage {
  readonly repository: RepositoryEntry;
  /** The reference as given. */
  readonly raw: string;
  /** The registry as written (null: Docker Hub's default spelling). */
  readonly registry: string | null;
  /** The repository path as written (`python`, `library/python`). */
  readonly name: string;
  /** The tag as written, or null (`latest`). */
  readonly tag: string | null;
  readonly digest: string | null;
  /** The version as written in the tag, or null when it names none (`latest`, `slim`). */
  readonly version: string | null;
  /** The version with aliases resolved (`lts` → `24`), or null. */
  readonly resolvedVersion: string | null;
  /** Option id per axis (`{ flavour: 'slim', os: 'debian' }`). */
  readonly options: Readonly<Record<string, string>>;
  /** The matched token per axis, as written ('' when absent). */
  readonly tokens: Readonly<Record<string, string>>;
  /** Variant name: its non-default options joined (`slim`, `jre-alpine`), or `default`. */
  readonly variant: string;
  readonly release: ReleaseFact;
  readonly facts: ImageFacts;
}

export interface Sibling {
  readonly kind: SiblingKind;
  /** The exact reference text to write, in the input's registry spelling. */
  readonly reference: string;
  readonly image: IdentifiedImage;
  readonly size: SizeEstimate | null;
  /** Whether the sibling keeps the input's distro release; false says what changes. */
  readonly sameRelease: boolean;
  readonly notes: readonly string[];
}

// ---------------------------------------------------------------------------
// What the full image has that slim lacks

export interface BuildTool {
  /** The Debian package that installs it. */
  readonly package: string;
  /** Commands it provides; empty for header-only packages. */
  readonly commands: readonly string[];
  readonly kind: 'compiler' | 'build' | 'vcs' | 'download' | 'archive' | 'headers' | 'other';
  /** For `-dev` packages: the library whose headers it carries. */
  readonly library?: string;
  readonly source: Source;
}

// ---------------------------------------------------------------------------
// Package maps for alpine-base

/** How an entry was checked. */
export interface PackageCheck {
  /** `apt-cache show` on Debian 12, or why the name is not there (older releases only). */
  readonly from: string;
  /** The aports APKBUILD(s) that provide the target names, e.g. `main/openssl`. */
  readonly to: readonly string[];
}

export type PackageTranslation =
  | { readonly kind: 'mapped'; readonly apk: readonly string[]; readonly note?: string }
  | { readonly kind: 'droppable'; readonly reason: string }
  | { readonly kind: 'unknown' };

export type PackageMapEntry =
  | {
      readonly kind: 'mapped';
      readonly apk: readonly string[];
      readonly check: PackageCheck;
      readonly note?: string;
      /**
       * Paths (a trailing `/`: folders) where Debian's package reads its configuration and Alpine's
       * does not (Alpine's nginx reads /etc/nginx/http.d/, not sites-enabled/): a file put there is
       * ignored, and a command using one that the package installs fails.
       */
      readonly layout?: { readonly files: readonly string[]; readonly reason: string };
    }
  | {
      readonly kind: 'droppable';
      readonly reason: string;
      readonly check: PackageCheck;
      /** Files (a trailing `/`: folders) the package installs that Alpine does not have: a command using one fails there. */
      readonly files?: readonly string[];
    };

/** Python or Node packages that are trouble on musl, and why. */
export interface MuslTrouble {
  readonly name: string;
  /** `maven`: a Java library, named \`group:artifact\`, whose jar carries JNI code. */
  readonly ecosystem: 'pypi' | 'npm' | 'maven';
  readonly reason: string;
  readonly source: Source;
}

// ---------------------------------------------------------------------------
// Distroless and runtimes

export type DistrolessKind = 'static' | 'base' | 'base-nossl' | 'cc' | 'nodejs' | 'java' | 'python3';

export interface DistrolessImage {
  readonly kind: DistrolessKind;
  /** Language major version for nodejs/java (`22`, `21`), the Python minor for python3 (`3.13`). */
  readonly runtimeVersion: string | null;
  /** `12` or `13`. */
  readonly debian: '12' | '13';
  /** `gcr.io/distroless/nodejs22-debian13` without a tag. */
  readonly repository: string;
  readonly entrypoint: readonly string[] | null;
  readonly libc: Libc;
  /** Still rebuilt by the project, or kept on the registry but no longer updated. */
  readonly status: 'built' | 'no-longer-built';
  readonly size: SizeEstimate | null;
  readonly source: Source;
}

export type DistrolessTag = 'latest' | 'nonroot' | 'debug' | 'debug-nonroot';

export type RuntimeKind = 'slim' | 'distroless' | 'jre' | 'aspnet' | 'runtime' | 'static';

export interface RuntimeChoice {
  readonly kind: RuntimeKind;
  /** The reference to write for the runtime stage. */
  readonly reference: string;
  /** The runtime's facts when the knowledge base identifies it. */
  readonly image: IdentifiedImage | null;
  readonly why: string;
}

/** How an image size was measured: the unpacked image (`docker images`) or the compressed download. Figures of different measures never add up. */
export type SizeMeasure = 'uncompressed' | 'compressed';
