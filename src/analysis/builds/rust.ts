/**
 * Rust: `cargo build --release` writes target/release/<bin>, `cargo install` writes
 * $CARGO_HOME/bin/<bin>. The runtime stage gets the binary the container starts. For a gnu
 * target (the Debian builders' host) the binary links glibc: it goes on the builder's Debian
 * release, slim (or distroless cc by option). For a musl target (the host of rust:*-alpine, or
 * `--target x86_64-unknown-linux-musl`) Rust links musl in (crt-static is those targets' default):
 * the binary is static, and goes on the builder's own release, or on distroless static or scratch
 * by option. A glibc binary that links OpenSSL (openssl-sys), or that reads the system's CA
 * certificates (rustls-native-certs, openssl-probe), goes on distroless cc, which carries libssl and
 * the certificates that Debian's slim image lacks; one that links another library of the system (pq-sys, libsqlite3-sys without `bundled`,
 * headers the stage installs), or a musl build that links any, is refused: the runtime image would
 * lack it, or whether it is linked in is not followed.
 */
import * as path from 'node:path';
import { stageLineage } from '../../dockerfile/stages.js';
import { variablesAt } from '../../dockerfile/variables.js';
import { unknownReleaseWhy } from '../../knowledge/identify.js';
import { runScripts } from '../runScripts.js';
import { runtimeFor } from '../../knowledge/runtime.js';
import type { Libc } from '../../knowledge/types.js';
import { linkedCrates, linkedHeaders, lockNames, SYS_CRATES, sysCrateForHeaders } from '../../knowledge/sysCrates.js';
import { installedPackages, libraryHeaders } from './packages.js';
import { originOf } from '../paths.js';
import { argsOf, commandEnv, findCommands, NONE, optionOf, programPath, projectFileOf, refuse, resolveIn, startedArgv, tomlValues, type Analysis, type BuildInput, type Located, type RefusalCode } from './plan.js';

/** The options of cargo's build and install subcommands that take the next word as their value. */
export const CARGO_VALUED = [
  '--bin', '-p', '--package', '--target', '--target-dir', '--features', '-F', '-j', '--jobs', '--profile', '--manifest-path', '--path', '--root',
  '--color', '--config', '-Z', '--message-format', '--example', '--version', '--git', '--branch', '--tag', '--rev', '--index', '--registry',
];

export function readRust(input: BuildInput): Analysis {
  const builds = findCommands(input.file, input.scripts, (w) => w[0] === 'cargo' && (w[1] === 'build' || w[1] === 'install'));
  if (builds.length === 0) return NONE;
  const at = builds[0]!.run.inst;
  // The Cargo.toml cargo reads (`--manifest-path`, or the one it finds from the build's folder: `COPY
  // server/Cargo.toml ./`), with the Cargo.lock and .cargo/config.toml of its workspace in the context.
  const projects: CargoProject[] = [];
  for (const build of builds) {
    const project = cargoProject(input, build);
    if ('code' in project) return refuse(project.code, project.reason, build.run.inst);
    projects.push(project);
  }
  const project = projects[0]!;
  const manifestPath = project.context;
  const beside = (name: string) => path.posix.join(path.posix.dirname(project.workspace.context), name);
  const manifest = input.ctx.read(manifestPath);
  if (manifest === null) return refuse('no-sources', `${manifestPath} is not in the build context, so the binary names cannot be read`, at);
  const names = [...tomlValues(manifest, 'package', 'name'), ...tomlValues(manifest, 'bin', 'name')];

  const built: string[] = [];
  const linkages = new Map<string, Linkage>();
  const config = input.ctx.read(beside('.cargo/config.toml')) ?? input.ctx.read(beside('.cargo/config'));
  for (const [k, build] of builds.entries()) {
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
      const chosen = optionOf(args, '--target-dir') ?? env.get('CARGO_TARGET_DIR') ?? vars.get('CARGO_TARGET_DIR')?.value;
      const targetDir = chosen === undefined ? 'target' : chosen;
      // A target folder given is read from the build's folder; the default one is the workspace's, at its root.
      const base = chosen === undefined ? projects[k]!.workspace.dir : build.cwd;
      const triple = optionOf(args, '--target');
      dir = targetDir === null || profile === null || triple === null ? null : resolveIn(base, triple === undefined ? `${targetDir}/${profile}` : `${targetDir}/${triple}/${profile}`);
    }
    if (dir === null) return refuse('no-artefact-path', 'where cargo writes the binary is only known at build time', build.run.inst);
    const linkage = linkageOf(input, build, optionOf(args, '--target'), config);
    for (const name of candidates) {
      built.push(path.posix.join(dir, name));
      linkages.set(path.posix.join(dir, name), linkage);
    }
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
  const lock = input.ctx.read(beside('Cargo.lock'));
  const linked = lock === null ? (/^\s*(?:openssl|native-tls)\s*=/m.test(manifest) ? SYS_CRATES.filter((c) => c.crate === 'openssl-sys') : []) : linkedCrates(lock, manifest);
  // libclang's headers are bindgen's, which build scripts run: not linked unless a crate of the binary uses clang-sys.
  const headers = linkedHeaders(libraryHeaders(installedPackages(input.scripts.filter((s) => s.inst.index <= builds.at(-1)!.run.inst.index)).ever), lock);
  const unknownHeaders = headers.filter((h) => sysCrateForHeaders(h) === null);
  for (const h of headers) {
    const crate = sysCrateForHeaders(h);
    if (crate !== null && !linked.includes(crate)) linked.push(crate);
  }
  const linkage = linkages.get(binary)!;
  const libc = input.builder.facts.libc;
  if (linkage.kind === 'dynamic' && linkage.libc !== libc) {
    return refuse('no-runtime', `${linkage.why}: it needs ${linkage.libc}, and ${input.builder.raw}'s release, the one runtime images are matched to, has ${libc}`, at);
  }
  // A musl build links a library of the system only if a static one is there, or with crt-static off; neither is followed.
  if (linkage.musl && (linked.length > 0 || headers.length > 0)) {
    const crate = linked[0];
    const evidence = crate === undefined ? `the stage installs ${headers.join(', ')} before \`cargo build\`` : lock !== null && lockNames(lock).has(crate.crate) ? `${beside('Cargo.lock')} has ${crate.crate}, which links ${crate.library} from the system` : `the stage installs ${crate.headers.find((h) => headers.includes(h))}, the headers of ${crate.library}`;
    return refuse('shared-libraries', `${evidence}: the binary is built for musl (${linkage.why}), and whether that library is linked in or needed at run time is not followed`, at);
  }
  const openssl = linked.some((c) => c.crate === 'openssl-sys');
  const certificates = openssl ? null : systemCertificates(lock, manifest, manifestPath);
  const isStatic = linkage.kind === 'static';
  const choices = runtimeFor(input.builder, { staticBinary: isStatic });
  // Debian's slim image has no CA certificates (ca-certificates is not a required package); distroless cc has them.
  const wanted = input.runtimeOption === 'distroless' ? (isStatic ? 'static' : 'distroless') : openssl || (certificates !== null && !isStatic) ? 'distroless' : 'slim';
  const runtime = input.runtimeOption === 'scratch' ? (isStatic ? SCRATCH : undefined) : choices.find((c) => c.kind === wanted);
  if (runtime === undefined) {
    // A tag rebuilt on a newer release (rust:1.89) names none: no distroless cc image is then chosen, for want of the release.
    const noCc = (has: string) =>
      input.builder.release.release === null
        ? `the distroless cc image${has} must match the builder's Debian release: ${unknownReleaseWhy(input.builder)}`
        : `no distroless cc image${has} matches ${input.builder.raw}'s Debian release`;
    const why =
      input.runtimeOption === 'scratch'
        ? `the binary links ${libc} dynamically (${linkage.why}); scratch has no C library`
        : openssl
          ? `the binary links OpenSSL (openssl-sys), and ${noCc('')}`
          : certificates !== null && !isStatic && input.runtimeOption === 'default'
            ? `${certificates}, so the binary reads the system's CA certificates, which Debian's slim image lacks, and ${noCc(' (which has them)')}`
          : input.runtimeOption === 'distroless' && libc === 'musl'
            ? `the binary links musl dynamically (${linkage.why}), and no distroless image has musl`
            : `${unknownReleaseWhy(input.builder)}, and the binary needs the same ${libc}`;
    return refuse(openssl && input.runtimeOption !== 'scratch' ? 'shared-libraries' : 'no-runtime', why, input.stage.from);
  }
  if (unknownHeaders.length > 0) {
    return refuse('shared-libraries', `the stage installs ${unknownHeaders.join(', ')} before \`cargo build\`: the binary may link that library, and ${runtime.reference} is not known to have it`, at);
  }
  const missing = linked.find((c) => !c.carriedBy.includes(runtime.kind));
  if (missing !== undefined) {
    const evidence = lock !== null && lockNames(lock).has(missing.crate) ? `${beside('Cargo.lock')} has ${missing.crate}` : `the stage installs ${missing.headers.find((h) => headers.includes(h))}`;
    return refuse('shared-libraries', `${evidence}, which links ${missing.library} from the system, and ${runtime.reference} does not have it`, at);
  }
  return {
    kind: 'plan',
    plan: {
      toolchain: 'Rust',
      buildStep: builds.at(-1)!.run.inst,
      artefacts: [
        { from: binary, to, what: `the binary ${path.posix.basename(binary)}` },
        ...(runtime === SCRATCH ? [{ from: CA_BUNDLE, to: CA_BUNDLE, what: "the builder's CA certificates (scratch has none)" }] : []),
      ],
      runtime,
      runtimePrograms: [],
      buildEdits: [],
      buildTail: [],
      runtimeSetup: [],
      commandRewrite: null,
      notes: [
        ...(isStatic ? [`a static binary: ${linkage.why}`] : []),
        ...(openssl ? ['it links OpenSSL (openssl-sys): distroless cc carries libssl'] : []),
        ...(certificates !== null && runtime.kind === 'distroless' ? [`${certificates}, so it reads the system's CA certificates: distroless cc carries them, Debian's slim image does not`] : []), ...linked.filter((c) => c.crate !== 'openssl-sys').map((c) => `it links ${c.library} (${c.crate}), which ${runtime.reference} has`)],
    },
  };
}

/** How a cargo build's binary links the C library; `musl`: built for a musl target. */
type Linkage = ({ readonly kind: 'static' } | { readonly kind: 'dynamic'; readonly libc: Libc }) & { readonly musl: boolean; readonly why: string };

const SCRATCH = { kind: 'static', reference: 'scratch', image: null, why: 'scratch, as the runtime option asks: the static binary needs nothing else' } as const;
const CA_BUNDLE = '/etc/ssl/certs/ca-certificates.crt';

/**
 * The target of a cargo build (\`--target\`, CARGO_BUILD_TARGET, else the builder's host: musl on
 * rust:*-alpine, gnu on the Debian ones) and how its binary links the C library. Rust's musl targets
 * default to crt-static, linking musl in; RUSTFLAGS (or a .cargo/config.toml of the context) that
 * turn it off, or that are only known at build time, leave a binary that needs musl.
 */
function linkageOf(input: Pick<BuildInput, 'file' | 'stage' | 'builder'>, build: Located, target: string | null | undefined, config: string | null): Linkage {
  const setting = (name: string): string | null | undefined => {
    const own = commandEnv(build);
    if (own.has(name)) return own.get(name);
    const exported = build.run.parsed?.commands.filter((o) => o.start < build.command.start && o.declaration).flatMap((o) => o.assigns.filter((a) => a.name === name)).at(-1);
    if (exported !== undefined) return exported.value;
    const v = variablesAt(input.file, build.run.inst).get(name);
    return v === undefined ? undefined : v.value;
  };
  const triple = target !== undefined ? target : setting('CARGO_BUILD_TARGET');
  const host = input.builder.facts.libc;
  const musl = triple === undefined ? host === 'musl' : triple !== null && /-musl/.test(triple);
  if (!musl) return { kind: 'dynamic', libc: triple === undefined ? host : 'glibc', musl: false, why: triple === undefined ? `the builder's host target is ${host === 'musl' ? 'musl' : 'gnu'}` : `built for ${triple ?? 'a target only known at build time'}` };
  const built = triple === undefined ? `the builder's host target is musl (${input.builder.raw})` : `built for ${triple}`;
  const flags = [...['RUSTFLAGS', 'CARGO_ENCODED_RUSTFLAGS', 'CARGO_BUILD_RUSTFLAGS'].map(setting), config ?? undefined, ...cargoConfigArgs(build)];
  if (flags.some((f) => f === null)) return { kind: 'dynamic', libc: 'musl', musl, why: `${built}, with RUSTFLAGS only known at build time` };
  if (flags.some((f) => f != null && /-crt-static/.test(f))) return { kind: 'dynamic', libc: 'musl', musl, why: `${built}, with crt-static turned off` };
  const other = otherRustflags(input, build);
  if (other !== null) return { kind: 'dynamic', libc: 'musl', musl, why: `${built}, with ${other}` };
  return { kind: 'static', musl, why: `${built}, which links musl in (crt-static)` };
}

/**
 * How the binary of each cargo build or install of a stage and those it is built on links the C
 * library, as linkageOf reads it; config: the context's root .cargo/config.toml, if any.
 */
export function cargoLinkages(input: Pick<BuildInput, 'file' | 'stage' | 'builder'>, config: string | null): Linkage[] {
  return stageLineage(input.file, input.stage).flatMap((s) =>
    findCommands(input.file, runScripts(input.file, s), (w) => w[0] === 'cargo' && (w[1] === 'build' || w[1] === 'install')).map((build) =>
      linkageOf(input, build, optionOf(argsOf(build.words, CARGO_VALUED, 2), '--target'), config),
    ),
  );
}

/** The values of the build's own `--config` options (null: a variable), which may set rustflags. */
function cargoConfigArgs(build: Located): (string | null)[] {
  const out: (string | null)[] = [];
  build.words.forEach((w, i) => {
    if (w.value === '--config') out.push(build.words[i + 1]?.value ?? null);
    else if (w.value?.startsWith('--config=') === true) out.push(w.value.slice('--config='.length));
    else if (w.value === null && /^["']?--config/.test(w.raw)) out.push(null);
  });
  return out;
}

/**
 * Rustflags set where linkageOf does not read them: `CARGO_TARGET_<TRIPLE>_RUSTFLAGS`, a cargo
 * configuration a RUN writes (\`$CARGO_HOME/config.toml\`), crt-static named anywhere. An ENV, ARG or
 * RUN up to the build (in its stage and those it is built on) that names crt-static turned off, or
 * rustflags other than through the three variables read: what it says, or null.
 */
function otherRustflags(input: Pick<BuildInput, 'file' | 'stage'>, build: Located): string | null {
  const { file } = input;
  for (const s of stageLineage(file, input.stage)) {
    const scripts = new Map(runScripts(file, s).map((r) => [r.inst, r.text]));
    for (const i of s.instructions) {
      if (i.index > build.run.inst.index || (i.keyword !== 'ENV' && i.keyword !== 'ARG' && i.keyword !== 'RUN')) continue;
      const text = `${file.text.slice(i.span.start, i.span.end)}\n${scripts.get(i) ?? ''}`;
      if (/-crt-static/.test(text)) return `crt-static turned off on line ${i.line}`;
      if (/rustflags/i.test(text.replace(/\b(?:CARGO_ENCODED_|CARGO_BUILD_)?RUSTFLAGS\b/g, ''))) return `rustflags set on line ${i.line} in a way dockshift does not follow`;
    }
  }
  return null;
}

/**
 * Crates that find the CA certificates to trust in the system's store (/etc/ssl/certs):
 * rustls-native-certs (reqwest's `rustls-tls-native-roots`, ureq's `native-certs`, hyper-rustls'
 * `native-tokio`), rustls-platform-verifier (which uses it on Linux) and openssl-probe (native-tls and
 * a vendored OpenSSL). webpki-roots compiles Mozilla's roots in and needs no file.
 */
const SYSTEM_CERTIFICATE_CRATES = ['rustls-native-certs', 'rustls-platform-verifier', 'openssl-probe'];

/** Features of reqwest and ureq that bring in rustls-native-certs, for a context without Cargo.lock. */
const SYSTEM_CERTIFICATE_FEATURES = /["'](?:rustls-tls-native-roots|native-certs|native-roots|rustls-native-certs)["']/;

/** A Cargo.toml a build reads: where the context has it, the image folder holding it, and its workspace's root. */
interface CargoProject {
  readonly context: string;
  readonly dir: string;
  /** The workspace's root manifest (the project's own when it is no member of one): target/ and Cargo.lock are there. */
  readonly workspace: { readonly context: string; readonly dir: string };
}

/**
 * The manifest a cargo command reads: `--manifest-path`'s, else the nearest Cargo.toml at or above its
 * folder, as cargo looks; and its workspace, as cargo finds it: the manifest itself when it has a
 * `[workspace]` table, else the nearest Cargo.toml above that has one. A manifest cargo would read
 * that no COPY brings from the context, or a `package.workspace` key pointing elsewhere, is not followed.
 */
function cargoProject(input: BuildInput, build: Located): CargoProject | { readonly code: RefusalCode; readonly reason: string } {
  const args = argsOf(build.words, CARGO_VALUED, 2);
  const named = optionOf(args, '--manifest-path');
  let project: { readonly context: string; readonly dir: string } | null;
  if (named === undefined) project = projectFileOf(input, build, 'Cargo.toml');
  else {
    const image = resolveIn(build.cwd, named);
    if (image === null) return { code: 'no-sources', reason: '`--manifest-path` names a manifest only known at build time' };
    const origin = originOf(input.file, build.run.inst, image, input.ctx);
    project = origin?.kind === 'context' ? { context: origin.path, dir: path.posix.dirname(image) } : null;
    if (project === null) return { code: 'no-sources', reason: `${image}, the manifest \`--manifest-path\` names, is not copied from the build context` };
  }
  // Without one found, the context's root Cargo.toml is read, as before a COPY could be followed.
  if (project === null) return { context: 'Cargo.toml', dir: build.cwd ?? '/', workspace: { context: 'Cargo.toml', dir: build.cwd ?? '/' } };
  const text = input.ctx.read(project.context);
  if (text === null || /^\s*\[workspace\]/m.test(text)) return { ...project, workspace: project };
  if (tomlValues(text, 'package', 'workspace').length > 0) return { code: 'no-sources', reason: `${project.context} names its workspace with \`package.workspace\`, which is not followed` };
  for (let dir = project.dir; dir !== '/'; ) {
    dir = path.posix.dirname(dir);
    const image = path.posix.join(dir, 'Cargo.toml');
    const origin = originOf(input.file, build.run.inst, image, input.ctx);
    if (origin === null) continue;
    if (origin.kind !== 'context') return { code: 'no-sources', reason: `${image}, above ${project.context}, may make it a workspace member, and it is not copied from the build context` };
    const parent = input.ctx.read(origin.path);
    if (parent !== null && /^\s*\[workspace\]/m.test(parent)) return { ...project, workspace: { context: origin.path, dir } };
  }
  return { ...project, workspace: project };
}

/** Why the binary reads the system's CA certificates, as evidence for a note or a refusal (`manifestPath`: where the context has the Cargo.toml read); null when nothing says so. */
function systemCertificates(lock: string | null, manifest: string, manifestPath: string): string | null {
  const lockPath = path.posix.join(path.posix.dirname(manifestPath), 'Cargo.lock');
  if (lock !== null) {
    const names = lockNames(lock);
    const crate = SYSTEM_CERTIFICATE_CRATES.find((c) => names.has(c));
    return crate === undefined ? null : `${lockPath} has ${crate}`;
  }
  const crate = SYSTEM_CERTIFICATE_CRATES.find((c) => new RegExp(`^\\s*${c}\\s*=`, 'm').test(manifest));
  if (crate !== undefined) return `${manifestPath} depends on ${crate}`;
  const feature = SYSTEM_CERTIFICATE_FEATURES.exec(manifest);
  return feature === null ? null : `${manifestPath} turns on ${feature[0]}`;
}

