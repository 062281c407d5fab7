/**
 * Where a file inside the image came from: which COPY/ADD put it there, from
 * the build context or from another stage. Lets an analysis read a script a RUN
 * runs, or a requirements file pip reads, from the build context.
 */
import * as posix from 'node:path/posix';
import { GO_BUILD_VALUED, MODE_CHANGERS } from '../knowledge/programs.js';
import { ARCHIVE_HEAD_BYTES, archiveSuffix, readArchive } from '../dockerfile/archive.js';
import { copyArgs as readCopyArgs, type InlineFile } from '../dockerfile/copies.js';
import { isPattern } from '../dockerfile/copySources.js';
import { resolveStage } from '../dockerfile/graph.js';
import { fromParents, parentStage, PerStage, rootStage, stageInstructions, stageLineage } from '../dockerfile/stages.js';
import { baseOf } from './base.js';
import { replacingRun } from './unnamedWrites.js';
import { mkdirOperands, runScripts, runScriptsOf } from './runScripts.js';
import type { Instruction, ParsedDockerfile, Stage } from '../dockerfile/types.js';
import type { ShellScript, SimpleCommand } from '../shell/types.js';
import { absoluteFolder, workdirAt as imageWorkdirAt, workdirAtEnd as imageWorkdirAtEnd, workdirAtEndByDefault as imageWorkdirAtEndByDefault } from '../dockerfile/workdir.js';
import type { BuildContext } from '../engine/context.js';
import { parseDockerIgnore } from '../engine/dockerignore.js';
import { folderMove, mounts, programWords, recognise, RUNNER_PROGRAMS, type FolderMove } from '../shell/index.js';
import { addPosition, countBefore } from '../sorted.js';
import { FileMemo, Memo } from '../memo.js';

export type PathOrigin =
  /** Copied from the build context: `path` is relative to its root. */
  | { readonly kind: 'context'; readonly path: string; readonly inst: Instruction }
  /** Copied from another stage (`stage` index) or an image (`stage` null, `image` named). */
  | { readonly kind: 'stage'; readonly stage: number | null; readonly image: string; readonly path: string; readonly inst: Instruction }
  /** Downloaded by an ADD of a URL. */
  | { readonly kind: 'download'; readonly url: string; readonly inst: Instruction }
  /** Written from a heredoc of the Dockerfile (\`COPY <<EOF /app/run.sh\`): its text, null when variables in it are expanded at build time. */
  | { readonly kind: 'inline'; readonly text: string | null; readonly inst: Instruction }
  /** A COPY/ADD that may have put it there, written in a way that cannot be followed (variables, globs, URLs). */
  | { readonly kind: 'unknown'; readonly why: string; readonly inst: Instruction };

/**
 * Why a file cannot be read from the build context, for an origin that is not a context file nor
 * another stage's or a download's: what makes it unknown, or the heredoc it is written from.
 */
export function unreadOrigin(origin: Extract<PathOrigin, { kind: 'unknown' | 'inline' }>): string {
  return origin.kind === 'unknown' ? origin.why : `${origin.inst.keyword} on line ${origin.inst.line} writes it from a heredoc`;
}

/**
 * The WORKDIR the stage's base image sets, which the stage starts in when neither it nor a stage it
 * builds on sets one: `/` for scratch, the knowledge base's for an image it knows (golang's `/go`,
 * php-fpm's `/var/www/html`), null for an image it does not know or whose WORKDIR it has not recorded.
 */
export function baseImageWorkdir(file: ParsedDockerfile, stage: Stage): string | null {
  return baseWorkdirs.of(file, stage);
}

const baseWorkdirs = new PerStage<string | null>((file, stage) => {
  const root = rootStage(file, stage);
  if (root.base.kind === 'scratch') return '/';
  const base = baseOf(file, root);
  return base.kind === 'image' ? base.image.facts.workdir : null;
});

/**
 * Why the folder a stage starts in is not known, for a refusal (\`the WORKDIR of example.org/base:1, …\`):
 * the image its base names, whose WORKDIR the knowledge base does not know; null when it is known.
 */
export function unknownBaseWorkdirWhy(file: ParsedDockerfile, stage: Stage): string | null {
  if (baseImageWorkdir(file, stage) !== null) return null;
  const root = rootStage(file, stage);
  const named = root.base.kind === 'image' ? root.base.ref.raw : root.base.kind === 'unknown' ? root.base.raw : 'its base image';
  return `the WORKDIR of ${named}, which the Dockerfile does not set and dockshift does not know`;
}

/**
 * What the stage holds at \`name\`, a file of the folder it starts in, where that folder is not known: no WORKDIR in
 * the stage or what it builds on, and a base image whose own the knowledge base does not know (keycloak's init
 * container on ubi8-minimal: \`COPY extensions.sh ./\`, then \`CMD ["./extensions.sh"]\`). A COPY from the build
 * context to a relative destination put it there, in that same folder, and nothing after may have written there:
 * each later COPY writes only files of other names, wherever its folder is (the unknown one may be any), no ADD
 * follows (it may unpack an archive), and no RUN after it names the file (\`mv\`, \`cat >\`) other than to \`chmod\` or
 * \`chown\` it, or may write it without naming it (replacingRun). Null when that is not so: \`name\` is then unread, as before.
 */
export function originInUnknownWorkdir(file: ParsedDockerfile, stage: Stage, name: string, ctx: BuildContext | null): Extract<PathOrigin, { kind: 'context' }> | null {
  const lineage = stageLineage(file, stage);
  if (ctx === null || name.includes('/') || name === '.' || name === '..' || unknownBaseWorkdirWhy(file, stage) === null) return null;
  if (lineage.some((s) => s.instructions.some((i) => i.keyword === 'WORKDIR'))) return null;
  // A folder no path can name: where each relative destination lands, for mapPath.
  const unknown = '/\u0000workdir';
  const copies = lineage.flatMap((s) => stageInstructions(file, s, 'COPY', 'ADD')).sort((a, b) => b.index - a.index);
  for (const inst of copies) {
    if (writesOnlyNames(file, inst, ctx, name)) continue;
    const args = copyArgs(file, inst);
    if (inst.keyword !== 'COPY' || typeof args === 'string' || inst.flags.some((f) => !['chown', 'chmod', 'link'].includes(f.name.toLowerCase()))) return null;
    const { sources, dest } = args;
    if (dest.startsWith('/') || dest.startsWith('~') || sources.some((src) => src.includes('$') || isUrl(src))) return null;
    const destIsDir = dest.endsWith('/') || sources.length > 1;
    // BuildKit copies the sources in order: the last that writes there is what is there.
    const rel = sources.map((src) => mapPath(src.replace(/^\/+/, '') || '.', posix.join(unknown, dest), destIsDir, posix.join(unknown, name), ctx, NO_FOLDERS)).findLast((r) => r !== null);
    if (rel === undefined) continue;
    // Nor may a RUN after it write there without naming it (\`cp -r /tmpl/. .\`, \`unzip app.zip\`): see replacingRun.
    const moved = lineage.some((s) => s.instructions.some((i) => i.keyword === 'RUN' && i.index > inst.index && (!onlyModeChanges(file, i, name) || replacingRun(file, i, posix.join(unknown, name)) !== null)));
    return rel === null || rel === 'glob' || moved || ctx.kind(rel) !== 'file' ? null : { kind: 'context', path: rel, inst };
  }
  return null;
}

/** Where the RUN names \`name\`, it only changes its mode or owner (\`chmod +x start.sh\`): the file stays what it was. */
function onlyModeChanges(file: ParsedDockerfile, inst: Instruction, name: string): boolean {
  if (!file.text.slice(inst.span.start, inst.span.end).includes(name)) return true;
  return runScriptsOf(file, inst).every(({ text, parsed }) => {
    if (parsed === null) return !text.includes(name);
    const named = (from: number, to: number) => text.slice(from, to).split(name).length - 1;
    const kept = parsed.commands.filter((c) => c.enclosing.length === 0 && MODE_CHANGERS.has(c.name ?? '') && c.redirects.length === 0);
    return kept.reduce((n, c) => n + named(c.start, c.end), 0) === named(0, text.length);
  });
}

/**
 * Why workdirAt gives no folder for \`inst\`, as the end of a sentence about the working folder
 * (\`the working folder is …\`): its base image's WORKDIR, not known, or a WORKDIR's variable.
 */
export function unknownWorkdirWhy(file: ParsedDockerfile, inst: Instruction): string {
  const stage = file.stages[inst.stage];
  const why = stage === undefined || imageWorkdirAt(file, inst).base !== 'image' ? null : unknownBaseWorkdirWhy(file, stage);
  return why ?? 'named by a variable only known at build time';
}

/** The working directory an instruction runs in, or null when it depends on a variable or on the base image's WORKDIR, not known. */
export function workdirAt(file: ParsedDockerfile, inst: Instruction): string | null {
  const dir = imageWorkdirAt(file, inst);
  return absoluteFolder(dir, dir.base === 'image' ? baseImageWorkdir(file, file.stages[inst.stage]!) : null);
}

/** The working directory the stage's container starts in (after all its instructions), or null when it depends on a variable or an unknown image WORKDIR. */
export function workdirAtEnd(file: ParsedDockerfile, stage: Stage): string | null {
  const dir = imageWorkdirAtEnd(file, stage);
  return absoluteFolder(dir, dir.base === 'image' ? baseImageWorkdir(file, stage) : null);
}

/**
 * The working directory the stage's container starts in when the build passes no `--build-arg`
 * (`ARG APP=/qdrant`, `WORKDIR ${APP}`), or null when a name the Dockerfile does not set decides it.
 */
export function workdirAtEndByDefault(file: ParsedDockerfile, stage: Stage): string | null {
  const dir = imageWorkdirAtEndByDefault(file, stage);
  return absoluteFolder(dir, dir.base === 'image' ? baseImageWorkdir(file, stage) : null);
}

/** An absolute path for `p` as seen by `inst` (relative to its WORKDIR), or null when unknown. */
export function absolutePath(file: ParsedDockerfile, inst: Instruction, p: string): string | null {
  if (p.startsWith('/')) return posix.normalize(p);
  if (p.includes('$') || p.startsWith('~')) return null;
  const dir = workdirAt(file, inst);
  return dir === null ? null : posix.join(dir, p);
}

/**
 * A path a command names, as absolute: a relative one from the folder the command runs in (the
 * WORKDIR of the instruction that runs it, after the literal `cd`s before it), or null when that
 * folder is not known (`cd "$SRC" && ./build.sh`).
 */
export function commandPath(file: ParsedDockerfile, c: { readonly inst: Instruction; readonly folder: FolderMove }, p: string): string | null {
  const fromWorkdir = !p.startsWith('/') && !(c.folder.kind === 'to' && c.folder.path.startsWith('/'));
  return pathIn(fromWorkdir ? workdirAt(file, c.inst) : null, c.folder, p);
}

/** `p` as an absolute path, for a command that runs in `folder` from `start` (null: not known). */
export function pathIn(start: string | null, folder: FolderMove, p: string): string | null {
  if (p.startsWith('/')) return posix.normalize(p);
  if (folder.kind === 'unknown' || p.includes('$') || p.startsWith('~')) return null;
  const dir = folder.kind === 'stays' ? start : folder.path.startsWith('/') ? folder.path : start === null ? null : posix.join(start, folder.path);
  return dir === null ? null : posix.join(dir, p);
}

/**
 * An `rm -r` of a RUN that removes a folder its shell is still in, or one above it: node, Python and
 * the like then fail at start, as they read their working folder. `start`: the folder the RUN starts
 * in (its WORKDIR), removed anywhere in the script; `end`: the one it ends in, removed with no `cd`
 * after it (`cd /tmp/build && … && rm -rf /tmp/build`). Null when there is none, or it is not known.
 * `subshell`: the script range of a top-level \`( … )\`, for the folder that subshell ends in instead of the RUN.
 */
export function removedFolder(file: ParsedDockerfile, inst: Instruction, script: ShellScript, at: 'start' | 'end', subshell?: { readonly start: number; readonly end: number }): SimpleCommand | null {
  const start = workdirAt(file, inst);
  const within = (d: SimpleCommand) => subshell === undefined || (d.start >= subshell.start && d.end <= subshell.end);
  const moves = script.commands.filter((d) => (d.name === 'cd' || d.name === 'pushd' || d.name === 'popd') && within(d));
  for (const c of script.commands) {
    const r = recognise(c);
    if (r?.kind !== 'remove-files' || !r.recursive) continue;
    if (at === 'end' && (!within(c) || c.enclosing.length > (subshell === undefined ? 0 : 1) || c.background || moves.some((d) => d.start > c.start))) continue;
    const move = folderMove(script, c);
    const folder = at === 'start' ? start : pathIn(start, move, '.');
    if (folder === null) continue;
    const removes = r.paths.some(({ word }) => {
      // rm refuses `.` and `..`; a pattern removes what it matches, not the folder it names.
      if (word.value === null || word.pattern || /(?:^|\/)\.\.?\/*$/.test(word.value)) return false;
      const target = pathIn(start, move, word.value);
      return target !== null && (folder === target || folder.startsWith(target.endsWith('/') ? target : `${target}/`));
    });
    if (removes) return c;
  }
  return null;
}

/**
 * The folder that \`removal\` (an \`rm -r\` removedFolder found) takes from under the shell, when the RUN made it itself
 * before (\`mkdir -p /tmp/fix && cd /tmp/fix && … && rm -rf /tmp/fix\`): it held only what the RUN put there. Null otherwise.
 */
export function madeFolderRemoved(file: ParsedDockerfile, inst: Instruction, script: ShellScript, removal: SimpleCommand): string | null {
  const r = recognise(removal);
  if (r?.kind !== 'remove-files') return null;
  const start = workdirAt(file, inst);
  const move = folderMove(script, removal);
  const folder = pathIn(start, move, '.');
  if (folder === null) return null;
  const target = r.paths
    .map(({ word }) => (word.value === null || word.pattern ? null : pathIn(start, move, word.value)))
    .find((t) => t !== null && t !== '/' && (folder === t || folder.startsWith(`${t}/`)));
  if (target === undefined || target === null) return null;
  const made = script.commands.some(
    (c) => c.start < removal.start && c.name === 'mkdir' && c.enclosing.length === 0 && mkdirOperands(c).some((w) => w.value !== null && pathIn(start, folderMove(script, c), w.value) === target),
  );
  return made ? target : null;
}

/** Why commandPath gave no path: the command runs after a `cd` not followed, or `otherwise`. */
export function whyNoPath(c: { readonly folder: FolderMove }, otherwise: string): string {
  return c.folder.kind === 'unknown' ? 'the command runs after a `cd` to a folder dockshift does not follow' : otherwise;
}

interface CopyArgs {
  readonly sources: readonly string[];
  readonly dest: string;
}

/**
 * The sources and destination of a COPY/ADD as paths, or a reason they cannot be
 * read: the words BuildKit splits, each expanded as BuildKit expands it (quotes
 * removed, `$VAR` from the build arguments and environment in scope: the shared
 * reading of dockerfile/copies.ts). A source whose value is only known at build
 * time is kept as written (the destination may still be followed); such a
 * destination is not.
 */
export function copyArgs(file: ParsedDockerfile, inst: Instruction): CopyArgs | string {
  if (inst.heredocs.length > 0) return 'it writes a heredoc';
  const args = readCopyArgs(file, inst);
  if (args === null) return inst.argsSpan === null ? 'it has no arguments' : 'it has no destination';
  if (args.dest.value === null) return `its destination ${args.dest.raw} uses a variable the Dockerfile gives no value (a build argument without a default, or the base image's environment)`;
  return { sources: args.sources.map((w) => w.value ?? w.raw), dest: args.dest.value };
}

/**
 * The COPY/ADD of `inst`'s stage (or the stages it is built FROM) before `inst`
 * that put `path` (absolute) into the image, the last one winning; null when no
 * instruction of this Dockerfile put it there (it comes from the base image, or a RUN made it).
 */
export function originOf(file: ParsedDockerfile, inst: Instruction, path: string, ctx: BuildContext | null): PathOrigin | null {
  const stage = file.stages[inst.stage];
  if (stage === undefined) return null;
  return (inst.keyword === 'RUN' ? boundAt(file, inst, path) : null) ?? originBefore(file, stage, inst.index, path, ctx);
}

/**
 * What a RUN's own bind mount shows at `path` while it runs (\`--mount=type=bind,source=pyproject.toml,target=pyproject.toml\`,
 * uv's and pip's way to read a manifest without copying it): the build context's file, or another stage's or image's with
 * \`from=\`. The last mount that covers the path wins; null when none does.
 */
function boundAt(file: ParsedDockerfile, inst: Instruction, path: string): PathOrigin | null {
  const binds = mounts(inst).filter((m) => m.type === 'bind');
  for (let i = binds.length - 1; i >= 0; i--) {
    const m = binds[i]!;
    if (m.target.includes('$')) return { kind: 'unknown', why: `RUN on line ${inst.line} mounts ${m.target}, named by a variable`, inst };
    const target = absolutePath(file, inst, m.target);
    if (target === null) return { kind: 'unknown', why: `RUN on line ${inst.line} mounts ${m.target} in the working folder, ${unknownWorkdirWhy(file, inst)}`, inst };
    const dir = target.replace(/(?<=.)\/+$/, '');
    const rest = path === dir ? '' : path.startsWith(dir === '/' ? '/' : `${dir}/`) ? path.slice(dir === '/' ? 1 : dir.length + 1) : null;
    if (rest === null) continue;
    const source = m.source ?? '.';
    if (source.includes('$')) return { kind: 'unknown', why: `RUN on line ${inst.line} mounts ${source}, named by a variable`, inst };
    if (m.from !== null) return { kind: 'stage', stage: resolveStage(file, m.from, inst.stage), image: m.from, path: posix.join('/', source, rest), inst };
    const rel = posix.normalize(posix.join(source.replace(/^\/+/, ''), rest)).replace(/\/+$/, '');
    if (rel === '..' || rel.startsWith('../')) return { kind: 'unknown', why: `RUN on line ${inst.line} mounts ${source}, outside the build context`, inst };
    return { kind: 'context', path: rel === '' ? '.' : rel, inst };
  }
  return null;
}

/**
 * As originOf, for a file a command reads or runs: a COPY of a folder (`COPY . .`) from a
 * build context that lacks the file did not write it when an earlier RUN makes the folder
 * holding it (`uv sync` makes `.venv`, `npm ci` makes `node_modules`): the search goes on
 * before that COPY. Any other missing file stays the COPY's (the context read may not be
 * the one the build gets), so what reads it stays unknown.
 */
export function originOfFile(file: ParsedDockerfile, inst: Instruction, path: string, ctx: BuildContext | null): PathOrigin | null {
  let origin = originOf(file, inst, path, ctx);
  // A bind mount of a missing file fails the build: what a RUN mounts is not looked past.
  while (origin?.kind === 'context' && origin.inst.keyword !== 'RUN' && ctx !== null && !ctx.exists(origin.path) && !namesSource(file, origin.inst, origin.path) && madeByRun(file, inst, path)) {
    origin = originOf(file, origin.inst, path, ctx);
  }
  return origin;
}

/** Folders an install makes in its working folder, by program and subcommand. */
const INSTALL_FOLDERS: readonly { readonly program: string; readonly sub: readonly string[]; readonly folder: string }[] = [
  { program: 'uv', sub: ['sync', 'venv'], folder: '.venv' },
  { program: 'poetry', sub: ['install', 'sync'], folder: '.venv' },
  { program: 'pipenv', sub: ['install', 'sync'], folder: '.venv' },
  { program: 'npm', sub: ['ci', 'install', 'i', 'clean-install'], folder: 'node_modules' },
  { program: 'yarn', sub: ['', 'install'], folder: 'node_modules' },
  { program: 'pnpm', sub: ['install', 'i'], folder: 'node_modules' },
  { program: 'bun', sub: ['install', 'i', 'add'], folder: 'node_modules' },
];


/**
 * `go build` flags whose value is the next word: a value only known at build time
 * (`-ldflags "-X main.commit=$(git rev-parse HEAD)"`) is that flag's, not a package.
 */
const GO_VALUE_FLAGS: ReadonlySet<string> = new Set(GO_BUILD_VALUED);

/** Compilers whose `-o FILE` names what they write. */
const COMPILERS = new Set(['gcc', 'g++', 'cc', 'c++', 'clang', 'clang++']);

/** What `go build -o X` / `go build -o=X` or a C compiler's `-o X` / `-oX` writes (or `go build` without it), or null. */
function compilerOutput(shellWords: SimpleCommand['words'], program: string | null): string | null {
  const words = shellWords.map((w) => w.value);
  const go = program === 'go' && (words[1] === 'build' || words[1] === 'install');
  if (!go && !COMPILERS.has(program ?? '')) return null;
  for (let i = 1; i < words.length; i++) {
    const w = words[i];
    if (w === '-o') return words[i + 1] ?? null;
    if (go && w?.startsWith('-o=') === true) return w.slice(3);
    if (!go && w?.startsWith('-o') === true && w.length > 2) return w.slice(2);
  }
  return go && words[1] === 'build' ? goBuildOutput(shellWords.slice(2)) : null;
}

/** make's options that take the next word as their value when written apart (`-f build/Makefile`). */
const MAKE_VALUE_OPTIONS = new Set(['-f', '-I', '-o', '-W', '-l', '--file', '--makefile', '--include-dir', '--old-file', '--assume-old', '--what-if', '--new-file', '--assume-new', '--load-average']);

/**
 * The files a make command is asked to build by path (`make cmd/app/app`, `make build/bin/server`): a target
 * with a folder in it names the file its rule makes. A bare name (`make all`, `make loki`) may be a phony
 * target, and says nothing. None when `-C` moves make elsewhere, or a word is only known at build time.
 */
function makeFileTargets(words: SimpleCommand['words']): string[] {
  const targets: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!.value;
    // `GOARCH=${GOARCH}` sets a variable, whatever its value.
    if (w === null && /^[A-Za-z_][A-Za-z0-9_]*=/.test(words[i]!.raw)) continue;
    if (w === null || w === '-C' || w.startsWith('--directory') || /^-C./.test(w)) return [];
    if (w.startsWith('-')) {
      if (MAKE_VALUE_OPTIONS.has(w)) i++;
      continue;
    }
    // `VAR=value` sets a variable; a pattern or a variable is no file.
    if (w.includes('=') || !w.includes('/') || /[$%*?]/.test(w) || w.endsWith('/')) continue;
    targets.push(w);
  }
  return targets;
}

/**
 * What `go build` without `-o` writes in its working folder: for one main package named by a relative
 * path, the executable named after its last element (`./cmd/server/.` → server; `./cmd/app/v2` → app, a
 * major version is no name); for Go files, after the first (`main.go` → main). Null when the name comes
 * from go.mod (`.`, no package), or the words cannot say (several packages, a variable, `-C`).
 */
function goBuildOutput(args: SimpleCommand['words']): string | null {
  const packages: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const w = args[i]!.value;
    // `-ldflags="-X main.version=$VERSION"`: a flag, whatever its value.
    if (w === null && writtenAsOption(args[i]!)) continue;
    if (w === null || /^--?C(?:=|$)/.test(w)) return null;
    if (GO_VALUE_FLAGS.has(w)) i++;
    else if (!w.startsWith('-')) packages.push(w);
  }
  if (packages.length > 0 && packages.every((p) => p.endsWith('.go'))) return posix.basename(packages[0]!, '.go');
  if (packages.length !== 1 || !/^\.\.?\//.test(packages[0]!) || packages[0]!.includes('...')) return null;
  const dir = posix.normalize(packages[0]!).replace(/\/+$/, '');
  const parts = dir.split('/').filter((p) => p !== '..' && p !== '.');
  if (parts.length > 1 && /^v\d+$/.test(parts.at(-1)!)) parts.pop();
  const name = parts.at(-1);
  // `./server`: the executable would be the package's own folder, which go refuses to overwrite.
  return name === undefined || name === dir ? null : name;
}

/** A word written as an option, whatever its value (\`-ldflags="-X main.version=$VERSION"\`, only known at build time). */
function writtenAsOption(word: SimpleCommand['words'][number]): boolean {
  return /^["']?-/.test(word.raw);
}

/**
 * A RUN of the instruction's stage (or a stage it is built on) before it makes `path` or a
 * folder holding it: an install's folder (INSTALL_FOLDERS), the one `python -m venv DIR`,
 * `virtualenv DIR` or `uv venv DIR` names, or the file (or folder) `go build -o` or a C
 * compiler's `-o` writes.
 */
function madeByRun(file: ParsedDockerfile, inst: Instruction, path: string): boolean {
  const stage = file.stages[inst.stage];
  if (stage === undefined) return false;
  for (const s of stageLineage(file, stage)) {
    for (const run of runScripts(file, s)) {
      if (s === stage && run.inst.index >= inst.index) continue;
      const dir = workdirAt(file, run.inst);
      for (const command of run.parsed?.commands ?? []) {
        const shellWords = programWords(command);
        const words = shellWords.map((w) => w.value);
        let program = words[0] == null ? null : posix.basename(words[0]);
        let args = words.slice(1).filter((w) => w === null || !w.startsWith('-'));
        // `npx pnpm@9 install`: the manager a runner runs, with its subcommand.
        const run = program !== null && RUNNER_PROGRAMS.has(program) ? recognise(command) : null;
        if (run?.kind === 'package' && run.runner !== null) {
          program = run.manager;
          args = run.subcommand.map((w) => w.value);
        }
        const made: (string | null)[] = [];
        for (const f of INSTALL_FOLDERS) if (program === f.program && f.sub.includes(args[0] ?? '')) made.push(f.folder);
        if (program === 'uv' && args[0] === 'venv' && args[1] !== undefined) made.push(args[1]);
        if (/^python[\d.]*$/.test(program ?? '') && words[1] === '-m' && words[2] === 'venv') made.push(words.slice(3).find((w) => w === null || !w.startsWith('-')) ?? null);
        if (program === 'virtualenv') made.push(args[0] ?? null);
        const output = compilerOutput(shellWords, program);
        for (const folder of output === null ? made : [...made, output]) {
          if (folder === null) continue;
          const absolute = folder.startsWith('/') ? posix.normalize(folder) : dir === null ? null : posix.join(dir, folder);
          if (absolute !== null && (path.startsWith(`${absolute.replace(/\/$/, '')}/`) || (folder === output && path === absolute))) return true;
        }
      }
    }
  }
  return false;
}

/** The COPY names `rel` as one of its sources (rather than copying a folder that would hold it). */
export function namesSource(file: ParsedDockerfile, inst: Instruction, rel: string): boolean {
  const target = copyTarget(file, inst);
  return target.sources !== null && target.sources.some((src) => sourceShape(src, null).source === rel);
}

/** As originOf, for the image a stage makes: every COPY/ADD of the stage counts (where its CMD finds its files). */
export function originAtEnd(file: ParsedDockerfile, stage: Stage, path: string, ctx: BuildContext | null): PathOrigin | null {
  return originBefore(file, stage, Number.POSITIVE_INFINITY, path, ctx);
}

/**
 * Up to this many COPY/ADDs before the question, each is asked in turn: the index is for stages
 * of hundreds, and building it (and the path's folders) costs a short stage more than it saves.
 */
const ASK_EACH = 16;

function originBefore(file: ParsedDockerfile, stage: Stage, before: number, path: string, ctx: BuildContext | null): PathOrigin | null {
  // The last COPY/ADD that wrote the path wins: look from the latest back, and stop at the first.
  let folders: string[] | null | undefined;
  // The latest copy of a context folder that lacks the path: the answer only when no earlier COPY wrote it.
  let absent: PathOrigin | null = null;
  for (let s: Stage | null = stage; s !== null; s = copyingAncestor(file, s)) {
    const copies = stageInstructions(file, s, 'COPY', 'ADD');
    const limit = s === stage ? countBefore(copies, (i) => i.index < before) : copies.length;
    const within = limit <= ASK_EACH ? null : folders === undefined ? (folders = enclosing(path)) : folders;
    if (within === null) {
      for (let k = limit; k-- > 0; ) {
        const origin = copyOrigin(file, copies[k]!, path, ctx);
        if (origin === null) continue;
        if (!('absent' in origin)) return origin;
        absent ??= origin.absent;
      }
      continue;
    }
    // Only the COPY/ADDs that write exactly this path, write somewhere in a folder holding it, or may write anywhere.
    const index = copyIndex(file, s, copies, ctx);
    const lists = [index.exact.get(path), ...within.map((f) => index.within.get(f)), index.anywhere].filter((l) => l !== undefined);
    const next = lists.map((l) => countBefore(l, (k) => k < limit) - 1);
    for (let tried = -1; ; ) {
      let best = -1;
      for (let j = 0; j < lists.length; j++) if (next[j]! >= 0 && (best === -1 || lists[j]![next[j]!]! > lists[best]![next[best]!]!)) best = j;
      if (best === -1) break;
      const k = lists[best]![next[best]!--]!;
      // A COPY in two lists (two sources) comes up twice in a row: it was just read.
      if (k === tried) continue;
      tried = k;
      const origin = copyOrigin(file, copies[k]!, path, ctx);
      if (origin === null) continue;
      if (!('absent' in origin)) return origin;
      absent ??= origin.absent;
    }
  }
  return absent;
}

const copyingStages = new FileMemo<readonly (Stage | null)[]>();

/**
 * The nearest stage `stage` builds on that has a COPY or ADD, or null: a question about
 * where a path came from skips the stages that copy nothing, as a chain of thousands of
 * stages that each run a RUN would otherwise be walked once per question.
 */
function copyingAncestor(file: ParsedDockerfile, stage: Stage): Stage | null {
  let nearest = copyingStages.get(file);
  if (nearest === undefined) {
    nearest = fromParents<Stage | null>(file, (s, above) => (stageInstructions(file, s, 'COPY', 'ADD').length > 0 ? s : above));
    copyingStages.set(file, nearest);
  }
  const parent = parentStage(file, stage);
  return parent === null ? null : nearest[parent.index]!;
}

/**
 * `path` and the folders holding it (`/app/a.txt`, `/app`, `/`): where a COPY/ADD that
 * may write anywhere in its destination folder must have it to have written `path`.
 * Null for a path not in normal form, which is then compared with every COPY/ADD.
 */
function enclosing(path: string): string[] | null {
  if (!path.startsWith('/') || (path !== '/' && (path.endsWith('/') || posix.normalize(path) !== path))) return null;
  const out = [path];
  for (let p = path; p !== '/'; ) out.push((p = posix.dirname(p)));
  return out;
}

/**
 * A stage's COPY/ADDs, by their place in its list: those that write one known path (a
 * file copied into a folder), those that may write anywhere in their destination
 * folder, and those whose destination is not known.
 */
interface CopyIndex {
  readonly exact: Map<string, number[]>;
  readonly within: Map<string, number[]>;
  readonly anywhere: number[];
}

/** Per file, per build context (it tells files from folders), per stage. */
const copyIndexes = new FileMemo<Map<BuildContext | null, Map<number, CopyIndex>>>();

/**
 * Built once per stage: where a file came from is asked for every install that reads a
 * manifest, and comparing it with every COPY before made a file of many COPYs quadratic.
 */
function copyIndex(file: ParsedDockerfile, stage: Stage, copies: readonly Instruction[], ctx: BuildContext | null): CopyIndex {
  let perFile = copyIndexes.get(file);
  if (perFile === undefined) copyIndexes.set(file, (perFile = new Map()));
  let perContext = perFile.get(ctx);
  if (perContext === undefined) perFile.set(ctx, (perContext = new Map()));
  let index = perContext.get(stage.index);
  if (index === undefined) {
    index = { exact: new Map(), within: new Map(), anywhere: [] };
    for (const [k, inst] of copies.entries()) {
      const target = copyTarget(file, inst);
      if (target.sources === null) {
        if (index.anywhere.at(-1) !== k) index.anywhere.push(k);
        continue;
      }
      for (const src of target.sources) {
        const reach = sourceReach(src, target, target.from === null ? ctx : null, fromFolders(file, inst, target, ctx));
        if (reach === 'anywhere') {
          if (index.anywhere.at(-1) !== k) index.anywhere.push(k);
        } else if (reach === 'within') addPosition(index.within, target.destDir, k);
        else for (const p of reach) addPosition(index.exact, p, k);
      }
      for (const f of target.inline) for (const p of inlineReach(f, target)) addPosition(index.exact, p, k);
    }
    perContext.set(stage.index, index);
  }
  return index;
}

/** A COPY/ADD as copyOrigin reads it, worked out once per instruction. */
type CopyTarget =
  /** Arguments that cannot be read, or a destination that depends on a variable: it may have written anything. */
  | { readonly sources: null; readonly why: string }
  | {
      readonly sources: readonly string[];
      /** The files it writes from heredocs, placed among the sources by their `after`. */
      readonly inline: readonly InlineFile[];
      /** Absolute, as written after the WORKDIR (a trailing slash kept). */
      readonly dest: string;
      /** `dest` without trailing slashes. */
      readonly destDir: string;
      /** Sources land inside `dest` (a trailing slash, or several sources), rather than as it. */
      readonly destIsDir: boolean;
      /** The `--from` stage or image, or null for the build context. */
      readonly from: string | null;
      /** Folders of the `--from` stage known to be folders: its working folder and those holding it. */
      readonly fromFolders: ReadonlySet<string>;
      /** Paths of the `--from` stage known to be files: what its compilers write with \`-o\`. */
      readonly fromFiles: ReadonlySet<string>;
    };

const copyTargets = new Memo<Instruction, CopyTarget>();

function copyTarget(file: ParsedDockerfile, inst: Instruction): CopyTarget {
  let target = copyTargets.get(inst);
  if (target === undefined) {
    const args = copyArgsWithInline(file, inst);
    const dest = typeof args === 'string' ? null : absolutePath(file, inst, args.dest);
    if (typeof args === 'string' || dest === null) {
      target = { sources: null, why: typeof args === 'string' ? args : `its destination is relative to the working folder, ${unknownWorkdirWhy(file, inst)}` };
    } else {
      const from = inst.flags.find((f) => f.name.toLowerCase() === 'from')?.value ?? null;
      // `/` can only be written with its slash, which then says nothing of the source: a folder copies its
      // contents there, as into `/srv`.
      const destIsDir = (args.dest.endsWith('/') && !/^\/+$/.test(args.dest)) || args.sources.length + args.inline.length > 1;
      // BuildKit reads a context source from the context's root, a leading `/` or not (`COPY /scripts/ /scripts/`).
      const sources = from === null ? args.sources.map((s) => (isUrl(s) ? s : s.replace(/^\/+/, '') || '.')) : args.sources;
      target = { sources, inline: args.inline, dest, destDir: dest.replace(/\/+$/, '') || '/', destIsDir, from, fromFolders: from === null ? NO_FOLDERS : stageFolders(file, resolveStage(file, from, inst.stage)), fromFiles: from === null ? NO_FOLDERS : compiledFiles(file, resolveStage(file, from, inst.stage)) };
    }
    copyTargets.set(inst, target);
  }
  return target;
}

/**
 * As copyArgs, with the files a COPY writes from heredocs: where they land is as plain as a
 * source's. Heredocs that cannot be read leave the COPY unknown, as copyArgs does.
 */
function copyArgsWithInline(file: ParsedDockerfile, inst: Instruction): (CopyArgs & { readonly inline: readonly InlineFile[] }) | string {
  if (inst.heredocs.length === 0) {
    const args = copyArgs(file, inst);
    return typeof args === 'string' ? args : { ...args, inline: [] };
  }
  const args = readCopyArgs(file, inst);
  if (args?.inline == null || args.dest.value === null) return 'it writes a heredoc';
  return { sources: args.sources.map((w) => w.value ?? w.raw), dest: args.dest.value, inline: args.inline };
}

/** The paths a file written from a heredoc may be at: as a source of its name is copied. */
function inlineReach(f: InlineFile, target: { readonly dest: string; readonly destDir: string; readonly destIsDir: boolean }): readonly string[] {
  const named = posix.join(target.destDir, f.name);
  return target.destIsDir ? [named] : [posix.normalize(target.dest), named];
}

const NO_FOLDERS: ReadonlySet<string> = new Set();

/**
 * The folders a stage's image surely has: its working folder and those above it. `COPY
 * --from=build /app ./` of that folder copies its contents, as a folder source does.
 */
function stageFolders(file: ParsedDockerfile, index: number | null): ReadonlySet<string> {
  const stage = index === null ? undefined : file.stages[index];
  const workdir = stage === undefined ? null : workdirAtEnd(file, stage);
  if (workdir === null) return NO_FOLDERS;
  const folders = new Set<string>();
  for (let dir = workdir; !folders.has(dir); dir = posix.dirname(dir)) folders.add(dir);
  return folders;
}

const contextFolders = new Memo<Instruction, { readonly ctx: BuildContext | null; readonly folders: ReadonlySet<string> }>();

/**
 * The folders of a COPY --from's stage: those it surely has, and the sources it got from the build
 * context, where they are folders (\`COPY . /src/\` there, then \`COPY --from=build /src/bin /app/bin/\`
 * copies the context's bin/ folder, not a file named bin).
 */
function fromFolders(file: ParsedDockerfile, inst: Instruction, target: CopyTarget & { sources: readonly string[] }, ctx: BuildContext | null): ReadonlySet<string> {
  if (target.from === null || ctx === null) return target.fromFolders;
  const known = contextFolders.get(inst);
  if (known !== undefined && known.ctx === ctx) return known.folders;
  const index = resolveStage(file, target.from, inst.stage);
  const stage = index === null ? undefined : file.stages[index];
  let folders = target.fromFolders;
  for (const src of target.sources) {
    const { source, glob, isDir } = sourceShape(src, null, target.fromFolders);
    if (stage === undefined || glob || isDir || src.includes('$')) continue;
    const origin = originAtEnd(file, stage, posix.join('/', source), ctx);
    if (origin?.kind !== 'context' || ctx.kind(origin.path) !== 'dir') continue;
    if (folders === target.fromFolders) folders = new Set(folders);
    (folders as Set<string>).add(source);
  }
  contextFolders.set(inst, { ctx, folders });
  return folders;
}

const compiledFilesMemo = new FileMemo<Map<number, ReadonlySet<string>>>();

/**
 * The files a stage's RUNs (and those of what it builds on) write as a compiler's output: \`go build -o
 * /out/server\`, \`gcc -o app\`, a make target named by its path (\`make cmd/app/app\`). \`COPY --from=build /out/server .\` then copies that one file, not a
 * folder's contents. Not an output that may be a folder: one ending in \`/\`, a \`go build\` of several
 * packages (\`./...\`), or a path a \`mkdir\` of the stages makes.
 */
export function compiledFiles(file: ParsedDockerfile, index: number | null): ReadonlySet<string> {
  const stage = index === null ? undefined : file.stages[index];
  if (stage === undefined) return NO_FOLDERS;
  let perFile = compiledFilesMemo.get(file);
  if (perFile === undefined) compiledFilesMemo.set(file, (perFile = new Map()));
  const known = perFile.get(stage.index);
  if (known !== undefined) return known;
  const outputs = new Set<string>();
  const made = new Set<string>();
  for (const s of stageLineage(file, stage)) {
    for (const run of runScripts(file, s)) {
      const dir = workdirAt(file, run.inst);
      const absolute = (p: string) => (p.startsWith('/') ? posix.normalize(p) : dir === null ? null : posix.join(dir, p));
      for (const command of run.parsed?.commands ?? []) {
        const shellWords = programWords(command);
        const words = shellWords.map((w) => w.value);
        const program = words[0] == null ? null : posix.basename(words[0]);
        if (program === 'mkdir') {
          for (const w of mkdirOperands(command)) if (w.value !== null) made.add(absolute(w.value) ?? w.value);
          continue;
        }
        if (program === 'make' || program === 'gmake') {
          for (const target of makeFileTargets(shellWords.slice(1))) {
            const path = absolute(target);
            if (path !== null) outputs.add(path);
          }
          continue;
        }
        const output = compilerOutput(shellWords, program);
        // A flag whose value is known at build time only (`-ldflags="-X main.version=$VERSION"`) is no package.
        const flag = (i: number) => writtenAsOption(shellWords[i]!) || (program === 'go' && GO_VALUE_FLAGS.has(words[i - 1] ?? ''));
        const unknownPackage = (w: string | null, i: number) => (w === null ? !flag(i) : w.includes('...'));
        if (output === null || output.endsWith('/') || output.includes('$') || words.some(unknownPackage)) continue;
        const path = absolute(output);
        if (path !== null) outputs.add(path);
      }
    }
  }
  const files = new Set([...outputs].filter((p) => !made.has(p)));
  perFile.set(stage.index, files);
  return files;
}

const isUrl = (src: string): boolean => /^[a-z]+:\/\//i.test(src) || src.startsWith('git@');

/**
 * Where one source of a COPY/ADD can write, as copyOrigin and mapPath read it: one or two
 * exact paths, somewhere under the destination folder, or anywhere (a name ending in `..`
 * lands above the destination). copyIndex files each COPY by this, so it must cover every
 * path for which copyOrigin gives an answer.
 */
function sourceReach(src: string, target: CopyTarget & { sources: readonly string[] }, ctx: BuildContext | null, folders: ReadonlySet<string>): readonly string[] | 'within' | 'anywhere' {
  const { dest, destDir, destIsDir } = target;
  if (isUrl(src)) {
    const name = posix.basename(src);
    return name === '..' ? 'anywhere' : [dest, posix.join(dest, name)];
  }
  if (src.includes('$')) return 'within';
  const { source, glob, isDir } = sourceShape(src, ctx, folders);
  if (glob || isDir) return 'within';
  const name = posix.basename(source);
  if (name === '..') return 'anywhere';
  if (destIsDir) return target.from !== null && mirroredFolder(source, destDir) ? 'within' : [posix.join(destDir, name)];
  // Without a build context that knows it, a source without an extension may be a folder copied as the destination.
  if ((ctx === null || ctx.kind(source) === null) && posix.extname(source) === '' && !target.fromFiles.has(posix.join('/', source))) return 'within';
  return [posix.normalize(dest), posix.join(destDir, name)];
}

/**
 * What one COPY/ADD put at `path`, or null when it wrote nothing there. `absent`: it copies a folder
 * of the build context that does not hold the path, so it wrote nothing there either, unless the
 * context on disk lacks a file the build makes first; an earlier COPY that wrote the path wins.
 */
function copyOrigin(file: ParsedDockerfile, inst: Instruction, path: string, ctx: BuildContext | null): PathOrigin | { readonly absent: PathOrigin } | null {
  const target = copyTarget(file, inst);
  // Only an instruction that could have written there matters; without a destination, any could,
  // but one that copies named files into a folder writes only files of those names.
  if (target.sources === null) return writesOnlyNames(file, inst, ctx, posix.basename(path)) ? null : { kind: 'unknown', why: `${inst.keyword} on line ${inst.line}: ${target.why}`, inst };
  const { dest, destIsDir, from } = target;
  let absent: PathOrigin | null = null;
  // A heredoc's file among the sources: the one written after source \`i - 1\` and before source \`i\`.
  const inlineBefore = (i: number): PathOrigin | null => {
    for (let j = target.inline.length - 1; j >= 0; j--) {
      const f = target.inline[j]!;
      if (f.after === i && inlineReach(f, target).includes(path)) return { kind: 'inline', text: f.text, inst };
    }
    return null;
  };
  // BuildKit copies the sources in order, so the last one that writes the path is what is there:
  // `COPY $BIN/app entrypoint.sh ./` leaves the context's entrypoint.sh at ./entrypoint.sh.
  for (let i = target.sources.length - 1; ; i--) {
    const inline = inlineBefore(i + 1);
    if (inline !== null) return inline;
    if (i < 0) break;
    const src = target.sources[i]!;
    if (isUrl(src)) {
      if (path === dest || path === posix.join(dest, posix.basename(src))) return { kind: 'download', url: src, inst };
      continue;
    }
    if (src.includes('$')) {
      if (path === dest || path.startsWith(`${dest.replace(/\/$/, '')}/`)) {
        // The one of the file's own name is what the reason names: `COPY ${ARCH}/start.sh ${ARCH}/server /app/` put
        // start.sh there, unless server is a folder that holds one.
        const named = target.sources.slice(0, i + 1).findLast((s) => s.includes('$') && posix.basename(s) === posix.basename(path)) ?? src;
        return { kind: 'unknown', why: `${inst.keyword} on line ${inst.line} copies ${named}, named by a variable`, inst };
      }
      continue;
    }
    // ADD unpacks a local tar archive into its destination: the files it writes there are not read.
    if (from === null && inst.keyword === 'ADD' && (path === dest || path.startsWith(`${dest.replace(/\/$/, '')}/`)) && mayUnpack(src, ctx)) {
      return { kind: 'unknown', why: `${inst.keyword} on line ${inst.line} unpacks ${src}, whose files are not read`, inst };
    }
    const rel = mapPath(src, dest, destIsDir, path, from === null ? ctx : null, fromFolders(file, inst, target, ctx), target.fromFiles);
    if (rel === null) continue;
    if (rel === 'glob') return { kind: 'unknown', why: `${inst.keyword} on line ${inst.line} copies a glob (${src})`, inst };
    // \`--exclude\` leaves out what its patterns match, below the source: read for the context's root, else not.
    const excludes = inst.flags.filter((f) => f.name.toLowerCase() === 'exclude').map((f) => f.value);
    if (excludes.length > 0) {
      const readable = from === null && sourceShape(src, ctx).source === '.' && excludes.every((e) => e !== null && e !== '' && !/[$'"]/.test(e));
      if (!readable) return { kind: 'unknown', why: `${inst.keyword} on line ${inst.line} leaves out what --exclude=${excludes.join(',')} matches`, inst };
      if (parseDockerIgnore(excludes.join('\n')).excludes(rel)) continue;
    }
    if (from === null) {
      const origin: PathOrigin = { kind: 'context', path: rel, inst };
      if (rel === sourceShape(src, ctx).source || ctx === null || ctx.kind(rel) !== null) return origin;
      absent ??= origin;
      continue;
    }
    const stage = resolveStage(file, from, inst.stage);
    return { kind: 'stage', stage, image: from, path: rel, inst };
  }
  return absent === null ? null : { absent };
}

/**
 * Whether ADD may unpack the context's \`src\` (see readArchive): by its content when it can be read, else by its name;
 * a folder or a glob is no archive.
 */
function mayUnpack(src: string, ctx: BuildContext | null): boolean {
  const { source, glob } = sourceShape(src, ctx);
  if (glob) return false;
  const kind = ctx === null ? null : ctx.kind(source);
  if (kind === 'dir') return false;
  const head = kind === 'file' ? ctx!.head(source, ARCHIVE_HEAD_BYTES) : null;
  return head === null ? archiveSuffix(source) !== null : readArchive(head, head.length < ARCHIVE_HEAD_BYTES).kind !== 'plain';
}

/**
 * A COPY from the build context into a folder (its destination ends in `/`, or it has several
 * sources) of files only, none named `name`: wherever the folder is, `COPY a.js b.js
 * $DIR/js/` writes only a.js and b.js, so it wrote nothing named `name`. One file copied to a
 * destination that does not end in `/` is written under the destination's last name, or under
 * its own when the image already has a folder there: `COPY log4j.properties
 * $KAFKA_HOME/config/log4j.properties` writes nothing named docker-entrypoint.sh.
 */
function writesOnlyNames(file: ParsedDockerfile, inst: Instruction, ctx: BuildContext | null, name: string): boolean {
  const args = readCopyArgs(file, inst);
  // ADD unpacks a local archive, whose files have their own names.
  if (ctx === null || args === null || inst.keyword !== 'COPY' || args.from !== null || inst.heredocs.length > 0) return false;
  if (!args.dest.raw.endsWith('/') && args.sources.length < 2) {
    // The last name as written, when it is plain: not quoted, escaped or named by a variable.
    const last = args.dest.raw.slice(args.dest.raw.lastIndexOf('/') + 1);
    if (!/^[\w.@+-]+$/.test(last) || last === '.' || last === '..' || last === name) return false;
  }
  return args.sources.every((w) => {
    if (w.value === null || isUrl(w.value)) return false;
    const { source, glob } = sourceShape(w.value.replace(/^\/+/, '') || '.', ctx);
    // One the context lacks is taken for a file by its extension, as sourceReach takes it.
    const kind = ctx.kind(source);
    return !glob && (kind === 'file' || (kind === null && posix.extname(source) !== '')) && posix.basename(source) !== name;
  });
}

/**
 * The source of a COPY --from that `origin.path` lies inside only if that source is a folder, which
 * nothing says it is (not `dir/`, not a folder the stage is known to have): `COPY --from=build
 * /app/target/release/app /` puts the path there only when the build made a folder of that name.
 * Null when the COPY names the path itself or copies a known folder.
 */
export function guessedFolderSource(file: ParsedDockerfile, origin: Extract<PathOrigin, { kind: 'stage' }>): string | null {
  const target = copyTarget(file, origin.inst);
  if (target.sources === null || target.from === null) return null;
  for (const src of target.sources) {
    const { source, glob, isDir } = sourceShape(src, null, target.fromFolders);
    if (glob || isDir) continue;
    const absolute = posix.join('/', source);
    if (origin.path !== absolute && posix.join('/', origin.path).startsWith(`${absolute}/`)) return absolute;
  }
  return null;
}

/**
 * The source of a COPY --from that holds \`origin.path\` inside it (\`/app\` for \`/app/entrypoint.sh\`), or null
 * when the COPY names the path itself or a glob: what it puts there is the source stage's, if it has one.
 */
export function folderSourceHolding(file: ParsedDockerfile, origin: Extract<PathOrigin, { kind: 'stage' }>): string | null {
  const target = copyTarget(file, origin.inst);
  if (target.sources === null || target.from === null) return null;
  const inside = posix.join('/', origin.path);
  for (const src of target.sources) {
    const { source, glob } = sourceShape(src, null, target.fromFolders);
    if (glob) continue;
    const absolute = posix.join('/', source);
    if (inside !== absolute && inside.startsWith(absolute === '/' ? '/' : `${absolute}/`)) return absolute;
  }
  return null;
}

/** A COPY source as mapPath reads it: normalised, a glob or not, a folder or not (as far as the name and the build context tell). */
function sourceShape(src: string, ctx: BuildContext | null, folders: ReadonlySet<string> = NO_FOLDERS): { readonly source: string; readonly glob: boolean; readonly isDir: boolean } {
  const normal = posix.normalize(src.replace(/^\.\/+/, '') || '.');
  // BuildKit resolves a source inside the context's root: \`../../package.json\` is its package.json.
  const inRoot = normal === '..' || normal.startsWith('../') ? posix.normalize(`/${normal}`).slice(1) : normal;
  const source = inRoot.replace(/\/+$/, '') || '.';
  return { source, glob: isPattern(source), isDir: source === '.' || src.endsWith('/') || ctx?.kind(source) === 'dir' || folders.has(source) };
}

/**
 * The source-side path of image path `path` for one COPY source, or null when this
 * source did not write it. A source that is a folder (or `.`) copies its contents.
 */
function mapPath(src: string, dest: string, destIsDir: boolean, path: string, ctx: BuildContext | null, folders: ReadonlySet<string>, files: ReadonlySet<string> = NO_FOLDERS): string | 'glob' | null {
  const { source, glob, isDir: sourceIsDir } = sourceShape(src, ctx, folders);
  const destDir = dest.replace(/\/+$/, '') || '/';
  const under = (base: string): string | null => (path === base ? '' : path.startsWith(base === '/' ? '/' : `${base}/`) ? path.slice(base === '/' ? 1 : base.length + 1) : null);
  if (glob) {
    // A pattern copied to a file's name writes that file (BuildKit takes one match only there).
    if (!destIsDir && path === posix.normalize(dest)) return 'glob';
    const name = posix.basename(path);
    if (isPattern(posix.dirname(source))) return posix.dirname(path) === destDir ? 'glob' : null;
    const pattern = new RegExp(`^${posix.basename(source).replace(/[.+^${}()|\\]/g, '\\$&').replace(/\*/g, '[^/]*').replace(/\?/g, '[^/]').replace(/\[/g, '[')}$`);
    if (posix.dirname(path) !== destDir || !pattern.test(name)) return null;
    return posix.dirname(source) === '.' ? name : `${posix.dirname(source)}/${name}`;
  }
  if (sourceIsDir) {
    const rest = under(destDir);
    if (rest === null || rest === '') return null;
    return source === '.' ? rest : `${source}/${rest}`;
  }
  const target = destIsDir ? posix.join(destDir, posix.basename(source)) : posix.normalize(dest);
  if (path === target) return source;
  // `COPY requirements.txt /app` where /app is a folder already (a WORKDIR): the file lands inside it.
  if (!destIsDir && path === posix.join(destDir, posix.basename(source))) return source;
  // Unknown whether the source is a file or a folder (no build context): a folder copies its contents.
  if ((ctx === null || ctx.kind(source) === null) && !files.has(posix.join('/', source))) {
    const rest = under(destDir);
    if (rest !== null && rest !== '' && (!destIsDir || mirroredFolder(source, destDir)) && posix.extname(source) === '') return `${source}/${rest}`;
  }
  return null;
}

/**
 * A source copied into a folder of its own name (\`COPY --from=build /src/bin /app/bin/\`): as a file it would
 * land at bin/bin, which no one means, so it is taken for the folder it mirrors. Into any other folder
 * (\`COPY --from=build /out/app /usr/local/bin/\`) a source without an extension is a program as often.
 */
function mirroredFolder(source: string, destDir: string): boolean {
  return posix.extname(source) === '' && posix.basename(source) === posix.basename(destDir);
}
