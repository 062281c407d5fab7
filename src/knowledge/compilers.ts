/**
 * Packages that put a C compiler on PATH, in Debian, Alpine and RHEL names: the compilers
 * themselves and the meta packages that depend on one. A Go build with one of them
 * installed keeps cgo on (go1.20 turns it off only when no gcc or clang is found).
 */
export const C_COMPILER_PACKAGES: ReadonlySet<string> = new Set([
  'gcc', 'g++', 'cc', 'c++', 'clang', 'clang++', 'tcc', 'gcc-c++',
  // Debian: build-essential depends on gcc and g++.
  'build-essential',
  // Alpine: build-base depends on gcc and g++; alpine-sdk depends on build-base.
  'build-base', 'alpine-sdk',
  // RHEL, Fedora: the "Development Tools" group holds gcc.
  'Development Tools', '@development-tools', 'development-tools', '@Development Tools',
]);

/**
 * Versioned names: Debian's `gcc-12`, `clang-17`, Alpine's `clang17`, `gcc6`, RHEL's
 * `gcc-toolset-13` (and its `-gcc` package). Headers alone (`musl-dev`, `libc6-dev`) do not count.
 */
const VERSIONED = /^(?:gcc|g\+\+|clang|clang\+\+)-?\d+(?:\.\d+)*$|^gcc-toolset-\d+(?:-gcc(?:-c\+\+)?)?$/;

/** Does installing `name` (as written in an install, version pin stripped) bring a C compiler? */
export function bringsCCompiler(name: string): boolean {
  return C_COMPILER_PACKAGES.has(name) || VERSIONED.test(name);
}

/**
 * Compilers of other languages that write a native program, by the subcommands that do (none listed: the
 * program compiles whatever it runs with). Such a program links the builder's C library unless told
 * otherwise, which the Dockerfile rarely shows in a way dockshift reads (\`crystal build --static\` on
 * Alpine, Zig's \`-Dtarget=…-musl\`, Swift's \`--static-swift-stdlib\`, which keeps glibc).
 */
export const NATIVE_COMPILERS: Readonly<Record<string, readonly string[]>> = {
  zig: ['build', 'build-exe', 'cc', 'c++'],
  swift: ['build'],
  swiftc: [],
  crystal: ['build', 'compile'],
  shards: ['build'],
  nim: ['c', 'cpp', 'compile'],
  nimble: ['build', 'install'],
  dart: ['compile'],
  ghc: [],
  cabal: ['build', 'install'],
  stack: ['build', 'install'],
  // A release carries ERTS, the BEAM's native programs, unless told not to (\`include_erts: false\`); a
  // compiled project carries the NIFs its dependencies build (mix.exs's, rebar.config's).
  mix: ['release', 'compile', 'deps.compile'],
  rebar3: ['release', 'tar', 'compile', 'as'],
};
