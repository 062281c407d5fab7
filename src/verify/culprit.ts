import { sameKnob, type Knob } from './knobs.js';

/** One rebuild of the rewrite with some knobs turned off, and whether it then behaved. */
export interface Trial {
  readonly off: readonly Knob[];
  readonly passes: boolean;
  /** Why it failed, or how it was decided without a build (same text as an earlier trial). */
  readonly note: string;
}

export type TrialRunner = (off: readonly Knob[]) => Promise<{ readonly passes: boolean; readonly note: string }>;

export type CulpritFinding =
  /** Turning off this one knob (`culprits[0]`) makes the rewrite pass. */
  | { readonly kind: 'single'; readonly culprits: readonly Knob[]; readonly fix: readonly Knob[]; readonly trials: readonly Trial[] }
  /** Only turning off all of `culprits` together makes it pass. */
  | { readonly kind: 'combination'; readonly culprits: readonly Knob[]; readonly fix: readonly Knob[]; readonly trials: readonly Trial[] }
  | { readonly kind: 'none'; readonly reason: string; readonly trials: readonly Trial[] };

/**
 * Finds which change broke the rewrite. First each knob alone, options before
 * whole transforms (an option is the finer change, and the behaviour-changing
 * options are the usual suspects), stopping at the first that makes the
 * rewrite pass. If none does alone, the breakage needs several changes
 * together: starting from every changing transform off, each is turned back
 * on while the result still passes; those that must stay off are the
 * culprits, narrowed to their options where that is enough. `fix` is the knob
 * set to turn off for the largest passing rewrite found.
 */
export async function findCulprit(knobs: readonly Knob[], runTrial: TrialRunner): Promise<CulpritFinding> {
  const trials: Trial[] = [];
  const trial = async (off: readonly Knob[]) => {
    const outcome = await runTrial(off);
    trials.push({ off, ...outcome });
    return outcome.passes;
  };

  const options = knobs.filter((k) => k.kind === 'option');
  const transforms = knobs.filter((k) => k.kind === 'transform');
  for (const knob of [...options, ...transforms]) {
    if (await trial([knob])) return { kind: 'single', culprits: [knob], fix: [knob], trials };
  }

  if (transforms.length < 2) return { kind: 'none', reason: 'turning off the changing transform did not make it pass', trials };
  let off: Knob[] = [...transforms];
  if (!(await trial(off))) {
    return { kind: 'none', reason: 'it still fails with every changing transform off: the build or the smoke run may not be repeatable', trials };
  }
  for (const t of transforms) {
    const without = off.filter((k) => !sameKnob(k, t));
    if (await trial(without)) off = without;
  }
  for (const t of off.filter((k) => k.kind === 'transform')) {
    const own = options.filter((k) => k.transform === t.transform);
    if (own.length === 0) continue;
    const narrowed = [...off.filter((k) => !sameKnob(k, t)), ...own];
    if (await trial(narrowed)) off = narrowed;
  }
  return { kind: off.length === 1 ? 'single' : 'combination', culprits: off, fix: off, trials };
}
