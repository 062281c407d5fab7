/**
 * What the engine checks after every pass, whatever the transforms: each change
 * only did what its transform declares in `meta.touches`. Instructions are
 * matched by position and text (an untouched one is byte-identical where the
 * edits moved it), so what a change added, rewrote or removed is known exactly.
 */
import { stageReferences } from '../dockerfile/graph.js';
import { RUNTIME_KEYWORDS, runtimeFacts, type RuntimeFacts } from '../dockerfile/runtime.js';
import { stageNamed } from '../dockerfile/stages.js';
import type { Instruction, ParsedDockerfile, Stage } from '../dockerfile/types.js';
import type { Edit, InstructionOp, Keyword, RuntimeFact, TransformMeta } from './types.js';
import { FileMemo } from '../memo.js';

export interface PassChange {
  readonly meta: TransformMeta<any>;
  readonly edits: readonly Edit[];
}

export interface ContractProblem {
  /** Offset in the text before the pass. */
  readonly at: number;
  readonly message: string;
}

export interface RuntimeDelta {
  /** The published target whose image changes; absent for the final image. */
  readonly image?: string;
  readonly fact: RuntimeFact;
  readonly before: string;
  readonly after: string;
  /** The transforms of the pass that declare this fact. */
  readonly transforms: readonly string[];
}

export interface PassVerdict {
  readonly problem: ContractProblem | null;
  readonly runtime: readonly RuntimeDelta[];
}

/**
 * Checks one pass: `changes` turned `before` into `after`. `targets`: the stages the project publishes
 * with `--target`, whose images run as the final one does.
 */
export function checkPass(before: ParsedDockerfile, after: ParsedDockerfile, changes: readonly PassChange[], targets: ReadonlySet<string> = NO_TARGETS): PassVerdict {
  const none: PassVerdict = { problem: null, runtime: [] };
  const fail = (at: number, message: string): PassVerdict => ({ problem: { at, message }, runtime: [] });

  const ops = instructionOps(before, after, changes);
  for (const op of ops) {
    const allowed = op.change.meta.touches.instructions[op.keyword as Keyword] ?? [];
    if (!allowed.includes(op.op)) {
      const verb = op.op === 'add' ? 'added' : op.op === 'remove' ? 'removed' : 'rewrote';
      return fail(op.at, `transform ${op.change.meta.name} ${verb} a ${op.keyword} instruction, which it does not declare it may do; file left unchanged`);
    }
    if (op.keyword === 'FROM' && op.op !== 'edit' && op.change.meta.touches.stages !== true) {
      return fail(op.at, `transform ${op.change.meta.name} ${op.op === 'add' ? 'added' : 'removed'} a build stage, which it does not declare it may do; file left unchanged`);
    }
  }

  const stages = stageProblem(before, after, changes);
  if (stages !== null) return fail(changes[0]?.edits[0]?.start ?? 0, stages);

  const lost = lostComment(before.text, after.text);
  if (lost !== null) {
    return fail(changes[0]?.edits[0]?.start ?? 0, `a rewrite by ${names(changes)} would lose the comment line ${JSON.stringify(lost)}; file left unchanged`);
  }

  // Most passes rewrite RUNs alone: the facts are then the same without working them out.
  const runtime = ops.some((op) => RUNTIME_KEYWORDS.has(op.keyword)) ? runtimeDeltas(before, after, changes, targets) : [];
  if (!Array.isArray(runtime)) return fail(changes[0]?.edits[0]?.start ?? 0, runtime.message);
  return runtime.length === 0 ? none : { problem: null, runtime };
}

function names(changes: readonly PassChange[]): string {
  return [...new Set(changes.map((c) => c.meta.name))].join(', ');
}

// ---------------------------------------------------------------------------
// Instructions: what each change added, rewrote or removed.

interface Op {
  readonly change: PassChange;
  readonly keyword: string;
  readonly op: InstructionOp;
  readonly at: number;
}

interface Placed {
  readonly edit: Edit;
  readonly change: PassChange;
  /** Where the replacement text lies in the new text. */
  readonly newStart: number;
  readonly newEnd: number;
}

/** Replacement text at an instruction's end (or start) that continues its line, rather than removing or adding whole lines. */
function attaches(text: string, edge: 'start' | 'end'): boolean {
  return text !== '' && (edge === 'end' ? !/^\r?\n/.test(text) : !text.endsWith('\n'));
}

function instructionOps(before: ParsedDockerfile, after: ParsedDockerfile, changes: readonly PassChange[]): Op[] {
  const placed: Placed[] = [];
  for (const change of changes) for (const edit of change.edits) placed.push({ edit, change, newStart: 0, newEnd: 0 });
  placed.sort((a, b) => a.edit.start - b.edit.start || a.edit.end - b.edit.end);
  let delta = 0;
  const edits = placed.map((p) => {
    const newStart = p.edit.start + delta;
    delta += p.edit.text.length - (p.edit.end - p.edit.start);
    return { ...p, newStart, newEnd: newStart + p.edit.text.length };
  });

  // An untouched instruction is byte-identical where the edits before it moved it.
  // Instructions and edits are both in file order, so one sweep finds them.
  const afterByStart = new Map<number, Instruction>();
  for (const inst of after.instructions) afterByStart.set(inst.span.start, inst);
  const survivors = new Set<Instruction>();
  const changedBefore: Instruction[] = [];
  let k = 0;
  let shift = 0;
  for (const inst of before.instructions) {
    const { start, end } = inst.span;
    // Edits wholly before the instruction (an insertion at its start counts: it lands before it).
    while (k < edits.length && (edits[k]!.edit.end < start || (edits[k]!.edit.end === start && edits[k]!.edit.start < start) || (edits[k]!.edit.start === start && edits[k]!.edit.end === start))) {
      shift += edits[k]!.edit.text.length - (edits[k]!.edit.end - edits[k]!.edit.start);
      k++;
    }
    const touched = k < edits.length && edits[k]!.edit.start < end;
    const image = afterByStart.get(start + shift);
    const same = !touched && image !== undefined && after.text.slice(image.span.start, image.span.end) === before.text.slice(start, end);
    if (same) survivors.add(image);
    else changedBefore.push(inst);
  }
  const changedAfter = after.instructions.filter((i) => !survivors.has(i));

  // The changes whose edits touch [start, end] (an insertion at either end counts, unless it is
  // whole lines: a line break first at the end, or last at the start, leaves the instruction as it is).
  const owners = (start: number, end: number, side: 'old' | 'new'): PassChange[] => {
    const s = (p: (typeof edits)[number]) => (side === 'old' ? p.edit.start : p.newStart);
    const e = (p: (typeof edits)[number]) => (side === 'old' ? p.edit.end : p.newEnd);
    let lo = 0;
    let hi = edits.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (e(edits[mid]!) < start) lo = mid + 1;
      else hi = mid;
    }
    const found: PassChange[] = [];
    const adjacent: PassChange[] = [];
    for (let i = lo; i < edits.length && s(edits[i]!) <= end; i++) {
      const p = edits[i]!;
      const insertion = s(p) === e(p);
      const besideIt = (s(p) === end && !attaches(p.edit.text, 'end')) || (s(p) === start && !attaches(p.edit.text, 'start'));
      if (insertion ? s(p) >= start && s(p) <= end && !besideIt : s(p) < end && start < e(p)) found.push(p.change);
      else if (!insertion && attaches(p.edit.text, s(p) === end ? 'end' : 'start')) adjacent.push(p.change);
    }
    // An instruction no edit reaches into changed through a replacement at its edge that writes
    // text onto it (a merge joining the next instruction to it, say): that change made it.
    return found.length > 0 ? found : adjacent.length > 0 ? adjacent : [...changes];
  };

  const tally = new Map<PassChange, { before: Map<string, number>; after: Map<string, number>; at: number }>();
  const entry = (c: PassChange) => {
    let t = tally.get(c);
    if (t === undefined) tally.set(c, (t = { before: new Map(), after: new Map(), at: c.edits[0]?.start ?? 0 }));
    return t;
  };
  for (const inst of changedBefore) {
    for (const c of new Set(owners(inst.span.start, inst.span.end, 'old'))) {
      const t = entry(c);
      t.before.set(inst.keyword, (t.before.get(inst.keyword) ?? 0) + 1);
    }
  }
  for (const inst of changedAfter) {
    for (const c of new Set(owners(inst.span.start, inst.span.end, 'new'))) {
      const t = entry(c);
      t.after.set(inst.keyword, (t.after.get(inst.keyword) ?? 0) + 1);
    }
  }
  const ops: Op[] = [];
  for (const [change, t] of tally) {
    for (const keyword of new Set([...t.before.keys(), ...t.after.keys()])) {
      const b = t.before.get(keyword) ?? 0;
      const a = t.after.get(keyword) ?? 0;
      const edited = Math.min(a, b);
      if (edited > 0) ops.push({ change, keyword, op: 'edit', at: t.at });
      if (a > edited) ops.push({ change, keyword, op: 'add', at: t.at });
      if (b > edited) ops.push({ change, keyword, op: 'remove', at: t.at });
    }
  }
  return ops;
}

// ---------------------------------------------------------------------------
// Stages: names stay, or every reference still names the stage it named.

function stageProblem(before: ParsedDockerfile, after: ParsedDockerfile, changes: readonly PassChange[]): string | null {
  const stageNames = (f: ParsedDockerfile) => f.stages.map((s) => s.name ?? '').join('\0');
  const mayChangeStages = changes.some((c) => c.meta.touches.stages === true);
  if (!mayChangeStages) {
    return stageNames(before) === stageNames(after) ? null : 'a rewrite changed the build stages; file left unchanged';
  }
  // A reference that named a stage must still name one, and the same one (by its FROM).
  const fromText = (f: ParsedDockerfile, i: number) => {
    const s = f.stages[i]!;
    return f.text.slice(s.from.span.start, s.from.span.end);
  };
  const known = new Map<string, string>();
  for (const r of stageReferences(before)) if (r.stage !== null) known.set(`${r.kind}\0${r.target.toLowerCase()}`, fromText(before, r.stage));
  for (const r of stageReferences(after)) {
    const was = known.get(`${r.kind}\0${r.target.toLowerCase()}`);
    if (was === undefined) continue;
    if (r.stage === null) return `a rewrite left \`${r.target}\` (line ${r.inst.line}) naming no stage; file left unchanged`;
    if (/^\d+$/.test(r.target) && fromText(after, r.stage) !== was) return `a rewrite made stage number ${r.target} (line ${r.inst.line}) name another stage; file left unchanged`;
  }
  const names = after.stages.map((s) => s.name?.toLowerCase()).filter((n): n is string => n !== undefined);
  const dup = names.find((n, i) => names.indexOf(n) !== i);
  if (dup !== undefined) return `a rewrite gave two stages the name ${dup}; file left unchanged`;
  return null;
}

// ---------------------------------------------------------------------------
// Comments: every comment line of the input survives (its indentation may change).

function commentTally(text: string): Map<string, number> {
  const m = new Map<string, number>();
  let start = 0;
  while (start <= text.length) {
    const nl = text.indexOf('\n', start);
    const end = nl === -1 ? text.length : nl;
    let i = start;
    while (i < end && (text[i] === ' ' || text[i] === '\t')) i++;
    if (text[i] === '#') {
      const line = text.slice(i, end).replace(/\s+$/, '');
      m.set(line, (m.get(line) ?? 0) + 1);
    }
    if (nl === -1) break;
    start = nl + 1;
  }
  return m;
}

/** A comment line (trimmed) that occurs fewer times in `after` than in `before`, or null. */
export function lostComment(before: string, after: string): string | null {
  if (!before.includes('#')) return null;
  const a = commentTally(after);
  for (const [line, n] of commentTally(before)) if ((a.get(line) ?? 0) < n) return line;
  return null;
}

// ---------------------------------------------------------------------------
// Runtime: the final stage's command, user, workdir, env and ports.

const facts = new FileMemo<RuntimeFacts | null>();

function factsOf(file: ParsedDockerfile): RuntimeFacts | null {
  let known = facts.get(file);
  if (known === undefined) facts.set(file, (known = runtimeFacts(file)));
  return known;
}

const DESCRIBE: Readonly<Record<RuntimeFact, string>> = {
  command: 'the command the container runs (ENTRYPOINT and CMD)',
  user: 'the user the container runs as',
  workdir: 'the working directory of the container',
  env: 'the environment of the container',
  expose: 'the ports the image exposes',
};

function runtimeDeltas(before: ParsedDockerfile, after: ParsedDockerfile, changes: readonly PassChange[], targets: ReadonlySet<string>): RuntimeDelta[] | { message: string } {
  const out: RuntimeDelta[] = [];
  for (const image of imagesCompared(before, after, targets)) {
    const a = image.name === undefined ? factsOf(before) : runtimeFacts(before, false, image.before);
    const b = image.name === undefined ? factsOf(after) : runtimeFacts(after, false, image.after);
    if (a === null || b === null) continue;
    for (const fact of Object.keys(DESCRIBE) as RuntimeFact[]) {
      if (a[fact] === b[fact]) continue;
      const declaring = [...new Set(changes.filter((c) => c.meta.touches.runtime?.includes(fact)).map((c) => c.meta.name))];
      const whose = image.name === undefined ? '' : ` of the image the project publishes as ${image.name}`;
      if (declaring.length === 0) {
        return { message: `a rewrite by ${names(changes)} would change ${DESCRIBE[fact]}${whose}, which it does not declare; file left unchanged` };
      }
      const shown = { before: runtimeFacts(before, true, image.before)![fact], after: runtimeFacts(after, true, image.after)![fact] };
      out.push({ ...(image.name === undefined ? {} : { image: image.name }), fact, ...shown, transforms: declaring });
    }
  }
  return out;
}

const NO_TARGETS: ReadonlySet<string> = new Set();

/** An image the pass is held to, by the stage that builds it before and after: `name` for a published target, none for the final image. */
interface ComparedImage {
  readonly name?: string;
  readonly before: Stage | undefined;
  readonly after: Stage | undefined;
}

/**
 * The images whose runtime a pass must keep or declare: the final stage's, and that of each stage the
 * project publishes with \`--target\`, found by its name before and after (a stage a split renames keeps
 * the name the project builds). A published stage that is the last one both times is the final image.
 */
function imagesCompared(before: ParsedDockerfile, after: ParsedDockerfile, targets: ReadonlySet<string>): ComparedImage[] {
  const images: ComparedImage[] = [{ before: before.stages.at(-1), after: after.stages.at(-1) }];
  for (const target of targets) {
    const [was, is] = [stageNamed(before, target), stageNamed(after, target)];
    if (was === undefined || is === undefined || (was === before.stages.at(-1) && is === after.stages.at(-1))) continue;
    if (images.some((i) => i.after === is)) continue;
    images.push({ name: is.name ?? target, before: was, after: is });
  }
  return images;
}
