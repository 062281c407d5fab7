/**
 * Where the files of a stage come from: the folder each instruction runs in, and
 * which build-context file a COPY or ADD put at a path of the image. Transforms
 * use it to read what a stage will run (an entrypoint script) and to know what a
 * stage holds that came from the sources (templates next to a binary).
 */
import * as path from 'node:path';
import type { BuildContext } from '../engine/context.js';
import { contextPath } from '../engine/context.js';
import { logicalText } from '../dockerfile/logical.js';
import { stageLineage } from '../dockerfile/stages.js';
import type { Instruction, ParsedDockerfile, Stage } from '../dockerfile/types.js';
import { variablesAt } from '../dockerfile/variables.js';
import { expandWord } from '../dockerfile/words.js';

/** The working folder `inst` runs in: the last WORKDIR before it in its stage and the stages it builds on; `/` by default. */
export function workdirAt(file: ParsedDockerfile, inst: Instruction): string | null {
  const stage = file.stages[inst.stage];
  if (stage === undefined) return '/';
  let dir = '/';
  for (const s of stageLineage(file, stage).reverse()) {
    for (const i of s.instructions) {
      if (s === stage && i.index >= inst.index) break;
      if (i.keyword !== 'WORKDIR' || i.argsSpan === null) continue;
      const word = logicalText(file.text, i.argsSpan.start, i.argsSpan.end, file.escape).text.trim();
      const value = expandWord(word, lookup(file, i), file.escape).value;
      if (value === null) return null;
      dir = path.posix.resolve(dir, value);
    }
  }
  return dir;
}

/** The working folder at the end of a stage: where its CMD runs. */
export function workdirOf(file: ParsedDockerfile, stage: Stage): string | null {
  const last = stage.instructions.at(-1) ?? stage.from;
  const dir = workdirAt(file, last);
  if (last.keyword !== 'WORKDIR' || last.argsSpan === null || dir === null) return dir;
  const word = logicalText(file.text, last.argsSpan.start, last.argsSpan.end, file.escape).text.trim();
  const value = expandWord(word, lookup(file, last), file.escape).value;
  return value === null ? null : path.posix.resolve(dir, value);
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

/** The COPY and ADD instructions of a stage, in order. */
export function copySteps(file: ParsedDockerfile, stage: Stage): CopyStep[] {
  const out: CopyStep[] = [];
  for (const inst of stage.instructions) {
    if (inst.keyword !== 'COPY' && inst.keyword !== 'ADD') continue;
    const words = argumentWords(file, inst);
    if (words.length < 2) continue;
    const values = lookup(file, inst);
    const expand = (w: string) => expandWord(w, values, file.escape).value;
    const destWord = words.at(-1)!;
    const destValue = expand(destWord);
    const workdir = workdirAt(file, inst);
    const dest = destValue === null || workdir === null ? null : path.posix.resolve(workdir, destValue);
    const flag = (name: string) => inst.flags.find((f) => f.name.toLowerCase() === name)?.value ?? null;
    out.push({
      inst,
      from: flag('from'),
      chown: flag('chown'),
      sources: words.slice(0, -1).map(expand),
      dest,
      destIsDir: destValue !== null && (destValue.endsWith('/') || words.length > 2),
    });
  }
  return out;
}

/** Shell form splits at blanks (BuildKit ignores quotes there); exec form is the JSON array. Heredoc lines are not arguments. */
function argumentWords(file: ParsedDockerfile, inst: Instruction): string[] {
  if (inst.form === 'exec') return [...(inst.execArgs ?? [])];
  if (inst.argsSpan === null) return [];
  let end = inst.argsSpan.end;
  if (inst.form === 'heredoc') {
    const lineEnd = file.text.indexOf('\n', inst.argsSpan.start);
    if (lineEnd !== -1 && lineEnd < end) end = file.text[lineEnd - 1] === '\r' ? lineEnd - 1 : lineEnd;
  }
  return logicalText(file.text, inst.argsSpan.start, end, file.escape)
    .text.split(/[\t\v\f\r\n ]+/)
    .filter((w) => w !== '' && !/^<<-?["']?[A-Za-z_]/.test(w));
}

/** Where an image path came from. */
export type Origin =
  /** A file of the build context, at `path` (context-relative). */
  | { readonly kind: 'context'; readonly path: string; readonly inst: Instruction }
  /** Copied by an instruction whose source cannot be followed: another stage or image, a URL, a variable, a missing file. */
  | { readonly kind: 'unknown'; readonly inst: Instruction; readonly why: string }
  /** No COPY or ADD of the stage (or what it builds on) put anything there. */
  | { readonly kind: 'not-copied' };

/**
 * Which context file ends up at `imagePath` in `stage` (absolute path). The last
 * COPY or ADD that writes there wins. Without a build context nothing can be followed.
 */
export function originOf(file: ParsedDockerfile, stage: Stage, ctx: BuildContext | null, imagePath: string): Origin {
  const target = path.posix.normalize(imagePath);
  const steps = stageLineage(file, stage)
    .reverse()
    .flatMap((s) => copySteps(file, s));
  for (let i = steps.length - 1; i >= 0; i--) {
    const found = matchStep(steps[i]!, ctx, target);
    if (found !== null) return found;
  }
  return { kind: 'not-copied' };
}

function matchStep(step: CopyStep, ctx: BuildContext | null, target: string): Origin | null {
  const { inst, dest } = step;
  if (dest === null) return { kind: 'unknown', inst, why: 'its destination is only known at build time' };
  const under = target === dest ? '' : target.startsWith(dest === '/' ? '/' : `${dest}/`) ? target.slice(dest === '/' ? 1 : dest.length + 1) : null;
  if (under === null) return null;
  for (const source of step.sources) {
    if (step.from !== null) return { kind: 'unknown', inst, why: `it copies from ${step.from}` };
    if (source === null) return { kind: 'unknown', inst, why: 'a source is only known at build time' };
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(source) || source.startsWith('git@')) return { kind: 'unknown', inst, why: `it fetches ${source}` };
    const rel = contextPath(source);
    if (rel === null) continue;
    if (/[*?[]/.test(rel)) {
      const hit = wildcardHit(ctx, rel, under, step.destIsDir || step.sources.length > 1);
      if (hit !== null) return hit === 'unknown' ? { kind: 'unknown', inst, why: `the build context does not say what ${source} matches` } : { kind: 'context', path: hit, inst };
      continue;
    }
    if (ctx === null) return { kind: 'unknown', inst, why: 'there is no build context to read' };
    const kind = ctx.kind(rel);
    if (kind === null) {
      // Missing from the context: the path would be a match if the source were there.
      if (under === '' || under === path.posix.basename(rel)) return { kind: 'unknown', inst, why: `${source} is not in the build context` };
      continue;
    }
    if (kind === 'dir') {
      const inside = under === '' ? rel : rel === '.' ? under : `${rel}/${under}`;
      if (ctx.kind(inside) === 'file') return { kind: 'context', path: inside, inst };
      continue;
    }
    // A file lands at the destination itself, or inside it when the destination is (or already was) a folder.
    if ((under === '' && !step.destIsDir) || under === path.posix.basename(rel)) return { kind: 'context', path: rel, inst };
  }
  return null;
}

/** A wildcard source (`*.sh`) that puts a context file at `under`; 'unknown' when the context cannot say. */
function wildcardHit(ctx: BuildContext | null, pattern: string, under: string, intoDir: boolean): string | 'unknown' | null {
  if (ctx === null) return 'unknown';
  const dir = path.posix.dirname(pattern);
  if (/[*?[]/.test(dir)) return 'unknown';
  const entries = ctx.list(dir);
  if (entries === null) return null;
  const re = globRegExp(path.posix.basename(pattern));
  for (const e of entries) {
    const name = path.posix.basename(e.path);
    if (!re.test(name)) continue;
    if (e.kind === 'file' && (under === name || (!intoDir && under === ''))) return e.path;
    if (e.kind === 'dir' && ctx.kind(`${e.path}/${under}`) === 'file') return `${e.path}/${under}`;
  }
  return null;
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
