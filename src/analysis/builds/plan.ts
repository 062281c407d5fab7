/**
 * What a single-stage build makes and what its runtime stage needs: the shared
 * shapes of the per-language readers (go.ts, node.ts, …) and the helpers they
 * share. A reader answers with a plan, a refusal with its reason, or nothing
 * (the stage builds nothing it knows).
 */
import * as path from 'node:path';
import type { BuildContext } from '../../engine/context.js';
import type { Edit } from '../../engine/types.js';
import type { Instruction, ParsedDockerfile, Stage } from '../../dockerfile/types.js';
import { PATH_MAX } from '../../dockerfile/workdir.js';
import type { IdentifiedImage, RuntimeChoice } from '../../knowledge/types.js';
import { grammar, splitArgs, type SplitArgs } from '../../shell/argv.js';
import { readInstall } from '../../shell/files.js';
import { folderMove } from '../../shell/order.js';
import type { ShellWord, SimpleCommand } from '../../shell/types.js';
import { namesSource, originOf, pathIn, workdirAt } from '../paths.js';
import type { RunScript } from '../runScripts.js';
import { programWords } from '../../shell/index.js';
import type { StartCommand } from '../startCommand.js';

export type Toolchain = 'Go' | 'Node.js' | 'Java' | 'Rust' | 'C/C++' | '.NET';

/** What the runtime stage copies from the build stage. */
export interface Artefact {
  /** Absolute path in the build stage (may hold a `*` the way COPY reads it). */
  readonly from: string;
  /** Absolute path in the runtime stage; a folder when it ends in `/`. */
  readonly to: string;
  /** For the change message: `the binary`, `templates, which main.go reads`. */
  readonly what: string;
}

/** A rewrite of the command for the runtime image (distroless nodejs runs `node` itself). */
export interface CommandRewrite {
  readonly inst: Instruction;
  readonly argv: readonly string[];
}

export interface BuildPlan {
  readonly toolchain: Toolchain;
  /** The RUN that builds the artefact. */
  readonly buildStep: Instruction;
  readonly artefacts: readonly Artefact[];
  readonly runtime: RuntimeChoice;
  /** Programs the runtime image has that the command may start (`node`, `java`, `dotnet`). */
  readonly runtimePrograms: readonly string[];
  /** Edits of the build stage's RUNs (`CGO_ENABLED=0` before `go build`). */
  readonly buildEdits: readonly Edit[];
  /** Instructions added at the end of the build stage, keyword first (`RUN npm prune --omit=dev`). */
  readonly buildTail: readonly string[];
  /** Instructions at the start of the runtime stage (`RUN apk add --no-cache libstdc++`). */
  readonly runtimeSetup: readonly string[];
  readonly commandRewrite: CommandRewrite | null;
  /** What the change message says about the plan: `CGO_ENABLED=0 (no package imports C)`. */
  readonly notes: readonly string[];
  /**
   * How the build makes its artefacts for the platform the image is built for, not the one that builds it
   * (\`GOARCH=$TARGETARCH\`), when it does: a \`--platform=$BUILDPLATFORM\` of the builder then stays off the runtime stage.
   */
  readonly forTarget?: string;
}

export type RefusalCode =
  | 'no-sources'
  | 'no-artefact-path'
  | 'toolchain-at-runtime'
  | 'reads-sources'
  | 'no-runtime'
  | 'shared-libraries'
  | 'interpreted'
  | 'runtime-program'
  | 'unknown-needs'
  | 'nothing-to-leave';

export type Analysis =
  | { readonly kind: 'plan'; readonly plan: BuildPlan }
  | { readonly kind: 'refuse'; readonly code: RefusalCode; readonly reason: string; readonly at: number }
  | { readonly kind: 'none' };

export const NONE: Analysis = { kind: 'none' };

export function refuse(code: RefusalCode, reason: string, at: Instruction | number): Analysis {
  return { kind: 'refuse', code, reason, at: typeof at === 'number' ? at : at.span.start };
}

/** `default`: each language's usual runtime; `distroless`: a distroless one; `scratch`: Go static binaries only. */
export type RuntimeOption = 'default' | 'distroless' | 'scratch';

/** What every reader is given. */
export interface BuildInput {
  readonly file: ParsedDockerfile;
  readonly stage: Stage;
  readonly ctx: BuildContext;
  readonly builder: IdentifiedImage;
  readonly scripts: readonly RunScript[];
  readonly command: StartCommand;
  /** Where the command runs (the stage's last WORKDIR); null when only known at build time. */
  readonly workdir: string | null;
  readonly runtimeOption: RuntimeOption;
}

/** A command of a RUN, with the folder it runs in. */
export interface Located {
  readonly run: RunScript;
  readonly command: SimpleCommand;
  /** Program words on: `go build -o x .` */
  readonly words: readonly ShellWord[];
  /** The folder it runs in (WORKDIR, then `cd` before it in the script); null when unknown. */
  readonly cwd: string | null;
}

/** Commands whose program (base name) and first arguments match, in order, with their folders. */
export function findCommands(file: ParsedDockerfile, scripts: readonly RunScript[], match: (words: readonly (string | null)[]) => boolean): Located[] {
  const out: Located[] = [];
  for (const run of scripts) {
    const commands = run.parsed?.commands ?? [];
    let folders: readonly (string | null)[] | undefined;
    commands.forEach((command, i) => {
      if (command.enclosing.includes('substitution')) return;
      const words = programWords(command);
      const values = words.map((w, k) => (k === 0 && w.value !== null ? w.value.slice(w.value.lastIndexOf('/') + 1) : w.value));
      if (values.length > 0 && match(values)) out.push({ run, command, words, cwd: (folders ??= foldersOf(file, run))[i]! });
    });
  }
  return out;
}

/** The folder each command of a RUN runs in: its WORKDIR after the `cd`s before it (folderMove); null when not known. */
function foldersOf(file: ParsedDockerfile, run: RunScript): (string | null)[] {
  const parsed = run.parsed;
  if (parsed === null) return [];
  const workdir = workdirAt(file, run.inst);
  return parsed.commands.map((c) => {
    const dir = pathIn(workdir, folderMove(parsed, c), '.');
    return dir !== null && dir.length > PATH_MAX ? null : dir;
  });
}

/**
 * The project file `name` (go.mod, Cargo.toml) a build finds as go and cargo do, in its folder or the
 * nearest folder above: the build context's file a COPY put there (`COPY server/ ./` brings
 * server/go.mod), with the image folder holding it; null when the folder is unknown, or the nearest
 * such file is not copied from the context (a stage's, a download) or no COPY put one there.
 */
export function projectFileOf(input: BuildInput, build: Located, name: string): ProjectFile | null {
  return build.cwd === null ? null : contextFileAbove(input.file, build.run.inst, build.cwd, name, input.ctx);
}

/** A project file found for a folder: where the context has it, and the image folder holding it. */
export interface ProjectFile {
  readonly context: string;
  readonly dir: string;
  /**
   * Why the search did not go on above a folder copied from the context without the file (\`context\` names the
   * path the context lacks): what \`nothing\` said may have put one there.
   */
  readonly lacking?: string;
}

/**
 * The file `name` a program running in `folder` (absolute) at `inst` finds in that folder or the nearest one
 * above (see projectFileOf). A folder copied from the context (`COPY . /src`) holds the context's file, and one
 * the context read here lacks stays the COPY's: the build's own context may have it, or a RUN before the COPY
 * may have made it (`go mod init`), so it is not looked for above. Unless `nothing` is given and says nothing
 * else can have put one there (null): then the folder has none, and the search goes on above it, as go's does.
 * The context read is taken for the build's there as it is for the file found above, and for every file of the
 * context a reader lists (contextFiles). A search that goes past such a folder and finds no file of the context
 * above gives the first folder's, which the context lacks: unknown, as before it was looked past.
 */
export function contextFileAbove(
  file: ParsedDockerfile,
  inst: Instruction,
  folder: string,
  name: string,
  ctx: BuildContext | null,
  nothing?: () => string | null,
): ProjectFile | null {
  // The first folder looked past: what the search gives when it finds no file of the context above (none, another stage's).
  let passed: ProjectFile | null = null;
  for (let dir: string | null = folder; dir !== null; dir = dir === '/' ? null : path.posix.dirname(dir)) {
    const origin = originOf(file, inst, path.posix.join(dir, name), ctx);
    if (origin?.kind === 'context') {
      // Only a COPY of a folder is looked past: not one that names the file, nor what a RUN's own bind mount shows.
      const lacked = nothing !== undefined && ctx !== null && ctx.kind(origin.path) === null && origin.inst.keyword !== 'RUN' && !namesSource(file, origin.inst, origin.path);
      if (!lacked) return { context: origin.path, dir };
      const lacking = nothing();
      if (lacking !== null) return { context: origin.path, dir, lacking };
      passed ??= { context: origin.path, dir };
      continue;
    }
    if (origin !== null) return passed;
  }
  return passed;
}

/** Options and operands of a command's arguments (after the program). */
export function argsOf(words: readonly ShellWord[], valued: readonly string[], from = 1): SplitArgs {
  return splitArgs(words.slice(from), grammar(valued, true));
}

/** The last value of any of `names`, `undefined` when absent, null when not a literal. */
export function optionOf(args: SplitArgs, ...names: string[]): string | null | undefined {
  const found = args.options.filter((o) => names.includes(o.name)).at(-1);
  return found === undefined ? undefined : found.value;
}

/** Variables a command sets for itself (`CGO_ENABLED=0 go build`, `env GOOS=linux go build`). */
export function commandEnv(located: Pick<Located, 'command' | 'words'>): Map<string, string | null> {
  const env = new Map<string, string | null>(located.command.assigns.map((a) => [a.name, a.value]));
  for (const w of located.command.words) {
    if (w === located.words[0]) break;
    const m = /^([A-Za-z_]\w*)=(.*)$/s.exec(w.value ?? '');
    if (m !== null) env.set(m[1]!, m[2]!);
  }
  return env;
}

/** `path` resolved against `cwd`, or null when either is unknown. */
export function resolveIn(cwd: string | null, p: string | null | undefined): string | null {
  if (p == null || p.includes('$')) return null;
  if (p.startsWith('/')) return path.posix.normalize(p);
  return cwd === null ? null : path.posix.resolve(cwd, p);
}

/**
 * The program and arguments the container starts (ENTRYPOINT then CMD), or null when a shell does the work.
 * With `image`, its own ENTRYPOINT named in front of the command (`tini -- docker-entrypoint.sh npm start`
 * on node) is passed over when it runs the command it is given: `through` names it.
 */
export function startedArgv(command: StartCommand, image: IdentifiedImage | null = null): { argv: readonly string[]; inst: Instruction; through: string | null } | null {
  const ep = command.entrypoint;
  const cmd = command.cmd;
  if (ep === null && cmd === null) return null;
  if (ep !== null && ep.argv === null) return null;
  if (cmd !== null && cmd.argv === null) return null;
  const argv = [...(ep?.argv ?? []), ...(cmd?.argv ?? [])];
  // tini and dumb-init only start what follows them.
  let i = 0;
  while (i < argv.length && /^(?:tini|tini-static|dumb-init)$/.test(argv[i]!.slice(argv[i]!.lastIndexOf('/') + 1))) {
    i++;
    while (i < argv.length && argv[i]!.startsWith('-')) i++;
  }
  const own = image?.facts.entrypointRunsCommand === true && image.facts.entrypoint?.length === 1 ? path.posix.basename(image.facts.entrypoint[0]!) : null;
  const through = own !== null && i + 1 < argv.length && path.posix.basename(argv[i]!) === own ? argv[i++]! : null;
  return argv.length > i ? { argv: argv.slice(i), inst: (ep ?? cmd)!.inst, through } : null;
}

/** Folders on the default PATH of the runtime images (Debian, Alpine, distroless). */
export const DEFAULT_PATH = ['/usr/local/sbin', '/usr/local/bin', '/usr/sbin', '/usr/bin', '/sbin', '/bin'];

/**
 * Where the started program lives: an absolute path, a path relative to the working
 * folder, or a bare name looked up in `candidates` (the paths the build made).
 */
export function programPath(program: string, workdir: string | null, candidates: readonly string[]): string | null {
  if (program.includes('/')) return resolveIn(workdir, program);
  return candidates.find((c) => path.posix.basename(c) === program && DEFAULT_PATH.includes(path.posix.dirname(c))) ?? null;
}

/** Reads `rel` from the context and the names it declares in a TOML-ish manifest, for Cargo.toml. */
export function tomlValues(text: string, table: string, key: string): string[] {
  const out: string[] = [];
  let current = '';
  for (const raw of text.split('\n')) {
    const line = raw.replace(/#.*$/, '').trim();
    const header = /^\[\[?\s*([^\]]+?)\s*\]\]?$/.exec(line);
    if (header !== null) {
      current = header[1]!;
      continue;
    }
    const kv = /^([\w-]+)\s*=\s*"([^"]*)"/.exec(line);
    if (kv !== null && current === table && kv[1] === key) out.push(kv[2]!);
  }
  return out;
}

/** Every file of the context with one of the extensions, when the walk is complete; null otherwise. */
export function contextFiles(ctx: BuildContext, ...extensions: string[]): string[] | null {
  const walk = ctx.walk();
  if (!walk.complete) return null;
  return walk.entries
    .filter((e) => e.kind === 'file' && extensions.some((x) => e.path.endsWith(x)) && !e.path.split('/').some((p) => p === 'node_modules' || p === '.git') && ctx.sends(e.path))
    .map((e) => e.path);
}

/** A `cp`, `mv`, `install` or `ln` of the stage, with each source and the path it lands at. */
export interface FileCopy {
  readonly located: Located;
  /** Null when an operand is not a literal or the folder it is relative to is not known. */
  readonly copies: readonly { readonly from: string; readonly to: string }[] | null;
}

/** Every `cp`, `mv`, `install` and `ln` of these RUNs, in order, read as the shell would run it. */
export function fileCopies(file: ParsedDockerfile, scripts: readonly RunScript[]): FileCopy[] {
  return findCommands(file, scripts, (w) => w[0] === 'cp' || w[0] === 'mv' || w[0] === 'install' || w[0] === 'ln').map((c) => {
    if (c.words[0]!.value === 'install') return installCopies(c);
    const args = argsOf(c.words, ['-t', '--target-directory']);
    const target = optionOf(args, '-t', '--target-directory');
    const operands = args.positionals.map((p) => resolveIn(c.cwd, p.value));
    const into = target === undefined ? undefined : resolveIn(c.cwd, target);
    if (into === null || operands.some((o) => o === null) || operands.length < (into === undefined ? 2 : 1)) return { located: c, copies: null };
    const dest = into ?? operands.at(-1)!;
    const sources = (into === undefined ? operands.slice(0, -1) : operands) as string[];
    const intoDir = into !== undefined || sources.length > 1 || (c.words.at(-1)!.value ?? '').endsWith('/') || DEFAULT_PATH.includes(dest!);
    return { located: c, copies: sources.map((from) => ({ from, to: intoDir ? path.posix.join(dest!, path.posix.basename(from)) : dest! })) };
  });
}

/** `install SRC… DEST` as readInstall reads it; `install -d` makes folders and copies nothing. */
function installCopies(c: Located): FileCopy {
  const args = readInstall(c.words.slice(1));
  if (args.directories) return { located: c, copies: [] };
  const dest = args.dest === null ? null : resolveIn(c.cwd, args.dest.value);
  const sources = args.sources.map((s) => resolveIn(c.cwd, s.value));
  if (dest === null || sources.length === 0 || sources.some((s) => s === null)) return { located: c, copies: null };
  const intoDir = args.destKind === 'folder' || (args.destKind === 'either' && DEFAULT_PATH.includes(dest));
  return { located: c, copies: (sources as string[]).map((from) => ({ from, to: intoDir ? path.posix.join(dest, path.posix.basename(from)) : dest })) };
}

/**
 * Where `cp`, `mv`, `install` and `ln` of the stage put files the build made: `cp target/release/app
 * /usr/local/bin/` makes `/usr/local/bin/app` a build output too.
 */
export function copiedOutputs(file: ParsedDockerfile, scripts: readonly RunScript[], built: readonly string[]): string[] {
  const out: string[] = [];
  const known = new Set(built);
  for (const { copies } of fileCopies(file, scripts)) {
    for (const { from, to } of copies ?? []) {
      if (!known.has(from)) continue;
      out.push(to);
      known.add(to);
    }
  }
  return out;
}
