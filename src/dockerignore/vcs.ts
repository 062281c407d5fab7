/**
 * Whether the build reads the repository (`.git`, `.hg`, `.svn`) the copy of the whole context
 * brings, read from the commands of its RUNs rather than from their text: a RUN that installs git,
 * removes `.git` or clones another repository does not read this one.
 */
import * as path from 'node:path';
import type { BuildContext } from '../engine/context.js';
import { copySteps, runProgramContextPath } from '../analysis/copiedFiles.js';
import { pathIn, workdirAt } from '../analysis/paths.js';
import type { Instruction, ParsedDockerfile } from '../dockerfile/types.js';
import { GO_VCS_SETTINGS, REMOTE_SUBCOMMANDS, REPOSITORY_READERS, type RepositoryReader } from '../knowledge/repositoryReaders.js';
import { builtGoFile, downloadedGoInstall, GO_FILES_READ, goBuildPackages, goMainOf } from '../analysis/builds/go.js';
import { contextFiles } from '../analysis/builds/plan.js';
import { folderMove, invokedProgram, invokedTool, mounts, nestedShellStrings, recognise, runBody, STAYS } from '../shell/index.js';
import type { ShellScript, ShellWord, SimpleCommand } from '../shell/types.js';
import { runsDownstream, where, type ContextUse, type Place, type Sender, type SharedDockerfile } from './usage.js';

/** What a RUN's text shows of a version-control program, for a RUN whose commands cannot be read. */
const VCS_WORD = /\b(?:git|hg|svn)\b/;

/** A line of a script or build file that runs git (`$(shell git describe)`, `execSync('git rev-parse')`), comments aside. */
export function gitLine(text: string | null): string | null {
  if (text === null) return null;
  const line = text.split('\n').find((l) => /(?:^|[\s'"`(=;|&$])git\s+[a-z-]+/.test(l.replace(/(?:^|\s)(?:#|\/\/).*$/, '')));
  return line === undefined ? null : line.trim().replace(/\s+/g, ' ').slice(0, 60);
}

/**
 * Why the build may read the repository folder `name` of the context, or null: an instruction names it (other
 * than a RUN's `rm` of it), or a RUN after a copy that brings it runs a version-control program, or a script of
 * the context that runs git, in a folder that copy filled (or one dockshift cannot tell).
 */
export function readsCopiedRepository(ctx: BuildContext, files: readonly SharedDockerfile[], use: ContextUse, name: string): string | null {
  for (const shared of files) {
    for (const inst of shared.file.instructions) {
      const why = namesRepository({ ...shared, inst }, name);
      if (why !== null) return why;
    }
  }
  for (const sender of use.senders) {
    for (const run of runsDownstream(sender)) {
      const why = runReadsRepository(ctx, { ...sender, inst: run.inst }, { sender, inPlace: run.inPlace });
      if (why !== null) return why;
    }
  }
  for (const shared of files) {
    for (const inst of shared.file.instructions) {
      if (inst.keyword !== 'RUN' || !mounts(inst).some((m) => m.type === 'bind' && m.from === null && (m.source === null || path.posix.normalize(m.source) === '.'))) continue;
      const why = runReadsRepository(ctx, { ...shared, inst }, null);
      if (why !== null) return `${why}, through a bind mount of the build context`;
    }
  }
  return null;
}

/** A path segment `name` in a text (`/app/.git`, `.git/HEAD`), not a longer name (`.github`, `.gitignore`). */
function segment(name: string): RegExp {
  return new RegExp(`(?:^|[^A-Za-z0-9_.-])${name.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}(?:[^A-Za-z0-9_-]|$)`);
}

/** Why `at` reads the folder by name: any instruction that names it, but a RUN only outside its `rm` commands. */
function namesRepository(at: Place, name: string): string | null {
  const { file, inst } = at;
  const re = segment(name);
  if (!re.test(file.text.slice(inst.span.start, inst.span.end))) return null;
  if (inst.keyword !== 'RUN') return `${where(at)} names ${name}`;
  const body = runBody(file, inst);
  if (!body.ok) return `${where(at)} names ${name}, in a RUN dockshift cannot read (${body.reason})`;
  // `rm -rf /app/.git`: the author takes it out after the copy, and nothing reads it.
  let rest = body.script;
  for (const c of body.parsed.commands) {
    if (recognise(c)?.kind === 'remove-files') rest = rest.slice(0, c.start) + ' '.repeat(c.end - c.start) + rest.slice(c.end);
  }
  return re.test(rest) || mounts(inst).some((m) => re.test(m.target) || (m.source !== null && re.test(m.source))) ? `${where(at)} names ${name} other than to remove it` : null;
}

/** A command that runs a repository reader, with its arguments after the reader's name. */
interface ReaderRun {
  readonly reader: RepositoryReader;
  readonly args: readonly ShellWord[];
}

function readerRun(c: SimpleCommand): ReaderRun | null {
  const tool = invokedTool(c);
  if (tool === null) return null;
  const dotnetTool = tool.name === 'dotnet' && !tool.module ? (tool.args[0]?.value ?? null) : null;
  const reader = REPOSITORY_READERS.find((r) =>
    r.through === 'dotnet-tool' ? r.name === dotnetTool : r.name === tool.name && (r.through === 'python-module') === tool.module,
  );
  if (reader === undefined) return null;
  return { reader, args: reader.through === 'dotnet-tool' ? tool.args.slice(1) : tool.args };
}

/**
 * A \`go build\` or \`go install\` that stamps the binary with the repository's commit where the Go program reads it
 * (a Go file of the context names one of GO_VCS_SETTINGS), as a reader of the folder it runs in; else null. Not
 * with \`-buildvcs=false\`, nor for a module go install downloads.
 */
function goStampRun(ctx: BuildContext, c: SimpleCommand): ReaderRun | null {
  const tool = invokedTool(c);
  if (tool === null || tool.module || tool.name !== 'go') return null;
  const argv = ['go', ...tool.args.map((w) => w.value)];
  if ((argv[1] !== 'build' && argv[1] !== 'install') || downloadedGoInstall(argv) !== null) return null;
  // A word only known at build time may be anything: the stamp is then counted, which keeps the repository.
  if (argv.some((a) => a !== null && /^--?buildvcs=(?:false|0|f|F|FALSE|False)$/.test(a))) return null;
  // In Go's cmd/NAME layout, another program's folder than the packages the command names is not in this binary.
  const packages = argv.slice(2).filter((a): a is string => a !== null && /^\.{1,2}(?:\/|$)/.test(a));
  const otherProgram = (f: string) => {
    const main = goMainOf(f);
    return main !== null && packages.length > 0 && !packages.some((p) => p.includes('...') || p.split('/').includes(main));
  };
  const files = contextFiles(ctx, '.go')?.filter((f) => builtGoFile(f) && !otherProgram(f)) ?? null;
  // A context too large to list, or of more Go files than are read, may hold one that reads the stamp: it stays.
  if (files === null || files.length > GO_FILES_READ) {
    return { reader: { name: 'go', through: 'program', reads: "Go stamps the binary with the repository's commit, which a Go file of the context may read (too many to read them all)" }, args: tool.args };
  }
  // A \`package main\` outside the folders of the packages named (tool/gocross beside ./cmd/tailscale) is another
  // program, never linked into this one; with a package only known at build time, or none (the folder go runs in), any may be.
  const named = goBuildPackages(tool.args.slice(1)).map((p) => (p === null || !/^\.{1,2}(?:\/|$)/.test(p) || p.includes('...') ? null : path.posix.normalize(p)));
  const folders = named.length === 0 || named.includes(null) || named.some((p) => p === '.' || p!.startsWith('../')) ? null : (named as string[]);
  const mainElsewhere = (f: string, code: string) => {
    const dir = path.posix.dirname(f);
    return folders !== null && /^package\s+main\b/m.test(code) && !folders.some((p) => p === dir || dir.endsWith(`/${p}`) || p.endsWith(`/${dir}`));
  };
  // Whole-line comments aside: a comment that names a setting (version/prop.go's) reads nothing.
  const code = (f: string) => (ctx.read(f) ?? '').split('\n').filter((l) => !l.trimStart().startsWith('//')).join('\n');
  const settingIn = (f: string) => {
    const text = code(f);
    return mainElsewhere(f, text) ? undefined : GO_VCS_SETTINGS.find((k) => text.includes(`"${k}"`));
  };
  const reading = files.find((f) => settingIn(f) !== undefined);
  if (reading === undefined) return null;
  const setting = settingIn(reading)!;
  return {
    reader: { name: 'go', through: 'program', reads: `Go stamps the binary with the repository's commit, and ${reading} reads it from the build info (\`${setting}\`)` },
    args: tool.args,
  };
}

/** git's options before the subcommand that take the next word as their value. */
const GIT_VALUED = new Set(['-C', '-c', '--git-dir', '--work-tree', '--namespace', '--exec-path', '--config-env']);

/** The subcommand of a version-control program's command line, its operands, and the folder `-C` names (git's). */
function subcommandOf(args: readonly ShellWord[]): { readonly sub: string | null; readonly operands: readonly ShellWord[]; readonly options: readonly string[]; readonly folder: string | null | undefined } {
  let folder: string | null | undefined;
  for (let i = 0; i < args.length; i++) {
    const v = args[i]!.value;
    if (v === null) return { sub: null, operands: [], options: [], folder };
    if (v === '-C') folder = args[i + 1]?.value ?? null;
    if (GIT_VALUED.has(v)) {
      i++;
      continue;
    }
    if (v.startsWith('-')) return { sub: v, operands: [], options: [], folder };
    const rest = args.slice(i + 1);
    return { sub: v, operands: rest.filter((w) => !w.value?.startsWith('-')), options: rest.map((w) => w.value ?? '').filter((o) => o.startsWith('-')), folder };
  }
  return { sub: null, operands: [], options: [], folder };
}

const REMOTE = /^(?:[a-z][a-z0-9+.-]*:\/\/|[\w.-]+@[\w.-]+:)/i;

/**
 * What the command reads: `none` for one that does not read the repository of its folder (`git clone https://…`,
 * `git config --global`, `git --version`); `clone` for a clone of a remote repository, with the folder it writes
 * (relative to the command's, or null when not known); else `folder`: the repository of the folder it runs in,
 * or of the folder `-C` names.
 */
type Reads = { readonly kind: 'none' } | { readonly kind: 'clone'; readonly into: string | null } | { readonly kind: 'folder'; readonly folder: string | null };

function readsOf(run: ReaderRun): Reads {
  if (run.reader.through !== 'program' || !['git', 'hg', 'svn'].includes(run.reader.name)) return { kind: 'folder', folder: '.' };
  const { sub, operands, options, folder } = subcommandOf(run.args);
  if (sub === '--version' || sub === 'version' || sub === '--help' || sub === 'help') return { kind: 'none' };
  if (run.reader.name === 'git' && sub === 'config' && options.some((o) => o === '--global' || o === '--system')) return { kind: 'none' };
  // The first remote operand is the repository: the words before it may be option values (`--depth 1`).
  const at = operands.findIndex((w) => w.value !== null && REMOTE.test(w.value));
  if (sub !== null && REMOTE_SUBCOMMANDS[run.reader.name]?.includes(sub) === true && at !== -1) {
    const url = operands[at]!.value!;
    const target = operands.length > at + 1 ? (operands[at + 1]!.value ?? null) : path.posix.basename(url.replace(/\/+$/, '')).replace(/\.git$/, '');
    return { kind: 'clone', into: target === null || target === '' ? null : path.posix.join(folder ?? '.', target) };
  }
  return { kind: 'folder', folder: folder === undefined ? '.' : folder };
}

/** `folder` is `dest` or lies in it. */
const within = (dest: string, folder: string) => folder === dest || folder.startsWith(dest === '/' ? '/' : `${dest}/`);

/** The commands of a RUN's script and of the shell strings it runs (`sh -c '…'`), each with the folder it runs in; a string that does not parse, as text. */
function commandsWithFolders(script: ShellScript, start: string | null): { readonly commands: { c: SimpleCommand; folder: string | null }[]; readonly unread: string[] } {
  const commands: { c: SimpleCommand; folder: string | null }[] = [];
  const unread: string[] = [];
  for (const c of script.commands) {
    const folder = pathIn(start, folderMove(script, c), '.');
    commands.push({ c, folder });
    for (const string of nestedShellStrings(c)) {
      if (!string.parsed.ok) unread.push(string.text);
      // A string's own `cd`s are followed from the folder of the command that runs its shell (a string nested deeper
      // starts there too, not after the `cd`s of the one around it: a folder missed there only keeps .git).
      else for (const inner of string.parsed.commands) commands.push({ c: inner, folder: pathIn(folder, folderMove(string.parsed, inner), '.') });
    }
  }
  return { commands, unread };
}

/**
 * Why a RUN may read the repository: a reader runs in a folder the copy filled or one not known, a script of the
 * context it runs there runs git or cannot be read, or its commands cannot be read and its text names a
 * version-control program. `copy`: the copy of the whole context before it, and whether the copied files lie
 * where it put them; null for a RUN that bind-mounts the context, where any folder may hold it.
 */
function runReadsRepository(ctx: BuildContext, at: Place, copy: { readonly sender: Sender; readonly inPlace: boolean } | null): string | null {
  const { file, inst } = at;
  const sender = copy?.sender ?? null;
  const inPlace = copy?.inPlace ?? false;
  const body = runBody(file, inst);
  if (!body.ok) return VCS_WORD.test(file.text.slice(inst.span.start, inst.span.end)) ? `${where(at)} may run a version-control program, in a RUN dockshift cannot read (${body.reason})` : null;
  const dest = sender === null || !inPlace ? null : (copySteps(file, sender.stage).find((s) => s.inst === sender.inst)?.dest ?? null);
  const { commands, unread } = commandsWithFolders(body.parsed, workdirAt(file, inst));
  if (unread.some((t) => VCS_WORD.test(t))) return `${where(at)} may run a version-control program, in a shell string dockshift cannot read`;
  const clones: string[] = [];
  for (const { c, folder } of commands) {
    const shown = `\`${c.words.map((w) => w.raw).join(' ').slice(0, 60)}\``;
    const script = scriptOf(ctx, file, inst, c, folder, dest);
    if (script !== null) return `${where(at)} runs ${script}`;
    const run = readerRun(c) ?? goStampRun(ctx, c);
    if (run === null) continue;
    const reads = readsOf(run);
    if (reads.kind === 'none') continue;
    if (reads.kind === 'clone') {
      const into = reads.into === null ? null : pathIn(folder, STAYS, reads.into);
      if (into !== null) clones.push(into);
      continue;
    }
    const there = reads.folder === null ? null : pathIn(folder, STAYS, reads.folder);
    if (there !== null && clones.some((d) => within(d, there))) continue;
    if (sender === null || !inPlace) return `${where(at)} runs ${shown} where the copied context may be (${run.reader.reads})`;
    if (dest === null) return `${where(at)} runs ${shown}, and where ${where(sender)} copies the context is only known at build time (${run.reader.reads})`;
    if (there === null) return `${where(at)} runs ${shown} in a folder dockshift cannot tell, maybe the one ${where(sender)} fills from the context (${run.reader.reads})`;
    if (within(dest, there)) return `${where(at)} runs ${shown} in ${there}, which ${where(sender)} fills from the context (${run.reader.reads})`;
  }
  return null;
}

/**
 * A script of the context a command runs by its path (`./version.sh`, `./manage.py`), where the copy put it, that runs
 * git or cannot be read: `tools/stamp.sh, which runs git (…)`; else null.
 */
function scriptOf(ctx: BuildContext, file: ParsedDockerfile, inst: Instruction, c: SimpleCommand, folder: string | null, dest: string | null): string | null {
  const program = invokedProgram(c)?.path ?? null;
  if (program === null || !program.includes('/') || dest === null) return null;
  const absolute = pathIn(folder, STAYS, program);
  if (absolute === null || !within(dest, absolute)) return null;
  const rel = runProgramContextPath(file, inst, ctx, absolute);
  if (rel === null) return null;
  const text = ctx.read(rel);
  if (text === null) return `${rel}, which dockshift cannot read, so it may run git`;
  const line = gitLine(text);
  return line === null ? null : `${rel}, which runs git (\`${line}\`)`;
}

/**
 * A RUN of `file` runs one of `programs` (make, gmake), in its script or a shell string it runs: not a package of
 * that name installed (`apk add make`). A RUN whose commands cannot be read counts when its text names one.
 */
export function runsProgram(file: ParsedDockerfile, inst: Instruction, programs: readonly string[]): boolean {
  const body = runBody(file, inst);
  const named = new RegExp(`\\b(?:${programs.join('|')})\\b`);
  if (!body.ok) return named.test(file.text.slice(inst.span.start, inst.span.end));
  const runs = (c: SimpleCommand) => programs.includes(invokedProgram(c)?.name ?? '');
  return body.parsed.commands.some((c) => runs(c) || [...nestedShellStrings(c)].some((string) => (string.parsed.ok ? string.parsed.commands.some(runs) : named.test(string.text))));
}
