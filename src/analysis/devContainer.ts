import * as path from 'node:path';
import type { BuildContext } from '../engine/context.js';
import { dockerfileMatch, servicesBuilding, type DockerfileMatch } from './compose.js';

/** What builds the Dockerfile as a development environment. */
export type DevContainer =
  /** A dev container configuration. */
  | {
      readonly tool: 'devcontainer';
      /** The configuration's path in the build context. */
      readonly config: string;
      /** The user it runs the container or the editor as (`containerUser`, else `remoteUser`), when it names one. */
      readonly user: string | null;
    }
  /**
   * CodeSandbox, which builds `.codesandbox/Dockerfile` as the container every terminal of the
   * sandbox opens in, as root (codesandbox.io/docs/learn/environment/docker).
   */
  | { readonly tool: 'codesandbox'; readonly config: '.codesandbox/Dockerfile' };

/** Where the dev container tools look for a configuration, from the folder they build. */
const CONFIGS = ['devcontainer.json', '.devcontainer.json', '.devcontainer/devcontainer.json'];

/**
 * The devcontainer.json of the build context that builds this Dockerfile (its `build.dockerfile`, or the
 * older `dockerFile`, or the build of the compose service it runs, names this file, as compose.ts's
 * dockerfileMatch tells), or null. Such an image is a development environment: the configuration picks
 * the user, and what the developer runs in it is not in the Dockerfile.
 */
export function devContainerOf(ctx: BuildContext | null, dockerfilePath: string | null, text?: string): DevContainer | null {
  // The place alone says so: CodeSandbox reads no configuration to find it.
  if (dockerfilePath !== null && path.basename(dockerfilePath) === 'Dockerfile' && path.basename(path.dirname(path.resolve(dockerfilePath))) === '.codesandbox') {
    return { tool: 'codesandbox', config: '.codesandbox/Dockerfile' };
  }
  if (ctx === null) return null;
  const isThis = dockerfileMatch(ctx, dockerfilePath, text);
  for (const config of CONFIGS) {
    const json = ctx.read(config);
    if (json === null) continue;
    const plain = withoutComments(json);
    // Paths in devcontainer.json are from its folder.
    const named = [...plain.matchAll(/"docker[Ff]ile"\s*:\s*"([^"]*)"/g)].map((m) => path.posix.join(path.posix.dirname(config), m[1]!.replace(/\\/g, '/')));
    if (!named.some(isThis) && !composeBuilds(ctx, config, plain, isThis)) continue;
    const user = /"containerUser"\s*:\s*"([^"]+)"/.exec(plain)?.[1] ?? /"remoteUser"\s*:\s*"([^"]+)"/.exec(plain)?.[1] ?? null;
    return { tool: 'devcontainer', config, user };
  }
  return null;
}

/**
 * Whether the compose service a devcontainer.json runs (\`dockerComposeFile\`, \`service\`) is built from this
 * Dockerfile. The compose files lie beside the configuration; one outside the build context cannot be read, and
 * does not count.
 */
function composeBuilds(ctx: BuildContext, config: string, json: string, isThis: DockerfileMatch): boolean {
  const service = /"service"\s*:\s*"([^"]+)"/.exec(json)?.[1];
  const files = /"dockerComposeFile"\s*:\s*("[^"]*"|\[[^\]]*\])/.exec(json)?.[1];
  if (service === undefined || files === undefined) return false;
  return [...files.matchAll(/"([^"]+)"/g)].some((m) => servicesBuilding(ctx, path.posix.join(path.posix.dirname(config), m[1]!), isThis).some((s) => s.name === service));
}

/** devcontainer.json is JSON with comments: drops `//` and `/* *\/` comments outside strings. */
function withoutComments(text: string): string {
  let out = '';
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (c === '"') {
      let j = i + 1;
      while (j < text.length && text[j] !== '"' && text[j] !== '\n') j += text[j] === '\\' ? 2 : 1;
      out += text.slice(i, j + 1);
      i = j + 1;
    } else if (c === '/' && text[i + 1] === '/') {
      while (i < text.length && text[i] !== '\n') i++;
    } else if (c === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      i = end < 0 ? text.length : end + 2;
    } else {
      out += c;
      i++;
    }
  }
  return out;
}
