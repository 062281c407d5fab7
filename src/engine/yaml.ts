import { createRequire } from 'node:module';
import type * as Yaml from 'yaml';

let loaded: typeof Yaml | undefined;

/** The yaml package, loaded on first use: most runs read no YAML file, and it is slow to load. */
export function yaml(): typeof Yaml {
  return (loaded ??= createRequire(import.meta.url)('yaml') as typeof Yaml);
}

/**
 * A project's YAML file read in passing (a compose file, a workflow, pnpm-workspace.yaml). A tag the
 * parser does not know, such as compose's `!reset` and `!override` in an override file, is read as its
 * plain value: the yaml package would print a warning for it that names no file, about a file the run
 * does not rewrite. Throws on YAML that does not parse, as `parse` does.
 */
export function parseProjectYaml(text: string): unknown {
  return yaml().parse(text, { logLevel: 'error' });
}
