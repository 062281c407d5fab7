import type { Instruction, ParsedDockerfile } from '../dockerfile/types.js';
import type { TransformMeta } from './types.js';

/**
 * Comments that ask dockshift to leave code alone, in the comment block right
 * above an instruction (or anywhere, for the file form):
 *   # dockshift-ignore                      every transform, this instruction
 *   # dockshift-ignore collapse-run, exec-form
 *   # dockshift-ignore-file [names]         the whole file
 *   # hadolint ignore=DL3059,DL3025         transforms that address those rules
 * Honouring hadolint's pragma means a split someone already defended to the
 * linter is not undone by the codemod.
 */
export interface Pragma {
  /** null: every transform. */
  readonly transforms: ReadonlySet<string> | null;
  readonly rules: ReadonlySet<string>;
  readonly line: number;
}

interface FilePragmas {
  readonly byInstruction: ReadonlyMap<number, readonly Pragma[]>;
  readonly file: readonly Pragma[];
}

const cache = new WeakMap<ParsedDockerfile, FilePragmas>();

function parsePragma(text: string, line: number): { scope: 'next' | 'file'; pragma: Pragma } | null {
  const own = /^dockshift-ignore(-file)?(?:\s*[:=]?\s*(.*))?$/.exec(text.trim());
  if (own) {
    const names = (own[2] ?? '').split(/[\s,]+/).filter(Boolean);
    return { scope: own[1] ? 'file' : 'next', pragma: { transforms: names.length ? new Set(names) : null, rules: new Set(), line } };
  }
  const hadolint = /^hadolint\s+ignore=([\w,\s]+)$/.exec(text.trim());
  if (hadolint) {
    const rules = hadolint[1]!.split(/[\s,]+/).filter(Boolean);
    return { scope: 'next', pragma: { transforms: new Set(), rules: new Set(rules), line } };
  }
  return null;
}

function pragmasOf(file: ParsedDockerfile): FilePragmas {
  const cached = cache.get(file);
  if (cached) return cached;
  const byLine = new Map<number, { scope: 'next' | 'file'; pragma: Pragma }>();
  const commentLines = new Set<number>();
  const fileLevel: Pragma[] = [];
  for (const c of file.comments) {
    commentLines.add(c.line);
    const p = parsePragma(c.text, c.line);
    if (p === null) continue;
    if (p.scope === 'file') fileLevel.push(p.pragma);
    else byLine.set(c.line, p);
  }
  const byInstruction = new Map<number, Pragma[]>();
  for (const inst of file.instructions) {
    const found: Pragma[] = [];
    for (let line = inst.line - 1; line >= 1 && commentLines.has(line); line--) {
      const p = byLine.get(line);
      if (p) found.push(p.pragma);
    }
    if (found.length) byInstruction.set(inst.index, found);
  }
  const result = { byInstruction, file: fileLevel };
  cache.set(file, result);
  return result;
}

function matches(p: Pragma, meta: TransformMeta<any>): boolean {
  if (p.transforms === null) return true;
  return p.transforms.has(meta.name) || meta.hadolint.some((r) => p.rules.has(r));
}

/** The pragma that keeps `meta`'s transform off this instruction (or the whole file), if any. */
export function ignoringPragma(file: ParsedDockerfile, inst: Instruction, meta: TransformMeta<any>): Pragma | null {
  const { byInstruction, file: fileLevel } = pragmasOf(file);
  return fileLevel.find((p) => matches(p, meta)) ?? byInstruction.get(inst.index)?.find((p) => matches(p, meta)) ?? null;
}

export function isIgnored(file: ParsedDockerfile, inst: Instruction, meta: TransformMeta<any>): boolean {
  return ignoringPragma(file, inst, meta) !== null;
}

/** True when a file-level pragma switches the transform off. */
export function isIgnoredInFile(file: ParsedDockerfile, meta: TransformMeta<any>): boolean {
  return pragmasOf(file).file.some((p) => matches(p, meta));
}
