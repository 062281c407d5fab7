/**
 * Rust: `cargo build --release` writes target/release/<bin>, `cargo install` writes
 * $CARGO_HOME/bin/<bin>. The runtime stage gets the binary the container starts on the
 * builder's Debian release, slim (or distroless cc by option): Rust binaries link glibc.
 * A binary that links OpenSSL (openssl-sys) goes on distroless cc, which carries libssl; one
 * that links another library of the system (pq-sys, libsqlite3-sys without `bundled`, headers
 * the stage installs) is refused: the runtime image would lack it.
 */
import * as path from 'node:path';
import { variablesAt } from '../../dockerfile/variables.js';
import { runtimeFor } from '../../knowledge/runtime.js';
import { SYS_CRATES, sysCrateForHeaders, type SysCrate } from '../../knowledge/sysCrates.js';
import { installedPackages, libraryHeaders } from './packages.js';
import { argsOf, commandEnv, findCommands, NONE, optionOf, programPath, refuse, resolveIn, startedArgv, tomlValues, type Analysis, type BuildInput } from './plan.js';

const CARGO_VALUED = ['--bin', '-p', '--package', '--target', '--target-dir', '--features', '-F', '-j', '--jobs', '--profile', '--manifest-path', '--path', '--root', '--color', '--config', '-Z'];

export function readRust(input: BuildInput): Analysis {
  const builds = findCommands(input.file, input.scripts, (w) => w[0] === 'cargo' && (w[1] === 'build' || w[1] === 'install'));
  if (builds.length === 0) return NONE;
  const at = builds[0]!.run.inst;
  const manifest = input.ctx.read('Cargo.toml');
  if (manifest === null) return refuse('no-sources', 'Cargo.toml is not in the build context, so the binary names cannot be read', at);
  const names = [...tomlValues(manifest, 'package', 'name'), ...tomlValues(manifest, 'bin', 'name')];

  const built: string[] = [];
  for (const build of builds) {
    const args = argsOf(build.words, CARGO_VALUED, 2);
    const bins = [optionOf(args, '--bin'), optionOf(args, '-p', '--package')].filter((b): b is string => typeof b === 'string');
    const candidates = bins.length > 0 ? bins : names;
    const vars = variablesAt(input.file, build.run.inst);
    const env = commandEnv(build);
    let dir: string | null;
    if (build.words[1]!.value === 'install') {
      const root = optionOf(args, '--root') ?? env.get('CARGO_INSTALL_ROOT') ?? vars.get('CARGO_INSTALL_ROOT')?.value ?? env.get('CARGO_HOME') ?? vars.get('CARGO_HOME')?.value ?? '/usr/local/cargo';
      dir = root === null ? null : `${root}/bin`;
    } else {
      const profile = args.options.some((o) => o.name === '--release' || o.name === '-r') ? 'release' : (optionOf(args, '--profile') ?? 'debug');
      const targetDir = optionOf(args, '--target-dir') ?? env.get('CARGO_TARGET_DIR') ?? vars.get('CARGO_TARGET_DIR')?.value ?? 'target';
      const triple = optionOf(args, '--target');
      dir = targetDir === null || profile === null || triple === null ? null : resolveIn(build.cwd, triple === undefined ? `${targetDir}/${profile}` : `${targetDir}/${triple}/${profile}`);
    }
    if (dir === null) return refuse('no-artefact-path', 'where cargo writes the binary is only known at build time', build.run.inst);
    for (const name of candidates) built.push(path.posix.join(dir, name));
  }

  const started = startedArgv(input.command);
  const program = started === null ? null : programPath(started.argv[0]!, input.workdir, [...built, ...built.map((b) => `/usr/local/bin/${path.posix.basename(b)}`)]);
  const binary = program === null ? null : (built.find((b) => b === program) ?? built.find((b) => path.posix.basename(b) === path.posix.basename(program) && b.includes('/cargo/bin/')) ?? null);
  if (started === null || program === null || binary === null) {
    return refuse('no-artefact-path', `the container does not start one of the binaries cargo builds (${built.map((b) => path.posix.basename(b)).join(', ')})`, started?.inst ?? at);
  }
  // `cargo install` puts it in $CARGO_HOME/bin, on the builder's PATH only: the runtime gets it in /usr/local/bin.
  const to = binary === program ? binary : program;

  // What the binary links from the system: *-sys crates of Cargo.lock not built in, and headers the stage installs.
  const lock = input.ctx.read('Cargo.lock');
  const linked = lock === null ? (/^\s*(?:openssl|native-tls)\s*=/m.test(manifest) ? SYS_CRATES.filter((c) => c.crate === 'openssl-sys') : []) : linkedCrates(lock, manifest);
  const headers = libraryHeaders(installedPackages(input.scripts.filter((s) => s.inst.index <= builds.at(-1)!.run.inst.index)).names);
  const unknownHeaders = headers.filter((h) => sysCrateForHeaders(h) === null);
  for (const h of headers) {
    const crate = sysCrateForHeaders(h);
    if (crate !== null && !linked.includes(crate)) linked.push(crate);
  }
  const openssl = linked.some((c) => c.crate === 'openssl-sys');
  const choices = runtimeFor(input.builder);
  const wanted = openssl || input.runtimeOption === 'distroless' ? 'distroless' : 'slim';
  const runtime = input.runtimeOption === 'scratch' ? undefined : choices.find((c) => c.kind === wanted);
  if (runtime === undefined) {
    const why =
      input.runtimeOption === 'scratch'
        ? 'a Rust binary links glibc dynamically; scratch has none'
        : openssl
          ? `the binary links OpenSSL (openssl-sys), and no distroless cc image matches ${input.builder.raw}'s Debian release`
          : `${input.builder.raw} names no Debian release the knowledge base records, and the binary needs the same glibc`;
    return refuse(openssl && input.runtimeOption !== 'scratch' ? 'shared-libraries' : 'no-runtime', why, input.stage.from);
  }
  if (unknownHeaders.length > 0) {
    return refuse('shared-libraries', `the stage installs ${unknownHeaders.join(', ')} before \`cargo build\`: the binary may link that library, and ${runtime.reference} is not known to have it`, at);
  }
  const missing = linked.find((c) => !c.carriedBy.includes(runtime.kind));
  if (missing !== undefined) {
    const evidence = lock !== null && lockNames(lock).has(missing.crate) ? `Cargo.lock has ${missing.crate}` : `the stage installs ${missing.headers.find((h) => headers.includes(h))}`;
    return refuse('shared-libraries', `${evidence}, which links ${missing.library} from the system, and ${runtime.reference} does not have it`, at);
  }
  return {
    kind: 'plan',
    plan: {
      toolchain: 'Rust',
      buildStep: builds.at(-1)!.run.inst,
      artefacts: [{ from: binary, to, what: `the binary ${path.posix.basename(binary)}` }],
      runtime,
      runtimePrograms: [],
      buildEdits: [],
      buildTail: [],
      runtimeSetup: [],
      commandRewrite: null,
      notes: [...(openssl ? ['it links OpenSSL (openssl-sys): distroless cc carries libssl'] : []), ...linked.filter((c) => c.crate !== 'openssl-sys').map((c) => `it links ${c.library} (${c.crate}), which ${runtime.reference} has`)],
    },
  };
}

/** The package names of a Cargo.lock. */
function lockNames(lock: string): Set<string> {
  return new Set([...lock.matchAll(/^name = "([^"]+)"/gm)].map((m) => m[1]!));
}

/** The *-sys crates of Cargo.lock that link their library from the system (not built in by a feature or a *-src crate). */
function linkedCrates(lock: string, manifest: string): SysCrate[] {
  const names = lockNames(lock);
  const feature = (f: string) => new RegExp(`["']${f.replace(/[-_]/g, '[-_]')}["']`).test(manifest);
  return SYS_CRATES.filter((c) => {
    if (!names.has(c.crate)) return false;
    if (c.onlyWithFeatures.length > 0 && !c.onlyWithFeatures.some(feature)) return false;
    const unbundled = (c.unbundledFeatures ?? []).some(feature);
    return unbundled || !(c.builtInBy.some((b) => names.has(b)) || c.builtInFeatures.some(feature));
  });
}
