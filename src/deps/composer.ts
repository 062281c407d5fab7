/**
 * The manifest set of `composer install`: composer.json with composer.lock and auth.json.
 * Refused when the install runs the project's scripts (Laravel's `artisan package:discover`,
 * say) or builds a class map, which scans the source folders.
 */
import type { DependencyInstall } from './commands.js';
import { isProblem, problem, under, type ManifestProblem, type ManifestReader } from './reader.js';
import { record } from './packageJson.js';

/** Script events composer fires during an install. */
const INSTALL_EVENTS = ['pre-install-cmd', 'post-install-cmd', 'pre-autoload-dump', 'post-autoload-dump', 'pre-package-install', 'post-package-install', 'post-root-package-install'];

export function composerManifests(reader: ManifestReader, dir: string, install: DependencyInstall): ManifestProblem | null {
  const manifest = under(dir, 'composer.json');
  const missing = reader.need(manifest);
  if (missing !== null) return missing;
  reader.maybe(under(dir, 'composer.lock'));
  reader.maybe(under(dir, 'auth.json'));
  const json = reader.json(manifest);
  if (isProblem(json)) return json;
  const config = record(json.config);
  if (!install.ignoreScripts) {
    const event = INSTALL_EVENTS.find((e) => record(json.scripts)[e] !== undefined);
    if (event !== undefined) return problem('lifecycle-scripts', `${manifest} runs \`${event}\` scripts during the install; add --no-scripts and run them after the sources are copied`);
  }
  if (!install.noAutoloader) {
    const optimised = install.optimizedAutoloader || config['optimize-autoloader'] === true || config['classmap-authoritative'] === true;
    if (optimised) return problem('install-needs-source', 'an optimised autoloader scans the source folders for classes; add --no-autoloader and dump it after the sources are copied');
    for (const section of install.noDev ? ['autoload'] : ['autoload', 'autoload-dev']) {
      if (record(json[section]).classmap !== undefined) return problem('install-needs-source', `${manifest} has a \`${section}.classmap\`, which composer builds by scanning the sources`);
    }
  }
  for (const repo of Array.isArray(json.repositories) ? json.repositories : Object.values(record(json.repositories))) {
    if (record(repo).type === 'path') return problem('local-dependency', `${manifest} takes packages from a local path repository`);
  }
  const vendor = typeof config['vendor-dir'] === 'string' ? config['vendor-dir'] : 'vendor';
  reader.output(under(dir, vendor));
  if (typeof config['bin-dir'] === 'string') reader.output(under(dir, config['bin-dir']));
  return null;
}
