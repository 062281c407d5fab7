import { SOURCES } from './sources.js';
import type { BuildTool, Source } from './types.js';

/**
 * What the full language images have and their slim siblings lack: the packages
 * of buildpack-deps (curl, scm and full layers), each with the commands it
 * provides and, for `-dev` packages, the library whose headers it carries.
 * Command names were checked against the Debian 12 packages (`apt-cache show`).
 */

const tool = (pkg: string, kind: BuildTool['kind'], commands: readonly string[], source: Source, library?: string): BuildTool =>
  library === undefined ? { package: pkg, kind, commands, source } : { package: pkg, kind, commands, source, library };

const curl = SOURCES.buildpackDepsCurl;
const scm = SOURCES.buildpackDepsScm;
const full = SOURCES.buildpackDeps;
const headers = (pkg: string, library: string, commands: readonly string[] = []): BuildTool => tool(pkg, 'headers', commands, full, library);

export const BUILDPACK_DEPS_TOOLS: readonly BuildTool[] = [
  // buildpack-deps:<release>-curl
  // update-ca-certificates adds a project's own CA to the bundle.
  tool('ca-certificates', 'other', ['update-ca-certificates'], curl),
  tool('curl', 'download', ['curl'], curl),
  // apt-key (of apt) runs gpg, and fails when no gnupg is installed.
  tool('gnupg', 'other', ['gpg', 'gpg-agent', 'gpgconf', 'dirmngr', 'apt-key'], curl),
  tool('netbase', 'other', [], curl),
  tool('sq', 'other', ['sq'], curl),
  tool('wget', 'download', ['wget'], curl),
  // buildpack-deps:<release>-scm
  tool('git', 'vcs', ['git'], scm),
  tool('mercurial', 'vcs', ['hg'], scm),
  tool('openssh-client', 'vcs', ['ssh', 'scp', 'sftp', 'ssh-keygen', 'ssh-keyscan', 'ssh-agent', 'ssh-add'], scm),
  tool('subversion', 'vcs', ['svn', 'svnadmin', 'svnversion'], scm),
  tool('procps', 'other', ['ps', 'top', 'pgrep', 'pkill', 'free', 'watch', 'uptime', 'vmstat'], scm),
  // buildpack-deps:<release>
  tool('autoconf', 'build', ['autoconf', 'autoreconf', 'autoheader', 'autom4te'], full),
  tool('automake', 'build', ['automake', 'aclocal'], full),
  tool('bzip2', 'archive', ['bzip2', 'bunzip2', 'bzcat'], full),
  tool('dpkg-dev', 'build', ['dpkg-architecture', 'dpkg-buildpackage', 'dpkg-source', 'dpkg-shlibdeps'], full),
  tool('file', 'other', ['file'], full),
  tool('g++', 'compiler', ['g++', 'c++'], full),
  tool('gcc', 'compiler', ['gcc', 'cc', 'c89', 'c99'], full),
  tool('imagemagick', 'other', ['convert', 'identify', 'mogrify', 'composite', 'montage'], full),
  tool('libtool', 'build', ['libtool', 'libtoolize'], full),
  tool('make', 'build', ['make'], full),
  tool('patch', 'other', ['patch'], full),
  tool('unzip', 'archive', ['unzip'], full),
  tool('xz-utils', 'archive', ['xz', 'unxz', 'xzcat'], full),
  // Not named in the Dockerfile: -dev packages depend on them.
  tool('pkgconf', 'build', ['pkg-config', 'pkgconf'], { ...full, note: 'a dependency of libglib2.0-dev and other -dev packages' }),
  tool('python3', 'other', ['python3'], { ...full, note: 'a dependency of libglib2.0-dev-bin; node-gyp needs it' }),
  // Shared libraries the -dev packages bring, which Python packages load at run time (PIP_RUNTIME_LIBRARIES).
  tool('libpq5', 'other', [], { ...full, note: 'a dependency of libpq-dev' }),
  tool('libmagic1', 'other', [], { ...full, note: 'a dependency of file' }),
  tool('libmagickwand-6.q16-6', 'other', [], { ...full, note: 'a dependency of libmagickwand-dev and imagemagick' }),
  tool('libcairo2', 'other', [], { ...full, note: 'libmagickcore-dev depends on librsvg2-dev, which brings libcairo2' }),
  tool('libpango-1.0-0', 'other', [], { ...full, note: 'libmagickcore-dev depends on librsvg2-dev, which brings Pango' }),
  tool('libpangoft2-1.0-0', 'other', [], { ...full, note: 'libmagickcore-dev depends on librsvg2-dev, which brings Pango' }),
  tool('libglib2.0-0', 'other', [], { ...full, note: 'a dependency of libglib2.0-dev' }),
  tool('libgomp1', 'other', [], { ...full, note: 'GCC\'s OpenMP library, a dependency of gcc (through libgcc-12-dev)' }),
  headers('default-libmysqlclient-dev', 'MySQL/MariaDB client', ['mysql_config', 'mariadb_config']),
  headers('libbz2-dev', 'bzip2'),
  headers('libc6-dev', 'the C library'),
  headers('libcurl4-openssl-dev', 'libcurl', ['curl-config']),
  headers('libdb-dev', 'Berkeley DB'),
  headers('libevent-dev', 'libevent'),
  headers('libffi-dev', 'libffi'),
  headers('libgdbm-dev', 'GDBM'),
  headers('libglib2.0-dev', 'GLib'),
  headers('libgmp-dev', 'GMP'),
  headers('libjpeg-dev', 'libjpeg'),
  headers('libkrb5-dev', 'Kerberos', ['krb5-config']),
  headers('liblzma-dev', 'liblzma (xz)'),
  headers('libmagickcore-dev', 'ImageMagick core'),
  headers('libmagickwand-dev', 'ImageMagick wand', ['MagickWand-config']),
  headers('libmaxminddb-dev', 'libmaxminddb'),
  headers('libncurses5-dev', 'ncurses'),
  headers('libncursesw5-dev', 'ncurses (wide)'),
  headers('libpng-dev', 'libpng', ['libpng-config']),
  headers('libpq-dev', 'PostgreSQL client (libpq)', ['pg_config']),
  headers('libreadline-dev', 'readline'),
  headers('libsqlite3-dev', 'SQLite 3'),
  headers('libssl-dev', 'OpenSSL'),
  headers('libwebp-dev', 'libwebp'),
  headers('libxml2-dev', 'libxml2', ['xml2-config']),
  headers('libxslt-dev', 'libxslt', ['xslt-config']),
  headers('libyaml-dev', 'libyaml'),
  headers('zlib1g-dev', 'zlib'),
];

/**
 * What a slim variant (or the alpine one, which alpine-base reads the same way) keeps of that list, by
 * repository (python's slim keeps its runtime dependencies; rust's keeps the C compiler and headers rustc
 * links with, SOURCES.rustSlim; ruby's keeps the CA bundle, and so do golang's alpine images).
 */
export const SLIM_KEEPS: Readonly<Record<string, readonly string[]>> = {
  // `python3`: not the Debian package, but the image's own Python answers the command (and node-gyp's need).
  python: ['ca-certificates', 'netbase', 'python3'],
  // wget is installed to fetch rustup, then removed.
  rust: ['ca-certificates', 'gcc', 'libc6-dev'],
  // Installed first and kept; what built Ruby is purged (SOURCES.rubySlim).
  ruby: ['ca-certificates'],
  // golang has no slim variant; its alpine images install the CA bundle first, for `go get` over https (SOURCES.golangAlpine).
  golang: ['ca-certificates'],
};

/**
 * Python packages that publish no Linux wheels, so `pip install` compiles them:
 * the Debian packages a slim image then needs (besides gcc and the Python headers
 * that the python images carry).
 */
export const PIP_SOURCE_BUILDS: Readonly<Record<string, readonly string[]>> = {
  psycopg2: ['gcc', 'libpq-dev'],
  mysqlclient: ['gcc', 'default-libmysqlclient-dev', 'pkgconf'],
  'python-ldap': ['gcc', 'libldap2-dev', 'libsasl2-dev'],
  uwsgi: ['gcc'],
  pygraphviz: ['gcc', 'libgraphviz-dev'],
  'mod-wsgi': ['gcc', 'apache2-dev'],
  // Only an sdist on PyPI (systemd/python-systemd): it compiles against libsystemd's headers, found with pkg-config.
  'systemd-python': ['gcc', 'libsystemd-dev', 'pkgconf'],
};

/**
 * What a module PIP_SOURCE_BUILDS compiles links against, the Debian packages that bring those
 * libraries at run time: a stage that copies such a module in, built elsewhere, needs them.
 * A package not listed links what its build found, which dockshift does not know.
 */
export const PIP_SOURCE_BUILD_LIBRARIES: Readonly<Record<string, { readonly packages: readonly string[]; readonly note: string }>> = {
  psycopg2: { packages: ['libpq5'], note: 'psycopg2 built from source links libpq' },
};

/**
 * Python packages that load a shared library of the system when they are imported (with
 * ctypes or cffi, or a binary linked to it): the Debian packages that bring it, which the
 * full image has through its -dev packages and the slim one lacks. `unlessExtras`: an extra
 * that bundles the library instead (`psycopg[binary]`).
 */
export const PIP_RUNTIME_LIBRARIES: Readonly<Record<string, { readonly packages: readonly string[]; readonly note: string; readonly unlessExtras?: readonly string[] }>> = {
  psycopg: { packages: ['libpq5'], note: 'psycopg 3 loads libpq with ctypes', unlessExtras: ['binary'] },
  'python-magic': { packages: ['libmagic1'], note: 'loads libmagic with ctypes' },
  wand: { packages: ['libmagickwand-6.q16-6'], note: 'loads ImageMagick\'s MagickWand library with ctypes' },
  cairocffi: { packages: ['libcairo2'], note: 'loads cairo with cffi' },
  cairosvg: { packages: ['libcairo2'], note: 'draws with cairocffi, which loads cairo' },
  weasyprint: { packages: ['libpango-1.0-0', 'libpangoft2-1.0-0'], note: 'loads Pango with cffi' },
  'opencv-python': { packages: ['libglib2.0-0'], note: 'cv2 links GLib (libgthread); it also needs libGL (libgl1), which the full image lacks too' },
  // lightgbm-org/LightGBM#7141: its manylinux wheels reference the system's libgomp.so.1 without bundling it.
  lightgbm: { packages: ['libgomp1'], note: 'lib_lightgbm.so links the system\'s OpenMP library, libgomp, which its wheels do not bundle' },
};

/**
 * Python packages whose Linux install dockshift cannot tell: whether pip gets a wheel or builds
 * from source depends on the release, and a build needs headers.
 */
export const PIP_UNCERTAIN: Readonly<Record<string, string>> = {
  pycurl: 'pycurl builds against libcurl (libcurl4-openssl-dev, libssl-dev, gcc) unless a wheel of its release fits, and dockshift does not know which',
};

/**
 * Gems whose native extension compiles against a library's headers, beyond the C toolchain
 * every extension needs: the Debian packages a slim image then lacks. `before`: only releases
 * older than this need them (later ones bundle the library); `from`: only this release on.
 */
export const GEM_NATIVE_LIBRARIES: Readonly<Record<string, { readonly packages: readonly string[]; readonly note: string; readonly before?: string; readonly from?: string }>> = {
  pg: { packages: ['libpq-dev'], note: 'compiles against libpq (pg_config)' },
  mysql2: { packages: ['default-libmysqlclient-dev'], note: 'compiles against the MySQL/MariaDB client library' },
  rmagick: { packages: ['libmagickwand-dev'], note: 'compiles against ImageMagick (MagickWand)' },
  curb: { packages: ['libcurl4-openssl-dev'], note: 'compiles against libcurl' },
  openssl: { packages: ['libssl-dev'], note: 'compiles against OpenSSL' },
  psych: { packages: ['libyaml-dev'], note: 'psych 5 no longer bundles libyaml and compiles against the system\'s', from: '5.0.0' },
  sqlite3: { packages: ['libsqlite3-dev'], note: 'releases before 1.5 compile against the system SQLite (1.5 bundles it)', before: '1.5.0' },
};

/**
 * Compressions GNU tar hands to an external program: chosen by a flag, or, when extracting or
 * listing, detected from the archive (`tar xf app.tar.xz` runs xz too). The Debian package that
 * brings the program; gzip is essential, so every image has it.
 */
export const TAR_COMPRESSORS: readonly { readonly package: string; readonly shortFlag: string; readonly longFlags: readonly string[]; readonly suffixes: readonly string[] }[] = [
  { package: 'xz-utils', shortFlag: 'J', longFlags: ['--xz', '--lzma'], suffixes: ['.xz', '.txz', '.lzma', '.tlz'] },
  { package: 'bzip2', shortFlag: 'j', longFlags: ['--bzip2'], suffixes: ['.bz2', '.tbz', '.tbz2', '.tb2'] },
];

/**
 * Programs that fetch over https with the system CA bundle (ca-certificates), and the
 * subcommands of them that do (null: any use). Node, Python and Java carry their own.
 */
export const SYSTEM_TLS_CLIENTS: Readonly<Record<string, readonly string[] | null>> = {
  curl: null,
  wget: null,
  git: ['clone', 'fetch', 'pull', 'ls-remote', 'submodule', 'remote'],
};

/**
 * Build tools' drivers whose subcommand says what they do, and the image that ships each: as the whole
 * ENTRYPOINT of a stage built on that image, the image is the toolchain, run on a project
 * (`docker run -v "$PWD:/src" IMAGE build -o ./app`); read by non-root-user.
 */
export const TOOL_DRIVERS: Readonly<Record<string, { readonly name: string; readonly image: string; readonly what: string; readonly example: string; readonly writes: string }>> = {
  go: { name: '`go`', image: 'golang', what: 'the Go toolchain', example: '`build -o ./app`, `test ./...`, `mod tidy`', writes: 'the program `go build` makes, go.mod and go.sum that `go mod tidy` rewrites' },
  cargo: { name: '`cargo`', image: 'rust', what: "Rust's cargo", example: '`build --release`, `test`', writes: 'target/ in the project, Cargo.lock' },
};

/**
 * What a JDK has and its JRE sibling (eclipse-temurin's `-jre`, openjdk's and tomcat's `jre` tags) does not,
 * by program name, with why running it needs the JDK: the compiler and the JDK's tools, the build tools that
 * compile with them, and the C build tools that may compile JNI code against its headers. The JRE keeps
 * java, keytool, jfr and rmiregistry.
 */
export const JDK_ONLY_PROGRAMS: Readonly<Record<string, string>> = {
  ...Object.fromEntries(
    Object.entries({
      javac: 'the Java compiler',
      jar: "the JDK's archive tool",
      jarsigner: "the JDK's jar signer",
      javadoc: "the JDK's documentation tool",
      javap: "the JDK's class file disassembler",
      jcmd: "the JDK's diagnostic command tool",
      jconsole: "the JDK's monitoring console",
      jdb: 'the Java debugger',
      jdeprscan: "the JDK's deprecated API scanner",
      jdeps: "the JDK's dependency analyser",
      jhsdb: "the JDK's HotSpot debugger",
      jimage: "the JDK's image tool",
      jinfo: "the JDK's configuration tool",
      jlink: "the JDK's runtime image linker",
      jmap: "the JDK's memory map tool",
      jmod: "the JDK's module tool",
      jpackage: "the JDK's packager",
      jps: "the JDK's process lister",
      jrunscript: "the JDK's script shell",
      jshell: 'the Java shell',
      jstack: "the JDK's stack trace tool",
      jstat: "the JDK's statistics tool",
      jstatd: "the JDK's statistics daemon",
      jwebserver: "the JDK's web server",
      serialver: "the JDK's serial version tool",
      kotlinc: 'the Kotlin compiler',
      scalac: 'the Scala compiler',
    }).map(([name, what]) => [name, `${name}, ${what}, comes with the JDK alone`]),
  ),
  ...Object.fromEntries(
    Object.entries({ mvn: 'Maven', mvnw: 'the Maven wrapper', gradle: 'Gradle', gradlew: 'the Gradle wrapper', ant: 'Ant', sbt: 'sbt', lein: 'Leiningen' }).map(([name, what]) => [
      name,
      `${what} compiles with the JDK's javac`,
    ]),
  ),
  ...Object.fromEntries(
    ['gcc', 'g++', 'cc', 'clang', 'make', 'cmake', 'configure'].map((name) => [name, "native code built in a JDK image may be JNI code, which includes the JDK's include/jni.h"]),
  ),
};

/**
 * Java programs that run one of the JDK's tools themselves while they serve, so that on a JRE a feature of
 * theirs fails: what marks a stage that runs one (its launchers by program name, and the variable its
 * install sets), why it needs the JDK, and where that was read.
 */
export const JDK_USING_PROGRAMS: readonly { readonly name: string; readonly launchers: readonly string[]; readonly env: readonly string[]; readonly why: string; readonly source: string }[] = [
  {
    name: 'Spark',
    launchers: ['spark-submit', 'spark-class', 'spark-shell', 'spark-sql', 'pyspark', 'sparkR', 'spark-daemon.sh', 'start-master.sh', 'start-history-server.sh', 'start-thriftserver.sh', 'start-connect-server.sh'],
    env: ['SPARK_HOME'],
    why: "Spark (3.5 and later) runs the JDK's jmap for the executors' heap histograms in its web UI",
    source: "apache/spark#45762 (SPARK-47636): Spark's own Kubernetes image moved from eclipse-temurin:17-jre to the JDK because SPARK-44153 runs $JAVA_HOME/bin/jmap",
  },
];

/**
 * Jars that compile Java when \`java -jar\` runs them, by file name: run on a JRE they stop for want of the JDK's
 * compiler. What each does, and where that was read.
 */
export const JDK_ONLY_JARS: readonly { readonly name: RegExp; readonly why: string; readonly source: string }[] = [
  {
    name: /^BuildTools\.jar$/i,
    why: "Spigot's BuildTools compiles CraftBukkit and Spigot with Maven, which needs the JDK's javac",
    source: 'shyamstudio.com articles why-does-spigot-use-buildtools (BuildTools downloads the sources and compiles the server locally); it runs Maven, whose compiler plugin calls javac',
  },
];
