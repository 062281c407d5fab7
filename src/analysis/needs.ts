/**
 * What the commands of a stage (and every stage built on it) need from the image:
 * the tools they call, the headers a pip source build compiles against, the
 * compiler an npm install script runs. Each need names the Debian package that
 * brings it and the command that needs it; needs met by an earlier install of
 * the stage are left out. Whether a need is a problem depends on the image the
 * stage moves to: the caller compares them with what that image lacks.
 */
import * as posix from 'node:path/posix';
import { rootStage } from '../dockerfile/stages.js';
import { own } from '../own.js';
import type { ParsedDockerfile, Stage } from '../dockerfile/types.js';
import { variablesAt } from '../dockerfile/variables.js';
import type { BuildContext } from '../engine/context.js';
import { SYSTEM_TLS_CLIENTS, TAR_COMPRESSORS } from '../knowledge/buildTools.js';
import { gemBuildNeeds, linkedCrates, muslTrouble, npmInstallScript, pipRuntimeLibraries, pipSourceBuildNeeds, pipUncertain, pypiPure, toolForCommand } from '../knowledge/index.js';
import type { Libc } from '../knowledge/types.js';
import type { SysCrate } from '../knowledge/sysCrates.js';
import { commandPath, originOf } from './paths.js';
import { stageCommands } from './commands.js';
import { bundleGems, npmPackages, pipInstall, pipRequirements, type NpmPackage, type PipRequirement } from './dependencies.js';
import { installedBefore } from './installs.js';
import type { Need, StageCommand, Unknown } from './types.js';

export interface StageNeeds {
  readonly commands: readonly StageCommand[];
  /** Needs not met by an earlier install in the stage. */
  readonly needs: readonly Need[];
  readonly unknowns: readonly Unknown[];
  readonly pip: readonly PipRequirement[];
  readonly npm: readonly NpmPackage[];
}

/** A gem platform of Linux with glibc: `x86_64-linux`, `aarch64-linux-gnu`, not `x86_64-linux-musl`. */
function glibcLinux(platform: string): boolean {
  return /linux/.test(platform) && !/musl/.test(platform);
}

/** The C toolchain node-gyp compiles with (Debian package names). */
const NODE_GYP = ['python3', 'make', 'g++'];

/** Programs that compile a Node addon with node-gyp (\`node-gyp-build\` and \`node-pre-gyp\` when no prebuilt binary fits). */
const NODE_GYP_PROGRAMS = new Set(['node-gyp', 'node-gyp-build', 'node-pre-gyp']);

/** What a Ruby native extension (`extconf.rb`) compiles with: most gems with C code have no prebuilt gem for Linux. */
const RUBY_EXTENSION = ['gcc', 'make', 'libc6-dev'];

/**
 * What `pecl install` builds a PHP extension with (Debian package names): phpize runs autoconf, then
 * configure and make compile C. The php images' Debian variants keep these ($PHPIZE_DEPS); the Alpine
 * ones do not, and only docker-php-ext-install and -configure add them for the build, not pecl.
 */
const PECL_BUILD = ['autoconf', 'gcc', 'make'];

/**
 * Erlang's and Elixir's build tools: whatever task they run, they fetch and compile the dependencies the
 * project names (mix.exs, rebar.config), which may clone with git and build NIFs and port drivers with make
 * and a C compiler (bcrypt_elixir, argon2_elixir, exqlite), and they reach hex.pm over https. dockshift
 * reads none of those files, so what the stage needs from the image is not known.
 */
const BEAM_BUILD_TOOLS: Readonly<Record<string, string>> = {
  mix: 'mix fetches and compiles the dependencies mix.exs and mix.lock name, which may clone with git and build NIFs with make and gcc; dockshift does not read them',
  rebar3: 'rebar3 fetches and compiles the dependencies rebar.config names, which may clone with git and build NIFs and port drivers with make and gcc; dockshift does not read it',
  rebar: 'rebar fetches and compiles the dependencies rebar.config names, which may clone with git and build port drivers with gcc; dockshift does not read it',
};

/** `mix local.hex`, `local.rebar`, `archive.install`: what they download and how they reach the server. */
const MIX_DOWNLOAD = 'mix downloads it over https, and whether it verifies the server with the system\'s CA bundle depends on the Elixir and OTP versions, which dockshift does not check';

/** Gems with no C code that Dockerfiles install on their own: they build nothing. */
const PURE_GEMS = new Set(['bundler', 'rake', 'rubygems-update', 'foreman', 'dotenv']);

/** `gem install` options followed by a value, not a gem. */
const GEM_VALUED = new Set(['-v', '--version', '-i', '--install-dir', '-n', '--bindir', '-s', '--source', '--platform', '-g', '--file']);

/** Package managers that run npm packages' install scripts, and so node-gyp under `--build-from-source`. */
const NODE_INSTALLERS = new Set(['npm', 'yarn', 'pnpm']);

/** The minor version of Go of the golang image the stage starts from (14 for golang:1.14-alpine); null for another image or a tag without one. */
function goMinor(file: ParsedDockerfile, stage: Stage): number | null {
  const base = rootStage(file, stage).base;
  if (base.kind !== 'image' || base.ref.hasVariables || !/^(?:library\/)?golang$/.test(base.ref.name)) return null;
  const m = /^1\.(\d+)(?:[.-]|$)/.exec(base.ref.tag ?? '');
  return m === null ? null : Number(m[1]);
}

/**
 * Why a command that downloads Go modules (\`go get\`, \`go install x@v1\`, \`go mod download\`) clones with git
 * (which the Alpine golang images lack), or null when it downloads from the module proxy. Before Go 1.13
 * proxy.golang.org was not the default, and \`GOPROXY=direct\` (or off) fetches from each module's repository.
 * Up to 1.15 a \`go get\` with no go.mod where it runs (or above) works in GOPATH mode, as GO111MODULE=off
 * makes it in any version, and GOPATH mode uses no proxy. A setting only known at build time, or a folder
 * dockshift cannot follow, counts as cloning.
 */
function goFetchClones(file: ParsedDockerfile, c: StageCommand, minor: number | null, before: readonly StageCommand[], ctx: BuildContext | null): string | null {
  if (minor !== null && minor < 13) return `Go 1.${minor} has no module proxy to download from`;
  const setting = (name: string): string | null | undefined => {
    const own = c.command?.assigns.find((a) => a.name === name);
    return own !== undefined ? own.value : variablesAt(file, c.inst).get(name)?.value;
  };
  const proxy = setting('GOPROXY');
  if (proxy === null) return 'GOPROXY is only known at build time';
  if (proxy !== undefined && !/^https?:\/\//.test(proxy.trim())) return `GOPROXY=${proxy} fetches each module from its repository`;
  const modules = setting('GO111MODULE');
  if (modules === 'on' || c.argv[1] !== 'get') return null;
  if (modules === null) return 'GO111MODULE is only known at build time';
  if (modules === 'off') return 'GO111MODULE=off runs it in GOPATH mode, which uses no module proxy';
  // Unset or \`auto\`: Go 1.16 and later default to module mode.
  if ((modules === undefined || modules === '') && (minor === null || minor >= 16)) return null;
  const shown = minor === null ? 'Go' : `Go 1.${minor}`;
  if (before.some((o) => o.name === 'go' && o.argv[1] === 'mod' && o.argv[2] === 'init')) return null;
  const dir = commandPath(file, c, '.');
  if (dir === null) return `${shown} runs it in GOPATH mode, with no module proxy, unless a go.mod is where it runs, and that folder is not known`;
  for (let d = dir; ; d = posix.dirname(d)) {
    const origin = originOf(file, c.inst, posix.join(d, 'go.mod'), ctx);
    if (origin?.kind === 'inline' || (origin?.kind === 'context' && ctx?.exists(origin.path) === true)) return null;
    if (origin !== null && origin.kind !== 'context') return `${shown} runs it in GOPATH mode, with no module proxy, unless ${posix.join(d, 'go.mod')} is a module's, which ${origin.inst.keyword} on line ${origin.inst.line} may put there`;
    if (d === '/') break;
  }
  return `${shown} runs it in GOPATH mode (no go.mod where it runs), which uses no module proxy`;
}

/**
 * The needs of `stages` (a stage and those built on it) when they run on an image
 * with the C library `libc`: an npm package that has a prebuilt binary for it needs no compiler.
 */
export function stageNeeds(file: ParsedDockerfile, stages: readonly Stage[], libc: Libc, ctx: BuildContext | null): StageNeeds {
  const commands = stages.flatMap((s) => stageCommands(file, s, ctx).commands);
  const unknowns: Unknown[] = stages.flatMap((s) => [...stageCommands(file, s, ctx).unknowns]);
  const raw: Need[] = [];
  const need = (at: StageCommand, pkg: string, because: string) => raw.push({ inst: at.inst, order: at.order, package: pkg, because });

  for (const c of commands) {
    // Most commands need nothing: their text is shown only in a reason.
    const shown = () => `\`${short(c.text)}\`${c.via === null ? '' : ` (in ${c.via})`}`;
    const tool = toolForCommand(c.name);
    if (tool !== null && tool.commands.length > 0) need(c, tool.package, shown());
    const beam = own(BEAM_BUILD_TOOLS, c.name);
    if (beam !== undefined) unknowns.push({ inst: c.inst, what: shown(), why: c.name === 'mix' && /^(?:local\.|archive\.install$)/.test(c.argv[1] ?? '') ? MIX_DOWNLOAD : beam });
    for (const pkg of tarCompressors(c)) need(c, pkg, `${shown()}, which runs ${pkg === 'xz-utils' ? 'xz' : pkg} to (de)compress`);
    if (fetchesOverTls(c)) need(c, 'ca-certificates', `${shown()}, which verifies https servers with the system's CA bundle`);
    if (c.runtime) continue;
    const extensions = rubyExtensions(c);
    if (extensions !== null) for (const pkg of RUBY_EXTENSION) need(c, pkg, `\`${short(c.text)}\`, which ${extensions}`);
    if ((c.name === 'pecl' && (c.argv[1] === 'install' || c.argv[1] === 'i')) || c.name === 'phpize') {
      for (const pkg of PECL_BUILD) need(c, pkg, `${shown()}, which builds a PHP extension from source (phpize runs autoconf, then configure and make compile it)`);
    }
    if (NODE_GYP_PROGRAMS.has(c.name)) for (const pkg of NODE_GYP) need(c, pkg, `${shown()}, which compiles with node-gyp`);
    if (NODE_INSTALLERS.has(c.name) && c.argv.includes('--build-from-source')) {
      for (const pkg of NODE_GYP) need(c, pkg, `\`${short(c.text)}\`, which compiles every package with an install script (node-gyp)`);
    }
    const cargo = cargoCompiles(file, c, ctx);
    if (cargo?.kind === 'unknown') unknowns.push({ inst: c.inst, what: shown(), why: cargo.why });
    else if (cargo !== null) for (const crate of cargo.crates) for (const pkg of crate.buildNeeds) need(c, pkg, `${shown()}, which builds ${crate.crate} (${cargo.lock} has it): it links ${crate.library} from the system`);
  }
  for (const s of stages) {
    const minor = goMinor(file, s);
    const own = stageCommands(file, s, ctx).commands;
    for (const [i, c] of own.entries()) {
      if (c.runtime || c.name !== 'go') continue;
      const fetches = c.argv[1] === 'get' || (c.argv[1] === 'install' && c.argv.some((a) => a?.includes('@') === true)) || (c.argv[1] === 'mod' && c.argv[2] === 'download');
      if (!fetches) continue;
      const why = goFetchClones(file, c, minor, own.slice(0, i), ctx);
      if (why !== null) need(c, 'git', `\`${short(c.text)}\`, which clones with git: ${why}`);
    }
  }
  const gems = bundleGems(file, commands, ctx);
  unknowns.push(...gems.unknowns);
  const glibcOnly = new Set<string>();
  for (const g of gems.items) {
    if (g.platform !== null && glibcLinux(g.platform)) {
      // Prebuilt for glibc Linux (`nokogiri (1.16.0-x86_64-linux)`): installed there, it compiles nothing. musl
      // loads no such build: unless the lockfile also has one for musl or the gem's source, bundler on Alpine
      // needs a build the lockfile does not show, compiled with what dockshift does not know, or stops on the
      // lockfile's platforms when the bundle is frozen.
      const key = `${g.at.inst.index}\0${g.name}`;
      const other = gems.items.some((o) => o.at === g.at && o.name === g.name && (o.platform === null || /musl/.test(o.platform)));
      if (libc === 'musl' && !other && !glibcOnly.has(key)) {
        glibcOnly.add(key);
        const platforms = gems.items.filter((o) => o.at === g.at && o.name === g.name).map((o) => o.platform);
        unknowns.push({
          inst: g.at.inst,
          what: `${g.name} ${g.version} (${g.from})`,
          why: `the lockfile has it only prebuilt for glibc Linux (${platforms.join(', ')}), which musl cannot load: on Alpine bundler needs another build of it (a -linux-musl gem, or its source compiled with what dockshift does not know), or stops on the lockfile's platforms when the bundle is frozen`,
        });
      }
      continue;
    }
    if (g.local) unknowns.push({ inst: g.at.inst, what: `${g.name} (${g.from})`, why: 'a gem built from a folder of the project, whose native extensions dockshift does not read' });
    if (g.git !== null) need(g.at, 'git', `\`${short(g.at.text)}\`, which clones ${g.name} with git (${short(g.git)})`);
    const lib = gemBuildNeeds(g.name, g.version);
    if (lib !== null) for (const pkg of lib.packages) need(g.at, pkg, `\`${short(g.at.text)}\` (${g.name}, from ${g.from}), whose native extension ${lib.note}`);
  }
  const pip = pipRequirements(file, commands, ctx);
  unknowns.push(...pip.unknowns);
  for (const r of pip.items) {
    if (r.name === null) {
      if (/^git\+/.test(r.spec) || /@\s*git\+/.test(r.spec)) need(r.at, 'git', `pip install ${r.spec} (from ${short(r.from)}), which clones with git`);
      if (/(?:^|@\s*)git\+https:/.test(r.spec)) need(r.at, 'ca-certificates', `pip install ${r.spec} (from ${short(r.from)}), which clones with git over https and verifies the server with the system's CA bundle`);
      continue;
    }
    const from = `from ${short(r.from)}`;
    // A lockfile that lists the wheels (uv.lock) says whether one fits; otherwise the knowledge base does.
    const wheel = r.wheels === null ? null : r.wheels.some((w) => wheelFits(w, libc));
    const sourceBuild = pipSourceBuildNeeds(r.name);
    if (wheel === false && sourceBuild === null) {
      unknowns.push({ inst: r.at.inst, what: `${r.name} (${short(r.from)})`, why: `it lists no wheel for ${libc === 'musl' ? 'musl (musllinux)' : 'Linux'}: it builds from source, with what dockshift does not know` });
    }
    // Each reason reads after "line N runs": the command, then what it needs.
    const installs = pipInstall(r.at) === null ? `\`${short(r.at.text)}\` (${r.name}, ${from}), which` : `pip install ${r.name} (${from}), which`;
    if (wheel !== true) for (const pkg of sourceBuild ?? []) need(r.at, pkg, `${installs} builds from source: no wheels`);
    const uncertain = wheel === true ? null : pipUncertain(r.name);
    if (uncertain !== null) unknowns.push({ inst: r.at.inst, what: `${r.name} (${short(r.from)})`, why: uncertain });
    const runtime = pipRuntimeLibraries(r.name, r.extras);
    if (runtime !== null) for (const pkg of runtime.packages) need(r.at, pkg, `${installs} needs ${runtime.packages.join(' and ')} at run time: ${runtime.note}`);
    // On musl a package is known to install only when it is pure Python or listed with its musl wheels.
    if (libc === 'musl' && wheel === null && !pypiPure(r.name, r.extras) && muslTrouble(r.name, 'pypi') === null && sourceBuild === null) {
      unknowns.push({ inst: r.at.inst, what: `${r.spec} (${short(r.from)})`, why: 'dockshift does not know whether it has wheels for musl (musllinux) or builds from source on Alpine' });
    }
  }
  const npm = npmPackages(file, commands, ctx);
  unknowns.push(...npm.unknowns);
  const notKnown = new Map<string, { at: StageCommand; from: string; evidence: NpmPackage['evidence']; because: string | undefined; names: string[] }>();
  for (const p of npm.items) {
    if (p.git !== null) {
      const ssh = /^(?:git\+ssh:|ssh:|git@)/.test(p.git);
      const because = `\`${short(p.at.text)}\`, which clones ${p.name} with git${ssh ? ' over ssh' : ''} (${short(p.git)})`;
      need(p.at, 'git', because);
      if (ssh) need(p.at, 'openssh-client', because);
      if (/^git\+https:/.test(p.git)) need(p.at, 'ca-certificates', `${because}, which verifies the server with the system's CA bundle`);
    }
    if (p.evidence === 'no-script') continue;
    const entry = npmInstallScript(p.name);
    if (entry === null) {
      if (p.evidence === 'lockfile') unknowns.push({ inst: p.at.inst, what: `${p.name} (${p.from})`, why: 'it runs an install script dockshift does not know: it may compile with node-gyp' });
      else {
        // One unknown per install, naming the packages: a yarn.lock may list hundreds.
        const key = `${p.at.inst.index}\0${p.at.order}\0${p.from}`;
        const group = notKnown.get(key) ?? { at: p.at, from: p.from, evidence: p.evidence, because: p.unrecordedBecause, names: [] };
        group.names.push(p.name);
        notKnown.set(key, group);
      }
      continue;
    }
    const compiles = entry.compiles === 'always' || (entry.compiles === 'without-prebuild' && !entry.prebuilds.includes(libc === 'musl' ? 'musl' : 'glibc'));
    if (compiles) for (const pkg of NODE_GYP) need(p.at, pkg, `npm package ${p.name} compiles with node-gyp on ${libc} (${entry.note})`);
  }
  for (const g of notKnown.values()) {
    const shown = g.names.slice(0, 3).join(', ') + (g.names.length > 3 ? ` (and ${g.names.length - 3} more)` : '');
    const why =
      g.evidence === 'named'
        ? `dockshift does not know whether ${shown} or the packages ${g.names.length > 1 ? 'they depend' : 'it depends'} on run an install script (one may compile with node-gyp)`
        : `${posix.basename(g.from)} does not record which packages run an install script${g.because === undefined ? '' : ` (${g.because})`}, and dockshift does not know whether ${shown} ${g.names.length > 1 ? 'do' : 'does'} (one may compile with node-gyp)`;
    unknowns.push({ inst: g.at.inst, what: short(g.at.text), why });
  }

  // gcc only recommends the C library's headers and start files (libc6-dev), which the full
  // images carry: whatever compiles C needs both. On musl, the apk translation of gcc adds musl-dev.
  if (libc === 'glibc') for (const n of raw.filter((r) => r.package === 'gcc')) raw.push({ ...n, package: 'libc6-dev' });
  const needs = raw.filter((n) => !installedBefore(file, n, ctx).has(n.package));
  return { commands, needs: dedupe(needs), unknowns, pip: pip.items, npm: npm.items };
}

/**
 * For `gem install` of a gem that may have C code, and for `bundle install`: what may be
 * compiled, as a message; null otherwise. A bundle counts as one that builds extensions; the
 * headers its gems compile against are read from the Gemfile (bundleGems).
 */
function rubyExtensions(c: StageCommand): string | null {
  const [, sub, ...rest] = c.argv;
  if (c.name === 'bundle' && (sub === undefined || sub === 'install')) return 'may build native extensions of the bundle\'s gems';
  if (c.name !== 'gem' || sub !== 'install') return null;
  const gems: (string | null)[] = [];
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i]!;
    if (a !== null && GEM_VALUED.has(a)) i++;
    else if (a === null || !a.startsWith('-')) gems.push(a);
  }
  // `bundler:2.4.22` and `bundler -v 2.4.22` name the same gem.
  const built = gems.filter((g) => g === null || !PURE_GEMS.has(g.split(':')[0]!));
  if (built.length === 0) return null;
  return built.includes(null) ? 'may build native extensions of gems named at build time' : `may build native extensions (${built.join(', ')})`;
}

/** cargo's subcommands that compile the project's dependencies, whose build scripts link system libraries. */
const CARGO_COMPILES = new Set(['build', 'b', 'install', 'run', 'r', 'test', 't', 'bench', 'check', 'c', 'clippy', 'rustc', 'doc', 'd']);

/**
 * The *-sys crates a cargo command compiles that link a library of the system (openssl-sys: OpenSSL's
 * headers and pkg-config), read from the Cargo.lock of its project: the nearest one above its folder
 * that a COPY brings from the build context. Unknown when there is none to read, or it compiles crates
 * from crates.io or git (\`cargo install ripgrep\`), whose lockfile is not in the build; null when the
 * command compiles nothing.
 */
export function cargoCompiles(file: ParsedDockerfile, c: StageCommand, ctx: BuildContext | null): { kind: 'unknown'; why: string } | { kind: 'crates'; crates: readonly SysCrate[]; lock: string } | null {
  if (c.runtime || c.name !== 'cargo') return null;
  const args = c.argv.slice(1).filter((a) => a === null || !a.startsWith('+'));
  const sub = args[0];
  // `cargo chef cook` compiles the dependencies of the recipe, made from the project's Cargo.lock.
  const cook = sub === 'chef' && args[1] === 'cook';
  if (sub === undefined || sub === null || (!CARGO_COMPILES.has(sub) && !cook)) return null;
  if (sub === 'install' && !args.includes('--path')) {
    return { kind: 'unknown', why: 'it compiles crates from crates.io or git, whose lockfile is not in the build context: which system libraries their *-sys crates link (OpenSSL, libpq…) is not known' };
  }
  if (args.some((a) => a === null || a.startsWith('--manifest-path'))) return { kind: 'unknown', why: 'which project it builds is not followed' };
  const from = commandPath(file, c, '.');
  if (from === null) return { kind: 'unknown', why: 'the folder it runs in is not known, so which Cargo.lock it reads is not either' };
  for (let dir: string | null = from; dir !== null; dir = dir === '/' ? null : posix.dirname(dir)) {
    const origin = originOf(file, c.inst, posix.join(dir, 'Cargo.lock'), ctx);
    if (origin === null) continue;
    if (origin.kind !== 'context') return { kind: 'unknown', why: `its Cargo.lock comes from the ${origin.inst.keyword} on line ${origin.inst.line}, not the build context, so which system libraries its crates link is not known` };
    const lock = ctx?.read(origin.path) ?? null;
    if (lock === null) {
      const why = ctx === null ? 'there is no build context to read its Cargo.lock from' : `the build context has no ${origin.path}, so cargo picks the dependencies' versions at build time`;
      return { kind: 'unknown', why: `${why}: which system libraries its crates link is not known` };
    }
    const manifests = [posix.join(posix.dirname(origin.path), 'Cargo.toml'), ...(dir === from ? [] : [posix.join(posix.dirname(origin.path), posix.relative(dir, from), 'Cargo.toml')])];
    const manifest = manifests.map((m) => ctx?.read(m) ?? '').join('\n');
    return { kind: 'crates', crates: linkedCrates(lock, manifest), lock: origin.path };
  }
  return { kind: 'unknown', why: 'no COPY brings a Cargo.lock from the build context, so which system libraries its crates link is not known' };
}

/** The packages of the programs `tar` hands the archive to (xz, bzip2), by flag or, when it reads an archive, by its name. */
function tarCompressors(c: StageCommand): string[] {
  if (c.name !== 'tar') return [];
  const args = c.argv.slice(1).filter((a): a is string => a !== null);
  // Old style: the first word is a cluster of letters without a dash (`tar xJf`).
  const clusters = args.filter((a, i) => (/^-[A-Za-z]+$/.test(a) || (i === 0 && /^[A-Za-z]+$/.test(a))));
  const reads = clusters.some((a) => /[xt]/.test(a)) || args.some((a) => ['--extract', '--get', '--list', '--diff', '--compare'].includes(a));
  const auto = clusters.some((a) => a.includes('a')) || args.includes('--auto-compress');
  return TAR_COMPRESSORS.filter((z) => clusters.some((a) => a.includes(z.shortFlag)) || args.some((a) => z.longFlags.includes(a)) || ((reads || auto) && args.map((a) => a.replace(/^--file=/, '')).some((a) => !a.startsWith('-') && z.suffixes.some((s) => a.endsWith(s))))).map((z) => z.package);
}

/** curl, wget or git reaching an https URL (or one a variable names, unless written as a plain http one) verifies it with ca-certificates. */
function fetchesOverTls(c: StageCommand): boolean {
  if (!Object.hasOwn(SYSTEM_TLS_CLIENTS, c.name)) return false;
  const subcommands = SYSTEM_TLS_CLIENTS[c.name]!;
  if (subcommands !== null && !subcommands.includes(c.argv[1] ?? '')) return false;
  if (c.argv.slice(1).some((a) => a !== null && /^(?:git\+)?https:\/\//.test(a))) return true;
  if (!c.argv.slice(1).includes(null)) return false;
  // A word known only when it runs may name an https URL, unless its text starts as a plain http one
  // (`"http://localhost:${PORT}/health"`, a health check's).
  return c.command === null || c.command.words.slice(1).some((w) => w.value === null && !/^["']?http:\/\//.test(w.raw));
}

/** A wheel file name installs on Linux with this C library: pure Python, or built for it. */
export function wheelFits(wheel: string, libc: Libc): boolean {
  if (/-none-any\.whl$/.test(wheel)) return true;
  return libc === 'musl' ? /musllinux_\d+_\d+_x86_64/.test(wheel) : /(?:manylinux\w*_x86_64|linux_x86_64)/.test(wheel) && !/musllinux/.test(wheel);
}

/** Python and Node packages of the stages that are trouble on musl, with the reason. */
export function muslProblems(found: Pick<StageNeeds, 'pip' | 'npm'>): { at: StageCommand; what: string; reason: string }[] {
  const out: { at: StageCommand; what: string; reason: string }[] = [];
  for (const r of found.pip) {
    if (r.name === null) continue;
    const t = muslTrouble(r.name, 'pypi');
    if (t === null) continue;
    if (t.musllinuxSince !== null && (r.pinned === null || !olderThan(r.pinned, t.musllinuxSince))) continue;
    out.push({ at: r.at, what: `${r.spec} (${short(r.from)})`, reason: t.reason });
  }
  for (const p of found.npm) {
    const t = muslTrouble(p.name, 'npm');
    if (t !== null) out.push({ at: p.at, what: `${p.name} (${short(p.from)})`, reason: t.reason });
  }
  return out;
}

/** `1.24.3` < `1.25.0`, comparing numeric parts. */
export function olderThan(version: string, than: string): boolean {
  const a = version.split(/[.+-]/).map((x) => Number.parseInt(x, 10));
  const b = than.split(/[.+-]/).map((x) => Number.parseInt(x, 10));
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = Number.isNaN(a[i] ?? 0) ? 0 : (a[i] ?? 0);
    const y = Number.isNaN(b[i] ?? 0) ? 0 : (b[i] ?? 0);
    if (x !== y) return x < y;
  }
  return false;
}

function dedupe(needs: readonly Need[]): Need[] {
  const seen = new Set<string>();
  return needs.filter((n) => {
    const key = `${n.package}\0${n.because}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export function short(text: string): string {
  const one = text.replace(/\s+/g, ' ').trim();
  return one.length > 60 ? `${one.slice(0, 57)}…` : one;
}
