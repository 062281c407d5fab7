/**
 * Tilt's live update: a Tiltfile at the build context's root that builds a Dockerfile with
 * `live_update` syncs files into the running container and runs commands there, as the container's
 * user, wherever the steps say (`sync('.tilt-bin/app', '/usr/local/bin/app')`), and
 * `docker_build_with_restart` writes its `restart_file` there too. Such an image is a development
 * loop's: what it writes is the Tiltfile's to say, not the Dockerfile's.
 */
import type { BuildContext } from '../engine/context.js';
import { dockerfileMatch } from './compose.js';

/** The builds Tilt makes with an image of their own; `custom_build` runs a command of the user's instead. */
const BUILDS = /\b(docker_build(?:_with_restart)?)\s*\(/g;

export interface TiltBuild {
  /** The function the Tiltfile calls: `docker_build` or `docker_build_with_restart`. */
  readonly call: string;
  /** The first path a `sync` step writes in the container, or the restart file; null when neither is a literal. */
  readonly writes: string | null;
}

/** The build of the context's Tiltfile that makes this Dockerfile's image with a live update, or null. */
export function tiltLiveUpdate(ctx: BuildContext | null, dockerfilePath: string | null, text: string | undefined): TiltBuild | null {
  const tiltfile = ctx?.read('Tiltfile') ?? null;
  if (ctx === null || tiltfile === null) return null;
  const isThis = dockerfileMatch(ctx, dockerfilePath, text);
  for (const m of tiltfile.matchAll(BUILDS)) {
    const args = callArguments(tiltfile, m.index + m[0].length);
    if (args === null || !/\blive_update\s*=/.test(args)) continue;
    // Tilt's default is the Dockerfile at the root of the build's context, the Tiltfile's folder as docker_build('img', '.') names it.
    const named = /\bdockerfile\s*=\s*(['"])([^'"]+)\1/.exec(args)?.[2] ?? 'Dockerfile';
    if (!isThis(named)) continue;
    const sync = /\bsync\s*\(\s*(['"])[^'"]*\1\s*,\s*(['"])([^'"]+)\2/.exec(args)?.[3];
    const restart = /\brestart_file\s*=\s*(['"])([^'"]+)\1/.exec(args)?.[2];
    return { call: m[1]!, writes: sync ?? restart ?? null };
  }
  return null;
}

/** The text between a call's parentheses (from just after its `(`), strings and comments skipped; null when it never closes. */
function callArguments(source: string, from: number): string | null {
  let depth = 1;
  for (let i = from; i < source.length; i++) {
    const c = source[i]!;
    if (c === '#') {
      const nl = source.indexOf('\n', i);
      if (nl === -1) return null;
      i = nl;
    } else if (c === '"' || c === "'") {
      const end = source.indexOf(c, i + 1);
      if (end === -1) return null;
      i = end;
    } else if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') {
      depth--;
      if (depth === 0) return source.slice(from, i);
    }
  }
  return null;
}
