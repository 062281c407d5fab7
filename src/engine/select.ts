import { transforms as registry } from '../../transforms/index.js';
import type { ConfiguredTransform, OptionValue, Tier, Transform } from './types.js';

/** What the user chose; plain data, so it crosses into worker threads as is. */
export interface Selection {
  /** Transform names, in registry order. */
  readonly names: readonly string[];
  /** Option overrides by transform name. */
  readonly options: Readonly<Record<string, Readonly<Record<string, OptionValue>>>>;
  /** `safe`: only changes that keep the build's meaning; `review` (default): all, labelled. */
  readonly tier?: Tier;
}

export interface SelectRequest {
  /** `--transform`: run only these (registry order). Empty: the default set. */
  readonly only?: readonly string[];
  readonly skip?: readonly string[];
  /** `--option name.key=value` strings. */
  readonly options?: readonly string[];
  readonly tier?: Tier;
}

export type SelectResult = { ok: true; selection: Selection } | { ok: false; message: string };

export function allTransforms(): readonly Transform<any>[] {
  return registry;
}

export function findTransform(name: string): Transform<any> | undefined {
  return registry.find((t) => t.meta.name === name);
}

export function selectTransforms(req: SelectRequest): SelectResult {
  const only = req.only ?? [];
  const skip = req.skip ?? [];
  for (const name of [...only, ...skip]) {
    if (findTransform(name) === undefined) return { ok: false, message: `unknown transform "${name}" (see --list)` };
  }
  const names = registry
    .filter((t) => (only.length > 0 ? only.includes(t.meta.name) : t.meta.defaultEnabled))
    .filter((t) => !skip.includes(t.meta.name))
    .map((t) => t.meta.name);

  const options: Record<string, Record<string, OptionValue>> = {};
  for (const raw of req.options ?? []) {
    const m = /^([\w-]+)\.(\w+)=(.*)$/s.exec(raw);
    if (!m) return { ok: false, message: `--option expects transform.key=value, got "${raw}"` };
    const [, name, key, value] = m as unknown as [string, string, string, string];
    const t = findTransform(name);
    if (t === undefined) return { ok: false, message: `unknown transform "${name}" in --option ${raw}` };
    const spec = (t.meta.options as Record<string, { default: OptionValue }>)[key];
    if (spec === undefined) {
      const known = Object.keys(t.meta.options).join(', ') || 'none';
      return { ok: false, message: `transform ${name} has no option "${key}" (options: ${known})` };
    }
    const coerced = coerce(value, spec.default);
    if (coerced === null) return { ok: false, message: `--option ${raw}: expected a ${typeof spec.default}` };
    (options[name] ??= {})[key] = coerced;
  }
  return { ok: true, selection: { names, options, tier: req.tier ?? 'review' } };
}

function coerce(value: string, like: OptionValue): OptionValue | null {
  if (typeof like === 'boolean') return value === 'true' ? true : value === 'false' ? false : null;
  if (typeof like === 'number') return /^-?\d+(\.\d+)?$/.test(value) ? Number(value) : null;
  return value;
}

/** Resolves a selection into runnable transforms with defaults filled in. */
export function configure(selection: Selection): ConfiguredTransform[] {
  return selection.names.map((name) => {
    const transform = findTransform(name)!;
    const defaults = Object.fromEntries(
      Object.entries(transform.meta.options as Record<string, { default: OptionValue }>).map(([k, spec]) => [k, spec.default]),
    );
    return { transform, options: { ...defaults, ...selection.options[name] } };
  });
}
