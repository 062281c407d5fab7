import { transforms as registry } from '../../transforms/index.js';
import { own } from '../own.js';
import { loadTransformModule } from './modules.js';
import { optionProblem, type ConfiguredTransform, type OptionSpec, type OptionValue, type Tier, type Transform } from './types.js';

/** What the user chose; plain data, so it crosses into worker threads as is. */
export interface Selection {
  /** Transform names, in registry order. */
  readonly names: readonly string[];
  /** Option overrides by transform name. */
  readonly options: Readonly<Record<string, Readonly<Record<string, OptionValue>>>>;
  /** `safe`: only changes that keep the build's meaning; `review` (default): all, labelled. */
  readonly tier?: Tier;
  /** Absolute paths of the user transform modules some of `names` come from; each thread loads them. */
  readonly modules?: readonly string[];
  /** Rewrite generated files too (see generated.ts); default: leave them alone. */
  readonly includeGenerated?: boolean;
}

/** A user transform and the module it was loaded from. */
export interface LoadedTransform {
  readonly transform: Transform<any>;
  readonly module: string;
}

export interface SelectRequest {
  /** `--transform`: run only these (registry order). Empty: the default set. */
  readonly only?: readonly string[];
  readonly skip?: readonly string[];
  /** `--option name.key=value` strings. */
  readonly options?: readonly string[];
  readonly tier?: Tier;
  /** User transforms loaded by path, known besides the registered ones (after them, in this order). */
  readonly extra?: readonly LoadedTransform[];
}

export type SelectResult = { ok: true; selection: Selection } | { ok: false; message: string };

export function allTransforms(): readonly Transform<any>[] {
  return registry;
}

export function findTransform(name: string, extra: readonly Transform<any>[] = []): Transform<any> | undefined {
  return registry.find((t) => t.meta.name === name) ?? extra.find((t) => t.meta.name === name);
}

/**
 * `-t all`: every built-in transform, the opt-in ones too (and any of your own named beside it). No
 * transform has this name: a user transform module named so is refused when it is loaded.
 */
export const ALL_TRANSFORMS = 'all';

export function selectTransforms(req: SelectRequest): SelectResult {
  const only = req.only ?? [];
  const skip = req.skip ?? [];
  const extra = req.extra ?? [];
  const known = [...registry, ...extra.map((e) => e.transform)];
  for (const name of [...only, ...skip]) {
    if (name === ALL_TRANSFORMS && !skip.includes(name)) continue;
    if (!known.some((t) => t.meta.name === name)) return { ok: false, message: `unknown transform "${name}" (see --list)` };
  }
  const everything = only.includes(ALL_TRANSFORMS);
  const names = known
    .filter((t) => (everything && registry.includes(t)) || (only.length > 0 ? only.includes(t.meta.name) : t.meta.defaultEnabled))
    .filter((t) => !skip.includes(t.meta.name))
    .map((t) => t.meta.name);
  const modules = extra.filter((e) => names.includes(e.transform.meta.name)).map((e) => e.module);

  const options: Record<string, Record<string, OptionValue>> = {};
  for (const raw of req.options ?? []) {
    const m = /^([\w-]+)\.(\w+)=(.*)$/s.exec(raw);
    if (!m) return { ok: false, message: `--option expects transform.key=value, got "${raw}"` };
    const [, name, key, value] = m as unknown as [string, string, string, string];
    const t = known.find((k) => k.meta.name === name);
    if (t === undefined) return { ok: false, message: `unknown transform "${name}" in --option ${raw}` };
    const spec = (t.meta.options as Record<string, OptionSpec>)[key];
    if (spec === undefined) {
      const known = Object.keys(t.meta.options).join(', ') || 'none';
      return { ok: false, message: `transform ${name} has no option "${key}" (options: ${known})` };
    }
    const coerced = coerce(value, spec);
    if (!coerced.ok) return { ok: false, message: `--option ${raw}: ${coerced.message}` };
    (options[name] ??= {})[key] = coerced.value;
  }
  return { ok: true, selection: { names, options, tier: req.tier ?? 'review', ...(modules.length > 0 ? { modules } : {}) } };
}

/** An `-o key=value` string as the value of the option `spec` declares, or why it is not one. */
export function coerce(value: string, spec: OptionSpec): { ok: true; value: OptionValue } | { ok: false; message: string } {
  const like = spec.default;
  const typed = typeof like === 'boolean' ? (value === 'true' ? true : value === 'false' ? false : null) : typeof like === 'number' ? (/^-?\d+(\.\d+)?$/.test(value) ? Number(value) : null) : value;
  if (typed === null) return { ok: false, message: `expected a ${typeof like}, got ${JSON.stringify(value)}` };
  const problem = optionProblem(typed, spec);
  return problem === null ? { ok: true, value: typed } : { ok: false, message: problem };
}

/** Why `options` are not options `transform` declares, with values it takes, or null: one line naming the first wrong one. */
export function optionsProblem(transform: Transform<any>, options: Readonly<Record<string, unknown>>): string | null {
  const specs = transform.meta.options as Record<string, OptionSpec>;
  for (const [key, value] of Object.entries(options)) {
    const spec = own(specs, key);
    const name = transform.meta.name;
    if (spec === undefined) return `transform ${name} has no option "${key}" (options: ${Object.keys(specs).join(', ') || 'none'})`;
    const problem = optionProblem(value, spec);
    if (problem !== null) return `option ${name}.${key}: ${problem}`;
  }
  return null;
}

/**
 * Resolves a selection into runnable transforms with defaults filled in; `extra`: the user
 * transforms it names. Options are checked as the command line checks them (a selection made
 * there is checked already; one made by a program is not): a wrong one throws.
 */
export function configure(selection: Selection, extra: readonly Transform<any>[] = []): ConfiguredTransform[] {
  return selection.names.map((name) => {
    const transform = findTransform(name, extra);
    if (transform === undefined) throw new Error(`transform "${name}" is not loaded`);
    const problem = optionsProblem(transform, selection.options[name] ?? {});
    if (problem !== null) throw new Error(problem);
    const defaults = Object.fromEntries(
      Object.entries(transform.meta.options as Record<string, { default: OptionValue }>).map(([k, spec]) => [k, spec.default]),
    );
    return { transform, options: { ...defaults, ...selection.options[name] } };
  });
}

/** As `configure`, loading the selection's user transform modules first (in a worker, the first time). */
export async function configureWithModules(selection: Selection): Promise<ConfiguredTransform[]> {
  const extra: Transform<any>[] = [];
  for (const file of selection.modules ?? []) {
    const loaded = await loadTransformModule(file);
    if (!loaded.ok) throw new Error(`${file}: ${loaded.message}`);
    extra.push(loaded.transform);
  }
  return configure(selection, extra);
}
