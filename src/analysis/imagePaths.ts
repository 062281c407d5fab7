/**
 * Paths inside the image a stage builds: the working directory an instruction
 * runs in, absolute forms of relative paths, and which build-context file a
 * COPY or ADD put at a path (so a script the container runs can be read).
 */
import * as path from 'node:path';
import { contextRelative, copyArguments, isPattern, matchInContext, sourceKind } from '../dockerfile/copySources.js';
import { logicalText } from '../dockerfile/logical.js';
import { stageLineage } from '../dockerfile/stages.js';
import type { Instruction, ParsedDockerfile, Stage } from '../dockerfile/types.js';
import { variablesAt } from '../dockerfile/variables.js';
import { expandWord } from '../dockerfile/words.js';
import type { BuildContext } from '../engine/context.js';

/**
 * The working directory `inst` runs in: the WORKDIRs of its stage lineage before it.
 * `inherited` when no WORKDIR sets it (the base image's, not recorded); `unknown`
 * when a WORKDIR's value is only known at build time.
 */
export type Workdir = { readonly kind: 'known'; readonly dir: string } | { readonly kind: 'inherited' } | { readonly kind: 'unknown' };

export function workdirAt(file: ParsedDockerfile, inst: Instruction): Workdir {
  const stage = file.stages[inst.stage];
  return stage === undefined ? { kind: 'inherited' } : workdirBefore(file, stage, inst.index);
}

/** The working directory at the end of a stage: the one its container runs in. */
export function workdirAtEnd(file: ParsedDockerfile, stage: Stage): Workdir {
  return workdirBefore(file, stage, Number.POSITIVE_INFINITY);
}

function workdirBefore(file: ParsedDockerfile, stage: Stage, index: number): Workdir {
  let dir: Workdir = { kind: 'inherited' };
  for (const s of stageLineage(file, stage).reverse()) {
    for (const i of s.instructions) {
      if (s === stage && i.index >= index) break;
      if (i.keyword !== 'WORKDIR' || i.argsSpan === null) continue;
      const raw = logicalText(file.text, i.argsSpan.start, i.argsSpan.end, file.escape).text.trim();
      const lookup = variablesAt(file, i);
      const value = expandWord(raw, (name) => {
        const v = lookup.get(name);
        return v === undefined ? undefined : v.value;
      }, file.escape).value;
      if (value === null) dir = { kind: 'unknown' };
      else if (value.startsWith('/')) dir = { kind: 'known', dir: path.posix.normalize(value) };
      else dir = dir.kind === 'known' ? { kind: 'known', dir: path.posix.join(dir.dir, value) } : dir.kind === 'inherited' ? { kind: 'unknown' } : dir;
    }
  }
  return dir;
}

/** A path as the instruction at `workdir` reaches it: absolute, or null when it is relative to a directory not known. */
export function absolutePath(p: string, workdir: Workdir): string | null {
  if (p.startsWith('/')) return normalise(p);
  return workdir.kind === 'known' ? normalise(path.posix.join(workdir.dir, p)) : null;
}

function normalise(p: string): string {
  const n = path.posix.normalize(p);
  return n.length > 1 ? n.replace(/\/+$/, '') : n;
}

/** The folders a bare program name is looked up in: the PATH of the official images. */
export const DEFAULT_PATH = ['/usr/local/sbin', '/usr/local/bin', '/usr/sbin', '/usr/bin', '/sbin', '/bin'] as const;

/**
 * The build-context file that the stage's COPY and ADD instructions (its own and
 * those of the stages it builds on) last put at `imagePath`, or null when none
 * did, or one whose source or destination is only known at build time might have.
 */
export function contextSourceOf(file: ParsedDockerfile, stage: Stage, imagePath: string, ctx: BuildContext): string | null {
  const copies = stageLineage(file, stage)
    .reverse()
    .flatMap((s) => s.instructions.filter((i) => i.keyword === 'COPY' || i.keyword === 'ADD'));
  for (const inst of copies.reverse()) {
    const from = inst.flags.find((f) => f.name.toLowerCase() === 'from');
    const args = copyArguments(file, inst);
    if (args === null) continue;
    const dest = absolutePath(args.dest, workdirAt(file, inst));
    if (dest === null || args.dest.includes('$')) {
      // Unknown destination: it may have written the path, so nothing older counts.
      return null;
    }
    const covers = dest === imagePath || imagePath.startsWith(dest === '/' ? '/' : `${dest}/`);
    // Files from another stage or image are not in the build context.
    if (from !== undefined) {
      if (covers) return null;
      continue;
    }
    const intoFolder = args.dest.endsWith('/') || args.sources.length > 1;
    for (const source of args.sources) {
      if (source.heredoc) continue;
      if (source.value === null) {
        if (covers) return null;
        continue;
      }
      if (sourceKind(source.value) !== 'local') continue;
      const hit = candidate(source.value, dest, intoFolder, imagePath, ctx);
      if (hit !== 'elsewhere') return hit;
    }
  }
  return null;
}

/** The context path a COPY source puts at `imagePath`, null when it may but cannot be read, `elsewhere` when it does not. */
function candidate(source: string, dest: string, intoFolder: boolean, imagePath: string, ctx: BuildContext): string | null | 'elsewhere' {
  const sources = isPattern(source) ? matchInContext(ctx, source) : [contextRelative(source)];
  if (sources === null) return null;
  for (const rel of sources) {
    const kind = ctx.kind(rel);
    if (kind === 'dir') {
      // A folder's contents go into the destination.
      const prefix = dest === '/' ? '/' : `${dest}/`;
      if (imagePath.startsWith(prefix)) {
        const inner = imagePath.slice(prefix.length);
        const found = rel === '.' ? inner : `${rel}/${inner}`;
        if (ctx.kind(found) === 'file') return found;
      }
      continue;
    }
    const target = intoFolder || isPattern(source) ? path.posix.join(dest, path.posix.basename(rel)) : dest;
    if (target === imagePath || (!intoFolder && path.posix.join(dest, path.posix.basename(rel)) === imagePath)) return kind === 'file' ? rel : null;
  }
  return 'elsewhere';
}
