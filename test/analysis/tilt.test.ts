import { describe, expect, it } from 'vitest';
import { tiltLiveUpdate } from '../../src/analysis/tilt.js';
import { memoryBuildContext } from '../../src/engine/context.js';

const build = (tiltfile: string, dockerfile = 'Dockerfile') => tiltLiveUpdate(memoryBuildContext({ Tiltfile: tiltfile }), dockerfile, undefined);

describe('tiltLiveUpdate', () => {
  it("finds the build of this Dockerfile with a live update, by Tilt's default name too", () => {
    expect(build("docker_build('app', '.', live_update=[sync('src', '/app/src')])")).toEqual({ call: 'docker_build', writes: '/app/src' });
    expect(build("docker_build_with_restart('app', '.', dockerfile='Dockerfile.tilt', entrypoint=['/app'], live_update=[sync('bin/app', '/app')], restart_file='/tilt/.restart')", 'Dockerfile.tilt')).toEqual({
      call: 'docker_build_with_restart',
      writes: '/app',
    });
    // Only a run step: what it writes is not a literal path.
    expect(build("docker_build('app', '.', live_update=[run('make')])")).toEqual({ call: 'docker_build', writes: null });
  });

  it('reads past parentheses in strings and comments, and stops at the call that closes', () => {
    const tiltfile = [
      "docker_build('app', '.',  # a comment with ) and (",
      "  entrypoint=['sh', '-c', 'echo ) && run'],",
      ')',
      "docker_build('other', 'sub', dockerfile='Other.Dockerfile', live_update=[sync('x', '/x')])",
    ].join('\n');
    expect(build(tiltfile)).toBeNull();
    // A dockerfile= path is the Tiltfile's, whatever folder the build sends as its context.
    expect(build(tiltfile, 'Other.Dockerfile')).toEqual({ call: 'docker_build', writes: '/x' });
  });

  it('is null without a Tiltfile, a live update, or a build of this file', () => {
    expect(tiltLiveUpdate(memoryBuildContext({}), 'Dockerfile', undefined)).toBeNull();
    expect(build("docker_build('app', '.')")).toBeNull();
    expect(build("docker_build('app', '.', dockerfile='Dockerfile.dev', live_update=[sync('src', '/app')])")).toBeNull();
    expect(build("custom_build('app', 'make image', deps=['.'], live_update=[sync('src', '/app')])")).toBeNull();
  });
});
