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
  tool('ca-certificates', 'other', [], curl),
  tool('curl', 'download', ['curl'], curl),
  tool('gnupg', 'other', ['gpg', 'gpg-agent', 'gpgconf', 'dirmngr'], curl),
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

/** What a slim variant keeps of that list, by repository (python's slim keeps its runtime dependencies). */
export const SLIM_KEEPS: Readonly<Record<string, readonly string[]>> = {
  // `python3`: not the Debian package, but the image's own Python answers the command (and node-gyp's need).
  python: ['ca-certificates', 'netbase', 'python3'],
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
};
