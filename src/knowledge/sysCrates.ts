import type { RuntimeKind, Source } from './types.js';

/**
 * Rust `*-sys` crates that link a C library of the system, found by name in Cargo.lock.
 * Built in a full rust image (buildpack-deps carries libpq-dev, libssl-dev, libsqlite3-dev,
 * libcurl4-openssl-dev, zlib1g-dev…), each links that library dynamically unless a feature
 * or a `*-src` crate builds it into the binary. The runtime image must then have the library.
 */
export interface SysCrate {
  readonly crate: string;
  /** The library the binary links, as a message names it. */
  readonly library: string;
  /** Crates in Cargo.lock that mean the library is built in (`pq-src` for pq-sys's `bundled`). */
  readonly builtInBy: readonly string[];
  /** Feature names in Cargo.toml that build it in (`bundled`, `vendored`, `static-curl`). */
  readonly builtInFeatures: readonly string[];
  /** Only these Cargo.toml features make it link the system library (rdkafka's `dynamic-linking`); empty: it always does. */
  readonly onlyWithFeatures: readonly string[];
  /** Features that link the system library even with a `builtInBy` crate (sqlx's `sqlite-unbundled`). */
  readonly unbundledFeatures?: readonly string[];
  /** Header packages (Debian, Alpine) whose library this is: installing them is the same evidence. */
  readonly headers: readonly string[];
  /**
   * Debian packages its build script fails without when it links the system library (the full rust
   * image has them, its slim sibling not); empty when it then builds the library from its own sources.
   */
  readonly buildNeeds: readonly string[];
  /** Runtime images that carry the library: distroless cc has libssl, Debian slim zlib (dpkg links it). */
  readonly carriedBy: readonly RuntimeKind[];
  readonly source: Source;
}

const CHECKED = '2026-12-04';
const at = (url: string, note: string): Source => ({ url, checked: CHECKED, note });

export const SYS_CRATES: readonly SysCrate[] = [
  {
    crate: 'openssl-sys', library: 'libssl (OpenSSL)', builtInBy: ['openssl-src'], builtInFeatures: ['vendored'], onlyWithFeatures: [],
    headers: ['libssl-dev', 'openssl-dev'], buildNeeds: ['libssl-dev', 'pkgconf'], carriedBy: ['distroless'],
    source: at('https://docs.rs/openssl/latest/openssl/#vendored', 'links the system OpenSSL unless `vendored` builds openssl-src; on Linux its build script finds it with pkg-config ("Currently this requires the `pkg-config` utility to find OpenSSL")'),
  },
  {
    crate: 'pq-sys', library: 'libpq (PostgreSQL)', builtInBy: ['pq-src'], builtInFeatures: [], onlyWithFeatures: [],
    headers: ['libpq-dev', 'postgresql-dev', 'libpq-devel'], buildNeeds: ['libpq-dev'], carriedBy: [],
    source: at('https://docs.rs/crate/pq-sys/latest', '"This library expects that libpq be installed on the system"; `bundled` builds pq-src'),
  },
  {
    crate: 'mysqlclient-sys', library: 'libmysqlclient', builtInBy: ['mysqlclient-src'], builtInFeatures: [], onlyWithFeatures: [],
    headers: ['default-libmysqlclient-dev', 'libmysqlclient-dev', 'libmariadb-dev', 'libmariadb-dev-compat', 'mariadb-dev', 'mariadb-connector-c-dev'], buildNeeds: ['default-libmysqlclient-dev'], carriedBy: [],
    source: at('https://docs.rs/crate/mysqlclient-sys/latest', 'links the system client library unless `bundled` builds mysqlclient-src'),
  },
  {
    crate: 'libsqlite3-sys', library: 'libsqlite3', builtInBy: ['sqlx-sqlite'], builtInFeatures: ['bundled', 'bundled-sqlcipher'], onlyWithFeatures: [],
    unbundledFeatures: ['sqlite-unbundled'], headers: ['libsqlite3-dev', 'sqlite-dev'], buildNeeds: ['libsqlite3-dev'], carriedBy: [],
    source: at('https://docs.rs/crate/libsqlite3-sys/latest', 'links the system SQLite unless `bundled` compiles it in (rusqlite\'s `bundled`; sqlx\'s `sqlite`, not `sqlite-unbundled`)'),
  },
  {
    crate: 'rdkafka-sys', library: 'librdkafka', builtInBy: [], builtInFeatures: [], onlyWithFeatures: ['dynamic-linking', 'dynamic_linking'],
    headers: ['librdkafka-dev'], buildNeeds: ['librdkafka-dev'], carriedBy: [],
    source: at('https://docs.rs/rdkafka-sys/', 'statically linked from its sources by default; `dynamic-linking` links the system library'),
  },
  {
    crate: 'curl-sys', library: 'libcurl', builtInBy: [], builtInFeatures: ['static-curl'], onlyWithFeatures: [],
    headers: ['libcurl4-openssl-dev', 'libcurl4-gnutls-dev', 'curl-dev'], buildNeeds: [], carriedBy: [],
    source: at('https://docs.rs/crate/curl-sys/latest', 'uses the system libcurl that pkg-config finds unless `static-curl`, and builds its bundled libcurl when pkg-config finds none'),
  },
  {
    crate: 'libz-sys', library: 'zlib', builtInBy: [], builtInFeatures: ['static'], onlyWithFeatures: [],
    headers: ['zlib1g-dev', 'zlib-dev'], buildNeeds: [], carriedBy: ['slim'],
    source: at('https://docs.rs/crate/libz-sys/latest', 'links the system zlib that pkg-config finds unless `static`, and builds its bundled zlib when pkg-config finds none'),
  },
];

/** The entry for a header package (`libpq-dev`), or null. */
export function sysCrateForHeaders(name: string): SysCrate | null {
  return SYS_CRATES.find((c) => c.headers.includes(name)) ?? null;
}

/** The package names of a Cargo.lock. */
export function lockNames(lock: string): Set<string> {
  return new Set([...lock.matchAll(/^name = "([^"]+)"/gm)].map((m) => m[1]!));
}

/** The *-sys crates of Cargo.lock that link their library from the system (not built in by a feature or a *-src crate), with `manifest` the Cargo.toml text whose features count. */
export function linkedCrates(lock: string, manifest: string): SysCrate[] {
  const names = lockNames(lock);
  const feature = (f: string) => new RegExp(`["']${f.replace(/[-_]/g, '[-_]')}["']`).test(manifest);
  return SYS_CRATES.filter((c) => {
    if (!names.has(c.crate)) return false;
    if (c.onlyWithFeatures.length > 0 && !c.onlyWithFeatures.some(feature)) return false;
    const unbundled = (c.unbundledFeatures ?? []).some(feature);
    return unbundled || !(c.builtInBy.some((b) => names.has(b)) || c.builtInFeatures.some(feature));
  });
}

/**
 * libclang's header packages (Debian's `libclang-dev` and `libclang-16-dev`, Alpine's `clang-dev`, Fedora's
 * `clang-devel`). A Rust build installs them for bindgen, which a build script runs to generate bindings to a
 * C library (librocksdb-sys, zstd-sys with `bindgen`…): it loads libclang while cargo builds, and the binary
 * links none of it. Only a crate of the binary that uses clang-sys itself (the `clang` crate, bindgen-cli's
 * `bindgen`) needs libclang at run time. (rust-lang.github.io/rust-bindgen/requirements.html: "bindgen leverages
 * libclang to preprocess, parse, and type check C and C++ header files"; tutorial-1.html: a build-dependency run by build.rs.)
 */
const LIBCLANG_HEADERS = /^(?:libclang(?:-\d+)?-dev|clang\d*-dev|clang-devel)$/;

/**
 * `headers` without libclang's, when a cargo build with this Cargo.lock uses libclang only through
 * bindgen: no crate but bindgen depends on clang-sys, and no bindgen-cli (whose program is bindgen itself).
 * Without a Cargo.lock nothing is left out.
 */
export function linkedHeaders(headers: readonly string[], lock: string | null): string[] {
  if (lock === null || !headers.some((h) => LIBCLANG_HEADERS.test(h))) return [...headers];
  const packages = lock.split(/^\[\[package\]\]\s*$/m).slice(1);
  const usesClangSys = packages.some((p) => {
    const dependencies = /^dependencies = \[([^\]]*)\]/m.exec(p)?.[1] ?? '';
    return /^name = "bindgen"$/m.test(p) ? false : /"clang-sys(?: [^"]*)?"/.test(dependencies);
  });
  if (usesClangSys || lockNames(lock).has('bindgen-cli')) return [...headers];
  return headers.filter((h) => !LIBCLANG_HEADERS.test(h));
}
