/** The manifest set of a dependency install, by ecosystem: see each module for what it reads and refuses. */
import type { BuildContext } from '../engine/context.js';
import type { DependencyInstall, Ecosystem } from './commands.js';
import { composerManifests } from './composer.js';
import { goManifests } from './go.js';
import { mavenManifests } from './maven.js';
import { nodeManifests } from './node.js';
import { pipenvManifests, pipManifests, poetryManifests, uvManifests, uvPipManifests } from './python.js';
import { ManifestReader, problem, type ManifestProblem, type ManifestSet } from './reader.js';
import { bundlerManifests } from './ruby.js';

type Collect = (reader: ManifestReader, dir: string, install: DependencyInstall) => ManifestProblem | null;

const COLLECT: Readonly<Record<Ecosystem, Collect>> = {
  npm: nodeManifests,
  yarn: nodeManifests,
  pnpm: nodeManifests,
  bun: nodeManifests,
  pip: pipManifests,
  'uv-pip': uvPipManifests,
  pipenv: pipenvManifests,
  poetry: poetryManifests,
  uv: uvManifests,
  go: goManifests,
  maven: mavenManifests,
  bundler: bundlerManifests,
  composer: composerManifests,
  cargo: () => problem('install-needs-source', 'cargo reads the package targets when it loads Cargo.toml'),
};

/**
 * What the installs (run in the context folder `dir`) read and write. Each install's own
 * problem (it runs elsewhere, or installs the project itself) comes first.
 */
export function manifestsOf(ctx: BuildContext, dir: string, installs: readonly DependencyInstall[]): ManifestSet | ManifestProblem {
  const reader = new ManifestReader(ctx);
  for (const install of installs) {
    if (install.problem !== null) return problem(install.problem.code, install.problem.reason);
    const found = COLLECT[install.ecosystem](reader, dir, install);
    if (found !== null) return found;
  }
  return reader.done();
}

export type { ManifestProblem, ManifestProblemCode, ManifestSet } from './reader.js';
