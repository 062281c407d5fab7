/**
 * Go: `go build` (or `go install`) makes one binary. It runs on distroless static
 * (or scratch) when built with CGO_ENABLED=0, which is added when nothing needs cgo;
 * otherwise it needs the builder's glibc (distroless base, or the same Debian slim)
 * or musl (the same Alpine). A runtime without a CA bundle (scratch, Debian slim) gets the
 * builder's: Go verifies TLS servers with it, and whether the program calls one is not known. Files the program opens by a relative name (templates,
 * static assets) are copied next to it when the build context has them.
 */
import * as path from 'node:path';
import { originAtEnd, unknownWorkdirWhy } from '../paths.js';
import { downloadToolsOf, hasCaCertificates } from '../../knowledge/downloaders.js';
import { unknownReleaseWhy } from '../../knowledge/identify.js';
import { runtimeFor } from '../../knowledge/runtime.js';
import { GO_BUILD_VALUED, GO_MODULE_KEPT } from '../../knowledge/programs.js';
import { unnamedWriter } from '../unnamedWrites.js';
import { baseOf } from '../base.js';
import { short } from '../pidOne.js';
import { runScriptsOf } from '../runScripts.js';
import { rootStage, stageLineage } from '../../dockerfile/stages.js';
import { commandText, programWords, type ShellScript, type SimpleCommand } from '../../shell/index.js';
import type { BuildContext } from '../../engine/context.js';
import type { Edit } from '../../engine/types.js';
import type { RuntimeChoice } from '../../knowledge/types.js';
import { properties, variablesAt } from '../../dockerfile/variables.js';
import type { Instruction, ParsedDockerfile } from '../../dockerfile/types.js';
import { grammar, splitArgs, type SplitArgs } from '../../shell/argv.js';
import type { ShellWord } from '../../shell/types.js';
import { BASE_LIBRARIES, installedPackages, libraryHeaders } from './packages.js';
import { commandEnv, contextFileAbove, contextFiles, findCommands, NONE, optionOf, refuse, resolveIn, type Analysis, type Artefact, type BuildInput, type Located, type ProjectFile } from './plan.js';

/**
 * Modules that only build with cgo (each project's README says it needs a C compiler or
 * links a C library): with CGO_ENABLED=0 they fail to build or fail at run time. `library`
 * is the system library the module links, which the runtime image must have too; null when
 * the module compiles the C sources it carries.
 */
export const CGO_MODULES: readonly { module: string; why: string; library: string | null }[] = [
  { module: 'github.com/mattn/go-sqlite3', why: 'is a cgo package (its README: "go-sqlite3 is cgo package")', library: null },
  { module: 'github.com/confluentinc/confluent-kafka-go', why: 'binds librdkafka through cgo', library: null },
  { module: 'github.com/DataDog/zstd', why: 'wraps the C zstd library through cgo', library: null },
  { module: 'github.com/google/gopacket', why: 'has a pcap package that links libpcap through cgo', library: null },
  { module: 'github.com/go-gl/', why: 'binds OpenGL and GLFW through cgo', library: 'OpenGL and GLFW' },
  { module: 'github.com/tecbot/gorocksdb', why: 'links RocksDB through cgo', library: 'librocksdb' },
  { module: 'github.com/linxGnu/grocksdb', why: 'links RocksDB through cgo', library: 'librocksdb' },
  { module: 'github.com/h2non/bimg', why: 'binds libvips through cgo', library: 'libvips' },
  { module: 'github.com/davidbyttow/govips', why: 'binds libvips through cgo', library: 'libvips' },
  { module: 'gopkg.in/gographics/imagick', why: 'binds ImageMagick\'s MagickWand through cgo', library: 'MagickWand' },
  { module: 'github.com/libgit2/git2go', why: 'binds libgit2 through cgo', library: 'libgit2' },
  { module: 'github.com/pebbe/zmq4', why: 'binds libzmq through cgo', library: 'libzmq' },
  { module: 'github.com/godror/godror', why: 'calls the Oracle client library through cgo', library: 'the Oracle Instant Client' },
  { module: 'github.com/mattn/go-oci8', why: 'links the Oracle client library through cgo', library: 'the Oracle Instant Client' },
];

/** Where Debian's and Alpine's ca-certificates write the bundle; the first file Go's crypto/x509 reads on Linux. */
const CA_BUNDLE = '/etc/ssl/certs/ca-certificates.crt';

/** Build tags that keep a build pure Go. */
const PURE_GO_TAGS = new Set(['netgo', 'osusergo', 'timetzdata', 'nethttpomithttp2']);

/** `go build` flags that take a value (see GO_BUILD_VALUED). */
const GO_BUILD = grammar(GO_BUILD_VALUED, false);

/** The packages a \`go build\` or \`go install\` names (its words after the subcommand); null for one only known at build time. */
export function goBuildPackages(words: readonly ShellWord[]): (string | null)[] {
  return splitArgs(words, GO_BUILD).positionals.map((w) => w.value);
}

/**
 * Whether the go tool compiles this file into a program: not a test, and under no folder it
 * ignores (`testdata`, or a name that starts with `.` or `_`).
 */
export function builtGoFile(file: string): boolean {
  return !file.endsWith('_test.go') && !file.split('/').some((p) => p === 'testdata' || /^[._]./.test(p));
}

/** The program a Go file's main package builds, by Go's layout (`cmd/NAME/…`), else null. */
export function goMainOf(source: string): string | null {
  return /(?:^|\/)cmd\/([^/]+)\//.exec(source)?.[1] ?? null;
}

/** Of a context's Go files, at most this many are read: a project of more is left unread rather than slow. */
export const GO_FILES_READ = 500;

/**
 * The package a \`go install\` builds from a module it downloads (\`go install github.com/skibish/ddns@latest\`), or
 * null. With a version on its packages, go installs them in module-aware mode, ignoring the go.mod where it runs
 * (\`go help install\`): neither the build context's go.mod nor its Go files are what it compiles.
 */
export function downloadedGoInstall(argv: readonly (string | null)[]): string | null {
  if (argv[1] !== 'install') return null;
  for (let i = 2; i < argv.length; i++) {
    const word = argv[i];
    if (word == null) continue;
    if (word.startsWith('-')) {
      if (GO_BUILD.valued.has(word.replace(/^--?/, '-'))) i++;
      continue;
    }
    if (/^[^@\s]+@\S+$/.test(word)) return word;
  }
  return null;
}

/** The flags and packages of a `go build`/`go install`. */
function goArgs(build: Located): SplitArgs {
  return splitArgs(build.words.slice(2), GO_BUILD);
}

export function readGo(input: BuildInput): Analysis {
  const builds = findCommands(input.file, input.scripts, (w) => w[0] === 'go' && (w[1] === 'build' || w[1] === 'install'));
  if (builds.length === 0) return NONE;
  const { ctx, file } = input;
  const downloaded = builds.map((b) => downloadedGoInstall(b.words.map((w) => w.value))).find((p) => p !== null);
  if (downloaded != null) {
    return refuse('no-sources', `\`go install ${downloaded}\` builds a module it downloads, not the build context's: what the program imports (and whether it needs cgo or a library of the system) cannot be checked`, builds[0]!.run.inst);
  }
  // \`-modfile\` (as a flag, or in GOFLAGS) gives go another file for go.mod's: the module, and so the binary's name and
  // what it requires, are that file's. In GOPATH mode go reads no go.mod at all.
  for (const b of builds) {
    const why = goModuleUnread(file, b.run.inst, b.run.parsed, b.command);
    if (why !== null) return refuse('no-sources', `\`go ${b.words[1]!.value}\` ${why}: which module it builds, what it imports (and whether it needs cgo) is not read`, b.run.inst);
  }
  // The go.mod of the module the build runs in, as go finds it; the context's root one when none can be followed.
  // Told another folder (\`-C\`), go looks for it there: a folder without one is not looked past then.
  const first = builds[0]!;
  const told = builds.some((b) => optionOf(goArgs(b), '-C', '--C') !== undefined);
  const project = first.cwd === null ? null : told ? contextFileAbove(file, first.run.inst, first.cwd, 'go.mod', ctx) : goModAbove(file, first.run.inst, first.cwd, ctx);
  const goModPath = project?.context ?? 'go.mod';
  if (project?.lacking !== undefined) {
    return refuse('no-sources', `${goModPath} is not in the build context, but ${project.lacking}: which module the program is built in, what it imports (and whether it needs cgo) cannot be checked`, first.run.inst);
  }
  const goMod = ctx.sends(goModPath) ? ctx.read(goModPath) : null;
  if (goMod === null) return refuse('no-sources', `${goModPath} is not in the build context (or .dockerignore leaves it out), so what the program imports (and whether it needs cgo) cannot be checked`, first.run.inst);
  const modulePath = goModulePath(goMod);
  const sources = contextFiles(ctx, '.go');
  if (sources === null) return refuse('no-sources', 'the build context is too large to read every Go file', builds[0]!.run.inst);
  const texts = new Map(sources.map((s) => [s, ctx.read(s) ?? ''] as const));

  const artefacts: Artefact[] = [];
  const edits: Edit[] = [];
  const notes: string[] = [];
  let cgo = false;
  for (const build of builds) {
    const binary = outputOf(input, build, modulePath);
    if (typeof binary !== 'string') return binary;
    artefacts.push({ from: binary, to: binary, what: `the binary ${path.posix.basename(binary)}` });
    const need = cgoNeed(input, build, texts, goMod);
    // A cgo build that links a library of the system needs it at run time: no runtime image here is known to have it.
    const linked = need.kind === 'set' && !need.cgo ? null : linkedLibrary(input, build, texts, goMod);
    if (linked !== null) {
      return refuse('shared-libraries', `${linked}: the cgo binary links that library, and no runtime image the knowledge base names is known to have it (set CGO_ENABLED=0 if the program builds without cgo)`, build.run.inst);
    }
    if (need.kind === 'set') cgo ||= need.cgo;
    else if (need.kind === 'needed') {
      cgo = true;
      notes.push(`cgo stays on: ${need.why}`);
    } else if (build.run.offsetOf === null) {
      cgo = true;
      notes.push('cgo stays on: the RUN is not in a form the rewrite can give CGO_ENABLED=0');
    } else {
      const at = build.run.offsetOf(build.command.start);
      edits.push({ start: at, end: at, text: 'CGO_ENABLED=0 ' });
      notes.push('CGO_ENABLED=0 added to go build (no Go file imports C, no module needs cgo): the binary needs no C library');
    }
  }
  const runtime = chooseRuntime(input, cgo);
  if (!('reference' in runtime)) return runtime;
  // Go verifies every TLS server against the system's CA bundle, and whether the program calls one is
  // not known: a runtime without the bundle (scratch, Debian's slim images) gets the builder's.
  if (runtime.image === null || !hasCaCertificates(runtime.image)) {
    const none = runtime.reference === 'scratch' ? 'scratch has none' : `${runtime.reference} has none`;
    if (!downloadToolsOf(input.builder).caCertificates) {
      return refuse('no-runtime', `${none} of the CA certificates a Go program verifies TLS servers with, and ${input.builder.raw} is not known to have them to copy`, input.stage.from);
    }
    artefacts.push({ from: CA_BUNDLE, to: CA_BUNDLE, what: `the builder's CA certificates (${none})` });
    if (runtime.reference !== 'scratch') notes.push(`whether the program makes TLS calls is not known, and Go verifies them with ${CA_BUNDLE}, which ${runtime.reference} lacks`);
  }

  // Files the program opens by a relative name are looked up in its working folder: what the
  // build stage has there is copied; what it lacks, the original image lacked too.
  for (const read of fileReads(texts)) {
    if (read.unknown !== undefined) return refuse('reads-sources', read.unknown, input.stage.from);
    const top = read.path.replace(/^\.\//, '').split('/')[0]!;
    if (top === '' || top === '.' || top === '..' || /[*?[]/.test(top)) continue;
    if (input.workdir === null) return refuse('reads-sources', `${read.file} opens ${read.path} relative to the working folder, ${unknownWorkdirWhy(input.file, input.stage.instructions.at(-1) ?? input.stage.from)}`, input.stage.from);
    const inImage = path.posix.join(input.workdir, top);
    // The context's path there, the working folder being the context's root or any folder below it a COPY brings
    // (\`COPY . /src\` with \`WORKDIR /src/cmd/api\`: cmd/api/templates).
    // One .dockerignore leaves out is not in the build stage either.
    const copied = originAtEnd(file, input.stage, inImage, ctx);
    if (copied?.kind === 'context' && ctx.sends(copied.path)) {
      if (!artefacts.some((a) => a.to === inImage)) artefacts.push({ from: inImage, to: inImage, what: `${top}, which ${read.file} opens` });
      continue;
    }
    const maker = input.scripts.find((s) => new RegExp(`(?:^|[\\s/'"=])${top.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?:$|[\\s/'";&|])`).test(s.text));
    if (maker !== undefined) {
      return refuse('reads-sources', `${read.file} opens ${read.path}, and a RUN of the stage makes ${top}: what it writes there cannot be named from the build context`, maker.inst);
    }
  }
  const targets = builds.map((b) => targetArchitecture(input, b));
  const forTarget = targets.every((t) => t !== null) ? targets[0]! : undefined;
  return {
    kind: 'plan',
    plan: {
      toolchain: 'Go',
      buildStep: builds.at(-1)!.run.inst,
      artefacts,
      runtime,
      runtimePrograms: [],
      buildEdits: edits,
      buildTail: [],
      runtimeSetup: [],
      commandRewrite: null,
      notes,
      ...(forTarget === undefined ? {} : { forTarget }),
    },
  };
}

/**
 * How a \`go build\` is told to build for the target platform (\`GOARCH=$TARGETARCH go build\`, or an ENV of the stage
 * that sets GOARCH from it), as written; null when its GOARCH does not come from the target platform.
 */
function targetArchitecture(input: BuildInput, build: Located): string | null {
  // The platform arguments reach a stage only through an ARG of it: undeclared, $TARGETARCH is empty and Go builds for the build platform.
  const fromTarget = (raw: string, at: Instruction) => {
    const name = /\bTARGET(?:ARCH|PLATFORM)\b/.exec(raw)?.[0];
    return name !== undefined && variablesAt(input.file, at).has(name);
  };
  const assign = build.command.assigns.find((a) => a.name === 'GOARCH');
  if (assign !== undefined) {
    const raw = build.run.text.slice(assign.start, assign.end);
    return fromTarget(raw, build.run.inst) ? raw : null;
  }
  const variable = variablesAt(input.file, build.run.inst).get('GOARCH');
  if (variable === undefined || variable.kind !== 'env') return null;
  const raw = properties(input.file, variable.inst).find((p) => p.name === 'GOARCH')?.raw ?? null;
  return raw !== null && fromTarget(raw, variable.inst) ? `GOARCH=${raw}` : null;
}

/** Folders an `-o` may name without a final slash: Go writes each binary there under its own name. */
const BIN_FOLDERS = new Set(['/usr/local/bin', '/usr/bin', '/bin', '/go/bin', '/usr/local/go/bin', '.', '..']);

/** The binary a `go build`/`go install` writes, or why it cannot be named. */
function outputOf(input: BuildInput, build: Located, rootModule: string | null): string | Analysis {
  const args = goArgs(build);
  const packages = args.positionals.map((p) => p.value);
  const unknown = args.positionals.find((p) => p.value === null);
  if (unknown !== undefined) return refuse('no-artefact-path', `the packages \`go ${build.words[1]!.value}\` builds (${unknown.raw}) are only known at build time`, build.run.inst);
  // `-C dir` runs go in another folder: its packages, the go.mod that names them and a relative -o are that
  // folder's; only a build's absolute -o names the binary then.
  const named = build.words[1]!.value === 'build' ? optionOf(args, '-o', '--o') : undefined;
  if (optionOf(args, '-C', '--C') !== undefined && !(typeof named === 'string' && named.startsWith('/') && !named.endsWith('/') && !BIN_FOLDERS.has(named))) {
    return refuse('no-artefact-path', `\`go ${build.words[1]!.value} -C\` runs in another folder, whose package names the binary: that is not read`, build.run.inst);
  }
  if (packages.length > 1 && !packages.every((p) => p!.endsWith('.go'))) {
    return refuse('no-artefact-path', `\`go ${build.words[1]!.value}\` builds several packages (${packages.join(', ')}), so which binary runs is not known`, build.run.inst);
  }
  if (packages.some((p) => p!.includes('...'))) {
    // `go build -o /usr/local/bin/app ./...` (the golang image's own example) writes that one
    // file or fails: Go refuses to write several binaries to a path that is not a folder.
    if (typeof named === 'string' && !named.endsWith('/') && !BIN_FOLDERS.has(named)) {
      return resolveIn(build.cwd, named) ?? refuse('no-artefact-path', 'the folder `go build` runs in is only known at build time', build.run.inst);
    }
    return refuse('no-artefact-path', `\`go ${build.words[1]!.value} ${packages.join(' ')}\` matches packages by pattern and writes no binary of its own name`, build.run.inst);
  }
  const name = binaryName(packages as string[], build.cwd === null ? rootModule : folderPackage(input, build));
  const install = build.words[1]!.value === 'install';
  if (install) {
    if (name === null) return refuse('no-artefact-path', 'the name of the binary `go install` makes cannot be read from go.mod', build.run.inst);
    const vars = variablesAt(input.file, build.run.inst);
    const env = commandEnv(build);
    const gobin = env.get('GOBIN') ?? vars.get('GOBIN')?.value;
    const gopath = env.get('GOPATH') ?? vars.get('GOPATH')?.value ?? '/go';
    const dir = gobin ?? (gopath === null ? null : `${gopath}/bin`);
    if (dir === null) return refuse('no-artefact-path', 'GOBIN or GOPATH is only known at build time', build.run.inst);
    return path.posix.join(dir, name);
  }
  const out = optionOf(args, '-o', '--o');
  if (out === null) return refuse('no-artefact-path', 'the `-o` of `go build` is only known at build time', build.run.inst);
  if (out === undefined || out.endsWith('/')) {
    if (name === null) return refuse('no-artefact-path', 'the name of the binary `go build` writes cannot be read: go.mod gives no module, or the package path ends in a major version (`./v2`), whose import path names it', build.run.inst);
    const dir = out === undefined ? build.cwd : resolveIn(build.cwd, out);
    const full = resolveIn(dir, name);
    return full ?? refuse('no-artefact-path', 'the folder `go build` runs in is only known at build time', build.run.inst);
  }
  return resolveIn(build.cwd, out) ?? refuse('no-artefact-path', 'the folder `go build` runs in is only known at build time', build.run.inst);
}

/** The import path of the package in the folder a build runs in (see packageIn); null when not known. */
function folderPackage(input: BuildInput, build: Located): string | null {
  return build.cwd === null ? null : packageIn(input.file, build.run.inst, build.cwd, input.ctx);
}

/**
 * The import path of the package in `folder` (absolute) at `inst`: its module's, from the go.mod go finds there or
 * above (see contextFileAbove), joined with the folders below the module's (\`WORKDIR /src/cmd/api\` in module
 * example.com/app at /src: example.com/app/cmd/api); null when that go.mod is not known or not read.
 */
export function packageIn(file: ParsedDockerfile, inst: Instruction, folder: string, ctx: BuildContext | null): string | null {
  const project = goModAbove(file, inst, folder, ctx);
  // One .dockerignore leaves out is not sent: the folder's import path is not known then.
  const text = project === null || project.lacking !== undefined || ctx === null || !ctx.sends(project.context) ? null : ctx.read(project.context);
  const module = text === null ? null : goModulePath(text);
  if (module === null) return null;
  const below = path.posix.relative(project!.dir, folder);
  return below === '' ? module : `${module}/${below}`;
}

/**
 * Why go, run by \`command\` of the RUN \`inst\` (whose script is \`script\`), may not build the module go.mod declares,
 * which names its program, said of go (\`reads its module from another file …\`); null when it does. go reads the module
 * from another file when told so by \`-modfile\`, or by GOFLAGS holding it, and no go.mod in GOPATH mode
 * (GO111MODULE=off), where the folder names the program. It reads both settings from its environment (the command's
 * own, the script's assignments before it, the stage's ENV or ARG), else, when that leaves them unset or empty, from
 * the file \`go env -w\` writes, in this RUN before it or in an earlier one.
 */
export function goModuleUnread(file: ParsedDockerfile, inst: Instruction, script: ShellScript | null, command: SimpleCommand): string | null {
  if (programWords(command).some((w) => /^--?modfile(?:=|$)/.test(w.value ?? w.raw))) return 'reads its module from another file than go.mod (-modfile)';
  const goflags = goSetting(file, inst, script, command, 'GOFLAGS');
  if (goflags !== undefined) {
    const by = goflags.by === null ? '' : `, set by ${goflags.by}`;
    if (goflags.value === null) return `runs with GOFLAGS only known at build time${by}, which may name another file than go.mod (-modfile)`;
    if (/(?:^|\s)--?modfile\b/.test(goflags.value)) return `reads its module from another file than go.mod (-modfile in GOFLAGS${by})`;
  }
  const modules = goSetting(file, inst, script, command, 'GO111MODULE');
  if (modules !== undefined) {
    const by = modules.by === null ? '' : `, set by ${modules.by}`;
    if (modules.value === null) return `runs with GO111MODULE only known at build time${by}, which may be off: GOPATH mode ignores go.mod and names the program by its folder`;
    if (modules.value === 'off') return `runs in GOPATH mode (GO111MODULE=off${by}), which ignores go.mod and names the program by its folder`;
  }
  return null;
}

/**
 * A setting of the go command at \`command\` (see goModuleUnread): its value (null when only known at build time), and
 * the command or instruction that set it when not \`command\` itself, quoted and short; undefined when nothing sets it.
 */
function goSetting(file: ParsedDockerfile, inst: Instruction, script: ShellScript | null, command: SimpleCommand, name: string): { readonly value: string | null; readonly by: string | null } | undefined {
  const own = commandEnv({ command, words: programWords(command) });
  let set: { readonly value: string | null; readonly by: string | null } | undefined = own.has(name) ? { value: own.get(name)!, by: null } : undefined;
  if (set === undefined && script !== null) {
    // \`export GOFLAGS=…\`, \`GOFLAGS=…\` alone, \`unset GOFLAGS\` before it: the last one.
    for (const c of script.commands) {
      if (c.start >= command.start) break;
      const unset = c.words[0]?.value === 'unset' && c.words.some((w) => w.value === name);
      const assigned = c.words.length === 0 || c.declaration ? c.assigns.filter((a) => a.name === name).at(-1) : undefined;
      if (unset || assigned !== undefined) set = { value: assigned?.value ?? '', by: `\`${short(script.source.slice(c.start, c.end))}\`` };
    }
  }
  if (set === undefined) {
    const variable = variablesAt(file, inst).get(name);
    if (variable !== undefined) set = { value: variable.value, by: `\`${variable.kind.toUpperCase()} ${name}${variable.value === null ? '' : `=${short(variable.value)}`}\` on line ${variable.inst.line}` };
  }
  // go reads its env file for a setting the environment leaves unset or empty.
  return set !== undefined && set.value !== '' ? set : (goEnvFileSetting(file, inst, script, command, name) ?? set);
}

/** What the \`go env -w\` (or \`-u\`) commands of the stage's RUNs up to \`command\` of \`inst\` last wrote for the setting \`name\`, as goSetting gives it; undefined when none did. */
function goEnvFileSetting(file: ParsedDockerfile, inst: Instruction, script: ShellScript | null, command: SimpleCommand, name: string): { readonly value: string | null; readonly by: string } | undefined {
  const stage = file.stages[inst.stage];
  if (stage === undefined) return undefined;
  let set: { readonly value: string | null; readonly by: string } | undefined;
  for (const s of stageLineage(file, stage)) {
    for (const i of s.instructions) {
      if (i.keyword !== 'RUN' || (s === stage && i.index > inst.index)) continue;
      for (const r of runScriptsOf(file, i)) {
        if (r.parsed === null || !r.text.includes('env')) continue;
        for (const c of r.parsed.commands) {
          if (i === inst && r.parsed === script && c.start >= command.start) break;
          const words = programWords(c);
          if (words[0]?.value == null || path.posix.basename(words[0].value) !== 'go' || words[1]?.value !== 'env') continue;
          const by = `\`${short(commandText(r.parsed, c))}\` on line ${i.line}`;
          for (const w of words.slice(3)) {
            // \`go env -u GOFLAGS\` unsets it; \`go env -w GOFLAGS=$FLAGS\` sets it to what is only known at build time, and a
            // word only known at build time that does not start with another name may set it.
            const named = /^([A-Za-z_]\w*)=/.exec(w.value ?? w.raw.replace(/^["']/, ''))?.[1];
            if (words[2]?.value === '-u' && (w.value === name || w.value === null)) set = { value: w.value === null ? null : '', by };
            if (words[2]?.value === '-w' && (named === name || (w.value === null && named === undefined))) set = { value: named === name && w.value !== null ? w.value.slice(name.length + 1) : null, by };
          }
        }
      }
    }
  }
  return set;
}

/**
 * The go.mod go finds for \`folder\` (absolute) at \`inst\`, in it or the nearest folder above (see contextFileAbove): a
 * folder copied from the build context without one (\`COPY . /src\` from a context whose only go.mod is at its root,
 * \`WORKDIR /src/cmd/app\`) has none, and go looks above it, when nothing else can have put one there (goModMaker).
 * The go.mod found above is then the one the context has: the last COPY that wrote it put it there, and no RUN since
 * made another or changed its module line, as goModMaker looked at every RUN.
 */
export function goModAbove(file: ParsedDockerfile, inst: Instruction, folder: string, ctx: BuildContext | null): ProjectFile | null {
  let maker: string | null | undefined;
  return contextFileAbove(file, inst, folder, 'go.mod', ctx, () => (maker === undefined ? (maker = goModMaker(file, inst)) : maker));
}

/**
 * Why a go.mod may be in a folder of the image by the time \`inst\` runs though no COPY put one there, or may have been
 * changed since a COPY did; null when nothing can have: the stage's base image is scratch or one the knowledge base
 * knows (an image of a distribution or a toolchain, which holds no project of its own where a Dockerfile copies one),
 * and no RUN of the stage (or of a stage it builds on) up to \`inst\`, \`inst\` too, can write one. A RUN can when it
 * is not read, names go.mod, or runs a \`go\` command GO_MODULE_KEPT does not name (\`go mod init\`, \`go mod edit\`).
 */
function goModMaker(file: ParsedDockerfile, inst: Instruction): string | null {
  const stage = file.stages[inst.stage];
  if (stage === undefined) return 'the stage is not known';
  const root = rootStage(file, stage);
  if (root.base.kind !== 'scratch' && baseOf(file, root).kind !== 'image') {
    return `the base image${root.base.kind === 'image' ? `, ${root.base.ref.raw},` : ''} is one dockshift does not know, which may hold one`;
  }
  for (const s of stageLineage(file, stage)) {
    for (const i of s.instructions) {
      if (i.keyword !== 'RUN' || (s === stage && i.index > inst.index)) continue;
      const scripts = runScriptsOf(file, i);
      if (scripts.length === 0 || scripts.some((r) => r.parsed === null)) return `the RUN on line ${i.line}, which is not read, may make one`;
      for (const r of scripts) {
        if (r.text.includes('go.mod')) return `the RUN on line ${i.line} names go.mod, and may write one`;
        const command = goModWriter(r.parsed!);
        if (command !== null) return `the RUN on line ${i.line} may make one (\`${command}\`)`;
      }
    }
  }
  return null;
}

/**
 * A command of the script, or of a shell string it runs (\`sh -c "go mod init x"\`), that may make a go.mod or change
 * one, shortened as a reason quotes it; null when none may: a \`go\` command GO_MODULE_KEPT does not name, or one
 * unnamedWriter finds.
 */
function goModWriter(script: ShellScript): string | null {
  const command = unnamedWriter(script, (_, words) => {
    if (words[0] !== 'go') return undefined;
    const sub = words[1];
    if (sub !== 'mod') return sub !== undefined && (sub === null || !GO_MODULE_KEPT.commands.includes(sub));
    const of = words.slice(2).find((w) => w === null || !w.startsWith('-'));
    return of !== undefined && (of === null || !GO_MODULE_KEPT.mod.includes(of));
  });
  return command === null ? null : short(command);
}

/** The module path a go.mod declares (\`module example.com/app\`), or null. */
function goModulePath(goMod: string): string | null {
  // As a line, or in a block (`module (` … `)`); the path bare, quoted or backquoted; comments are no path.
  const m = /^module\s+(?:\(\s*)?(?:"([^"\s]+)"|`([^`\s]+)`|([^\s"`()]+))/m.exec(goMod.replace(/\/\/.*$/gm, ''));
  return m === null ? null : (m[1] ?? m[2] ?? m[3])!;
}

/** What `go build` names a binary: after the first .go file, else the package's last path element; `here`: the import path of the folder it runs in. */
function binaryName(packages: readonly string[], here: string | null): string | null {
  const first = packages[0];
  if (first !== undefined && first.endsWith('.go')) return path.posix.basename(first, '.go');
  if (first !== undefined && first !== '.' && first !== './' && !first.includes('...')) {
    const named = first.replace(/\/+$/, '');
    if (!named.startsWith('.')) return goProgramName(named);
    // A relative path's program is named by its import path: a version element (\`./cmd/app/v2\`) names the element
    // before it, and right below the module (\`./v2\`) the module's path, which is not read here.
    const own = named.replace(/^(?:\.\/)+/, '');
    const name = goProgramName(own);
    return name === '.' || name === '..' || name === '' || (!own.includes('/') && goProgramName(`m/${own}`) !== own) ? null : name;
  }
  return here === null ? null : goProgramName(here);
}

/**
 * The program a Go package builds, by its import path: the last element, or the one before a major version
 * (\`github.com/mikefarah/yq/v4\`: yq), as the go command names it (cmd/go's DefaultExecName: v2 and up, not v0 or v1).
 */
export function goProgramName(importPath: string): string {
  const parts = importPath.split('/');
  const last = parts.at(-1)!;
  return parts.length > 1 && /^v(?:[2-9]|[1-9]\d+)$/.test(last) ? parts.at(-2)! : last;
}

type CgoNeed = { kind: 'set'; cgo: boolean } | { kind: 'needed'; why: string } | { kind: 'not-needed' };

const IMPORTS_C = /^\s*import\s+(?:"C"|\([^)]*"C"[^)]*\))/m;

/** Why the project's sources need cgo: a Go file imports C, or go.mod requires a cgo module (CGO_MODULES); null when neither. */
function cgoInSources(texts: ReadonlyMap<string, string>, goMod: string): string | null {
  for (const [file, text] of texts) {
    if (IMPORTS_C.test(text)) return `${file} imports C`;
  }
  const module = CGO_MODULES.find((m) => goMod.includes(m.module));
  return module === undefined ? null : `go.mod requires ${module.module}, which ${module.why}`;
}

/**
 * Why the Go project of the build context needs cgo, as the multi-stage analysis reads it; null
 * when nothing says so or the context cannot be read (go.mod missing, too many files).
 */
export function contextNeedsCgo(ctx: BuildContext): string | null {
  const goMod = ctx.read('go.mod');
  const sources = contextFiles(ctx, '.go');
  if (goMod === null || sources === null) return null;
  return cgoInSources(new Map(sources.map((f) => [f, ctx.read(f) ?? ''] as const)), goMod);
}

function cgoNeed(input: BuildInput, build: Located, texts: ReadonlyMap<string, string>, goMod: string): CgoNeed {
  const set = commandEnv(build).get('CGO_ENABLED') ?? variablesAt(input.file, build.run.inst).get('CGO_ENABLED')?.value;
  if (set !== undefined) return set === null ? { kind: 'needed', why: 'CGO_ENABLED is only known at build time' } : { kind: 'set', cgo: set !== '0' };
  const sources = cgoInSources(texts, goMod);
  if (sources !== null) return { kind: 'needed', why: sources };
  const linked = linkedLibrary(input, build, texts, goMod);
  if (linked !== null) return { kind: 'needed', why: linked };
  const tags = optionOf(goArgs(build), '-tags');
  if (tags === null) return { kind: 'needed', why: 'its build tags are only known at build time' };
  const other = (tags ?? '').split(/[,\s]+/).filter((t) => t !== '' && !PURE_GO_TAGS.has(t));
  if (other.length > 0) return { kind: 'needed', why: `the build tags ${other.join(', ')} may select cgo code` };
  return { kind: 'not-needed' };
}

/**
 * Why a cgo build of this stage links a library of the system, or null: the stage installs a
 * library's headers before `go build` (only a cgo build uses them), go.mod requires a module that
 * binds one, or a Go file that imports C names one (`#cgo pkg-config: vips`, `#cgo LDFLAGS: -lpq`).
 */
function linkedLibrary(input: BuildInput, build: Located, texts: ReadonlyMap<string, string>, goMod: string): string | null {
  const before = input.scripts.filter((s) => s.inst.index <= build.run.inst.index);
  const headers = libraryHeaders(installedPackages(before).ever);
  if (headers.length > 0) return `the stage installs ${headers.join(', ')} before \`go ${build.words[1]!.value}\`, headers only a cgo build uses`;
  const module = CGO_MODULES.find((m) => m.library !== null && goMod.includes(m.module));
  if (module !== undefined) return `go.mod requires ${module.module}, which ${module.why}`;
  for (const [file, text] of texts) {
    if (!IMPORTS_C.test(text)) continue;
    for (const m of text.matchAll(/^\s*\/\/\s*#cgo\b[^:\n]*:(.*)$/gm)) {
      const directive = m[0]!;
      const libs = /pkg-config:/.test(directive) ? m[1]!.trim().split(/\s+/).filter((w) => w !== '' && !w.startsWith('-')) : [...m[1]!.matchAll(/(?:^|\s)-l(\S+)/g)].map((l) => l[1]!).filter((l) => !BASE_LIBRARIES.has(l));
      if (libs.length > 0) return `${file} links ${libs.join(', ')} through cgo`;
    }
  }
  return null;
}

function chooseRuntime(input: BuildInput, cgo: boolean): RuntimeChoice | Analysis {
  const { builder, runtimeOption } = input;
  const at = input.stage.from;
  if (runtimeOption === 'scratch') {
    if (cgo) return refuse('no-runtime', 'scratch has no C library, and this binary is built with cgo', at);
    return { kind: 'static', reference: 'scratch', image: null, why: 'scratch, as the runtime option asks: the static binary needs nothing else' };
  }
  const choices = runtimeFor(builder, { cgo });
  const choice = runtimeOption === 'distroless' ? (choices.find((c) => c.kind === 'distroless' || c.kind === 'static') ?? null) : (choices[0] ?? null);
  if (choice === null) {
    const why = runtimeOption === 'distroless' ? 'no distroless image runs it' : `${unknownReleaseWhy(builder)}, and a cgo binary needs the same C library at run time`;
    return refuse('no-runtime', why, at);
  }
  return choice;
}

interface FileRead {
  readonly file: string;
  readonly path: string;
  /** Why the files it opens cannot be named (a config name only known at run time). */
  readonly unknown?: string;
}

/**
 * Calls that open files or folders by a name the program is given: the standard library's, and
 * the web frameworks' templates and static folders (gin, echo, fiber), and configuration loaders.
 * `arg` is the argument holding the name (-1: the last one); `all`: that one and every later one.
 * `.Name` is a method of any value, `pkg.Name` a function of that package.
 */
const FILE_OPENERS: readonly { readonly call: string; readonly arg: number; readonly all?: true }[] = [
  ...['os.Open', 'os.OpenFile', 'os.ReadFile', 'os.ReadDir', 'os.Stat', 'os.DirFS', 'ioutil.ReadFile', 'ioutil.ReadDir', 'filepath.Glob'].map((call) => ({ call, arg: 0 })),
  { call: '.ParseGlob', arg: 0 },
  { call: '.ParseFiles', arg: 0, all: true },
  { call: 'http.Dir', arg: 0 },
  { call: 'http.ServeFile', arg: 2 },
  // gin: r.LoadHTMLGlob("templates/*"), r.LoadHTMLFiles(…), r.Static("/assets", "./assets"), r.StaticFile("/favicon.ico", "./favicon.ico"), gin.Dir("public", false)
  { call: '.LoadHTMLGlob', arg: 0 },
  { call: '.LoadHTMLFiles', arg: 0, all: true },
  { call: '.StaticFile', arg: 1 },
  { call: 'gin.Dir', arg: 0 },
  // gin, echo and fiber: Static(prefix, root); c.File("index.html"), e.File("/", "public/index.html"); fiber's c.SendFile
  { call: '.Static', arg: 1 },
  { call: '.File', arg: -1 },
  { call: '.SendFile', arg: 0 },
  // configuration: viper's AddConfigPath (read with SetConfigName, below)/SetConfigFile, godotenv.Load(".env.production")
  { call: '.AddConfigPath', arg: 0 },
  { call: '.SetConfigFile', arg: 0 },
  { call: 'godotenv.Load', arg: 0, all: true },
];

const escaped = (calls: readonly string[]) => calls.map((c) => c.replace(/\./g, '\\.')).join('|');
/** `r.Static(` (a method, after a name or a call) or `os.ReadFile(` (a package function), the call captured. */
const OPENER_CALL = new RegExp(
  `(?:(?<=[\\w)\\]])(${escaped(FILE_OPENERS.filter((o) => o.call.startsWith('.')).map((o) => o.call))})|(?<![\\w.])(${escaped(FILE_OPENERS.filter((o) => !o.call.startsWith('.')).map((o) => o.call))}))\\(`,
  'g',
);
const OPENER = new Map(FILE_OPENERS.map((o) => [o.call, o] as const));

/**
 * The extensions viper tries, in order, for a config name in a config path (viper.SupportedExts);
 * with SetConfigType it also tries the name alone.
 */
const VIPER_EXTENSIONS = ['json', 'toml', 'yaml', 'yml', 'properties', 'props', 'prop', 'hcl', 'tfvars', 'dotenv', 'env', 'ini'];
const VIPER_SETTER = /(?<=[\w)\]])\.(SetConfigName|SetConfigType)\(/g;

/** The literal arguments of viper's SetConfigName and SetConfigType calls; null for a name only known at run time. */
function viperSettings(texts: ReadonlyMap<string, string>): { names: (string | null)[]; typed: boolean } {
  const names: (string | null)[] = [];
  let typed = false;
  for (const [file, text] of texts) {
    if (!builtGoFile(file)) continue;
    for (const m of text.matchAll(VIPER_SETTER)) {
      const arg = callArguments(text, m.index + m[0].length)[0] ?? '';
      if (m[1] === 'SetConfigType') typed = true;
      else names.push(goString(arg));
    }
  }
  return { names, typed };
}

/**
 * What viper's `AddConfigPath(dir)` opens: the files `dir/<name>.<ext>` for each SetConfigName
 * (\`config\` when none is set). A folder below the working one is copied whole; for the
 * working folder itself each candidate file is looked for.
 */
function viperReads(file: string, dir: string, texts: ReadonlyMap<string, string>): FileRead[] {
  const folder = dir.replace(/^\.\/?/, '').replace(/\/+$/, '');
  if (folder !== '') return [{ file, path: dir }];
  const { names, typed } = viperSettings(texts);
  if (names.includes(null)) return [{ file, path: dir, unknown: `${file} adds ${dir} as a viper config path, and a SetConfigName names the file only at run time` }];
  const out: FileRead[] = [];
  for (const name of names.length === 0 ? ['config'] : (names as string[])) {
    for (const ext of VIPER_EXTENSIONS) out.push({ file, path: `${name}.${ext}` });
    if (typed) out.push({ file, path: name });
  }
  return out;
}

/** Relative paths the Go sources open by literal name, leaving out what `//go:embed` puts into the binary. */
export function fileReads(texts: ReadonlyMap<string, string>): FileRead[] {
  const out: FileRead[] = [];
  const embedded = new Set<string>();
  for (const text of texts.values()) {
    for (const m of text.matchAll(/^\s*\/\/go:embed\s+(.+)$/gm)) for (const p of m[1]!.trim().split(/\s+/)) embedded.add(p.replace(/^"|"$/g, '').split('/')[0]!);
  }
  for (const [file, text] of texts) {
    if (!builtGoFile(file)) continue;
    for (const m of text.matchAll(OPENER_CALL)) {
      const opener = OPENER.get(m[1] ?? m[2]!)!;
      const args = callArguments(text, m.index + m[0].length);
      const at = opener.arg < 0 ? args.length + opener.arg : opener.arg;
      for (const arg of opener.all === true ? args.slice(at) : args.slice(at, at + 1)) {
        const value = goString(arg);
        if (value === null || value === '' || value.startsWith('/') || embedded.has(value.replace(/^\.\//, '').split('/')[0]!)) continue;
        if (opener.call === '.AddConfigPath') out.push(...viperReads(file, value, texts));
        else out.push({ file, path: value });
      }
    }
  }
  return out;
}

/** A Go string literal's text (escapes left as written), or null for any other expression. */
function goString(arg: string): string | null {
  const p = /^"((?:[^"\\\n]|\\.)*)"$|^`([^`]*)`$/.exec(arg);
  return p === null ? null : (p[1] ?? p[2]!);
}

/** The arguments of a call, as written, from just after its `(`: split at top-level commas. */
function callArguments(text: string, from: number): string[] {
  const args: string[] = [];
  let depth = 0;
  let start = from;
  for (let i = from; i < text.length; i++) {
    const c = text[i]!;
    if (c === '"' || c === "'") {
      for (i++; i < text.length && text[i] !== c && text[i] !== '\n'; i++) if (text[i] === '\\') i++;
    } else if (c === '`') {
      i = text.indexOf('`', i + 1);
      if (i === -1) break;
    } else if (c === '(' || c === '[' || c === '{') depth++;
    else if ((c === ')' || c === ']' || c === '}') && depth > 0) depth--;
    else if (c === ')' || (c === ',' && depth === 0)) {
      const arg = text.slice(start, i).trim();
      if (arg !== '' || c === ',') args.push(arg);
      if (c === ')') break;
      start = i + 1;
    }
  }
  return args;
}
