/**
 * The safety checker shared by the corpus sweep, the fuzz tests and the
 * benchmark: given a file and what dockshift made of it, list every way the
 * rewrite broke the file or lost data. An empty list means the rewrite is sound.
 *
 * What "sound" means here, rule by rule:
 * - reparse:      the output is a file BuildKit would parse (parseDockerfile + validate);
 * - stages:       same number of stages, same names, in the same order (unless a transform
 *                 that ran declares `touches.stages`), and a reference that named a stage
 *                 (`FROM`, `COPY --from`, `RUN --mount=from=`) still names one;
 * - instructions: instructions are aligned by text (longest common subsequence); an
 *                 instruction without a byte-identical partner must be of a keyword the
 *                 transforms that ran declare they may rewrite or remove (input side) or
 *                 rewrite or add (output side), and per stage the count of each keyword may
 *                 only grow if one declares `add`, only shrink if one declares `remove`;
 * - layout:       text between two untouched neighbouring instructions, before the first
 *                 and after the last instruction is byte-identical;
 * - comments:     every comment line of the input (trimmed, `#…`) is still in the output
 *                 as often as before; parser directives are unchanged;
 * - exec-json:    a rewritten CMD/ENTRYPOINT that looks like JSON (`["…`) really is exec form;
 * - shell:        every rewritten shell-form RUN/CMD/ENTRYPOINT body (its logical line) and
 *                 heredoc RUN passes `sh -n` (or `bash -n`), unless the instructions it
 *                 replaced did not pass either (a PowerShell stage, say);
 * - bom, eol, final-newline: the text facts are unchanged, and a file that used only one
 *                 line ending still uses only that one;
 * - idempotence:  a second run over the output proposes nothing.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { stageReferences } from '../../src/dockerfile/graph.js';
import { logicalText } from '../../src/dockerfile/logical.js';
import { parseDockerfile } from '../../src/dockerfile/parse.js';
import { textFacts } from '../../src/dockerfile/text.js';
import type { Instruction, ParsedDockerfile } from '../../src/dockerfile/types.js';
import { validate } from '../../src/dockerfile/validate.js';
import { runPipeline, type PipelineResult } from '../../src/engine/pipeline.js';
import { allTransforms, configure } from '../../src/engine/select.js';
import type { ConfiguredTransform, InstructionOp, Keyword } from '../../src/engine/types.js';

export type Rule =
  | 'reparse'
  | 'stages'
  | 'instructions'
  | 'layout'
  | 'comments'
  | 'exec-json'
  | 'shell'
  | 'bom'
  | 'eol'
  | 'final-newline'
  | 'idempotence';

export interface Violation {
  readonly rule: Rule;
  readonly message: string;
}

/** What the transforms that ran may do, read from their `meta.touches`. */
export interface Allowed {
  readonly ops: ReadonlyMap<string, ReadonlySet<InstructionOp>>;
  readonly stages: boolean;
}

export function allowedBy(transforms: readonly ConfiguredTransform[]): Allowed {
  const ops = new Map<string, Set<InstructionOp>>();
  let stages = false;
  for (const { transform } of transforms) {
    const touches = transform.meta.touches;
    stages ||= touches.stages === true;
    for (const [k, list] of Object.entries(touches.instructions) as [Keyword, readonly InstructionOp[]][]) {
      const set = ops.get(k) ?? new Set<InstructionOp>();
      for (const op of list) set.add(op);
      ops.set(k, set);
    }
  }
  return { ops, stages };
}

const may = (allowed: Allowed, keyword: string, ...ops: InstructionOp[]) => ops.some((op) => allowed.ops.get(keyword)?.has(op) === true);

/** Every registered transform, default and opt-in, with default options. */
export function everyTransform(): ConfiguredTransform[] {
  return configure({ names: allTransforms().map((t) => t.meta.name), options: {} });
}

/** Checks one rewrite, including its shell bodies (one `sh` process). */
export function checkRewrite(input: string, output: string, transforms: readonly ConfiguredTransform[] = everyTransform()): Violation[] {
  return checkRewrites([{ input, output }], transforms)[0]!;
}

/**
 * Checks many rewrites at once: the structural rules per file, then every shell
 * body of every file in one batch, so a corpus costs a handful of processes.
 */
export function checkRewrites(pairs: readonly { input: string; output: string }[], transforms: readonly ConfiguredTransform[] = everyTransform()): Violation[][] {
  const allowed = allowedBy(transforms);
  const inspected = pairs.map(({ input, output }) => inspect(input, output, allowed));
  const added = inspected.flatMap((r) => r.hunks.flatMap((h) => h.added));
  const addedBad = invalidShell(added.map((b) => b.text));
  const suspects = new Set(added.filter((_, i) => addedBad.has(i)).map((b) => b.hunk));
  // Only hunks that produced an invalid body need their originals checked.
  const removed = inspected.flatMap((r) => r.hunks.filter((h) => suspects.has(h)).flatMap((h) => h.removed));
  const removedBad = invalidShell(removed.map((b) => b.text));
  const brokenBefore = new Set(removed.filter((_, i) => removedBad.has(i)).map((b) => b.hunk));
  added.forEach((body, i) => {
    if (!addedBad.has(i) || brokenBefore.has(body.hunk)) return;
    body.owner.push({ rule: 'shell', message: `line ${body.line}: rewritten ${body.keyword} is not valid shell: ${preview(body.text)}` });
  });
  return inspected.map((r) => r.violations);
}

/** A second run with the same transforms must propose nothing. */
export function idempotent(output: string, transforms: readonly ConfiguredTransform[] = everyTransform()): Violation[] {
  return idempotenceViolations(output, runPipeline(output, transforms));
}

/** The idempotence rule, given the result of running the pipeline again on `output`. */
export function idempotenceViolations(output: string, second: PipelineResult): Violation[] {
  if (!second.ok) return [{ rule: 'idempotence', message: `second run failed: ${second.error.message}` }];
  if (second.output !== output || second.changes.length > 0) {
    const what = second.changes.map((c) => `${c.transform}@${c.line}`).join(', ');
    return [{ rule: 'idempotence', message: `second run changed the file again (${what || 'text differs'})` }];
  }
  return [];
}

interface Body {
  readonly text: string;
  readonly keyword: string;
  readonly line: number;
  readonly hunk: Hunk;
  readonly owner: Violation[];
}

interface Hunk {
  readonly removed: Body[];
  readonly added: Body[];
}

interface Inspection {
  readonly violations: Violation[];
  readonly hunks: Hunk[];
}

function inspect(input: string, output: string, allowed: Allowed): Inspection {
  const violations: Violation[] = [];
  const hunks: Hunk[] = [];
  const report = (rule: Rule, message: string) => violations.push({ rule, message });

  checkTextFacts(input, output, report);
  if (input === output) return { violations, hunks };

  const before = parseDockerfile(input);
  const after = parseDockerfile(output);
  const invalid = validate(after);
  if (invalid !== null) report('reparse', `output does not parse: line ${invalid.line}: ${invalid.message}`);

  const stageNames = (f: ParsedDockerfile) => f.stages.map((s) => s.name ?? '(unnamed)');
  if (!allowed.stages && stageNames(before).join('\0') !== stageNames(after).join('\0')) {
    report('stages', `stages changed: [${stageNames(before).join(', ')}] -> [${stageNames(after).join(', ')}]`);
  }
  // Stages may be added or renamed by a transform that declares it, but a reference to a stage stays one.
  const named = new Set(stageReferences(before).filter((r) => r.stage !== null).map((r) => `${r.kind}\0${r.target.toLowerCase()}`));
  const images = after.stages
    .filter((st) => st.base.kind !== 'stage' && st.imageSpan !== null)
    .map((st) => ({ kind: 'from', target: output.slice(st.imageSpan!.start, st.imageSpan!.end), stage: null, inst: st.from }));
  for (const r of [...stageReferences(after), ...images]) {
    if (r.stage === null && named.has(`${r.kind}\0${r.target.toLowerCase()}`)) report('stages', `output line ${r.inst.line}: ${r.target} no longer names a stage`);
  }
  const directives = (f: ParsedDockerfile) => f.directives.map((d) => `${d.name}=${d.value}`).join('\n');
  if (directives(before) !== directives(after)) report('comments', 'parser directives changed');
  for (const [line, missing] of lostCommentLines(input, output)) report('comments', `comment lost: ${preview(line)} (${missing}x)`);

  const a = before.instructions.map((i) => `${i.keyword}\0${input.slice(i.span.start, i.span.end)}`);
  const b = after.instructions.map((i) => `${i.keyword}\0${output.slice(i.span.start, i.span.end)}`);
  const pairs = lcs(a, b);

  // Walk the alignment: matched pairs must keep the text between them; unmatched runs form hunks.
  let i = 0;
  let j = 0;
  let previous: [number, number] | null = null;
  for (const [mi, mj] of [...pairs, [a.length, b.length] as [number, number]]) {
    if (i < mi || j < mj) {
      const hunk: Hunk = { removed: [], added: [] };
      for (const inst of before.instructions.slice(i, mi)) {
        if (!may(allowed, inst.keyword, 'edit', 'remove')) report('instructions', `line ${inst.line}: ${inst.keyword} changed or removed: ${preview(spanText(before, inst))}`);
        const body = shellBody(before, inst);
        if (body !== null) hunk.removed.push({ text: body, keyword: inst.keyword, line: inst.line, hunk, owner: violations });
      }
      for (const inst of after.instructions.slice(j, mj)) {
        if (!may(allowed, inst.keyword, 'edit', 'add')) report('instructions', `output line ${inst.line}: ${inst.keyword} added or changed: ${preview(spanText(after, inst))}`);
        if ((inst.keyword === 'CMD' || inst.keyword === 'ENTRYPOINT') && inst.form !== 'exec' && /^\[\s*"/.test(argsText(after, inst))) {
          report('exec-json', `output line ${inst.line}: ${inst.keyword} looks like exec form but is not a JSON string array: ${preview(spanText(after, inst))}`);
        }
        const body = shellBody(after, inst);
        if (body !== null) hunk.added.push({ text: body, keyword: inst.keyword, line: inst.line, hunk, owner: violations });
      }
      hunks.push(hunk);
      previous = null;
    }
    if (mi < a.length && previous !== null && previous[0] === mi - 1 && previous[1] === mj - 1) {
      const gapBefore = input.slice(before.instructions[mi - 1]!.span.end, before.instructions[mi]!.span.start);
      const gapAfter = output.slice(after.instructions[mj - 1]!.span.end, after.instructions[mj]!.span.start);
      if (gapBefore !== gapAfter) report('layout', `text between lines ${before.instructions[mi - 1]!.endLine} and ${before.instructions[mi]!.line} changed`);
    }
    previous = [mi, mj];
    i = mi + 1;
    j = mj + 1;
  }
  const lead = (f: ParsedDockerfile) => f.text.slice(0, f.instructions[0]?.span.start ?? f.text.length);
  const tail = (f: ParsedDockerfile) => f.text.slice(f.instructions.at(-1)?.span.end ?? f.text.length);
  if (lead(before) !== lead(after)) report('layout', 'text before the first instruction changed');
  if (tail(before) !== tail(after)) report('layout', 'text after the last instruction changed');

  if (before.stages.length === after.stages.length) {
    for (let s = 0; s < before.stages.length; s++) {
      const count = (f: ParsedDockerfile, k: string) => f.stages[s]!.instructions.filter((x) => x.keyword === k).length;
      for (const k of new Set([...before.stages[s]!.instructions, ...after.stages[s]!.instructions].map((x) => x.keyword))) {
        const [b, a] = [count(before, k), count(after, k)];
        if (a > b && !may(allowed, k, 'add')) report('instructions', `stage ${s}: ${k} count grew ${b} -> ${a}`);
        if (a < b && !may(allowed, k, 'remove')) report('instructions', `stage ${s}: ${k} count shrank ${b} -> ${a}`);
      }
    }
  }
  return { violations, hunks };
}

function checkTextFacts(input: string, output: string, report: (rule: Rule, message: string) => void): void {
  const x = textFacts(input);
  const y = textFacts(output);
  if (x.bom !== y.bom) report('bom', `BOM ${x.bom ? 'removed' : 'added'}`);
  if (x.finalNewline !== y.finalNewline) report('final-newline', `final newline ${x.finalNewline ? 'lost' : 'added'}`);
  if (x.eol !== y.eol) report('eol', `line endings changed from ${JSON.stringify(x.eol)} to ${JSON.stringify(y.eol)}`);
  const style = (t: string) => {
    const crlf = t.split('\r\n').length - 1;
    const lf = t.split('\n').length - 1 - crlf;
    return crlf === 0 ? 'lf' : lf === 0 ? 'crlf' : 'mixed';
  };
  const sx = style(input);
  const sy = style(output);
  if (sx === 'lf' && sy !== 'lf') report('eol', 'a file with only LF line endings now has CRLF ones');
  if (sx === 'crlf' && sy !== 'crlf') report('eol', 'a file with only CRLF line endings now has bare LF ones');
}

/** Comment lines (trimmed) that occur fewer times in the output than in the input. */
function lostCommentLines(input: string, output: string): [string, number][] {
  const tally = (t: string) => {
    const m = new Map<string, number>();
    for (const line of t.split(/\r?\n/)) {
      const s = line.trim();
      if (s.startsWith('#')) m.set(s, (m.get(s) ?? 0) + 1);
    }
    return m;
  };
  const after = tally(output);
  return [...tally(input)].filter(([line, n]) => (after.get(line) ?? 0) < n).map(([line, n]) => [line, n - (after.get(line) ?? 0)]);
}

function spanText(f: ParsedDockerfile, inst: Instruction): string {
  return f.text.slice(inst.span.start, inst.span.end);
}

function argsText(f: ParsedDockerfile, inst: Instruction): string {
  return inst.argsSpan === null ? '' : logicalText(f.text, inst.argsSpan.start, inst.argsSpan.end, f.escape).text.trim();
}

/**
 * The shell script an instruction hands to `/bin/sh -c`: the logical line of a
 * shell-form RUN/CMD/ENTRYPOINT, or for a heredoc RUN its raw arguments (a valid
 * script: a command with here-documents) followed, when the RUN is nothing but a
 * here-document without a `#!` line, by that document's body.
 */
function shellBody(f: ParsedDockerfile, inst: Instruction): string | null {
  if (!['RUN', 'CMD', 'ENTRYPOINT'].includes(inst.keyword) || inst.argsSpan === null) return null;
  if (inst.form === 'shell') return logicalText(f.text, inst.argsSpan.start, inst.argsSpan.end, f.escape).text;
  if (inst.form !== 'heredoc' || inst.keyword !== 'RUN') return null;
  const raw = f.text.slice(inst.argsSpan.start, inst.span.end);
  const firstLine = raw.split('\n', 1)[0]!;
  const doc = /^<<-?(["']?)([A-Za-z_][\w-]*)\1[ \t]*\r?$/.exec(firstLine);
  if (doc === null) return raw;
  const lines = raw.split('\n').slice(1);
  const end = lines.findIndex((l) => l.replace(/\r$/, '').replace(/^\t*/, '') === doc[2]);
  const content = lines.slice(0, end === -1 ? lines.length : end).join('\n');
  return content.startsWith('#!') && !/^#!\s*\/(?:usr\/)?bin\/(?:env\s+)?(?:ba|da|a)?sh\b/.test(content) ? raw : `${raw}\n${content}\n`;
}

/** Indices of the scripts that neither `sh -n` nor `bash -n` accepts. One process per shell. */
export function invalidShell(scripts: readonly string[]): Set<number> {
  if (scripts.length === 0) return new Set();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dockshift-sh-'));
  try {
    scripts.forEach((s, i) => fs.writeFileSync(path.join(dir, String(i)), s));
    const failing = (shell: string, indices: readonly number[]): number[] => {
      if (indices.length === 0) return [];
      fs.writeFileSync(path.join(dir, 'list'), `${indices.join('\n')}\n`);
      const driver = `while read -r i; do ${shell} -n "$1/$i" </dev/null >/dev/null 2>&1 || echo "$i"; done < "$1/list"`;
      const r = spawnSync('sh', ['-c', driver, 'sh', dir], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
      if (r.status !== 0 || r.error !== undefined) throw new Error(`shell check failed to run: ${r.error?.message ?? r.stderr}`);
      return r.stdout.split('\n').filter(Boolean).map(Number);
    };
    const notSh = failing('sh', scripts.map((_, i) => i));
    return new Set(failing('bash', notSh));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Pairs of indices of a longest common subsequence of a and b, in order. */
function lcs(a: readonly string[], b: readonly string[]): [number, number][] {
  let lo = 0;
  while (lo < a.length && lo < b.length && a[lo] === b[lo]) lo++;
  let hiA = a.length;
  let hiB = b.length;
  while (hiA > lo && hiB > lo && a[hiA - 1] === b[hiB - 1]) {
    hiA--;
    hiB--;
  }
  const n = hiA - lo;
  const m = hiB - lo;
  const table = new Uint32Array((n + 1) * (m + 1));
  const at = (x: number, y: number) => x * (m + 1) + y;
  for (let x = n - 1; x >= 0; x--) {
    for (let y = m - 1; y >= 0; y--) {
      table[at(x, y)] = a[lo + x] === b[lo + y] ? table[at(x + 1, y + 1)]! + 1 : Math.max(table[at(x + 1, y)]!, table[at(x, y + 1)]!);
    }
  }
  const pairs: [number, number][] = [];
  for (let k = 0; k < lo; k++) pairs.push([k, k]);
  let x = 0;
  let y = 0;
  while (x < n && y < m) {
    if (a[lo + x] === b[lo + y]) {
      pairs.push([lo + x, lo + y]);
      x++;
      y++;
    } else if (table[at(x + 1, y)]! >= table[at(x, y + 1)]!) x++;
    else y++;
  }
  for (let k = 0; k < a.length - hiA; k++) pairs.push([hiA + k, hiB + k]);
  return pairs;
}

function preview(s: string): string {
  const one = JSON.stringify(s);
  return one.length > 120 ? `${one.slice(0, 117)}...` : one;
}
