/**
 * The variables each official image exports: the names its Dockerfiles' ENV lines set, and those of the
 * images it is built FROM. A RUN's programs get them in their environment; a capitals variable a RUN
 * assigns that none of them (nor an ENV or ARG of the Dockerfile) sets is a plain shell variable, which
 * no program the next RUN starts sees.
 *
 * Each list is every name any ENV line set in the image's Dockerfiles and templates over the whole
 * history of its repository: a tag keeps its last build, so an image pulled today may carry a name its
 * current Dockerfile no longer sets (python's PYTHON_GET_PIP_URL). More names only mean more refusals.
 */
import { SOURCES } from './sources.js';
import type { RepositoryEntry, Source } from './types.js';

export interface ExportedEnvironment {
  /** The official repository's name, as in official.ts. */
  readonly repository: string;
  /** Names its ENV lines set, across its history. */
  readonly names: readonly string[];
  /** The official repositories its Dockerfiles are built FROM, whose exported names it inherits. */
  readonly builtOn: readonly string[];
  readonly source: Source;
}

export const EXPORTED_ENVIRONMENT: readonly ExportedEnvironment[] = [
  { repository: 'debian', builtOn: [], source: SOURCES.environmentRepoInfo, names: [] },
  { repository: 'ubuntu', builtOn: [], source: SOURCES.environmentRepoInfo, names: [] },
  { repository: 'alpine', builtOn: [], source: SOURCES.environmentRepoInfo, names: [] },
  { repository: 'oraclelinux', builtOn: [], source: SOURCES.environmentRepoInfo, names: [] },
  { repository: 'buildpack-deps', builtOn: ['debian', 'ubuntu'], source: SOURCES.environmentBuildpackDeps, names: [
    'DEBIAN_FRONTEND',
  ] },
  { repository: 'python', builtOn: ['buildpack-deps', 'debian', 'alpine'], source: SOURCES.environmentPython, names: [
    'CERTIFICATE_IDENTITY', 'CERTIFICATE_ISSUER', 'GPG_KEY', 'LANG', 'PATH', 'PIP_NO_CACHE_DIR',
    'PYTHONIOENCODING', 'PYTHON_GET_PIP_SHA256', 'PYTHON_GET_PIP_URL', 'PYTHON_GIL', 'PYTHON_PIP_VERSION',
    'PYTHON_RELEASE', 'PYTHON_SETUPTOOLS_VERSION', 'PYTHON_SHA256', 'PYTHON_VERSION', 'PYTHON_VERSION_DIR',
    'PYTHON_WHEEL_VERSION', 'SQLITE_AUTOCONF_VERSION', 'SQLITE_VERSION',
  ] },
  { repository: 'node', builtOn: ['buildpack-deps', 'debian', 'alpine'], source: SOURCES.environmentNode, names: [
    'CC', 'CXX', 'GID', 'GPG_CHECKSUM', 'GPG_VERSION', 'GROUP', 'HOME', 'NODE_CHECKSUM', 'NODE_ENV',
    'NODE_GPG_KEYS', 'NODE_SHA256', 'NODE_VERSION', 'NPM_CONFIG_LOGLEVEL', 'NPM_GLOBAL', 'NPM_VERSION', 'PATH',
    'UID', 'USER', 'YARN_VERSION',
  ] },
  { repository: 'ruby', builtOn: ['buildpack-deps', 'debian', 'ubuntu', 'alpine'], source: SOURCES.environmentRuby, names: [
    'BUNDLER_VERSION', 'BUNDLE_APP_CONFIG', 'BUNDLE_BIN', 'BUNDLE_BIN_DIR', 'BUNDLE_PATH', 'BUNDLE_PATH__SYSTEM',
    'BUNDLE_SILENCE_ROOT_WARNING', 'GEM_HOME', 'GEM_PATH', 'LANG', 'PATH', 'RUBYGEMS_VERSION',
    'RUBY_DOWNLOAD_SHA256', 'RUBY_DOWNLOAD_URL', 'RUBY_MAJOR', 'RUBY_VERSION', 'SKIP_CHECKSUM_CHECK',
    'SOURCE_DATE_EPOCH',
  ] },
  { repository: 'golang', builtOn: ['buildpack-deps', 'debian', 'alpine'], source: SOURCES.environmentGolang, names: [
    'DEBIAN_CROSSPLATFORMS', 'GIT_DOWNLOAD_SHA256', 'GIT_DOWNLOAD_URL', 'GIT_TAG', 'GIT_VERSION', 'GOARM',
    'GOCACHE', 'GOLANG_BOOTSTRAP_SHA1', 'GOLANG_BOOTSTRAP_URL', 'GOLANG_BOOTSTRAP_VERSION', 'GOLANG_COMMIT',
    'GOLANG_CROSSPLATFORMS', 'GOLANG_DOWNLOAD_SHA1', 'GOLANG_DOWNLOAD_SHA256', 'GOLANG_DOWNLOAD_URL',
    'GOLANG_GOARCH', 'GOLANG_GOOS', 'GOLANG_SRC_SHA1', 'GOLANG_SRC_SHA256', 'GOLANG_SRC_URL', 'GOLANG_VERSION',
    'GOPATH', 'GOROOT_BOOTSTRAP', 'GOTOOLCHAIN', 'LANG', 'LANGUAGE', 'LC_ALL', 'PATH',
  ] },
  { repository: 'openjdk', builtOn: ['buildpack-deps', 'debian', 'alpine', 'oraclelinux'], source: SOURCES.environmentOpenjdk, names: [
    'BATS_VERSION', 'CA_CERTIFICATES_JAVA_VERSION', 'DOCKERIZE_VERSION', 'JAVA_ALPINE_VERSION', 'JAVA_BASE_URL',
    'JAVA_CENTOS_VERSION', 'JAVA_DEBIAN_VERSION', 'JAVA_HOME', 'JAVA_OJDKBUILD_SHA256', 'JAVA_OJDKBUILD_VERSION',
    'JAVA_OJDKBUILD_ZIP', 'JAVA_SHA256', 'JAVA_TOOL_OPTIONS', 'JAVA_URL', 'JAVA_URL_VERSION', 'JAVA_VERSION',
    'JAVA_ZIP_VERSION', 'LANG', 'PATH', 'Path', 'java',
  ] },
  { repository: 'php', builtOn: ['debian', 'alpine'], source: SOURCES.environmentPhp, names: [
    'APACHE_CONFDIR', 'APACHE_ENVVARS', 'APACHE_LOG_DIR', 'APACHE_RUN_GROUP', 'APACHE_RUN_USER', 'CFLAGS',
    'COMPOSER_ALLOW_SUPERUSER', 'CONFIG_SCAN_DIRS', 'CPPFLAGS', 'GPG_KEYS', 'HTTPD_ASC_URL', 'HTTPD_BZ2_URL',
    'HTTPD_CONF_DIR', 'HTTPD_PREFIX', 'HTTPD_SHA1', 'HTTPD_VERSION', 'LDFLAGS', 'NGINX_CONFDIR', 'NGINX_ENVVARS',
    'NGINX_PIDFILE', 'NGINX_USER', 'PATH', 'PHPIZE_DEPS', 'PHP_ASC_URL', 'PHP_CFLAGS', 'PHP_CPPFLAGS',
    'PHP_EXTENSION_DIR', 'PHP_EXTRA_BUILD_DEPS', 'PHP_EXTRA_CONFIGURE_ARGS', 'PHP_EXTRA_VERSION', 'PHP_FILENAME',
    'PHP_FPM_DIR', 'PHP_INI_DIR', 'PHP_LDFLAGS', 'PHP_MD5', 'PHP_PDO_PATCH_SHA256', 'PHP_PDO_PATCH_URL',
    'PHP_PM_MAX_CHILDREN', 'PHP_SHA256', 'PHP_SRC_PATH', 'PHP_URL', 'PHP_VERSION', 'POLYSCRIPT_PATH', 'PORT',
    'USE_ZEND_DTRACE',
  ] },
  { repository: 'rust', builtOn: ['buildpack-deps', 'debian', 'alpine'], source: SOURCES.environmentRust, names: [
    'CARGO_HOME', 'PATH', 'RUSTUP_HOME', 'RUSTUP_VERSION', 'RUST_VERSION',
  ] },
  { repository: 'nginx', builtOn: ['debian', 'alpine'], source: SOURCES.environmentNginx, names: [
    'AMPLIFY_AGENT_VERSION', 'CONFIG', 'DEBIAN_FRONTEND', 'DYNPKG_RELEASE', 'GPG_KEYS', 'NGINSCRIPT_VERSION',
    'NGINX_GID', 'NGINX_UID', 'NGINX_VERSION', 'NGX_CACHE_PURGE_VERSION', 'NJS_RELEASE', 'NJS_VERSION',
    'OTEL_VERSION', 'PKG_RELEASE', 'headers_more_module_version', 'http_proxy', 'https_proxy',
  ] },
  { repository: 'httpd', builtOn: ['debian', 'alpine'], source: SOURCES.environmentHttpd, names: [
    'APACHE_DIST_URLS', 'GPG_KEY', 'HTTPD_ASC_FALLBACK_URL', 'HTTPD_ASC_URL', 'HTTPD_BZ2_FALLBACK_URL',
    'HTTPD_BZ2_URL', 'HTTPD_PATCHES', 'HTTPD_PREFIX', 'HTTPD_SHA1', 'HTTPD_SHA256', 'HTTPD_VERSION', 'LANG',
    'NGHTTP2_VERSION', 'OPENSSL_VERSION', 'PATH', 'SOURCE_DATE_EPOCH',
  ] },
  { repository: 'perl', builtOn: ['buildpack-deps', 'debian', 'alpine'], source: SOURCES.environmentPerl, names: [
    'PERL_CPANM_OPT',
  ] },
  { repository: 'eclipse-temurin', builtOn: ['ubuntu', 'alpine'], source: SOURCES.environmentTemurin, names: [
    'JAVA_HOME', 'JAVA_VERSION', 'LANG', 'LANGUAGE', 'LC_ALL', 'PATH', 'ProgramFiles', 'WindowsPATH', 'container',
  ] },
];

/**
 * Names in every RUN's environment whatever the image: PATH (the builder's default when the image sets
 * none), HOME and HOSTNAME (set for every container), and the proxy build arguments, which a RUN gets
 * from \`--build-arg\` without an ARG declaring them (docs.docker.com, "Predefined ARGs").
 */
export const BUILD_ENVIRONMENT: readonly string[] = [
  'PATH', 'HOME', 'HOSTNAME',
  'HTTP_PROXY', 'http_proxy', 'HTTPS_PROXY', 'https_proxy', 'FTP_PROXY', 'ftp_proxy', 'NO_PROXY', 'no_proxy', 'ALL_PROXY', 'all_proxy',
];

const BY_REPOSITORY = new Map(EXPORTED_ENVIRONMENT.map((e) => [e.repository, e]));

/**
 * The names the images of an official repository export to a RUN's programs, whatever the tag, with the builder's
 * own; null for a repository whose environment is not recorded (another registry's, a vendor's, an official one not
 * listed, or one built on such).
 */
export function exportedEnvironment(repository: RepositoryEntry): ReadonlySet<string> | null {
  if (repository.registry !== null || repository.path !== `library/${repository.name}`) return null;
  const names = new Set(BUILD_ENVIRONMENT);
  const seen = new Set<string>();
  const add = (repository: string): boolean => {
    if (seen.has(repository)) return true;
    seen.add(repository);
    const entry = BY_REPOSITORY.get(repository);
    if (entry === undefined) return false;
    for (const n of entry.names) names.add(n);
    return entry.builtOn.every(add);
  };
  return add(repository.name) ? names : null;
}
