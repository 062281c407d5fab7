/**
 * Build arguments and environment variables as BuildKit scopes them:
 * - ARGs before the first FROM are global; only FROM lines can read them, unless a
 *   stage declares the ARG again (`ARG VERSION`), which gives it the global value;
 * - an ARG inside a stage lasts to the end of that stage;
 * - ENV lasts to the end of the stage and is inherited by stages built FROM it.
 * Whichever of ARG and ENV sets a name last wins: an ENV overrides an earlier ARG,
 * and BuildKit gives an ARG declared after an ENV (its own, or one the stage
 * inherits) the ARG's value (dockerfile2llb's dispatchArg adds it to the state's
 * environment; only the classic builder kept the ENV, docker/cli#3344).
 * A value given by an ARG default is what the build uses unless `--build-arg`
 * overrides it, and so is an ENV that reads it (`ENV U=$U`); one with no default
 * is only known at build time.
 */
import type { PropertyInstruction } from 'dockerfile-ast';
import { countBefore } from '../sorted.js';
import { parseImageRef, type ImageRef } from './imageRef.js';
import { nodeSpan } from './parse.js';
import { fromParents, stageLineage } from './stages.js';
import type { Instruction, ParsedDockerfile, Span, Stage } from './types.js';
import { expandWord, MAX_EXPANSION_GROWTH, type Lookup } from './words.js';
import { FileMemo } from '../memo.js';

export interface Variable {
  readonly name: string;
  /** The value the build uses by default; null when only known at build time (an ARG without default). */
  readonly value: string | null;
  readonly kind: 'arg' | 'env';
  /**
   * Whether `--build-arg` can change it: an ARG, whose default is only what a plain build
   * uses, or an ENV whose value reads one (`ENV U=$U` under `ARG U=app`). What must hold for
   * every build (an account name, USER, a reason to refuse) reads `value` only when false.
   */
  readonly fromBuildArg: boolean;
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
    const valueSpan = range === null ? null : nodeSpan(inst, range);
    const raw = valueSpan === null ? null : file.text.slice(valueSpan.start, valueSpan.end);
    return { name: p.getName(), raw, valueSpan };
  });
}

/**
 * What expanding a file's ARG and ENV values may add to them in all, in
 * characters. Each value is kept per instruction, so a value that grows on every
 * line (`ENV PATH=$PATH:/x` 50,000 times) would make the table quadratic in the
 * file's length: past this, further values count as unknown, as values only
 * known at build time do, and transforms treat them with the same care.
 */
class ExpansionBudget {
  private left = MAX_EXPANSION_GROWTH;

  expand(raw: string, lookup: Lookup, escape: string): string | null {
    const value = expandWord(raw, lookup, escape, raw.length + this.left).value;
    if (value !== null) this.left -= Math.max(0, value.length - raw.length);
    return value;
  }
}

/** The global ARGs (before the first FROM), in order; a later one of the same name wins. */
export function globalArgs(file: ParsedDockerfile, budget = new ExpansionBudget()): Map<string, Variable> {
  const out = new Map<string, Variable>();
  for (const inst of file.instructions) {
    if (inst.stage >= 0) break;
    if (inst.keyword !== 'ARG') continue;
    for (const p of properties(file, inst)) {
      const value = p.raw === null ? null : budget.expand(p.raw, lookupIn(out), file.escape);
      out.set(p.name, { name: p.name, value, kind: 'arg', fromBuildArg: true, inst });
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

/** The variables an instruction sees, by name. */
export interface Variables {
  get(name: string): Variable | undefined;
  has(name: string): boolean;
}

/**
 * The variables a RUN (or any instruction) of `inst`'s stage sees: ENV of its stage and the
 * stages it builds on, and ARGs of its own stage, as set before `inst`.
 */
export function variablesAt(file: ParsedDockerfile, inst: Instruction): Variables {
  const scope = scopesOf(file)[inst.stage];
  if (scope === undefined) return NO_VARIABLES;
  const get = (name: string) => scope.before(name, inst.index);
  return { get, has: (name) => get(name) !== undefined };
}

const NO_VARIABLES: Variables = { get: () => undefined, has: () => false };

/**
 * The values the ENVs of \`stage\` and the stages it builds on leave at its end, with the ENV that set each
 * (null: one that reads a variable the build does not know). What the container starts with, as far as the Dockerfile says.
 */
export function envAtEnd(file: ParsedDockerfile, stage: Stage): Map<string, { readonly value: string | null; readonly inst: Instruction }> {
  const out = new Map<string, { readonly value: string | null; readonly inst: Instruction }>();
  const lineage = stageLineage(file, stage).flatMap((s) => s.instructions).sort((a, b) => a.index - b.index);
  for (const inst of lineage) {
    if (inst.keyword !== 'ENV') continue;
    const vars = variablesAt(file, inst);
    for (const p of properties(file, inst)) {
      const value = p.raw === null ? '' : expandWord(p.raw, (n) => vars.get(n)?.value ?? null, file.escape).value;
      out.set(p.name, { value, inst });
    }
  }
  return out;
}

/**
 * The values every build gives: one `--build-arg` can change (an ARG, an ENV that reads one) is
 * unknown, and so is a name the Dockerfile does not set (the base image's ENV may).
 */
export function fixedValues(vars: Variables): Lookup {
  return (name) => {
    const v = vars.get(name);
    return v === undefined || v.fromBuildArg ? null : v.value;
  };
}

/**
 * A stage's ARG and ENV settings, each evaluated once, in order, with what the
 * stage sees at that point (a stage's ENV is evaluated with its own ARGs, as
 * BuildKit does, and passed on so to the stages built FROM it). Asked for
 * every COPY and RUN, walking back over the file each time made a file of
 * many instructions quadratic.
 */
class StageScope {
  /** Per name, the settings of the stage, in file order. */
  private readonly settings = new Map<string, { readonly index: number; readonly variable: Variable }[]>();
  /** What stages built FROM this one see, by name, as asked: its last ENV, or what it inherits. */
  private readonly passedOn = new Map<string, Variable | null>();

  constructor(
    file: ParsedDockerfile,
    stage: Stage,
    private readonly parent: StageScope | null,
    globals: ReadonlyMap<string, Variable>,
    budget: ExpansionBudget,
  ) {
    for (const i of stage.instructions) {
      if (i.keyword !== 'ENV' && i.keyword !== 'ARG') continue;
      // An ENV line reads every value as it was before the line (`ENV abc=bye def=$abc`
      // gives def the old abc); an ARG line sets its names one after the other.
      const readsUpTo = i.keyword === 'ENV' ? i.index : i.index + 1;
      for (const p of properties(file, i)) {
        let value: string | null;
        let readsArg = false;
        const read = (name: string) => {
          if (AUTOMATIC_ARGS.has(name)) return null;
          const v = this.before(name, readsUpTo);
          if (v?.fromBuildArg === true) readsArg = true;
          return v?.value;
        };
        if (p.raw !== null) value = budget.expand(p.raw, read, file.escape);
        else if (i.keyword === 'ARG') value = AUTOMATIC_ARGS.has(p.name) ? null : (globals.get(p.name)?.value ?? null);
        else value = '';
        const kind = i.keyword === 'ENV' ? 'env' : 'arg';
        const list = this.settings.get(p.name) ?? [];
        list.push({ index: i.index, variable: { name: p.name, value, kind, fromBuildArg: kind === 'arg' || readsArg, inst: i } });
        this.settings.set(p.name, list);
      }
    }
  }

  /** The variable as set before instruction `index` of this stage (its own last setting wins), else as inherited. */
  before(name: string, index: number): Variable | undefined {
    const own = this.settings.get(name) ?? [];
    return own[countBefore(own, (s) => s.index < index) - 1]?.variable ?? this.parent?.inherited(name) ?? undefined;
  }

  /** The ENV a stage built FROM this one starts with. A loop up the chain, not recursion: chains can be long. */
  private inherited(name: string): Variable | null {
    const path: StageScope[] = [];
    let found: Variable | null = null;
    for (let s: StageScope | null = this; s !== null; s = s.parent) {
      const known = s.passedOn.get(name);
      if (known !== undefined) {
        found = known;
        break;
      }
      path.push(s);
      const env = s.settings.get(name)?.findLast((e) => e.variable.kind === 'env');
      if (env !== undefined) {
        found = env.variable;
        break;
      }
    }
    for (const s of path) s.passedOn.set(name, found);
    return found;
  }
}

const scopesByFile = new FileMemo<readonly StageScope[]>();

function scopesOf(file: ParsedDockerfile): readonly StageScope[] {
  const known = scopesByFile.get(file);
  if (known !== undefined) return known;
  const budget = new ExpansionBudget();
  const globals = globalArgs(file, budget);
  const scopes = fromParents<StageScope>(file, (stage, parent) => new StageScope(file, stage, parent, globals, budget));
  scopesByFile.set(file, scopes);
  return scopes;
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

/**
 * The build arguments a stage's FROM takes that have no default (an automatic platform argument is one):
 * until the build gives them, which image it names is unknown, however well its repository is known.
 */
export function fromArgsWithoutDefault(file: ParsedDockerfile, stage: Stage): string[] {
  const resolved = resolveBase(file, stage);
  if (resolved === null || resolved.text !== null) return [];
  const globals = globalArgs(file);
  return resolved.vars.filter((v) => AUTOMATIC_ARGS.has(v) || (globals.get(v)?.value ?? null) === null);
}

/** `` `GO` (a build argument without a default) ``, or `` `GO` and `ALPINE` (build arguments without a default) ``. */
export function describeArgsWithoutDefault(names: readonly string[]): string {
  const quoted = names.map((n) => `\`${n}\``);
  return quoted.length === 1
    ? `${quoted[0]} (a build argument without a default)`
    : `${quoted.slice(0, -1).join(', ')} and ${quoted.at(-1)} (build arguments without a default)`;
}
