import { describe, expect, it } from 'vitest';
import { selectTransforms, type Selection } from '../../src/engine/select.js';
import { applyKnobs, describeKnob, knobFlag, knobsFor } from '../../src/verify/knobs.js';

function selection(options: string[] = []): Selection {
  const s = selectTransforms({ options });
  if (!s.ok) throw new Error(s.message);
  return s.selection;
}

describe('knobs', () => {
  it('lists the options that are on, then the transform, for each transform that changed the file, in pipeline order', () => {
    const knobs = knobsFor(['cleanup-in-layer', 'install-flags', 'exec-form'], selection());
    expect(knobs.map(knobFlag)).toEqual(['--skip exec-form', '-o install-flags.noInstallRecommends=false', '--skip install-flags', '--skip cleanup-in-layer']);
  });

  it('does not offer an option the user already turned off', () => {
    const knobs = knobsFor(['install-flags'], selection(['install-flags.noInstallRecommends=false']));
    expect(knobs.map(knobFlag)).toEqual(['--skip install-flags']);
  });

  it('turns knobs into a selection the engine runs', () => {
    const base = selection(['collapse-run.maxCommands=3']);
    const [, recommends, flags] = knobsFor(['exec-form', 'install-flags'], base);
    const off = applyKnobs(base, [recommends!]);
    expect(off.names).toEqual(base.names);
    expect(off.options).toEqual({ 'collapse-run': { maxCommands: 3 }, 'install-flags': { noInstallRecommends: false } });
    expect(base.names).toContain('install-flags');
    expect(applyKnobs(base, [flags!]).names).toEqual(base.names.filter((n) => n !== 'install-flags'));
    expect(base.options).toEqual({ 'collapse-run': { maxCommands: 3 } });
    expect(describeKnob(recommends!)).toBe('install-flags (option noInstallRecommends=false)');
    expect(describeKnob(flags!)).toBe('install-flags');
  });
});
