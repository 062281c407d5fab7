/**
 * Docker engine plugins (managed plugins, "plugin v2"): `docker plugin create NAME DIR` makes one from
 * DIR/rootfs, the files of an image built from a Dockerfile, and DIR/config.json, which says how the
 * engine runs it: its entrypoint, the interfaces it serves on a socket in /run/docker/plugins, its
 * capabilities, mounts and user (root unless `user` says otherwise). The image's USER is not read.
 */
import * as path from 'node:path';
import type { BuildContext } from '../engine/context.js';
import { dockerfileMatch, perDockerfile } from './compose.js';

/** The interfaces a plugin's config.json declares (`docker.logdriver/1.0`, `docker.volumedriver/1.0`). */
const PLUGIN_INTERFACE = /^docker\.[a-z]+\/\d+(?:\.\d+)*$/;

export interface DockerPlugin {
  /** The config.json, from the context's root. */
  readonly config: string;
  /** Its `interface.types`. */
  readonly types: readonly string[];
}

/**
 * The plugin configuration beside this Dockerfile: a config.json in the Dockerfile's folder, where the
 * plugin's folder is by convention (Loki's clients/cmd/docker-driver, built with the repository as context),
 * or at the context's root, whose `interface.types` are plugin interfaces and which names an `entrypoint`.
 * Null when there is none.
 */
export function dockerPluginOf(ctx: BuildContext | null, dockerfilePath: string | null, text: string | undefined): DockerPlugin | null {
  return ctx === null ? null : pluginKnown(ctx, dockerfilePath, text);
}

/** Asked for each published stage in every pass; finding the Dockerfile's folder reads and compares texts. */
const pluginKnown = perDockerfile(readDockerPlugin);

function readDockerPlugin(ctx: BuildContext, dockerfilePath: string | null, text: string | undefined): DockerPlugin | null {
  const folder = dockerfileFolder(ctx, dockerfilePath, text);
  const candidates = [...new Set([...(folder === null ? [] : [folder]), '.'])];
  for (const dir of candidates) {
    const config = dir === '.' ? 'config.json' : `${dir}/config.json`;
    const found = pluginConfig(ctx.read(config));
    if (found !== null) return { config, types: found };
  }
  return null;
}

/** The plugin interfaces a config.json's text declares, when it is a plugin's configuration; else null. */
function pluginConfig(text: string | null): string[] | null {
  if (text === null) return null;
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) return null;
  const { interface: iface, entrypoint } = doc as { interface?: unknown; entrypoint?: unknown };
  const types = typeof iface === 'object' && iface !== null ? (iface as { types?: unknown }).types : undefined;
  if (!Array.isArray(types) || types.length === 0 || !Array.isArray(entrypoint)) return null;
  return types.every((t) => typeof t === 'string' && PLUGIN_INTERFACE.test(t)) ? (types as string[]) : null;
}

/**
 * The Dockerfile's folder inside the context (context-relative, `.` for the root), or null when it cannot be
 * told: the folders its shown path ends with are tried, deepest first, and the one where the context holds
 * this Dockerfile (by its text) is it.
 */
function dockerfileFolder(ctx: BuildContext, dockerfilePath: string | null, text: string | undefined): string | null {
  if (dockerfilePath === null) return null;
  const isThis = dockerfileMatch(ctx, dockerfilePath, text);
  const name = path.posix.basename(dockerfilePath.replace(/\\/g, '/'));
  const parts = path.posix.dirname(path.posix.normalize(dockerfilePath.replace(/\\/g, '/'))).split('/').filter((p) => p !== '.' && p !== '..' && p !== '');
  for (let i = 0; i <= parts.length; i++) {
    const dir = parts.slice(i).join('/') || '.';
    if (isThis(dir === '.' ? name : `${dir}/${name}`)) return dir;
  }
  return null;
}
