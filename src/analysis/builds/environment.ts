/**
 * Environment variables that only steer a build: toolchain settings (Go, npm, Cargo,
 * Maven, Gradle, .NET CLI, C compilers) and installer settings. A runtime stage leaves
 * them out; every other ENV is kept, since the program may read it.
 */
import { referencedNames } from '../../dockerfile/words.js';

const BUILD_ONLY = new Set([
  // Go (`go help environment`)
  'CGO_ENABLED', 'GOOS', 'GOARCH', 'GOARM', 'GOAMD64', 'GOFLAGS', 'GOPROXY', 'GOPRIVATE', 'GONOPROXY', 'GONOSUMDB', 'GOSUMDB',
  'GO111MODULE', 'GOPATH', 'GOCACHE', 'GOMODCACHE', 'GOBIN', 'GOTOOLCHAIN', 'GOINSECURE', 'GOWORK',
  // Rust (Cargo's environment variables)
  'CARGO_HOME', 'CARGO_TARGET_DIR', 'CARGO_INCREMENTAL', 'CARGO_NET_GIT_FETCH_WITH_CLI', 'RUSTFLAGS', 'RUSTUP_HOME', 'RUSTUP_TOOLCHAIN',
  // Java build tools
  'MAVEN_OPTS', 'MAVEN_CONFIG', 'MAVEN_HOME', 'GRADLE_OPTS', 'GRADLE_USER_HOME', 'GRADLE_HOME',
  // .NET CLI
  'DOTNET_CLI_TELEMETRY_OPTOUT', 'DOTNET_NOLOGO', 'DOTNET_SKIP_FIRST_TIME_EXPERIENCE', 'DOTNET_CLI_HOME', 'NUGET_PACKAGES', 'NUGET_XMLDOC_MODE',
  // C and C++ builds
  'CC', 'CXX', 'CFLAGS', 'CXXFLAGS', 'CPPFLAGS', 'LDFLAGS', 'MAKEFLAGS', 'PKG_CONFIG_PATH',
  // installers
  'DEBIAN_FRONTEND', 'PIP_NO_CACHE_DIR', 'PIP_DISABLE_PIP_VERSION_CHECK',
]);

/** Name prefixes of installer settings (`NPM_CONFIG_REGISTRY`, `YARN_CACHE_FOLDER`, `CMAKE_BUILD_TYPE`). */
const BUILD_ONLY_PREFIXES = ['NPM_CONFIG_', 'npm_config_', 'YARN_', 'PNPM_', 'CMAKE_'];

export function isBuildOnlyEnv(name: string): boolean {
  return BUILD_ONLY.has(name) || BUILD_ONLY_PREFIXES.some((p) => name.startsWith(p));
}

/**
 * Name prefixes of the settings a language's package manager reads (`PIP_CACHE_DIR`,
 * `POETRY_CACHE_DIR`, `UV_CACHE_DIR`, `BUNDLE_PATH`). Not build-only: a container may start
 * through the tool (`uv run`, `bundle exec`), which reads them then.
 */
const PACKAGE_TOOL_PREFIXES = ['PIP_', 'PIPENV_', 'POETRY_', 'UV_', 'PDM_', 'CONDA_', 'BUNDLE_', 'GEM_', 'COMPOSER_', 'BUN_', 'DENO_'];

/** A setting of a build tool or package manager (its cache, its registry), which the app itself does not read. */
export function isToolSetting(name: string): boolean {
  return isBuildOnlyEnv(name) || PACKAGE_TOOL_PREFIXES.some((p) => name.startsWith(p));
}

/** Whether `text` refers to variable `name` (`$NAME`, `${NAME}`, `${NAME:-x}`). */
export function refersTo(text: string, name: string): boolean {
  const n = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`\\$(?:${n}(?![A-Za-z0-9_])|\\{${n}(?![A-Za-z0-9_]))`).test(text);
}

const WORD = /^[A-Za-z0-9_]+$/;

/**
 * Which variables some texts refer to, read once: asked of every ENV and ARG of a
 * stage, a scan of every text per name made a stage of thousands of them quadratic.
 */
export class References {
  private readonly counts = new Map<string, number>();

  constructor(private readonly texts: readonly string[]) {
    // Whole names, as refersTo's lookahead asks.
    for (const t of texts) for (const name of referencedNames(t)) this.counts.set(name, (this.counts.get(name) ?? 0) + 1);
  }

  /** How many of the texts refer to `name`. */
  count(name: string): number {
    return WORD.test(name) ? (this.counts.get(name) ?? 0) : this.texts.filter((t) => refersTo(t, name)).length;
  }
}
