import { describe, expect, it } from 'vitest';
import { findCulprit, type TrialRunner } from '../../src/verify/culprit.js';
import { knobFlag, type Knob } from '../../src/verify/knobs.js';

const option = (transform: string, name: string): Knob => ({ kind: 'option', transform, option: name, value: false });
const transform = (name: string): Knob => ({ kind: 'transform', transform: name });

const KNOBS: Knob[] = [transform('exec-form'), transform('collapse-run'), option('install-flags', 'noInstallRecommends'), transform('install-flags'), transform('cleanup-in-layer')];

/** A trial runner that passes when `broken` (a predicate on what is still on) is false, and records its calls. */
function runner(passes: (off: readonly Knob[]) => boolean): TrialRunner & { calls: string[][] } {
  const calls: string[][] = [];
  const run = async (off: readonly Knob[]) => {
    calls.push(off.map(knobFlag));
    const ok = passes(off);
    return { passes: ok, note: ok ? 'builds; same smoke result' : 'does not build' };
  };
  return Object.assign(run, { calls });
}

const isOff = (off: readonly Knob[], flag: string) => off.some((k) => knobFlag(k) === flag);
const transformOff = (off: readonly Knob[], name: string) => isOff(off, `--skip ${name}`);

describe('findCulprit', () => {
  it('tries the options first and stops at the first knob that makes the rewrite pass', async () => {
    const run = runner((off) => isOff(off, '-o install-flags.noInstallRecommends=false') || transformOff(off, 'install-flags'));
    const found = await findCulprit(KNOBS, run);
    expect(found.kind).toBe('single');
    expect(found.kind !== 'none' && found.culprits.map(knobFlag)).toEqual(['-o install-flags.noInstallRecommends=false']);
    expect(found.kind !== 'none' && found.fix.map(knobFlag)).toEqual(['-o install-flags.noInstallRecommends=false']);
    expect(run.calls).toEqual([['-o install-flags.noInstallRecommends=false']]);
  });

  it('names a whole transform when none of its options is enough', async () => {
    const run = runner((off) => transformOff(off, 'collapse-run'));
    const found = await findCulprit(KNOBS, run);
    expect(found.kind !== 'none' && found.culprits.map(knobFlag)).toEqual(['--skip collapse-run']);
    expect(run.calls).toEqual([['-o install-flags.noInstallRecommends=false'], ['--skip exec-form'], ['--skip collapse-run']]);
    expect(found.trials.map((t) => t.passes)).toEqual([false, false, true]);
  });

  it('finds changes that only break together, and narrows a transform to its option', async () => {
    // Passes only with collapse-run off and recommends back on: no single knob is enough.
    const run = runner((off) => transformOff(off, 'collapse-run') && (isOff(off, '-o install-flags.noInstallRecommends=false') || transformOff(off, 'install-flags')));
    const found = await findCulprit(KNOBS, run);
    expect(found.kind).toBe('combination');
    expect(found.kind !== 'none' && found.culprits.map(knobFlag)).toEqual(['--skip collapse-run', '-o install-flags.noInstallRecommends=false']);
    // After the five single trials: all off, then each turned back on while it still passes.
    expect(run.calls.slice(5)).toEqual([
      ['--skip exec-form', '--skip collapse-run', '--skip install-flags', '--skip cleanup-in-layer'],
      ['--skip collapse-run', '--skip install-flags', '--skip cleanup-in-layer'],
      ['--skip install-flags', '--skip cleanup-in-layer'],
      ['--skip collapse-run', '--skip cleanup-in-layer'],
      ['--skip collapse-run', '--skip install-flags'],
      ['--skip collapse-run', '-o install-flags.noInstallRecommends=false'],
    ]);
  });

  it('says when nothing it turns off makes the rewrite pass', async () => {
    const found = await findCulprit(KNOBS, runner(() => false));
    expect(found).toMatchObject({ kind: 'none', reason: expect.stringContaining('every changing transform off') });
    const single = await findCulprit([transform('exec-form')], runner(() => false));
    expect(single).toMatchObject({ kind: 'none', reason: 'turning off the changing transform did not make it pass' });
  });
});
