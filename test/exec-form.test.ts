import { describe, expect, it } from 'vitest';
import { runPipeline } from '../src/engine/pipeline.js';
import { configure } from '../src/engine/select.js';

const execForm = configure({ names: ['exec-form'], options: {} });

/** What exec-form says of a CMD it leaves, named as the SHELL in effect runs it. */
describe('exec-form reasons', () => {
  it('names the SHELL a stage built on another inherits, not /bin/sh', () => {
    const input =
      'FROM debian:12-slim AS base\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\n' +
      'FROM base\nCOPY entrypoint.sh /entrypoint.sh\nCMD /bin/bash\nENTRYPOINT ["/entrypoint.sh"]\n';
    const result = runPipeline(input, execForm);
    if (!result.ok) throw new Error(result.error.message);
    expect(result.refusals.map((r) => [r.code, r.line, r.reason])).toEqual([
      ['cmd-with-entrypoint', 5, 'an exec-form ENTRYPOINT receives this CMD as ["/bin/bash", "-o", "pipefail", "-c", "…"]; exec form would change its arguments'],
    ]);
  });
});
