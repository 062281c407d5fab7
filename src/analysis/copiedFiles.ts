/**
 * Where the files of a stage come from: the folder each instruction runs in, and
 * which build-context file a COPY or ADD put at a path of the image. Transforms
 * use it to read what a stage will run (an entrypoint script) and to know what a
 * stage holds that came from the sources (templates next to a binary).
 */
import * as path from 'node:path';
import type { BuildContext } from '../engine/context.js';
import { contextPath } from '../engine/context.js';
import { PerStage, stageLineage } from '../dockerfile/stages.js';
import { resolveStage } from '../dockerfile/graph.js';
import type { Instruction, ParsedDockerfile, Stage } from '../dockerfile/types.js';
import type { SimpleCommand } from '../shell/types.js';
import { variablesAt } from '../dockerfile/variables.js';
import { expandWord } from '../dockerfile/words.js';
import { DEFAULT_PATH, fileCopies, findCommands, resolveIn, type Located } from './builds/plan.js';
import { runScripts } from './runScripts.js';
import { replacingRun } from './unnamedWrites.js';
import { FileMemo } from '../memo.js';
import { absolutePath, compiledFiles, copyArgs, folderSourceHolding, guessedFolderSource, originAtEnd, originOf, workdirAt, workdirAtEnd, type PathOrigin } from './paths.js';

/** The working folder at the end of a stage: where its CMD runs; null when it depends on a variable. */
export function workdirOf(file: ParsedDockerfile, stage: Stage): string | null {
  return workdirAtEnd(file, stage);
}

/**
 * Values of ARG and ENV at `inst`. Unknown ones are null: an ARG without a default, the
 * automatic platform args, and variables the Dockerfile does not set (the base image's ENV may).
 */
function lookup(file: ParsedDockerfile, inst: Instruction): (name: string) => string | null {
  const vars = variablesAt(file, inst);
  return (name) => vars.get(name)?.value ?? null;
}

/** One COPY or ADD, read as BuildKit reads its words. */
export interface CopyStep {
  readonly inst: Instruction;
  /** `--from=…` (a stage or an image): its sources are not in the build context. */
  readonly from: string | null;
  readonly chown: string | null;
  /** Source words after variable expansion; null entries are only known at build time. */
  readonly sources: readonly (string | null)[];
  /** The destination as an absolute path; null when it is only known at build time. */
  readonly dest: string | null;
  /** The destination is a folder: it ends in `/`, or there are several sources. */
  readonly destIsDir: boolean;
}

/**
 * The COPY and ADD instructions of a stage, in order; their words as paths.ts's copyArgs reads them.
 * Once per stage of a parsed file: a score of checks ask, and a destination under a chain of relative
 * WORKDIRs is a path as long as the chain.
 */
export function copySteps(file: ParsedDockerfile, stage: Stage): readonly CopyStep[] {
  return stepsOf.of(file, stage);
}

const stepsOf = new PerStage(readCopySteps);

function readCopySteps(file: ParsedDockerfile, stage: Stage): readonly CopyStep[] {
  const out: CopyStep[] = [];
  for (const inst of stage.instructions) {
    if (inst.keyword !== 'COPY' && inst.keyword !== 'ADD') continue;
    const flag = (name: string) => inst.flags.find((f) => f.name.toLowerCase() === name)?.value ?? null;
    const args = copyArgs(file, inst);
    if (typeof args === 'string') {
      // A heredoc, or words dockshift does not follow: where it writes is unknown.
      out.push({ inst, from: flag('from'), chown: flag('chown'), sources: [null], dest: null, destIsDir: false });
      continue;
    }
    const values = lookup(file, inst);
    const expand = (w: string) => expandWord(w, values, file.escape).value;
    const destValue = expand(args.dest);
    const workdir = workdirAt(file, inst);
    const dest = destValue === null || workdir === null ? null : path.posix.resolve(workdir, destValue);
    out.push({
      inst,
      from: flag('from'),
      chown: flag('chown'),
      sources: args.sources.map(expand),
      dest,
      destIsDir: destValue !== null && (destValue.endsWith('/') || args.sources.length > 1),
    });
  }
  return out;
}

/** How many `COPY --from` a file is followed through back to the build context. */
const MAX_STAGE_HOPS = 4;

/**
 * `COPY --from=build /app ./`: the file the build stage copied in from the context, when one did.
 * What a RUN of that stage made, or its image holds, stays the stage's.
 */
function throughStages(file: ParsedDockerfile, origin: PathOrigin, ctx: BuildContext | null): PathOrigin {
  let at = origin;
  for (let hops = 0; at.kind === 'stage' && at.stage !== null && hops < MAX_STAGE_HOPS; hops++) {
    const before = originAtEnd(file, file.stages[at.stage]!, path.posix.join('/', at.path), ctx);
    if (before === null) break;
    at = before;
  }
  return at;
}

/** What a stage's image holds at a path, as far as the build context can say. */
export type ContextFile =
  /** A file of the build context, at `path` (context-relative), that is there to read. */
  | { readonly kind: 'context'; readonly path: string; readonly inst: Instruction }
  /**
   * Copied by an instruction whose source cannot be read: another stage or image, a URL, a
   * variable, a missing file, no context. `why` names that instruction and its line. `compiled`:
   * what a compiler of another stage wrote (`go build -o /out/server`), a program rather than a script. `missing`:
   * the file the COPY copies is not in the build context, so the build fails there whatever a RUN does after it.
   */
  | { readonly kind: 'unknown'; readonly inst: Instruction; readonly why: string; readonly compiled?: true; readonly missing?: true }
  /** Written from a heredoc of the Dockerfile (\`COPY <<EOF /app/run.sh\`), whose text is known. */
  | { readonly kind: 'inline'; readonly text: string; readonly inst: Instruction }
  /** No COPY or ADD of the stage (or what it builds on) put anything there. */
  | { readonly kind: 'not-copied' };

/**
 * Which build-context file is at `imagePath` (absolute) in the image `stage` makes,
 * read with paths.ts's originAtEnd; a file the context does not hold, or no context
 * at all, is unknown rather than assumed harmless. `started`: the file is a script the
 * container runs, which a RUN after its COPY may also have replaced without naming it
 * as it writes (see writtenAfter); a COPY of a file the context lacks is said first.
 */
export function contextFileAt(file: ParsedDockerfile, stage: Stage, ctx: BuildContext | null, imagePath: string, started = false): ContextFile {
  const copied = originAtEnd(file, stage, path.posix.normalize(imagePath), ctx);
  if (copied === null) return { kind: 'not-copied' };
  // A file the build context lacks is unread for certain, before what a later RUN may write over it.
  const found = readFrom(file, stage, ctx, imagePath, copied);
  if (found.kind === 'unknown' && found.missing === true) return found;
  const rewritten = writtenAfter(file, stage, copied.inst, path.posix.normalize(imagePath), started);
  if (rewritten !== null) {
    return { kind: 'unknown', inst: rewritten.inst, why: `the RUN on line ${rewritten.inst.line}${rewritten.writes.startsWith(',') ? '' : ' '}${rewritten.writes} over what the ${copied.inst.keyword} on line ${copied.inst.line} put there` };
  }
  if (found.kind !== 'unknown' || copied.kind !== 'stage') return found;
  // `COPY --from=build /app/target/release/app .`: the path is only there if that source is a folder, which the reason says.
  const folder = guessedFolderSource(file, copied);
  if (folder === null) return coveredFolder(file, copied, found, imagePath, ctx) ?? found;
  const there = found.inst === copied.inst ? '' : `; there, ${found.why}`;
  return { kind: 'unknown', inst: copied.inst, why: `${copied.inst.keyword} on line ${copied.inst.line} copies ${folder} from ${copied.image}, which may be a folder holding ${path.posix.basename(imagePath)}${there}` };
}

/**
 * The last RUN of the stage (or a stage it builds on) after \`after\` that writes \`imagePath\`, and how, as a reason
 * says it (\`writes it (…)\`): an output redirection (\`cat > /app/start.sh <<EOF\`, \`>>\`, \`2>\`, not a copy of a
 * descriptor such as \`2>&1\`), \`tee\`, or a \`cp\`, \`mv\`, \`install\` or \`ln\` that lands there. What the COPY put
 * there is then not what the image holds. With \`started\` (a start script, whose every word matters), also one
 * replacingRun finds: not read, editing it in place, or writing files its words do not name (\`cp -r /tmpl/. .\`).
 * Null when no RUN does, as far as its words can be read.
 */
function writtenAfter(file: ParsedDockerfile, stage: Stage, after: Instruction, imagePath: string, started = false): { inst: Instruction; writes: string } | null {
  // Nearest first: the stage of the COPY and those built on it, down to this one, run after it.
  const lineage = stageLineage(file, stage);
  const from = lineage.findIndex((s) => s.index === after.stage);
  const later = (i: Instruction) => i.stage !== after.stage || i.index > after.index;
  const counts = (w: RunWrite) => w.path === imagePath && later(w.inst);
  let found: { inst: Instruction; writes: string } | null = null;
  for (const s of (from < 0 ? lineage : lineage.slice(0, from + 1)).reverse()) {
    const { written, copied } = stageWrites(file, s);
    let last: RunWrite | null = null;
    for (const w of written) if (counts(w)) last = w;
    for (const w of copied) if (counts(w)) last = w;
    let named = last === null ? null : { inst: last.inst, writes: `writes it (\`${last.how}\`)` };
    if (started) {
      for (const i of s.instructions) {
        if (i.keyword !== 'RUN' || !later(i) || (named !== null && i.index <= named.inst.index)) continue;
        const writes = replacingRun(file, i, imagePath);
        if (writes !== null) named = { inst: i, writes };
      }
    }
    if (named !== null) found = named;
  }
  return found;
}

/** A path a RUN writes, resolved, with the command that writes it as a reason quotes it. */
interface RunWrite {
  readonly inst: Instruction;
  readonly path: string;
  readonly how: string;
}

/** What a stage's RUNs write: by an output redirection or tee, and by cp, mv, install or ln, each in order. */
interface StageWrites {
  readonly written: readonly RunWrite[];
  readonly copied: readonly RunWrite[];
}

const writesByFile = new FileMemo<(StageWrites | undefined)[]>();

/** The stage's writes, read once per parsed file and stage: asked for every copied file a check reads. */
function stageWrites(file: ParsedDockerfile, stage: Stage): StageWrites {
  let perStage = writesByFile.get(file);
  if (perStage === undefined) writesByFile.set(file, (perStage = []));
  return (perStage[stage.index] ??= readStageWrites(file, stage));
}

function readStageWrites(file: ParsedDockerfile, stage: Stage): StageWrites {
  const scripts = runScripts(file, stage);
  // Its first line (a heredoc's text follows it), shortened as a reason quotes a command.
  const text = (c: Located) => {
    const line = c.run.text.slice(c.command.start, c.command.end).split('\n')[0]!.trim();
    return line.length > 60 ? `${line.slice(0, 59)}…` : line;
  };
  const written: RunWrite[] = [];
  const add = (c: Located, p: string | null) => {
    if (p !== null) written.push({ inst: c.run.inst, path: p, how: text(c) });
  };
  for (const c of findCommands(file, scripts, () => true)) {
    for (const r of c.command.redirects) if (/>/.test(r.op) && !r.op.endsWith('&')) add(c, resolveIn(c.cwd, r.target?.value));
    if (c.words[0]?.value === 'tee') for (const w of c.words.slice(1)) if (!(w.value ?? '-').startsWith('-')) add(c, resolveIn(c.cwd, w.value));
  }
  const copied = fileCopies(file, scripts).flatMap(({ located, copies }) => (copies ?? []).map((c) => ({ inst: located.run.inst, path: c.to, how: text(located) })));
  return { written, copied };
}

/**
 * \`COPY start.sh /app/\` then \`COPY --from=build /app /app\`: the folder copied over holds the path only if the
 * stage made one there (a RUN, its image), which is not known; else the earlier COPY's file stays. The reason
 * says both, not that the later COPY copies it. Null when nothing put the path there before, or the COPY names it.
 */
function coveredFolder(file: ParsedDockerfile, copied: Extract<PathOrigin, { kind: 'stage' }>, found: ContextFile, imagePath: string, ctx: BuildContext | null): ContextFile | null {
  // Followed to a COPY of the source stage, the reason names that one.
  if (found.kind !== 'unknown' || found.inst !== copied.inst) return null;
  const folder = folderSourceHolding(file, copied);
  if (folder === null) return null;
  const earlier = originOf(file, copied.inst, path.posix.normalize(imagePath), ctx);
  if (earlier === null) return null;
  const by = `${copied.inst.keyword} on line ${copied.inst.line}`;
  const under = path.posix.relative(folder, path.posix.join('/', copied.path));
  return { kind: 'unknown', inst: copied.inst, why: `${by} copies ${folder} from ${copied.image}, whose ${under}, if it has one, replaces the one ${earlier.inst.keyword} on line ${earlier.inst.line} puts there` };
}

function readFrom(file: ParsedDockerfile, stage: Stage, ctx: BuildContext | null, imagePath: string, copied: PathOrigin): ContextFile {
  // What the stage's compiler wrote (`go build -o entrypoint`), not the context file an earlier `COPY . .` put there.
  if (copied.kind === 'stage' && compiledFiles(file, copied.stage).has(path.posix.join('/', copied.path))) {
    return { kind: 'unknown', inst: copied.inst, why: `${copied.inst.keyword} on line ${copied.inst.line} copies it from ${copied.image}, whose compiler wrote it`, compiled: true };
  }
  const origin = throughStages(file, copied, ctx);
  const by = `${origin.inst.keyword} on line ${origin.inst.line}`;
  switch (origin.kind) {
    case 'unknown':
      // paths.ts names the instruction in its own words.
      return { kind: 'unknown', inst: origin.inst, why: origin.why };
    case 'stage':
      return { kind: 'unknown', inst: origin.inst, why: `${by} copies it from ${origin.image}` };
    case 'download':
      return { kind: 'unknown', inst: origin.inst, why: `${by} fetches it from ${origin.url}` };
    case 'inline':
      return origin.text === null ? { kind: 'unknown', inst: origin.inst, why: `${by} writes it from a heredoc whose variables are expanded when it builds` } : { kind: 'inline', text: origin.text, inst: origin.inst };
    case 'context':
      if (ctx === null) return { kind: 'unknown', inst: origin.inst, why: `${by} copies it, and there is no build context to read` };
      if (ctx.kind(origin.path) !== 'file') {
        // Copied straight from the context, not through a stage whose RUNs may have made it.
        const missing = copied.kind === 'context' ? { missing: true as const } : {};
        return { kind: 'unknown', inst: origin.inst, why: `${by} copies ${origin.path}, which is not in the build context`, ...missing };
      }
      return origin;
  }
}

/** What a COPY or ADD puts in a folder of the image, and the COPY that does (see folderFill). */
export type FolderFill =
  | { readonly kind: 'context'; readonly inst: Instruction; readonly folder: string }
  | { readonly kind: 'other'; readonly inst: Instruction };

/**
 * What a COPY or ADD after \`after\` (or any, for null) puts in the folder \`imagePath\` of the image \`stage\` makes, with
 * the COPY that does: a folder of the build context with an entry the build sends (\`COPY . /app\` with media/ in the
 * project: \`context\`, and that folder's path in the context), or what cannot be read as one (another image, no
 * context, a file of the context in its place: \`other\`). Null when no later copy puts anything there.
 */
export function folderFill(file: ParsedDockerfile, stage: Stage, ctx: BuildContext | null, imagePath: string, after: Instruction | null): FolderFill | null {
  const copied = originAtEnd(file, stage, path.posix.normalize(imagePath), ctx);
  if (copied === null || (after !== null && copied.inst.index < after.index)) return null;
  const origin = throughStages(file, copied, ctx);
  if (origin.kind !== 'context' || ctx === null) return { kind: 'other', inst: copied.inst };
  const kind = ctx.kind(origin.path);
  if (kind !== 'dir') return kind === null ? null : { kind: 'other', inst: copied.inst };
  return (ctx.list(origin.path) ?? []).some((e) => ctx.sends(e.path)) ? { kind: 'context', inst: copied.inst, folder: origin.path } : null;
}

/**
 * The build-context file a command's program is, through the COPY or ADD that put it in the
 * image `stage` makes: a path (relative ones from the stage's final working folder), or a bare
 * name looked up in the folders of the official images' PATH. Null when no COPY of the context
 * put a file there (a program of the image, a file from another stage) or there is no context.
 * `started`: the program is one the container runs at start, as contextFileAt's.
 */
export function programContextPath(file: ParsedDockerfile, stage: Stage, ctx: BuildContext | null, program: string, started = false): string | null {
  if (ctx === null) return null;
  for (const p of programPaths(file, stage, program)) {
    // A script another stage copied in from the context (`COPY --from=build /src/run.sh /run.sh`) is read there.
    const copied = originAtEnd(file, stage, p, ctx);
    // A RUN that writes the path after the COPY (\`cat > /start.sh\`) left another file there.
    if (copied !== null && writtenAfter(file, stage, copied.inst, p, started) !== null) return null;
    const origin = copied === null ? null : throughStages(file, copied, ctx);
    if (origin?.kind === 'context' && ctx.kind(origin.path) === 'file') return origin.path;
  }
  return null;
}

/**
 * As programContextPath, for a program a RUN runs: a relative path from the WORKDIR in force at
 * `inst`, through the COPY or ADD before it that put the file there (a later WORKDIR or COPY does
 * not change what that RUN ran).
 */
export function runProgramContextPath(file: ParsedDockerfile, inst: Instruction, ctx: BuildContext | null, program: string): string | null {
  if (ctx === null) return null;
  const paths = !program.includes('/') ? DEFAULT_PATH.map((d) => `${d}/${program}`) : [absolutePath(file, inst, program)].filter((p): p is string => p !== null);
  for (const p of paths) {
    const copied = originOf(file, inst, p, ctx);
    const origin = copied === null ? null : throughStages(file, copied, ctx);
    if (origin?.kind === 'context' && ctx.kind(origin.path) === 'file') return origin.path;
  }
  return null;
}

/**
 * The build-context file a RUN's command runs by its path (\`RUN /tmp/install-redis\`, \`RUN ./setup.sh\`),
 * as runProgramContextPath finds it, with its text; null for a program named without a path, one
 * no COPY of the context put there, or no context.
 *
 * With \`byName\`, also a program named without a path that a COPY put in a folder of the official images'
 * PATH (\`COPY clean-layer.sh /usr/bin/\` then \`RUN … && clean-layer.sh\`). The image may hold another
 * program of that name earlier on PATH: only for a reader that errs safely when it is not that file.
 */
export function runProgramFile(
  file: ParsedDockerfile,
  inst: Instruction,
  ctx: BuildContext | null,
  c: SimpleCommand,
  { byName = false }: { readonly byName?: boolean } = {},
): { readonly path: string; readonly text: string } | null {
  const word = c.words[0]?.value;
  if (ctx === null || word == null || (!byName && !word.includes('/'))) return null;
  const rel = runProgramContextPath(file, inst, ctx, word);
  const text = rel === null ? null : ctx.read(rel);
  return rel === null || text === null ? null : { path: rel, text };
}

/**
 * What the image holds where a command finds its program (as programContextPath looks): the first
 * path a COPY or ADD wrote, for saying why a script cannot be read (its source is another stage,
 * or a file the build context lacks). `started`: as contextFileAt's.
 */
export function programOrigin(file: ParsedDockerfile, stage: Stage, ctx: BuildContext | null, program: string, started = false): ContextFile {
  for (const p of programPaths(file, stage, program)) {
    const origin = contextFileAt(file, stage, ctx, p, started);
    if (origin.kind !== 'not-copied') return origin;
  }
  return { kind: 'not-copied' };
}

/** Where a command looks for its program: the path it names (from the final working folder), or the official images' PATH. */
function programPaths(file: ParsedDockerfile, stage: Stage, program: string): string[] {
  if (!program.includes('/')) return DEFAULT_PATH.map((d) => `${d}/${program}`);
  if (program.startsWith('/')) return [path.posix.normalize(program)];
  const workdir = workdirAtEnd(file, stage);
  return workdir === null ? [] : [path.posix.join(workdir, program)];
}

/** Go's filepath.Match as BuildKit uses it: `*`, `?` and `[…]` within one path element. */
export function globRegExp(pattern: string): RegExp {
  let re = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else if (c === '[') {
      const close = pattern.indexOf(']', i + 1);
      if (close === -1) re += '\\[';
      else {
        re += `[${pattern.slice(i + 1, close).replace(/^\^|^!/, '^').replace(/\\/g, '\\\\')}]`;
        i = close;
      }
    } else if (c === '\\' && i + 1 < pattern.length) re += `\\${pattern[++i]}`;
    else re += c.replace(/[.+^${}()|\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}

/**
 * The image paths a context entry is copied to in `stage` (and what it builds on):
 * `COPY . /app` puts `templates` at `/app/templates`. Empty when no COPY names it.
 */
export function imagePathsOf(file: ParsedDockerfile, stage: Stage, ctx: BuildContext, rel: string): string[] {
  const out: string[] = [];
  for (const step of stageLineage(file, stage).reverse().flatMap((s) => copySteps(file, s))) {
    if (step.from !== null || step.dest === null) continue;
    for (const source of step.sources) {
      const src = source === null ? null : contextPath(source);
      if (src === null) continue;
      const kind = ctx.kind(src);
      if (kind === 'dir' && (src === '.' || rel === src || rel.startsWith(`${src}/`))) {
        const inside = src === '.' ? rel : rel === src ? '' : rel.slice(src.length + 1);
        out.push(inside === '' ? step.dest : path.posix.join(step.dest, inside));
      } else if (kind === 'file' && src === rel) {
        out.push(step.destIsDir ? path.posix.join(step.dest, path.posix.basename(src)) : step.dest);
      }
    }
  }
  return [...new Set(out)];
}

/**
 * Where the COPYs of `stage` (and what it builds on) put a build-context file named `name`:
 * `COPY start.sh /tmp/` puts start.sh at /tmp/start.sh. For a program that is in the image, but
 * not where the command looks for it (a RUN moves or links it there).
 */
export function contextCopiesNamed(file: ParsedDockerfile, stage: Stage, ctx: BuildContext, name: string): { inst: Instruction; path: string }[] {
  const out: { inst: Instruction; path: string }[] = [];
  for (const step of stageLineage(file, stage).reverse().flatMap((s) => copySteps(file, s))) {
    if (step.from !== null || step.dest === null) continue;
    for (const source of step.sources) {
      const src = source === null ? null : contextPath(source);
      if (src === null || path.posix.basename(src) !== name || ctx.kind(src) !== 'file') continue;
      out.push({ inst: step.inst, path: step.destIsDir ? path.posix.join(step.dest, name) : step.dest });
    }
  }
  return out;
}

/**
 * Where the image `stage` makes holds the build-context folder `rel`: `COPY . /app` puts `db` at `/app/db`, and
 * `COPY --from=build /app ./` carries the build stage's copy on (up to MAX_STAGE_HOPS stages), each with the COPY of
 * `stage` that puts it there. Only paths whose last writer, followed back through the stages, is that folder.
 */
export function imageFoldersOf(file: ParsedDockerfile, stage: Stage, ctx: BuildContext, rel: string): { readonly path: string; readonly inst: Instruction }[] {
  const out: { path: string; inst: Instruction }[] = [];
  for (const p of candidatePaths(file, stage, ctx, rel, 0, new Map())) {
    const copied = originAtEnd(file, stage, p, ctx);
    if (copied === null) continue;
    const origin = throughStages(file, copied, ctx);
    if (origin.kind === 'context' && origin.path === rel) out.push({ path: p, inst: copied.inst });
  }
  return out;
}

/**
 * The paths where the COPYs of `stage` (and what it builds on) may put the context folder `rel`, through other stages too;
 * each stage worked out once (`seen`), however many COPYs of later stages name it.
 */
function candidatePaths(file: ParsedDockerfile, stage: Stage, ctx: BuildContext, rel: string, hops: number, seen: Map<number, string[]>): string[] {
  const known = seen.get(stage.index);
  if (known !== undefined) return known;
  // A Set: stages that each copy the folder from every earlier one would otherwise double the list at each.
  const out = new Set(imagePathsOf(file, stage, ctx, rel));
  if (hops >= MAX_STAGE_HOPS) return remember(seen, stage, out);
  for (const step of stageLineage(file, stage).flatMap((s) => copySteps(file, s))) {
    if (step.from === null || step.dest === null) continue;
    const from = resolveStage(file, step.from, step.inst.stage);
    if (from === null) continue;
    const inner = candidatePaths(file, file.stages[from]!, ctx, rel, hops + 1, seen);
    for (const source of step.sources) {
      if (source === null) continue;
      const src = path.posix.join('/', source).replace(/(.)\/+$/, '$1');
      for (const p of inner) {
        if (p === src || p.startsWith(src === '/' ? '/' : `${src}/`)) out.add(path.posix.join(step.dest, path.posix.relative(src, p)));
      }
    }
  }
  return remember(seen, stage, out);
}

function remember(seen: Map<number, string[]>, stage: Stage, paths: ReadonlySet<string>): string[] {
  const list = [...paths];
  seen.set(stage.index, list);
  return list;
}
