/**
 * Compose files of the build context, and which of their services are built from the Dockerfile: how
 * such a service runs (a volume, a user) is how the image is run, beside what the Dockerfile says.
 */
import * as path from 'node:path';
import type { BuildContext } from '../engine/context.js';
import { yaml } from '../engine/yaml.js';

/** The names compose looks for in a project's folder. */
export const COMPOSE_FILES = ['compose.yaml', 'compose.yml', 'docker-compose.yaml', 'docker-compose.yml'];

/** Whether a path of the build context (from its root, as compose or a devcontainer.json resolves it) is this Dockerfile. */
export type DockerfileMatch = (named: string) => boolean;

/**
 * The file a path names is this Dockerfile when it holds this one's text, or, when the context cannot show
 * it, when it is the Dockerfile's place at the context's root, as by default. So a configuration that builds
 * another Dockerfile of the same name (one in `.devcontainer/` beside the service's own) does not count,
 * and under `--context` the Dockerfile is found wherever it lies in the context.
 */
export function dockerfileMatch(ctx: BuildContext, dockerfilePath: string | null, text: string | undefined): DockerfileMatch {
  const name = dockerfilePath === null ? 'Dockerfile' : path.basename(dockerfilePath);
  const own = text?.replace(/^\uFEFF/, '');
  return (named) => {
    const target = path.resolve(ctx.root, named);
    const rel = path.relative(ctx.root, target);
    const there = rel.startsWith('..') || path.isAbsolute(rel) ? null : ctx.read(rel.split(path.sep).join('/'));
    if (there !== null && own !== undefined) return there.replace(/^\uFEFF/, '') === own;
    return target === path.join(ctx.root, name);
  };
}

export interface ComposeService {
  readonly name: string;
  /** The service's entry as the file gives it. */
  readonly spec: Readonly<Record<string, unknown>>;
}

/** A compose file of the context, parsed; null when it is missing or not YAML. */
function composeDocument(ctx: BuildContext, composeFile: string): { services?: unknown } | null {
  const text = ctx.read(composeFile);
  if (text === null) return null;
  try {
    const doc: unknown = yaml().parse(text);
    return typeof doc === 'object' && doc !== null ? (doc as { services?: unknown }) : null;
  } catch {
    return null;
  }
}

/**
 * The services of a compose file of the context (its path from the root) that are built from this Dockerfile:
 * their `build.dockerfile` from their `build.context`, or Dockerfile there when `build` names only the context;
 * the context is named from the compose file's folder.
 */
export function servicesBuilding(ctx: BuildContext, composeFile: string, isThis: DockerfileMatch): ComposeService[] {
  const services = composeDocument(ctx, composeFile)?.services;
  if (typeof services !== 'object' || services === null) return [];
  const out: ComposeService[] = [];
  for (const [name, spec] of Object.entries(services as Record<string, unknown>)) {
    if (typeof spec !== 'object' || spec === null) continue;
    const build = (spec as { build?: unknown }).build;
    const parts = typeof build === 'string' ? { context: build } : typeof build === 'object' && build !== null ? (build as { context?: unknown; dockerfile?: unknown }) : null;
    if (parts === null) continue;
    const context = typeof parts.context === 'string' ? parts.context : '.';
    const dockerfile = typeof parts.dockerfile === 'string' ? parts.dockerfile : 'Dockerfile';
    if (isThis(path.posix.join(path.posix.dirname(composeFile), context.replace(/\\/g, '/'), dockerfile.replace(/\\/g, '/')))) out.push({ name, spec: spec as Record<string, unknown> });
  }
  return out;
}

/** The host paths a service's volumes mount (`/var/run/docker.sock:/var/run/docker.sock:ro`, or the long form's `source`). */
export function mountedSources(service: ComposeService): string[] {
  const volumes = service.spec['volumes'];
  if (!Array.isArray(volumes)) return [];
  return volumes.flatMap((v: unknown) => {
    if (typeof v === 'string') return v.includes(':') ? [v.split(':')[0]!] : [];
    const source = typeof v === 'object' && v !== null ? (v as { source?: unknown }).source : undefined;
    return typeof source === 'string' ? [source] : [];
  });
}
