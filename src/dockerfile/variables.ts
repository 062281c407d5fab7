/**
 * Build arguments and environment variables as BuildKit scopes them:
 * - ARGs before the first FROM are global; only FROM lines can read them, unless a
 *   stage declares the ARG again (`ARG VERSION`), which gives it the global value;
 * - an ARG inside a stage lasts to the end of that stage;
 * - ENV lasts to the end of the stage and is inherited by stages built FROM it.
 * A value given by an ARG default is what the build uses unless `--build-arg`
 * overrides it; one with no default is only known at build time.
 */
import type { PropertyInstruction } from 'dockerfile-ast';
import { parseImageRef, type ImageRef } from './imageRef.js';
import { stageLineage } from './stages.js';
import type { Instruction, ParsedDockerfile, Span, Stage } from './types.js';
import { expandWord, type Lookup } from './words.js';

export interface Variable {
  readonly name: string;
  /** The value the build uses by default; null when only known at build time (an ARG without default). */
  readonly value: string | null;
  readonly kind: 'arg' | 'env';
  /** The instruction that sets it. */
  readonly inst: Instruction;
}

/** Build arguments BuildKit sets for every FROM and (when declared) every stage: only known at build time. */
export const AUTOMATIC_ARGS = new Set([
  'BUILDPLATFORM', 'BUILDOS', 'BUILDARCH', 'BUILDVARIANT',
  'TARGETPLATFORM', 'TARGETOS', 'TARGETARCH', 'TARGETVARIANT',
]);

export interface Property {
  readonly name: string;
  /** Value as written, quotes included; null when none is given (`ARG NAME`). */
  readonly raw: string | null;
  /** Where the value is written in the file, when it is. */
  readonly valueSpan: Span | null;
}

/** `NAME=value` pairs (or the legacy `ENV NAME value`) of an ARG, ENV or LABEL. */
export function properties(file: ParsedDockerfile, inst: Instruction): Property[] {
  const node = inst.node as unknown as PropertyInstruction;
  if (typeof node.getProperties !== 'function') return [];
  return node.getProperties().map((p) => {
    const range = p.getValueRange();
    const valueSpan = range === null ? null : { start: file.lines.startOf(range.start.line + 1) + range.start.character, end: file.lines.startOf(range.end.line + 1) + range.end.character };
    const raw = valueSpan === null ? null : file.text.slice(valueSpan.start, valueSpan.end);
    return { name: p.getName(), raw, valueSpan };
  });
}

/** The global ARGs (before the first FROM), in order; a later one of the same name wins. */
export function globalArgs(file: ParsedDockerfile): Map<string, Variable> {
  const out = new Map<string, Variable>();
  for (const inst of file.instructions) {
    if (inst.stage >= 0) break;
    if (inst.keyword !== 'ARG') continue;
    for (const p of properties(file, inst)) {
      const value = p.raw === null ? null : expandWord(p.raw, lookupIn(out), file.escape).value;
      out.set(p.name, { name: p.name, value, kind: 'arg', inst });
    }
  }
  return out;
}

function lookupIn(vars: ReadonlyMap<string, Variable>): Lookup {
  return (name) => {
    if (AUTOMATIC_ARGS.has(name)) return null;
    const v = vars.get(name);
    return v === undefined ? undefined : v.value;
  };
}

/**
 * The variables a RUN (or any instruction) of `inst`'s stage sees: ENV of its stage and the
 * stages it builds on, and ARGs of its own stage, as set before `inst`.
 */
export function variablesAt(file: ParsedDockerfile, inst: Instruction): Map<string, Variable> {
  const vars = new Map<string, Variable>();
  const stage = file.stages[inst.stage];
  if (stage === undefined) return vars;
  const globals = globalArgs(file);
  for (const s of stageLineage(file, stage).reverse()) {
    for (const i of s.instructions) {
      if (s === stage && i.index >= inst.index) break;
      if (i.keyword !== 'ENV' && !(i.keyword === 'ARG' && s === stage)) continue;
      for (const p of properties(file, i)) {
        let value: string | null;
        if (p.raw !== null) value = expandWord(p.raw, lookupIn(vars), file.escape).value;
        else if (i.keyword === 'ARG') value = AUTOMATIC_ARGS.has(p.name) ? null : (globals.get(p.name)?.value ?? null);
        else value = '';
        vars.set(p.name, { name: p.name, value, kind: i.keyword === 'ENV' ? 'env' : 'arg', inst: i });
      }
    }
  }
  return vars;
}

/** What a stage's FROM names once build arguments are applied. */
export interface ResolvedBase {
  /** The reference as written (quotes removed, variables kept). */
  readonly written: string;
  /** With default build arguments applied; null when a value is only known at build time. */
  readonly text: string | null;
  readonly ref: ImageRef | null;
  /** The build arguments it uses. */
  readonly vars: readonly string[];
  /** Other stages whose FROM uses one of those arguments. */
  readonly sharedWith: readonly number[];
  /** The global ARG instructions that give those values. */
  readonly args: readonly Instruction[];
}

/** Resolves a stage's FROM image with the global ARGs' defaults. Null for a stage or scratch base. */
export function resolveBase(file: ParsedDockerfile, stage: Stage): ResolvedBase | null {
  if (stage.imageSpan === null || stage.base.kind === 'stage' || stage.base.kind === 'scratch') return null;
  const globals = globalArgs(file);
  const word = file.text.slice(stage.imageSpan.start, stage.imageSpan.end);
  const { value, vars } = expandWord(word, lookupIn(globals), file.escape);
  const written = stage.base.kind === 'image' ? stage.base.ref.raw : stage.base.raw;
  const uses = (s: Stage) => (s.imageSpan === null ? [] : expandWord(file.text.slice(s.imageSpan.start, s.imageSpan.end), lookupIn(globals), file.escape).vars);
  const sharedWith = vars.length === 0 ? [] : file.stages.filter((s) => s !== stage && uses(s).some((v) => vars.includes(v))).map((s) => s.index);
  const args = vars.map((v) => globals.get(v)?.inst).filter((i): i is Instruction => i !== undefined);
  const ref = value === null || value.includes('$') ? null : parseImageRef(value);
  return { written, text: value, ref, vars, sharedWith, args };
}
