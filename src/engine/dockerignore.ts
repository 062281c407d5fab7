/**
 * `.dockerignore` rules as BuildKit applies them (moby's pattern matcher: Go
 * filepath.Match globs, `**`, `!` exceptions, a match on a folder covers what is
 * inside it), through @balena/dockerignore, a port of Docker's own matcher.
 */
import { createRequire } from 'node:module';
import type { Ignore } from '@balena/dockerignore';

type Factory = (options?: { ignorecase?: boolean }) => Ignore;

let factory: Factory | null = null;

export interface DockerIgnore {
  /** The path (relative to the context root, `/`-separated) is excluded from the context. */
  excludes(rel: string): boolean;
}

export function parseDockerIgnore(text: string): DockerIgnore {
  factory ??= createRequire(import.meta.url)('@balena/dockerignore') as Factory;
  // Linux builds match case-sensitively; the library's default is case-insensitive.
  const rules = factory({ ignorecase: false }).add(text);
  return { excludes: (rel) => rules.ignores(rel) };
}
