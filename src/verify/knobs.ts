import { findTransform, type Selection } from '../engine/select.js';
import type { OptionValue } from '../engine/types.js';

/**
 * One thing the culprit search can turn off: a whole transform, or one
 * boolean option of it (such as `install-flags.noInstallRecommends`), which
 * keeps the rest of the transform's work.
 */
export type Knob =
  | { readonly kind: 'transform'; readonly transform: string }
  | { readonly kind: 'option'; readonly transform: string; readonly option: string; readonly value: boolean };

/**
 * The knobs of the transforms that changed the file, in pipeline order: for
 * each transform its boolean options that are on, then the transform itself.
 */
export function knobsFor(changed: readonly string[], selection: Selection): Knob[] {
  const knobs: Knob[] = [];
  for (const name of selection.names) {
    if (!changed.includes(name)) continue;
    const meta = findTransform(name)?.meta;
    for (const [option, spec] of Object.entries((meta?.options ?? {}) as Record<string, { default: OptionValue }>)) {
      // Only an option that is on can be turned off; turning one on would add changes, not remove one.
      const current = selection.options[name]?.[option] ?? spec.default;
      if (current === true) knobs.push({ kind: 'option', transform: name, option, value: false });
    }
    knobs.push({ kind: 'transform', transform: name });
  }
  return knobs;
}

/** The selection with these knobs turned. */
export function applyKnobs(selection: Selection, knobs: readonly Knob[]): Selection {
  const off = new Set(knobs.filter((k) => k.kind === 'transform').map((k) => k.transform));
  const options: Record<string, Record<string, OptionValue>> = {};
  for (const [name, opts] of Object.entries(selection.options)) options[name] = { ...opts };
  for (const k of knobs) if (k.kind === 'option') (options[k.transform] ??= {})[k.option] = k.value;
  return { names: selection.names.filter((n) => !off.has(n)), options };
}

/** How a user gets the same effect on the command line. */
export function knobFlag(k: Knob): string {
  return k.kind === 'option' ? `-o ${k.transform}.${k.option}=${k.value}` : `--skip ${k.transform}`;
}

/** `install-flags (option noInstallRecommends)` or `collapse-run`. */
export function describeKnob(k: Knob): string {
  return k.kind === 'option' ? `${k.transform} (option ${k.option}=${k.value})` : k.transform;
}

export function sameKnob(a: Knob, b: Knob): boolean {
  return a.transform === b.transform && a.kind === b.kind && (a.kind === 'transform' || a.option === (b as typeof a).option);
}
